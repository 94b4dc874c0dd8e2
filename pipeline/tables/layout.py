"""Where the Parquet tables of an output folder live: two layouts, one table of records each.

- `files`: one file per table, `OUT/<table>.parquet` (the default).
- `dataset`: a folder per table, `OUT/tables/<table>/part-00000.parquet` …, each part
  holding `GROUPS_PER_PART` row groups (10,000 records), in doc_id order. A folder that
  `pandas.read_parquet`, `dask.dataframe.read_parquet`, DuckDB and Spark read as one
  table; temporary files start with a dot, which they skip.

Every file carries the metadata it is given (the hash of the `records.jsonl` it was
made from) and is replaced atomically. A folder holds one layout: writing one removes
the other's files. A run stopped while writing leaves parts of two runs, which `read`
reports (their hashes differ) and the next run rewrites.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.sinks import atomic_path

FILES = "files"
DATASET = "dataset"
LAYOUTS = (FILES, DATASET)
#: The folder of the `dataset` layout in an output folder.
DATASET_DIR = "tables"
#: Row groups per part file of the `dataset` layout.
GROUPS_PER_PART = 20


def table_files(out: Path, name: str, layout: str) -> list[Path]:
    """The files of a table present in `out`, in order."""
    if layout == FILES:
        path = out / f"{name}.parquet"
        return [path] if path.is_file() else []
    return sorted((out / DATASET_DIR / name).glob("part-*.parquet"))


def is_current(out: Path, names: Iterable[str], layout: str, groups: int, metadata: dict[bytes, bytes]) -> bool:
    """True when every table has exactly the files `write` makes of `groups` row groups, each
    with `metadata`."""
    for name in names:
        paths = table_files(out, name, layout)
        if paths != _paths(out, name, layout, _parts(layout, groups)):
            return False
        for path in paths:
            found = file_metadata(path)
            if found is None or any(found.get(key) != value for key, value in metadata.items()):
                return False
    return True


def write(
    out: Path, schemas: dict[str, pa.Schema], layout: str, row_groups: Iterable[dict[str, pa.Table]], groups: int
) -> None:
    """Write the tables from `row_groups` (`groups` of them: one Arrow table per table name
    each), then remove what is left of the other layout and of a larger earlier dataset."""
    parts = _parts(layout, groups)
    iterator = iter(row_groups)
    for part in range(parts):
        with ExitStack() as stack:
            writers = {}
            for name, schema in schemas.items():
                path = stack.enter_context(atomic_path(_part_path(out, name, layout, part)))
                writers[name] = stack.enter_context(pq.ParquetWriter(path, schema))
            for tables in itertools.islice(iterator, groups if layout == FILES else GROUPS_PER_PART):
                for name, writer in writers.items():
                    writer.write_table(tables[name])
    remove_stale(out, schemas, layout, groups)


def remove_stale(out: Path, names: Iterable[str], layout: str, groups: int) -> None:
    """Remove the files of the tables that `write` of `groups` row groups in `layout` does not
    make: the other layout's, and the parts of a larger earlier dataset."""
    for name in names:
        keep = set(_paths(out, name, layout, _parts(layout, groups)))
        for path in [*table_files(out, name, FILES), *table_files(out, name, DATASET)]:
            if path not in keep:
                path.unlink(missing_ok=True)
        _remove_empty(out / DATASET_DIR / name)
    _remove_empty(out / DATASET_DIR)


def present_layout(folder: Path, names: Iterable[str]) -> str:
    """The layout of the tables in `folder` (`files` when there are none). Raises `ValueError`
    when both are there (a run stopped while changing the layout)."""
    names = list(names)
    found = [layout for layout in LAYOUTS if any(table_files(folder, name, layout) for name in names)]
    if len(found) > 1:
        raise ValueError(f"{folder} holds tables in both layouts: re-run the extract command")
    return found[0] if found else FILES


def read(folder: Path, name: str, layout: str, key: bytes) -> tuple[pa.Table, set[bytes | None]]:
    """A table (its parts concatenated) and the values of `key` in the metadata of its files."""
    paths = table_files(folder, name, layout)
    if not paths:
        wanted = folder / f"{name}.parquet" if layout == FILES else folder / DATASET_DIR / name / "part-*.parquet"
        raise FileNotFoundError(f"no {wanted}: run `python -m pipeline extract ... --out {folder}` first")
    tables = [pq.read_table(path) for path in paths]
    return pa.concat_tables(tables), {(table.schema.metadata or {}).get(key) for table in tables}


def file_metadata(path: Path) -> dict[bytes, bytes] | None:
    """The schema metadata of a Parquet file, or None when it is not one."""
    if not path.is_file():
        return None
    try:
        return pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowInvalid):
        return None


def temporary_files(out: Path) -> Iterator[Path]:
    """The temporary files that a killed run may have left in the `dataset` layout."""
    return (out / DATASET_DIR).glob("*/.*.tmp")


def _parts(layout: str, groups: int) -> int:
    return 1 if layout == FILES else max(1, -(-groups // GROUPS_PER_PART))


def _paths(out: Path, name: str, layout: str, parts: int) -> list[Path]:
    return [_part_path(out, name, layout, number) for number in range(parts)]


def _part_path(out: Path, name: str, layout: str, number: int) -> Path:
    if layout == FILES:
        return out / f"{name}.parquet"
    return out / DATASET_DIR / name / f"part-{number:05d}.parquet"


def _remove_empty(folder: Path) -> None:
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
