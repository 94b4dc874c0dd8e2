"""Which nodes are one person: merging rules over blocked candidates.

A node is every mention of one normalised name at one place in one role (see
`pipeline.corpus.names`; non-officials have no role). An official's name is a short form
when it is a short form (`is_short_form`) of another official's name at a compatible
place of the same root: `Irwan` and `Irwan Chaniago` beside `Irwan Syahputra Chaniago`.
The rules run in this order, each on the clusters the previous one left, and each decides
from the state before it, so the result does not depend on the order of the nodes:

1. Same name. Nodes with the same name (not a short form) merge when their places are
   compatible. A place that contains several of the name's most specific places (a
   province-level mention of a name held by two people in two of its kabupaten) is
   ambiguous and stays apart. A node without a place joins the one cluster of its name
   with its role or, for a node without a role (a non-official) whose name has two words
   or more, the name's only cluster.
2. Spelling variants. Officials whose names are within `max_edits` (Levenshtein distance,
   rapidfuzz) merge when their places are compatible and their roles or their places
   agree. Candidates share a root and a word of the name (or its first or last three
   letters), so a name is compared with a handful of others, never with the corpus. A
   cluster joins the one such match seen in more articles than itself, when there is
   exactly one: variants join the usual spelling, not each other.
3. Short forms. A short form joins the cluster of its full name when that is
   unambiguous: exactly one cluster has a full name for it in the same role (for a short
   form without a role: at the same place). Longer short forms are
   resolved first, so `Irwan Chaniago` joining its full name makes `Irwan` unambiguous.
   The short forms left over merge with each other by rule 1.

Non-officials (`persons`) take part in rule 1 only, and a one-word name of a non-official
(a resident `Hendra`) is a node of its own (`solo`): too common to stand for one person.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from pipeline.corpus.names import compatible, contains, is_short_form, root

#: Names of at least this many characters may differ by two edits, shorter ones by one.
LONG_NAME = 15
#: Letters of the start and the end of a name that also block spelling-variant candidates.
AFFIX = 3

_WordIndex = dict[tuple[str, str], list[int]]


@dataclass(frozen=True, slots=True)
class Node:
    """The mentions of one normalised name at one place in one role."""

    name: str
    place: str | None
    role: str | None
    official: bool
    solo: bool
    articles: int

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.name.split())


def max_edits(first: str, second: str) -> int:
    return 1 if min(len(first), len(second)) < LONG_NAME else 2


class _DisjointSets:
    """Union-find; the representative of a set is its smallest index."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def find(self, index: int) -> int:
        parent = self._parent
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def union(self, first: int, second: int) -> None:
        first, second = self.find(first), self.find(second)
        if first != second:
            self._parent[max(first, second)] = min(first, second)


def cluster(nodes: Sequence[Node]) -> list[int]:
    """The cluster of each node: the index of the first node of its cluster."""
    sets = _DisjointSets(len(nodes))
    officials = [index for index, node in enumerate(nodes) if node.official and node.place is not None]
    words = _word_index(nodes, officials)
    short = [index for index in officials if _full_forms(nodes, index, words)]
    is_short = set(short)
    full = [index for index, node in enumerate(nodes) if not node.solo and index not in is_short]
    _merge_same_names(nodes, full, sets)
    _merge_spelling_variants(nodes, [index for index in officials if index not in is_short], sets)
    joined = _merge_short_forms(nodes, short, words, sets)
    _merge_same_names(nodes, [index for index in short if index not in joined], sets)
    return [sets.find(index) for index in range(len(nodes))]


def _word_index(nodes: Sequence[Node], officials: list[int]) -> _WordIndex:
    """(root, word of two letters or more) -> the official nodes with that word."""
    index: _WordIndex = defaultdict(list)
    for number in officials:
        node = nodes[number]
        for word in set(node.words):
            if len(word) > 1:
                index[(root(node.place), word)].append(number)
    return index


def _full_forms(nodes: Sequence[Node], index: int, words: _WordIndex) -> list[int]:
    """The official nodes at a compatible place whose name `nodes[index]` is a short form of."""
    node = nodes[index]
    block_root = root(node.place)
    blocks = [words.get((block_root, word), []) for word in node.words if len(word) > 1]
    if not blocks:
        return []
    return [
        other
        for other in min(blocks, key=len)
        if is_short_form(node.words, nodes[other].words) and compatible(node.place, nodes[other].place)
    ]


