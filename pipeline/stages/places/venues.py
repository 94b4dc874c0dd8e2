"""Venues: a venue word (`Balai Kota`, `Ruang Rapat`, `Gedung`, `venues.txt`) and the capitalised
words, offices and regions after it, linked to the kabupaten/kota it is in when the text says.

After `di`, `pada`, `bertempat` (`venue_at`) the venue word may be in lower case and a word or
two in lower case may stand before the name (`di ruang kerja Kapolda`). An office named in a job
title (`Kepala Kantor X`, after an `office_title` word) is no venue.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.gazetteer import Gazetteer, Region
from pipeline.record import Place, PlaceLevel
from pipeline.regions import capital_of, region_of
from pipeline.spans import starting_within
from pipeline.tokens import Tokens
from pipeline.vocabulary import Vocabulary, place_words
from pipeline.vocabulary.dates import date_lexicon

#: Longest venue name, in tokens.
MAX_VENUE_TOKENS = 12
#: Most lower-case words between a venue word and the name after it.
MAX_VENUE_MODIFIERS = 2


def venues(tokens: Tokens, vocab: Vocabulary, regions_found: list[Place], regions: Gazetteer) -> list[Place]:
    words = tokens.words
    regions_found = sorted(regions_found, key=lambda p: p.start)
    starts = [p.start for p in regions_found]

    def parse(i: int) -> tuple[int, Place] | None:
        match = vocab.venues.match(words, i)
        if match is None or (i > 0 and words[i - 1].lower() in place_words().words("office_title")):
            return None
        named_from = _after_modifiers(words, match[0]) if words[i].islower() else match[0]
        stop = _venue_end(words, named_from, vocab)
        if stop == match[0] and not _standalone_venue(words[i:stop]):
            return None
        stop = _in_building(words, i, stop, vocab)
        start, end = tokens.chars(i, stop)
        inside = [p for p in regions_found[starting_within(starts, start, end)] if p.end <= end]
        sentence_end = tokens.text.find(".", end)
        after = regions_found[starting_within(starts, end, sentence_end if sentence_end >= 0 else len(tokens.text))]
        region = _venue_region(inside, words[i:stop], regions, after)
        venue = Place(
            text=tokens.text[start:end],
            start=start,
            end=end,
            rule="venue",
            name=tokens.text[start:end],
            level=PlaceLevel.VENUE,
            region=region.name if region else None,
            region_code=region.code if region else None,
        )
        return stop, venue

    found = []
    i = 0
    while i < len(words):
        parsed = parse(i) if _may_open_venue(words, i) else None
        if parsed is None:
            i += 1
            continue
        i, venue = parsed
        found.append(venue)
    return found


def _may_open_venue(words: Sequence[str], i: int) -> bool:
    """A capitalised word, or a lower-case one right after `di`, `pada`, `bertempat` (`di ruang kerja X`)."""
    return words[i][:1].isupper() or (i > 0 and words[i - 1].lower() in place_words().words("venue_at"))


def _after_modifiers(words: Sequence[str], i: int) -> int:
    """Past up to `MAX_VENUE_MODIFIERS` lower-case words between a lower-case venue word and the
    capitalised name they qualify (`ruang kerja Kapolda`, `halaman depan Kantor X`); none when no
    name follows or a preposition comes first."""
    prepositions = place_words().words("venue_at") | place_words().words("event_at")
    for stop in range(i, min(i + MAX_VENUE_MODIFIERS, len(words) - 1)):
        word = words[stop]
        if not word.isalpha() or not word.islower() or word in prepositions:
            return i
        if words[stop + 1][:1].isupper():
            return stop + 1
    return i


def _standalone_venue(words: Sequence[str]) -> bool:
    """Venue words that name a place on their own (`Balai Kota`, `Alun-alun`) need no name after them."""
    return len(words) > 1 or words[0].lower() in place_words().words("standalone_venue")


def _venue_end(words: Sequence[str], i: int, vocab: Vocabulary) -> int:
    """Where the venue's name ends: at the first word that is not capitalised, a number, a
    joiner or a parent building; a weekday (`Kantor Bupati X Selasa 15 Oktober`) starts the
    date, which is never part of a venue."""
    stop = i
    weekdays = date_lexicon().weekdays
    while stop < len(words) and stop - i < MAX_VENUE_TOKENS:
        word = words[stop]
        if stop > i and word.lower() in weekdays:
            break
        if (
            word[:1].isupper()
            or (word[:1].isdigit() and stop > i)
            or (
                word in place_words().words("venue_joiner")
                and stop + 1 < len(words)
                and words[stop + 1][:1].isupper()
                and stop > i
            )
        ):
            stop += 1
        elif word == "," and stop + 1 < len(words) and vocab.venues.match(words, stop + 1):
            stop += 1  # a parent building after a comma: `Ruang Melati, Gedung Graha Praja`
        else:
            break
    while stop > i and not words[stop - 1][:1].isalnum():
        stop -= 1
    return stop


def _in_building(words: Sequence[str], i: int, stop: int, vocab: Vocabulary) -> int:
    """Past the building after `di` that holds a room or hall (`Studio X di Gedung Y`: the
    whole is the venue, as a parent building after a comma is); else `stop`."""
    if words[i].lower() not in place_words().words("room_venue") or stop + 1 >= len(words) or words[stop] != "di":
        return stop
    building = vocab.venues.match(words, stop + 1)
    if building is None or not words[stop + 1][:1].isupper():
        return stop
    end = _venue_end(words, building[0], vocab)
    return end if end > building[0] or _standalone_venue(words[stop + 1 : end]) else stop


def _venue_region(
    inside: list[Place], venue_words: Sequence[str], regions: Gazetteer, after: list[Place]
) -> Region | None:
    """The kabupaten/kota of a venue: a region in its name (`inside`), else one named after it
    in the same sentence (`after`)."""
    lowered = [w.lower() for w in venue_words]
    for place in sorted(inside, key=lambda p: p.level is PlaceLevel.PROVINCE):
        region = region_of(place)
        if region is None:
            continue
        if region.level is PlaceLevel.PROVINCE:
            if place_words().words("provincial_office") & set(lowered):
                return capital_of(region)
            continue
        return regions.kabkota(region) or region
    for place in after:
        region = region_of(place)
        if region is not None and region.level is not PlaceLevel.PROVINCE:
            return regions.kabkota(region) or region
    return None
