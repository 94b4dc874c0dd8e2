"""Datelines in the forms real sites use: a site tag after a comma, a comma before the dash,
and a unit or site tag in the dateline's position, which is no dateline."""

from __future__ import annotations

import pytest

from pipeline.nlp import make_doc
from pipeline.stages.dateline import extract_dateline

BODY = "Pemerintah Kabupaten Sukamaju menggelar rapat koordinasi penanganan banjir bersama camat se-kabupaten."


@pytest.mark.parametrize(
    ("opening", "text", "place", "outlet"),
    [
        (
            "Sukamaju, humas.sukamajukab.go.id – ",
            "Sukamaju, humas.sukamajukab.go.id –",
            "Sukamaju",
            "humas.sukamajukab.go.id",
        ),
        ("SUKAMAJU, – ", "SUKAMAJU, –", "Sukamaju", None),
        ("Lembah Hijau, Humas - ", "Lembah Hijau, Humas -", "Lembah Hijau", "Humas"),
    ],
)
def test_site_tag_and_comma_before_the_dash(nlp, opening, text, place, outlet):
    dateline = extract_dateline(make_doc(nlp, opening + BODY))
    assert dateline is not None
    assert (dateline.text, dateline.start, dateline.place, dateline.outlet) == (text, 0, place, outlet)


@pytest.mark.parametrize("opening", ["POLDA SUKAMAJU - ", "Dinas Kominfo Kab. Sukamaju – ", "Polres Lembah Hijau – "])
def test_unit_tag_is_no_dateline(nlp, opening):
    assert extract_dateline(make_doc(nlp, opening + BODY)) is None


def test_a_city_name_with_lower_case_later_words_is_a_dateline(extract):
    record = extract(
        "Bandar lampung- Kepala Dinas Perhubungan menghadiri rapat koordinasi angkutan lebaran di lingkungan "
        "pemerintah provinsi, Kamis (13/3/2025)."
    )
    assert record.dateline is not None
    assert (record.dateline.place, record.dateline.text) == ("Bandar Lampung", "Bandar lampung-")


def test_lower_case_words_that_name_no_region_are_no_dateline(extract):
    record = extract(
        "Rapat tahunan- Kepala Dinas Perhubungan menghadiri rapat koordinasi angkutan lebaran di lingkungan "
        "pemerintah provinsi, Kamis (13/3/2025)."
    )
    assert record.dateline is None


@pytest.mark.parametrize("opening", ["Kominfo- ", "KPU Sukamaju – ", "Prokopim - "])
def test_a_unit_tag_glued_to_its_dash_is_no_dateline(nlp, opening):
    assert extract_dateline(make_doc(nlp, opening + BODY)) is None


def test_a_web_address_written_with_capitals_is_the_outlet_not_a_place(nlp):
    dateline = extract_dateline(make_doc(nlp, "Beritawarga.sukamajukab.go.id – " + BODY))
    assert dateline is not None
    assert (dateline.text, dateline.place, dateline.outlet) == (
        "Beritawarga.sukamajukab.go.id –",
        None,
        "Beritawarga.sukamajukab.go.id",
    )


def test_a_place_and_source_before_a_triple_dash(nlp):
    dateline = extract_dateline(make_doc(nlp, "Sukamaju (Humas) --- " + BODY))
    assert dateline is not None
    assert (dateline.text, dateline.place, dateline.outlet) == ("Sukamaju (Humas) ---", "Sukamaju", "Humas")
