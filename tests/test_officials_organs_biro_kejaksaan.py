"""Officials of real releases (issue 12r): the organs of a DPRD by their acronyms (`BK`, `Banggar`,
`Bamus`, `Bapemperda`), a name before its title after a comma with an honorific, two posts joined
before their list of holders; the biro of a provincial secretariat by acronym; the sections of a
prosecutor's office (`Kasi Pidum`) and a bare `Kejaksaan` + kabupaten. Invented sentences, exact
(name, role, jurisdiction) expected."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ketua BK DPRD Provinsi Jawa Tengah Darmawan Putra mengatakan rapat berjalan lancar.",
            ("Darmawan Putra", "Ketua Badan Kehormatan", "DPRD Provinsi Jawa Tengah"),
        ),
        (
            "Wakil Ketua BK DPRD Kota Cirebon Nurul Aini menyampaikan laporan.",
            ("Nurul Aini", "Wakil Ketua Badan Kehormatan", "DPRD Kota Cirebon"),
        ),
        (
            "Hj. Lestiana Dewi, Ketua BK DPRD Kab. Sleman menyampaikan laporan.",
            ("Lestiana Dewi", "Ketua Badan Kehormatan", "DPRD Kabupaten Sleman"),
        ),
        (
            "Ketua Banggar DPRD Kota Cirebon Hendro Saputro memimpin rapat.",
            ("Hendro Saputro", "Ketua Badan Anggaran", "DPRD Kota Cirebon"),
        ),
        (
            "Anggota Bamus DPRD Kabupaten Sleman Hendro Saputro memimpin rapat.",
            ("Hendro Saputro", "Anggota Badan Musyawarah", "DPRD Kabupaten Sleman"),
        ),
        (
            "Ketua Bapemperda DPRD Kabupaten Sleman Hendro Saputro memimpin rapat.",
            ("Hendro Saputro", "Ketua Badan Pembentukan Peraturan Daerah", "DPRD Kabupaten Sleman"),
        ),
        (
            "Ketua Badan Anggaran DPRD Kota Cirebon Hendro Saputro memimpin rapat.",
            ("Hendro Saputro", "Ketua Badan Anggaran", "DPRD Kota Cirebon"),
        ),
    ],
)
def test_the_organs_of_a_dprd(officials, text, expected):
    assert officials(text) == [expected]


def test_two_posts_joined_before_their_holders(officials):
    text = "Ketua BK dan Wakil Ketua BK DPRD Kota Cirebon yaitu H. Rahmat Hidayat, SH, MH dan Yusuf Maulana hadir."
    assert officials(text) == [
        ("Rahmat Hidayat", "Ketua Badan Kehormatan", "DPRD Kota Cirebon"),
        ("Yusuf Maulana", "Wakil Ketua Badan Kehormatan", "DPRD Kota Cirebon"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kepala Biro POD Kalimantan Timur, Ferdi Kurniawan mengatakan hal itu.",
            (
                "Ferdi Kurniawan",
                "Kepala Biro Pemerintahan dan Otonomi Daerah",
                "Sekretariat Daerah Provinsi Kalimantan Timur",
            ),
        ),
        (
            "Pemerintah Provinsi Kalimantan Timur menggelar rapat."
            " Plt Kepala Biro PPOD Ferdi Kurniawan mengatakan hal itu.",
            (
                "Ferdi Kurniawan",
                "Pelaksana Tugas Kepala Biro Pemerintahan, Perbatasan dan Otonomi Daerah",
                "Sekretariat Daerah Provinsi Kalimantan Timur",
            ),
        ),
        (
            "Kabiro Adpim Setda Provinsi Jawa Tengah Ferdi Kurniawan mengatakan hal itu.",
            ("Ferdi Kurniawan", "Kepala Biro Administrasi Pimpinan", "Sekretariat Daerah Provinsi Jawa Tengah"),
        ),
        # the name holds the post after `yang sekaligus`
        (
            "Staf Ahli Bidang Hukum yang sekaligus Plt Kepala Biro Adpim Setda Provinsi Jawa Tengah"
            " Ferdi Kurniawan mengatakan hal itu.",
            (
                "Ferdi Kurniawan",
                "Pelaksana Tugas Kepala Biro Administrasi Pimpinan",
                "Sekretariat Daerah Provinsi Jawa Tengah",
            ),
        ),
        # a biro of a ministry is the ministry's
        (
            "Kepala Biro Humas Kementerian Pertanian Ferdi Kurniawan mengatakan hal itu.",
            ("Ferdi Kurniawan", "Kepala Biro Hubungan Masyarakat", "Kementerian Pertanian"),
        ),
    ],
)
def test_biro_of_a_provincial_secretariat(officials, text, expected):
    assert officials(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kasi Pidum Kejaksaan Sleman Galih Prasetya, S.H., M.H, menerangkan perkara itu.",
            ("Galih Prasetya", "Kepala Seksi Tindak Pidana Umum", "Kejaksaan Negeri Sleman"),
        ),
        (
            "Kasi Pidum Kejari Sleman Galih Prasetya menerangkan perkara itu.",
            ("Galih Prasetya", "Kepala Seksi Tindak Pidana Umum", "Kejaksaan Negeri Sleman"),
        ),
        (
            "Kasi Pidsus Kejaksaan Negeri Sleman Galih Prasetya menerangkan perkara itu.",
            ("Galih Prasetya", "Kepala Seksi Tindak Pidana Khusus", "Kejaksaan Negeri Sleman"),
        ),
        (
            "Kasi Intel Kejari Kota Cirebon Galih Prasetya menerangkan perkara itu.",
            ("Galih Prasetya", "Kepala Seksi Intelijen", "Kejaksaan Negeri Kota Cirebon"),
        ),
        (
            "Kasi Datun Kejari Sleman Galih Prasetya menerangkan perkara itu.",
            ("Galih Prasetya", "Kepala Seksi Perdata dan Tata Usaha Negara", "Kejaksaan Negeri Sleman"),
        ),
        (
            "Kajari Sleman Galih Prasetya menerangkan perkara itu.",
            ("Galih Prasetya", "Kepala Kejaksaan Negeri", "Kejaksaan Negeri Sleman"),
        ),
        (
            "Kajati Jawa Tengah Galih Prasetya menerangkan perkara itu.",
            ("Galih Prasetya", "Kepala Kejaksaan Tinggi", "Kejaksaan Tinggi Jawa Tengah"),
        ),
        (
            "Kepala Kejaksaan Sleman Galih Prasetya menerangkan perkara itu.",
            ("Galih Prasetya", "Kepala Kejaksaan Negeri", "Kejaksaan Negeri Sleman"),
        ),
    ],
)
def test_posts_of_a_prosecutors_office(officials, text, expected):
    assert officials(text) == [expected]
