"""warta: structured, validated event records from Indonesian government press releases."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from pipeline.tables import Tables

__version__ = "0.1.0"


def load(directory: str | Path) -> Tables:
    """The Parquet tables of an output folder of `python -m pipeline extract` as pandas DataFrames:
    `articles`, `officials`, `persons`, `quotes`, `places`, `dates` (see `pipeline.tables`)."""
    from pipeline.tables import load as load_tables  # pandas and pyarrow only when asked for

    return load_tables(directory)
