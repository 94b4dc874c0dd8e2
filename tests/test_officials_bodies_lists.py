"""Election bodies by their short names, honorifics glued to an initial, and lists of holders of
one post (issue 12). Invented sentences, exact (name, role, jurisdiction) expected."""

from __future__ import annotations

import pytest

KPU = "Ketua Komisi Pemilihan Umum"
BAWASLU_MEMBER = "Anggota Badan Pengawas Pemilihan Umum"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a regional KPU or Bawaslu is named as the body goes by; the role stays written out
        (
            "Ketua KPU Kabupaten Jepara Ahmad Fauzi mengatakan tahapan berjalan lancar.",
            [("Ahmad Fauzi", KPU, "KPU Kabupaten Jepara")],
        ),
        (
            "Rapat dihadiri anggota Bawaslu Kabupaten Jepara Siti Aminah.",
            [("Siti Aminah", BAWASLU_MEMBER, "Bawaslu Kabupaten Jepara")],
        ),
        (
            "Ketua KPU Jawa Tengah Rudi Hartono membuka rapat pleno.",
            [("Rudi Hartono", KPU, "KPU Provinsi Jawa Tengah")],
        ),
        (
            "Ketua KPU Kota Salatiga, Dewi Lestari, menyerahkan logistik.",
            [("Dewi Lestari", KPU, "KPU Kota Salatiga")],
        ),
        # the body written out, with or without its short form
        (
            "Ketua Komisi Pemilihan Umum (KPU) Sulut Ronald Wowor mengatakan surat suara sudah dicetak.",
            [("Ronald Wowor", KPU, "KPU Provinsi Sulawesi Utara")],
        ),
        (
            "Ketua Komisi Pemilihan Umum Kabupaten Jepara Ahmad Fauzi membuka rapat pleno.",
            [("Ahmad Fauzi", KPU, "KPU Kabupaten Jepara")],
        ),
        (
            "Ketua Badan Pengawas Pemilihan Umum Kota Bogor Rina Marlina memantau rapat pleno.",
            [("Rina Marlina", "Ketua Badan Pengawas Pemilihan Umum", "Bawaslu Kota Bogor")],
        ),
        # the national body, also with `RI` or `Republik Indonesia` after it
        (
            "Anggota Komisi Pemilihan Umum Republik Indonesia (KPU RI), Ahmad Fauzi, hadir di Malang.",
            [("Ahmad Fauzi", "Anggota Komisi Pemilihan Umum", "Komisi Pemilihan Umum")],
        ),
        (
            "Ketua KPU RI Hasyim Wibowo membuka rapat pleno.",
            [("Hasyim Wibowo", KPU, "Komisi Pemilihan Umum")],
        ),
        (
            "Anggota Bawaslu RI, Rina Marlina, memantau rapat pleno.",
            [("Rina Marlina", BAWASLU_MEMBER, "Badan Pengawas Pemilihan Umum")],
        ),
        # a commission that is not an election body is no part of the name after it
        (
            "Hadir Direktur Pelayanan Komisi Pemberantasan Korupsi Dedi Kurniawan dan Bupati Garut Ahmad Fauzi.",
            [
                ("Dedi Kurniawan", "Direktur Pelayanan", "Komisi Pemberantasan Korupsi"),
                ("Ahmad Fauzi", "Bupati", "Kabupaten Garut"),
            ],
        ),
        # no region: the national body, written out
        (
            "Sekretaris KPU Joko Prasetyo menyampaikan laporan.",
            [("Joko Prasetyo", "Sekretaris Komisi Pemilihan Umum", "Komisi Pemilihan Umum")],
        ),
        # a later post in the body named with no region: the one regional body named before
        (
            "Ketua KPU Kabupaten Jepara Ahmad Fauzi hadir. Sekretaris KPU Dewi Lestari juga hadir.",
            [
                ("Ahmad Fauzi", KPU, "KPU Kabupaten Jepara"),
                ("Dewi Lestari", "Sekretaris Komisi Pemilihan Umum", "KPU Kabupaten Jepara"),
            ],
        ),
        (
            "Anggota Bawaslu Kota Bogor Rina Marlina memantau. Anggota Bawaslu Budi Santoso juga memantau.",
            [
                ("Rina Marlina", BAWASLU_MEMBER, "Bawaslu Kota Bogor"),
                ("Budi Santoso", BAWASLU_MEMBER, "Bawaslu Kota Bogor"),
            ],
        ),
        # only a body of the same name: a KPU named before does not place a Bawaslu member
        (
            "Ketua KPU Kabupaten Jepara Ahmad Fauzi hadir. Anggota Bawaslu Joko Susilo juga hadir.",
            [
                ("Ahmad Fauzi", KPU, "KPU Kabupaten Jepara"),
                ("Joko Susilo", BAWASLU_MEMBER, "Badan Pengawas Pemilihan Umum"),
            ],
        ),
        # two regional bodies named before: which one is unknown
        (
            "Ketua KPU Kabupaten Jepara Ahmad Fauzi dan Ketua KPU Kabupaten Kudus Rudi Hartono hadir. "
            "Sekretaris KPU Dewi Lestari juga hadir.",
            [
                ("Ahmad Fauzi", KPU, "KPU Kabupaten Jepara"),
                ("Rudi Hartono", KPU, "KPU Kabupaten Kudus"),
                ("Dewi Lestari", "Sekretaris Komisi Pemilihan Umum", "Komisi Pemilihan Umum"),
            ],
        ),
    ],
)
def test_election_bodies_by_short_name(officials, text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `HM.`, `HM`: the honorific H. glued to the initial, which stays in the name
        (
            "Kepala Dinas Perpustakaan Provinsi Kalsel HM. Rusdi membuka pameran.",
            ("M. Rusdi", "Kepala Dinas Perpustakaan", "Provinsi Kalimantan Selatan"),
        ),
        (
            "Kepala Dinas Sosial Kabupaten Gowa HM Yusuf Tahir membuka pameran.",
            ("M Yusuf Tahir", "Kepala Dinas Sosial", "Kabupaten Gowa"),
        ),
        (
            "Kepala Dinas Kesehatan Kota Samarinda H.M. Yusuf membuka pameran.",
            ("M. Yusuf", "Kepala Dinas Kesehatan", "Kota Samarinda"),
        ),
        (
            "Kepala Dinas Sosial Kabupaten Gowa Hj. St. Aminah membuka pameran.",
            ("St. Aminah", "Kepala Dinas Sosial", "Kabupaten Gowa"),
        ),
    ],
)
def test_honorific_glued_to_an_initial(officials, text, expected):
    assert officials(text) == [expected]


