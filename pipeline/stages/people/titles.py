"""The title grammar: a title of office read where it stands, with its unit, its jurisdiction and its name.

`Pelaksana Tugas (Plt) Kepala Diskominfo Kota Jayapura`, `Kasat Reskrim`, `Wawali Malang`,
`Direktur Rehabilitasi Mangrove Kementerian Kehutanan`: prefixes of acting posts
(`title_modifiers.tsv`), the title (`titles.tsv`), the unit it takes (`agencies.tsv`, unit
words) and the jurisdiction named after it (`scope`), composed into the role written out
in full (`Pelaksana Tugas Kepala Dinas Komunikasi dan Informatika`) and its parts (head,
unit, region). Bodies named after a title (`Ketua KPU Kota Malang`) are the organisations
stage's mentions (`BodyIndex`); the name comes after the title or before it (`names`).
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.inventory import TitleParts
from pipeline.record import Organisation
from pipeline.regions import RegionIndex
from pipeline.spans import Coverage
from pipeline.stages.people.bodies import BodyIndex, state_kinds, written_out
from pipeline.stages.people.chains import chained_parts_end
from pipeline.stages.people.lower_case import (
    lower_head_before_body,
    lower_heads,
    lower_title,
    lower_titles,
    named_after_lower_title,
    names_holder,
)
from pipeline.stages.people.mention import TitleMention
from pipeline.stages.people.names import pair_names_in_parentheses, parse_name_after, parse_name_before
from pipeline.stages.people.scope import scope
from pipeline.stages.people.seats import name_inside_body, school_head, seated_body
from pipeline.stages.people.set_off import (
    body_after_part_of,
    body_set_off,
    unit_before_set_off_body,
    unit_before_set_off_name,
)
from pipeline.stages.people.words import ROMAN, joined_role, stop_words
from pipeline.tokens import Tokens
from pipeline.vocabulary import Title, Vocabulary, organisation_words, person_words
from pipeline.vocabulary.offices import composed_office

#: The jurisdiction of a post that is not an office (`Ketua Asosiasi UMKM`): its holder is a person.
NOT_AN_OFFICE = "-"


#: Longest unit name after a title that takes one, in tokens (`Penanaman Modal dan Pelayanan Terpadu Satu Pintu`).

MAX_UNIT_TOKENS = 10


def find_titles(
    tokens: Tokens, vocab: Vocabulary, regions_at: RegionIndex, bodies: BodyIndex, excluded: list[tuple[int, int]]
) -> list[TitleMention]:
    """Title mentions outside venue names (`Kantor Gubernur`) and headline lines."""
    skipped = Coverage(excluded)

    def parse(i: int) -> tuple[int, TitleMention] | None:
        if skipped.covers(tokens.starts[i]):
            return None
        return parse_title(tokens, i, vocab, regions_at, bodies)

    titles = tokens.scan(parse, lower=lambda word: word in lower_heads() or word in lower_titles()[1])
    pair_names_in_parentheses(tokens, vocab, titles)
    return titles


def parse_title(
    tokens: Tokens, i: int, vocab: Vocabulary, regions_at: RegionIndex, bodies: BodyIndex
) -> tuple[int, TitleMention] | None:
    """The title starting at token `i` with its name: (end token, mention), or None."""
    words = tokens.words
    prefixes = []
    lower_prefix = vocab.modifiers.match(words, i - 1) if i > 0 and not words[i - 1][:1].isupper() else None
    if lower_prefix is not None and lower_prefix[0] == i:
        i -= 1  # `tambah pj. Gubernur ...`: an acting prefix written in lower case
    j = i
    while (modifier := vocab.modifiers.match(words, j)) is not None:
        prefixes.append(modifier[1])
        j = _skip_short_form(words, modifier[0], vocab)
    lower = j < len(words) and not words[j][:1].isupper() and not lower_head_before_body(words, j, bodies)
    if lower and not lower_title(words, j):
        return None  # `anggota kelompok tani`: a lower-case head is a title before a state body only
    match = vocab.titles.match(words, j) if j < len(words) else None
    if lower and (match is None or match[0] >= len(words) or not words[match[0]][:1].isupper()):
        return None  # `para kepala desa`: a title in lower case needs a unit, a region or a name after it
    if match is not None and match[1].needs == "numbered" and not _numbered_unit(words, match[0]):
        match = vocab.titles.match(words[: match[0] - 1], j)  # `Anggota Komisi Pemilihan Umum`: no commission
    elif match is not None and match[1].needs == "unit" and match[0] - j > 1:
        shorter = vocab.titles.match(words[: match[0] - 1], j)  # `Ketua Komisi Pemilihan Umum Kota X`: a body
        inside = bodies.at(shorter[0]) if shorter is not None and shorter[1].needs == "body" else None
        if inside is not None and inside[1].kind in state_kinds():
            match = shorter
    if match is None:
        composed = composed_office(words[j]) if j < len(words) else None
        if composed is None or composed.head is None:
            return None
        match = j + 1, Title(composed.head, "region", needs="")  # `Kadisbudparpora`
    k, title = match
    role = title.role
    head = role
    unit_name: str | None = None
    k = _skip_short_form(words, k, vocab)
    if title.needs == "numbered":  # `Ketua Komisi II`
        unit_name = words[k]
        role, k = f"{role} {unit_name}", k + 1
    body: tuple[str, str | None, str | None] | None = None  # (name, region name, region code)
    ministry: str | None = None
    if title.needs == "body":
        found_body = _post_in_body(tokens, k, vocab, regions_at, bodies, title)
        if found_body is None:
            return None
        title, k = found_body
        role = title.role
        head = role
    if title.takes_unit:
        unit = _parse_unit(tokens, k, vocab, title, bodies)
        if unit is None:
            if title.needs == "unit":
                return None  # `Direktur`, `Kepala` alone are too vague to be titles
        else:
            k, unit_text, office = unit
            unit_name = office or unit_text
            role = _role_with_unit(role, unit_text, office)
            if title.jurisdiction == "ministry":
                ministry = office if office and office.startswith("Kementerian") else f"Kementerian {unit_text}"
            k = _skip_short_form(words, k, vocab)
            if title.jurisdiction == "parent":
                k = chained_parts_end(tokens, k, bodies)
                k = body_after_part_of(tokens, k, bodies)  # `Kepala Seksi X pada Dinas Y`
    if prefixes:
        role = " ".join([*dict.fromkeys(prefixes), role])
        head = " ".join([*dict.fromkeys(prefixes), head])
    if title.jurisdiction == NOT_AN_OFFICE:
        mention = TitleMention(tokens.starts[i], tokens.ends[k - 1], role, None, None, NOT_AN_OFFICE)
        mention.official = False
        mention.parts = TitleParts(head, unit_name)
        mention.mention_end = mention.end
        return parse_name_after(tokens, k, vocab, mention, regions_at), mention
    jurisdiction, code, k = scope(tokens, k, title, vocab, regions_at)
    k = _skip_short_form(words, k, vocab)  # `Gubernur Provinsi Jawa Tengah (Prov. Jateng) H. Nama`
    if jurisdiction is None and ministry is not None:
        jurisdiction = ministry
    if jurisdiction is None or "{region}" in title.jurisdiction:
        # `Direktur ... Kementerian Kehutanan`, `Kepala Badan Ketahanan Pangan Kementerian Pertanian`
        organisation = bodies.at(k) or body_set_off(tokens, k, title, vocab, bodies)
        if organisation is not None and (
            title.jurisdiction in ("parent", "ministry")
            or "{region}" in title.jurisdiction
            or organisation[1].kind in state_kinds()
        ):
            k, found = organisation
            k, found = name_inside_body(tokens, k, found, vocab, regions_at) or (k, found)
            body = (found.name, found.region, found.region_code)
            parent = bodies.at(k)
            if parent is not None and parent[1].kind in state_kinds():  # `Ditjen X Kementerian Y`
                k, parent_body = parent
                body = (f"{found.name} {parent_body.name}", parent_body.region, parent_body.region_code)
    if body is not None:
        jurisdiction, code = _body_jurisdiction(title, body)
    k = _portfolio_end(tokens, k, vocab)  # `Anggota KPU Kota X Divisi Hukum`: in the mention, not the role
    title_end = tokens.ends[k - 1]
    mention = TitleMention(
        start=tokens.starts[i],
        end=title_end,
        role=role,
        jurisdiction=jurisdiction,
        jurisdiction_code=code,
        wants=title.jurisdiction,
        mention_end=title_end,
        parts=TitleParts(head, unit_name, jurisdiction),
    )
    set_off = k < len(words) and words[k] == ","
    k = parse_name_after(tokens, k, vocab, mention, regions_at)
    if lower and not named_after_lower_title(mention, set_off):
        return None
    if mention.name is None and k + 1 < len(words) and words[k].lower() in person_words().words("concurrent"):
        concurrent = parse_title(tokens, k + 1, vocab, regions_at, bodies)
        if concurrent is not None and concurrent[1].name is not None:  # `Ketua DPRD X sekaligus Ketua Y Nama`
            other = concurrent[1]
            mention.name, mention.name_text, mention.mention_end = other.name, other.name_text, other.mention_end
            mention.rank, mention.honorifics, mention.degrees = other.rank, other.honorifics, other.degrees
            mention.concurrent = other
            return concurrent[0], mention
    if mention.name is None:
        parse_name_before(tokens, i, vocab, mention)
    return k, mention


def _numbered_unit(words: Sequence[str], k: int) -> bool:
    """A unit named by a Roman numeral or a capital letter at `k` (`Komisi II`, `Komisi B`)."""
    return k < len(words) and (ROMAN.fullmatch(words[k]) is not None or (len(words[k]) == 1 and words[k].isupper()))


def _post_in_body(
    tokens: Tokens, k: int, vocab: Vocabulary, regions_at: RegionIndex, bodies: BodyIndex, title: Title
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
    if (
        agency is not None
        and agency[1].kind == "domain"
        and f"Dinas {agency[1].expansion}" in vocab.offices
        and vocab.region_prefixes.match(tokens.words, agency[0]) is not None
    ):  # `Kepala PUPR Kabupaten X`: the field of a dinas, then its region
        return Title(f"{title.role} Dinas", "region", "unit"), k
    organisation = bodies.at(k)
    if organisation is None:
        office = vocab.titles.match(tokens.words, k) if k < len(tokens) and tokens.words[k][:1].isupper() else None
        if office is not None and office[1].needs != "body":  # `Juru Bicara Presiden`, `Staf Khusus Menteri`
            end, holder = office
            return Title(f"{title.role} {holder.role}", holder.jurisdiction, holder.needs), end
        return None
    end, found = organisation
    post_of = without_region(found)
    if found.kind in state_kinds() and (seated := seated_body(tokens, end, found, vocab)) is not None:
        end, found = seated  # `Waka PN Sukamaju Nama`: the seat is not the name
    parent = bodies.at(end)
    if parent is not None and parent[1].kind in state_kinds() and found.kind in state_kinds():
        end, parent_body = parent  # `Kepala Badan Ketahanan Pangan Kementerian Pertanian`
        return Title(f"{title.role} {found.name}", parent_body.name, ""), end
    if (school := school_head(title.role, found.kind)) is not None:
        return Title(school, found.name, ""), end  # `Kepala SMPN 1 X`: Kepala Sekolah of the school
    if found.kind not in state_kinds():
        place = regions_at.get(tokens.starts[end]) if end < len(tokens) else None
        if place is not None:  # `Ketua PHRI DIY Deddy ...`
            end = tokens.end_token(place.end)
        return Title(tokens.span_text(k - len(title.role.split()), end), NOT_AN_OFFICE, ""), end
    return Title(joined_role(title.role, post_of), _office_jurisdiction(title.role, found.name), ""), end


def _office_jurisdiction(role: str, body: str) -> str:
    """`Kakan`/`Kakanwil` + `Kemenag Kota X`: the head of the body's regional office (`Kantor`,
    `Kantor Wilayah`) has that office as jurisdiction, `Kantor Wilayah Kementerian Agama ...`."""
    forms = organisation_words().values("office_of")
    for office in sorted({value or form for form, value in forms.items()}, key=len, reverse=True):
        if role.endswith(f" {office}") and not body.startswith(office.split()[0]):
            return f"{office} {body}"
    return body


def without_region(body: Organisation) -> str:
    """The body's name without its region, written out: `Pengadilan Agama Sumenep` -> `Pengadilan
    Agama`, `KPU Kabupaten Jepara` -> `Komisi Pemilihan Umum` (`organisation_words.tsv`, `short_name`)."""
    if body.region:
        for region in (body.region, body.region.partition(" ")[2]):
            if region and body.name.endswith(f" {region}"):
                return written_out(body.name[: -len(region) - 1])
    return body.name


def _regional_office(expansion: str) -> bool:
    """A region's own office (`organisation_words.tsv`, `regional_office`: `Dinas`, `Badan ... Daerah`)."""
    for form in organisation_words().words("regional_office"):
        first, _, last = form.partition(" ... ")
        if expansion.startswith(first) and expansion.endswith(last):
            return True
    return False


def _skip_short_form(words: Sequence[str], k: int, vocab: Vocabulary) -> int:
    """Skip `(Plt)`, `(Kalaksa)`, `(Kadisperindag)`, `(Asisten II)`, `(DPMPTSP)` after a title or unit."""
    if k < len(words) and words[k] == "(":
        for end in range(k + 1, min(len(words), k + 5)):
            if words[end] == ")":
                inner = words[k + 1 : end]
                if (
                    inner
                    and all(w[:1].isupper() or ROMAN.fullmatch(w) for w in inner)
                    and not (names_holder(inner, vocab) and (end + 1 >= len(words) or not words[end + 1][:1].isupper()))
                ):
                    return end + 1
                break
    return k


def _parse_unit(
    tokens: Tokens, k: int, vocab: Vocabulary, title: Title, bodies: BodyIndex
) -> tuple[int, str, str | None] | None:
    """(end, unit text, office expansion) of the unit after a title that takes one."""
    words = tokens.words
    if k >= len(words):
        return None
    agency = vocab.agencies.match(words, k)
    if agency is not None:
        end, found = agency
        if found.kind == "office":
            return end, found.expansion, found.expansion
        if found.kind == "domain":  # `Humas dan Protokol`: more unit words may follow the short form
            more = vocab.unit_words_end(words, end, limit=MAX_UNIT_TOKENS, numbered=ROMAN)
            return more, " ".join(filter(None, [found.expansion, tokens.span_text(end, more)])), None
    stop = vocab.unit_words_end(words, k, limit=MAX_UNIT_TOKENS, numbered=ROMAN)
    body_words = organisation_words().words("unit_word")  # `Kasi Pendidikan Madrasah Nama`: no school
    while k < stop < len(words) and words[stop] in body_words and bodies.at(stop) is None:
        stop = max(stop + 1, vocab.unit_words_end(words, stop + 1, limit=MAX_UNIT_TOKENS, numbered=ROMAN))
    if title.jurisdiction == "parent":
        stop = _extend_to_body(tokens, k, stop, vocab, bodies)
        stop = max(stop, unit_before_set_off_name(tokens, k, vocab, bodies))
        if stop == k:  # `Kepala Seksi Kurikulum, Dinas Pendidikan Kabupaten X, Nama`
            stop = unit_before_set_off_body(tokens, k, vocab, bodies)
    if stop == k and _is_unit_acronym(words[k]) and k + 1 < len(words) and words[k + 1] == ",":
        stop = k + 1  # `Dirjen IKMA, Larasati ...`: a unit known by its acronym only, set off before the name
    if stop == k:
        return None
    return stop, tokens.span_text(k, _before_parent_unit(words, k, stop, title, vocab)), None


def _before_parent_unit(words: Sequence[str], k: int, stop: int, title: Title, vocab: Vocabulary) -> int:
    """`Kepala Subbagian Protokol Bagian Humas`, `Kepala Subbagian Protokol Humas`: the unit of a
    sub-part ends where the part it belongs to is named (a word of `subunit_head`, or a field's
    short form, after the first word and not after a joiner)."""
    if not title.role.split()[-1].startswith("Sub"):
        return stop
    parts = person_words().words("subunit_head")
    joiners = organisation_words().words("unit_joiner")
    for end in range(k + 1, stop):
        if words[end] in parts:
            return end
        field = vocab.agencies.match(words, end)
        if field is not None and field[1].kind == "domain" and words[end - 1].lower() not in joiners:
            return end
    return stop


def _portfolio_end(tokens: Tokens, k: int, vocab: Vocabulary) -> int:
    """`Anggota KPU Kota X Divisi Hukum dan Pengawasan`: the end of a member's portfolio named
    after the body (`person_words.tsv`, `division`), else `k`."""
    words = tokens.words
    if k >= len(words) or words[k] not in person_words().words("division"):
        return k
    end = vocab.unit_words_end(words, k + 1, limit=MAX_UNIT_TOKENS)
    return end if end > k + 1 else k


def _is_unit_acronym(word: str) -> bool:
    """An acronym that can name a unit (`IKMA`, `PPKGBK`); not a legal form (`PT`, `CV`)."""
    return 3 <= len(word) <= 10 and word.isupper() and word.isalpha() and word not in stop_words()


def _extend_to_body(tokens: Tokens, k: int, stop: int, vocab: Vocabulary, bodies: BodyIndex) -> int:
    """`Direktur Rehabilitasi Mangrove Kementerian ...`: unknown unit words up to the body named
    after them; a body whose name can be a unit (`unit_kind`: a party) is the unit."""
    words = tokens.words
    for end in range(stop, min(len(words), k + MAX_UNIT_TOKENS)):
        found = bodies.at(end)
        if found is not None and end == k and found[1].kind in organisation_words().words("unit_kind"):
            return found[0]  # `Ketua Fraksi Partai X DPRD ...`: the party names the unit
        if found is not None:
            return end if end > k else stop
        if not words[end][:1].isupper() or words[end] in stop_words() or vocab.titles.match(words, end):
            break
    return stop


def _role_with_unit(role: str, unit: str, office: str | None) -> str:
    """`Kepala Dinas` + Kesehatan; `Kepala Dinas` + the office `Dinas Kesehatan`; `Kepala` + `BPBD`."""
    if office is not None:
        head_word = role.split()[-1]
        if office.split()[0] == head_word:  # `Kepala Dinas` + `Dinas Komunikasi ...`
            return f"{role.rsplit(' ', 1)[0]} {office}"
        if head_word in person_words().words("subunit_head"):
            return f"{role} {office.split(' ', 1)[-1]}"
        return f"{role} {office}"
    if role in person_words().words("unit_free_title"):
        return role
    return f"{role} {unit}"


def _body_jurisdiction(title: Title, body: tuple[str, str | None, str | None]) -> tuple[str, str | None]:
    """The jurisdiction of a post in a body: the body, or the title's template filled with its region."""
    name, region_name, region_code = body
    if "{region}" in title.jurisdiction:
        if region_name is None:  # `Kepala Biro X Kementerian Y`: a body of no region is the parent
            parent = name.split()[0] != title.jurisdiction.split()[0]
            return (name if parent else title.jurisdiction.replace("{region}", name)), None
        return title.jurisdiction.replace("{region}", region_name), region_code
    return name, region_code
