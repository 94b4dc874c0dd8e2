"""Members of councils and commissions as real releases name them (issue 12): DPRD commissions,
factions and the DPRD secretariat, KPU and Bawaslu members with their divisions, and degrees
and honorifics around the name. Invented sentences, exact (name, role, jurisdiction) expected."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # commissions by number or letter: the post in the commission, the DPRD as jurisdiction
        (
            "Ketua Komisi II DPRD Kota Bogor, Budi Santoso, memimpin rapat.",
            ("Budi Santoso", "Ketua Komisi II", "DPRD Kota Bogor"),
        ),
        (
            "Anggota Komisi III DPRD Provinsi Jawa Tengah Andi Wijaya meninjau jembatan.",
            ("Andi Wijaya", "Anggota Komisi III", "DPRD Provinsi Jawa Tengah"),
        ),
        (
            "Wakil Ketua Komisi B DPRD Kabupaten Sleman Andi Wijaya meninjau jembatan.",
            ("Andi Wijaya", "Wakil Ketua Komisi B", "DPRD Kabupaten Sleman"),
        ),
        # factions: the party's name is the unit, and a DPRD after it is no part of the party's name
        (
            "Anggota Fraksi PDI Perjuangan DPRD Kabupaten Sleman, Rina Marlina, menyampaikan pandangan.",
            ("Rina Marlina", "Anggota Fraksi PDI Perjuangan", "DPRD Kabupaten Sleman"),
        ),
        (
            "Ketua Fraksi Partai Golkar DPRD Kota Bogor Rina Marlina menyampaikan pandangan.",
            ("Rina Marlina", "Ketua Fraksi Partai Golkar", "DPRD Kota Bogor"),
        ),
        # the secretary of the DPRD heads its secretariat
        (
            "Sekretaris DPRD Kabupaten Sleman Budi Santoso membuka rapat.",
            ("Budi Santoso", "Sekretaris Dewan Perwakilan Rakyat Daerah", "Sekretariat DPRD Kabupaten Sleman"),
        ),
        (
            "Sekwan Kota Bogor, Budi Santoso, membuka rapat.",
            ("Budi Santoso", "Sekretaris Dewan Perwakilan Rakyat Daerah", "Sekretariat DPRD Kota Bogor"),
        ),
    ],
)
def test_dprd_commissions_factions_and_secretariat(officials, text, expected):
    assert officials(text) == [expected]


def test_a_commission_of_the_state_is_no_dprd_commission(officials):
    """A DPRD commission is named by a numeral or a letter: `Komisi Pemilihan Umum` is a body, a
    member's post in it (the regional body by its short name, `KPU Kota Surabaya`)."""
    assert officials("Anggota Komisi Pemilihan Umum Surabaya, Rina Marlina, mengatakan jumlah petugas cukup.") == [
        ("Rina Marlina", "Anggota Komisi Pemilihan Umum", "KPU Kota Surabaya")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the division after the body is a member's portfolio: in neither the role nor the name
        (
            "Anggota KPU Kabupaten Sleman Divisi Teknis Penyelenggaraan, Andi Wijaya, menjelaskan tahapan.",
            (
                "Andi Wijaya",
                "Anggota Komisi Pemilihan Umum",
                "KPU Kabupaten Sleman",
            ),
        ),
        (
            "Anggota Bawaslu Kota Bogor Divisi Hukum dan Pengawasan Rina Marlina mengawasi rapat pleno.",
            (
                "Rina Marlina",
                "Anggota Badan Pengawas Pemilihan Umum",
                "Bawaslu Kota Bogor",
            ),
        ),
        (
            "Komisioner Bawaslu Kota Bogor Rina Marlina mengawasi rapat pleno.",
            ("Rina Marlina", "Komisioner Badan Pengawas Pemilihan Umum", "Bawaslu Kota Bogor"),
        ),
    ],
)
def test_election_commission_members_and_their_divisions(officials, text, expected):
    assert officials(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kepala Dinas Pendidikan Kabupaten Sleman, Drs. H. Budi Santoso, M.Pd., membuka acara.",
            ("Budi Santoso", "Kepala Dinas Pendidikan", "Kabupaten Sleman"),
        ),
        (
            "Kegiatan dihadiri Camat Depok, Dra. Hj. Rina Marlina, M.Si.",
            ("Rina Marlina", "Camat", "Kecamatan Depok"),
        ),
        (
            "Kepala Dinas PUPR Kabupaten Sleman Ir. Bambang Hartono, MT meninjau jalan.",
            ("Bambang Hartono", "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "Kabupaten Sleman"),
        ),
    ],
)
def test_degrees_and_honorifics_are_not_in_the_name(officials, text, expected):
    assert officials(text) == [expected]


def test_a_name_ends_before_a_state_body(run_stages):
    """`Partai X DPRD ...`, `Universitas X dan Kementerian Y`: a state body's opening word ends the
    name of the organisation before it, and the joiner before it stays out of both."""
    text = "Fraksi Partai Golkar DPRD Kota Bogor bekerja sama dengan Universitas Gadjah Mada dan Kementerian Pertanian."
    state = run_stages(text, through="organisations")
    assert [o.text for o in state.organisations] == [
        "Partai Golkar",
        "DPRD Kota Bogor",
        "Universitas Gadjah Mada",
        "Kementerian Pertanian",
    ]
