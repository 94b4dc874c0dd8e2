"""The holders of a post named once for several people: `melantik tujuh Panitera Pengganti,
yaitu A, B, C dan D`, `Hakim Anggota: A, B dan C`, `sebagai Juru Sita Pengganti masing-masing A
dan B`.

A title the grammar read no name for, followed (after a comma) by a colon or a list cue
(`person_words.tsv`, `member_list`: `yaitu`, `masing-masing` ...), is held by every name of
the list after it: each is an official with the title's role and jurisdiction. So is a
list after the own name of a title several hold (`Hakim Tinggi PTA X, A, B dan C`, `anggota
KPU Kabupaten X A dan B`; not `Ketua`), up to an item with a title of its own. The first
name is the title's own; the others are named with the title given once, so their mention
is the name alone. The list is read by `listed.listed_names` (split at commas and
`dan`/`serta` only) with the rule `HOLDERS`: it ends at the first item that is no name: a
derived noun (`Pengambilan Sumpah`, `Kegiatan`), a place, or a run of capitalised words
longer than a listed name can be (two names written without their separator, or no name at
all).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise, takewhile

from pipeline.stages.people.listed import ListRule, listed_names
from pipeline.stages.people.mention import TitleMention
from pipeline.tokens import Tokens
from pipeline.vocabulary import Vocabulary, person_words
from pipeline.vocabulary.people import NON_NAME_KINDS
from pipeline.vocabulary.people import person_words as people_words

#: A list of holders ends at a derived noun or at a run of words longer than a listed name can be.
HOLDERS = ListRule()
#: Region-level wants of a title (`titles.tsv`) that any region of a list can fill (`Kepala Dinas`).
REGION_WANTS = "region"


def list_holders(tokens: Tokens, vocab: Vocabulary, titles: list[TitleMention]) -> list[TitleMention]:
    """Name the nameless titles followed by a list (in place) and return a mention for every
    other name of each list."""
    holders: list[TitleMention] = []
    title_starts = sorted(t.start for t in titles)
    _name_joined_titles(tokens, vocab, titles)
    for title in titles:
        if not title.official:
            continue
        if title.name is not None:
            others = _set_off_list(tokens, vocab, title, title_starts)
        else:
            start = _after_cue(tokens, tokens.end_token(title.end))
            if start is None:
                continue
            names = listed_names(tokens, start, vocab, HOLDERS)
            if not names:
                continue
            (first_start, first_end), *others = names
            title.name, title.name_text = (first_start, first_end), tokens.text[first_start:first_end]
            title.mention_end = first_end
        for name in others:
            holders.append(
                replace(
                    title,
                    start=name[0],
                    end=name[0],
                    name=name,
                    name_text=tokens.text[name[0] : name[1]],
                    mention_end=name[1],
                    honorifics=[],
                    degrees=[],
                    written=False,
                )
            )
    return holders


def _name_joined_titles(tokens: Tokens, vocab: Vocabulary, titles: list[TitleMention]) -> None:
    """`Ketua BK dan Wakil Ketua BK DPRD Kota X yaitu A dan B`: nameless titles joined by list
    words, then a list cue and as many names as titles: each title takes the name in its place
    (in place), and the body named after the last is each one's whose own names no region."""
    joiners = person_words().lower("list_joiner")
    ordered = sorted((t for t in titles if t.official), key=lambda t: t.start)
    k = 0
    while k < len(ordered):
        group = [ordered[k]]
        while (
            group[-1].name is None
            and k + len(group) < len(ordered)
            and tokens.text[group[-1].end : ordered[k + len(group)].start].strip(" ,").lower() in joiners
        ):
            group.append(ordered[k + len(group)])
        k += len(group)
        last = group[-1]
        if len(group) < 2 or last.name is not None:
            continue
        start = _after_cue(tokens, tokens.end_token(last.end))
        names = listed_names(tokens, start, vocab, HOLDERS) if start is not None else []
        if len(names) != len(group):
            continue
        for title, name in zip(group, names, strict=True):
            title.name, title.name_text, title.mention_end = name, tokens.text[name[0] : name[1]], name[1]
            if title.jurisdiction_code is None and last.jurisdiction is not None:
                title.jurisdiction, title.jurisdiction_code = last.jurisdiction, last.jurisdiction_code


