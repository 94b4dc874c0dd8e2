"""Organisations: governments, offices, legislatures, police and military units, ministries.

An organisation opens with a word of `organisations.tsv` (`Pemerintah`, `Dinas`, `DPRD`,
`Polres`, `Kementerian`, ...) or an office abbreviation of `agencies.tsv` (`Pemkot`,
`Diskominfo`, `Kemenhut`), and takes what that word takes after it: a region, a place
name, unit words or a name. The name is written out (`Pemkot Serang` -> Pemerintah Kota
Serang, `DPRD Garut` -> DPRD Kabupaten Garut) and linked to its region when it has one.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.gazetteer import gazetteer
from pipeline.record import Organisation, Place, PlaceLevel
from pipeline.regions import RegionIndex, place_as_named
from pipeline.schools import school_end
from pipeline.spans import Coverage
from pipeline.state import Entities
from pipeline.tokens import Tokens, tokens_of
from pipeline.vocabulary import Vocabulary, organisation_words, place_words, vocabulary
from pipeline.vocabulary.offices import composed_office

#: Longest name (in tokens) after `Kementerian`, `Universitas`, `PT` ...
MAX_NAME_TOKENS = 8


def extract_organisations(doc: Doc, *, places: Sequence[Place], entities: Entities) -> list[Organisation]:
    """Organisation mentions in text order (an office inside a longer name is not listed apart).

    The NER model's ORG entities (`entities.organisations`) overlapping no organisation the
    rules found are added as written, with no kind.
    """
    tokens = tokens_of(doc)
    vocab = vocabulary()
    regions_at = RegionIndex(places)
    found = tokens.scan(lambda i: parse_organisation(tokens, i, vocab, regions_at))
    ruled = Coverage((o.start, o.end) for o in found)
    for start, end in entities.organisations:
        if not ruled.overlaps(start, end):
            text = tokens.text[start:end]
            found.append(Organisation(text=text, start=start, end=end, rule="ner", name=text))
    return sorted(found, key=lambda o: (o.start, -o.end))


def parse_organisation(
    tokens: Tokens, i: int, vocab: Vocabulary, regions_at: RegionIndex
) -> tuple[int, Organisation] | None:
    """The organisation starting at token `i`: (end token, mention), or None."""
    found = _parse_body(tokens, i, vocab, regions_at)
    return None if found is None else (found[0], _as_regional_office(found[1]))


def _as_regional_office(body: Organisation) -> Organisation:
    """A ministry with regional offices named with a region is that office (`Kemenag Seluma` ->
    Kantor Kementerian Agama Kabupaten Seluma; with a province its
    `Kantor Wilayah`), at the levels `regional_ministry` gives it offices."""
    region = gazetteer().region(body.region_code) if body.region_code else None
    if region is None or body.region is None or not body.name.endswith(f" {body.region}"):
        return body
    ministries = organisation_words().values("regional_ministry")
    named = [name for name in ministries if body.name.startswith(f"{name} ")]
    if not named or region.level.value not in ministries[max(named, key=len)].split():
        return body
    office = "Kantor Wilayah" if region.level is PlaceLevel.PROVINCE else "Kantor"
    return body.model_copy(update={"name": f"{office} {body.name}"})


def _parse_body(tokens: Tokens, i: int, vocab: Vocabulary, regions_at: RegionIndex) -> tuple[int, Organisation] | None:
    """The organisation starting at token `i` as named, before it is read as a regional office."""
    words = tokens.words
    regional = _office_of(tokens, i, vocab, regions_at)
    if regional is not None:
        return regional
    office = vocab.agencies.match(words, i)
    if office is not None and office[1].kind == "office":
        stop, agency = office
        kind = _office_kind(agency.expansion)
        written = vocab.organisations.match(agency.expansion.split(), 0)  # `Kejari` as `Kejaksaan Negeri`
        if written is not None and written[1].takes == "place" and written[1].name == agency.expansion:
            return _with_region(tokens, i, stop, agency.expansion, kind, regions_at, keep_place=True)
        return _with_region(tokens, i, stop, agency.expansion, kind, regions_at, government=agency.expansion)
    composed = composed_office(words[i]) if office is None else None
    if composed is not None and composed.head is None:  # `Disbudparpora`
        return _with_region(tokens, i, i + 1, composed.office, "government", regions_at, government=composed.office)
    match = vocab.organisations.match(words, i)
    if match is None:
        return None
    stop, starter = match
    if starter.takes == "none":
        return _mention(tokens, i, stop, starter.name, starter.kind, None)
    if starter.takes == "government":
        if stop >= len(words) or words[stop].lower() not in organisation_words().words("government_unit"):
            return None
        unit = words[stop].title()
        place = regions_at.get(tokens.starts[stop])
        if place is not None and place.name.startswith(unit):  # `Pemerintah Kota Malang`
            return _mention(tokens, i, tokens.end_token(place.end), f"Pemerintah {place.name}", starter.kind, place)
        return _with_region(tokens, i, stop + 1, f"Pemerintah {unit}", starter.kind, regions_at, government=unit)
    if starter.takes == "seat":  # `Kejaksaan Sleman`: the body of a kabupaten or kota, by its seat
        place = regions_at.get(tokens.starts[stop]) if stop < len(tokens) else None
        if place is None or place.level not in (PlaceLevel.REGENCY, PlaceLevel.CITY):
            return None
        return _with_region(tokens, i, stop, starter.name, starter.kind, regions_at, keep_place=True)
    if starter.takes in ("region", "place"):
        return _with_region(
            tokens, i, stop, starter.name, starter.kind, regions_at, keep_place=starter.takes == "place"
        )
    if starter.takes == "school":
        end = school_end(tokens, stop, regions_at, vocab)
        return None if end is None else _mention(tokens, i, end, tokens.span_text(i, end), starter.kind, None)
    if starter.takes == "unit":
        end = _unit_end(words, stop, vocab)
        if end == stop:
            return None
        written = tokens.span_text(i, stop)
        opening = written if written.lower() == starter.name.lower() else starter.name  # `Kemeterian` (sic)
        name = f"{opening} {_unit_name(tokens, stop, end, vocab)}"
        return _with_region(tokens, i, end, name, starter.kind, regions_at)
    end = _acronym_end(words, i, stop) or _name_end(words, stop, vocab)
    if end == stop:
        return None
    return _mention(tokens, i, end, tokens.span_text(i, end), starter.kind, None)


def _unit_end(words: Sequence[str], k: int, vocab: Vocabulary) -> int:
    """End of the unit words of a name from `k`, the short forms of fields among them (`Otda`)."""
    end = k
    while True:
        field = vocab.agencies.match(words, end)
        if field is not None and field[1].kind == "domain":
            end = field[0]
            continue
        more = vocab.unit_words_end(words, end)
        if more == end:
            return end
        end = more
        if _joins_field(words, end, vocab):  # `Kementerian Hukum dan HAM`: a short field after a joiner
            end += 1


def _joins_field(words: Sequence[str], k: int, vocab: Vocabulary) -> bool:
    """A joiner (`dan`) at `k` followed by the short form of a field."""
    if k + 1 >= len(words) or words[k].lower() not in organisation_words().words("unit_joiner"):
        return False
    field = vocab.agencies.match(words, k + 1)
    return field is not None and field[1].kind == "domain"


def _unit_name(tokens: Tokens, start: int, end: int, vocab: Vocabulary) -> str:
    """The unit words of a name with the short forms of fields written out (`Otda` -> Otonomi Daerah)."""
    words = tokens.words
    parts = []
    k = start
    while k < end:
        field = vocab.agencies.match(words, k)
        if field is not None and field[1].kind == "domain" and field[0] <= end:
            parts.append(field[1].expansion)
            k = field[0]
        else:
            parts.append(words[k])
            k += 1
    return tokens.text[tokens.starts[start] : tokens.ends[end - 1]] if parts == words[start:end] else " ".join(parts)


def _office_of(tokens: Tokens, i: int, vocab: Vocabulary, regions_at: RegionIndex) -> tuple[int, Organisation] | None:
    """`Kantor Kementerian Agama Kota Makassar`, `Kanwil Kemenag Jateng`, `Kantor ATR/BPN Kota X`:
    the regional office of the state body named after an `office_of` form (the longest that
    matches: `Kantor Wilayah` before `Kantor`), one organisation with the body's region, named
    with the form written out (`Kantor Wilayah Kementerian Agama Provinsi Jawa Tengah`)."""
    forms = organisation_words().values("office_of")
    words = tokens.words
    for size in (2, 1):
        form = " ".join(words[i : i + size])
        if form not in forms or i + size >= len(words):
            continue
        inner = _parse_body(tokens, i + size, vocab, regions_at)
        if inner is None or inner[1].kind not in organisation_words().words("state_kind"):
            return None
        end, body = inner
        start, end_char = tokens.chars(i, end)
        name = f"{forms[form] or form} {body.name}"
        return end, body.model_copy(update={"text": tokens.text[start:end_char], "start": start, "name": name})
    return None


def _acronym_end(words: Sequence[str], i: int, stop: int) -> int | None:
    """`Asosiasi DPRD Provinsi Seluruh Indonesia (ADPSI)`: a name closed by its acronym in
    parentheses, which begins with the name's first letter, runs on to it over capitalised words
    and joiners (acronyms inside it too); the end after the parenthesis, else None."""
    end = stop
    while end < len(words) and end - stop < MAX_NAME_TOKENS:
        word = words[end]
        if word == "(" and end + 2 < len(words) and words[end + 2] == ")":
            acronym = words[end + 1]
            found = acronym.isupper() and acronym[:1] == words[i][:1]
            return end + 3 if found and end > stop else None
        if not (word[:1].isupper() or (word in organisation_words().words("name_joiner") and end > stop)):
            return None
        end += 1
    return None


def _name_end(words: Sequence[str], stop: int, vocab: Vocabulary) -> int:
    """End of an organisation's name: capitalised words, up to an acronym (or its parenthesis)
    followed by another capitalised word, which starts the next thing (`Asosiasi UMKM Ikhsan ...`),
    or up to a word that opens a state body (`Partai X DPRD Kota Y`)."""
    end = stop
    while end < len(words) and end - stop < MAX_NAME_TOKENS:
        word = words[end]
        if end > stop and _opens_state_body(words, end, vocab):
            break
        if word[:1].isupper():
            end += 1
            if (
                word.isupper()
                and len(word) > 1
                and end < len(words)
                and words[end][:1].isupper()
                and words[end] not in organisation_words().words("name_continuation")
            ):
                break
        elif (
            word in organisation_words().words("name_joiner")
            and end + 1 < len(words)
            and words[end + 1][:1].isupper()
            and not _opens_state_body(words, end + 1, vocab)
        ):
            end += 1
        elif word == "(" and end + 2 < len(words) and words[end + 1].isupper() and words[end + 2] == ")":
            return end + 3
        else:
            break
    return end


def _opens_state_body(words: Sequence[str], k: int, vocab: Vocabulary) -> bool:
    """A state body's opening word or office abbreviation (`DPRD`, `Kementerian`, `Diskominfo`) at `k`."""
    starter = vocab.organisations.match(words, k)
    if starter is not None:
        return starter[1].kind in organisation_words().words("state_kind")
    office = vocab.agencies.match(words, k)
    return office is not None and office[1].kind == "office"


