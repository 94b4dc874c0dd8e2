"""Lexicons: the language data of the pipeline, kept as data files next to this module.

Two formats, both UTF-8, `#` starting a comment line, blank lines ignored:

- `*.txt`: one entry per line.
- `*.tsv`: a header line naming the columns, then one row per line, tab separated.

Entries are sorted (case-insensitively, by the first column) and unique; a test checks
it. Each file is read once per process. `README.md` in this folder says where each
list comes from.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def _data_lines(name: str) -> list[str]:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def read_list(name: str) -> tuple[str, ...]:
    """Entries of a `.txt` lexicon, in file order."""
    return tuple(line.strip() for line in _data_lines(name))


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a `.tsv` lexicon as dicts keyed by the header's column names.

    Empty cells are empty strings; a row with the wrong number of cells is an error.
    """
    header, *rows = _data_lines(name)
    columns = header.split("\t")
    table = []
    for number, row in enumerate(rows, start=2):
        cells = row.split("\t")
        if len(cells) != len(columns):
            raise ValueError(f"{name}: row {number} has {len(cells)} cells, the header {len(columns)}: {row!r}")
        table.append(dict(zip(columns, (cell.strip() for cell in cells), strict=True)))
    return tuple(table)


def lexicon_names() -> list[str]:
    """Every lexicon file shipped with the package."""
    return sorted(entry.name for entry in resources.files(__name__).iterdir() if entry.name.endswith((".txt", ".tsv")))
