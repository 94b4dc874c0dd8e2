"""Forms of officials' mentions that releases nobody tuned on use (issue 12): the name before
`selaku` or a relative clause (`yang juga menjabat`) and the title, holders of a shared post
listed without commas, a sub-unit set off by a comma before its body, composed police posts,
the regional office of the Ministry of Law, and abbreviated kabupaten names. Invented
sentences, exact (name, role, jurisdiction) expected."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Drs. Hendra Kusuma, M.M selaku Kepala Dinas Pendidikan Kabupaten Garut membuka lomba guru.",
            ("Hendra Kusuma", "Kepala Dinas Pendidikan", "Kabupaten Garut"),
        ),
        (
            "Hendra Kusuma sebagai Kepala Dinas Pendidikan Kabupaten Garut membuka lomba guru.",
            ("Hendra Kusuma", "Kepala Dinas Pendidikan", "Kabupaten Garut"),
        ),
        (
            "Hendra Kusuma yang juga menjabat Kepala Dinas Pendidikan Kabupaten Garut membuka lomba guru.",
            ("Hendra Kusuma", "Kepala Dinas Pendidikan", "Kabupaten Garut"),
        ),
        (
            "Lomba dibuka Hendra Kusuma, yang juga menjabat sebagai Sekretaris Daerah Kabupaten Garut.",
            ("Hendra Kusuma", "Sekretaris Daerah", "Kabupaten Garut"),
        ),
        (
            "Hj. Wulan Permatasari, S.Pd. yang kini menjabat Kepala Dinas Sosial Kota Cirebon hadir.",
            ("Wulan Permatasari", "Kepala Dinas Sosial", "Kota Cirebon"),
        ),
    ],
)
def test_the_name_before_selaku_or_a_relative_clause_and_the_title(officials, text, expected):
    assert officials(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Pejabat yang menjabat Kepala Dinas Pendidikan Kabupaten Garut wajib hadir.",
        "Jabatan yang kini menjabat Kepala Dinas Sosial Kota Cirebon akan dilelang.",
    ],
)
def test_a_capitalised_noun_before_a_relative_clause_is_no_name(officials, text):
    assert officials(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rapat pleno dihadiri anggota KPU Kabupaten Garut Dedi Kurniadi dan Euis Komalasari.",
            [
                ("Dedi Kurniadi", "Anggota Komisi Pemilihan Umum", "KPU Kabupaten Garut"),
                ("Euis Komalasari", "Anggota Komisi Pemilihan Umum", "KPU Kabupaten Garut"),
            ],
        ),
        (
            "Anggota Bawaslu Kota Cirebon Dedi Kurniadi, Euis Komalasari dan Dadan Hamdani meninjau gudang.",
            [
                ("Dedi Kurniadi", "Anggota Badan Pengawas Pemilihan Umum", "Bawaslu Kota Cirebon"),
                ("Euis Komalasari", "Anggota Badan Pengawas Pemilihan Umum", "Bawaslu Kota Cirebon"),
                ("Dadan Hamdani", "Anggota Badan Pengawas Pemilihan Umum", "Bawaslu Kota Cirebon"),
            ],
        ),
        (
            "Anggota Komisi B DPRD Kabupaten Garut Dedi Kurniadi dan Euis Komalasari meninjau pasar.",
            [
                ("Dedi Kurniadi", "Anggota Komisi B", "DPRD Kabupaten Garut"),
                ("Euis Komalasari", "Anggota Komisi B", "DPRD Kabupaten Garut"),
            ],
        ),
        # `Ketua` is a post of one holder: the name after it is its own only
        (
            "Ketua DPRD Kabupaten Garut Dedi Kurniadi dan Euis Komalasari meninjau pasar.",
            [("Dedi Kurniadi", "Ketua Dewan Perwakilan Rakyat Daerah", "DPRD Kabupaten Garut")],
        ),
        # a name with a title of its own, or a body, ends the list
        (
            "Anggota DPRD Kabupaten Garut Dedi Kurniadi dan Bupati Garut Dadan Hamdani meninjau jalan.",
            [
                ("Dedi Kurniadi", "Anggota Dewan Perwakilan Rakyat Daerah", "DPRD Kabupaten Garut"),
                ("Dadan Hamdani", "Bupati", "Kabupaten Garut"),
            ],
        ),
        (
            "Anggota DPRD Kabupaten Garut Dedi Kurniadi dan Forkopimda meninjau jalan.",
            [("Dedi Kurniadi", "Anggota Dewan Perwakilan Rakyat Daerah", "DPRD Kabupaten Garut")],
        ),
    ],
)
def test_holders_of_a_shared_post_listed_without_a_comma_after_the_title(officials, text, expected):
    assert officials(text) == expected


def test_chair_and_members_without_names_name_no_one(officials):
    assert officials("Ketua dan anggota Bawaslu Kabupaten Garut menghadiri rapat koordinasi.") == []


def test_chair_and_members_with_names_invent_no_name(officials):
    text = "Ketua dan anggota Bawaslu Kabupaten Garut Dedi Kurniadi dan Euis Komalasari menghadiri rapat."
    assert officials(text) == [
        ("Dedi Kurniadi", "Anggota Badan Pengawas Pemilihan Umum", "Bawaslu Kabupaten Garut"),
        ("Euis Komalasari", "Anggota Badan Pengawas Pemilihan Umum", "Bawaslu Kabupaten Garut"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the bidang stays in the role, the dinas with its region is the jurisdiction (gov conventions)
        (
            "Kepala Bidang Pencegahan, Dinas Kesehatan Kota Cirebon, dr. Wulan Permatasari membuka posyandu.",
            ("Wulan Permatasari", "Kepala Bidang Pencegahan", "Dinas Kesehatan Kota Cirebon"),
        ),
        (
            "Kepala Bidang Pencegahan, Dinas Kesehatan Kota Cirebon dr. Wulan Permatasari membuka posyandu.",
            ("Wulan Permatasari", "Kepala Bidang Pencegahan", "Dinas Kesehatan Kota Cirebon"),
        ),
        # a unit the lexicons do not know, set off before its dinas
        (
            "Kepala Seksi Kurikulum, Dinas Pendidikan Kabupaten Garut, Euis Komalasari membuka lokakarya.",
            ("Euis Komalasari", "Kepala Seksi Kurikulum", "Dinas Pendidikan Kabupaten Garut"),
        ),
        (
            "Kepala Bidang Pencegahan pada Dinas Kesehatan Kabupaten Garut, dr. Wulan Permatasari, hadir.",
            ("Wulan Permatasari", "Kepala Bidang Pencegahan", "Dinas Kesehatan Kabupaten Garut"),
        ),
    ],
)
def test_a_sub_unit_set_off_before_its_body(officials, text, expected):
    assert officials(text) == [expected]


def test_a_sub_unit_set_off_before_its_body_with_no_name_names_no_one(officials):
    assert officials("Kepala Seksi Kurikulum, Dinas Pendidikan Kabupaten Garut, menerima usulan.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dansatbrimob Polda Jawa Barat Kombes Pol Teguh Santoso memimpin apel.",
            ("Teguh Santoso", "Komandan Satuan Brigade Mobil", "Polda Jawa Barat"),
        ),
        (
            "Dansatbrimob Polda Riau, Kombes Pol Teguh Santoso, memimpin apel.",
            ("Teguh Santoso", "Komandan Satuan Brigade Mobil", "Polda Riau"),
        ),
        (
            "Kasatlantas Polres Garut AKP Teguh Santoso memimpin razia.",
            ("Teguh Santoso", "Kepala Satuan Lalu Lintas", "Polres Garut"),
        ),
        (
            "Kapolsubsektor Cisurupan Aipda Teguh Santoso memimpin patroli.",
            ("Teguh Santoso", "Kepala Kepolisian Subsektor", "Polsubsektor Cisurupan"),
        ),
        (
            "Kepala Kepolisian Subsektor Cisurupan, Aipda Teguh Santoso, memimpin patroli.",
            ("Teguh Santoso", "Kepala Kepolisian Subsektor", "Polsubsektor Cisurupan"),
        ),
        (
            "Danyonif 315/Garuda Letkol Inf Teguh Santoso meninjau latihan.",
            ("Teguh Santoso", "Komandan Batalyon Infanteri", "Yonif 315/Garuda"),
        ),
    ],
)
def test_composed_police_and_military_posts(officials, text, expected):
    assert officials(text) == [expected]


LAW = "Kementerian Hukum dan Hak Asasi Manusia"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kepala Kantor Wilayah Kementerian Hukum dan HAM Jawa Tengah Arif Wicaksono membuka pelatihan.",
            ("Arif Wicaksono", f"Kepala Kantor Wilayah {LAW}", f"Kantor Wilayah {LAW} Provinsi Jawa Tengah"),
        ),
        (
            "Kakanwil Kemenkumham Jateng Arif Wicaksono membuka pelatihan.",
            ("Arif Wicaksono", f"Kepala Kantor Wilayah {LAW}", f"Kantor Wilayah {LAW} Provinsi Jawa Tengah"),
        ),
        # the ministry since its split, by its short name
        (
            "Kakanwil Kemenkum Jateng Arif Wicaksono membuka pelatihan.",
            (
                "Arif Wicaksono",
                "Kepala Kantor Wilayah Kementerian Hukum",
                "Kantor Wilayah Kementerian Hukum Provinsi Jawa Tengah",
            ),
        ),
        (
            "Kepala Divisi Pemasyarakatan Kanwil Kemenkumham Jateng, Arif Wicaksono, membuka pelatihan.",
            ("Arif Wicaksono", "Kepala Divisi Pemasyarakatan", f"Kantor Wilayah {LAW} Provinsi Jawa Tengah"),
        ),
    ],
)
def test_the_regional_office_of_the_ministry_of_law(officials, text, expected):
    assert officials(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ketua KPU Kukar Dedi Kurniadi membuka rapat pleno.",
            ("Dedi Kurniadi", "Ketua Komisi Pemilihan Umum", "KPU Kabupaten Kutai Kartanegara"),
        ),
        (
            "Ketua Bawaslu Labura Dedi Kurniadi membuka rapat.",
            ("Dedi Kurniadi", "Ketua Badan Pengawas Pemilihan Umum", "Bawaslu Kabupaten Labuhanbatu Utara"),
        ),
        ("Bupati Lobar Dadan Hamdani membuka pameran.", ("Dadan Hamdani", "Bupati", "Kabupaten Lombok Barat")),
        (
            "Kapolres Lotim AKBP Teguh Santoso memimpin apel.",
            ("Teguh Santoso", "Kepala Kepolisian Resor", "Polres Lombok Timur"),
        ),
        (
            "Kepala Dinas Kesehatan Kutim Wulan Permatasari membuka posyandu.",
            ("Wulan Permatasari", "Kepala Dinas Kesehatan", "Kabupaten Kutai Timur"),
        ),
        (
            "Wakil Bupati PPU Dadan Hamdani meninjau jalan.",
            ("Dadan Hamdani", "Wakil Bupati", "Kabupaten Penajam Paser Utara"),
        ),
        ("Bupati Kubar Dadan Hamdani meninjau jalan.", ("Dadan Hamdani", "Bupati", "Kabupaten Kutai Barat")),
        ("Bupati Loteng Dadan Hamdani meninjau jalan.", ("Dadan Hamdani", "Bupati", "Kabupaten Lombok Tengah")),
    ],
)
def test_abbreviated_kabupaten_names_after_a_body_or_title(officials, text, expected):
    assert officials(text) == [expected]
