"""The names of a written list: `A, B dan C`, `A, S.H., B serta C`.

A list is split at commas and `dan`/`serta` (`person_words.tsv`, `list_joiner`) only; the
honorifics before a name (also glued to it: `H.Abdul`) and the degrees after it (`, S.H.`)
are no part of the name. The list ends at the first item that is no name (no name word, or
a region: `plausible_name`), at an item not followed by a separator, and where its reader's
`ListRule` says: the holders of a title end it at a derived noun (`Pengambilan Sumpah`) or
a longer run of words than a name can be; the members of a team pass over such a run.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.stages.people.words import glued_degrees, glued_honorific, name_end, plausible_name
from pipeline.tokens import Tokens
from pipeline.vocabulary import Vocabulary, person_words


@dataclass(frozen=True, slots=True)
class ListRule:
    """Where a list of names ends, for one reader of lists."""

    #: Words of one listed name, at most; a longer run is two names written without their
    #: separator, or no name at all.
    max_words: int = 4
    #: A longer run ends the list; else it names no one and the list goes on after it.
    long_item_ends: bool = True
    #: An item with a derived noun (`Pengambilan`, `Kegiatan`; `derived_noun`) ends the list.
    derived_noun_ends: bool = True


def listed_names(tokens: Tokens, k: int, vocab: Vocabulary, rule: ListRule) -> list[tuple[int, int]]:
    """The character spans of the names of a list at token `k`, split at commas and `dan`/`serta`
    (honorifics before a name and degrees after it aside), up to the first item that is no name."""
    words = tokens.words
    joiners = person_words().words("list_joiner")
    separators = (",", *joiners)
    names: list[tuple[int, int]] = []
    while k < len(words):
        while k < len(words) and words[k] in vocab.honorifics:
            k += 1
        glued = glued_honorific(words[k], vocab, words[k + 1] if k + 1 < len(words) else None) if k < len(words) else 0
        stop = name_end(words, k + 1, vocab) if glued else name_end(words, k, vocab)
        if (
            stop == k
            or not plausible_name(tokens, k, stop, vocab)
            or (rule.derived_noun_ends and any(_derived_noun(word) for word in words[k:stop]))
        ):
            break
        if stop - k <= rule.max_words:
            start, stop_char = tokens.chars(k, stop)
            names.append((start + glued, stop_char))
        elif rule.long_item_ends:
            break
        while stop + 1 < len(words) and words[stop] == "," and _is_degrees(words[stop + 1], vocab):
            stop += 2
        if stop < len(words) and words[stop] == ",":
            stop += 1
        if stop < len(words) and words[stop] in joiners:
            stop += 1
        if words[stop - 1] not in separators:
            break
        k = stop
    return names


def _is_degrees(word: str, vocab: Vocabulary) -> bool:
    """A degree, or degrees glued by commas (`S.H.,M.H`)."""
    return vocab.is_degree(word) or bool(glued_degrees(word, vocab))


def _derived_noun(word: str) -> bool:
    """A noun made with a prefix and suffix (`Pengambilan`, `Kegiatan`; `derived_noun`)."""
    lower = word.lower()
    for affixes in person_words().words("derived_noun"):
        prefix, _, suffix = affixes.partition("-")
        if lower.startswith(prefix) and lower.endswith(suffix) and len(lower) > len(prefix) + len(suffix) + 3:
            return True
    return False
