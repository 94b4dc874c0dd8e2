"""Reading a finished run of `python -m pipeline extract`: its records and its errors.

`records.jsonl` is read one line at a time (`read_lines`: a run of any size is never held in
memory whole), each line validated into an `EventRecord` (`parse_record`, in the process that
renders its page). A line that does not validate (a file edited by
hand, a record of another schema) does not stop the report: it is kept as an
`UnreadableRecord` and listed on the index. `errors.jsonl` (the inputs that gave no record)
is read whole; it is optional.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from pipeline.record import EventRecord

RECORDS = "records.jsonl"
ERRORS = "errors.jsonl"


class ReportError(Exception):
    """The folder is not a finished run, or the report cannot be written where asked."""


@dataclass(frozen=True, slots=True)
class RunFailure:
    """One line of errors.jsonl: an input that gave no record."""

    path: str | None
    line: int | None
    doc_id: str | None
    error: str
    message: str


@dataclass(frozen=True, slots=True)
class UnreadableRecord:
    """A line of records.jsonl that is not a valid record."""

    line: int
    message: str


def records_path(run: Path) -> Path:
    path = run / RECORDS
    if not path.is_file():
        raise ReportError(f"{run} is not the output folder of a run: {RECORDS} not found")
    return path


def count_records(run: Path) -> int:
    """Lines of records.jsonl (for the progress bar), counted without parsing them."""
    with records_path(run).open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def read_lines(run: Path) -> Iterator[tuple[int, str]]:
    """The non-blank lines of records.jsonl with their line numbers, in file order (sorted by doc_id)."""
    with records_path(run).open(encoding="utf-8", errors="surrogateescape") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, line


def parse_record(number: int, line: str) -> EventRecord | UnreadableRecord:
    """The record of one line of records.jsonl, or why it is not one."""
    try:
        return EventRecord.model_validate_json(line.encode("utf-8", "surrogateescape"))
    except ValidationError as error:
        return UnreadableRecord(number, _first_error(error))


def read_failures(run: Path) -> list[RunFailure]:
    """The lines of errors.jsonl (none when the file is absent); a line that is not an error object is skipped."""
    path = run / ERRORS
    if not path.is_file():
        return []
    failures = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict) and isinstance(value.get("error"), str):
            failures.append(
                RunFailure(
                    path=_text_or_none(value.get("path")),
                    line=value["line"] if isinstance(value.get("line"), int) else None,
                    doc_id=_text_or_none(value.get("doc_id")),
                    error=value["error"],
                    message=str(value.get("message") or ""),
                )
            )
    return failures


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "record"
    return f"{where}: {first['msg']} ({error.error_count()} error(s))"