def _merge_same_names(nodes: Sequence[Node], members: Iterable[int], sets: _DisjointSets) -> None:
    by_name: dict[str, list[int]] = defaultdict(list)
    for index in members:
        by_name[nodes[index].name].append(index)
    for group in by_name.values():
        by_place: dict[str, list[int]] = defaultdict(list)
        unplaced = []
        for index in group:
            place = nodes[index].place
            (unplaced if place is None else by_place[place]).append(index)
        for same in by_place.values():
            for index in same:
                sets.union(same[0], index)
        deepest = [
            place for place in by_place if not any(other != place and contains(place, other) for other in by_place)
        ]
        for place, same in by_place.items():
            inside = [other for other in deepest if contains(place, other)]
            if len(inside) == 1:
                sets.union(same[0], by_place[inside[0]][0])
        for index in unplaced:
            target = _placed_cluster(nodes, index, by_place, sets)
            if target is not None:
                sets.union(index, target)


def _placed_cluster(
    nodes: Sequence[Node], index: int, by_place: dict[str, list[int]], sets: _DisjointSets
) -> int | None:
    """The cluster a node without a place joins: the one of its name with its role, or the only one of its name."""
    node = nodes[index]
    placed = [other for same in by_place.values() for other in same]
    if node.role is not None:
        clusters = {sets.find(other) for other in placed if nodes[other].role == node.role}
    else:
        clusters = {sets.find(other) for other in placed} if len(node.words) > 1 else set()
    return clusters.pop() if len(clusters) == 1 else None


def _merge_spelling_variants(nodes: Sequence[Node], members: list[int], sets: _DisjointSets) -> None:
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index in members:
        node = nodes[index]
        for key in _block_keys(node):
            blocks[(root(node.place), key)].append(index)
    variants = [pair for pair in sorted(_pairs(blocks.values())) if _spelling_variants(*(nodes[i] for i in pair))]
    while _join_larger_variants(nodes, variants, sets):
        pass


def _join_larger_variants(nodes: Sequence[Node], variants: list[tuple[int, int]], sets: _DisjointSets) -> bool:
    """One round of rule 2: each cluster joins its only larger variant; returns whether any did.

    Rounds repeat until none joins: a variant of a variant (`Rial Effendi` beside `Rizal
    Effendi` and `Rizal Efendi`) joins once the two others are one cluster."""
    articles: dict[int, int] = defaultdict(int)
    for index, node in enumerate(nodes):
        articles[sets.find(index)] += node.articles
    larger: dict[int, set[int]] = defaultdict(set)
    for first, second in variants:
        one, other = sets.find(first), sets.find(second)
        if one != other and articles[one] != articles[other]:
            smaller, bigger = (one, other) if articles[one] < articles[other] else (other, one)
            larger[smaller].add(bigger)
    joins = [(one, others.pop()) for one, others in sorted(larger.items()) if len(others) == 1]
    for one, other in joins:
        sets.union(one, other)
    return bool(joins)


def _block_keys(node: Node) -> set[str]:
    letters = node.name.replace(" ", "")
    return {word for word in node.words if len(word) >= AFFIX} | {"^" + letters[:AFFIX], "$" + letters[-AFFIX:]}


def _pairs(blocks: Iterable[list[int]]) -> set[tuple[int, int]]:
    return {pair for members in blocks for pair in itertools.combinations(sorted(members), 2)}


def _spelling_variants(first: Node, second: Node) -> bool:
    if first.name == second.name or not compatible(first.place, second.place):
        return False
    if first.role != second.role and first.place != second.place:
        return False
    if is_short_form(first.words, second.words) or is_short_form(second.words, first.words):
        return False
    limit = max_edits(first.name, second.name)
    return Levenshtein.distance(first.name, second.name, score_cutoff=limit) <= limit


def _merge_short_forms(nodes: Sequence[Node], short: list[int], words: _WordIndex, sets: _DisjointSets) -> set[int]:
    """Join each short form to the cluster of its full name where that is unambiguous; returns those joined."""
    joined: set[int] = set()
    for length in sorted({len(nodes[index].words) for index in short}, reverse=True):
        joins = [
            (index, target)
            for index in short
            if len(nodes[index].words) == length
            and (target := _full_name_cluster(nodes, index, words, sets)) is not None
        ]
        for index, target in joins:
            sets.union(index, target)
            joined.add(index)
    return joined


def _full_name_cluster(nodes: Sequence[Node], index: int, words: _WordIndex, sets: _DisjointSets) -> int | None:
    node = nodes[index]
    fulls = _full_forms(nodes, index, words)
    if node.role is not None:
        clusters = {sets.find(other) for other in fulls if nodes[other].role == node.role}
    else:
        clusters = {sets.find(other) for other in fulls if nodes[other].place == node.place}
    return clusters.pop() if len(clusters) == 1 else None
