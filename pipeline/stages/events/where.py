"""Where the main event took place: its venue, and the kabupaten/kota it is in; the venues of
the other events."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.gazetteer import KABKOTA, Region, gazetteer
from pipeline.record import Dateline, Event, Place, PlaceLevel, Span
from pipeline.regions import capital_of, kabkota_of
from pipeline.text import lead_end, sentence_bounds
from pipeline.tokens import Tokens
from pipeline.vocabulary import place_words

#: After the place of a place-and-date tag: `, 18 Agustus 2016)`.
_PLACE_DATE_TAG = re.compile(r"\s*,\s*[^()\n]{0,30}\b\d{4}\s*\)")


@dataclass(frozen=True, slots=True)
class EventPlace:
    place: Place | None
    region: Region | None


def choose_event_place(
    tokens: Tokens,
    places: Sequence[Place],
    *,
    anchor: int | None,
    home: Region | None,
    dateline: Dateline | None = None,
    mentions: Sequence[int] = (),
    other_mentions: Sequence[int] = (),
) -> EventPlace:
    """The venue (or village, district) of the main event and the kabupaten/kota it is in.

    In this order: the venue in the sentence of the event's trigger (`anchor`); the first
    venue of the lead; the first venue placed (after `di`, `bertempat`) in a later sentence
    that names the event again (`mentions`, its triggers in text order: `Pertemuan itu
    berlangsung di ruang kerja X`); a named place of a place-and-date tag closing a lead
    paragraph (`(Karang Asri, 18 Agustus 2016)`); the village or district the lead places the
    event in; a named place (a neighbourhood, a field) after `di` in the trigger's sentence;
    a venue placed in the sentence of another event's trigger (`other_mentions`: `saat
    berdiskusi di Studio X`). A venue that is the dateline (`GEDUNG X –`, where the release
    was filed) comes after the venues of the text. The region is
    the place's kabupaten/kota, else the first kabupaten/kota the lead places something in,
    else the dateline's (its kabupaten/kota; a province the dateline names stays the province:
    `Jakarta –` says no more), else the home region (a province's capital for a province).
    """
    regions = gazetteer()
    lead = lead_end(tokens.text)
    in_lead = [p for p in places if p.start < lead]
    venues = [p for p in in_lead if p.level is PlaceLevel.VENUE]
    if anchor is not None:
        sentence = sentence_bounds(tokens.text, anchor)
        in_sentence = [p for p in venues if sentence[0] <= p.start < sentence[1]]
        venues = in_sentence + [p for p in venues if p not in in_sentence]
    local = [
        p
        for p in in_lead
        if p.level in (PlaceLevel.VILLAGE, PlaceLevel.DISTRICT) and p.rule == "region_unit" and _after_at(tokens, p)
    ]
    named = [p for p in in_lead if p.level is PlaceLevel.OTHER]
    tagged = [p for p in named if _PLACE_DATE_TAG.match(tokens.text, p.end) and tokens.text[: p.start].endswith("(")]
    if anchor is not None:
        sentence = sentence_bounds(tokens.text, anchor)
        named = [p for p in named if sentence[0] <= p.start < sentence[1] and _placed(tokens, p)]
    else:
        named = []
    ordered = [
        *venues,
        *_placed_venues(tokens, places, mentions),
        *tagged,
        *sorted(local, key=lambda p: (p.level is not PlaceLevel.VILLAGE, p.start)),
        *named,
        *_placed_venues(tokens, places, other_mentions),
    ]
    ordered = [p for p in ordered if not _in(p, dateline)] + [p for p in ordered if _in(p, dateline)]
    place: Place | None = ordered[0] if ordered else None
    region = kabkota_of(place) if place is not None else None
    if region is None:
        for candidate in in_lead:
            if candidate.level in KABKOTA and candidate.code and _after_at(tokens, candidate):
                region = regions.region(candidate.code)
                break
    if region is None:
        in_dateline = [p for p in places if p.code and p.level is not PlaceLevel.VENUE and _in(p, dateline)]
        if in_dateline:
            found = regions.region(in_dateline[0].code or "")
            region = (regions.kabkota(found) or found) if found is not None else None
    if region is None and home is not None:
        region = home
        if home.level is PlaceLevel.PROVINCE:
            region = capital_of(home) or home
    return EventPlace(place=place, region=region)


def _in(place: Place, dateline: Dateline | None) -> bool:
    """Whether the place is the dateline's (found there by the dateline rule or another)."""
    if place.rule == "dateline":
        return True
    return dateline is not None and dateline.start <= place.start and place.end <= dateline.end


def _placed_venues(tokens: Tokens, places: Sequence[Place], mentions: Sequence[int]) -> list[Place]:
    """The venues placed (after `di`, `bertempat`) in the sentences of `mentions`, in their order."""
    venues = sorted((p for p in places if p.level is PlaceLevel.VENUE), key=lambda p: p.start)
    starts = [p.start for p in venues]
    found = []
    for mention in mentions:
        sentence = sentence_bounds(tokens.text, mention)
        in_sentence = venues[bisect_left(starts, sentence[0]) : bisect_left(starts, sentence[1])]
        found += [p for p in in_sentence if _placed(tokens, p)]
    return found


def _placed(tokens: Tokens, place: Place) -> bool:
    """Whether a word right before the venue places something there (`di`, `bertempat`)."""
    i = tokens.index_at(place.start)
    return i is not None and i > 0 and tokens.words[i - 1].lower() in place_words().words("venue_at")


def _after_at(tokens: Tokens, place: Place) -> bool:
    i = tokens.index_at(place.start)
    return i is not None and any(w.lower() in place_words().words("event_at") for w in tokens.words[max(0, i - 2) : i])


def with_place(event: Event, chosen: EventPlace) -> Event:
    """The event with the chosen venue and region."""
    place = chosen.place
    region = chosen.region
    return event.model_copy(
        update={
            "place": place.name if place is not None else None,
            "place_mention": Span(text=place.text, start=place.start, end=place.end, rule=place.rule)
            if place
            else None,
            "region": region.name if region is not None else None,
            "region_code": region.code if region is not None else None,
        }
    )
