"""Officials as real releases list them (issue 12): regional offices of ministries, attendee
lists, a group post followed by its holders, names glued to their degrees, lower-case titles.
Every case is an invented sentence with the exact (name, role, jurisdiction) expected."""

from __future__ import annotations

import pytest

from pipeline.vocabulary.offices import ComposedOffice, composed_office


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a post named once, then its holders after `yaitu`: each holds it, in the court named before
        (
            "Ketua Pengadilan Negeri Kendal melantik tiga Panitera Pengganti, yaitu Andi Prasetyo, "
            "Budi Santosa dan Citra Lestari.",
            [
                ("Andi Prasetyo", "Panitera Pengganti", "Pengadilan Negeri Kendal"),
                ("Budi Santosa", "Panitera Pengganti", "Pengadilan Negeri Kendal"),
                ("Citra Lestari", "Panitera Pengganti", "Pengadilan Negeri Kendal"),
            ],
        ),
        # after a colon, with the head of the court named first
        (
            "Ketua Pengadilan Agama Kendal, Dr. Hendra Gunawan, S.H., M.H., menetapkan majelis. "
            "Hakim Anggota: Dewi Lestari, Rina Wulandari dan Agus Salim.",
            [
                ("Hendra Gunawan", "Ketua Pengadilan Agama", "Pengadilan Agama Kendal"),
                ("Dewi Lestari", "Hakim Anggota", "Pengadilan Agama Kendal"),
                ("Rina Wulandari", "Hakim Anggota", "Pengadilan Agama Kendal"),
                ("Agus Salim", "Hakim Anggota", "Pengadilan Agama Kendal"),
            ],
        ),
        # after `masing-masing`, with honorifics and degrees around the names
        (
            "Pengadilan Agama Kendal mengangkat dua orang sebagai Jurusita Pengganti masing-masing "
            "H. Andi Prasetyo, S.H. dan Budi Santosa, S.H., M.H., pagi tadi.",
            [
                ("Andi Prasetyo", "Juru Sita Pengganti", "Pengadilan Agama Kendal"),
                ("Budi Santosa", "Juru Sita Pengganti", "Pengadilan Agama Kendal"),
            ],
        ),
    ],
)
def test_a_post_held_by_each_name_of_the_list_after_it(officials, text, expected):
    assert officials(text) == expected


def test_only_the_first_holder_of_a_listed_post_is_named_with_its_title(run_stages):
    text = "Ketua Pengadilan Negeri Kendal melantik Panitera Pengganti, yaitu Andi Prasetyo dan Budi Santosa."
    first, second = run_stages(text, through="officials").officials
    assert [(m.text, m.kind) for m in first.mentions] == [("Panitera Pengganti", "title"), ("Andi Prasetyo", "name")]
    assert [(m.text, m.kind) for m in second.mentions] == [("Budi Santosa", "name")]


