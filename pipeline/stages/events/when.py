"""When the main event (or another) took place: the date of its trigger's sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from pipeline.record import DateMention, DateRole, Span
from pipeline.stages.events.triggers import Candidate, Layout
from pipeline.text import sentence_bounds
from pipeline.vocabulary.dates import date_cues

SpanT = TypeVar("SpanT", bound=Span)

_RELATIVE = re.compile(r"\byang\b", re.IGNORECASE)

#: Paragraphs searched for a past time naming no date when the text has no date to fall back on.
VAGUE_PARAGRAPHS = 3


def may_be_event_date(text: str, mention: DateMention) -> bool:
    return (
        mention.granularity == "day"
        and mention.role is not DateRole.PUBLICATION
        and not date_cues().not_event.search(text, max(0, mention.start - 40), mention.start)
    )


def vaguely_dated(text: str, fallback: DateMention | None) -> bool:
    """Whether the text dates the event only by a past time that names no date (`Penangkapan
    dilakukan beberapa waktu lalu`): such a phrase before the date the event would fall back on
    (a later date is that of a statement, not of the event), or in the first paragraphs. A
    phrase in a relative clause dates a thing, not the event (`tahanan yang kabur beberapa
    waktu lalu`)."""
    end = fallback.start if fallback is not None else _paragraphs_end(text, VAGUE_PARAGRAPHS)
    for found in date_cues().vague_past.finditer(text, 0, end):
        sentence_start = sentence_bounds(text, found.start())[0]
        if not _RELATIVE.search(text, sentence_start, found.start()):
            return True
    return False


def _paragraphs_end(text: str, count: int) -> int:
    end = 0
    for _ in range(count):
        found = text.find("\n\n", end)
        if found < 0:
            return len(text)
        end = found + 2
    return end


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
