"""Officials of the parts of an office (issue 12): a directorate general's post belongs to its
ministry, a `Kepala Bidang` with no body named to the office of the release, a `Kepala Bagian`
to the region's Sekretariat Daerah. Invented sentences, exact (name, role, jurisdiction)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Direktur Jenderal Bina Marga Hasan Wirawan meninjau jembatan darurat.",
            ("Hasan Wirawan", "Direktur Jenderal Bina Marga", "Kementerian Pekerjaan Umum"),
        ),
        (
            "Rapat dibuka oleh Direktur Jenderal Kependudukan dan Pencatatan Sipil Rudi Hartono.",
            ("Rudi Hartono", "Direktur Jenderal Kependudukan dan Pencatatan Sipil", "Kementerian Dalam Negeri"),
        ),
    ],
)
def test_a_directorate_general_belongs_to_its_ministry(officials, text, expected):
    assert expected in officials(text)


def test_a_head_of_a_field_belongs_to_the_office_of_the_release(officials):
    text = (
        "Kepala Dinas Kesehatan membuka rapat koordinasi di aula.\n\n"
        "Turut hadir Kepala Bidang Pelayanan Kesehatan Rina Marlina dan Kasi Kesehatan Keluarga Joko Prasetyo."
    )
    assert officials(text, url="https://pesawaran.go.id/berita/12") == [
        ("Rina Marlina", "Kepala Bidang Pelayanan Kesehatan", "Dinas Kesehatan Kabupaten Pesawaran"),
        ("Joko Prasetyo", "Kepala Seksi Kesehatan Keluarga", "Dinas Kesehatan Kabupaten Pesawaran"),
    ]


def test_a_head_of_a_bagian_is_not_in_a_ministry_office_nearby(officials):
    text = (
        "Kepala Kantor Kementerian Agama Kota Kendari, Ahmad Fauzi, meresmikan balai nikah. "
        "Hadir pula Kepala Bagian Kesra, Dedi Kurniawan."
    )
    assert officials(text) == [
        ("Ahmad Fauzi", "Kepala Kantor Kementerian Agama", "Kantor Kementerian Agama Kota Kendari"),
        ("Dedi Kurniawan", "Kepala Bagian Kesejahteraan Rakyat", "Sekretariat Daerah Kota Kendari"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the field of a dinas after a bare `Kepala`, then its region
        (
            "Hadir Kepala PUPR Kabupaten Garut H. M Bayu Santoso, dan perwakilan warga.",
            [("M Bayu Santoso", "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "Kabupaten Garut")],
        ),
        # a region's unit word in lower case
        (
            "Rapat itu dihadiri Sekretaris Daerah kabupaten Garut Dr. H. Rina Kartika Dewi, M. Si, dan warga.",
            [("Rina Kartika Dewi", "Sekretaris Daerah", "Kabupaten Garut")],
        ),
        # `Lingkup` after a title is a common word, not a name
        ("Rapat dihadiri Asisten Daerah Lingkup setda Kabupaten Garut dan para camat.", []),
    ],
)
def test_heads_named_with_short_or_lower_case_units(officials, text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an office of a kecamatan is named by its kecamatan written out
        (
            "Hadir Kepala KUA Cibadak, Ahmad Sobari, dan Kepala Kantor Urusan Agama Kecamatan Cugenang Dedi Supriadi.",
            [
                ("Ahmad Sobari", "Kepala Kantor Urusan Agama", "KUA Kecamatan Cibadak"),
                ("Dedi Supriadi", "Kepala Kantor Urusan Agama", "KUA Kecamatan Cugenang"),
            ],
        ),
        # `Waka` + a court
        (
            "Waka PA Garut Ahmad Fauzi, Lc.,M.E.I. juga hadir.",
            [("Ahmad Fauzi", "Wakil Ketua Pengadilan Agama", "Pengadilan Agama Garut")],
        ),
        # a sub-part, then the part it belongs to, then the secretariat
        (
            "Kepala Subbag Protokol Bagian Humas Setwan Jabar Rudi Hartono menjelaskan.",
            [("Rudi Hartono", "Kepala Subbagian Protokol", "Sekretariat DPRD Provinsi Jawa Barat")],
        ),
        (
            "Hal itu disampaikan Kepala Subag Peliputan dan Protokol Setwan Jabar Rudi Hartono.",
            [("Rudi Hartono", "Kepala Subbagian Peliputan dan Protokol", "Sekretariat DPRD Provinsi Jawa Barat")],
        ),
        # the part named by its field's short form after the sub-part's unit
        (
            "Hal itu disampaikan Kepala Subag Peliputan dan Protokol Humas Setwan Jabar Rudi Hartono.",
            [("Rudi Hartono", "Kepala Subbagian Peliputan dan Protokol", "Sekretariat DPRD Provinsi Jawa Barat")],
        ),
        (
            "Kasubbag Humas dan Protokol Setwan Jabar Rudi Hartono hadir.",
            [
                (
                    "Rudi Hartono",
                    "Kepala Subbagian Hubungan Masyarakat dan Protokol",
                    "Sekretariat DPRD Provinsi Jawa Barat",
                )
            ],
        ),
        (
            "Kasubbag Umum Bagian Tata Usaha Dinas Kesehatan Kota Bogor Rina Marlina hadir.",
            [("Rina Marlina", "Kepala Subbagian Umum", "Dinas Kesehatan Kota Bogor")],
        ),
    ],
)
def test_offices_of_districts_courts_and_secretariats(officials, text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a post held together with one outside the state: the name after the second is the first's holder
        (
            "Ketua Dewan Perwakilan Rakyat Daerah (DPRD) Kabupaten Garut sekaligus Ketua Asosiasi Petani Garut"
            " (APG) Rahmat Hidayat menerima tamu.",
            [("Rahmat Hidayat", "Ketua Dewan Perwakilan Rakyat Daerah", "DPRD Kabupaten Garut")],
        ),
        # a region's unit word that ends the name of a dinas, and names no village
        (
            "Hadir Kepala Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Garut Rina Marlina.",
            [("Rina Marlina", "Kepala Dinas Pemberdayaan Masyarakat dan Desa", "Kabupaten Garut")],
        ),
        (
            "Hadir Kepala Dinas Pemberdayaan Masyarakat dan Kalurahan Dra. Rina Marlina, M.Si, dan camat"
            " di Kabupaten Bantul.",
            [("Rina Marlina", "Kepala Dinas Pemberdayaan Masyarakat dan Kalurahan", "Kabupaten Bantul")],
        ),
    ],
)
def test_concurrent_posts_and_unit_names_ending_in_a_region_unit(officials, text, expected):
    assert officials(text) == expected


def test_a_name_abbreviated_two_ways_is_one_person(officials):
    text = (
        "Tamu diterima Kasubag Umum Sekretariat DPRD Garut Moch. Arif Santoso. "
        "Sementara Kasubag Umum Moh. Arif Santoso mengatakan kunjungan itu penting."
    )
    assert officials(text) == [("Moch. Arif Santoso", "Kepala Subbagian Umum", "Sekretariat DPRD Kabupaten Garut")]


def test_a_regional_land_office_by_its_acronym(officials):
    assert officials("Rapat dengan Kepala Kantor ATR/BPN Kota Bogor Rudi Hartono, A.Ptnh, M.H, Selasa.") == [
        (
            "Rudi Hartono",
            "Kepala Kantor Agraria dan Tata Ruang/Badan Pertanahan Nasional",
            "Kantor Agraria dan Tata Ruang/Badan Pertanahan Nasional Kota Bogor",
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Waka Polres Garut Kompol Dedi Santoso memimpin apel pagi.",
            [("Dedi Santoso", "Wakil Kepala Kepolisian Resor", "Polres Garut")],
        ),
        (
            "Wakapolsek Garut Kota Iptu Yayan Suryana memeriksa pos jaga.",
            [("Yayan Suryana", "Wakil Kepala Kepolisian Sektor", "Polsek Garut Kota")],
        ),
    ],
)
def test_waka_of_a_police_unit_is_its_deputy_head_not_a_deputy_chair(officials, text, expected):
    assert officials(text) == expected


def test_a_penyelenggara_of_a_ministry_office_belongs_to_the_office_the_release_names(officials):
    """Kemenag kabupaten/kota offices have `Penyelenggara` posts where they have no section."""
    text = (
        "Kepala Kantor Kementerian Agama Kabupaten Garut, H. Ahmad Rifai menerima kunjungan Ketua Baznas, "
        "Selasa (18/2/2025).\n\nKunjungan itu turut didampingi Penyelenggara Zakat dan Wakaf "
        "Suryadi Pratama beserta staf."
    )
    assert officials(text) == [
        ("Ahmad Rifai", "Kepala Kantor Kementerian Agama", "Kantor Kementerian Agama Kabupaten Garut"),
        ("Suryadi Pratama", "Penyelenggara Zakat dan Wakaf", "Kantor Kementerian Agama Kabupaten Garut"),
    ]


def test_a_penyelenggara_with_its_region_is_of_that_region_s_ministry_office(officials):
    text = "Kepala Kantor Pertanahan Kota Bogor menerima Penyelenggara Zakat dan Wakaf Kota Bogor Suryadi Pratama."
    assert officials(text) == [
        ("Suryadi Pratama", "Penyelenggara Zakat dan Wakaf", "Kantor Kementerian Agama Kota Bogor")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kepala Puskesmas Kalasan dr. Rina Wulandari membuka posyandu lansia.",
            [("Rina Wulandari", "Kepala Pusat Kesehatan Masyarakat", "Puskesmas Kalasan")],
        ),
        (
            "Kepala UPTD Puskesmas Cangkringan, Sri Lestari, menjelaskan jadwal imunisasi.",
            [("Sri Lestari", "Kepala Pusat Kesehatan Masyarakat", "Puskesmas Cangkringan")],
        ),
        (
            "Plt Kepala Puskesmas Ngemplak II, Budi Hartono, S.Kep., hadir dalam rapat.",
            [("Budi Hartono", "Pelaksana Tugas Kepala Pusat Kesehatan Masyarakat", "Puskesmas Ngemplak II")],
        ),
    ],
)
def test_the_head_of_a_puskesmas_has_the_puskesmas_as_jurisdiction(officials, text, expected):
    assert officials(text) == expected
