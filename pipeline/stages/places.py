"""Places: regions (linked to the Kemendagri gazetteer) and venues, and the article's home region.

- Regions written with their unit (`Kota Malang`, `Kab. Garut`, `Kecamatan Cugenang`,
  `Desa Sukamanah`, `Nagari Malalak Timur`) are looked up at that level; villages inside
  the districts and regencies the article names, since many villages share a name.
- Regions written bare (`Garut`, `Jateng`, `Deli Serdang`) are looked up among provinces
  and kabupaten/kota. A name shared by a kabupaten and a kota (`Malang`, `Serang`) is
  read from the words before it (`Pemkot`, `Wali Kota` / `Pemkab`, `Bupati`), then from
  the rest of the article, then as the kota.
- Venues start with a venue word (`Balai Kota`, `Ruang Rapat`, `Gedung`, `Lobi`, `Pasar`,
  `venues.txt`) and run over capitalised words, offices and regions; each is linked to
  the kabupaten/kota it is in when the text says.
- The home region is the region the article is about: its publisher's region from the
  URL (`garutkab.go.id`), else the first region of the lead, else the dateline's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from spacy.tokens import Doc

from pipeline.gazetteer import ABOVE_VILLAGE, KABKOTA, Gazetteer, Region, gazetteer, provincial_capitals
from pipeline.nlp import Tokens, tokens_of
from pipeline.record import Dateline, Place, PlaceLevel
from pipeline.spans import Coverage, starting_within
from pipeline.vocabulary import Vocabulary, vocabulary

#: Longest region name, in tokens, after its unit word (`Kota Administrasi Jakarta Pusat`).
MAX_NAME_TOKENS = 4
#: Longest venue name, in tokens.
MAX_VENUE_TOKENS = 12
#: Bare names of kabupaten/kota that are also common words: only read as regions with a unit word.
COMMON_WORDS = frozenset({"batu", "pati", "buru", "kaur", "bone", "karo", "alor", "nias", "sigi", "siak"})
_CITY_CUES = frozenset({"kota", "pemkot", "walikota", "wawali", "wawako", "balaikota"})
_REGENCY_CUES = frozenset({"kabupaten", "kab.", "kab", "pemkab", "bupati", "wabup"})
#: Words after a region name that make it part of a longer name.
_LONGER_NAME = frozenset({"Raya", "Utara", "Selatan", "Barat", "Timur", "Tengah", "Kota", "Besar", "Baru"})
#: Words that may join the capitalised words of a venue name.
_VENUE_JOINERS = frozenset({"dan", "&", "-", "/"})
_HOST_SUFFIX = re.compile(r"(kab|kota|prov|provinsi)$")


@dataclass(frozen=True, slots=True)
class PlacesResult:
    places: list[Place]
    #: The region the article is about (see the module docstring), or None.
    home: Region | None


def extract_places(
    doc: Doc,
    *,
    dateline: Dateline | None = None,
    url: str | None = None,
    entities: Sequence[tuple[int, int]] = (),
) -> PlacesResult:
    """Region and venue mentions in text order; nested mentions (a region inside a venue) are kept.

    `entities` are the character spans of LOC entities of a NER model: those the rules did not
    find are added, as a district of the article's kabupaten/kota when the gazetteer has one
    of that name there (`Sewon`), else with level `other`.
    """
    tokens = tokens_of(doc)
    regions = gazetteer()
    vocab = vocabulary()
    found = _prefixed_regions(tokens, regions, vocab)
    found += _bare_regions(tokens, regions, vocab, taken={(p.start, p.end) for p in found})
    found = _resolve_villages(found, regions)
    found = _resolve_ambiguous(found, tokens, regions, url)
    found += _venues(tokens, vocab, found, regions)
    found += _entity_places(tokens, entities, found, regions)
    if (
        dateline is not None
        and dateline.place
        and not any(p.start >= dateline.start and p.end <= dateline.end for p in found)
    ):
        found += _dateline_places(dateline, regions)
    places = sorted(found, key=lambda p: (p.start, -p.end, p.level))
    return PlacesResult(places=places, home=_home(places, regions, url, dateline, tokens))


class RegionIndex:
    """The region mentions of an article (not its venues), by where they start and what they cover."""

    def __init__(self, places: Sequence[Place]) -> None:
        regions = sorted((p for p in places if p.level is not PlaceLevel.VENUE), key=lambda p: (p.start, -p.end))
        self._by_start = {p.start: p for p in reversed(regions)}  # the longest mention at each start
        self._regions = regions
        self._starts = [p.start for p in regions]
        self._longest = max((p.end - p.start for p in regions), default=0)
        #: Codes of the districts, then the kabupaten/kota, the article names: where to look up a
        #: village or district named without its unit word.
        codes = {p.code for p in regions if p.code and p.level is not PlaceLevel.VILLAGE}
        self.context: tuple[str, ...] = tuple(sorted(codes, key=lambda code: (-len(code), code)))

    def get(self, char: int) -> Place | None:
        """The region mention starting at `char`."""
        return self._by_start.get(char)

    def at(self, char: int) -> Place | None:
        """The region mention starting at `char`, else the shortest one covering it
        (`Kota Serang` covers `Serang` in `Wali Kota Serang`)."""
        place = self._by_start.get(char)
        if place is not None:
            return place
        first = bisect.bisect_left(self._starts, char - self._longest)
        covering = [p for p in self._regions[first : bisect.bisect_left(self._starts, char)] if char < p.end]
        return min(covering, key=lambda p: p.end - p.start) if covering else None


NO_REGIONS = RegionIndex(())


def _entity_places(
    tokens: Tokens, entities: Sequence[tuple[int, int]], found: list[Place], regions: Gazetteer
) -> list[Place]:
    kabkotas = sorted({p.code for p in found if p.level in KABKOTA and p.code})
    ruled = Coverage((p.start, p.end) for p in found)
    added = []
    for start, end in entities:
        if ruled.overlaps(start, end):
            continue  # the rules found this place (or one around it): they win
        text = tokens.text[start:end]
        district = _lookup_local(text, PlaceLevel.DISTRICT, kabkotas, regions) if kabkotas else None
        if district is not None and any(district.code.startswith(code) for code in kabkotas):
            kabkota = regions.kabkota(district)
            added.append(
                Place(text=text, start=start, end=end, rule="ner", name=district.name, level=PlaceLevel.DISTRICT,
                      code=district.code, region=kabkota.name if kabkota else None,
                      region_code=kabkota.code if kabkota else None)
            )  # fmt: skip
        else:
            added.append(Place(text=text, start=start, end=end, rule="ner", name=text, level=PlaceLevel.OTHER))
    return added


def region_of(place: Place) -> Region | None:
    """The gazetteer region of a region mention (or of a venue's region)."""
    code = place.code or place.region_code
    return gazetteer().region(code) if code else None


def _place(tokens: Tokens, first: int, stop: int, *, name: str, level: PlaceLevel, rule: str, region: Region | None
           ) -> Place:  # fmt: skip
    start, end = tokens.chars(first, stop)
    kabkota = gazetteer().kabkota(region) if region is not None else None
    return Place(
        text=tokens.text[start:end],
        start=start,
        end=end,
        rule=rule,
        name=name,
        level=level,
        code=region.code if region is not None and level is not PlaceLevel.VENUE else None,
        region=kabkota.name if kabkota is not None and kabkota is not region else None,
        region_code=kabkota.code if kabkota is not None and kabkota is not region else None,
    )


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and len(word) <= 3)


