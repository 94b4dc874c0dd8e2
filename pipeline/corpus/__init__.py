"""The corpus-level people index: one person, one key, across every article of a run.

Each record numbers its people afresh (`P1`, `P2` …); this package links them across
records. The flow, one module per step:

- `names`: name normalisation, places (Kemendagri codes or bodies) and their roots;
- `people`: mentions (rows of `officials` and `persons` with their article's date and
  region) -> nodes -> clusters (`merge`: the merging rules, blocked by root and name) ->
  the stable `person_key` of each cluster;
- `table`: the people table, one row per key;
- `files`: `people.parquet` and the `person_key` column of `officials`, `persons` and
  `quotes`, made from the tables a run wrote (`pipeline.tables` calls it).

The result is a function of the set of mentions only: the same corpus gives the same
keys and the same bytes, whatever the order of its articles or the runs that made it.
"""

from __future__ import annotations

from pipeline.corpus.files import PEOPLE_VERSION, people_current, write_people
from pipeline.corpus.people import MENTION_COLUMNS, mentions_from_tables
from pipeline.corpus.table import KINDS, SCHEMA, build_people

__all__ = [
    "KINDS",
    "MENTION_COLUMNS",
    "PEOPLE_VERSION",
    "SCHEMA",
    "build_people",
    "mentions_from_tables",
    "people_current",
    "write_people",
]
