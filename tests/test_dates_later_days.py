"""Dates given as a day offset from an earlier date of the text (`esok harinya`), and the event on that day."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.nlp import make_doc
from pipeline.stages.dates import extract_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tim tiba di pelabuhan Rabu (4/6/2025) malam. Penyerahan bantuan dilakukan esok harinya di balai desa.",
            ("esok harinya", "2025-06-05"),
        ),
        (
            "Rombongan berangkat pada 10 Maret 2024. Keesokan harinya rombongan meninjau bendungan.",
            ("Keesokan harinya", "2024-03-11"),
        ),
        (
            "Pendaftaran ditutup Jumat (31/1/2025). Sehari kemudian panitia mengumumkan hasilnya.",
            ("Sehari kemudian", "2025-02-01"),
        ),
        (
            "Upacara digelar Senin (17/2/2025). Gladi bersih dilakukan sehari sebelumnya.",
            ("sehari sebelumnya", "2025-02-16"),
        ),
    ],
)
def test_a_later_day_counts_from_the_last_date_before_it(nlp, text, expected):
    mentions = extract_dates(make_doc(nlp, text), published=None).dates
    assert (mentions[-1].text, mentions[-1].value.isoformat()) == expected


def test_a_later_day_without_an_earlier_date_is_no_date(nlp):
    assert extract_dates(make_doc(nlp, "Warga diminta hadir esok harinya di balai desa."), published=None).dates == []


def test_the_event_held_the_day_after_the_date_given_gets_that_day(extract):
    record = extract(
        "Camat Bontoa Resmikan Pasar Desa\n\n"
        "Maros – Camat Bontoa Arman Sule pulang dari Makassar Kamis (12/6/2025) malam, setelah diundang ke "
        "peresmian Pasar Desa Tunikamaseang yang digelar esok harinya. Pasar itu dibangun dengan dana desa.",
    )
    assert record.event.date == dt.date(2025, 6, 13)


def test_the_bundled_village_release_with_a_later_day_word_is_extracted(tmp_path):
    # a word that opens a later-day phrase (`sehari`) is also a starter of the word-date
    # patterns: the sample article that has it is read without an error
    from pipeline.cli import EXIT_OK, main

    out = tmp_path / "out"
    assert main(["extract", "data/raw/desa", "--out", str(out), "--no-progress"]) == EXIT_OK
    records = {r["doc_id"]: r for r in map(json.loads, (out / "records.jsonl").read_text().splitlines())}
    assert records["desa-pangkalan-banjir"]["event"]["date"] == "2025-11-18"
    assert (out / "errors.jsonl").read_text() == ""
