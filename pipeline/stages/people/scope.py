"""The jurisdiction named right after a title: a region of the level the title wants (resolved
in the gazetteer, or as written when it does not know it), a place filling the title's
template (`Polres {place}`), or the fixed body of the title."""

from __future__ import annotations

from functools import cache

from pipeline.gazetteer import KABKOTA, Region, gazetteer
from pipeline.record import PlaceLevel
from pipeline.regions import SCOPE_LEVELS, RegionIndex, fit_region, place_as_named
from pipeline.stages.people.seats import unknown_seat_end
from pipeline.stages.people.words import is_name_token, name_end, plausible_name, stop_words
from pipeline.tokens import Tokens
from pipeline.vocabulary import Title, Vocabulary, person_words, place_words

#: The levels of the Kemendagri regions, whose units (`Kecamatan X`) a post may belong to.
ADMINISTRATIVE = frozenset(level for levels in SCOPE_LEVELS.values() for level in levels)


@cache
def _national_forms() -> tuple[list[str], ...]:
    """The words of each `national` form, the longest first."""
    return tuple(form.split() for form in sorted(person_words().words("national"), key=len, reverse=True))


def national_end(words: list[str], k: int) -> int:
    """After `RI` or `Republik Indonesia` at `k` and an ordinal after it (`ke-7`), else `k`."""
    for parts in _national_forms():
        if words[k : k + len(parts)] == parts:
            k += len(parts)
            if words[k : k + 2] == ["ke", "-"] and k + 2 < len(words) and words[k + 2].isdigit():
                k += 3
            return k
    return k


def scope(
    tokens: Tokens, k: int, title: Title, vocab: Vocabulary, regions_at: RegionIndex
) -> tuple[str | None, str | None, int]:
    """The jurisdiction named right after the title: (name, code, end token). The state named
    after a national title (`Presiden RI ke-7`, `national`) is passed over: its body is the title's."""
    k = national_end(tokens.words, k)
    if k >= len(tokens):
        return None, None, k
    kind = title.jurisdiction
    place = regions_at.at(tokens.starts[k])
    if kind in SCOPE_LEVELS:
        levels = SCOPE_LEVELS[kind]
        region = fit_region(place, levels) if place is not None else None
        if region is not None and place is not None:
            return region.name, region.code, tokens.end_token(place.end)
        if place is not None and place.code is None and place.level in levels:
            return place.name, None, tokens.end_token(place.end)  # `Desa Sukamaju`, not in the gazetteer
        if kind in ("district", "village"):  # `Camat Cugenang`, `Lurah Sardonoharjo`: names without a unit word
            found = _local_region(tokens, k, levels[0], regions_at)
        else:  # `Wawali Malang Budi Santoso`: the region, then the name
            found = _bare_region(tokens, k, levels)
        if found is not None:
            region, end = found
            return region.name, region.code, end
        if kind in ("district", "village"):
            unit = "Kecamatan" if kind == "district" else "Kelurahan" if "Lurah" in title.role.split() else "Desa"
            return _unit_named_before_comma(tokens, k, unit, vocab)
        return _region_named_before_name(tokens, k, kind, vocab) or (None, None, k)
    if "{district}" in kind:
        return _district_office(tokens, k, kind, vocab, regions_at)
    if "{place}" in kind or "{region}" in kind:
        if place is not None and place.start == tokens.starts[k]:
            region = fit_region(place, SCOPE_LEVELS["region"])
            end = tokens.end_token(place.end)
            if "{region}" in kind and region is not None:
                return kind.replace("{region}", region.name), region.code, end
            if end < len(tokens) and tokens.words[end] in place_words().words("unit_place_name"):
                end += 1  # `Polresta Malang Kota`
                written = tokens.span_text(k, end)
                written = written.title() if written.isupper() else written
            else:  # `Kapolda NTT` -> Polda Nusa Tenggara Timur
                written = place_as_named(place)
            code = place.code if place.level in KABKOTA else place.region_code
            return kind.replace("{place}", written).replace("{region}", written), code, end
        end = k
        while end < len(tokens) and end - k < 4 and _is_place_word(tokens.words[end], vocab, first=end == k):
            end += 1
            if end + 1 < len(tokens) and tokens.words[end] == "/" and tokens.words[end + 1][:1].isalnum():
                end += 1  # `Korem 084/Bhaskara Jaya`
        if end - k > 1 and (seat_end := unknown_seat_end(tokens, k, vocab)) is not None:
            end = seat_end  # `Kapolsek Kalasan Budi Hartono mengatakan`: the seat, then the name
        if end > k and "{place}" in kind:
            return kind.replace("{place}", tokens.span_text(k, end)), None, end
        return None, None, k
    if (
        kind == "parent"
        and place is not None
        and place.start == tokens.starts[k]
        and place.level in ADMINISTRATIVE
        and vocab.region_prefixes.match(tokens.words, k) is not None
    ):  # `Kepala Seksi Ketenteraman Kecamatan Palolo`: a post of the region's own unit
        return place.name, place.code or place.region_code, tokens.end_token(place.end)
    if kind in ("ministry", "parent") or not kind:
        return None, None, k
    return kind, None, k  # a fixed body: `Republik Indonesia`


