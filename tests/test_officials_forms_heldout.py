"""Forms of officials' mentions that real releases use and the development set did not show
(issue 12): a TNI corps after the rank, the holder's name in parentheses after the title,
titles written in lower case in running text, a member's faction between the council post and
the name, and the old name of the Ministry of Law and Human Rights. Invented sentences, exact
(name, role, jurisdiction) expected."""

from __future__ import annotations

import pytest

from pipeline.record import QuoteKind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the corps after a rank is no part of the name: with or without a point or parentheses
        (
            "Komandan Kodim 0611/Garut Kolonel Arm. Dedi Kurniawan meninjau lokasi longsor.",
            ("Dedi Kurniawan", "Komandan Komando Distrik Militer", "Kodim 0611/Garut"),
        ),
        (
            "Dandim 0735/Surakarta Letkol Czi Heru Setiawan membuka karya bakti.",
            ("Heru Setiawan", "Komandan Komando Distrik Militer", "Kodim 0735/Surakarta"),
        ),
        (
            "Danrem 074/Warastratama, Kolonel (Cpn) Yudi Hartanto, menerima kunjungan.",
            ("Yudi Hartanto", "Komandan Komando Resor Militer", "Korem 074/Warastratama"),
        ),
        (
            "Dandim 0815/Mojokerto Letkol Kav. Wahyu Pratama menyerahkan bantuan.",
            ("Wahyu Pratama", "Komandan Komando Distrik Militer", "Kodim 0815/Mojokerto"),
        ),
    ],
)
def test_a_corps_after_a_rank_is_no_part_of_the_name(officials, text, expected):
    assert officials(text) == [expected]


def test_a_corps_after_a_rank_is_kept_out_of_a_persons_name(extract):
    """A person named with a rank after a title the lexicons do not know: the corps is no name part."""
    record = extract("Pasiter Lanud Sulaiman, Kapten Pnb Asep Sudrajat, memimpin kerja bakti.")
    assert [p.name for p in [*record.officials, *record.persons]] == ["Asep Sudrajat"]


def test_the_corps_is_kept_with_the_rank(run_stages):
    state = run_stages("Dandim 0611/Garut Letkol Arm Dedi Kurniawan membuka acara.", through="officials")
    assert [(o.name, o.rank) for o in state.officials] == [("Dedi Kurniawan", "Letkol Arm")]


def test_a_corps_word_without_a_rank_is_read_as_it_stands(officials):
    """A corps is a corps only right after a rank: `Camat Kes` is no rank-and-name."""
    assert officials("Sekretaris Camat Mar Suwandi menerima tamu.") == [("Mar Suwandi", "Sekretaris Camat", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Camat Cilandak (Suharno) membuka musyawarah perencanaan pembangunan.",
            [("Suharno", "Camat", "Kecamatan Cilandak")],
        ),
        (
            "Bupati Garut (H. Rudi Gunawan) meresmikan pasar.",
            [("Rudi Gunawan", "Bupati", "Kabupaten Garut")],
        ),
        # a short form in parentheses is still skipped, and the name follows it
        (
            "Kepala Dinas Kesehatan (Kadinkes) Kabupaten Garut Rina Marlina membuka acara.",
            [("Rina Marlina", "Kepala Dinas Kesehatan", "Kabupaten Garut")],
        ),
    ],
)
def test_the_holder_named_in_parentheses_after_the_title(officials, text, expected):
    assert officials(text) == expected


def test_an_unknown_short_form_in_parentheses_before_the_name_is_no_name(officials):
    """A capitalised word after the parentheses: they held a short form, the name follows."""
    text = "Ketua Umum Ikatan Penerbit Daerah (Ikapeda) Yusuf Maulana mengatakan penjualan naik."
    assert officials(text) == []


