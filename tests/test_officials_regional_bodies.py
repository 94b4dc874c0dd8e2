"""Officials of regional bodies (issue 12): a province or kabupaten written by its alias after a
police or prosecutor's body resolves to its Kemendagri name, police posts composed with their unit
in one word are written out, and a ministry named with a region is its regional office. Invented
sentences, exact (name, role, jurisdiction)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kapolda NTT Irjen Pol Budi Santoso menerima kunjungan rombongan mahasiswa.",
            ("Budi Santoso", "Kepala Kepolisian Daerah", "Polda Nusa Tenggara Timur"),
        ),
        (
            "Wakapolda NTT Brigjen Pol Andi Wijaya memimpin apel pagi.",
            ("Andi Wijaya", "Wakil Kepala Kepolisian Daerah", "Polda Nusa Tenggara Timur"),
        ),
        (
            "Kapolda Jateng Irjen Pol Hendra Kusuma meninjau pos pengamanan.",
            ("Hendra Kusuma", "Kepala Kepolisian Daerah", "Polda Jawa Tengah"),
        ),
        (
            "Kapolda DIY Irjen Pol Rudi Hartanto membuka lomba.",
            ("Rudi Hartanto", "Kepala Kepolisian Daerah", "Polda Daerah Istimewa Yogyakarta"),
        ),
        (
            "Kajati Jatim Agus Salim memimpin upacara.",
            ("Agus Salim", "Kepala Kejaksaan Tinggi", "Kejaksaan Tinggi Jawa Timur"),
        ),
        # a place written in capitals takes the gazetteer's spelling; one it does not know stays as written
        (
            "KAPOLRES POSO AKBP Dedi Kurniawan meninjau lokasi.",
            ("Dedi Kurniawan", "Kepala Kepolisian Resor", "Polres Poso"),
        ),
        (
            "Kapolda Metro Jaya Irjen Pol Bayu Prasetyo meninjau lokasi.",
            ("Bayu Prasetyo", "Kepala Kepolisian Daerah", "Polda Metro Jaya"),
        ),
    ],
)
def test_a_region_alias_after_a_body_is_the_region(officials, text, expected):
    assert officials(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dirsamapta Polda NTT Kombes Pol Rudolf Manurung memimpin patroli.",
            ("Rudolf Manurung", "Direktur Samapta Bhayangkara", "Polda Nusa Tenggara Timur"),
        ),
        (
            "Direktur Samapta Polda NTT Kombes Pol Rudolf Manurung memimpin patroli.",
            ("Rudolf Manurung", "Direktur Samapta Bhayangkara", "Polda Nusa Tenggara Timur"),
        ),
        (
            "Dirlantas Polda Jateng Kombes Pol Tono Wibisono memimpin patroli.",
            ("Tono Wibisono", "Direktur Lalu Lintas", "Polda Jawa Tengah"),
        ),
        (
            "Dirreskrimum Polda Kaltim Kombes Pol Ari Gunawan memimpin penyelidikan.",
            ("Ari Gunawan", "Direktur Reserse Kriminal Umum", "Polda Kalimantan Timur"),
        ),
        (
            "Dirpolairud Polda Kalbar Kombes Pol Made Wirawan memimpin patroli laut.",
            ("Made Wirawan", "Direktur Kepolisian Perairan dan Udara", "Polda Kalimantan Barat"),
        ),
        (
            "Kabidhumas Polda Sumut Kombes Pol Hadi Wibowo menjelaskan kronologi kejadian.",
            ("Hadi Wibowo", "Kepala Bidang Hubungan Masyarakat", "Polda Sumatera Utara"),
        ),
        (
            "Kabidpropam Polda Sulsel Kombes Pol Yusuf Hamzah memeriksa kelengkapan anggota.",
            ("Yusuf Hamzah", "Kepala Bidang Profesi dan Pengamanan", "Polda Sulawesi Selatan"),
        ),
        (
            "Kasatreskrim Polres Bantul AKP Dedi Kurniawan memimpin penangkapan.",
            ("Dedi Kurniawan", "Kepala Satuan Reserse Kriminal", "Polres Bantul"),
        ),
    ],
)
def test_a_police_post_composed_with_its_unit(officials, text, expected):
    assert officials(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kepala Kemenag Seluma Sunardi membuka lomba tilawah.",
            ("Sunardi", "Kepala Kantor Kementerian Agama", "Kantor Kementerian Agama Kabupaten Seluma"),
        ),
        (
            "Kasubbag TU Kemenag Seluma Marzuki membacakan laporan.",
            ("Marzuki", "Kepala Subbagian Tata Usaha", "Kantor Kementerian Agama Kabupaten Seluma"),
        ),
        (
            "Kepala Kementerian Agama Kota Kendari Ahmad Fauzi meresmikan balai nikah.",
            ("Ahmad Fauzi", "Kepala Kantor Kementerian Agama", "Kantor Kementerian Agama Kota Kendari"),
        ),
        (
            "Kakan Kemenag Kota Kendari Ahmad Fauzi meresmikan balai nikah.",
            ("Ahmad Fauzi", "Kepala Kantor Kementerian Agama", "Kantor Kementerian Agama Kota Kendari"),
        ),
        # with a province it is the Kantor Wilayah
        (
            "Kepala Kemenag Provinsi Bengkulu Hasan Basri membuka lomba tilawah.",
            (
                "Hasan Basri",
                "Kepala Kantor Wilayah Kementerian Agama",
                "Kantor Wilayah Kementerian Agama Provinsi Bengkulu",
            ),
        ),
        (
            "Kepala Kemenkumham Sulsel Andi Wijaya membuka pelatihan.",
            (
                "Andi Wijaya",
                "Kepala Kantor Wilayah Kementerian Hukum dan Hak Asasi Manusia",
                "Kantor Wilayah Kementerian Hukum dan Hak Asasi Manusia Provinsi Sulawesi Selatan",
            ),
        ),
    ],
)
def test_a_ministry_named_with_a_region_is_its_regional_office(officials, text, expected):
    assert officials(text) == [expected]


def test_a_ministry_without_an_office_in_a_kabupaten_stays_as_named(officials):
    text = "Kepala Kemenkumham Kota Makassar Andi Wijaya membuka pelatihan."
    assert officials(text) == [
        (
            "Andi Wijaya",
            "Kepala Kementerian Hukum dan Hak Asasi Manusia",
            "Kementerian Hukum dan Hak Asasi Manusia Kota Makassar",
        )
    ]


def test_a_kabupaten_alias_after_a_polres(officials):
    assert officials("Kapolres Tangsel AKBP Yoga Pratama meninjau lokasi.") == [
        ("Yoga Pratama", "Kepala Kepolisian Resor", "Polres Tangerang Selatan")
    ]


def test_the_body_of_a_post_set_off_by_commas_before_the_name(officials):
    text = "Kepala Sub Bagian Tata Usaha, Kemenag Kabupaten Garut, H Dadang Ruhiyat mengatakan hal itu."
    assert officials(text) == [
        ("Dadang Ruhiyat", "Kepala Subbagian Tata Usaha", "Kantor Kementerian Agama Kabupaten Garut")
    ]
