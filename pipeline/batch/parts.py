"""Part files, the merge into `records.jsonl`, and the index of the records a run reuses.

- An article whose key (doc_id, input hash, pipeline version, model) is the key of a
  record of an earlier run (`records.jsonl`, or a part left by an interrupted run) is
  reused, not extracted. The index of those keys holds 16 bytes per record (`KeyIndex`).
- New records are buffered in the main process and written as sorted part files in
  `OUT/.parts/` every `PART_SIZE` records or `FLUSH_SECONDS` (`PartWriter`), so a
  kill -9 loses at most that buffer.
- At the end, the parts of this run and the reused records are merged by doc_id into
  `records.jsonl` (`merge`), in rounds of `MERGE_FAN_IN` files.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy

from pipeline.sinks import write_lines
from pipeline.tables import Segment
from pipeline.tables.layout import temporary_files
from pipeline.tables.schema import RECORDS_PER_GROUP

RECORDS = "records.jsonl"
PARTS = ".parts"
#: Records buffered before they are written as a part file ...
PART_SIZE = 2000
#: ... or seconds since the oldest buffered record arrived, whichever comes first.
FLUSH_SECONDS = 60.0
#: Most files read at once while merging; more parts are merged in rounds.
MERGE_FAN_IN = 64


class KeyIndex:
    """A set of 16-byte record keys kept as one sorted NumPy array: 16 MB per million records."""

    def __init__(self, keys: bytes | bytearray = b"") -> None:
        self._keys = numpy.unique(numpy.frombuffer(bytes(keys), dtype="V16"))

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, bytes) or len(key) != 16:
            return False
        position = int(numpy.searchsorted(self._keys, numpy.frombuffer(key, dtype="V16")[0]))
        return position < len(self._keys) and self._keys[position].tobytes() == key


def build_label(version: str, build: str | None) -> str:
    return f"{version}+{build}" if build else version


def record_key(doc_id: str, sha256: str, version: str, model: str) -> bytes:
    """The 16-byte key under which a record is reused: same doc_id, input, pipeline and model."""
    data = "\x00".join((doc_id, sha256, version, model)).encode("utf-8", errors="surrogatepass")
    return hashlib.blake2b(data, digest_size=16).digest()


class PartWriter:
    """Buffers new record lines and writes them, sorted, as numbered part files."""

    def __init__(self, parts_dir: Path, first_part: int) -> None:
        self.parts_dir = parts_dir
        self.number = first_part
        self.buffer: list[tuple[str, str]] = []  # (doc_id, record line)
        self.buffered_since = 0.0

    def add(self, lines: list[tuple[str, str]]) -> None:
        if lines:
            if not self.buffer:
                self.buffered_since = time.monotonic()
            self.buffer.extend(lines)
        if len(self.buffer) >= PART_SIZE or (self.buffer and time.monotonic() - self.buffered_since > FLUSH_SECONDS):
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        self.buffer.sort()
        write_lines(self.parts_dir / _part_name(self.number), (line for _, line in self.buffer))
        self.number += 1
        self.buffer = []


def _part_name(number: int) -> str:
    return f"part-{number:06d}.jsonl"


def _part_number(path: Path) -> int | None:
    number = path.stem.removeprefix("part-")
    return int(number) if number.isdigit() else None


def next_part_number(parts_dir: Path) -> int:
    numbers = (_part_number(path) for path in parts_dir.glob("part-*.jsonl"))
    return max((number for number in numbers if number is not None), default=0) + 1


def load_reusable(out: Path) -> KeyIndex:
    """The keys of the records of earlier (finished or interrupted) runs."""
    keys = bytearray()
    for path in [out / RECORDS, *sorted((out / PARTS).glob("part-*.jsonl"))]:
        for line in _read_lines(path):
            parsed = _parse_line(line)
            if parsed is not None:
                keys += parsed[1]
    return KeyIndex(keys)


def _parse_line(line: str) -> tuple[str, bytes] | None:
    """(doc_id, key) of a record line, or None for a line that is not a record."""
    try:
        record = json.loads(line)
        source, pipeline = record["source"], record["pipeline"]
        doc_id = record["doc_id"]
        version = build_label(pipeline["version"], pipeline.get("build"))
        return doc_id, record_key(doc_id, source["sha256"], version, pipeline["model"])
    except (ValueError, KeyError, TypeError):
        return None


#: How every record line begins (`record_line`: pydantic writes the fields in order).
_LINE_START = re.compile(r'\{"schema_version":"[^"\\]*","doc_id":')
_DECODER = json.JSONDecoder()


def _doc_id(line: str) -> str | None:
    """The doc_id of a record line, read without parsing the whole line when it can be."""
    start = _LINE_START.match(line)
    if start is not None:
        try:
            doc_id, _ = _DECODER.raw_decode(line, start.end())
        except ValueError:
            return None
        return doc_id if isinstance(doc_id, str) else None
    parsed = _parse_line(line)
    return parsed[0] if parsed is not None else None


@dataclass(frozen=True, slots=True)
class Merged:
    lines: int
    sha256: str
    #: `records.jsonl` in pieces of `RECORDS_PER_GROUP` lines, for the tables.
    segments: list[Segment]


def merge(out: Path, first_part: int, kept: KeyIndex) -> Merged:
    """Merge this run's parts and the reused records of earlier runs into `records.jsonl`.

    Parts numbered from `first_part` on are this run's: all their lines are kept. Of the
    older parts and the old `records.jsonl`, only the lines whose key is in `kept` are.
    Several lines with one doc_id have the same key, hence (extraction being
    deterministic) the same bytes; the smallest is kept.
    """
    parts_dir = out / PARTS
    parts = sorted(parts_dir.glob("part-*.jsonl"))
    sources: list[Iterator[tuple[str, str]]] = []
    for path in [*parts, out / RECORDS]:
        number = _part_number(path) if path.parent == parts_dir else None
        sources.append(_sorted_lines(path, None if number is not None and number >= first_part else kept))
    rounds = itertools.count()
    while len(sources) > MERGE_FAN_IN:
        merged = []
        for start in range(0, len(sources), MERGE_FAN_IN):
            path = parts_dir / f".merge-{next(rounds):06d}.jsonl"
            write_lines(path, (line for _, line in _unique(sources[start : start + MERGE_FAN_IN])))
            merged.append(_sorted_lines(path, None))
        sources = merged
    digest = hashlib.sha256()
    offsets = [0]

    def hashed(lines: Iterator[tuple[str, str]]) -> Iterator[str]:
        size = 0
        for number, (_, line) in enumerate(lines, start=1):
            data = line.encode("utf-8") + b"\n"
            digest.update(data)
            size += len(data)
            if number % RECORDS_PER_GROUP == 0:
                offsets.append(size)
            yield line
        if offsets[-1] != size:
            offsets.append(size)

    count = write_lines(out / RECORDS, hashed(_unique(sources)))
    for path in [*parts, *parts_dir.glob(".merge-*.jsonl")]:
        path.unlink(missing_ok=True)
    records = str(out / RECORDS)
    return Merged(
        count, digest.hexdigest(), [Segment(records, start, end) for start, end in itertools.pairwise(offsets)]
    )


def _sorted_lines(path: Path, keep: KeyIndex | None) -> Iterator[tuple[str, str]]:
    """(doc_id, line) of the records of a sorted file: all of them when `keep` is None (read
    quickly), else those whose key is in `keep`."""
    for line in _read_lines(path):
        if keep is None:
            doc_id = _doc_id(line)
            if doc_id is not None:
                yield doc_id, line
            continue
        parsed = _parse_line(line)
        if parsed is not None and parsed[1] in keep:
            yield parsed[0], line


def _unique(sources: list[Iterator[tuple[str, str]]]) -> Iterator[tuple[str, str]]:
    previous: str | None = None
    for doc_id, line in heapq.merge(*sources):
        if doc_id != previous:
            previous = doc_id
            yield doc_id, line


def _read_lines(path: Path) -> Iterator[str]:
    if not path.exists():
        return
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.endswith("\n"):  # a line without its newline was cut short: ignore it
                yield line[:-1]


def remove_temporary_files(out: Path) -> None:
    """What a killed run may leave: temporary files of atomic writes, intermediate merges."""
    parts = out / PARTS
    left = (out.glob(".*.tmp"), parts.glob(".*.tmp"), parts.glob(".merge-*.jsonl"), temporary_files(out))
    for temporary in itertools.chain(*left):
        temporary.unlink(missing_ok=True)
