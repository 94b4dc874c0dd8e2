"""Officials (and other persons): names, roles written out, jurisdictions, every mention.

1. Titles are read where they stand (`titles.tsv`, `title_modifiers.tsv`, `agencies.tsv`):
   `Pelaksana Tugas (Plt) Kepala Diskominfo Kota Jayapura`, `Kasat Reskrim`, `Wawali Malang`,
   `Direktur Rehabilitasi Mangrove Kementerian Kehutanan` -> the role written out in full
   (`Pelaksana Tugas Kepala Dinas Komunikasi dan Informatika`) and its jurisdiction: the
   region named after it (resolved in the gazetteer), the body named after it, or the
   template of the title (`Polres {place}`, `DPRD {region}`).
2. The name is read after the title (`Bupati Sukamaju, Dr. Hendra Wijaya, M.Si.,` or
   `Kasat Reskrim AKP Rina Sitompul`) or, failing that, right before it (`Abd Rahim Tuwu
   Asisten III ...`). Ranks, honorifics and degrees stay in the mention, out of the name.
3. Mentions of the same person are merged: the same name, a shorter form of it (`Wawali
   Irwan`), a title without a name (`Kapolres menjelaskan`, `Gubernur Sulawesi Selatan`
   before the name is given) when one official holds that role; then every later bare use
   of a name or a part of it (`Ali`, `Mei Ling`) becomes a mention.
4. A title without its region takes the region of another mention of the same person,
   then the region of the body it belongs to in the article, then the article's home
   region. Officials never named are not listed.
5. Persons who hold no office come from the NER model's PER entities (when the pipeline
   has one) and from appositions that say what they are (`Onih (67), warga ...`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.tokens import Doc

from pipeline.gazetteer import KABKOTA, Region, gazetteer, provincial_capitals
from pipeline.lexicons import read_list
from pipeline.record import Dateline, Mention, Official, Organisation, Person, Place, PlaceLevel, RecordWarning
from pipeline.regions import NO_REGIONS, RegionIndex
from pipeline.spans import Coverage
from pipeline.stages.organisations import parse_organisation
from pipeline.state import Entities
from pipeline.tokens import Tokens, tokens_of
from pipeline.vocabulary import Title, Vocabulary, place_words, vocabulary

PLACE_CONTINUATIONS = place_words().words("unit_place_name")

#: Longest person name, in tokens.
MAX_NAME_TOKENS = 6
#: Longest unit name after a title that takes one, in tokens (`Penanaman Modal dan Pelayanan Terpadu Satu Pintu`).
MAX_UNIT_TOKENS = 10
_ROMAN = re.compile(r"(?:I{1,3}|IV|V|VI{0,3})")
_INITIAL = re.compile(r"[A-Z][a-z]{0,2}\.")
_NAME_PARTICLES = frozenset({"bin", "binti", "van", "der", "de", "da", "dos", "al", "el"})
#: Region levels a title's jurisdiction kind accepts.
_SCOPE_LEVELS: dict[str, tuple[PlaceLevel, ...]] = {
    "province": (PlaceLevel.PROVINCE,),
    "regency": (PlaceLevel.REGENCY,),
    "city": (PlaceLevel.CITY,),
    "region": (PlaceLevel.PROVINCE, PlaceLevel.REGENCY, PlaceLevel.CITY),
    "district": (PlaceLevel.DISTRICT,),
    "village": (PlaceLevel.VILLAGE,),
}
#: Capitalised words of the place after a descriptor (`warga Kelurahan Ujung Sabbang`).
MAX_PLACE_WORDS = 5
#: The unit word of a region the gazetteer does not know, by the level the title wants.
_REGION_UNITS = {"province": "Provinsi", "regency": "Kabupaten", "city": "Kota"}
#: Police units (`Kasat Reskrim`) belong to a police body; other units to any body.
_POLICE_UNITS = frozenset({"reserse kriminal", "lalu lintas", "pembinaan masyarakat", "reserse narkoba",
                           "intelijen keamanan", "samapta", "hubungan masyarakat"})  # fmt: skip


@cache
def _stop_words() -> frozenset[str]:
    """Capitalised words that never start or continue a name (sentence openers and the like)."""
    return frozenset(read_list("name_stopwords.txt"))


@dataclass(frozen=True, slots=True)
class PeopleResult:
    officials: list[Official]
    persons: list[Person]
    warnings: list[RecordWarning] = field(default_factory=list)


@dataclass(slots=True)
class _TitleMention:
    start: int  # chars of the title (modifiers, title, unit, scope), not the name
    end: int
    role: str
    jurisdiction: str | None
    jurisdiction_code: str | None
    #: What jurisdiction the title wants when the text names none (a `_SCOPE_LEVELS` key, `parent`, ...).
    wants: str
    name: tuple[int, int] | None = None  # chars of the name
    name_text: str | None = None
    mention_end: int = 0  # end of the whole mention with degrees
    rank: str | None = None
    honorifics: list[str] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)
    #: False for posts outside the state (`Ketua Asosiasi UMKM`): the holder is listed as a person.
    official: bool = True


@dataclass(slots=True)
class _Cluster:
    name: str
    role: str | None
    jurisdiction: str | None
    jurisdiction_code: str | None
    wants: str
    first: int
    #: (start, end, kind) of each mention.
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    rank: str | None = None
    honorifics: list[str] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)
    official: bool = True
    description: str | None = None


def extract_people(
    doc: Doc,
    *,
    dateline: Dateline | None,
    places: Sequence[Place],
    organisations: Sequence[Organisation],
    entities: Entities,
    home: Region | None,
) -> PeopleResult:
    """Officials and persons of the article, each with all their mentions, in order of first mention.

    `entities` are the character spans of PER entities from a NER model, if any.
    """
    tokens = tokens_of(doc)
    vocab = vocabulary()
    known = [p for p in places if p.rule != "ner" or p.code is not None]  # not the model's unlinked guesses
    regions_at = RegionIndex(known)
    venues = [(p.start, p.end) for p in known if p.level is PlaceLevel.VENUE]
    titles = _find_titles(tokens, vocab, regions_at, venues + _headlines(tokens.text))
    clusters = _cluster(titles)
    _fill_jurisdictions(clusters, organisations, home)
    bodies = [(o.start, o.end) for o in organisations if o.rule != "ner"]
    bodies += [(p.start, p.end) for p in places if p.rule != "ner"]  # a described name beats the model's guess
    persons = _persons(tokens, clusters, entities.persons, titles, bodies)
    clusters += persons
    _add_name_mentions(tokens, clusters)
    return _records(tokens.text, clusters)


# --- titles -------------------------------------------------------------------------------


_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _headlines(text: str) -> list[tuple[int, int]]:
    """Lines in headline case (most words capitalised, no closing period): their spans."""
    spans = []
    start = 0
    for line in text.split("\n"):
        words = _HEADLINE_WORD.findall(line)
        stripped = line.rstrip()
        if len(words) >= 3 and stripped[-1:] not in '.!?"”' and sum(w[0].isupper() for w in words) >= 0.6 * len(words):
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _find_titles(
    tokens: Tokens, vocab: Vocabulary, regions_at: RegionIndex, excluded: list[tuple[int, int]]
) -> list[_TitleMention]:
    """Title mentions outside venue names (`Kantor Gubernur`) and headline lines."""
    skipped = Coverage(excluded)

    def parse(i: int) -> tuple[int, _TitleMention] | None:
        if skipped.covers(tokens.starts[i]):
            return None
        return _parse_title(tokens, i, vocab, regions_at)

    return tokens.scan(parse)


def _parse_title(
    tokens: Tokens, i: int, vocab: Vocabulary, regions_at: RegionIndex
) -> tuple[int, _TitleMention] | None:
    words = tokens.words
    prefixes = []
    j = i
    while (modifier := vocab.modifiers.match(words, j)) is not None:
        prefixes.append(modifier[1])
        j = _skip_short_form(words, modifier[0], vocab)
    match = vocab.titles.match(words, j) if j < len(words) and words[j][:1].isupper() else None
    if match is None:
        return None
    k, title = match
    role = title.role
    k = _skip_short_form(words, k, vocab)
    body: tuple[str, str | None, str | None] | None = None  # (name, region name, region code)
    ministry: str | None = None
    if title.needs == "body":
        found_body = _post_in_body(tokens, k, vocab, regions_at, title)
        if found_body is None:
            return None
        title, k = found_body
        role = title.role
    if title.takes_unit:
        unit = _parse_unit(tokens, k, vocab, title)
        if unit is None:
            if title.needs == "unit":
                return None  # `Direktur`, `Kepala` alone are too vague to be titles
        else:
            k, unit_text, office = unit
            role = _role_with_unit(role, unit_text, office)
            if title.jurisdiction == "ministry":
                ministry = office if office and office.startswith("Kementerian") else f"Kementerian {unit_text}"
            k = _skip_short_form(words, k, vocab)
    if prefixes:
        role = " ".join([*dict.fromkeys(prefixes), role])
    if title.jurisdiction == _NOT_AN_OFFICE:
        mention = _TitleMention(tokens.starts[i], tokens.ends[k - 1], role, None, None, _NOT_AN_OFFICE)
        mention.official = False
        mention.mention_end = mention.end
        return _parse_name_after(tokens, k, vocab, mention, regions_at), mention
    jurisdiction, code, k = _scope(tokens, k, title, vocab, regions_at)
    if jurisdiction is None and ministry is not None:
        jurisdiction = ministry
    if jurisdiction is None or "{region}" in title.jurisdiction:
        # `Direktur ... Kementerian Kehutanan`, `Kepala Badan Ketahanan Pangan Kementerian Pertanian`
        organisation = parse_organisation(tokens, k, vocab, regions_at) if k < len(tokens) else None
        if organisation is not None and (
            title.jurisdiction in ("parent", "ministry")
            or "{region}" in title.jurisdiction
            or organisation[1].kind in _STATE_KINDS
        ):
            k, found = organisation
            body = (found.name, found.region, found.region_code)
    if body is not None:
        jurisdiction, code = _body_jurisdiction(title, body)
    title_end = tokens.ends[k - 1]
    mention = _TitleMention(
        start=tokens.starts[i],
        end=title_end,
        role=role,
        jurisdiction=jurisdiction,
        jurisdiction_code=code,
        wants=title.jurisdiction,
        mention_end=title_end,
    )
    k = _parse_name_after(tokens, k, vocab, mention, regions_at)
    if mention.name is None:
        _parse_name_before(tokens, i, vocab, mention)
    return k, mention


#: The jurisdiction of a post that is not an office (`Ketua Asosiasi UMKM`): its holder is a person.
_NOT_AN_OFFICE = "-"
#: Organisation kinds whose posts are offices of the state.
_STATE_KINDS = frozenset({"government", "legislature", "police", "military", "prosecutor", "court", "ministry"})


def _post_in_body(
    tokens: Tokens, k: int, vocab: Vocabulary, regions_at: RegionIndex, title: Title
) -> tuple[Title, int] | None:
    """`Kepala Bappeda ...`, `Ketua KPU Kota Malang`: a generic post followed by the body it is in.

    A regional office (a dinas or badan daerah) makes a head of office, whose jurisdiction is
    the region (`Kepala Badan Perencanaan Pembangunan Daerah`, Kota Payakumbuh); any other
    state body makes the post + the body's name, whose jurisdiction is the body itself. Posts
    in companies and associations are not offices.
    """
    agency = vocab.agencies.match(tokens.words, k)
    if agency is not None and agency[1].kind == "office" and _regional_office(agency[1].expansion):
        return Title(title.role, "region", "unit"), k
    organisation = parse_organisation(tokens, k, vocab, regions_at)
    if organisation is None:
        office = vocab.titles.match(tokens.words, k) if k < len(tokens) and tokens.words[k][:1].isupper() else None
        if office is not None and office[1].needs != "body":  # `Juru Bicara Presiden`, `Staf Khusus Menteri`
            end, holder = office
            return Title(f"{title.role} {holder.role}", holder.jurisdiction, holder.needs), end
        return None
    end, found = organisation
    parent = parse_organisation(tokens, end, vocab, regions_at) if end < len(tokens) else None
    if parent is not None and parent[1].kind in _STATE_KINDS and found.kind in _STATE_KINDS:
        end, parent_body = parent  # `Kepala Badan Ketahanan Pangan Kementerian Pertanian`
        return Title(f"{title.role} {found.name}", parent_body.name, ""), end
    if found.kind not in _STATE_KINDS:
        place = regions_at.get(tokens.starts[end]) if end < len(tokens) else None
        if place is not None:  # `Ketua PHRI DIY Deddy ...`
            end = _end_token(tokens, place.end)
        return Title(tokens.span_text(k - len(title.role.split()), end), _NOT_AN_OFFICE, ""), end
    base = found.name
    if found.region and base.endswith(f" {found.region}"):
        base = base[: -len(found.region) - 1]
    return Title(f"{title.role} {base}", found.name, ""), end


def _regional_office(expansion: str) -> bool:
    return expansion.startswith("Dinas") or (expansion.startswith("Badan") and expansion.endswith("Daerah"))


def _skip_short_form(words: Sequence[str], k: int, vocab: Vocabulary) -> int:
    """Skip `(Plt)`, `(Kalaksa)`, `(Kadisperindag)`, `(Asisten II)`, `(DPMPTSP)` after a title or unit."""
    if k < len(words) and words[k] == "(":
        for end in range(k + 1, min(len(words), k + 5)):
            if words[end] == ")":
                inner = words[k + 1 : end]
                if inner and all(w[:1].isupper() or _ROMAN.fullmatch(w) for w in inner):
                    return end + 1
                break
    return k


def _parse_unit(tokens: Tokens, k: int, vocab: Vocabulary, title: Title) -> tuple[int, str, str | None] | None:
    """(end, unit text, office expansion) of the unit after a title that takes one."""
    words = tokens.words
    if k >= len(words):
        return None
    agency = vocab.agencies.match(words, k)
    if agency is not None:
        end, found = agency
        if found.kind == "office":
            return end, found.expansion, found.expansion
        if found.kind == "domain":
            return end, found.expansion, None
    end = k
    stop = k
    while end < len(words) and end - k < MAX_UNIT_TOKENS:
        word = words[end]
        lower = word.lower()
        if (lower in vocab.unit_words and word[:1].isupper()) or _ROMAN.fullmatch(word):
            end += 1
            stop = end
        elif lower in ("dan", ",", "&") and end + 1 < len(words) and words[end + 1].lower() in vocab.unit_words:
            end += 1
        else:
            break
    if title.jurisdiction == "parent":
        stop = _extend_to_body(tokens, k, stop, vocab)
    if stop == k and _is_unit_acronym(words[k]) and k + 1 < len(words) and words[k + 1] == ",":
        stop = k + 1  # `Dirjen IKMA, Larasati ...`: a unit known by its acronym only, set off before the name
    if stop == k:
        return None
    return stop, tokens.span_text(k, stop), None


def _is_unit_acronym(word: str) -> bool:
    """An acronym that can name a unit (`IKMA`, `PPKGBK`); not a legal form (`PT`, `CV`)."""
    return 3 <= len(word) <= 10 and word.isupper() and word.isalpha() and word not in _stop_words()


def _extend_to_body(tokens: Tokens, k: int, stop: int, vocab: Vocabulary) -> int:
    """`Direktur Rehabilitasi Mangrove Kementerian ...`: unknown unit words up to the body named after them."""
    words = tokens.words
    for end in range(stop, min(len(words), k + MAX_UNIT_TOKENS)):
        if parse_organisation(tokens, end, vocab, NO_REGIONS) is not None:
            return end if end > k else stop
        if not words[end][:1].isupper() or words[end] in _stop_words() or vocab.titles.match(words, end):
            break
    return stop


def _role_with_unit(role: str, unit: str, office: str | None) -> str:
    """`Kepala Dinas` + Kesehatan; `Kepala Dinas` + the office `Dinas Kesehatan`; `Kepala` + `BPBD`."""
    if office is not None:
        head_word = role.split()[-1]
        if office.split()[0] == head_word:  # `Kepala Dinas` + `Dinas Komunikasi ...`
            return f"{role.rsplit(' ', 1)[0]} {office}"
        if head_word in ("Bidang", "Seksi", "Bagian", "Satuan", "Subbagian", "Unit"):
            return f"{role} {office.split(' ', 1)[-1]}"
        return f"{role} {office}"
    if role in ("Menteri", "Wakil Menteri"):
        return role
    return f"{role} {unit}"


def _scope(
    tokens: Tokens, k: int, title: Title, vocab: Vocabulary, regions_at: RegionIndex
) -> tuple[str | None, str | None, int]:
    """The jurisdiction named right after the title: (name, code, end token)."""
    if k >= len(tokens):
        return None, None, k
    kind = title.jurisdiction
    place = regions_at.at(tokens.starts[k])
    if kind in _SCOPE_LEVELS:
        levels = _SCOPE_LEVELS[kind]
        region = _fit_region(place, levels) if place is not None else None
        if region is not None and place is not None:
            return region.name, region.code, _end_token(tokens, place.end)
        if place is not None and place.code is None and place.level in levels:
            return place.name, None, _end_token(tokens, place.end)  # `Desa Sukamaju`, not in the gazetteer
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
    if "{place}" in kind or "{region}" in kind:
        if place is not None and place.start == tokens.starts[k]:
            region = _fit_region(place, _SCOPE_LEVELS["region"])
            end = _end_token(tokens, place.end)
            if "{region}" in kind and region is not None:
                return kind.replace("{region}", region.name), region.code, end
            if end < len(tokens) and tokens.words[end] in PLACE_CONTINUATIONS:
                end += 1  # `Polresta Malang Kota`
            written = tokens.span_text(k, end)
            written = written.title() if written.isupper() else written
            code = place.code if place.level in KABKOTA else place.region_code
            return kind.replace("{place}", written).replace("{region}", written), code, end
        end = k
        while end < len(tokens) and end - k < 4 and _is_place_word(tokens.words[end], vocab, first=end == k):
            end += 1
            if end + 1 < len(tokens) and tokens.words[end] == "/" and tokens.words[end + 1][:1].isalnum():
                end += 1  # `Korem 084/Bhaskara Jaya`
        if end > k and "{place}" in kind:
            return kind.replace("{place}", tokens.span_text(k, end)), None, end
        return None, None, k
    if kind in ("ministry", "parent") or not kind:
        return None, None, k
    return kind, None, k  # a fixed body: `Republik Indonesia`


def _unit_named_before_comma(
    tokens: Tokens, k: int, unit: str, vocab: Vocabulary
) -> tuple[str | None, str | None, int]:
    """`Kades Sukamaju Kecamatan Cibadak, Asep ...`: a village or district the gazetteer does not
    resolve, named by capitalised words that a region or a comma closes."""
    words = tokens.words
    end = k
    while end < len(words) and end - k < 3 and _is_name_token(words[end], vocab):
        end += 1
    if end == k or end >= len(words):
        return None, None, k
    named_after = (
        words[end] == ","
        and end + 1 < len(words)
        and (
            _is_name_token(words[end + 1], vocab)
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
        while stop < len(words) and _is_name_token(words[stop], vocab):
            stop += 1
    return f"{unit} {tokens.span_text(k, end)}", None, stop


def _region_named_before_name(tokens: Tokens, k: int, kind: str, vocab: Vocabulary) -> tuple[str, None, int] | None:
    """`Wakil Bupati Sukamaju, Hendra Wijaya, ...`: a region the gazetteer does not know (new,
    misspelt or invented), one to three capitalised words set off by a comma before a name of
    two words or more (or an honorific or rank) that another comma closes."""
    words = tokens.words
    end = k
    while end < len(words) and end - k < 3 and _is_name_token(words[end], vocab):
        end += 1
    if end == k or end + 2 >= len(words) or words[end] != ",":
        return None
    j = end + 1
    if words[j] not in vocab.honorifics and vocab.ranks.match(words, j) is None:
        name_end = _name_end(words, j, vocab)
        if name_end - j < 2 or name_end >= len(words) or words[name_end] != ",":
            return None
        if not _plausible_name(tokens, j, name_end, vocab):
            return None
    written = tokens.span_text(k, end)
    unit = _REGION_UNITS.get(kind)
    return (f"{unit} {written}" if unit else written), None, end


def _is_place_word(word: str, vocab: Vocabulary, *, first: bool) -> bool:
    """A word of a place name after a police or military title (`Brawijaya`, `084/Bhaskara`)."""
    capitalised = word[:1].isupper() or (first and word[:1].isdigit())
    return (
        capitalised
        and word not in _stop_words()
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


def _fit_region(place: Place, levels: tuple[PlaceLevel, ...]) -> Region | None:
    """The region of a place mention if it has a level the title accepts (`Bupati Malang` -> the kabupaten)."""
    regions = gazetteer()
    if place.code is None:
        return None
    region = regions.region(place.code)
    if region is None:
        return None
    if region.level in levels:
        return region
    if place.rule == "region_bare" and set(levels) & set(KABKOTA):  # `Bupati Malang`: the other Malang
        for other in regions.lookup(region.bare, levels=KABKOTA):
            if other.level in levels:
                return other
    return None


def _body_jurisdiction(title: Title, body: tuple[str, str | None, str | None]) -> tuple[str, str | None]:
    name, region_name, region_code = body
    if "{region}" in title.jurisdiction:
        if region_name is None:
            return title.jurisdiction.replace("{region}", name), None
        return title.jurisdiction.replace("{region}", region_name), region_code
    return name, region_code


# --- names ----------------------------------------------------------------------------------


def _parse_name_after(
    tokens: Tokens, k: int, vocab: Vocabulary, mention: _TitleMention, regions_at: RegionIndex
) -> int:
    """Read `, [rank] [honorifics] Name[, degrees]` after a title; returns the end token."""
    words = tokens.words
    j = k
    if j < len(words) and words[j] == ",":
        j += 1
    rank_words = []
    while j < len(words) and (rank := vocab.ranks.match(words, j)) is not None:
        rank_words.append(tokens.span_text(j, rank[0]))
        j = rank[0]
    honorifics = []
    while j < len(words) and words[j] in vocab.honorifics:
        honorifics.append(words[j])
        j += 1
    j = _skip_region_before_name(tokens, j, vocab, regions_at)
    name_end = _name_end(words, j, vocab)
    if name_end == j or not _plausible_name(tokens, j, name_end, vocab):
        return k
    mention.name = tokens.chars(j, name_end)
    mention.name_text = tokens.span_text(j, name_end)
    mention.rank = " ".join(rank_words) or None
    mention.honorifics = honorifics
    end = name_end
    while end + 1 < len(words) and words[end] == "," and vocab.is_degree(words[end + 1]):
        mention.degrees.append(words[end + 1])
        end += 2
    mention.mention_end = tokens.ends[end - 1]
    return end


def _plausible_name(tokens: Tokens, start: int, end: int, vocab: Vocabulary) -> bool:
    """A run of capitalised words that reads as a person's name: not a region, not mostly unit
    words (`Teknologi Informasi`), not an item of a list (`..., Cipta Karya, dan Tata Ruang`)."""
    words = tokens.words
    run = words[start:end]
    if gazetteer().lookup(" ".join(run), levels=(PlaceLevel.PROVINCE, *KABKOTA)):
        return False
    if sum(word.lower() in vocab.unit_words for word in run) * 2 > len(run):
        return False
    after = words[end : end + 3]
    if after[:1] == [","]:
        after = after[1:]
    # `Dinas Perumahan, Cipta Karya, dan Tata Ruang`: the run is an item of a list of unit names
    return not (
        len(after) == 2
        and after[0] in ("dan", "serta")
        and after[1][:1].isupper()
        and after[1].lower() in vocab.unit_words
    )


def _skip_region_before_name(tokens: Tokens, j: int, vocab: Vocabulary, regions_at: RegionIndex) -> int:
    """Regions between a title and the name are not the name: `Ketua KPU Sulut Rendy Tumbelaka`,
    `Camat Tanah Abang, Jakarta Pusat, Yusuf Siregar`, `Bupati Kutai Timur, Kalimantan Timur, X`,
    `Kepala Desa Pangkalan, Kecamatan Kangkung, Kabupaten Kendal, X`."""
    regions = gazetteer()
    words = tokens.words

    def region_end(i: int) -> int | None:
        place = regions_at.get(tokens.starts[i]) if i < len(words) else None
        return _end_token(tokens, place.end) if place is not None else None

    while (end := region_end(j)) is not None and end + 1 < len(words) and words[end] == ",":
        if not (_is_name_start(words, end + 1, vocab) or region_end(end + 1) is not None):
            break
        j = end + 1
    while j < len(words) and regions.could_start_name(words[j]):
        for end in (j + 3, j + 2, j + 1):
            if end >= len(words) or not regions.lookup(
                tokens.span_text(j, end), levels=(PlaceLevel.PROVINCE, *KABKOTA)
            ):
                continue
            if words[end] == "," and end + 1 < len(words) and _is_name_start(words, end + 1, vocab):
                j = end + 1
                break
            if _is_name_token(words[end], vocab):
                return end
        else:
            return j
    return j


def _is_name_start(words: Sequence[str], j: int, vocab: Vocabulary) -> bool:
    return _is_name_token(words[j], vocab) or words[j] in vocab.honorifics or vocab.ranks.match(words, j) is not None


def _parse_name_before(tokens: Tokens, i: int, vocab: Vocabulary, mention: _TitleMention) -> None:
    """A name right before the title: `Abd Rahim Tuwu Asisten III ...` (two words or more), or
    `Hj. Sitti Rahmah Daeng, S.Pi., M.Si., sebagai Kepala Dinas ...`."""
    words = tokens.words
    if i > 0 and words[i - 1].lower() == "sebagai":
        _parse_name_before_sebagai(tokens, i - 1, vocab, mention)
        return
    if i > 1 and words[i - 1] == ",":  # `Suwarno, Camat Cilandak, ...`: the name set off before the title
        end = i - 1
        start = end
        while start > 0 and end - start < 4 and _is_name_token(words[start - 1], vocab):
            start -= 1
        if (
            start < end
            and (start == 0 or words[start - 1] in (",", ".", "\n", "("))
            and words[start] not in _stop_words()
        ):
            mention.name = tokens.chars(start, end)
            mention.name_text = tokens.span_text(start, end)
        return
    start = i
    while start > 0 and i - start < MAX_NAME_TOKENS and _is_name_token(words[start - 1], vocab):
        start -= 1
    if i - start < 2 or (start > 0 and words[start - 1] not in (",", "(", "dan", "oleh", "bersama")):
        return
    if words[start] in _stop_words():
        return
    mention.name = tokens.chars(start, i)
    mention.name_text = tokens.span_text(start, i)


def _parse_name_before_sebagai(tokens: Tokens, sebagai: int, vocab: Vocabulary, mention: _TitleMention) -> None:
    words = tokens.words
    end = sebagai
    if end > 0 and words[end - 1] == ",":
        end -= 1
    degrees = []
    while end >= 2 and vocab.is_degree(words[end - 1]) and words[end - 2] == ",":
        degrees.insert(0, words[end - 1])
        end -= 2
    if end > 0 and vocab.is_degree(words[end - 1]):
        degrees.insert(0, words[end - 1])
        end -= 1
        if end > 0 and words[end - 1] == ",":
            end -= 1
    start = end
    while start > 0 and end - start < MAX_NAME_TOKENS and _is_name_token(words[start - 1], vocab):
        start -= 1
    if start == end:
        return
    honorifics = []
    while start > 0 and words[start - 1] in vocab.honorifics:
        start -= 1
        honorifics.insert(0, words[start])
    name_start = start + len(honorifics)
    mention.name = tokens.chars(name_start, end)
    mention.name_text = tokens.span_text(name_start, end)
    mention.honorifics = honorifics
    mention.degrees = degrees


def _is_name_token(word: str, vocab: Vocabulary) -> bool:
    """A word that can be part of a person's name (remembered per word: the vocabulary is fixed)."""
    return _is_name_word(word) if vocab is vocabulary() else _name_word_check(word, vocab)


