"""Hostile inputs a scrape gives: raw line separators in JSON Lines, HTML trafilatura cannot read,
and inputs over `--max-chars`."""

from __future__ import annotations

import json

import pytest

from pipeline.ingest import Article, InputFailure, InputFile, iter_articles, read_file

LEAD = "Bupati Sukamaju, Hendra Wijaya, meninjau Bendungan Cilaki di Desa Mekarsari, Kamis (9/10/2025)."
SECOND = "Ia meminta warga menjaga saluran irigasi agar tidak tersumbat sampah."

#: Characters `str.splitlines` takes for line ends that a JSON string may hold unescaped.
SEPARATORS = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]


def _raw_line(doc_id: str, text: str) -> str:
    """A JSON object with the separators of `text` written raw, as many exporters write them."""
    line = json.dumps({"id": doc_id, "text": text}, ensure_ascii=False)
    for separator in SEPARATORS:
        line = line.replace(json.dumps(separator)[1:-1], separator)
    return line


@pytest.mark.parametrize("separator", SEPARATORS, ids=[f"U+{ord(s):04X}" for s in SEPARATORS])
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_json_lines_split_only_at_newlines(tmp_path, separator, newline):
    first = _raw_line("bendungan", LEAD + separator + SECOND)
    assert separator in first
    second = json.dumps({"id": "irigasi", "text": SECOND})
    (tmp_path / "rilis.jsonl").write_text(first + newline + second + newline, encoding="utf-8", newline="")
    items = list(iter_articles([tmp_path]))
    assert [type(item) for item in items] == [Article, Article]
    bendungan, irigasi = items
    assert (bendungan.doc_id, bendungan.source.line) == ("bendungan", 1)
    assert (irigasi.doc_id, irigasi.source.line) == ("irigasi", 2)
    # the separator is a line break of the article text
    assert bendungan.text == LEAD + "\n" + SECOND
    assert irigasi.text == SECOND


def test_json_lines_with_every_separator_keep_every_record(tmp_path):
    lines = [_raw_line(f"r{i}", LEAD + separator + SECOND) for i, separator in enumerate(SEPARATORS)]
    (tmp_path / "campur.jsonl").write_text("\r\n".join(lines) + "\n\n", encoding="utf-8", newline="")
    items = list(iter_articles([tmp_path]))
    assert [(item.doc_id, item.source.line) for item in items if isinstance(item, Article)] == [
        (f"r{i}", i + 1) for i in range(8)
    ]
    assert not [item for item in items if isinstance(item, InputFailure)]


def test_a_json_file_may_hold_raw_control_characters_in_strings(tmp_path):
    (tmp_path / "satu.json").write_text('{"text": "' + LEAD + "\x0b" + SECOND + '"}', encoding="utf-8")
    (article,) = read_file(InputFile(tmp_path / "satu.json", "satu"))
    assert article.text == LEAD + "\n" + SECOND


def test_a_lone_carriage_return_does_not_end_a_json_line(tmp_path):
    """Only `\\n` ends a record: two objects joined by a bare `\\r` are one invalid line."""
    (tmp_path / "mac.jsonl").write_text(
        json.dumps({"text": LEAD}) + "\r" + json.dumps({"text": SECOND}) + "\n", encoding="utf-8", newline=""
    )
    (failure,) = iter_articles([tmp_path])
    assert isinstance(failure, InputFailure)
    assert (failure.error, failure.line, failure.doc_id) == ("invalid_json", 1, "mac#1")
