"""Other names of one person, so that every mention of them is one person of the inventory:

- a nickname the text gives next to the name (`Budi Santoso, yang akrab disapa Bento,`;
  `Bento, sapaan Budi Santoso,`): the cue words are the `alias_*` rows of `person_words.tsv`;
- an acronym in brackets after the name whose letters are its initials (`Ahmad Fauzi Rahman
  (AFR)`), then `kata AFR`;
- a short form of a name word (`Wali Kota Rismawati` then `Wali Kota Risma`), when the two
  hold the same role (`clusters`), and for a bare name the article gives no one else a blend
  of the start of two name words (`Jokowi` of `Joko Widodo`) or a long name word with one
  letter inside it left out or added (a typo: `Sutrisno` of `Budi Sutrisono`).

A name another person of the article has (or is part of) is never an alias.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from pipeline.patterns import phrase_alternation
from pipeline.spans import Coverage
from pipeline.vocabulary import person_words, vocabulary

if TYPE_CHECKING:
    from pipeline.stages.people.clusters import Cluster
    from pipeline.tokens import Tokens

#: Letters a short form keeps of a name word, at least, and letters it leaves off, at least.
SHORT_FORM_LETTERS = 4
SHORT_FORM_REST = 3
#: Letters each part of a blend keeps of its name word, at least.
BLEND_PART_LETTERS = 2
#: Letters of a name word, at least, that a misspelling with a letter more or less may stand for.
MISSPELT_LETTERS = 8
#: A letter written twice in a row.
_DOUBLED = re.compile(r"(\w)\1")
#: Characters between a name and the nickname cue after it (`, yang biasa`).
CUE_WINDOW = 40

_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_ACRONYM = re.compile(r"\s*\(([A-Z]{2,6})\)")


def is_short_form(word: str, name: Sequence[str]) -> bool:
    """`Risma` of `Tri Rismawati`: the start of one name word, long enough, not all of it."""
    lower = word.lower()
    return len(word) >= SHORT_FORM_LETTERS and any(
        part.lower().startswith(lower) and len(part) - len(word) >= SHORT_FORM_REST for part in name
    )


def is_blend(word: str, name: Sequence[str]) -> bool:
    """`Jokowi` of `Joko Widodo`: the start of a name word, then the start of the next one."""
    lower = word.lower()
    for first, second in pairwise(name):
        head, tail = first.lower(), second.lower()
        for cut in range(BLEND_PART_LETTERS, len(head) + 1):
            rest = lower[cut:]
            if lower[:cut] == head[:cut] and len(rest) >= BLEND_PART_LETTERS and tail.startswith(rest):
                return True
    return False


def nicknamed(one: Sequence[str], other: Sequence[str]) -> bool:
    """One of two names is a single word that is a short form or a blend of the other."""
    if len(one) == 1 and len(other) > 1:
        one, other = other, one
    return len(other) == 1 and other[0] not in one and (is_short_form(other[0], one) or is_blend(other[0], one))


def is_acronym(word: str, name: Sequence[str]) -> bool:
    """`AFR` of `Ahmad Fauzi Rahman`: the initials of the name words, in order."""
    return len(name) >= 2 and word == "".join(part[0] for part in name).upper()


@cache
def _cue_after_name() -> re.Pattern[str]:
    """`, yang akrab disapa Bento`, `atau biasa dipanggil Bento` right after a name."""
    words = person_words()
    adverbs = phrase_alternation(words.words("alias_adverb"))
    cues = phrase_alternation(words.words("alias_cue"))
    return re.compile(rf",?\s*(?:(?:yang|atau)\s+)?(?:(?:{adverbs})\s+)?(?:{cues})\s+({_NAME})")


@cache
def _nickname_before_name() -> re.Pattern[str]:
    """`Bento, sapaan Budi Santoso`: the nickname, then the name it stands for."""
    words = person_words()
    of = phrase_alternation(words.words("alias_of"))
    adverbs = phrase_alternation(words.words("alias_adverb"))
    return re.compile(rf"\b({_NAME}),\s*(?:{of})(?:\s+(?:{adverbs}))?\s+(?=[A-Z])")


def add_aliases(tokens: Tokens, clusters: list[Cluster]) -> None:
    """The nicknames and acronyms the text gives for a person become their mentions; a person
    read from a nickname alone (`Bento` of `Bento, sapaan ...`) joins the person it names."""
    text = tokens.text
    found: list[tuple[Cluster, str]] = []
    for cluster in clusters:
        for _, end, kind in list(cluster.mentions):
            if kind not in ("name", "short_name"):
                continue
            cue = _cue_after_name().match(text, end, min(len(text), end + CUE_WINDOW))
            if cue is not None:
                found.append((cluster, cue.group(1)))
            acronym = _ACRONYM.match(text, end)
            if acronym is not None and is_acronym(acronym.group(1), cluster.name.split()):
                found.append((cluster, acronym.group(1)))
    starts = {start: c for c in clusters for start, _, kind in c.mentions if kind in ("name", "short_name")}
    for match in _nickname_before_name().finditer(text):
        cluster = starts.get(match.end())
        if cluster is not None:
            found.append((cluster, match.group(1)))
    for cluster, written in found:
        alias = _without_honorifics(written)
        if alias and _free(alias, cluster, clusters):
            _join_namesake(alias, cluster, clusters)
            if alias not in cluster.aliases:
                cluster.aliases.append(alias)
    _mark_aliases(text, clusters)


def _without_honorifics(alias: str) -> str:
    """`Pak Dar` -> `Dar`: the name the text then uses alone."""
    words = alias.split()
    while words and words[0] in vocabulary().honorifics:
        words.pop(0)
    return " ".join(words)


def _free(alias: str, owner: Cluster, clusters: Sequence[Cluster]) -> bool:
    """No other person's name is, or has as a part, the alias (a person named only by it aside)."""
    words = alias.split()
    for cluster in clusters:
        if cluster is owner or cluster.name == alias:
            continue
        name = cluster.name.split()
        if any(name[i : i + len(words)] == words for i in range(len(name) - len(words) + 1)):
            return False
    return True


