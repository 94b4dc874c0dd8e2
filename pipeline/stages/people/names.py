"""The name of a titled person: after the title (`Bupati Sukamaju, Dr. Hendra Wijaya, M.Si.,`,
`Kasat Reskrim AKP Rina Sitompul`) or, failing that, right before it (`Abd Rahim Tuwu Asisten
III ...`, `Nama, S.Pi., sebagai Kepala Dinas ...`, `Nama yang juga menjabat Kepala Dinas ...`).
Ranks, honorifics and degrees stay in the mention, out of the name; regions between the title
and the name are skipped."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import pairwise

from pipeline.gazetteer import KABKOTA, gazetteer
from pipeline.record import PlaceLevel
from pipeline.regions import RegionIndex
from pipeline.stages.people.mention import TitleMention
from pipeline.stages.people.words import (
    MAX_NAME_TOKENS,
    glued_degrees,
    glued_honorific,
    is_name_start,
    is_name_token,
    name_end,
    plausible_name,
    stop_words,
)
from pipeline.tokens import Tokens
from pipeline.vocabulary import Vocabulary, person_words

#: Words of a division's name after `Divisi`, at most (`Sosialisasi, Pendidikan Pemilih dan Partisipasi Masyarakat`).
MAX_DIVISION_TOKENS = 10
#: Words of a party's name after `dari Fraksi`, at most (`Partai Kebangkitan Bangsa`).
MAX_PARTY_TOKENS = 5


def parse_name_after(tokens: Tokens, k: int, vocab: Vocabulary, mention: TitleMention, regions_at: RegionIndex) -> int:
    """Read `, [rank] [honorifics] Name[, degrees]` after a title; returns the end token."""
    words = tokens.words
    j = k
    if j < len(words) and words[j] == ",":
        j += 1
    j = _skip_division(words, j, vocab)
    j = _skip_party(words, j, vocab)
    # `Camat X (Nama)`: the name in parentheses; an acronym there is a short form (`Nama (ABC)`)
    bracketed = j + 2 < len(words) and words[j] == "(" and not _is_acronym(words[j + 1], vocab)
    j += bracketed
    rank_words = []
    rank_start = j
    while j < len(words) and (rank := vocab.ranks.match(words, j)) is not None:
        rank_words.append(tokens.span_text(j, rank[0]))
        j = rank[0]
    honorifics = []
    while j < len(words) and words[j] in vocab.honorifics:
        honorifics.append(words[j])
        j += 1
    j = _skip_region_before_name(tokens, j, vocab, regions_at, bare=mention.jurisdiction_code is None)
    glued = (
        glued_honorific(words[j], vocab, words[j + 1] if j + 1 < len(words) else None) if j < len(words) else 0
    )  # `H.Abdul Rahman`
    if glued:
        honorifics.append(words[j][:glued])
    stop = name_end(words, j + 1, vocab) if glued else name_end(words, j, vocab)
    if stop == j or not plausible_name(tokens, j, stop, vocab):
        return k
    end = stop
    degrees: list[str] = []
    while end + 1 < len(words) and words[end] == ",":
        glued_after = glued_degrees(words[end + 1], vocab)  # `Nama,S.H.,M.Si.`
        if not glued_after and not vocab.is_degree(words[end + 1]):
            break
        degrees.extend(glued_after or [words[end + 1]])
        end += 2
    if bracketed:
        if end >= len(words) or words[end] != ")" or (end + 1 < len(words) and words[end + 1][:1].isupper()):
            return k  # `Ketua X (Perbarindo) Nama`: a short form, the name after it
        end += 1
    start, stop_char = tokens.chars(j, stop)
    mention.name = (start + glued, stop_char)
    mention.name_text = tokens.text[start + glued : stop_char]
    mention.rank = " ".join(rank_words) or None
    if rank_words and not honorifics and not glued:
        mention.rank_start = tokens.starts[rank_start]
    mention.honorifics = honorifics
    mention.degrees.extend(degrees)
    mention.mention_end = tokens.ends[end - 1]
    return end


def _skip_region_before_name(
    tokens: Tokens, j: int, vocab: Vocabulary, regions_at: RegionIndex, *, bare: bool = True
) -> int:
    """Regions between a title and the name are not the name: `Ketua KPU Sulut Nama`,
    `Camat Tanah Abang, Jakarta Pusat, Nama`, `Bupati Kutai Timur, Kalimantan Timur, Nama`,
    `Kepala Desa Pangkalan, Kecamatan Kangkung, Kabupaten Kendal, Nama`. A region named bare,
    with no comma, is skipped only when the title has no region yet (`Kakan Kemenag Kaur Nama`):
    after `Wali Kota Bogor`, a region-like first word (`Bima`) starts the name."""
    regions = gazetteer()
    words = tokens.words

    def region_end(i: int) -> int | None:
        place = regions_at.get(tokens.starts[i]) if i < len(words) else None
        return tokens.end_token(place.end) if place is not None else None

    while (end := region_end(j)) is not None and end + 1 < len(words) and words[end] == ",":
        if not (is_name_start(words, end + 1, vocab) or region_end(end + 1) is not None):
            break
        j = end + 1
    while bare and j < len(words) and regions.could_start_name(words[j]):
        for end in (j + 3, j + 2, j + 1):
            if end >= len(words) or not regions.lookup(
                tokens.span_text(j, end), levels=(PlaceLevel.PROVINCE, *KABKOTA)
            ):
                continue
            if words[end] == "," and end + 1 < len(words) and is_name_start(words, end + 1, vocab):
                j = end + 1
                break
            if is_name_token(words[end], vocab):
                return end
        else:
            return j
    return j


def _skip_division(words: Sequence[str], j: int, vocab: Vocabulary) -> int:
    """A division between the post and the name is not the name: `Anggota KPU Kota X Divisi
    Teknis Penyelenggaraan Nama`, `..., Divisi Hukum dan Pengawasan, Nama` (the division word,
    then its unit words)."""
    if j >= len(words) or words[j] not in person_words().words("division"):
        return j
    end = vocab.unit_words_end(words, j + 1, limit=MAX_DIVISION_TOKENS)
    if end < len(words) and words[end] == ",":
        end += 1
    return end if j + 1 < end < len(words) and is_name_start(words, end, vocab) else j


def _is_acronym(word: str, vocab: Vocabulary) -> bool:
    return word.isalpha() and word.isupper() and vocab.ranks.match([word], 0) is None


def _skip_party(words: Sequence[str], j: int, vocab: Vocabulary) -> int:
    """A member's faction or party between the post and the name is not the name: `Anggota DPRD X
    dari Fraksi PDI Perjuangan, Nama`, `... dari Partai Golkar Nama` (a party of one word when no
    comma sets it off), `anggota DPRD X dari PKB Nama`."""
    lexicon = person_words()
    if j + 2 >= len(words) or words[j] not in lexicon.words("party_of"):
        return j
    if words[j + 1] not in lexicon.words("party"):  # `dari PPP Nama`: a party named by its acronym
        acronym = _is_acronym(words[j + 1], vocab) and len(words[j + 1]) > 1
        return j + 2 if acronym and is_name_start(words, j + 2, vocab) else j
    start = j + 2
    if words[start] in lexicon.words("party") and start + 1 < len(words):  # `Fraksi Partai Gerindra`
        start += 1
    end = start
    while end < len(words) and end - start < MAX_PARTY_TOKENS and words[end][:1].isupper():
        end += 1
    if end > start and end < len(words) and words[end] == ",":
        end += 1
    else:
        end = start + 1  # no comma: the party's name is its first word
    return end if end < len(words) and words[start][:1].isupper() and is_name_start(words, end, vocab) else j


def parse_name_before(tokens: Tokens, i: int, vocab: Vocabulary, mention: TitleMention) -> None:
    """A name right before the title: `Abd Rahim Tuwu Asisten III ...` (two words or more), or
    `Hj. Sitti Rahmah Daeng, S.Pi., M.Si., sebagai Kepala Dinas ...`."""
    words = tokens.words
    if (start := _as_start(words, i)) < i:
        relative = words[start].lower() in person_words().words("relative")  # `yang menjabat`
        _parse_name_before_sebagai(tokens, start, vocab, mention, relative=relative)
        return
    if i > 1 and words[i - 1] == ",":  # `Suwarno, Camat Cilandak, ...`: the name set off before the title
        end = i - 1
        start = end
        while start > 0 and end - start < 4 and is_name_token(words[start - 1], vocab):
            start -= 1
        opening = start
        while opening > 0 and words[opening - 1] in vocab.honorifics:
            opening -= 1  # `Hj. Nama, Ketua ...`: the honorifics before the name are no part of it
        if (
            start < end
            and (opening == 0 or words[opening - 1] in (",", ".", "\n", "("))
            and words[start] not in stop_words()
            and not vocab.is_degree("".join(words[start:end]))  # `Nama, M. Si, Asisten ...`: a degree
        ):
            mention.name = tokens.chars(start, end)
            mention.name_text = tokens.span_text(start, end)
            mention.honorifics = list(words[opening:start])
        return
    start = i
    while start > 0 and i - start < MAX_NAME_TOKENS and is_name_token(words[start - 1], vocab):
        start -= 1
    if i - start < 2 or (start > 0 and words[start - 1] not in (",", "(", *person_words().words("before_name"))):
        return
    if words[start] in stop_words():
        return
    mention.name = tokens.chars(start, i)
    mention.name_text = tokens.span_text(start, i)


def _as_start(words: Sequence[str], i: int) -> int:
    """The first token of the words right before token `i` that introduce the office of the name
    before them (`person_words.tsv`, `as`: `sebagai`, `selaku`, `yang juga menjabat`, also one after
    the other: `yang menjabat sebagai`), or `i`."""
    start = i
    while (found := _as_form_before(words, start)) is not None:
        start = found
    return start


def _as_form_before(words: Sequence[str], i: int) -> int | None:
    for parts in _as_forms():
        n = len(parts)
        if i >= n and [word.lower() for word in words[i - n : i]] == parts:
            return i - n
    return None


@cache
def _as_forms() -> tuple[list[str], ...]:
    """The words of each `as` form, the longest first."""
    return tuple(form.split() for form in sorted(person_words().words("as"), key=lambda f: (-len(f.split()), f)))


def _parse_name_before_sebagai(
    tokens: Tokens, sebagai: int, vocab: Vocabulary, mention: TitleMention, *, relative: bool = False
) -> None:
    """The name before `sebagai` (at token `sebagai`), with its honorifics and degrees. Before a
    relative clause (`yang menjabat`) a word alone is a name only with an honorific or a degree:
    a capitalised noun opens a sentence as well (`Pejabat yang menjabat ...`)."""
    words = tokens.words
    end = sebagai
    if end > 0 and words[end - 1] == ",":
        end -= 1
    degrees: list[str] = []
    while end >= 2 and words[end - 2] == ",":
        glued = glued_degrees(words[end - 1], vocab)  # `Nama,S.H.,M.H. sebagai`
        if not glued and not vocab.is_degree(words[end - 1]):
            break
        degrees[:0] = glued or [words[end - 1]]
        end -= 2
    if end > 0 and vocab.is_degree(words[end - 1]):
        degrees.insert(0, words[end - 1])
        end -= 1
        if end > 0 and words[end - 1] == ",":
            end -= 1
    start = end
    while start > 0 and end - start < MAX_NAME_TOKENS and is_name_token(words[start - 1], vocab):
        start -= 1
    if start == end:
        return
    honorifics = []
    while start > 0 and words[start - 1] in vocab.honorifics:
        start -= 1
        honorifics.insert(0, words[start])
    name_start = start + len(honorifics)
    if relative and end - name_start < 2 and not honorifics and not degrees:
        return
    mention.name = tokens.chars(name_start, end)
    mention.name_text = tokens.span_text(name_start, end)
    mention.honorifics = honorifics
    mention.degrees = degrees


def pair_names_in_parentheses(tokens: Tokens, vocab: Vocabulary, titles: list[TitleMention]) -> None:
    """`Bupati X dan Wakil Bupati X (Bapak Nama Satu dan Bapak Nama Dua)`: two titles
    without names joined by a list word, then their names in parentheses, in the same order."""
    joiners = person_words().words("list_joiner")
    for first, second in pairwise(titles):
        if first.name is not None or second.name is not None:
            continue
        between = tokens.end_token(first.end)
        after = tokens.end_token(second.end)
        if tokens.index_at(second.start) != between + 1 or tokens.words[between] not in joiners:
            continue
        names = _names_in_parentheses(tokens, after, vocab, joiners)
        for mention, (start, stop) in zip((first, second), names, strict=False):
            mention.name = tokens.chars(start, stop)
            mention.name_text = tokens.span_text(start, stop)


def _names_in_parentheses(tokens: Tokens, k: int, vocab: Vocabulary, joiners: frozenset[str]) -> list[tuple[int, int]]:
    """The two names of `(Bapak Nama Satu dan Bapak Nama Dua)` at token `k`, else none."""
    words = tokens.words
    if k >= len(words) or words[k] != "(":
        return []
    names = []
    j = k + 1
    while j < len(words) and len(names) < 2:
        while j < len(words) and words[j] in vocab.honorifics:
            j += 1
        stop = name_end(words, j, vocab)
        if stop == j or not plausible_name(tokens, j, stop, vocab):
            return []
        names.append((j, stop))
        j = stop + 1 if stop < len(words) and words[stop] in joiners and len(names) == 1 else stop
    return names if len(names) == 2 and j < len(words) and words[j] == ")" else []
