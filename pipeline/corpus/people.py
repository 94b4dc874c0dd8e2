"""The person key of every mention: mentions -> nodes -> clusters -> canonical name and key.

A mention is one person of one record (a row of `officials` or `persons`), with the date
of its article (the publication date, else the event date) and, for non-officials, the
region of the article as its place. Mentions with the same normalised name, place and
role are one node; `pipeline.corpus.merge` clusters the nodes.

The key of a cluster is `<name>@<root>`, read from the cluster's content only, never from
the order of the input:

- `<name>` is the slug of the canonical name: of the full forms (names that are no short
  form of another name in the cluster), the one seen in the most articles, then the one
  with the most words and letters, then the first in alphabetical order;
- `<root>` is the kabupaten/kota (or province, or body) of the canonical name's places:
  the one where it was seen first, then the one with the most articles. A promotion in
  the same kabupaten (`Camat` of one of its kecamatan, then `Sekretaris Daerah`) keeps the
  key.
- Two clusters with the same `<name>@<root>` (namesakes in two kecamatan of one
  kabupaten) are told apart by their most specific place: `budi-santoso@32.05/32.05.11`;
  a non-official known by one word only (never merged) by a hash of its article and
  record id: `hendra@32.05~3f9a0c12d4e5`.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.corpus.merge import Node, cluster
from pipeline.corpus.names import depth, is_short_form, normalise_name, place_of, root

#: The columns of a mention frame (`mentions_from_tables`).
MENTION_COLUMNS = (
    "doc_id",
    "person_id",
    "kind",
    "name",
    "role",
    "jurisdiction",
    "jurisdiction_code",
    "region_code",
    "date",
)
#: Sorts after every date: for mentions of undated articles.
_UNDATED = "9999-99-99"


def mentions_from_tables(officials: pd.DataFrame, persons: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The mentions of the `officials` and `persons` tables (in this order, rows in table order),
    with the date and region of their article from `articles`."""
    official_rows = officials[["doc_id", "person_id", "name", "role", "jurisdiction", "jurisdiction_code"]]
    person_rows = persons[["doc_id", "person_id", "name"]]
    mentions = pd.concat([official_rows.assign(kind="official"), person_rows.assign(kind="person")], ignore_index=True)
    context = pd.DataFrame(
        {
            "doc_id": articles["doc_id"],
            "region_code": articles["event_region_code"],
            "date": pd.to_datetime(articles["published"]).fillna(pd.to_datetime(articles["event_date"])),
        }
    )
    return mentions.merge(context, on="doc_id", how="left")[list(MENTION_COLUMNS)]


@dataclass(frozen=True)
class Identities:
    """The person key of each mention (index of the mention frame), and the canonical name of each key."""

    keys: pd.Series
    names: dict[str, str]


def identify(mentions: pd.DataFrame) -> Identities:
    frame = _with_nodes(mentions)
    nodes = _nodes(frame)
    labels = cluster(nodes)
    frame["cluster"] = np.asarray(labels, dtype=np.int64)[frame["node"].to_numpy()]
    key_of, names = _keys(frame, nodes, labels)
    return Identities(frame["cluster"].map(key_of).astype(object), names)