@lru_cache(maxsize=65536)
def _is_name_word(word: str) -> bool:
    return _name_word_check(word, vocabulary())


def _name_word_check(word: str, vocab: Vocabulary) -> bool:
    if not word[:1].isupper() or word in _stop_words() or word in vocab.organisation_words:
        return False
    if vocab.titles.match([word], 0) is not None or vocab.region_prefixes.match([word], 0) is not None:
        return False
    if vocab.is_degree(word) or word in vocab.honorifics or vocab.ranks.match([word], 0) is not None:
        return False
    if word.isupper() and len(word) > 1:
        return False  # acronyms and capitalised datelines are not names
    return (
        word.isalpha()
        or _INITIAL.fullmatch(word) is not None
        or (word[:1].isalpha() and word.replace("'", "").replace("’", "").replace("-", "").isalpha())
    )


def _name_end(words: Sequence[str], j: int, vocab: Vocabulary) -> int:
    end = j
    while end < len(words) and end - j < MAX_NAME_TOKENS:
        word = words[end]
        if _is_name_token(word, vocab) or (
            word in _NAME_PARTICLES and end > j and end + 1 < len(words) and _is_name_token(words[end + 1], vocab)
        ):
            end += 1
        else:
            break
    return end


def _canonical_name(text: str) -> str:
    return " ".join(text.split())


