"""Officials as real releases list them (issue 12): regional offices of ministries, attendee
lists, a group post followed by its holders, names glued to their degrees, lower-case titles.
Every case is an invented sentence with the exact (name, role, jurisdiction) expected."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the regional office of a ministry is one body: its head's role names the ministry
        (
            "Kepala Kantor Wilayah Kementerian Agama Provinsi Jawa Tengah H. Mahfud Ardiansyah membuka acara.",
            (
                "Mahfud Ardiansyah",
                "Kepala Kantor Wilayah Kementerian Agama",
                "Kantor Wilayah Kementerian Agama Provinsi Jawa Tengah",
            ),
        ),
        (
            "Kepala Kantor Wilayah Kementerian Hukum Jawa Tengah, Teguh Wirawan, membuka acara.",
            (
                "Teguh Wirawan",
                "Kepala Kantor Wilayah Kementerian Hukum",
                "Kantor Wilayah Kementerian Hukum Provinsi Jawa Tengah",
            ),
        ),
        # `Kanwil` and `Kakanwil` are the same office, its short forms composed with the ministry's
        (
            "Kepala Kanwil Kemenag Provinsi Jawa Tengah H. Mahfud Ardiansyah membuka acara.",
            (
                "Mahfud Ardiansyah",
                "Kepala Kantor Wilayah Kementerian Agama",
                "Kantor Wilayah Kementerian Agama Provinsi Jawa Tengah",
            ),
        ),
        (
            "Kakanwil Kemenag Jateng H. Mahfud Ardiansyah membuka acara.",
            (
                "Mahfud Ardiansyah",
                "Kepala Kantor Wilayah Kementerian Agama",
                "Kantor Wilayah Kementerian Agama Provinsi Jawa Tengah",
            ),
        ),
        # a post inside the regional office belongs to it
        (
            "Kepala Bidang Pendidikan Madrasah Kanwil Kemenag Jateng, Siti Aminah, membuka acara.",
            (
                "Siti Aminah",
                "Kepala Bidang Pendidikan Madrasah",
                "Kantor Wilayah Kementerian Agama Provinsi Jawa Tengah",
            ),
        ),
    ],
)
def test_regional_offices_of_ministries(officials, text, expected):
    assert officials(text) == [expected]
