"""The main event of the article: when it happened (and, with the later stages, what and where).

The event date is the first full date in the lead that is not the source's publication
date and not a deadline or a starting point (`paling lambat ...`, `sejak ...`); failing
that, the first such date anywhere; failing that, the publication date, with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.nlp import text_of
from pipeline.record import DateMention, DateRole, Event, RecordWarning, Span

#: Sentences at the top of the article that make up its lead.
LEAD_SENTENCES = 3
#: Words just before a date that make it a deadline, a start or an end, not the event.
_NOT_EVENT_DATE = re.compile(
    r"\b(paling lambat|selambat-lambatnya|batas(?: waktu| akhir)?|tenggat|hingga|sampai(?: dengan)?|"
    r"sebelum|sejak|mulai|semenjak|per)\s*(?:tanggal\s*|tgl\.?\s*)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class EventResult:
    event: Event
    #: The date mentions with the event date's role set to `event`.
    dates: list[DateMention]
    warnings: list[RecordWarning]


def extract_event(doc: Doc, *, dates: list[DateMention], published: dt.date | None) -> EventResult:
    chosen = choose_event_date(doc, dates)
    warnings = []
    if chosen is not None:
        event = Event(
            date=chosen.value,
            date_start=chosen.value,
            date_end=chosen.value_end or chosen.value,
            date_mention=_as_span(chosen),
        )
        dates = [
            mention.model_copy(update={"role": DateRole.EVENT}) if mention is chosen else mention for mention in dates
        ]
    elif published is not None:
        event = Event(date=published, date_start=published, date_end=published)
        warnings.append(
            RecordWarning(
                code="event_date_from_published",
                message="no event date in the text; the publication date is used",
            )
        )
    else:
        event = Event()
    return EventResult(event=event, dates=dates, warnings=warnings)


def choose_event_date(doc: Doc, dates: list[DateMention]) -> DateMention | None:
    """The date mention of the main event, or None when the text has none."""
    text = text_of(doc)
    candidates = [
        mention
        for mention in dates
        if mention.granularity == "day"
        and mention.role is not DateRole.PUBLICATION
        and not _NOT_EVENT_DATE.search(text, max(0, mention.start - 40), mention.start)
    ]
    if not candidates:
        return None
    lead_end = _lead_end(doc)
    in_lead = [mention for mention in candidates if mention.start < lead_end]
    return (in_lead or candidates)[0]


def _lead_end(doc: Doc) -> int:
    for index, sentence in enumerate(doc.sents):
        if index + 1 == LEAD_SENTENCES:
            return sentence.end_char
    return len(text_of(doc))


def _as_span(mention: DateMention) -> Span:
    return Span(text=mention.text, start=mention.start, end=mention.end, rule=mention.rule)