def _prefixed_regions(tokens: Tokens, regions: Gazetteer, vocab: Vocabulary) -> list[Place]:
    """`Kota Malang`, `Kab. Garut`, `Kecamatan Cugenang`: the longest name after a unit word that the
    gazetteer knows at that level. Villages, and districts whose name several share, are resolved
    later against the article's other regions."""
    words = tokens.words

    def parse(i: int) -> tuple[int, Place] | None:
        match = vocab.region_prefixes.match(words, i)
        if match is None:
            return None
        name_start, level = match
        if level in (None, PlaceLevel.VILLAGE):
            stop = _village_name_end(words, name_start, vocab)
            region = None
        else:
            found = _longest_region(words, name_start, level, regions)
            if found is None:
                return None
            stop, region = found
        if stop == name_start:
            return None
        written = tokens.span_text(name_start, stop)
        name = region.name if region is not None else f"{_full_prefix(' '.join(words[i:name_start]))} {written}"
        place = _place(tokens, i, stop, name=name, level=level or PlaceLevel.OTHER, rule="region_unit", region=region)
        return stop, place

    return tokens.scan(parse)


def _longest_region(
    words: Sequence[str], start: int, level: PlaceLevel, regions: Gazetteer
) -> tuple[int, Region | None] | None:
    """(end, region) of the longest name at `start` the gazetteer has at `level`; the region is
    None when several share the name (`Kecamatan Cibadak`)."""
    levels = KABKOTA if level in KABKOTA else (level,)
    best = None
    stop = start
    while stop < len(words) and stop - start < MAX_NAME_TOKENS and _is_name_word(words[stop]):
        stop += 1
        candidates = [r for r in regions.lookup(" ".join(words[start:stop]), levels=levels) if r.level is level]
        if candidates:
            best = (stop, candidates[0] if len(candidates) == 1 else None)
    return best


