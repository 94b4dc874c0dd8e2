"""`EventRecord` -> `Prediction`: what the scorer compares with the gold, in gold-text offsets.

Cleaning may drop boilerplate lines or collapse whitespace, so the record's offsets
refer to a text that can differ from the gold article's. Every span is mapped back to
the gold text with the article's `Alignment` here, once; the scoring functions then only
see gold-text offsets. Items the record does not have yet are simply absent (misses).

Label mapping for the pfsa recall-only scores (see `pipeline.evaluate`):
PERSON <- official and person mentions of kind name/short_name, ROLE <- mentions of kind
title, AFFILIATION <- organisations, DATETIME <- dates, LOCATION <- places.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.evaluate.gold import QuoteKindName
from pipeline.ingest import Alignment
from pipeline.record import EventRecord, Quote, QuoteKind, Span

LABELS: tuple[str, ...] = ("PERSON", "ROLE", "AFFILIATION", "DATETIME", "LOCATION")


@dataclass(frozen=True, slots=True)
class PredSpan:
    """A predicted span in gold-text offsets, with the record's text of it."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PredQuote:
    start: int
    end: int
    text: str
    kind: QuoteKindName
    #: Canonical name of the speaker (from `speaker`, else the official/person `speaker_id` names).
    speaker: str | None = None
    speaker_mention: PredSpan | None = None


@dataclass(frozen=True, slots=True)
class PredOfficial:
    name: str
    role: str | None = None
    jurisdiction: str | None = None


@dataclass(frozen=True, slots=True)
class Prediction:
    """Everything the scorer reads from one record; an empty one stands for a failed article."""

    doc_id: str
    quotes: tuple[PredQuote, ...] = ()
    officials: tuple[PredOfficial, ...] = ()
    #: pfsa label -> predicted spans of the matching kind.
    labels: dict[str, tuple[PredSpan, ...]] = field(default_factory=dict)
    dateline: str | None = None
    event_type: str | None = None
    event_date: dt.date | None = None
    event_place: str | None = None
    event_region: str | None = None


def prediction_from_record(record: EventRecord, alignment: Alignment) -> Prediction:
    """The record's predictions with every span mapped to the gold (source) text."""

    def mapped(span: Span) -> PredSpan:
        start, end = alignment.span_to_source(span.start, span.end)
        return PredSpan(start, end, span.text)

    names = {person.id: person.name for person in (*record.officials, *record.persons)}
    quotes = tuple(_quote(quote, mapped(quote), names, mapped) for quote in record.quotes)
    people = (*record.officials, *record.persons)
    labels = {
        "PERSON": tuple(
            mapped(mention)
            for person in people
            for mention in person.mentions
            if mention.kind in ("name", "short_name")
        ),
        "ROLE": tuple(mapped(mention) for person in people for mention in person.mentions if mention.kind == "title"),
        "AFFILIATION": tuple(mapped(organisation) for organisation in record.organisations),
        "DATETIME": tuple(mapped(date) for date in record.dates),
        "LOCATION": tuple(mapped(place) for place in record.places),
    }
    event = record.event
    return Prediction(
        doc_id=record.doc_id,
        quotes=quotes,
        officials=tuple(
            PredOfficial(official.name, official.role, official.jurisdiction) for official in record.officials
        ),
        labels=labels,
        dateline=record.dateline.place if record.dateline is not None else None,
        event_type=event.type.value if event.type is not None else None,
        event_date=event.date,
        event_place=event.place,
        event_region=event.region,
    )


def _quote(quote: Quote, where: PredSpan, names: dict[str, str], mapped: Callable[[Span], PredSpan]) -> PredQuote:
    speaker = quote.speaker
    if speaker is None and quote.speaker_id is not None:
        speaker = names.get(quote.speaker_id)
    return PredQuote(
        start=where.start,
        end=where.end,
        text=quote.text,
        kind="direct" if quote.kind is QuoteKind.DIRECT else "indirect",
        speaker=speaker,
        speaker_mention=mapped(quote.speaker_mention) if quote.speaker_mention is not None else None,
    )
