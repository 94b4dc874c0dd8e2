"""The title of a plain-text article from its first line, when that line reads as a headline."""

from __future__ import annotations

import pytest

from pipeline.ingest import InputFailure, iter_articles
from pipeline.ingest.headline import headline_title

BODY = "WANAREJA – Bupati Wanareja, Rudi Hartawan, meresmikan Pasar Cendana, Senin (6/10/2025)."


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"Bupati Resmikan Pasar Cendana\n\n{BODY}", "Bupati Resmikan Pasar Cendana"),
        (f"# Bupati Resmikan Pasar Cendana\n\n{BODY}", "Bupati Resmikan Pasar Cendana"),
        (f"Siapkah Wanareja Hadapi Musim Hujan?\n\n{BODY}", "Siapkah Wanareja Hadapi Musim Hujan?"),
        (f"\nBupati Resmikan Pasar Cendana\n\n{BODY}", "Bupati Resmikan Pasar Cendana"),
    ],
)
def test_a_headline_line_is_the_title(text, title):
    assert headline_title(text) == title


@pytest.mark.parametrize(
    "text",
    [
        BODY,  # a dateline line, no blank line after it
        f"{BODY}\n\nWarga menyambut gembira.",  # a dateline and a final full stop
        "Wanareja, Humas – Bupati meresmikan pasar\n\nWarga menyambut gembira.",  # a dateline
        "WANAREJA,- Bupati meresmikan pasar\n\nWarga menyambut gembira.",  # a dateline glued to a dash
        f"Bupati Resmikan Pasar Cendana\n{BODY}",  # no blank line after it
        f"Bupati meresmikan pasar di Wanareja, kemarin:\n\n{BODY}",  # ends as prose
        f"Pasar\n\n{BODY}",  # one word
        " ".join(["kata"] * 21) + f"\n\n{BODY}",  # too long
        "Bupati Resmikan Pasar Cendana\n\n",  # nothing after it
    ],
)
def test_other_first_lines_are_no_title(text):
    assert headline_title(text) is None


def _only(folder):
    items = list(iter_articles([folder]))
    assert not [item for item in items if isinstance(item, InputFailure)]
    return items


def test_a_txt_file_takes_its_headline_as_title(tmp_path):
    (tmp_path / "rilis.txt").write_text(f"Bupati Resmikan Pasar Cendana\n\n{BODY}", encoding="utf-8")
    (article,) = _only(tmp_path)
    assert article.source.title == "Bupati Resmikan Pasar Cendana"
    assert article.text.startswith("Bupati Resmikan Pasar Cendana\n\n")


def test_front_matter_title_wins_over_the_headline(tmp_path):
    text = f"---\ntitle: Pasar Cendana Diresmikan\n---\nBupati Resmikan Pasar Cendana\n\n{BODY}"
    (tmp_path / "rilis.md").write_text(text, encoding="utf-8")
    (article,) = _only(tmp_path)
    assert article.source.title == "Pasar Cendana Diresmikan"


def test_a_photo_caption_before_the_text_is_no_title(tmp_path):
    caption = "Bupati Rudi Hartawan meninjau Pasar Cendana. (Foto: Humas)"
    (tmp_path / "rilis.txt").write_text(f"{caption}\n\n{BODY}", encoding="utf-8")
    (article,) = _only(tmp_path)
    assert article.source.title is None


def test_a_txt_file_without_a_headline_has_no_title(tmp_path):
    (tmp_path / "rilis.txt").write_text(f"{BODY}\n\nWarga menyambut gembira.", encoding="utf-8")
    (article,) = _only(tmp_path)
    assert article.source.title is None
