"""Event regions as real releases give them: Kemendagri spellings, a bare `Jakarta` dateline."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.gazetteer import gazetteer


@pytest.mark.parametrize(
    ("written", "name", "code"),
    [
        ("Palangkaraya", "Kota Palangka Raya", "62.71"),
        ("Palangka Raya", "Kota Palangka Raya", "62.71"),
        ("Tanjungpinang", "Kota Tanjung Pinang", "21.72"),
        ("Pangkalpinang", "Kota Pangkal Pinang", "19.71"),
        ("Baubau", "Kota Bau Bau", "74.72"),
        ("Jakarta", "Provinsi DKI Jakarta", "31"),
        ("Daerah Khusus Ibukota Jakarta", "Provinsi DKI Jakarta", "31"),
    ],
)
def test_a_region_gets_its_kemendagri_name_however_it_is_spelled(written, name, code):
    assert [(r.name, r.code) for r in gazetteer().lookup(written)] == [(name, code)]


def test_a_city_the_package_spells_in_one_word_is_output_in_the_kemendagri_spelling(extract):
    record = extract(
        "PALANGKARAYA – Wali Kota Palangkaraya Rudi Hartono membuka pameran batik di Aula Balai Kota, "
        "Senin (3/3/2025). Pameran diikuti tiga puluh perajin dari berbagai kelurahan.",
        published=dt.date(2025, 3, 4),
    )
    assert (record.event.region, record.event.region_code) == ("Kota Palangka Raya", "62.71")


def test_a_bare_jakarta_dateline_is_the_province_not_a_guessed_city(extract):
    record = extract(
        "Jakarta – Direktorat Jenderal Bina Usaha dan Direktorat Jenderal Tata Niaga menandatangani nota "
        "kesepahaman di kantor Direktorat Jenderal Tata Niaga, Rabu (5/3/2025). Kerja sama itu berlaku "
        "selama tiga tahun.",
        published=dt.date(2025, 3, 6),
    )
    assert (record.event.region, record.event.region_code) == ("Provinsi DKI Jakarta", "31")


def test_a_jakarta_city_named_in_the_lead_is_the_region(extract):
    record = extract(
        "Jakarta – Komisi Pemilihan Umum menggelar rapat pleno di Gedung Serbaguna, Kecamatan Menteng, "
        "Jakarta Pusat, Rabu (5/3/2025). Rapat membahas jadwal tahapan pemilihan.",
        published=dt.date(2025, 3, 6),
    )
    assert (record.event.region, record.event.region_code) == ("Kota Administrasi Jakarta Pusat", "31.71")
