"""The main event of the article: what happened and when, and the other events it mentions.

What: every event trigger of `lexicons/event_triggers.tsv` (`meresmikan`, `rakor`,
`kunjungan kerja`, `MoU` ...) found in the text, and in the source title, is a candidate,
scored with the named weights below:

    score = POSITION_WEIGHTS[position] * SPECIFICITY_WEIGHTS[weight] * product of CONTEXT_WEIGHTS

- position: the title (the source title, or a headline line opening the text) beats the
  first sentence, which beats the rest of the lead, which beats the body: a press
  release names its event at the top.
- specificity: the lexicon's weight; `rapat koordinasi` says more than `pertemuan`.
- context, in the trigger's sentence: inside a quotation (talk, not report), in a
  clause about the past (`Jika sebelumnya ...`, `tahun lalu`), after a cue placing it
  before, after or inside another event (`usai`, `setelah`, `ditandai dengan`,
  `dirangkai dengan`), or as the setting of the clause's action (`dalam rapat
  paripurna`): each multiplies the score by its weight below one.

The best candidate is the main event (ties go to the earlier one) when it scores at least
`MIN_MAIN_SCORE`; otherwise the type is `lainnya`, as it is for triggers of other activities (`menanam`,
`kerja bakti`). The trigger's `rule` says where it was found (`trigger_first_sentence`
...); `trigger_title` means the title decided the type, and the span is the best mention
of that type below the title (the title line when there is none).

When: the event date is a full date of the trigger's sentence (the first after the
trigger, else the last before it) that is not the source's publication date and not a
deadline or a starting point (`paling lambat ...`, `sejak ...`); failing that, the first
such date in the lead; failing that, the first anywhere; failing that, the publication
date, with a warning.

Other events: per other type, its best candidate outside quotations, with the date of its
sentence and the venue named in its sentence. Where the main event took place is chosen
in `where`: the venue of the trigger's sentence, else of the lead, and its kabupaten/kota.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.gazetteer import Region
from pipeline.record import Dateline, DateMention, DateRole, Event, EventType, Place, PlaceLevel, RecordWarning, Span
from pipeline.stages.events.triggers import (
    Candidate,
    Context,
    Layout,
    layout_of,
    main_trigger,
    trigger_candidates,
    trigger_span,
)
from pipeline.stages.events.when import date_fields, may_be_event_date, nearest_in_sentence, vaguely_dated
from pipeline.stages.events.where import choose_event_place, with_place
from pipeline.tokens import text_of, tokens_of


@dataclass(frozen=True, slots=True)
class EventResult:
    #: The main event, with its date, venue and region.
    event: Event
    #: Secondary events, in text order.
    other_events: list[Event]
    #: The date mentions with the event date's role set to `event`.
    dates: list[DateMention]
    warnings: list[RecordWarning]


def extract_event(
    doc: Doc,
    *,
    dates: list[DateMention],
    published: dt.date | None,
    title: str | None,
    places: Sequence[Place],
    home: Region | None,
    dateline: Dateline | None = None,
) -> EventResult:
    """The main event (type, trigger, date, venue, region), the other events, and the dates with
    their roles.

    `title` is the source's title when the crawler gave one; `places` are the article's
    place mentions (the venues of the events), `home` the region the article is about,
    `dateline` the article's dateline.
    """
    text = text_of(doc)
    layout = layout_of(doc, text, title)
    candidates = trigger_candidates(text, layout, title)
    main, trigger = main_trigger(text, candidates)
    eligible = [mention for mention in dates if may_be_event_date(text, mention)]
    chosen = nearest_in_sentence(eligible, layout, main) if main is not None else None
    vague = False
    if chosen is None:
        in_lead = [mention for mention in eligible if mention.start < layout.lead_end]
        fallback = (in_lead or eligible or [None])[0]
        vague = vaguely_dated(text, fallback)
        chosen = None if vague else fallback
    warnings = []
    event = Event(type=main.type if main is not None else EventType.LAINNYA, trigger=trigger)
    if chosen is not None:
        event = event.model_copy(update=date_fields(chosen))
        dates = [
            mention.model_copy(update={"role": DateRole.EVENT}) if mention is chosen else mention for mention in dates
        ]
    elif vague:
        warnings.append(
            RecordWarning(
                code="event_date_vague",
                message="the text dates the event only vaguely ('beberapa waktu lalu'): no event date",
            )
        )
    elif published is not None:
        event = event.model_copy(update={"date": published, "date_start": published, "date_end": published})
        warnings.append(
            RecordWarning(
                code="event_date_from_published",
                message="no event date in the text; the publication date is used",
            )
        )
    anchor = trigger.start if trigger is not None else None
    mentions = _mentions(candidates)
    main_type = main.type if main is not None else None
    chosen_place = choose_event_place(
        tokens_of(doc),
        places,
        anchor=anchor,
        home=home,
        dateline=dateline,
        mentions=[c.start for c in mentions if c.type is main_type],
        other_mentions=[c.start for c in mentions if c.type is not main_type],
    )
    event = with_place(event, chosen_place)
    others = _other_events(text, layout, candidates, main.type if main is not None else None, eligible, places)
    return EventResult(event=event, other_events=others, dates=dates, warnings=warnings)


def _mentions(candidates: list[Candidate]) -> list[Candidate]:
    """The triggers of the text outside quotations and the past, in text order."""
    named = [
        c for c in candidates if c.sentence is not None and not {Context.QUOTED, Context.BACKGROUND} & set(c.contexts)
    ]
    return sorted(named, key=lambda c: c.start)


def _other_events(
    text: str,
    layout: Layout,
    candidates: list[Candidate],
    main_type: EventType | None,
    eligible: list[DateMention],
    places: Sequence[Place],
) -> list[Event]:
    """Per other type, its best candidate outside quotations, with its sentence's date and venue."""
    best: dict[EventType, Candidate] = {}
    for candidate in candidates:
        if candidate.type is main_type or candidate.sentence is None or Context.QUOTED in candidate.contexts:
            continue
        known = best.get(candidate.type)
        if known is None or candidate.score > known.score:
            best[candidate.type] = candidate
    venues = [place for place in places if place.level is PlaceLevel.VENUE]
    events = []
    for candidate in sorted(best.values(), key=lambda c: c.start):
        event = Event(type=candidate.type, trigger=trigger_span(text, candidate, rule=f"trigger_{candidate.position}"))
        date = nearest_in_sentence(eligible, layout, candidate)
        if date is not None:
            event = event.model_copy(update=date_fields(date))
        venue = nearest_in_sentence(venues, layout, candidate)
        if venue is not None:
            event = event.model_copy(
                update={
                    "place": venue.name,
                    "place_mention": Span(text=venue.text, start=venue.start, end=venue.end, rule=venue.rule),
                    "region": venue.region,
                    "region_code": venue.region_code,
                }
            )
        events.append(event)
    return events