def test_the_holder_in_parentheses_is_the_speaker_not_the_seat(quotes):
    text = (
        "Camat Cilandak (Suharno) membuka musyawarah perencanaan pembangunan. "
        "Ia menyampaikan bahwa usulan warga akan ditampung."
    )
    assert quotes(text) == [
        (QuoteKind.INDIRECT, "usulan warga akan ditampung", "menyampaikan", "Suharno"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sosialisasi dibuka oleh kasi Pemerintahan Kecamatan Cilandak, Dewi Lestari, di aula kecamatan.",
            [("Dewi Lestari", "Kepala Seksi Pemerintahan", "Kecamatan Cilandak")],
        ),
        (
            "Data itu disampaikan kepala KUA Cilandak Imam Syafii dalam rapat.",
            [("Imam Syafii", "Kepala Kantor Urusan Agama", "KUA Kecamatan Cilandak")],
        ),
        (
            "Pawai itu dilepas walikota Surakarta Bambang Hermawan dari balai kota.",
            [("Bambang Hermawan", "Wali Kota", "Kota Surakarta")],
        ),
        (
            "Rapat dipimpin bupati Garut Hendra Wijaya bersama jajaran.",
            [("Hendra Wijaya", "Bupati", "Kabupaten Garut")],
        ),
        (
            "Kegiatan itu juga dihadiri kepala Puskesmas Cilandak dr. Rina Marlina.",
            [("Rina Marlina", "Kepala Pusat Kesehatan Masyarakat", "Puskesmas Cilandak")],
        ),
        (
            "Kantor itu harus segera dibangun, ujar anggota Komisi A DPRD Kabupaten Garut H Rudi Hartono.",
            [("Rudi Hartono", "Anggota Komisi A", "DPRD Kabupaten Garut")],
        ),
    ],
)
def test_a_title_in_lower_case_before_its_unit_or_region_and_name(officials, text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rapat itu dihadiri para kepala desa se-kecamatan.",
        "Setiap kepala dinas wajib hadir dalam rapat.",
        "Usulan itu diteruskan kepada camat untuk ditindaklanjuti.",
        "Usulan itu disampaikan kepada gubernur Jawa Barat dalam rapat.",
        "Rapat dihadiri kepala Dinas Kesehatan Kabupaten Garut dan jajarannya.",
        # one capitalised word after a title with no jurisdiction may be its seat
        "Warga berharap kepala desa Sukamaju segera memperbaiki jalan.",
    ],
)
def test_a_title_in_lower_case_alone_names_no_official(officials, text):
    assert officials(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Anggota DPRD Kabupaten Garut dari Fraksi PDI Perjuangan, Sri Mulyani, menggelar reses.",
            ("Sri Mulyani", "Anggota Dewan Perwakilan Rakyat Daerah", "DPRD Kabupaten Garut"),
        ),
        (
            "Wakil Ketua DPRD Kota Surakarta dari Partai Golkar, Anton Prasetyo, menerima aspirasi.",
            ("Anton Prasetyo", "Wakil Ketua Dewan Perwakilan Rakyat Daerah", "DPRD Kota Surakarta"),
        ),
        (
            "Anggota Komisi B DPRD Provinsi Jawa Barat dari Fraksi PKS Dadang Suherman meninjau irigasi.",
            ("Dadang Suherman", "Anggota Komisi B", "DPRD Provinsi Jawa Barat"),
        ),
    ],
)
def test_a_faction_between_the_council_post_and_the_name(officials, text, expected):
    assert officials(text) == [expected]


def test_a_faction_after_the_post_is_no_name_and_the_name_before_holds_it(officials):
    text = "Dedi Kurniawan Anggota DPRD Kabupaten Garut Fraksi Gerindra Dapil 2 mengunjungi warga."
    assert officials(text) == [("Dedi Kurniawan", "Anggota Dewan Perwakilan Rakyat Daerah", "DPRD Kabupaten Garut")]


def test_a_party_named_by_its_acronym_after_dari(officials):
    text = "Warga menemui anggota DPRD Kabupaten Garut dari PKB Iwan Setiawan di posko."
    assert officials(text) == [("Iwan Setiawan", "Anggota Dewan Perwakilan Rakyat Daerah", "DPRD Kabupaten Garut")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kepala Kantor Wilayah Kementerian Hukum dan HAM DI Yogyakarta Bambang Setiadi membuka pelatihan.",
            (
                "Bambang Setiadi",
                "Kepala Kantor Wilayah Kementerian Hukum dan Hak Asasi Manusia",
                "Kantor Wilayah Kementerian Hukum dan Hak Asasi Manusia Provinsi Daerah Istimewa Yogyakarta",
            ),
        ),
        (
            "Kepala Kanwil Kementerian Hukum dan HAM Jawa Tengah, Bambang Setiadi, membuka pelatihan.",
            (
                "Bambang Setiadi",
                "Kepala Kantor Wilayah Kementerian Hukum dan Hak Asasi Manusia",
                "Kantor Wilayah Kementerian Hukum dan Hak Asasi Manusia Provinsi Jawa Tengah",
            ),
        ),
        (
            "Kakanwil Kemenkumham Sumut Bambang Setiadi membuka pelatihan.",
            (
                "Bambang Setiadi",
                "Kepala Kantor Wilayah Kementerian Hukum dan Hak Asasi Manusia",
                "Kantor Wilayah Kementerian Hukum dan Hak Asasi Manusia Provinsi Sumatera Utara",
            ),
        ),
    ],
)
def test_the_regional_office_of_the_ministry_of_law_and_human_rights(officials, text, expected):
    assert officials(text) == [expected]