@pytest.mark.parametrize(
    "text",
    [
        # the items of the list are events, not people
        "Ketua Pengadilan Agama Kendal memimpin dua agenda, yaitu Pengambilan Sumpah Jabatan dan Pelantikan Pejabat.",
        # places
        "Bupati Kendal meninjau dua lokasi, yaitu Pasar Weleri dan Alun-Alun Kendal.",
        # a statement after a colon
        "Kepala Dinas Pendidikan Kota Salatiga: Pendaftaran sekolah dibuka Senin.",
    ],
)
def test_a_list_of_things_after_a_post_names_nobody(officials, text):
    assert officials(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attendee list: title, name, title, name; a title without a region takes the first one's
        (
            "Turut hadir Kepala Bappeda Kabupaten Kendal, Rudi Hartono, Kepala DPUPR, Sinta Wulandari, "
            "dan Kadisbudparpora, Agus Permana.",
            [
                ("Rudi Hartono", "Kepala Badan Perencanaan Pembangunan Daerah", "Kabupaten Kendal"),
                ("Sinta Wulandari", "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "Kabupaten Kendal"),
                ("Agus Permana", "Kepala Dinas Kebudayaan, Pariwisata, Pemuda dan Olahraga", "Kabupaten Kendal"),
            ],
        ),
        (
            "Hadir pula Sekretaris Daerah Kota Salatiga, Bambang Irawan, Camat Sidorejo, Joko Susilo, "
            "dan Ketua Dharma Wanita, Lina Marlina.",
            [
                ("Bambang Irawan", "Sekretaris Daerah", "Kota Salatiga"),
                ("Joko Susilo", "Camat", "Kecamatan Sidorejo"),
            ],
        ),
    ],
)
def test_attendee_lists(officials, text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # degrees glued to the name and to each other, honorifics glued to the name and to each other
        (
            "Kepala Dinas Kesehatan Kabupaten Kendal H. Rahmat Sujono,S.H.,M.Si. membuka acara.",
            ("Rahmat Sujono", "Kepala Dinas Kesehatan", "Kabupaten Kendal"),
        ),
        ("Camat Weleri Drs.H.Kusnadi membuka acara.", ("Kusnadi", "Camat", "Kecamatan Weleri")),
        (
            "Kepala Dinas Pendidikan Kota Salatiga Hj.Sri Rahayu,S.Pd mengatakan sekolah siap.",
            ("Sri Rahayu", "Kepala Dinas Pendidikan", "Kota Salatiga"),
        ),
        ("Bupati Kendal Dr.Ir.Budi Santoso,M.T membuka acara.", ("Budi Santoso", "Bupati", "Kabupaten Kendal")),
        # the name with its degrees before `sebagai` and the title
        (
            "Rina Wulandari, S.H. sebagai Kepala Bagian Hukum Sekretariat Daerah Kabupaten Kendal membacakan SK.",
            ("Rina Wulandari", "Kepala Bagian Hukum", "Sekretariat Daerah Kabupaten Kendal"),
        ),
        # title, body, comma, honorifics, name, degrees
        (
            "Ketua Pengadilan Tinggi Semarang, Prof. Dr. Hendra Gunawan, S.H., M.H. membuka acara.",
            ("Hendra Gunawan", "Ketua Pengadilan Tinggi", "Pengadilan Tinggi Semarang"),
        ),
    ],
)
def test_names_glued_to_degrees_and_honorifics(officials, text, expected):
    assert officials(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lower-case head of a post before a state body is a title
        (
            "Rapat dihadiri anggota KPU Kabupaten Kendal Rina Kartika dan sekretaris KPU Joko Prasetyo.",
            [
                ("Rina Kartika", "Anggota Komisi Pemilihan Umum", "KPU Kabupaten Kendal"),
                ("Joko Prasetyo", "Sekretaris Komisi Pemilihan Umum", "KPU Kabupaten Kendal"),
            ],
        ),
        (
            "Kegiatan diawasi anggota Bawaslu Kabupaten Kendal Dedi Kurniawan.",
            [
                (
                    "Dedi Kurniawan",
                    "Anggota Badan Pengawas Pemilihan Umum",
                    "Bawaslu Kabupaten Kendal",
                )
            ],
        ),
        (
            "Menurut ketua DPRD Kabupaten Kendal Agus Riyanto, anggaran sudah disahkan.",
            [("Agus Riyanto", "Ketua Dewan Perwakilan Rakyat Daerah", "DPRD Kabupaten Kendal")],
        ),
        # not before a state body: a group of citizens
        ("Rapat dihadiri anggota kelompok tani Sumber Rejeki di balai desa.", []),
    ],
)
def test_lower_case_titles_before_a_body(officials, text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a division between the post and the name is not the name
        (
            "Anggota KPU Kota Salatiga Divisi Teknis Penyelenggaraan Rina Kartika menjelaskan tahapan.",
            ("Rina Kartika", "Anggota Komisi Pemilihan Umum", "KPU Kota Salatiga"),
        ),
        (
            "Anggota KPU Kota Salatiga, Divisi Hukum dan Pengawasan, Joko Santoso, hadir.",
            ("Joko Santoso", "Anggota Komisi Pemilihan Umum", "KPU Kota Salatiga"),
        ),
        (
            "Anggota Bawaslu Kabupaten Kendal Divisi Penanganan Pelanggaran dan Penyelesaian Sengketa, "
            "Hj. Dewi Lestari, S.H., hadir.",
            ("Dewi Lestari", "Anggota Badan Pengawas Pemilihan Umum", "Bawaslu Kabupaten Kendal"),
        ),
    ],
)
def test_a_division_is_not_the_name(officials, text, expected):
    assert officials(text) == [expected]


