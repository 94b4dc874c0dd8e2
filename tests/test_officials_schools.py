"""Heads of schools and madrasahs, rectors and deans, seats named before a name (issue 12).

A school head is `Kepala Sekolah` (of a madrasah `Kepala Madrasah`) with the school as written
as jurisdiction; a rector, a vice-rector or a dean has the university as jurisdiction (a dean's
faculty is in the role). A court, police or prosecutor's seat the gazetteer does not know, and a
kabupaten named bare after a ministry's office, are not the first part of the name. Invented
sentences, exact (name, role, jurisdiction).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kepala SDN 3 Sukamaju Siti Rahmawati, S.Pd. mengatakan, siswa antusias.",
            [("Siti Rahmawati", "Kepala Sekolah", "SDN 3 Sukamaju")],
        ),
        (
            "Kepala SMP Negeri 2 Cibadak, Asep Kurniawan, M.Pd. mengatakan kegiatan itu rutin.",
            [("Asep Kurniawan", "Kepala Sekolah", "SMP Negeri 2 Cibadak")],
        ),
        (
            "Kepala SMKN 4 Bandung Rina Marlina, S.Pd., M.Pd. menyampaikan terima kasih.",
            [("Rina Marlina", "Kepala Sekolah", "SMKN 4 Bandung")],
        ),
        (
            "Kepala Sekolah SD Negeri 5 Tanjungsari, Wawan Setiawan, mengatakan siswa senang.",
            [("Wawan Setiawan", "Kepala Sekolah", "SD Negeri 5 Tanjungsari")],
        ),
        (
            "Kepala SD Inpres Oebobo Yohanes Tefa mengatakan sekolah rusak.",
            [("Yohanes Tefa", "Kepala Sekolah", "SD Inpres Oebobo")],
        ),
        (
            "Kepala SMA Muhammadiyah 1 Yogyakarta Bambang Sutrisno mengatakan hal itu.",
            [("Bambang Sutrisno", "Kepala Sekolah", "SMA Muhammadiyah 1 Yogyakarta")],
        ),
        (
            "Kepala SMPN 1 Cibadak Asep Saepudin S.Pd mengatakan hal itu.",
            [("Asep Saepudin", "Kepala Sekolah", "SMPN 1 Cibadak")],
        ),
        (
            "Kepala SMP Negeri 3 Tanjung Sari, Dewi Lestari, M.Pd., mengatakan hal itu.",
            [("Dewi Lestari", "Kepala Sekolah", "SMP Negeri 3 Tanjung Sari")],
        ),
        # `Kepsek`, a status written `N`, degrees written without points
        (
            "Kepsek SMP Negeri 4 Kota Bitung, Markus Lolong, mengatakan siswa dilarang konvoi.",
            [("Markus Lolong", "Kepala Sekolah", "SMP Negeri 4 Kota Bitung")],
        ),
        (
            "Hal itu disampaikan Kepsek SMPN 2 Cibadak Yayan Suryana MPd di ruangannya.",
            [("Yayan Suryana", "Kepala Sekolah", "SMPN 2 Cibadak")],
        ),
        (
            "Kepala Sekolah SMP N 7 Padang, Rosmaini, mengatakan pendaftaran dibuka.",
            [("Rosmaini", "Kepala Sekolah", "SMP N 7 Padang")],
        ),
    ],
)
def test_school_heads(officials, text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kepala MTsN 1 Sleman Ahmad Fauzi mengatakan madrasah siap.",
            [("Ahmad Fauzi", "Kepala Madrasah", "MTsN 1 Sleman")],
        ),
        (
            "Kepala MAN 2 Kota Padang Nurhayati, S.Ag. menjelaskan program itu.",
            [("Nurhayati", "Kepala Madrasah", "MAN 2 Kota Padang")],
        ),
        (
            "Kepala Madrasah MTsN 4 Bantul Siti Aminah mengatakan hal itu.",
            [("Siti Aminah", "Kepala Madrasah", "MTsN 4 Bantul")],
        ),
    ],
)
def test_madrasah_heads(officials, text, expected):
    assert officials(text) == expected


def test_a_school_named_without_its_head_is_no_official(officials):
    assert officials("Siswa SMA Negeri 1 Tanjung Sari mengikuti lomba di SDN 2 Sukamaju.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rektor Universitas Sukamaju Hendra Gunawan mengatakan kampus siap.",
            [("Hendra Gunawan", "Rektor", "Universitas Sukamaju")],
        ),
        (
            "Rektor Universitas Sukamaju, Prof. Dr. Hendra Gunawan, M.Si., mengatakan kampus siap.",
            [("Hendra Gunawan", "Rektor", "Universitas Sukamaju")],
        ),
        (
            "Rektor UIN Sunan Kalijaga Yogyakarta Agus Salim mengatakan hal itu.",
            [("Agus Salim", "Rektor", "UIN Sunan Kalijaga Yogyakarta")],
        ),
        (
            "Wakil Rektor I Universitas Padjadjaran Rudi Hartono mengatakan penerimaan dibuka.",
            [("Rudi Hartono", "Wakil Rektor I", "Universitas Padjadjaran")],
        ),
        (
            "Pembantu Rektor III Universitas Sukamaju Heri Wibowo hadir.",
            [("Heri Wibowo", "Pembantu Rektor III", "Universitas Sukamaju")],
        ),
        (
            "Dekan Fakultas Hukum Universitas Andalas Yulia Putri mengatakan mahasiswa siap.",
            [("Yulia Putri", "Dekan Fakultas Hukum", "Universitas Andalas")],
        ),
    ],
)
def test_rectors_and_deans(officials, text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kapolsek Kalasan Budi Hartono mengatakan pelaku sudah ditangkap.",
            [("Budi Hartono", "Kepala Kepolisian Sektor", "Polsek Kalasan")],
        ),
        (
            "Ketua PN Sukamaju Budi Santoso membuka sidang.",
            [("Budi Santoso", "Ketua Pengadilan Negeri", "Pengadilan Negeri Sukamaju")],
        ),
        (
            "Kajari Sukamaju Rina Wati mengatakan berkas lengkap.",
            [("Rina Wati", "Kepala Kejaksaan Negeri", "Kejaksaan Negeri Sukamaju")],
        ),
        (
            "Kapolsek Cibadak Kompol Gusti Ngurah mengatakan pelaku ditangkap.",
            [("Gusti Ngurah", "Kepala Kepolisian Sektor", "Polsek Cibadak")],
        ),
        (
            "Kapolsek Cibadak, AKP Budi Hartono, mengatakan pelaku ditangkap.",
            [("Budi Hartono", "Kepala Kepolisian Sektor", "Polsek Cibadak")],
        ),
        # a name of two words after the title alone: no seat is taken out of it
        (
            "Ketua PN Sukamaju, Budi Santoso, membuka sidang.",
            [("Budi Santoso", "Ketua Pengadilan Negeri", "Pengadilan Negeri Sukamaju")],
        ),
    ],
)
def test_a_seat_before_the_name(officials, text, expected):
    assert officials(text) == expected


def test_a_two_word_name_after_a_police_title_keeps_both_words(officials):
    """With no seat, `Budi` is no seat: one name word would be left, with no degree to close it."""
    assert all(name != "Hartono" for name, _, _ in officials("Kapolsek Budi Hartono mengatakan pelaku ditangkap."))


@pytest.mark.parametrize(
    "text",
    [
        "Ketua Dharma Wanita Persatuan Dinas Kesehatan Kabupaten Garut Rina Suryani hadir.",
        "Kegiatan dihadiri oleh Ketua Dharma Wanita Kecamatan Cibadak.",
        "Dharma Wanita mengatakan kegiatan itu rutin.",
    ],
)
def test_dharma_wanita_is_no_person(run_stages, text):
    state = run_stages(text, through="officials")
    names = [o.name for o in state.officials] + [p.name for p in state.persons]
    assert all("Wanita" not in name for name in names)


def test_a_three_word_name_after_a_police_title_is_no_seat_and_name(officials):
    """`Budi` is no place the gazetteer knows, so it is no seat (no `Polsek Budi` held by `Santoso
    Wijaya`); a police title with no seat gives no official."""
    assert officials("Kapolsek Budi Santoso Wijaya mengatakan patroli ditingkatkan.") == []
    assert officials("Kapolsek Depok Ahmad Fauzi Rahman mengatakan patroli ditingkatkan.") == [
        ("Ahmad Fauzi Rahman", "Kepala Kepolisian Sektor", "Polsek Depok")
    ]
