"""When the main event (or another) took place: the date of its trigger's sentence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from pipeline.record import DateMention, DateRole, Span
from pipeline.stages.events.triggers import Candidate, Layout
from pipeline.vocabulary.dates import date_cues

SpanT = TypeVar("SpanT", bound=Span)


def may_be_event_date(text: str, mention: DateMention) -> bool:
    return (
        mention.granularity == "day"
        and mention.role is not DateRole.PUBLICATION
        and not date_cues().not_event.search(text, max(0, mention.start - 40), mention.start)
    )


def nearest_in_sentence(items: Sequence[SpanT], layout: Layout, candidate: Candidate) -> SpanT | None:
    """The item of the candidate's sentence that follows it first, else the last one before it."""
    if candidate.sentence is None:
        return None
    start, end = layout.sentences[candidate.sentence]
    in_sentence = [item for item in items if start <= item.start < end]
    after = [item for item in in_sentence if item.start >= candidate.end]
    before = [item for item in in_sentence if item.end <= candidate.start]
    return after[0] if after else (before[-1] if before else None)


def date_fields(mention: DateMention) -> dict[str, object]:
    return {
        "date": mention.value,
        "date_start": mention.value,
        "date_end": mention.value_end or mention.value,
        "date_mention": Span(text=mention.text, start=mention.start, end=mention.end, rule=mention.rule),
    }
