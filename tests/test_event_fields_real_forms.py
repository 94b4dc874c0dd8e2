"""Event fields written the way real releases write them: the venue given in a later sentence
that names the event again, a room inside a building, a dateline that is a building, an award
received at a meeting, and an event dated only vaguely."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Ketua Pengadilan Negeri Cibening menemui Kapolres Cibening untuk bersilaturahmi.\n\n"
            "Pertemuan silaturahmi itu berlangsung di ruang kerja Kapolres, Markas Polres Cibening, "
            "Rabu (8/9/2021).\n\nKeduanya membahas keamanan menjelang hari raya.",
            "ruang kerja Kapolres, Markas Polres Cibening",
        ),
        (
            "Kepala Kantor Kemenag Kota Cibening Budi Santoso melakukan pertemuan koordinasi dengan "
            "Kepala Dinas Perikanan, Selasa (18/2/2025).\n\n"
            "Pertemuan yang berlangsung di ruang Kadis Perikanan juga diikuti staf.",
            "ruang Kadis Perikanan",
        ),
    ],
)
def test_the_venue_of_a_later_sentence_naming_the_event_again(extract, text, place):
    assert extract(text).event.place == place


def test_a_dateline_building_yields_to_the_venue_of_the_text(extract):
    text = (
        "GEDUNG CEMPAKA – Sekretariat DPRD Kota Cibening berkunjung ke DPRD Kota Wanareja, Rabu (3/11/2021).\n\n"
        '"Kami ingin belajar," ucap Rudi Hartawan saat berdiskusi di Studio Cempaka TV di Gedung DPRD.'
    )
    event = extract(text).event
    assert (event.type.value, event.place) == ("kunjungan_kerja", "Studio Cempaka TV di Gedung DPRD")


def test_the_village_of_the_lead_beats_a_venue_of_another_event(extract):
    text = (
        "Wakil Bupati Rudi Hartawan meninjau lokasi banjir di Desa Wanareja, Senin (6/10/2025).\n\n"
        "Warga setempat membuka dapur umum di Balai Pertemuan Warga untuk para pengungsi."
    )
    assert extract(text).event.place == "Desa Wanareja"


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        (
            "Rombongan berdiskusi di Studio Cempaka TV di Gedung DPRD, Rabu (3/11/2021).",
            "Studio Cempaka TV di Gedung DPRD",
        ),
        ("Rapat digelar di Ruang Rapat Wijaya di Balai Kota, Senin (6/10/2025).", "Ruang Rapat Wijaya di Balai Kota"),
        ("Rapat digelar di Aula Melati di Kota Wanareja.", "Aula Melati"),
        ("Pameran digelar di Gedung Cendana di Kantor Camat.", "Gedung Cendana"),
    ],
)
def test_a_room_keeps_the_building_after_di(extract, text, venue):
    assert extract(text).event.place == venue


def test_an_award_received_at_a_meeting_is_an_award(extract):
    text = (
        "Wali Kota Wanareja Budi Santoso menerima Piagam Penghargaan dari Gubernur pada Rapat Paripurna "
        "DPRD Provinsi, Senin (6/10/2025)."
    )
    event = extract(text).event
    assert (event.type.value, event.date) == ("penghargaan", dt.date(2025, 10, 6))


def test_an_event_dated_only_vaguely_takes_no_later_date(extract):
    text = (
        "Petugas Polsek Wanareja menangkap dua pelaku pencurian di Pasar Cendana.\n\n"
        "Penangkapan itu dilakukan saat patroli beberapa waktu lalu.\n\n"
        '"Pelaku sudah kami serahkan ke Polres," ucap Kapolsek Rudi Hartawan, Jumat (15/9/2023).'
    )
    record = extract(text, published=dt.date(2023, 9, 17))
    assert record.event.date is None
    assert [w.code for w in record.warnings] == ["event_date_vague"]


def test_an_event_dated_vaguely_takes_no_publication_date(extract):
    text = "Warga Desa Wanareja belum lama ini bergotong royong membersihkan saluran air."
    record = extract(text, published=dt.date(2023, 9, 17))
    assert record.event.date is None


def test_a_date_in_the_event_sentence_beats_a_vague_phrase_later(extract):
    text = (
        "Bupati Budi Santoso meresmikan Pasar Cendana, Senin (6/10/2025).\n\n"
        "Pasar itu rusak akibat banjir beberapa waktu lalu."
    )
    assert extract(text).event.date == dt.date(2025, 10, 6)


def test_a_vague_phrase_in_a_relative_clause_dates_a_thing_not_the_event(extract):
    text = (
        "Petugas Polsek Wanareja menangkap kembali tahanan yang kabur beberapa waktu lalu.\n\n"
        '"Semua sudah kembali," kata Kapolsek Rudi Hartawan, Minggu (20/8/2023).'
    )
    assert extract(text).event.date == dt.date(2023, 8, 20)


def test_the_place_of_a_place_and_date_tag_is_the_venue(extract):
    text = (
        "Wali Kota Wanareja Budi Santoso menerima Piagam Penghargaan dari Gubernur pada Rapat Paripurna "
        "Istimewa DPRD Provinsi. (Bukit Cendana, 18 Agustus 2016).\n\n"
        "Piagam itu menjadi kebanggaan warga Kota Wanareja."
    )
    event = extract(text).event
    assert (event.type.value, event.date, event.place) == ("penghargaan", dt.date(2016, 8, 18), "Bukit Cendana")


def test_a_named_place_after_di_in_the_event_sentence(extract):
    text = "Bupati Budi Santoso meresmikan jembatan di Rawa Cendana, Sabtu (4/10/2025).\n\nJembatan itu dibangun warga."
    assert extract(text).event.place == "Rawa Cendana"


@pytest.mark.parametrize(
    ("text", "region"),
    [
        (
            "SEMARANG – Bupati Kendal Budi Santoso menghadiri rapat koordinasi di Gedung Gradhika Bhakti Praja, "
            "Senin (6/10/2025).\n\nRapat dipimpin Gubernur.",
            "Kota Semarang",
        ),
        (
            "Bupati Sleman Budi Santoso menghadiri rapat koordinasi di Balai Kota Yogyakarta, Senin (6/10/2025).",
            "Kota Yogyakarta",
        ),
        (
            "SURABAYA – Kepala Dinas Kesehatan Kabupaten Sidoarjo Budi Santoso mengikuti rapat koordinasi di "
            "Hotel Cendana, Senin (6/10/2025).",
            "Kota Surabaya",
        ),
    ],
)
def test_an_event_in_a_city_is_in_that_city_not_in_the_officials_region(extract, text, region):
    assert extract(text).event.region == region