def _village_name_end(words: Sequence[str], start: int, vocab: Vocabulary) -> int:
    """Village names are kept to their capitalised words, up to the next unit word (`Desa Pangkalan
    Kecamatan Kangkung` is two regions); resolved against the gazetteer later."""
    stop = start
    while (
        stop < len(words)
        and stop - start < MAX_NAME_TOKENS
        and words[stop][:1].isupper()
        and (stop == start or vocab.region_prefixes.match(words, stop) is None)
    ):
        stop += 1
    return stop


def _full_prefix(prefix: str) -> str:
    return {"Kab.": "Kabupaten", "Kab": "Kabupaten", "Kec.": "Kecamatan", "Kel.": "Kelurahan", "Ds.": "Desa",
            "Prov.": "Provinsi", "Prov": "Provinsi"}.get(prefix, prefix)  # fmt: skip


def _bare_regions(tokens: Tokens, regions: Gazetteer, vocab: Vocabulary, taken: set[tuple[int, int]]) -> list[Place]:
    words = tokens.words
    covered = Coverage(taken)
    found = []
    i = 0
    while i < len(words):
        word = words[i]
        if (
            not word[:1].isupper()
            or not regions.could_start_name(word)
            or word.lower() in COMMON_WORDS
            or covered.covers(tokens.starts[i])
        ):
            i += 1
            continue
        best = None
        for stop in range(min(len(words), i + 3), i, -1):
            if not all(w[:1].isupper() for w in words[i:stop]):
                continue
            if stop < len(words) and words[stop] in _LONGER_NAME:
                continue  # `Malang Raya`, `Bandung Barat` (a kabupaten of its own): part of a longer name
            candidates = regions.lookup(" ".join(words[i:stop]), levels=(PlaceLevel.PROVINCE, *KABKOTA))
            if candidates:
                best = (stop, candidates)
                break
        if best is None:
            i += 1
            continue
        stop, candidates = best
        level = candidates[0].level
        region = candidates[0] if len(candidates) == 1 else None
        name = region.name if region is not None else candidates[0].bare
        place = _place(tokens, i, stop, name=name, level=level, rule="region_bare", region=region)
        found.append(place)
        i = stop
    return found


def _resolve_villages(places: list[Place], regions: Gazetteer) -> list[Place]:
    """Villages (and districts whose name several share) looked up inside the districts, then
    the kabupaten/kota, the article names."""
    districts = [p.code for p in places if p.level is PlaceLevel.DISTRICT and p.code]
    kabkotas = [p.code for p in places if p.level in KABKOTA and p.code]
    resolved = []
    for place in places:
        local = place.level in (PlaceLevel.VILLAGE, PlaceLevel.DISTRICT) and place.rule == "region_unit"
        if not local or place.code is not None:
            resolved.append(place)
            continue
        name = place.text.partition(" ")[2]
        within = [*districts, *kabkotas] if place.level is PlaceLevel.VILLAGE else kabkotas
        region = _lookup_local(name, place.level, within, regions)
        if region is not None:
            kabkota = regions.kabkota(region)
            place = place.model_copy(
                update={
                    "name": region.name,
                    "code": region.code,
                    "region": kabkota.name if kabkota else None,
                    "region_code": kabkota.code if kabkota else None,
                }
            )
        resolved.append(place)
    return resolved


def _lookup_local(name: str, level: PlaceLevel, within: Sequence[str], regions: Gazetteer) -> Region | None:
    for code in within:
        candidates = regions.lookup(name, levels=(level,), within=code)
        if len(candidates) == 1:
            return candidates[0]
    candidates = regions.lookup(name, levels=(level,))
    return candidates[0] if len(candidates) == 1 else None