HAKIM = ("Hakim Tinggi", "Pengadilan Tinggi Agama Mataram")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a post several hold, then its holders set off by commas
        (
            "Acara dihadiri Hakim Tinggi PTA Mataram, Nurhayati Lubis, Slamet dan Bambang Kurniawan.",
            [("Nurhayati Lubis", *HAKIM), ("Slamet", *HAKIM), ("Bambang Kurniawan", *HAKIM)],
        ),
        (
            "Acara dihadiri Hakim Tinggi PTA Mataram, Nurhayati Lubis, S.H., Slamet, M.H., dan Bambang Kurniawan.",
            [("Nurhayati Lubis", *HAKIM), ("Slamet", *HAKIM), ("Bambang Kurniawan", *HAKIM)],
        ),
        # an item with its own title ends the list
        (
            "Hadir Hakim Tinggi PTA Mataram, Nurhayati Lubis, Slamet dan Bambang Kurniawan, serta Ketua PA Kendal "
            "Budi Santoso.",
            [
                ("Nurhayati Lubis", *HAKIM),
                ("Slamet", *HAKIM),
                ("Bambang Kurniawan", *HAKIM),
                ("Budi Santoso", "Ketua Pengadilan Agama", "Pengadilan Agama Kendal"),
            ],
        ),
        # each holder with a title of their own keeps it
        (
            "Acara dihadiri Bupati Gowa Adnan Purnomo, Kapolres Gowa Heri Susanto dan Dandim Gowa Bambang Irawan.",
            [
                ("Adnan Purnomo", "Bupati", "Kabupaten Gowa"),
                ("Heri Susanto", "Kepala Kepolisian Resor", "Polres Gowa"),
                ("Bambang Irawan", "Komandan Komando Distrik Militer", "Kodim Gowa"),
            ],
        ),
        (
            "Acara dihadiri Bupati Gowa, Adnan Purnomo, Kapolres Gowa, Heri Susanto, dan Dandim Gowa, Bambang Irawan.",
            [
                ("Adnan Purnomo", "Bupati", "Kabupaten Gowa"),
                ("Heri Susanto", "Kepala Kepolisian Resor", "Polres Gowa"),
                ("Bambang Irawan", "Komandan Komando Distrik Militer", "Kodim Gowa"),
            ],
        ),
        # a post of one holder takes one name
        (
            "Ketua DPRD Kabupaten Garut, Budi Santoso, Ahmad Fauzi dan Rina Marlina menerima audiensi.",
            [("Budi Santoso", "Ketua Dewan Perwakilan Rakyat Daerah", "DPRD Kabupaten Garut")],
        ),
        # two names with no list word before the last: no list
        (
            "Hakim Tinggi PTA Mataram, Nurhayati Lubis, Kamis (5/12), membuka acara.",
            [("Nurhayati Lubis", *HAKIM)],
        ),
    ],
)
def test_holders_listed_after_a_title(officials, text, expected):
    assert officials(text) == expected
