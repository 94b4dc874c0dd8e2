"""Writing output: atomic files, record and error lines.

Nothing is ever written in place: every file is written to a temporary name in the
same folder, flushed to disk and renamed over the target, so a reader (or a crash)
sees either the old file or the new one, never a truncated one.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from pipeline.ingest import InputFailure
from pipeline.record import EventRecord

_SURROGATE = re.compile("[\ud800-\udfff]")


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path in the folder of `path`, for a writer that opens files itself (Parquet).

    The file written there replaces `path` only when the block ends without an exception.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield temporary
        _fsync_file(temporary)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


@contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """A text file that replaces `path` only when the block ends without an exception."""
    with atomic_path(path) as temporary, temporary.open("w", encoding="utf-8", newline="\n") as handle:
        yield handle


def write_lines(path: Path, lines: Iterable[str]) -> int:
    """Write one line per item atomically; returns the number of lines."""
    count = 0
    with atomic_writer(path) as handle:
        for line in lines:
            handle.write(line)
            handle.write("\n")
            count += 1
    return count


def write_json(path: Path, value: Any) -> None:
    with atomic_writer(path) as handle:
        json.dump(value, handle, indent=2, ensure_ascii=False, sort_keys=True)
        handle.write("\n")


def record_line(record: EventRecord) -> str:
    """The JSON Lines form of a record: compact, key order fixed by the model, UTF-8."""
    return record.model_dump_json()


def failure_line(failure: InputFailure) -> str:
    """The JSON Lines form of a failure. A path or doc_id that is not valid Unicode (a file name
    with bytes that are not UTF-8, a JSON id with a lone surrogate) is kept as `\\udcxx` escapes."""
    value = {
        "path": failure.path,
        "line": failure.line,
        "doc_id": failure.doc_id,
        "error": failure.error,
        "message": failure.message,
    }
    line = json.dumps(value, ensure_ascii=False)
    if _SURROGATE.search(line):
        return json.dumps(value, ensure_ascii=True)
    return line


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
