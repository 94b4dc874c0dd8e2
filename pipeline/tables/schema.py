"""The columns of each table (Arrow schemas) and the rows a record gives them."""

from __future__ import annotations

import typing
from typing import Any

import pyarrow as pa

from pipeline.record import DateMention, DateRole, EventRecord, EventType, Mention, PlaceLevel, QuoteKind

#: Bumped when a table's columns change, so that tables of an older layout are rewritten.
TABLES_VERSION = "3"
RECORDS_SHA256_KEY = b"warta.records_sha256"
TABLES_VERSION_KEY = b"warta.tables_version"
#: Records per Parquet row group, built by one worker (its rows are held in memory).
RECORDS_PER_GROUP = 500

Row = dict[str, Any]

_STRING = pa.string()
_DATE = pa.date32()
INT = pa.int32()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            pa.field("doc_id", _STRING, nullable=False),
            pa.field("path", _STRING),
            pa.field("line", INT),
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
            pa.field("chars", INT, nullable=False),
            pa.field("dates", INT, nullable=False),
            pa.field("places", INT, nullable=False),
            pa.field("organisations", INT, nullable=False),
            pa.field("officials", INT, nullable=False),
            pa.field("persons", INT, nullable=False),
            pa.field("quotes", INT, nullable=False),
            pa.field("other_events", INT, nullable=False),
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
            pa.field("mentions", INT, nullable=False),
            pa.field("first_start", INT),
            pa.field("first_end", INT),
        ]
    ),
    "persons": pa.schema(
        [
            pa.field("doc_id", _STRING, nullable=False),
            pa.field("person_id", _STRING, nullable=False),
            pa.field("person_key", _STRING),
            pa.field("name", _STRING, nullable=False),
            pa.field("description", _STRING),
            pa.field("mentions", INT, nullable=False),
            pa.field("first_start", INT),
            pa.field("first_end", INT),
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
            pa.field("start", INT, nullable=False),
            pa.field("end", INT, nullable=False),
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
            pa.field("start", INT, nullable=False),
            pa.field("end", INT, nullable=False),
            pa.field("rule", _STRING),
        ]
    ),
    "dates": pa.schema(
        [
            pa.field("doc_id", _STRING, nullable=False),
            pa.field("text", _STRING, nullable=False),
            pa.field("start", INT, nullable=False),
            pa.field("end", INT, nullable=False),
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
