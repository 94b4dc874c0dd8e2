"""Places: regions linked to the gazetteer, venues with their region, the event's place and region."""

from __future__ import annotations

import pytest

from pipeline.ingest import article_from_text
from pipeline.nlp import make_doc
from pipeline.stages.dateline import extract_dateline
from pipeline.stages.events.where import choose_event_place
from pipeline.stages.places import extract_places
from pipeline.state import Entities
from pipeline.tokens import tokens_of


def _places(nlp, text: str, url: str | None = None):
    doc = make_doc(nlp, article_from_text(text, doc_id="t").text)
    return doc, extract_places(doc, dateline=extract_dateline(doc), url=url, entities=Entities())


@pytest.mark.parametrize(
    ("text", "mention", "name", "level", "code"),
    [
        ("Banjir melanda Kota Malang semalam.", "Kota Malang", "Kota Malang", "city", "35.73"),
        ("Banjir melanda Kabupaten Malang semalam.", "Kabupaten Malang", "Kabupaten Malang", "regency", "35.07"),
        ("Banjir melanda Kab. Garut semalam.", "Kab. Garut", "Kabupaten Garut", "regency", "32.05"),
        ("Banjir melanda Provinsi Jawa Barat.", "Provinsi Jawa Barat", "Provinsi Jawa Barat", "province", "32"),
        ("Gempa terasa di Sulsel pagi tadi.", "Sulsel", "Provinsi Sulawesi Selatan", "province", "73"),
        ("Bantuan tiba di Jatim pagi tadi.", "Jatim", "Provinsi Jawa Timur", "province", "35"),
        (
            "Longsor terjadi di Kecamatan Cugenang pagi tadi.",
            "Kecamatan Cugenang",
            "Kecamatan Cugenang",
            "district",
            "32.03.11",
        ),
        ("Panen raya di Kapanewon Ngaglik.", "Kapanewon Ngaglik", "Kapanewon Ngaglik", "district", "34.04.12"),
        ("Pasar baru di Kec. Lowokwaru ramai.", "Kec. Lowokwaru", "Kecamatan Lowokwaru", "district", "35.73.05"),
        ("Warga Distrik Abepura menerima bantuan.", "Distrik Abepura", "Distrik Abepura", "district", "91.71.03"),
    ],
)
def test_regions_with_their_unit(nlp, text, mention, name, level, code):
    _, result = _places(nlp, text)
    assert [(p.text, p.name, p.level.value, p.code) for p in result.places] == [(mention, name, level, code)]


def test_a_village_is_resolved_inside_the_district_the_text_names(nlp):
    _, result = _places(nlp, "Bantuan disalurkan di Desa Sukamanah, Kecamatan Cugenang, Kabupaten Cianjur.")
    village = result.places[0]
    assert (village.text, village.name, village.code, village.region, village.region_code) == (
        "Desa Sukamanah",
        "Desa Sukamanah",
        "32.03.11.2001",
        "Kabupaten Cianjur",
        "32.03",
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nagari Malalak Timur di Kecamatan Malalak terisolasi.", "Nagari Malalak Timur"),
        ("Warga Kalurahan Sardonoharjo di Kapanewon Ngaglik berkumpul.", "Kalurahan Sardonoharjo"),
    ],
)
def test_village_units_follow_the_regional_naming(nlp, text, name):
    _, result = _places(nlp, text)
    assert result.places[0].name == name


def test_a_bare_name_of_a_kabupaten_and_a_kota_is_read_from_the_words_before_it(nlp):
    _, result = _places(nlp, "Pemkab Malang dan Pemkot Malang sepakat. Wali Kota Malang hadir.")
    assert [(p.text, p.name) for p in result.places if p.rule == "region_bare"] == [
        ("Malang", "Kabupaten Malang"),
        ("Malang", "Kota Malang"),
    ]


def test_venues_are_linked_to_their_region(nlp):
    text = (
        "Rapat digelar di Ruang Rapat Setda Kota Salatiga. Peresmian di Gedung DPRD Deli Serdang. "
        "Upacara di Halaman Kantor Gubernur Jawa Tengah. Pasar Rakyat Sukamaju di Kapanewon Ngaglik dibuka."
    )
    _, result = _places(nlp, text)
    assert [(p.name, p.region, p.region_code) for p in result.places if p.level.value == "venue"] == [
        ("Ruang Rapat Setda Kota Salatiga", "Kota Salatiga", "33.73"),
        ("Gedung DPRD Deli Serdang", "Kabupaten Deli Serdang", "12.07"),
        ("Halaman Kantor Gubernur Jawa Tengah", "Kota Semarang", "33.74"),
        ("Pasar Rakyat Sukamaju", "Kabupaten Sleman", "34.04"),
    ]


def test_home_region_from_the_publisher_url(nlp):
    _, result = _places(nlp, "Rapat digelar di aula.", url="https://garutkab.go.id/berita/rapat")
    assert result.home is not None and (result.home.name, result.home.code) == ("Kabupaten Garut", "32.05")


def test_home_region_from_the_lead(nlp):
    _, result = _places(nlp, "Pemerintah Kota Parepare menggelar rapat di aula kantor wali kota.")
    assert result.home is not None and result.home.name == "Kota Parepare"


@pytest.mark.parametrize(
    ("text", "place", "region"),
    [
        (
            "SERANG – Rombongan Pemkot Serang berkunjung ke Pemerintah Kota Malang, Senin (6/10/2025). "
            "Rombongan disambut di Balai Kota Malang.\n\nSebelumnya rombongan singgah di Pendopo Kabupaten Pasuruan.",
            "Balai Kota Malang",
            "Kota Malang",
        ),
        (
            "LUBUK BASUNG – Wakil Bupati meninjau longsor di Nagari Malalak Timur, Kecamatan Malalak, Selasa (4/11).",
            "Nagari Malalak Timur",
            "Kabupaten Agam",
        ),
        (
            "MAKASSAR – Gubernur melantik pejabat di Ruang Pola Kantor Gubernur Sulsel, Jumat (3/10/2025).",
            "Ruang Pola Kantor Gubernur Sulsel",
            "Kota Makassar",
        ),
        ("GARUT – Bupati memimpin rapat koordinasi inflasi, Selasa (14/10/2025).", None, "Kabupaten Garut"),
    ],
)
def test_event_place_and_region(nlp, text, place, region):
    doc, result = _places(nlp, text)
    chosen = choose_event_place(tokens_of(doc), result.places, anchor=None, home=result.home)
    assert (chosen.place.name if chosen.place else None, chosen.region.name if chosen.region else None) == (
        place,
        region,
    )


def test_a_district_name_shared_by_several_is_resolved_by_the_kabupaten_named(nlp):
    _, named = _places(nlp, "Warga Kecamatan Cibadak, Kabupaten Lebak, menerima bantuan.")
    _, alone = _places(nlp, "Warga Kecamatan Cibadak menerima bantuan.")
    assert [(p.name, p.code) for p in named.places][:1] == [("Kecamatan Cibadak", "36.02.18")]
    assert [(p.name, p.code) for p in alone.places] == [("Kecamatan Cibadak", None)]
