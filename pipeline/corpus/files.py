"""`people.parquet` and the `person_key` columns, made from the tables of a run.

After the record tables are written, `write_people` reads the person columns of
`officials` and `persons` and the dates of `articles`, builds the people table, writes the
`person_key` of every row of `officials`, `persons` and `quotes` (a quote's is its
speaker's) and then `people.parquet`. Each table may be one file or several (a partitioned
layout); each file keeps its row groups and is replaced atomically, and `people.parquet`,
written last, carries the metadata of the run it was made from, so `people_current` tells
whether the step is done. The step never reads `records.jsonl`: a run that only needs a
new people table (an interrupted run, a new version of the merging rules) rebuilds it
from the tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.corpus.people import mentions_from_tables
from pipeline.corpus.table import build_people
from pipeline.sinks import atomic_path

#: Bumped when the merging rules or the people table change, so that people tables of an older version are rebuilt.
PEOPLE_VERSION = "1"
PEOPLE_VERSION_KEY = b"warta.people_version"
PERSON_KEY = "person_key"

_OFFICIAL_COLUMNS = ["doc_id", "person_id", "name", "role", "jurisdiction", "jurisdiction_code"]
_PERSON_COLUMNS = ["doc_id", "person_id", "name"]
_ARTICLE_COLUMNS = ["doc_id", "published", "event_date", "event_region_code"]

TableFiles = Mapping[str, Sequence[Path]]


def people_current(path: Path, metadata: Mapping[bytes, bytes]) -> bool:
    """True when `path` is a people table made from the run that `metadata` (of the other tables) describes."""
    if not path.is_file():
        return False
    try:
        stored = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowInvalid):
        return False
    return stored == _people_metadata(metadata)


def write_people(tables: TableFiles, path: Path, metadata: Mapping[bytes, bytes]) -> None:
    """Fill the `person_key` column of the `officials`, `persons` and `quotes` files of `tables`
    (table name -> its Parquet files, in order) and write the people table to `path`."""
    officials = _read(tables["officials"], _OFFICIAL_COLUMNS)
    persons = _read(tables["persons"], _PERSON_COLUMNS)
    mentions = mentions_from_tables(officials, persons, _read(tables["articles"], _ARTICLE_COLUMNS))
    people, keys = build_people(mentions)
    _write_keys(tables["officials"], keys.iloc[: len(officials)])
    _write_keys(tables["persons"], keys.iloc[len(officials) :])
    speakers = _read(tables["quotes"], ["doc_id", "speaker_id"])
    known = pd.DataFrame({"doc_id": mentions["doc_id"], "speaker_id": mentions["person_id"], PERSON_KEY: keys})
    _write_keys(tables["quotes"], speakers.merge(known, on=["doc_id", "speaker_id"], how="left")[PERSON_KEY])
    with atomic_path(path) as temporary:
        pq.write_table(people.replace_schema_metadata(_people_metadata(metadata)), temporary)


def _people_metadata(metadata: Mapping[bytes, bytes]) -> dict[bytes, bytes]:
    return {**metadata, PEOPLE_VERSION_KEY: PEOPLE_VERSION.encode()}


def _read(paths: Sequence[Path], columns: list[str]) -> pd.DataFrame:
    parts = [pq.read_table(path, columns=columns) for path in paths]
    return pa.concat_tables(parts).to_pandas(date_as_object=False)


def _write_keys(paths: Sequence[Path], keys: pd.Series) -> None:
    """Replace the `person_key` column of each file with its slice of `keys` (rows of all files, in order)."""
    values = pa.array(keys.to_numpy(dtype=object), type=pa.string(), from_pandas=True)
    offset = 0
    for path in paths:
        with pq.ParquetFile(path) as source, atomic_path(path) as temporary:
            schema = source.schema_arrow
            column = schema.get_field_index(PERSON_KEY)
            with pq.ParquetWriter(temporary, schema) as writer:
                for group in range(source.num_row_groups):
                    rows = source.read_row_group(group)
                    writer.write_table(
                        rows.set_column(column, schema.field(column), values.slice(offset, rows.num_rows))
                    )
                    offset += rows.num_rows
