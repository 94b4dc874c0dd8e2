"""Records -> Parquet tables for pandas: `articles`, `officials`, `persons`, `quotes`, `places`, `dates`,
and `people` (one row per person across the corpus, `pipeline.corpus`).

The batch runner writes `OUT/<table>.parquet` (or `OUT/tables/<table>/part-*.parquet`,
the `dataset` layout of `pipeline.tables.layout`) from `OUT/records.jsonl`, parsing each
line back into the `EventRecord` model the line was written from, so the tables and the
JSON Lines never disagree. Each file carries the SHA-256 of the `records.jsonl` it was
made from (`warta.records_sha256` in the Parquet schema metadata): tables that are
current are not rewritten, and `load` refuses a mix of tables from different runs.

The files use plain Arrow types (strings, date32, int32), so any Parquet reader can
use them; `load` gives pandas dtypes: dates as datetime64, offsets and counts as
integers, types and roles as categories.

The `person_key` of `officials`, `persons` and `quotes` is written after the other
columns, once every record's people are known: it links each row to its person in
`people.parquet`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pyarrow as pa

from pipeline.record import EventRecord
from pipeline.tables import layout as table_layout
from pipeline.tables.layout import FILES
from pipeline.tables.schema import (
    CATEGORIES,
    INT,
    PEOPLE,
    RECORDS_SHA256_KEY,
    SCHEMAS,
    TABLES,
    TABLES_VERSION,
    TABLES_VERSION_KEY,
    Row,
    record_rows,
)

if TYPE_CHECKING:
    import pandas as pd


def tables_current(out: Path, records_sha256: str, segments: int, layout: str = FILES) -> bool:
    """True when every table exists in `layout` and was made from the `records.jsonl` with this
    hash (and `segments` row groups)."""
    return table_layout.is_current(out, TABLES, layout, segments, _metadata(records_sha256))


class Segment(NamedTuple):
    """Lines `start` to `end` (byte offsets) of a `records.jsonl`: the records of one row group."""

    path: str
    start: int
    end: int


#: Builds the row groups of a list of segments, in order: `map(segment_tables, ...)` in this process,
#: or the batch engine's workers.
RowGroups = Callable[[list[Segment]], Iterable[dict[str, pa.Table]]]


def write_tables(
    out: Path,
    records_sha256: str,
    segments: list[Segment],
    build: RowGroups = lambda segments: map(segment_tables, segments),
    layout: str = FILES,
) -> bool:
    """Write the tables of `OUT/records.jsonl` (its hash, and its segments of about
    `RECORDS_PER_GROUP` lines) in `layout` unless they are current; returns whether they were
    written. Each file is replaced atomically; the files of the other layout are removed. The
    people table and the `person_key` columns come last (`write_people`); when only they are
    missing or out of date, only they are written.
    """
    metadata = _metadata(records_sha256)
    if tables_current(out, records_sha256, len(segments), layout):
        table_layout.remove_stale(out, TABLES, layout, len(segments))
        return write_people(out, metadata, layout)
    (out / f"{PEOPLE}.parquet").unlink(missing_ok=True)
    schemas = {name: schema.with_metadata(metadata) for name, schema in SCHEMAS.items()}
    table_layout.write(out, schemas, layout, build(segments), len(segments))
    write_people(out, metadata, layout)
    return True


def write_people(out: Path, metadata: dict[bytes, bytes], layout: str = FILES) -> bool:
    """Write `OUT/people.parquet` and the `person_key` columns from the tables, unless they are
    current; returns whether they were written."""
    from pipeline import corpus  # pandas and rapidfuzz only where the tables are written

    path = out / f"{PEOPLE}.parquet"
    if corpus.people_current(path, metadata):
        return False
    corpus.write_people({name: table_layout.table_files(out, name, layout) for name in TABLES}, path, metadata)
    return True


def read_segment(segment: Segment) -> bytes:
    """The record lines of a segment."""
    with Path(segment.path).open("rb") as handle:
        handle.seek(segment.start)
        return handle.read(segment.end - segment.start)


def segment_tables(segment: Segment) -> dict[str, pa.Table]:
    """The rows of the records of one segment, as one Arrow table per table name."""
    return lines_tables(read_segment(segment))


def lines_tables(lines: bytes) -> dict[str, pa.Table]:
    """The rows of record lines, as one Arrow table per table name."""
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    for line in lines.decode("utf-8").splitlines():
        for name, record_table_rows in record_rows(EventRecord.model_validate_json(line)).items():
            rows[name].extend(record_table_rows)
    return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLES}


def _metadata(records_sha256: str) -> dict[bytes, bytes]:
    return {RECORDS_SHA256_KEY: records_sha256.encode(), TABLES_VERSION_KEY: TABLES_VERSION.encode()}


@dataclass(frozen=True)
class Tables:
    """The tables of one output folder, as pandas DataFrames."""

    articles: pd.DataFrame
    officials: pd.DataFrame
    persons: pd.DataFrame
    quotes: pd.DataFrame
    places: pd.DataFrame
    dates: pd.DataFrame
    people: pd.DataFrame


def load(directory: str | Path) -> Tables:
    """The Parquet tables of an output folder of `python -m pipeline extract`, as DataFrames,
    in either layout (`OUT/<table>.parquet` or `OUT/tables/<table>/part-*.parquet`).

    Raises `FileNotFoundError` when a table is missing and `ValueError` when the tables
    come from different runs (one was being rewritten when that run stopped): re-run the
    extract command to complete them.
    """
    folder = Path(directory)
    layout = table_layout.present_layout(folder, TABLES)
    hashes = set()
    frames = {}
    for name in TABLES:
        table, table_hashes = table_layout.read(folder, name, layout, RECORDS_SHA256_KEY)
        hashes |= table_hashes
        frames[name] = _to_pandas(table, CATEGORIES[name])
    people = folder / f"{PEOPLE}.parquet"
    if not people.is_file():
        raise FileNotFoundError(f"no {people}: run `python -m pipeline extract ... --out {folder}` first")
    table, _ = table_layout.read(folder, PEOPLE, FILES, RECORDS_SHA256_KEY)
    hashes.add((table.schema.metadata or {}).get(RECORDS_SHA256_KEY))
    frames[PEOPLE] = _to_pandas(table, CATEGORIES[PEOPLE])
    if len(hashes) != 1:
        raise ValueError(f"the tables in {folder} come from different runs: re-run the extract command")
    return Tables(**frames)


def _to_pandas(table: pa.Table, categories: dict[str, tuple[str, ...] | None]) -> pd.DataFrame:
    import pandas as pd

    nullable_ints = {field.name for field in table.schema if field.type == INT and field.nullable}
    frame = table.to_pandas(date_as_object=False)
    for column in nullable_ints:
        frame[column] = frame[column].astype("Int32")
    for column, fixed in categories.items():
        values = fixed if fixed is not None else sorted(frame[column].dropna().unique())
        frame[column] = frame[column].astype(pd.CategoricalDtype(list(values)))
    return frame
