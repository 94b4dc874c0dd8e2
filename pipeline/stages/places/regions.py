"""Region mentions: regions written with their unit word, bare names, villages resolved
against the article's other regions, names shared by a kabupaten and a kota, and the NER
model's place guesses."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.gazetteer import KABKOTA, Gazetteer, Region, gazetteer
from pipeline.record import Place, PlaceLevel
from pipeline.regions import lookup_local
from pipeline.spans import Coverage
from pipeline.stages.places.home import host_region
from pipeline.tokens import Tokens
from pipeline.vocabulary import Vocabulary, place_words

#: Longest region name, in tokens, after its unit word (`Kota Administrasi Jakarta Pusat`).
MAX_NAME_TOKENS = 4


def place_mention(
    tokens: Tokens, first: int, stop: int, *, name: str, level: PlaceLevel, rule: str, region: Region | None
) -> Place:
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


#: Levels whose names the gazetteer resolves: after a unit word written in lower case too.
GAZETTEER_LEVELS = (*KABKOTA, PlaceLevel.PROVINCE)


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and len(word) <= 3)


def prefixed_regions(tokens: Tokens, regions: Gazetteer, vocab: Vocabulary) -> list[Place]:
    """`Kota Malang`, `Kab. Garut`, `Kecamatan Cugenang`: the longest name after a unit word that the
    gazetteer knows at that level. Villages, and districts whose name several share, are resolved
    later against the article's other regions."""
    words = tokens.words

    def parse(i: int) -> tuple[int, Place] | None:
        match = vocab.region_prefixes.match(words, i)
        if match is None:
            return None
        name_start, level = match
        if not words[i][:1].isupper() and level not in GAZETTEER_LEVELS:
            return None  # `kabupaten Garut`, `provinsi Jawa Tengah`; not `desa` + any capitalised word
        if level in (None, PlaceLevel.VILLAGE):
            inner = vocab.region_prefixes.match(words, name_start)
            if inner is not None and inner[1] in GAZETTEER_LEVELS and _longest_region(words, *inner, regions):
                return None  # `Dinas ... dan Desa Kabupaten Garut`: the unit word names no village
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
        name = region.name if region is not None else f"{_written_out(vocab, words[i:name_start])} {written}"
        place = place_mention(
            tokens, i, stop, name=name, level=level or PlaceLevel.OTHER, rule="region_unit", region=region
        )
        return stop, place

    found = []
    i = 0
    while i < len(words):  # every token: a unit word may be written in lower case
        parsed = parse(i)
        if parsed is None:
            i += 1
            continue
        i, place = parsed
        found.append(place)
    return found


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
        and words[stop] not in vocab.honorifics
        and (stop == start or vocab.region_prefixes.match(words, stop) is None)
    ):
        stop += 1
    return stop


def _written_out(vocab: Vocabulary, prefix: Sequence[str]) -> str:
    written = " ".join(prefix)
    return vocab.region_units.get(written, written)


def bare_regions(tokens: Tokens, regions: Gazetteer, vocab: Vocabulary, taken: set[tuple[int, int]]) -> list[Place]:
    words = tokens.words
    covered = Coverage(taken)
    found = []
    i = 0
    while i < len(words):
        word = words[i]
        if (
            not word[:1].isupper()
            or not regions.could_start_name(word)
            or word.lower() in place_words().words("common_region_word")
            or covered.covers(tokens.starts[i])
        ):
            i += 1
            continue
        best = None
        for stop in range(min(len(words), i + 3), i, -1):
            if not all(w[:1].isupper() for w in words[i:stop]):
                continue
            if stop < len(words) and words[stop] in place_words().words("longer_region_name"):
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
        place = place_mention(tokens, i, stop, name=name, level=level, rule="region_bare", region=region)
        found.append(place)
        i = stop
    return found


def resolve_villages(places: list[Place], regions: Gazetteer) -> list[Place]:
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
        region = lookup_local(name, place.level, within, regions)
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


def resolve_ambiguous(places: list[Place], tokens: Tokens, regions: Gazetteer, url: str | None) -> list[Place]:
    """Bare names shared by a kabupaten and a kota, read from nearby words, the article, or as the kota."""
    explicit = {p.code for p in places if p.code and p.rule == "region_unit"}
    host = host_region(url, regions)
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
    cues = place_words()
    wanted = (
        PlaceLevel.CITY
        if before & cues.words("city_cue")
        else PlaceLevel.REGENCY
        if before & cues.words("regency_cue")
        else None
    )
    matching = [r for r in candidates if r.level is wanted]
    return matching[0] if matching else None


def entity_places(
    tokens: Tokens, entities: Sequence[tuple[int, int]], found: list[Place], regions: Gazetteer
) -> list[Place]:
    kabkotas = sorted({p.code for p in found if p.level in KABKOTA and p.code})
    ruled = Coverage((p.start, p.end) for p in found)
    added = []
    for start, end in entities:
        if ruled.overlaps(start, end):
            continue  # the rules found this place (or one around it): they win
        text = tokens.text[start:end]
        district = lookup_local(text, PlaceLevel.DISTRICT, kabkotas, regions) if kabkotas else None
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