def _district_office(
    tokens: Tokens, k: int, kind: str, vocab: Vocabulary, regions_at: RegionIndex
) -> tuple[str | None, str | None, int]:
    """`Kepala KUA Sulang`, `Kepala KUA Kecamatan Sulang`: an office of a kecamatan, named by the
    district written out (`KUA Kecamatan Sulang`)."""
    place = regions_at.at(tokens.starts[k])
    if place is not None and place.start == tokens.starts[k] and place.level is PlaceLevel.DISTRICT:
        return kind.replace("{district}", place.name), place.code, tokens.end_token(place.end)
    found = _local_region(tokens, k, PlaceLevel.DISTRICT, regions_at)
    if found is not None:
        region, end = found
        return kind.replace("{district}", region.name), region.code, end
    name, _, end = _unit_named_before_comma(tokens, k, "Kecamatan", vocab)
    return (kind.replace("{district}", name), None, end) if name is not None else (None, None, k)


def _unit_named_before_comma(
    tokens: Tokens, k: int, unit: str, vocab: Vocabulary
) -> tuple[str | None, str | None, int]:
    """`Kades Sukamaju Kecamatan Cibadak, Asep ...`: a village or district the gazetteer does not
    resolve, named by capitalised words that a region or a comma closes."""
    words = tokens.words
    end = k
    while end < len(words) and end - k < 3 and is_name_token(words[end], vocab):
        end += 1
    if end == k or end >= len(words):
        return None, None, k
    named_after = (
        words[end] == ","
        and end + 1 < len(words)
        and (
            is_name_token(words[end + 1], vocab)
            or words[end + 1] in vocab.honorifics
            or vocab.ranks.match(words, end + 1) is not None
        )
    )  # `Kades Sukamaju, Asep ...`; not `Camat Dedi Saputra, S.IP., ...`
    if words[end] == "," and end + 1 < len(words) and vocab.region_prefixes.match(words, end + 1) is not None:
        return f"{unit} {tokens.span_text(k, end)}", None, end  # `Lurah Sukamaju, Kecamatan Cibadak, Asep ...`
    if not named_after and vocab.region_prefixes.match(words, end) is None:
        return None, None, k
    stop = end
    while stop < len(words) and vocab.region_prefixes.match(words, stop) is not None:  # the regions above it
        prefix_end = vocab.region_prefixes.match(words, stop)
        assert prefix_end is not None
        stop = prefix_end[0]
        while stop < len(words) and is_name_token(words[stop], vocab):
            stop += 1
    return f"{unit} {tokens.span_text(k, end)}", None, stop


def _region_named_before_name(tokens: Tokens, k: int, kind: str, vocab: Vocabulary) -> tuple[str, None, int] | None:
    """`Wakil Bupati Sukamaju, Hendra Wijaya, ...`: a region the gazetteer does not know (new,
    misspelt or invented), one to three capitalised words set off by a comma before a name of
    two words or more (or an honorific or rank) that another comma closes."""
    words = tokens.words
    end = k
    while end < len(words) and end - k < 3 and is_name_token(words[end], vocab):
        end += 1
    if end == k or end + 2 >= len(words) or words[end] != ",":
        return None
    j = end + 1
    if words[j] not in vocab.honorifics and vocab.ranks.match(words, j) is None:
        stop = name_end(words, j, vocab)
        if stop - j < 2 or stop >= len(words) or words[stop] != ",":
            return None
        if not plausible_name(tokens, j, stop, vocab):
            return None
    written = tokens.span_text(k, end)
    unit = _unit_word(vocab, kind)
    return (f"{unit} {written}" if unit else written), None, end


def _is_place_word(word: str, vocab: Vocabulary, *, first: bool) -> bool:
    """A word of a place name after a police or military title (`Brawijaya`, `084/Bhaskara`)."""
    capitalised = word[:1].isupper() or (first and word[:1].isdigit())
    return (
        capitalised
        and word not in stop_words()
        and vocab.ranks.match([word], 0) is None
        and word.rstrip(".") not in {h.rstrip(".") for h in vocab.honorifics}
    )


def _local_region(tokens: Tokens, k: int, level: PlaceLevel, regions_at: RegionIndex) -> tuple[Region, int] | None:
    """A district or village named without its unit word, looked up inside the article's regions."""
    regions = gazetteer()
    context = regions_at.context  # districts first, then kabupaten/kota
    end = k
    best = None
    while end < len(tokens) and end - k < 3 and tokens.words[end][:1].isupper():
        end += 1
        name = tokens.span_text(k, end)
        for code in [*context, None]:
            candidates = regions.lookup(name, levels=(level,), within=code)
            if len(candidates) == 1:
                best = (candidates[0], end)
                break
    return best


def _bare_region(tokens: Tokens, k: int, levels: tuple[PlaceLevel, ...]) -> tuple[Region, int] | None:
    """A province or kabupaten/kota named bare right after a title, before a name."""
    regions = gazetteer()
    for end in range(min(len(tokens), k + 3), k, -1):
        if not all(w[:1].isupper() for w in tokens.words[k:end]):
            continue
        candidates = [r for r in regions.lookup(tokens.span_text(k, end), levels=levels)]
        if candidates:
            return candidates[0], end
    return None


def _unit_word(vocab: Vocabulary, kind: str) -> str | None:
    """The unit word written before a region of the level `kind` names (`regency` -> Kabupaten)."""
    for entries in vocab.region_prefixes.by_first.values():
        for form, level in entries:
            written = vocab.region_units.get(form[0].capitalize())
            if len(form) == 1 and level is not None and level.value == kind and written == form[0].capitalize():
                return written
    return None
