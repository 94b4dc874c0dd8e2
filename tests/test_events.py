"""The main event's date: the lead's date, not deadlines or sources; published as a fallback."""

from __future__ import annotations

import datetime as dt


def test_event_date_is_the_first_date_in_the_lead(extract):
    record = extract(
        "SUKAMAJU – Bupati Sukamaju membuka pasar murah di alun-alun, Senin (6/10/2025). "
        "Usulan lokasi berikutnya diterima paling lambat Jumat, 24 Oktober 2025."
    )
    assert record.event.date == dt.date(2025, 10, 6)
    assert record.event.date_mention is not None
    assert record.event.date_mention.text == "Senin (6/10/2025)"
    assert [(d.text, d.role.value) for d in record.dates] == [
        ("Senin (6/10/2025)", "event"),
        ("Jumat, 24 Oktober 2025", "other"),
    ]


def test_deadline_before_the_event_is_not_the_event(extract):
    record = extract("Pendaftaran dibuka hingga 3 Oktober 2025. Seleksi digelar di aula kecamatan Rabu (8/10/2025).")
    assert record.event.date == dt.date(2025, 10, 8)


def test_a_range_sets_start_and_end(extract):
    record = extract("Pameran UMKM digelar 6-8 Oktober 2025 di alun-alun Sukamaju.")
    assert (record.event.date, record.event.date_start, record.event.date_end) == (
        dt.date(2025, 10, 6),
        dt.date(2025, 10, 6),
        dt.date(2025, 10, 8),
    )


def test_dateline_date_is_the_publication_date(extract):
    record = extract("Sukamaju, 3 Juli 2025 — Bupati meninjau jembatan yang rusak diterjang banjir Selasa (1/7).")
    assert [(d.text, d.role.value) for d in record.dates] == [
        ("3 Juli 2025", "publication"),
        ("Selasa (1/7)", "event"),
    ]
    assert record.event.date == dt.date(2025, 7, 1)


def test_without_a_date_the_published_date_is_used_with_a_warning(extract):
    record = extract("Bupati meninjau jembatan yang rusak diterjang banjir.", published=dt.date(2025, 10, 7))
    assert record.event.date == dt.date(2025, 10, 7)
    assert record.event.date_mention is None
    assert [w.code for w in record.warnings] == ["event_date_from_published"]


def test_without_any_date_the_event_date_stays_null(extract):
    record = extract("Bupati meninjau jembatan yang rusak diterjang banjir.")
    assert record.event.date is None
    assert record.warnings == []