@pytest.mark.parametrize(
    ("word", "office", "head"),
    [
        (
            "Kadisbudparpora",
            "Dinas Kebudayaan, Pariwisata, Pemuda dan Olahraga",
            "Kepala Dinas Kebudayaan, Pariwisata, Pemuda dan Olahraga",
        ),
        ("Disnakkan", "Dinas Peternakan dan Perikanan", None),
        (
            "Kadiskominfotik",
            "Dinas Komunikasi, Informatika dan Statistik",
            "Kepala Dinas Komunikasi, Informatika dan Statistik",
        ),
    ],
)
def test_dinas_abbreviations_written_out_from_their_parts(word, office, head):
    assert composed_office(word) == ComposedOffice(office, head)


@pytest.mark.parametrize("word", ["Kadarisman", "Dinda", "Diskes", "Kadis", "KADISBUD"])
def test_names_and_one_field_are_no_composed_office(word):
    assert composed_office(word) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kadisbudparpora Kabupaten Kendal Agus Permana membuka festival.",
            ("Agus Permana", "Kepala Dinas Kebudayaan, Pariwisata, Pemuda dan Olahraga", "Kabupaten Kendal"),
        ),
        (
            "Kepala Bidang Kebudayaan Disbudparpora Kabupaten Kendal, Agus Permana, membuka festival.",
            (
                "Agus Permana",
                "Kepala Bidang Kebudayaan",
                "Dinas Kebudayaan, Pariwisata, Pemuda dan Olahraga Kabupaten Kendal",
            ),
        ),
    ],
)
def test_officials_of_a_composed_dinas(officials, text, expected):
    assert officials(text) == [expected]


@pytest.mark.parametrize(
    ("text", "honorifics", "degrees"),
    [
        (
            "Kepala Dinas Kesehatan Kabupaten Kendal H. Rahmat Sujono,S.H.,M.Si. membuka acara.",
            ["H."],
            ["S.H.", "M.Si"],
        ),
        ("Sekretaris Daerah Kota Salatiga Drs.H.Bambang Irawan,SH.,MM hadir.", ["Drs.", "H."], ["SH.", "MM"]),
        (
            "Rina Wulandari,S.H.,M.H. sebagai Kepala Bagian Hukum Setda Kabupaten Kendal membacakan SK.",
            [],
            ["S.H.", "M.H."],
        ),
    ],
)
def test_degrees_glued_to_each_other_are_the_degrees_of_the_name(run_stages, text, honorifics, degrees):
    (official,) = run_stages(text, through="officials").officials
    assert (official.honorifics, official.degrees) == (honorifics, degrees)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles without a region in a list take the region of the title before them, not the dateline's
        (
            "SEMARANG – Gubernur Jawa Tengah meresmikan jembatan, Senin (6/10/2025). Turut hadir Kepala Bappeda "
            "Kabupaten Kendal, Rudi Hartono, Kepala DPUPR, Sinta Wulandari, dan Kadisbudparpora, Agus Permana.",
            [
                ("Rudi Hartono", "Kepala Badan Perencanaan Pembangunan Daerah", "Kabupaten Kendal"),
                ("Sinta Wulandari", "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "Kabupaten Kendal"),
                ("Agus Permana", "Kepala Dinas Kebudayaan, Pariwisata, Pemuda dan Olahraga", "Kabupaten Kendal"),
            ],
        ),
        # a title of another level keeps its own: a camat is of a kecamatan
        (
            "SALATIGA – Wali Kota Salatiga meresmikan taman, Senin (6/10/2025). Turut hadir Kepala Dinas Kesehatan "
            "Provinsi Jawa Tengah, Rudi Hartono, Kepala DPUPR, Sinta Wulandari, dan Camat Sidorejo, Agus Permana.",
            [
                ("Rudi Hartono", "Kepala Dinas Kesehatan", "Provinsi Jawa Tengah"),
                ("Sinta Wulandari", "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "Provinsi Jawa Tengah"),
                ("Agus Permana", "Camat", "Kecamatan Sidorejo"),
            ],
        ),
        # a title outside the list takes the article's region
        (
            "SEMARANG – Kepala Bappeda Kabupaten Kendal, Rudi Hartono, membuka rapat, Senin (6/10/2025). "
            "Materi disampaikan oleh Kepala DPUPR Sinta Wulandari.",
            [
                ("Rudi Hartono", "Kepala Badan Perencanaan Pembangunan Daerah", "Kabupaten Kendal"),
                ("Sinta Wulandari", "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "Kota Semarang"),
            ],
        ),
    ],
)
def test_a_list_of_titles_shares_its_region(officials, text, expected):
    assert officials(text) == expected
