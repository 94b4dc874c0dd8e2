"""Every lexicon parses, and its entries are sorted and unique."""

from __future__ import annotations

import re

import pytest

from pipeline.lexicons import lexicon_names, read_list, read_table

NAMES = lexicon_names()


def _rows(name: str) -> list[str]:
    if name.endswith(".tsv"):
        return ["\t".join(row.values()) for row in read_table(name)]
    return list(read_list(name))


def test_the_package_ships_lexicons():
    assert {"abbreviations.tsv", "boilerplate.tsv", "months.tsv", "weekdays.tsv"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_lexicon_is_sorted_and_unique(name):
    rows = _rows(name)
    assert rows, f"{name} is empty"
    assert len(rows) == len(set(rows)), f"{name} has duplicate rows"
    first_column = [row.split("\t")[0].casefold() for row in rows]
    assert first_column == sorted(first_column), f"{name} is not sorted by its first column"


def test_boilerplate_patterns_compile():
    for row in read_table("boilerplate.tsv"):
        re.compile(row["pattern"])


def test_a_row_with_a_missing_cell_is_an_error(tmp_path, monkeypatch):
    import pipeline.lexicons as lexicons

    monkeypatch.setattr(lexicons, "_data_lines", lambda name: ["a\tb", "only-one"])
    lexicons.read_table.cache_clear()
    try:
        with pytest.raises(ValueError, match="row 2 has 1 cells"):
            lexicons.read_table("broken.tsv")
    finally:
        lexicons.read_table.cache_clear()


def test_every_lexicon_is_described_in_the_readme():
    from importlib import resources

    readme = resources.files("pipeline.lexicons").joinpath("README.md").read_text(encoding="utf-8")
    missing = [name for name in NAMES if f"| `{name}` |" not in readme]
    assert not missing, f"lexicons without a row in pipeline/lexicons/README.md: {missing}"
