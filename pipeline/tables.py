"""Records -> Parquet tables for pandas: `articles`, `officials`, `persons`, `quotes`, `places`, `dates`,
and `people` (one row per person across the corpus, `pipeline.corpus`).

The batch runner writes `OUT/<table>.parquet` from `OUT/records.jsonl`, parsing each
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

import typing
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.record import DateMention, DateRole, EventRecord, EventType, Mention, PlaceLevel, QuoteKind
from pipeline.sinks import atomic_path

if TYPE_CHECKING:
    import pandas as pd

#: Bumped when a table's columns change, so that tables of an older layout are rewritten.
TABLES_VERSION = "3"
RECORDS_SHA256_KEY = b"warta.records_sha256"
TABLES_VERSION_KEY = b"warta.tables_version"
#: Records per Parquet row group, built by one worker (its rows are held in memory).
RECORDS_PER_GROUP = 500

Row = dict[str, Any]

_STRING = pa.string()
_DATE = pa.date32()
_INT = pa.int32()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            pa.field("doc_id", _STRING, nullable=False),
            pa.field("path", _STRING),
            pa.field("line", _INT),
            pa.field("url", _STRING),
            pa.field("title", _STRING),
            pa.field("published", _DATE),
            pa.field("dateline", _STRING),
            pa.field("dateline_outlet", _STRING),
            pa.field("event_type", _STRING),
            pa.field("event_trigger", _STRING),
            pa.field("event_date", _DATE),
            pa.field("event_date_start", _DATE),
            pa.field("event_date_end", _DATE),
            pa.field("event_place", _STRING),
            pa.field("event_region", _STRING),
            pa.field("event_region_code", _STRING),
            pa.field("chars", _INT, nullable=False),
            pa.field("dates", _INT, nullable=False),
            pa.field("places", _INT, nullable=False),
            pa.field("organisations", _INT, nullable=False),
            pa.field("officials", _INT, nullable=False),
            pa.field("persons", _INT, nullable=False),
            pa.field("quotes", _INT, nullable=False),
            pa.field("other_events", _INT, nullable=False),
            pa.field("warnings", pa.list_(_STRING), nullable=False),
        ]
    ),
    "officials": pa.schema(
        [
            pa.field("doc_id", _STRING, nullable=False),
            pa.field("person_id", _STRING, nullable=False),
            pa.field("person_key", _STRING),
            pa.field("name", _STRING, nullable=False),
            pa.field("role", _STRING),
            pa.field("jurisdiction", _STRING),
            pa.field("jurisdiction_code", _STRING),
            pa.field("rank", _STRING),
            pa.field("mentions", _INT, nullable=False),
            pa.field("first_start", _INT),
            pa.field("first_end", _INT),
        ]
    ),
    "persons": pa.schema(
        [
            pa.field("doc_id", _STRING, nullable=False),
            pa.field("person_id", _STRING, nullable=False),
            pa.field("person_key", _STRING),
            pa.field("name", _STRING, nullable=False),
            pa.field("description", _STRING),
            pa.field("mentions", _INT, nullable=False),
            pa.field("first_start", _INT),
            pa.field("first_end", _INT),
        ]
    ),
    "quotes": pa.schema(
        [
            pa.field("doc_id", _STRING, nullable=False),
            pa.field("kind", _STRING, nullable=False),
            pa.field("text", _STRING, nullable=False),
            pa.field("speaker", _STRING),
            pa.field("speaker_id", _STRING),
            pa.field("person_key", _STRING),
            pa.field("speaker_role", _STRING),
            pa.field("cue", _STRING),
            pa.field("start", _INT, nullable=False),
            pa.field("end", _INT, nullable=False),
            pa.field("confidence", pa.float32(), nullable=False),
        ]
    ),
    "places": pa.schema(
        [
            pa.field("doc_id", _STRING, nullable=False),
            pa.field("name", _STRING, nullable=False),
            pa.field("level", _STRING, nullable=False),
            pa.field("code", _STRING),
            pa.field("region", _STRING),
            pa.field("region_code", _STRING),
            pa.field("text", _STRING, nullable=False),
            pa.field("start", _INT, nullable=False),
            pa.field("end", _INT, nullable=False),
            pa.field("rule", _STRING),
        ]
    ),
    "dates": pa.schema(
        [
            pa.field("doc_id", _STRING, nullable=False),
            pa.field("text", _STRING, nullable=False),
            pa.field("start", _INT, nullable=False),
            pa.field("end", _INT, nullable=False),
            pa.field("value", _DATE, nullable=False),
            pa.field("value_end", _DATE),
            pa.field("granularity", _STRING, nullable=False),
            pa.field("role", _STRING, nullable=False),
            pa.field("rule", _STRING),
        ]
    ),
}
TABLES = tuple(SCHEMAS)
#: The corpus-level table made from `officials`, `persons` and `articles` (`pipeline.corpus`).
PEOPLE = "people"

_GRANULARITIES = typing.get_args(DateMention.model_fields["granularity"].annotation)
#: Columns loaded as pandas categories: fixed categories (the model's enum), or None for those found in the data.
CATEGORIES: dict[str, dict[str, tuple[str, ...] | None]] = {
    "articles": {"event_type": tuple(EventType)},
    "officials": {"role": None, "rank": None},
    "persons": {},
    "quotes": {"kind": tuple(QuoteKind), "speaker_role": None},
    "places": {"level": tuple(PlaceLevel), "rule": None},
    "dates": {"granularity": _GRANULARITIES, "role": tuple(DateRole), "rule": None},
    PEOPLE: {"kind": None},
}


def record_rows(record: EventRecord) -> dict[str, list[Row]]:
    """The rows one record contributes to each table."""
    return {
        "articles": [_article_row(record)],
        "officials": _official_rows(record),
        "persons": _person_rows(record),
        "quotes": _quote_rows(record),
        "places": _place_rows(record),
        "dates": _date_rows(record),
    }


def _article_row(record: EventRecord) -> Row:
    source, event, dateline = record.source, record.event, record.dateline
    return {
        "doc_id": record.doc_id,
        "path": source.path,
        "line": source.line,
        "url": source.url,
        "title": source.title,
        "published": source.published,
        "dateline": dateline.place if dateline else None,
        "dateline_outlet": dateline.outlet if dateline else None,
        "event_type": event.type.value if event.type else None,
        "event_trigger": event.trigger.text if event.trigger else None,
        "event_date": event.date,
        "event_date_start": event.date_start,
        "event_date_end": event.date_end,
        "event_place": event.place,
        "event_region": event.region,
        "event_region_code": event.region_code,
        "chars": len(record.text),
        "dates": len(record.dates),
        "places": len(record.places),
        "organisations": len(record.organisations),
        "officials": len(record.officials),
        "persons": len(record.persons),
        "quotes": len(record.quotes),
        "other_events": len(record.other_events),
        "warnings": [warning.code for warning in record.warnings],
    }


def _official_rows(record: EventRecord) -> list[Row]:
    return [
        {
            "doc_id": record.doc_id,
            "person_id": official.id,
            "name": official.name,
            "role": official.role,
            "jurisdiction": official.jurisdiction,
            "jurisdiction_code": official.jurisdiction_code,
            "rank": official.rank,
            **_mention_columns(official.mentions),
        }
        for official in record.officials
    ]


def _person_rows(record: EventRecord) -> list[Row]:
    return [
        {
            "doc_id": record.doc_id,
            "person_id": person.id,
            "name": person.name,
            "description": person.description,
            **_mention_columns(person.mentions),
        }
        for person in record.persons
    ]


def _mention_columns(mentions: list[Mention]) -> Row:
    """How often a person is mentioned, and where first."""
    first = min(mentions, key=lambda mention: mention.start, default=None)
    return {
        "mentions": len(mentions),
        "first_start": first.start if first else None,
        "first_end": first.end if first else None,
    }


def _quote_rows(record: EventRecord) -> list[Row]:
    roles = {official.id: official.role for official in record.officials}
    return [
        {
            "doc_id": record.doc_id,
            "kind": quote.kind.value,
            "text": quote.text,
            "speaker": quote.speaker,
            "speaker_id": quote.speaker_id,
            "speaker_role": roles.get(quote.speaker_id) if quote.speaker_id else None,
            "cue": quote.cue.text if quote.cue else None,
            "start": quote.start,
            "end": quote.end,
            "confidence": quote.confidence,
        }
        for quote in record.quotes
    ]


def _place_rows(record: EventRecord) -> list[Row]:
    return [
        {
            "doc_id": record.doc_id,
            "name": place.name,
            "level": place.level.value,
            "code": place.code,
            "region": place.region,
            "region_code": place.region_code,
            "text": place.text,
            "start": place.start,
            "end": place.end,
            "rule": place.rule,
        }
        for place in record.places
    ]


def _date_rows(record: EventRecord) -> list[Row]:
    return [
        {
            "doc_id": record.doc_id,
            "text": mention.text,
            "start": mention.start,
            "end": mention.end,
            "value": mention.value,
            "value_end": mention.value_end,
            "granularity": mention.granularity,
            "role": mention.role.value,
            "rule": mention.rule,
        }
        for mention in record.dates
    ]


def tables_current(out: Path, records_sha256: str) -> bool:
    """True when every table exists and was made from the `records.jsonl` with this hash."""
    for name in TABLES:
        metadata = _metadata(out / f"{name}.parquet")
        if metadata is None or metadata.get(RECORDS_SHA256_KEY) != records_sha256.encode():
            return False
        if metadata.get(TABLES_VERSION_KEY) != TABLES_VERSION.encode():
            return False
    return True


class Segment(NamedTuple):
    """Lines `start` to `end` (byte offsets) of a `records.jsonl`: the records of one row group."""

    path: str
    start: int
    end: int


#: Runs a function over a list, in order: `map`, or `ProcessPoolExecutor.map`.
Mapper = Callable[[Callable[[Segment], dict[str, pa.Table]], list[Segment]], Iterable[dict[str, pa.Table]]]


def write_tables(out: Path, records_sha256: str, segments: list[Segment], run: Mapper = map) -> bool:
    """Write `OUT/<table>.parquet` from `OUT/records.jsonl` (its hash, and its segments of about
    `RECORDS_PER_GROUP` lines) unless they are current; returns whether they were written.

    `run` builds the row groups: the batch runner passes its worker pool's `map`. Each file
    is replaced atomically. The people table and the `person_key` columns come last
    (`write_people`); when only they are missing or out of date, only they are written.
    """
    metadata = {RECORDS_SHA256_KEY: records_sha256.encode(), TABLES_VERSION_KEY: TABLES_VERSION.encode()}
    if tables_current(out, records_sha256):
        return write_people(out, metadata)
    (out / f"{PEOPLE}.parquet").unlink(missing_ok=True)
    with ExitStack() as stack:
        writers = {}
        for name, schema in SCHEMAS.items():
            path = stack.enter_context(atomic_path(out / f"{name}.parquet"))
            writers[name] = stack.enter_context(pq.ParquetWriter(path, schema.with_metadata(metadata)))
        for tables in run(segment_tables, segments):
            for name, writer in writers.items():
                writer.write_table(tables[name])
    write_people(out, metadata)
    return True


def write_people(out: Path, metadata: dict[bytes, bytes]) -> bool:
    """Write `OUT/people.parquet` and the `person_key` columns from the tables, unless they are
    current; returns whether they were written."""
    from pipeline import corpus  # pandas and rapidfuzz only where the tables are written

    path = out / f"{PEOPLE}.parquet"
    if corpus.people_current(path, metadata):
        return False
    corpus.write_people({name: [out / f"{name}.parquet"] for name in TABLES}, path, metadata)
    return True


def segment_tables(segment: Segment) -> dict[str, pa.Table]:
    """The rows of the records of one segment, as one Arrow table per table name."""
    with Path(segment.path).open("rb") as handle:
        handle.seek(segment.start)
        lines = handle.read(segment.end - segment.start).decode("utf-8").splitlines()
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    for line in lines:
        for name, record_table_rows in record_rows(EventRecord.model_validate_json(line)).items():
            rows[name].extend(record_table_rows)
    return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLES}


def _metadata(path: Path) -> dict[bytes, bytes] | None:
    if not path.is_file():
        return None
    try:
        return pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowInvalid):
        return None


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
    """The Parquet tables of an output folder of `python -m pipeline extract`, as DataFrames.

    Raises `FileNotFoundError` when a table is missing and `ValueError` when the tables
    come from different runs (one was being rewritten when that run stopped): re-run the
    extract command to complete them.
    """
    folder = Path(directory)
    hashes = set()
    frames = {}
    for name in (*TABLES, PEOPLE):
        path = folder / f"{name}.parquet"
        if not path.is_file():
            raise FileNotFoundError(f"no {path}: run `python -m pipeline extract ... --out {folder}` first")
        table = pq.read_table(path)
        hashes.add((table.schema.metadata or {}).get(RECORDS_SHA256_KEY))
        frames[name] = _to_pandas(table, CATEGORIES[name])
    if len(hashes) != 1:
        raise ValueError(f"the tables in {folder} come from different runs: re-run the extract command")
    return Tables(**frames)


def _to_pandas(table: pa.Table, categories: dict[str, tuple[str, ...] | None]) -> pd.DataFrame:
    import pandas as pd

    nullable_ints = {field.name for field in table.schema if field.type == _INT and field.nullable}
    frame = table.to_pandas(date_as_object=False)
    for column in nullable_ints:
        frame[column] = frame[column].astype("Int32")
    for column, fixed in categories.items():
        values = fixed if fixed is not None else sorted(frame[column].dropna().unique())
        frame[column] = frame[column].astype(pd.CategoricalDtype(list(values)))
    return frame
