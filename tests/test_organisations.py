"""Organisations: abbreviations written out, linked to their region."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pemkot Serang menggelar rapat.", ("Pemkot Serang", "Pemerintah Kota Serang", "government", "Kota Serang")),
        (
            "Pemerintah Kabupaten (Pemkab) Garut menggelar rapat.",
            ("Pemerintah Kabupaten (Pemkab) Garut", "Pemerintah Kabupaten Garut", "government", "Kabupaten Garut"),
        ),
        (
            "Pemprov Jateng menggelar rapat.",
            ("Pemprov Jateng", "Pemerintah Provinsi Jawa Tengah", "government", "Provinsi Jawa Tengah"),
        ),
        (
            "Diskominfo Kota Semarang menggelar pelatihan.",
            (
                "Diskominfo Kota Semarang",
                "Dinas Komunikasi dan Informatika Kota Semarang",
                "government",
                "Kota Semarang",
            ),
        ),
        (
            "Dinas Kesehatan Kota Samarinda menggelar vaksinasi.",
            ("Dinas Kesehatan Kota Samarinda", "Dinas Kesehatan Kota Samarinda", "government", "Kota Samarinda"),
        ),
        ("DPRD Garut menggelar paripurna.", ("DPRD Garut", "DPRD Kabupaten Garut", "legislature", "Kabupaten Garut")),
        ("Polres Bantul menggelar konferensi pers.", ("Polres Bantul", "Polres Bantul", "police", "Kabupaten Bantul")),
        ("Kemenhut menanam mangrove.", ("Kemenhut", "Kementerian Kehutanan", "ministry", None)),
        (
            "Kementerian Kelautan dan Perikanan menebar benih.",
            ("Kementerian Kelautan dan Perikanan", "Kementerian Kelautan dan Perikanan", "ministry", None),
        ),
        (
            "BPBD Kabupaten Cilacap siaga banjir.",
            (
                "BPBD Kabupaten Cilacap",
                "Badan Penanggulangan Bencana Daerah Kabupaten Cilacap",
                "government",
                "Kabupaten Cilacap",
            ),
        ),
    ],
)
def test_organisations(extract, text, expected):
    record = extract(text)
    assert [(o.text, o.name, o.kind, o.region) for o in record.organisations][:1] == [expected]
