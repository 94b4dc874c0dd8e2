"""Datelines: the place and outlet before the opening dash."""

from __future__ import annotations

import pytest

from pipeline.nlp import make_doc
from pipeline.stages.dateline import extract_dateline

BODY = "Pemerintah Kabupaten Sukamaju menggelar rapat koordinasi penanganan banjir bersama camat se-kabupaten."


@pytest.mark.parametrize(
    ("opening", "text", "place", "outlet"),
    [
        ("Sukamaju – ", "Sukamaju –", "Sukamaju", None),
        ("SUKAMAJU (humas) – ", "SUKAMAJU (humas) –", "Sukamaju", "humas"),
        ("LEMBAH HIJAU — ", "LEMBAH HIJAU —", "Lembah Hijau", None),
        ("JAKARTA, NUSAPOS — ", "JAKARTA, NUSAPOS —", "Jakarta", "NUSAPOS"),
        ("Sawahlunto, 3 Juli 2025 — ", "Sawahlunto, 3 Juli 2025 —", "Sawahlunto", None),
        ("MALANGKOTA (SurabayaPost.id) – ", "MALANGKOTA (SurabayaPost.id) –", "Malangkota", "SurabayaPost.id"),
        ("berita.sukamajukab.go.id – ", "berita.sukamajukab.go.id –", None, "berita.sukamajukab.go.id"),
        ("Sukamaju - ", "Sukamaju -", "Sukamaju", None),
    ],
)
def test_dateline_forms(nlp, opening, text, place, outlet):
    dateline = extract_dateline(make_doc(nlp, opening + BODY))
    assert dateline is not None
    assert (dateline.text, dateline.start, dateline.place, dateline.outlet) == (text, 0, place, outlet)


def test_dateline_after_a_title_line(nlp):
    text = "Bupati Sukamaju Buka Festival Durian\nSUKAMAJU – " + BODY
    dateline = extract_dateline(make_doc(nlp, text))
    assert dateline is not None
    assert (dateline.text, dateline.start, dateline.place) == ("SUKAMAJU –", 37, "Sukamaju")


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "Bupati Sukamaju – Buka Festival\n" + BODY,
        "Baca Juga – " + BODY,
    ],
)
def test_no_dateline(nlp, text):
    assert extract_dateline(make_doc(nlp, text)) is None