def _resolve_ambiguous(places: list[Place], tokens: Tokens, regions: Gazetteer, url: str | None) -> list[Place]:
    """Bare names shared by a kabupaten and a kota, read from nearby words, the article, or as the kota."""
    explicit = {p.code for p in places if p.code and p.rule == "region_unit"}
    host = _host_region(url, regions)
    resolved = []
    for place in places:
        if place.code is not None or place.rule != "region_bare":
            resolved.append(place)
            continue
        candidates = regions.lookup(place.text, levels=KABKOTA)
        if not candidates:
            resolved.append(place)
            continue
        choice = _cue_choice(tokens, place.start, candidates)
        if choice is None:
            named = [r for r in candidates if r.code in explicit or (host is not None and r.code == host.code)]
            choice = named[0] if len(named) == 1 else None
        if choice is None:
            cities = [r for r in candidates if r.level is PlaceLevel.CITY]
            choice = cities[0] if cities else candidates[0]
        resolved.append(
            place.model_copy(
                update={"name": choice.name, "level": choice.level, "code": choice.code, "rule": "region_bare"}
            )
        )
    return resolved


def _cue_choice(tokens: Tokens, start: int, candidates: list[Region]) -> Region | None:
    i = tokens.index_at(start)
    if i is None:
        return None
    before = {w.lower() for w in tokens.words[max(0, i - 4) : i]}
    wanted = PlaceLevel.CITY if before & _CITY_CUES else PlaceLevel.REGENCY if before & _REGENCY_CUES else None
    matching = [r for r in candidates if r.level is wanted]
    return matching[0] if matching else None


def _venues(tokens: Tokens, vocab: Vocabulary, regions_found: list[Place], regions: Gazetteer) -> list[Place]:
    words = tokens.words
    regions_found = sorted(regions_found, key=lambda p: p.start)
    starts = [p.start for p in regions_found]

    def parse(i: int) -> tuple[int, Place] | None:
        match = vocab.venues.match(words, i)
        if match is None:
            return None
        stop = _venue_end(words, match[0], vocab)
        if stop == match[0] and not _standalone_venue(words[i:stop]):
            return None
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

    return tokens.scan(parse)


def _standalone_venue(words: Sequence[str]) -> bool:
    """Venue words that name a place on their own (`Balai Kota`, `Alun-alun`) need no name after them."""
    return len(words) > 1 or words[0].lower() in {"alun-alun", "balaikota", "pendopo", "pendapa"}


def _venue_end(words: Sequence[str], i: int, vocab: Vocabulary) -> int:
    stop = i
    while stop < len(words) and stop - i < MAX_VENUE_TOKENS:
        word = words[stop]
        if (
            word[:1].isupper()
            or (word[:1].isdigit() and stop > i)
            or (word in _VENUE_JOINERS and stop + 1 < len(words) and words[stop + 1][:1].isupper() and stop > i)
        ):
            stop += 1
        elif word == "," and stop + 1 < len(words) and vocab.venues.match(words, stop + 1):
            stop += 1  # a parent building after a comma: `Ruang Melati, Gedung Graha Praja`
        else:
            break
    while stop > i and not words[stop - 1][:1].isalnum():
        stop -= 1
    return stop


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
            if "gubernur" in lowered or "pemprov" in lowered:
                capital = provincial_capitals().get(region.code)
                return regions.region(capital) if capital else None
            continue
        return regions.kabkota(region) or region
    for place in after:
        region = region_of(place)
        if region is not None and region.level is not PlaceLevel.PROVINCE:
            return regions.kabkota(region) or region
    return None


def _dateline_places(dateline: Dateline, regions: Gazetteer) -> list[Place]:
    assert dateline.place is not None
    candidates = regions.lookup(dateline.place, levels=ABOVE_VILLAGE)
    if not candidates:
        return []
    cities = [r for r in candidates if r.level is PlaceLevel.CITY]
    region = cities[0] if cities else candidates[0]
    offset = dateline.text.lower().find(dateline.place.lower())
    if offset < 0:
        return []
    start = dateline.start + offset
    kabkota = regions.kabkota(region)
    return [
        Place(
            text=dateline.text[offset : offset + len(dateline.place)],
            start=start,
            end=start + len(dateline.place),
            rule="dateline",
            name=region.name,
            level=region.level,
            code=region.code,
            region=kabkota.name if kabkota is not None and kabkota is not region else None,
            region_code=kabkota.code if kabkota is not None and kabkota is not region else None,
        )
    ]


