"""The people table: one row per person key, from the mentions and their keys.

Columns: `person_key`; `name` (canonical, as written); `kind` (`official` when any mention
is an official, else `person`); `variants` (every name seen, sorted); `articles`;
`first_seen` and `last_seen` (dates of the articles); `roles` (one entry per role and
jurisdiction) and `jurisdictions` (one per jurisdiction), each with `first_seen`,
`last_seen` and `articles`, in date order. Rows are sorted by `person_key`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pandas as pd
import pyarrow as pa

from pipeline.corpus.people import identify

KINDS = ("official", "person")

_SPAN_FIELDS = [
    pa.field("first_seen", pa.date32()),
    pa.field("last_seen", pa.date32()),
    pa.field("articles", pa.int32(), nullable=False),
]
_JURISDICTION_FIELDS = [pa.field("jurisdiction", pa.string()), pa.field("jurisdiction_code", pa.string())]
ROLE = pa.struct([pa.field("role", pa.string(), nullable=False), *_JURISDICTION_FIELDS, *_SPAN_FIELDS])
JURISDICTION = pa.struct([*_JURISDICTION_FIELDS, *_SPAN_FIELDS])
SCHEMA = pa.schema(
    [
        pa.field("person_key", pa.string(), nullable=False),
        pa.field("name", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("variants", pa.list_(pa.string()), nullable=False),
        pa.field("articles", pa.int32(), nullable=False),
        pa.field("first_seen", pa.date32()),
        pa.field("last_seen", pa.date32()),
        pa.field("roles", pa.list_(ROLE), nullable=False),
        pa.field("jurisdictions", pa.list_(JURISDICTION), nullable=False),
    ]
)


def build_people(mentions: pd.DataFrame) -> tuple[pa.Table, pd.Series]:
    """The people table of a mention frame (`mentions_from_tables`), and the key of each mention."""
    identities = identify(mentions)
    frame = mentions.assign(person_key=identities.keys)
    summary = frame.groupby("person_key", sort=True).agg(
        articles=("doc_id", "nunique"), first_seen=("date", "min"), last_seen=("date", "max")
    )
    keys = summary.index.tolist()
    official = frame["kind"].eq("official")
    roles = _spells(frame[official & frame["role"].notna()], ["role", "jurisdiction", "jurisdiction_code"])
    placed = official & (frame["jurisdiction"].notna() | frame["jurisdiction_code"].notna())
    jurisdictions = _spells(frame[placed], ["jurisdiction", "jurisdiction_code"])
    variants = frame[["person_key", "name"]].drop_duplicates().sort_values(["person_key", "name"])
    is_official = official.groupby(frame["person_key"]).any().reindex(keys)
    table = pa.table(
        {
            "person_key": keys,
            "name": [identities.names[key] for key in keys],
            "kind": [KINDS[0] if value else KINDS[1] for value in is_official],
            "variants": variants.groupby("person_key", sort=True)["name"].agg(list).reindex(keys).tolist(),
            "articles": summary["articles"].tolist(),
            "first_seen": _dates(summary["first_seen"]),
            "last_seen": _dates(summary["last_seen"]),
            "roles": [roles.get(key, []) for key in keys],
            "jurisdictions": [jurisdictions.get(key, []) for key in keys],
        },
        schema=SCHEMA,
    )
    return table, identities.keys


def _spells(frame: pd.DataFrame, columns: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Per key, one entry per distinct value of `columns`, with its dates and articles, in date order."""
    grouped = (
        frame.groupby(["person_key", *columns], sort=True, dropna=False)
        .agg(first_seen=("date", "min"), last_seen=("date", "max"), articles=("doc_id", "nunique"))
        .reset_index()
        .sort_values(["person_key", "first_seen", "last_seen", *columns], na_position="last", kind="stable")
    )
    spells: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in grouped.to_dict("records"):
        key = row.pop("person_key")
        spells[key].append({name: _plain(value) for name, value in row.items()})
    return spells


def _plain(value: Any) -> Any:
    """A pandas value as Arrow takes it: None for missing, dates as `datetime.date`."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    return value.date() if isinstance(value, pd.Timestamp) else value


def _dates(values: pd.Series) -> list[Any]:
    return [_plain(value) for value in values]