def _office_kind(expansion: str) -> str:
    """The kind of an office by the longest `office_kind` prefix of its name (else government)."""
    kinds = organisation_words().values("office_kind")
    prefixes = [prefix for prefix in kinds if expansion.startswith(prefix)]
    return kinds[max(prefixes, key=len)] if prefixes else "government"


def _skip_parenthesis(words: Sequence[str], i: int) -> int:
    """After `(Diskominfo)` or `(Pemkot)`: the token after the closing parenthesis, else `i`."""
    if i < len(words) and words[i] == "(":
        for j in range(i + 1, min(len(words), i + 6)):
            if words[j] == ")":
                return j + 1
    return i


def _with_region(
    tokens: Tokens,
    i: int,
    stop: int,
    name: str,
    kind: str,
    regions_at: RegionIndex,
    *,
    keep_place: bool = False,
    government: str | None = None,
) -> tuple[int, Organisation]:
    """The organisation with the region named after it, if one is (`Dinas Kesehatan Kota Samarinda`)."""
    after = _skip_parenthesis(tokens.words, stop)
    place = regions_at.get(tokens.starts[after]) if after < len(tokens) else None
    if place is None:
        return _mention(tokens, i, stop, name, kind, None)
    end = tokens.end_token(place.end)
    if keep_place and end < len(tokens) and tokens.words[end] in place_words().words("unit_place_name"):
        end += 1  # `Polda Metro Jaya`, `Polresta Malang Kota`
        return _mention(tokens, i, end, f"{name} {tokens.span_text(after, end)}", kind, place)
    if keep_place:
        return _mention(tokens, i, end, f"{name} {place_as_named(place)}", kind, place)
    region_name = _region_name(place, government)
    short = organisation_words().values("short_name").get(name, name)  # `KPU Kabupaten Jepara`
    return _mention(tokens, i, end, f"{short} {region_name}", kind, place)


def _region_name(place: Place, government: str | None) -> str:
    """`Pemerintah Kota` + Serang, `Pemprov` + Jateng -> the region's name without or with its unit."""
    if government in ("Kota", "Kabupaten", "Provinsi", "Desa"):
        return place.name.partition(" ")[2] if place.name.startswith(f"{government} ") else place.text
    if government in ("Pemerintah Kota", "Pemerintah Kabupaten", "Pemerintah Provinsi", "Pemerintah Desa"):
        unit = government.split()[1]
        return place.name.partition(" ")[2] if place.name.startswith(f"{unit} ") else place.text
    return place.name


def _mention(tokens: Tokens, i: int, stop: int, name: str, kind: str, place: Place | None) -> tuple[int, Organisation]:
    start, end = tokens.chars(i, stop)
    region_code = place.code if place is not None and place.code else (place.region_code if place else None)
    region = gazetteer().region(region_code) if region_code else None
    return stop, Organisation(
        text=tokens.text[start:end],
        start=start,
        end=end,
        rule="organisation",
        name=name,
        kind=kind,
        region=region.name if region else None,
        region_code=region.code if region else None,
    )
