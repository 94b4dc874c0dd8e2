"""Writing output: atomic files, record and error lines.

Nothing is ever written in place: every file is written to a temporary name in the
same folder, flushed to disk and renamed over the target, so a reader (or a crash)
sees either the old file or the new one, never a truncated one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from pipeline.ingest import InputFailure
from pipeline.record import EventRecord


@contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """A text file that replaces `path` only when the block ends without an exception."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


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
    return json.dumps(
        {
            "path": failure.path,
            "line": failure.line,
            "doc_id": failure.doc_id,
            "error": failure.error,
            "message": failure.message,
        },
        ensure_ascii=False,
    )


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
