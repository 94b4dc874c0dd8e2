"""Where a body named before its holder's name ends: its seat, a school's head, a university's name.

`Kakan Kemenag Kaur Nama`, `Waka PN Sukamaju Nama, S.H.`, `Kapolsek Kalasan Nama Lengkap`: a
court, a police or prosecutor's unit, a ministry's regional office is named by its seat, and a
seat the places stage did not find (a bare kabupaten, a place the gazetteer does not know) would
otherwise be read as the first part of the name. A kabupaten or kota the gazetteer knows is the
seat of any such body; another word only of a body that must have a seat (`organisation_words.tsv`,
`seated_kind`: courts, police, prosecutors), and only when what follows it still reads as the name
(after a comma, closed by degrees, or two name words or more after a place the gazetteer knows).
The head of a school is its `Kepala Sekolah` (`school_head`); a university's name that ran on
over its rector's name is cut before it (`name_inside_body`).
"""

from __future__ import annotations

from functools import cache

from pipeline.gazetteer import KABKOTA, Region, gazetteer
from pipeline.record import Organisation
from pipeline.regions import RegionIndex
from pipeline.stages.people.words import is_name_start, is_name_token, name_end, plausible_name
from pipeline.tokens import Tokens
from pipeline.vocabulary import Vocabulary, organisation_words

#: Longest name of a kabupaten or kota named bare, in tokens.
MAX_REGION_TOKENS = 3


@cache
def seated_kinds() -> frozenset[str]:
    """Organisation kinds whose bodies are always named with their seat (`PN X`, `Polsek X`)."""
    return organisation_words().words("seated_kind")


def body_seat(tokens: Tokens, k: int, body: Organisation, vocab: Vocabulary) -> tuple[str, Region | None, int] | None:
    """The seat written at token `k` right after a body named without one: (the seat as the
    body's name goes on, its region or None, end token), or None."""
    if body.region is not None or k >= len(tokens):
        return None
    region = _bare_kabkota(tokens, k)
    if region is not None:
        found, end = region
        return found.name, found, end
    if body.kind not in seated_kinds():
        return None
    end = unknown_seat_end(tokens, k, vocab)
    return (tokens.span_text(k, end), None, end) if end is not None else None


def unknown_seat_end(tokens: Tokens, k: int, vocab: Vocabulary) -> int | None:
    """`Sukamaju Darmaji, S.H.`, `Kalasan Budi Hartono`: one capitalised word at `k` that is the
    seat, because the name still follows it (any name after a comma, one closed by degrees, or
    two name words or more after a word the gazetteer knows as a place: a kecamatan's police
    sector is named by the kecamatan); its end token, else None."""
    words = tokens.words
    if not is_name_token(words[k], vocab):
        return None
    if k + 2 < len(words) and words[k + 1] == "," and is_name_start(words, k + 2, vocab):
        return k + 1  # `Ketua PN Sukamaju, Nama`: the seat set off by a comma
    stop = name_end(words, k + 1, vocab)
    if stop == k + 1 or not plausible_name(tokens, k + 1, stop, vocab):
        return None
    if _degree_follows(words, stop, vocab) or (stop - (k + 1) >= 2 and _known_place(words[k])):
        return k + 1
    return None


def _known_place(word: str) -> bool:
    """A kecamatan, kabupaten, kota or province the gazetteer knows by that name: `Kalasan` may be a
    seat before a two-word name, `Budi` (of `Kapolsek Budi Santoso Wijaya`) may not."""
    return bool(gazetteer().lookup(word))


def _degree_follows(words: list[str], stop: int, vocab: Vocabulary) -> bool:
    """An academic degree at `stop`, or after a comma there (`Darmaji, S.H.`)."""
    at = stop + 1 if stop < len(words) and words[stop] == "," else stop
    return at < len(words) and vocab.is_degree(words[at])


def _bare_kabkota(tokens: Tokens, k: int) -> tuple[Region, int] | None:
    """A kabupaten or kota the gazetteer knows, named bare at `k` (`Kaur`), the longest first."""
    regions = gazetteer()
    for end in range(min(len(tokens), k + MAX_REGION_TOKENS), k, -1):
        if not all(w[:1].isupper() for w in tokens.words[k:end]):
            continue
        found = regions.lookup(tokens.span_text(k, end), levels=KABKOTA)
        if len(found) == 1:
            return found[0], end
    return None


def seated_body(tokens: Tokens, k: int, body: Organisation, vocab: Vocabulary) -> tuple[int, Organisation] | None:
    """The body ending at token `k` with its seat named from there (`PN` + `Sukamaju` -> Pengadilan
    Negeri Sukamaju; `Kemenag` + `Kaur` -> Kementerian Agama Kabupaten Kaur): (end, body), or None.
    A court or police unit keeps its seat as written, other bodies take the region's name."""
    seat = body_seat(tokens, k, body, vocab)
    if seat is None:
        return None
    written, region, end = seat
    as_named = tokens.span_text(k, end) if body.kind in seated_kinds() else written
    end_char = tokens.ends[end - 1]
    update = {
        "name": f"{body.name} {as_named}",
        "text": tokens.text[body.start : end_char],
        "end": end_char,
        "region": region.name if region else None,
        "region_code": region.code if region else None,
    }
    return end, body.model_copy(update=update)


def school_head(role: str, kind: str | None) -> str | None:
    """The role of the head of a school of `kind` (`organisation_words.tsv`, `school_head`) for a
    title that names its head (`Kepala`, `Kepala Sekolah`, `Wakil Kepala`), else None."""
    heads = organisation_words().values("school_head")
    if kind not in heads:
        return None
    words = role.split()
    if words[-1] in ("Sekolah", "Madrasah"):
        words = words[:-1]
    if words[-1:] != ["Kepala"]:
        return None
    return " ".join([*words[:-1], heads[kind]])


def name_inside_body(
    tokens: Tokens, k: int, body: Organisation, vocab: Vocabulary, regions_at: RegionIndex
) -> tuple[int, Organisation] | None:
    """`Rektor Universitas Sukamaju Nama Lengkap mengatakan`: a body named by its capitalised
    words (`organisation_words.tsv`, `name_run_kind`: universities, institutes), ending at token
    `k` where no name follows, that has run on over its holder's name. The body ends after a
    place inside it (`UIN Sunan Kalijaga Yogyakarta Nama Lengkap`), else before its last two
    words (a name of two words, the usual form after a title): (end, the body), or None."""
    if body.kind not in organisation_words().words("name_run_kind") or k >= len(tokens):
        return None
    words = tokens.words
    if words[k] == "," or is_name_token(words[k], vocab):
        return None
    first = tokens.index_at(body.start)
    if first is None or k - first < 4:
        return None
    split = k - 2
    for j in range(first + 2, k - 1):
        place = regions_at.get(tokens.starts[j])
        if place is not None and k - tokens.end_token(place.end) >= 2:
            split = tokens.end_token(place.end)
    if not all(is_name_token(word, vocab) for word in words[split:k]) or not plausible_name(tokens, split, k, vocab):
        return None
    end_char = tokens.ends[split - 1]
    text = tokens.text[body.start : end_char]
    return split, body.model_copy(update={"text": text, "end": end_char, "name": text})