def _host_region(url: str | None, regions: Gazetteer) -> Region | None:
    """`garutkab.go.id` -> Kabupaten Garut, `jatengprov.go.id` -> Provinsi Jawa Tengah."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    for label in host.split("."):
        suffix = _HOST_SUFFIX.search(label)
        if suffix is None:
            continue
        stem = label[: suffix.start()]
        level = {"kab": PlaceLevel.REGENCY, "kota": PlaceLevel.CITY}.get(suffix.group(), PlaceLevel.PROVINCE)
        for region in _squashed_index(regions).get(stem, ()):
            if region.level is level:
                return region
    return None


@cache
def _squashed_index(regions: Gazetteer) -> dict[str, list[Region]]:
    """Province and kabupaten/kota names (and aliases) without spaces: `deliserdang`, `jateng`."""
    index: dict[str, list[Region]] = {}
    for key, codes in regions.names().items():
        for code in codes:
            region = regions.region(code)
            if region is not None and (region.level is PlaceLevel.PROVINCE or region.is_kabkota):
                index.setdefault(key.replace(" ", ""), []).append(region)
    return index


def _home(places: list[Place], regions: Gazetteer, url: str | None, dateline: Dateline | None, tokens: Tokens
          ) -> Region | None:  # fmt: skip
    host = _host_region(url, regions)
    if host is not None:
        return host
    lead_end = _lead_end(tokens.text)
    for place in places:
        if place.start >= lead_end:
            break
        if (
            place.rule in ("region_unit", "region_bare")
            and place.code
            and (place.level is PlaceLevel.PROVINCE or place.level in KABKOTA)
        ):
            return regions.region(place.code)
    for place in places:
        if place.rule == "dateline" and place.code:
            region = regions.region(place.code)
            return regions.kabkota(region) if region is not None and region.level is PlaceLevel.DISTRICT else region
    return None


def _lead_end(text: str) -> int:
    """End of the first paragraph of prose (a title line before it does not count)."""
    start = 0
    while True:
        end = text.find("\n\n", start)
        if end < 0:
            return len(text)
        if text[start:end].rstrip()[-1:] in ".!?”\"'" or "\n" in text[start:end]:
            return end
        start = end + 2


@dataclass(frozen=True, slots=True)
class EventPlace:
    place: Place | None
    region: Region | None


#: Words before a place that say something happens there.
_AT = frozenset({"di", "ke", "bertempat", "pesisir", "lokasi", "kawasan"})


def choose_event_place(doc: Doc, places: Sequence[Place], *, anchor: int | None, home: Region | None) -> EventPlace:
    """The venue (or village, district) of the main event and the kabupaten/kota it is in.

    The venue in the sentence of the event's trigger (`anchor`), else the first venue of
    the lead; without a venue, the village or district the lead places it in. The region is
    the place's kabupaten/kota, else the first kabupaten/kota the lead places something in,
    else the dateline's, else the home region (a province's capital for a province).
    """
    tokens = tokens_of(doc)
    regions = gazetteer()
    lead_end = _lead_end(tokens.text)
    in_lead = [p for p in places if p.start < lead_end]
    venues = [p for p in in_lead if p.level is PlaceLevel.VENUE]
    if anchor is not None:
        sentence = _sentence_bounds(tokens.text, anchor)
        in_sentence = [p for p in venues if sentence[0] <= p.start < sentence[1]]
        venues = in_sentence + [p for p in venues if p not in in_sentence]
    place: Place | None = venues[0] if venues else None
    if place is None:
        local = [
            p
            for p in in_lead
            if p.level in (PlaceLevel.VILLAGE, PlaceLevel.DISTRICT) and p.rule == "region_unit" and _after_at(tokens, p)
        ]
        place = min(local, key=lambda p: (p.level is not PlaceLevel.VILLAGE, p.start)) if local else None
    region = _place_region(place, regions) if place is not None else None
    if region is None:
        for candidate in in_lead:
            if candidate.level in KABKOTA and candidate.code and _after_at(tokens, candidate):
                region = regions.region(candidate.code)
                break
    if region is None:
        dateline = [p for p in places if p.rule == "dateline" and p.code]
        if dateline:
            found = regions.region(dateline[0].code or "")
            region = (regions.kabkota(found) or found) if found is not None else None
    if region is None and home is not None:
        region = home
        if home.level is PlaceLevel.PROVINCE:
            capital = provincial_capitals().get(home.code)
            region = regions.region(capital) if capital else home
    return EventPlace(place=place, region=region)


def _place_region(place: Place, regions: Gazetteer) -> Region | None:
    if place.level is PlaceLevel.VENUE:
        return regions.region(place.region_code) if place.region_code else None
    region = region_of(place)
    if region is None:
        return None
    return regions.kabkota(region) or region


def _after_at(tokens: Tokens, place: Place) -> bool:
    i = tokens.index_at(place.start)
    return i is not None and any(w.lower() in _AT for w in tokens.words[max(0, i - 2) : i])


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    ends = [e for e in (text.find(". ", position), text.find("\n", position)) if e >= 0]
    return start, (min(ends) if ends else len(text))