def _with_nodes(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions with their normalised name, place and node number."""
    mentions = mentions.astype({column: "str" for column in MENTION_COLUMNS if column != "date"})
    frame = mentions[["doc_id", "person_id", "kind", "name", "date"]].copy()
    frame["norm"] = mentions["name"].map({name: normalise_name(name) for name in mentions["name"].unique()})
    official = mentions["kind"].eq("official")
    bodies = mentions["jurisdiction"].map(
        {body: place_of(None, body) for body in mentions["jurisdiction"].dropna().unique()}
    )
    frame["place"] = mentions["jurisdiction_code"].fillna(bodies).where(official, mentions["region_code"])
    frame["official"] = official
    frame["role"] = mentions["role"].str.casefold().where(official)
    frame["mention_id"] = mentions["doc_id"] + "\x00" + mentions["person_id"]
    frame["solo"] = ~frame["norm"].str.contains(" ") & (~official | frame["norm"].eq(""))
    frame["solo_id"] = frame["mention_id"].where(frame["solo"], "")
    frame["node"] = frame.groupby(["norm", "place", "role", "solo_id"], sort=True, dropna=False).ngroup()
    return frame


def _nodes(frame: pd.DataFrame) -> list[Node]:
    by_node = frame.groupby("node", sort=True)
    first = by_node[["norm", "place", "role", "solo"]].first()
    official = by_node["official"].any()
    articles = by_node["doc_id"].nunique()
    return [
        Node(name, _text(place), _text(role), bool(is_official), bool(solo), int(count))
        for name, place, role, solo, is_official, count in zip(
            first["norm"], first["place"], first["role"], first["solo"], official, articles, strict=True
        )
    ]


def _text(value: object) -> str | None:
    return None if pd.isna(value) else str(value)


def _keys(frame: pd.DataFrame, nodes: list[Node], labels: list[int]) -> tuple[dict[int, str], dict[str, str]]:
    """The key of each cluster, and the canonical name (as written) of each key."""
    name_articles = frame.groupby(["cluster", "norm"])["doc_id"].nunique().to_dict()
    first_seen = frame.groupby("node", sort=True)["date"].min().dt.strftime("%Y-%m-%d").fillna(_UNDATED).tolist()
    members: dict[int, list[int]] = defaultdict(list)
    for node, label in enumerate(labels):
        members[label].append(node)
    canonical: dict[int, str] = {}
    bases: dict[int, tuple[str, str]] = {}
    for label, nodes_of in members.items():
        names = sorted({nodes[node].name for node in nodes_of})
        canonical[label] = name = _canonical(names, {other: name_articles[(label, other)] for other in names})
        placed = [node for node in nodes_of if nodes[node].place is not None]
        anchor, specific = _anchor(nodes, [node for node in placed if nodes[node].name == name] or placed, first_seen)
        bases[label] = (f"{name.replace(' ', '-')}@{anchor}", specific)
    solos = {label for label, nodes_of in members.items() if nodes[nodes_of[0]].solo}
    key_of = _unique_keys(frame, bases, solos)
    written = _written_names(frame, canonical)
    return key_of, {key_of[label]: written[label] for label in members}


def _canonical(names: list[str], articles: dict[str, int]) -> str:
    words = {name: tuple(name.split()) for name in names}
    full = [name for name in names if not any(is_short_form(words[name], words[other]) for other in names)] or names
    return min(full, key=lambda name: (-articles[name], -len(words[name]), -len(name), name))


def _anchor(nodes: list[Node], placed: list[int], first_seen: list[str]) -> tuple[str, str]:
    """The root of the places seen first (then in the most articles), and the most specific place in it."""
    by_root: dict[str, list[int]] = defaultdict(list)
    for node in placed:
        by_root[root(str(nodes[node].place))].append(node)
    if not by_root:
        return "", ""

    def order(candidate: str) -> tuple[str, int, str]:
        members = by_root[candidate]
        return min(first_seen[node] for node in members), -sum(nodes[node].articles for node in members), candidate

    anchor = min(by_root, key=order)
    specific = min((str(nodes[node].place) for node in by_root[anchor]), key=lambda place: (-depth(place), place))
    return anchor, specific


def _written_names(frame: pd.DataFrame, canonical: dict[int, str]) -> dict[int, str]:
    """The canonical name of each cluster as it is most often written (then the first in sort order)."""
    counts = frame.groupby(["cluster", "norm", "name"], sort=True).size()
    written: dict[int, str] = {}
    best: dict[int, int] = {}
    for (label, norm, name), count in counts.items():
        if norm == canonical[label] and count > best.get(label, 0):
            written[label], best[label] = name, count
    return written


def _unique_keys(frame: pd.DataFrame, bases: dict[int, tuple[str, str]], solos: set[int]) -> dict[int, str]:
    first_mention = frame.groupby("cluster")["mention_id"].min().to_dict()
    key_of = {label: f"{base}~{_digest(first_mention[label])}" for label, (base, _) in bases.items() if label in solos}
    sharing: dict[str, list[int]] = defaultdict(list)
    for label, (base, _) in bases.items():
        if label not in solos:
            sharing[base].append(label)
    for base, labels in sharing.items():
        if len(labels) == 1:
            key_of[labels[0]] = base
            continue
        by_place: dict[str, list[int]] = defaultdict(list)
        for label in labels:
            by_place[f"{base}/{bases[label][1]}"].append(label)
        for key, same in by_place.items():
            for label in same:
                key_of[label] = key if len(same) == 1 else f"{key}~{_digest(first_mention[label])}"
    return key_of


def _digest(mention_id: str) -> str:
    return hashlib.blake2b(mention_id.encode("utf-8", errors="surrogatepass"), digest_size=6).hexdigest()
