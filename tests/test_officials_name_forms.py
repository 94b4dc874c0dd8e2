"""Names and title prefixes as real releases write them (issue 12): a lower-case acting prefix
(`pj.`) that neither loses the post nor ends the sentence, local particles written short
(`Tjok.`), a lower-case part inside a name that its degrees close, a degree written with a space
that is no name. Invented sentences, exact (name, role, jurisdiction)."""

from __future__ import annotations

import pytest

from pipeline.nlp import make_doc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Program itu berjalan baik di Provinsi Maluku Utara,” tambah pj. Gubernur Suryadi Rahman.",
            [("Suryadi Rahman", "Penjabat Gubernur", "Provinsi Maluku Utara")],
        ),
        (
            "Wakil Gubernur Bali Tjok. Gede Rai Pemayun membuka pameran.",
            [("Tjok. Gede Rai Pemayun", "Wakil Gubernur", "Provinsi Bali")],
        ),
        (
            "Hal itu disampaikan Bupati Garut Hendra wijaya Sitorus, SE, MM di aula.",
            [("Hendra wijaya Sitorus", "Bupati", "Kabupaten Garut")],
        ),
        # a lower-case word that no degree closes is prose, not a name part
        (
            "Kapolres Garut Budi menyerahkan Bantuan Sosial kepada warga.",
            [("Budi", "Kepala Kepolisian Resor", "Polres Garut")],
        ),
        (
            "Hadir Sekretaris Daerah Kabupaten Garut Dr. H. Rina Kartika Dewi, M. Si, Asisten Daerah Lingkup"
            " setda Kabupaten Garut, dan warga.",
            [("Rina Kartika Dewi", "Sekretaris Daerah", "Kabupaten Garut")],
        ),
    ],
)
def test_name_forms(officials, text, expected):
    assert officials(text) == expected


def test_a_lower_case_acting_prefix_does_not_end_the_sentence(nlp):
    doc = make_doc(nlp, "Program itu berjalan baik, tambah pj. Gubernur Suryadi. Lalu ia pergi.")
    assert [s.text for s in doc.sents] == ["Program itu berjalan baik, tambah pj. Gubernur Suryadi.", "Lalu ia pergi."]


def test_two_titles_then_their_names_in_parentheses(officials):
    text = (
        "Pawai budaya dibuka Gubernur Bali dan Wakil Gubernur (Bapak Made Suarsa serta Bapak Tjok. Gede Rai Pemayun)."
    )
    assert officials(text) == [
        ("Made Suarsa", "Gubernur", "Provinsi Bali"),
        ("Tjok. Gede Rai Pemayun", "Wakil Gubernur", "Provinsi Bali"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the title has its region: a region's name after it is the first part of the name
        (
            "Wali Kota Bogor Bima Prasetya meninjau pasar. Bima Prasetya meminta pedagang tertib.",
            [("Bima Prasetya", "Wali Kota", "Kota Bogor")],
        ),
        # a region after a body without one is still skipped
        (
            "Ketua KPU Sulut Ronald Sumampouw hadir.",
            [("Ronald Sumampouw", "Ketua Komisi Pemilihan Umum", "KPU Provinsi Sulawesi Utara")],
        ),
    ],
)
def test_a_region_name_after_a_placed_title_is_a_name(officials, text, expected):
    assert officials(text) == expected


def test_the_name_mention_covers_a_rank_written_before_it(run_stages):
    text = "Kepala Bidang Humas Polda Metro Jaya Komisaris Besar Yusuf Hartanto mengatakan, pelaku ditangkap."
    (official,) = run_stages(text, through="officials").officials
    assert (official.name, official.rank) == ("Yusuf Hartanto", "Komisaris Besar")
    assert [(m.text, m.kind) for m in official.mentions] == [
        ("Kepala Bidang Humas Polda Metro Jaya", "title"),
        ("Komisaris Besar Yusuf Hartanto", "name"),
    ]


def test_an_undotted_academic_title_is_no_name(officials):
    text = "Acara dihadiri Kakanwil Kemenag Sumsel melalui Kabag TU, Drs H.Rahmat Saleh serta tokoh agama."
    assert officials(text) == [
        ("Rahmat Saleh", "Kepala Bagian Tata Usaha", "Kantor Wilayah Kementerian Agama Provinsi Sumatera Selatan")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two capitals without points inside a name are its initials
        (
            "Menteri Riset Bambang PS Wiratmo mengatakan, riset penting.",
            [("Bambang PS Wiratmo", "Menteri", "Kementerian Riset")],
        ),
        # a court's acronym after the name is not one
        (
            "Ketua PA Garut Asep Sunandar PA Garut hadir.",
            [("Asep Sunandar", "Ketua Pengadilan Agama", "Pengadilan Agama Garut")],
        ),
    ],
)
def test_initials_without_points(officials, text, expected):
    assert officials(text) == expected


def test_a_region_after_a_ministry_office_title_is_not_the_name(officials):
    """The title of a ministry's office has no region before the one named after it: Kaur is the
    kabupaten. (Its jurisdiction is then the office of Kabupaten Kaur; see the test below.)"""
    ((name, role, _),) = officials("Kakan Kemenag Kaur Ahmad Rifai, SAg, MHI menyatakan, supervisi KUA dilakukan.")
    assert (name, role) == ("Ahmad Rifai", "Kepala Kantor Kementerian Agama")


def test_the_region_after_an_abbreviated_ministry_office_is_its_jurisdiction(officials):
    assert officials("Kakan Kemenag Kaur Ahmad Rifai menyatakan, supervisi KUA dilakukan.") == [
        ("Ahmad Rifai", "Kepala Kantor Kementerian Agama", "Kantor Kementerian Agama Kabupaten Kaur")
    ]


def test_an_unknown_seat_after_a_court_is_not_the_name(officials):
    assert officials("Waka PN Sukamaju Darmaji, S.H. membuka rapat.") == [
        ("Darmaji", "Wakil Ketua Pengadilan Negeri", "Pengadilan Negeri Sukamaju")
    ]