def _join_namesake(alias: str, owner: Cluster, clusters: list[Cluster]) -> None:
    """A person of the inventory named only by the alias is the owner."""
    for cluster in [c for c in clusters if c is not owner and c.name == alias]:
        owner.mentions.extend(cluster.mentions)
        owner.parts.update(cluster.parts)
        owner.first = min(owner.first, cluster.first)
        owner.role = owner.role or cluster.role
        owner.official = owner.official or cluster.official
        clusters.remove(cluster)


def _mark_aliases(text: str, clusters: Sequence[Cluster]) -> None:
    """Every use of an alias not inside another mention is a mention of its person."""
    taken = Coverage((start, end) for c in clusters for start, end, _ in c.mentions)
    for cluster in clusters:
        for alias in cluster.aliases:
            for match in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
                if not taken.overlaps(match.start(), match.end()):
                    cluster.mentions.append((match.start(), match.end(), "short_name"))


def is_misspelling(word: str, name: Sequence[str]) -> bool:
    """`Sutrisno` of `Budi Sutrisono`: a long name word with one letter inside it left out or
    added, or with a letter doubled in another place (`Hassanudin` of `Hasanuddin`)."""
    for part in name:
        shorter, longer = sorted((word, part), key=len)
        if len(longer) < MISSPELT_LETTERS or part == word:
            continue
        if _DOUBLED.sub(r"\1", word) == _DOUBLED.sub(r"\1", part):
            return True
        if len(longer) != len(shorter) + 1:
            continue
        if any(longer[:i] + longer[i + 1 :] == shorter for i in range(1, len(longer) - 1)):
            return True
    return False


def bare_owner(word: str, clusters: Sequence[Cluster]) -> Cluster | None:
    """The one person a bare word no name has is a blend (`Jokowi`) or a misspelling of the name of."""
    owners = [c for c in clusters if is_blend(word, c.name.split()) or is_misspelling(word, c.name.split())]
    return owners[0] if len(owners) == 1 else None