# --- clustering ------------------------------------------------------------------------------


def _cluster(titles: list[_TitleMention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for title in (t for t in titles if t.name_text):
        assert title.name_text is not None and title.name is not None
        name = _canonical_name(title.name_text)
        cluster = _find_cluster(clusters, name, title.role)
        if cluster is None:
            cluster = _Cluster(name, title.role, title.jurisdiction, title.jurisdiction_code, title.wants, title.start)
            if not title.official:
                cluster.official, cluster.role, cluster.description = False, None, title.role
            clusters.append(cluster)
        elif len(name.split()) > len(cluster.name.split()):
            cluster.name = name
        if title.official:
            cluster.role = cluster.role or title.role
        if cluster.jurisdiction is None and title.jurisdiction is not None:
            cluster.jurisdiction, cluster.jurisdiction_code = title.jurisdiction, title.jurisdiction_code
        cluster.rank = cluster.rank or title.rank
        cluster.honorifics = cluster.honorifics or title.honorifics
        cluster.degrees = cluster.degrees or title.degrees
        cluster.mentions.append((title.start, title.end, "title"))
        cluster.mentions.append((title.name[0], title.name[1], "name"))
    for title in (t for t in titles if not t.name_text and t.official):
        cluster = _role_holder(clusters, title)
        if cluster is None:
            continue
        if cluster.jurisdiction is None and title.jurisdiction is not None:
            cluster.jurisdiction, cluster.jurisdiction_code = title.jurisdiction, title.jurisdiction_code
        cluster.mentions.append((title.start, title.end, "title"))
    return clusters


def _find_cluster(clusters: list[_Cluster], name: str, role: str | None) -> _Cluster | None:
    words = name.split()
    for cluster in clusters:
        if cluster.name == name:
            return cluster
    matches = [
        cluster
        for cluster in clusters
        if (_contains(cluster.name.split(), words) or _contains(words, cluster.name.split()))
        and (role is None or cluster.role is None or _same_role(cluster.role, role))
    ]
    return matches[0] if len(matches) == 1 else None


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    """`shorter` is a contiguous part of `longer`."""
    n = len(shorter)
    return 0 < n <= len(longer) and any(list(longer[i : i + n]) == list(shorter) for i in range(len(longer) - n + 1))


_ACTING = re.compile(r"^(Penjabat Sementara|Penjabat|Pelaksana Tugas|Pelaksana Harian) ")


def _same_role(one: str, other: str) -> bool:
    """`Penjabat Kepala Desa` is a `Kepala Desa`; a `Wakil Bupati` is not a `Bupati`."""
    return _ACTING.sub("", one) == _ACTING.sub("", other)


def _role_holder(clusters: list[_Cluster], title: _TitleMention) -> _Cluster | None:
    """The one named official a title without a name refers to."""
    holders = [c for c in clusters if c.role and _same_role(c.role, title.role)]
    if title.jurisdiction is not None:
        same_place = [c for c in holders if c.jurisdiction in (None, title.jurisdiction)]
        holders = same_place
    return holders[0] if len(holders) == 1 else None


# --- jurisdictions ---------------------------------------------------------------------------


def _fill_jurisdictions(clusters: list[_Cluster], organisations: Sequence[Organisation], home: Region | None) -> None:
    """Jurisdictions the text does not state: the body of the article, else its home region."""
    for cluster in clusters:
        if cluster.jurisdiction is not None:
            continue
        wants = cluster.wants
        if wants in _SCOPE_LEVELS:
            region = _home_at(home, _SCOPE_LEVELS[wants])
            if region is not None:
                cluster.jurisdiction, cluster.jurisdiction_code = region.name, region.code
        elif wants == "parent":
            body = _context_body(cluster, organisations)
            if body is not None:
                cluster.jurisdiction, cluster.jurisdiction_code = body.name, body.region_code
        elif "{region}" in wants and home is not None:
            cluster.jurisdiction = wants.replace("{region}", home.name)
            cluster.jurisdiction_code = home.code


def _home_at(home: Region | None, levels: tuple[PlaceLevel, ...]) -> Region | None:
    if home is None:
        return None
    if home.level in levels:
        return home
    if PlaceLevel.PROVINCE in levels and home.level in KABKOTA:
        return gazetteer().parent(home, PlaceLevel.PROVINCE)
    if home.level is PlaceLevel.PROVINCE and set(levels) & set(KABKOTA):
        capital = provincial_capitals().get(home.code)
        found = gazetteer().region(capital) if capital else None
        return found if found is not None and found.level in levels else None
    return None


def _context_body(cluster: _Cluster, organisations: Sequence[Organisation]) -> Organisation | None:
    """The body a unit post belongs to: police units to the police body named before, others to any."""
    police = (cluster.role or "").lower().endswith(tuple(_POLICE_UNITS))
    before = [o for o in organisations if o.start < cluster.first and o.region is not None]
    candidates = [o for o in before if (o.kind == "police") == police] if police else before
    if not candidates:
        candidates = [o for o in organisations if o.region is not None and (o.kind == "police") == police]
    return candidates[-1] if candidates and before else (candidates[0] if candidates else None)


# --- persons and bare name mentions ---------------------------------------------------------


def _persons(
    tokens: Tokens,
    clusters: list[_Cluster],
    entities: Sequence[tuple[int, int]],
    titles: list[_TitleMention],
    bodies: list[tuple[int, int]],
) -> list[_Cluster]:
    """Named persons who hold no office: NER entities and described appositions."""
    vocab = vocabulary()
    taken = Coverage(
        [(start, end) for c in clusters for start, end, _ in c.mentions] + [(t.start, t.end) for t in titles] + bodies
    )
    known = [c.name.split() for c in clusters]
    persons: list[_Cluster] = []
    described = _described_names(tokens, vocab)
    plausible = [span for span in entities if _plausible_entity(tokens, span, vocab)]
    for start, end in sorted({*plausible, *described}):
        if taken.overlaps(start, end):
            continue
        name = _canonical_name(tokens.text[start:end])
        words = name.split()
        if any(_contains(k, words) or _contains(words, k) for k in known):
            continue
        cluster = next(
            (p for p in persons if _contains(p.name.split(), words) or _contains(words, p.name.split())), None
        )
        if cluster is None:
            cluster = _Cluster(name, None, None, None, "", start, official=False)
            persons.append(cluster)
        elif len(words) > len(cluster.name.split()):
            cluster.name = name
        cluster.mentions.append((start, end, "name"))
        cluster.description = cluster.description or described.get((start, end))
    return persons


def _plausible_entity(tokens: Tokens, span: tuple[int, int], vocab: Vocabulary) -> bool:
    """A PER entity of the model that reads as a name: two name words or more, not a region or a
    unit. (Single words the model calls persons are as often brands, places or capitalised nouns;
    a single-word name becomes a person when the text describes it: `Onih (67), warga ...`.)"""
    first = tokens.index_at(span[0])
    if first is None:
        return False
    end = first
    while end < len(tokens) and tokens.ends[end] <= span[1]:
        end += 1
    names = [word for word in tokens.words[first:end] if word not in _NAME_PARTICLES]
    if len(names) < 2 or not all(_is_name_token(word, vocab) for word in names):
        return False
    return _plausible_name(tokens, first, end, vocab)


def _described_names(tokens: Tokens, vocab: Vocabulary) -> dict[tuple[int, int], str | None]:
    """`Onih (67), warga ...`, `Hasnah, pedagang ...`, `warga bernama Hasnah`, `warga Kelurahan
    Ujung Sabbang, Hasnah,`: names with what they are. Span -> the descriptor phrase, if any."""
    words = tokens.words
    found: dict[tuple[int, int], str | None] = {}
    descriptors = vocab.descriptors
    for j in range(len(words)):
        if not _is_name_token(words[j], vocab) or (j > 0 and _is_name_token(words[j - 1], vocab)):
            continue
        end = _name_end(words, j, vocab)
        after = end
        if after + 2 < len(words) and words[after] == "(" and words[after + 1].isdigit() and words[after + 2] == ")":
            after += 3  # `Onih (67), warga ...`: the age, then maybe what she is
            described = after + 1 < len(words) and words[after] == "," and words[after + 1].lower() in descriptors
            found[tokens.chars(j, end)] = _phrase_after(tokens, after + 1) if described else None
            continue
        if after + 1 < len(words) and words[after] == "," and words[after + 1].lower() in descriptors:
            found[tokens.chars(j, end)] = _phrase_after(tokens, after + 1)
            continue
        before = [w.lower() for w in words[max(0, j - 2) : j]]
        if before[-1:] in (["bernama"], ["bernama:"]):
            found[tokens.chars(j, end)] = _phrase_before(tokens, j - 1)
        elif before[-1:] == [","] and (start := _described_before(words, j)) is not None:
            phrase = tokens.span_text(start, j - 1) if start < j - 1 else None
            if phrase and words[start].lower() in descriptors:  # `Pedagang Pasar Lakessi, ...` opening a sentence
                phrase = phrase[0].lower() + phrase[1:]
            found[tokens.chars(j, end)] = phrase
    return found


#: Words that end a descriptor phrase (`pedagang sayur di Pasar Baru, mengaku ...`).
_PHRASE_STOPS = frozenset({",", ".", ";", ":", "(", ")", "“", "”", '"', "yang", "mengaku", "mengatakan"})
MAX_PHRASE_WORDS = 8


def _phrase_after(tokens: Tokens, start: int) -> str | None:
    end = start
    while end < len(tokens) and end - start < MAX_PHRASE_WORDS and tokens.words[end] not in _PHRASE_STOPS:
        end += 1
    return tokens.span_text(start, end) if end > start else None


def _phrase_before(tokens: Tokens, stop: int) -> str | None:
    """`seorang warga bernama X`: the descriptor before `bernama`, without `seorang`."""
    start = stop
    while start > 0 and stop - start < 3 and tokens.words[start - 1].lower() in vocabulary().descriptors:
        start -= 1
    return tokens.span_text(start, stop) if start < stop else None


def _described_before(words: Sequence[str], j: int) -> int | None:
    """`Salah seorang penerima, Onih,`, `warga Kelurahan Ujung Sabbang, Hasnah,`: a descriptor
    phrase (a descriptor and the capitalised place it is of), a comma, the name. Returns
    where the phrase starts (after `seorang`), or None."""
    window = [w.lower() for w in words[max(0, j - 5) : j - 1]]
    if "seorang" in window:
        return max(0, j - 5) + window.index("seorang") + 1
    if "satu" in window and "salah" in window:
        return max(0, j - 5) + window.index("satu") + 1
    i = j - 2
    descriptors = vocabulary().descriptors
    while i >= 0 and j - 2 - i < MAX_PLACE_WORDS and words[i][:1].isupper() and words[i].lower() not in descriptors:
        i -= 1
    return i if i >= 0 and words[i].lower() in descriptors else None


def _add_name_mentions(tokens: Tokens, clusters: list[_Cluster]) -> None:
    """Every bare use of a person's name or a unique part of it (`Ali`, `Mei Ling`)."""
    vocab = vocabulary()
    taken = Coverage((start, end) for c in clusters for start, end, _ in c.mentions)
    parts = _name_parts(clusters)
    words = tokens.words
    j = 0
    while j < len(words):
        if not _is_name_token(words[j], vocab) or taken.covers(tokens.starts[j]):
            j += 1
            continue
        end = _name_end(words, j, vocab)
        run = words[j:end]
        if j > 0 and words[j - 1].isdigit():  # `6 Mei`: a date, not the name Mei
            j = end
            continue
        owners = parts.get(tuple(run), [])
        if len(owners) == 1:
            kind = "name" if run == owners[0].name.split() else "short_name"
            start, stop = tokens.chars(j, end)
            owners[0].mentions.append((start, stop, kind))
        j = end


def _name_parts(clusters: list[_Cluster]) -> dict[tuple[str, ...], list[_Cluster]]:
    """Every contiguous part of every name -> the people whose name it is part of."""
    parts: dict[tuple[str, ...], list[_Cluster]] = {}
    for cluster in clusters:
        words = cluster.name.split()
        for length in range(1, len(words) + 1):
            for first in range(len(words) - length + 1):
                owners = parts.setdefault(tuple(words[first : first + length]), [])
                if cluster not in owners:
                    owners.append(cluster)
    return parts


def _records(text: str, clusters: list[_Cluster]) -> PeopleResult:
    officials: list[Official] = []
    persons: list[Person] = []
    for cluster in sorted(clusters, key=lambda c: (not c.official, min(start for start, _, _ in c.mentions))):
        mentions = [
            Mention(text=text[start:end], start=start, end=end, kind=kind, rule="officials")  # type: ignore[arg-type]
            for start, end, kind in sorted(set(cluster.mentions), key=lambda m: (m[0], -m[1]))
        ]
        person_id = f"P{len(officials) + len(persons) + 1}"
        if cluster.official:
            officials.append(
                Official(
                    id=person_id,
                    name=cluster.name,
                    mentions=mentions,
                    role=cluster.role,
                    jurisdiction=cluster.jurisdiction,
                    jurisdiction_code=cluster.jurisdiction_code,
                    rank=cluster.rank,
                    honorifics=cluster.honorifics,
                    degrees=cluster.degrees,
                )
            )
        else:
            persons.append(Person(id=person_id, name=cluster.name, mentions=mentions, description=cluster.description))
    return PeopleResult(officials=officials, persons=persons)


def _end_token(tokens: Tokens, char: int) -> int:
    """The token that starts at (or after) character `char`: the end of a span ending there."""
    return bisect.bisect_left(tokens.starts, char)
