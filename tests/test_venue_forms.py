"""Venues written the way real releases write them: a lower-case venue word after `di`/`pada`,
lower-case words before the name, and no venue from an office inside a job title."""

from __future__ import annotations

import pytest

from pipeline.ingest import article_from_text
from pipeline.nlp import make_doc
from pipeline.stages.dateline import extract_dateline
from pipeline.stages.places import extract_places
from pipeline.state import Entities


def _venues(nlp, text: str) -> list[str]:
    doc = make_doc(nlp, article_from_text(text, doc_id="t").text)
    result = extract_places(doc, dateline=extract_dateline(doc), url=None, entities=Entities())
    return [p.text for p in result.places if p.level.value == "venue"]


@pytest.mark.parametrize(
    ("text", "venues"),
    [
        (
            "Pertemuan itu berlangsung di ruang kerja Kapolres Sukamaju, Senin (6/10/2025).",
            ["ruang kerja Kapolres Sukamaju"],
        ),
        ("Apel dilaksanakan di halaman depan Kantor Camat Cibening.", ["halaman depan Kantor Camat Cibening"]),
        ("Upacara dipusatkan pada lapangan Merdeka Sukamaju.", ["lapangan Merdeka Sukamaju"]),
        ("Karnaval dilepas di Bundaran Tugu Sukamaju, Sabtu (4/10/2025).", ["Bundaran Tugu Sukamaju"]),
        ("Para peserta dikukuhkan di Bangsal Wiratama.", ["Bangsal Wiratama"]),
    ],
)
def test_lower_case_venue_words(nlp, text, venues):
    assert _venues(nlp, text) == venues


def test_an_office_in_a_job_title_is_no_venue(nlp):
    text = "Kepala Kantor Pertanahan Kota Sukamaju Rudi Hartawan menerima tamu di Aula Wijaya."
    assert _venues(nlp, text) == ["Aula Wijaya"]


def test_a_lower_case_word_without_a_name_after_it_opens_no_venue(nlp):
    assert _venues(nlp, "Warga berkumpul di halaman rumah masing-masing.") == []


@pytest.mark.parametrize(
    ("text", "venues"),
    [
        (
            "Bupati membuka lomba egrang di Lapangan Upacara Kantor Bupati Sukamaju Rabu 16 Oktober 2024.",
            ["Lapangan Upacara Kantor Bupati Sukamaju"],
        ),
        ("Rapat dilaksanakan di Aula Melati Kamis (3/7/2025) pagi.", ["Aula Melati"]),
    ],
)
def test_a_date_after_a_venue_is_not_part_of_it(nlp, text, venues):
    assert _venues(nlp, text) == venues
