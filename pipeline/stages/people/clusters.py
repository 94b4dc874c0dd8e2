"""Mentions of the same person merged into one: the same name, a shorter form of it (`Wawali
Irwan`), a title without a name (`Kapolres menjelaskan`) when one official holds that role;
then every later bare use of a name or a unique part of it (`Ali`, `Mei Ling`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from pipeline.inventory import MentionKind, PersonEntry, PersonMention, TitleParts
from pipeline.patterns import phrase_alternation
from pipeline.spans import Coverage
from pipeline.stages.people.mention import TitleMention
from pipeline.stages.people.words import canonical_name, is_name_token, name_end
from pipeline.tokens import Tokens
from pipeline.vocabulary import vocabulary


@dataclass(slots=True)
class Cluster:
    name: str
    role: str | None
    jurisdiction: str | None
    jurisdiction_code: str | None
    wants: str
    first: int
    #: (start, end, kind) of each mention.
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    #: The parts of each title mention, by its span.
    parts: dict[tuple[int, int], TitleParts] = field(default_factory=dict)
    rank: str | None = None
    honorifics: list[str] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)
    official: bool = True
    description: str | None = None


def cluster_titles(titles: list[TitleMention]) -> list[Cluster]:
    clusters: list[Cluster] = []
    for title in (t for t in titles if t.name_text):
        assert title.name_text is not None and title.name is not None
        name = canonical_name(title.name_text)
        cluster = _find_cluster(clusters, name, title.role)
        if cluster is None:
            cluster = Cluster(name, title.role, title.jurisdiction, title.jurisdiction_code, title.wants, title.start)
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
        _add_title(cluster, title)
        cluster.mentions.append((title.rank_start or title.name[0], title.name[1], "name"))
    for title in (t for t in titles if not t.name_text and t.official):
        cluster = _role_holder(clusters, title)
        if cluster is None:
            continue
        if cluster.jurisdiction is None and title.jurisdiction is not None:
            cluster.jurisdiction, cluster.jurisdiction_code = title.jurisdiction, title.jurisdiction_code
        _add_title(cluster, title)
    return clusters


def _add_title(cluster: Cluster, title: TitleMention) -> None:
    if not title.written:
        return
    cluster.mentions.append((title.start, title.end, "title"))
    if title.parts is not None:
        cluster.parts.setdefault((title.start, title.end), title.parts)


def _find_cluster(clusters: list[Cluster], name: str, role: str | None) -> Cluster | None:
    words = name.split()
    for cluster in clusters:
        if cluster.name == name:
            return cluster
    matches = [
        cluster
        for cluster in clusters
        if (
            contains(cluster.name.split(), words)
            or contains(words, cluster.name.split())
            or _spelling_variants(cluster.name.split(), words)
        )
        and (role is None or cluster.role is None or _same_role(cluster.role, role))
    ]
    return matches[0] if len(matches) == 1 else None


def _spelling_variants(one: Sequence[str], other: Sequence[str]) -> bool:
    """`Moch. Arif Mahmud` and `Moh. Arif Mahmud`: the same name after a first part abbreviated
    two ways (the same initial and a point), the rest two words or more."""
    if len(one) != len(other) or len(one) < 3 or one[0] == other[0]:
        return False
    first, second = one[0], other[0]
    return first.endswith(".") and second.endswith(".") and first[0] == second[0] and one[1:] == other[1:]


def contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    """`shorter` is a contiguous part of `longer`."""
    n = len(shorter)
    return 0 < n <= len(longer) and any(list(longer[i : i + n]) == list(shorter) for i in range(len(longer) - n + 1))


@cache
def _acting() -> re.Pattern[str]:
    """The prefix of an acting post (`title_modifiers.tsv`: `Penjabat`, `Pelaksana Tugas` ...)."""
    return re.compile(rf"^(?:{phrase_alternation(vocabulary().acting_prefixes)}) ")


def _same_role(one: str, other: str) -> bool:
    """`Penjabat Kepala Desa` is a `Kepala Desa`; a `Wakil Bupati` is not a `Bupati`."""
    return _acting().sub("", one) == _acting().sub("", other)


def _role_holder(clusters: list[Cluster], title: TitleMention) -> Cluster | None:
    """The one named official a title without a name refers to."""
    holders = [c for c in clusters if c.role and _same_role(c.role, title.role)]
    if title.jurisdiction is not None:
        same_place = [c for c in holders if c.jurisdiction in (None, title.jurisdiction)]
        holders = same_place
    return holders[0] if len(holders) == 1 else None


# --- jurisdictions ---------------------------------------------------------------------------


def add_name_mentions(tokens: Tokens, clusters: list[Cluster]) -> None:
    """Every bare use of a person's name or a unique part of it (`Ali`, `Mei Ling`)."""
    vocab = vocabulary()
    taken = Coverage((start, end) for c in clusters for start, end, _ in c.mentions)
    parts = _name_parts(clusters)
    words = tokens.words
    j = 0
    while j < len(words):
        if not is_name_token(words[j], vocab) or taken.covers(tokens.starts[j]):
            j += 1
            continue
        end = name_end(words, j, vocab)
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


def _name_parts(clusters: list[Cluster]) -> dict[tuple[str, ...], list[Cluster]]:
    """Every contiguous part of every name -> the people whose name it is part of."""
    parts: dict[tuple[str, ...], list[Cluster]] = {}
    for cluster in clusters:
        words = cluster.name.split()
        for length in range(1, len(words) + 1):
            for first in range(len(words) - length + 1):
                owners = parts.setdefault(tuple(words[first : first + length]), [])
                if cluster not in owners:
                    owners.append(cluster)
    return parts


def person_entries(text: str, clusters: list[Cluster]) -> tuple[PersonEntry, ...]:
    """The persons of the inventory: officials first, each group in order of first mention, ids `P1` ..."""
    entries = []
    ordered = sorted(clusters, key=lambda c: (not c.official, min(start for start, _, _ in c.mentions)))
    for number, cluster in enumerate(ordered, start=1):
        person_id = f"P{number}"
        mentions = tuple(
            PersonMention(start, end, MentionKind(kind), person_id, cluster.parts.get((start, end)))
            for start, end, kind in sorted(set(cluster.mentions), key=lambda m: (m[0], -m[1]))
        )
        entries.append(
            PersonEntry(
                id=person_id,
                name=cluster.name,
                official=cluster.official,
                mentions=mentions,
                role=cluster.role,
                jurisdiction=cluster.jurisdiction,
                jurisdiction_code=cluster.jurisdiction_code,
                wants=cluster.wants,
                first=cluster.first,
                rank=cluster.rank,
                honorifics=tuple(cluster.honorifics),
                degrees=tuple(cluster.degrees),
                description=cluster.description,
            )
        )
    return tuple(entries)
