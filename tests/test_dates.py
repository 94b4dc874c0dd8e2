"""Dates: every form normalised exactly, relative words resolved, no false dates."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.nlp import make_doc
from pipeline.stages.dates import extract_dates

TUESDAY = dt.date(2025, 11, 18)  # a Tuesday


def _dates(nlp, text: str, published: dt.date | None = TUESDAY) -> list[tuple[str, str, str | None, str]]:
    mentions = extract_dates(make_doc(nlp, text), published=published).dates
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    return [
        (m.text, m.value.isoformat(), m.value_end.isoformat() if m.value_end else None, m.granularity) for m in mentions
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rapat digelar Senin (6/10/2025) di aula.", ("Senin (6/10/2025)", "2025-10-06")),
        ("Rapat digelar Rabu (14/10/20) di aula.", ("Rabu (14/10/20)", "2020-10-14")),
        ("Rapat digelar Senin, (06-10-2025) di aula.", ("Senin, (06-10-2025)", "2025-10-06")),
        ("Rapat digelar pada 6 Oktober 2025 di aula.", ("6 Oktober 2025", "2025-10-06")),
        ("Rapat digelar Selasa, 14 Januari 2025 di aula.", ("Selasa, 14 Januari 2025", "2025-01-14")),
        ("Rapat digelar Selasa tanggal 14 Januari 2025.", ("Selasa tanggal 14 Januari 2025", "2025-01-14")),
        ("Rapat digelar 3 Nop 2024 di aula.", ("3 Nop 2024", "2024-11-03")),
        ("Rapat digelar 14 Agu 2025 di aula.", ("14 Agu 2025", "2025-08-14")),
        ("Rapat digelar 5 Des 2025 di aula.", ("5 Des 2025", "2025-12-05")),
        ("Rapat digelar 1 Okt. 2025 di aula.", ("1 Okt. 2025", "2025-10-01")),
        ("Rapat digelar 12 Pebruari 2024 di aula.", ("12 Pebruari 2024", "2024-02-12")),
        ("Rapat digelar 2025-10-06 di aula.", ("2025-10-06", "2025-10-06")),
        ("Rapat digelar 06/10/2025 di aula.", ("06/10/2025", "2025-10-06")),
    ],
)
def test_explicit_dates(nlp, text, expected):
    assert _dates(nlp, text, published=None) == [(*expected, None, "day")]


def test_a_range_of_days(nlp):
    assert _dates(nlp, "Pameran berlangsung 6-8 Oktober 2025 di alun-alun.", None) == [
        ("6-8 Oktober 2025", "2025-10-06", "2025-10-08", "day")
    ]


def test_month_and_year(nlp):
    assert _dates(nlp, "Stok beras cukup hingga Maret 2026.", None) == [("Maret 2026", "2026-03-01", None, "month")]


def test_yearless_date_takes_the_year_from_published(nlp):
    assert _dates(nlp, "Banjir terjadi Kamis (3/7) malam.", dt.date(2025, 7, 5)) == [
        ("Kamis (3/7)", "2025-07-03", None, "day")
    ]


def test_yearless_date_near_new_year_takes_the_previous_year(nlp):
    assert _dates(nlp, "Pesta rakyat digelar Senin (29/12) malam.", dt.date(2026, 1, 2)) == [
        ("Senin (29/12)", "2025-12-29", None, "day")
    ]


def test_yearless_date_without_published_takes_the_nearest_explicit_year(nlp):
    text = "Rapat pertama Senin (6/10/2025). Rapat kedua digelar 9 Oktober di aula."
    assert _dates(nlp, text, None) == [
        ("Senin (6/10/2025)", "2025-10-06", None, "day"),
        ("9 Oktober", "2025-10-09", None, "day"),
    ]


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("kemarin", "2025-11-17"),
        ("hari ini", "2025-11-18"),
        ("besok", "2025-11-19"),
        ("Jumat pekan lalu", "2025-11-14"),
        ("Senin lalu", "2025-11-17"),
        ("Rabu depan", "2025-11-19"),
        ("Jumat minggu depan", "2025-11-28"),
        ("dua pekan lalu", "2025-11-04"),
        ("3 hari lalu", "2025-11-15"),
        ("tiga hari lagi", "2025-11-21"),
    ],
)
def test_relative_days_resolve_against_published(nlp, phrase, value):
    assert _dates(nlp, f"Warga berkumpul {phrase} di balai desa.") == [(phrase, value, None, "day")]


def test_month_offsets_use_calendar_months(nlp):
    assert _dates(nlp, "Program itu dimulai sebulan lalu.") == [("sebulan lalu", "2025-10-18", None, "month")]


def test_last_named_month(nlp):
    assert _dates(nlp, "Revitalisasi rampung pada Agustus lalu.") == [("Agustus lalu", "2025-08-01", None, "month")]


def test_relative_words_need_published(nlp):
    assert _dates(nlp, "Warga berkumpul kemarin dan Jumat pekan lalu.", None) == []


def test_bare_weekday_is_the_last_such_day(nlp):
    assert _dates(nlp, "Longsor terjadi Minggu malam, lalu hujan turun lagi Kamis.") == [
        ("Minggu", "2025-11-16", None, "day"),
        ("Kamis", "2025-11-13", None, "day"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Acara dimulai pukul 09.45 WIB dan selesai 16.30 WIB.",
        "Anggaran Rp 1,5 miliar untuk 40 relawan dan 214 pedagang.",
        "Skor akhir (3/7) untuk tim tamu.",
        "Warga berkumpul setiap Senin dan tiap Kamis.",
        "Sejak minggu lalu belum ada kepastian, kata warga.",
        "Surat Nomor 12/3/2025 sudah terbit.",
        "Dana desa 2025 dicairkan dalam dua tahap.",
        "Kami desak pemerintah desa bertindak.",
    ],
)
def test_no_false_dates(nlp, text):
    assert [(t, v) for t, v, *_ in _dates(nlp, text)] == []


def test_dates_in_a_quoted_source_are_publication_dates(nlp):
    text = "“Kami siap,” ujarnya dikutip dari laman resmi sukamajukab.go.id, Senin (6/10/2025)."
    mentions = extract_dates(make_doc(nlp, text), published=None).dates
    assert [(m.text, m.role.value) for m in mentions] == [("Senin (6/10/2025)", "publication")]


def test_a_wrong_weekday_is_kept_with_a_warning(nlp):
    result = extract_dates(make_doc(nlp, "Rapat digelar Selasa (6/10/2025)."), published=None)
    mentions, warnings = result.dates, result.warnings
    assert [m.value.isoformat() for m in mentions] == ["2025-10-06"]
    assert [w.message for w in warnings] == ["'Selasa (6/10/2025)': the weekday does not match 2025-10-06"]


def test_impossible_dates_are_skipped(nlp):
    assert _dates(nlp, "Rapat digelar 31 Februari 2025 dan Senin (32/1/2025).", None) == []