def share_list_regions(tokens: Tokens, titles: list[TitleMention]) -> None:
    """`Kepala Bappeda Kabupaten X, Nama, Kepala DPUPR, Nama, dan Kadisbudpar, Nama`: a title
    of a list of titles and names that names no region takes the region of the title before
    it in the list (in place). A list item is a named title right after the name before it,
    set off by a comma or a list word; only a title that wants any region (`Kepala Dinas`)
    takes one, and only a kabupaten, kota or province."""
    joiners = "|".join(sorted(person_words().words("list_joiner")))
    separator = re.compile(rf"\s*(?:,\s*(?:(?:{joiners})\s+)?|(?:{joiners})\s+)")
    for before, title in pairwise(titles):
        if (
            before.name is not None
            and title.name is not None
            and title.jurisdiction is None
            and title.wants == REGION_WANTS
            and before.jurisdiction_code is not None
            and before.jurisdiction_code.count(".") <= 1
            and separator.fullmatch(tokens.text, before.mention_end, title.start) is not None
        ):
            title.jurisdiction, title.jurisdiction_code = before.jurisdiction, before.jurisdiction_code


def _set_off_list(
    tokens: Tokens, vocab: Vocabulary, title: TitleMention, title_starts: list[int]
) -> list[tuple[int, int]]:
    """`Hakim Tinggi PTA X, A, B dan C`, `anggota KPU Kabupaten X A dan B`: the names after the
    title's own (A) of a post several hold (`person_words.tsv`, `shared_post`), when the list
    goes on with a comma and closes with a list word before its last name (`dan`, `serta`). Set
    off by a comma after the title, the list names two more at least (`Ketua X, A dan B` may be
    two posts); right after the title, a list word may join one more (`Anggota X A dan B`). A
    list item with a title of its own (`Bupati X, A, Kapolres Y`) ends the list before it.
    Empty where the names do not make such a list."""
    text = tokens.text
    shared = person_words().words("shared_post")
    joiners = person_words().lower("list_joiner")
    if title.name is None or not any(title.role == post or title.role.startswith(f"{post} ") for post in shared):
        return []
    set_off = text[title.end : title.name[0]].strip()
    if set_off not in ("", ","):
        return []
    k = tokens.end_token(title.mention_end)
    if k >= len(tokens) or not (tokens.words[k] == "," or (not set_off and tokens.words[k].lower() in joiners)):
        return []
    names = listed_names(tokens, _skip_space(tokens.words, k + 1), vocab, HOLDERS)
    titled = [start for start in title_starts if start >= title.mention_end]
    if titled:
        names = [name for name in names if name[1] <= titled[0]]
    if not set_off:  # `Anggota X A dan Forkopimda`: a body's word is no name
        names = list(takewhile(lambda name: not _names_no_one(text[name[0] : name[1]]), names))
    if len(names) < (2 if set_off else 1):
        return []
    items = [(title.name[0], title.mention_end), *names]
    between = text[items[-2][1] : items[-1][0]].lower().replace(",", " ").split()
    separators = [text[a[1] : b[0]].strip() for a, b in pairwise(items[:-1])]
    if not any(word in joiners for word in between) or any(not sep.endswith(",") for sep in separators):
        return []
    return names


def _names_no_one(name: str) -> bool:
    """A listed name with a word of a body, title or place (`Forkopimda`) in it."""
    kinds = people_words()
    return any(kinds.kind(word.lower()) in NON_NAME_KINDS for word in name.split())


def _after_cue(tokens: Tokens, k: int) -> int | None:
    """The token after `[,] (: | cue [:])` at token `k`, or None."""
    words = tokens.words
    k = _skip_space(words, k)
    if k < len(words) and words[k] == ",":
        k = _skip_space(words, k + 1)
    if k < len(words) and words[k] == ":":
        return _skip_space(words, k + 1)
    text = tokens.text
    if k >= len(words):
        return None
    for cue in sorted(person_words().lower("member_list"), key=len, reverse=True):
        end = tokens.starts[k] + len(cue)
        if text[tokens.starts[k] : end].lower() == cue and (end == len(text) or not text[end].isalnum()):
            k = _skip_space(words, tokens.end_token(end))
            if k < len(words) and words[k] == ":":
                k = _skip_space(words, k + 1)
            return k
    return None


def _skip_space(words: list[str], k: int) -> int:
    while k < len(words) and words[k].isspace() and "\n" not in words[k]:
        k += 1
    return k
