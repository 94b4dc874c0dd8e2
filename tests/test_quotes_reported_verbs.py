"""Reported statements after hopes, promises and requests (issue 13): the clause a verb-like
word marks after its subject, the addressee of a request included; the date and venue tail
of a lead sentence left out; mid-sentence `menurutnya`; noun-phrase objects no statement.
Every case is an invented text with the exact spans and speakers expected."""

from __future__ import annotations

import pytest

from pipeline.record import QuoteKind

INDIRECT = QuoteKind.INDIRECT
LEAD = "Bupati Sleman Yoga Pratama meninjau posyandu di Desa Sumber.\n\n"
MARKET = "Wali Kota Malang Budi Santoso meninjau pasar.\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hope before a clause its verb-like predicate marks, the speaker a pronoun
        (
            LEAD + "Ia berharap kegiatan ini bermanfaat bagi warga.",
            [(INDIRECT, "kegiatan ini bermanfaat bagi warga", "berharap", "Yoga Pratama")],
        ),
        (
            "Bupati Sleman Yoga Pratama berharap agar kegiatan ini bermanfaat bagi warga.",
            [(INDIRECT, "kegiatan ini bermanfaat bagi warga", "berharap", "Yoga Pratama")],
        ),
        (
            "Bupati Sleman Yoga Pratama mengharapkan kegiatan ini bermanfaat bagi warga desa.",
            [(INDIRECT, "kegiatan ini bermanfaat bagi warga desa", "mengharapkan", "Yoga Pratama")],
        ),
        # a content word after a demonstrative closing the subject
        (
            "Bupati Sleman Yoga Pratama berharap pasar itu ramai kembali setelah direnovasi.",
            [(INDIRECT, "pasar itu ramai kembali setelah direnovasi", "berharap", "Yoga Pratama")],
        ),
        # a promise before a modal word
        (
            "Kepala Desa Sumber Rahmat Hidayat berjanji akan memperbaiki jalan desa tahun depan.",
            [(INDIRECT, "akan memperbaiki jalan desa tahun depan", "berjanji", "Rahmat Hidayat")],
        ),
        # a promise of an act with `untuk` is no statement
        ("Kepala Desa Sumber Rahmat Hidayat pernah berjanji untuk datang kembali ke dusun itu.", []),
        # requests: the addressee and the clause, with or without `agar`/`untuk`
        (
            "Bupati Sleman Yoga Pratama mengajak warga menjaga kebersihan lingkungan.",
            [(INDIRECT, "warga menjaga kebersihan lingkungan", "mengajak", "Yoga Pratama")],
        ),
        (
            "Bupati Sleman Yoga Pratama meminta para camat segera mendata rumah warga yang rusak.",
            [(INDIRECT, "para camat segera mendata rumah warga yang rusak", "meminta", "Yoga Pratama")],
        ),
        (
            "Bupati Sleman Yoga Pratama menginstruksikan seluruh camat segera mendata rumah rusak.",
            [(INDIRECT, "seluruh camat segera mendata rumah rusak", "menginstruksikan", "Yoga Pratama")],
        ),
        (
            "Bupati Sleman Yoga Pratama menghimbau warga agar tidak membuang sampah ke sungai.",
            [(INDIRECT, "warga agar tidak membuang sampah ke sungai", "menghimbau", "Yoga Pratama")],
        ),
        (
            "Bupati Sleman Yoga Pratama menegaskan seluruh kepala desa wajib melaporkan penggunaan dana desa.",
            [
                (
                    INDIRECT,
                    "seluruh kepala desa wajib melaporkan penggunaan dana desa",
                    "menegaskan",
                    "Yoga Pratama",
                )
            ],
        ),
        # taken along to see something: nothing said
        ("Kepala Dinas Kominfo Kota Malang Rudi Hartono mengajak rombongan melihat ruang kendali aduan.", []),
        # the date and venue tail of a lead sentence is not part of the statement
        (
            "Bupati Bantul Abdul Halim mengajak seluruh warga untuk ikut menjaga kebersihan sungai, Senin (3/11/2025).",
            [(INDIRECT, "seluruh warga untuk ikut menjaga kebersihan sungai", "mengajak", "Abdul Halim")],
        ),
        (
            "Wali Kota Malang Budi Santoso meminta warga agar waspada terhadap banjir, Kamis (6/11).",
            [(INDIRECT, "warga agar waspada terhadap banjir", "meminta", "Budi Santoso")],
        ),
        (
            "Wali Kota Malang Budi Santoso mengatakan pembangunan pasar rampung bulan depan "
            "di Aula Balai Kota, Rabu (5/11/2025).",
            [(INDIRECT, "pembangunan pasar rampung bulan depan", "mengatakan", "Budi Santoso")],
        ),
        # a cue in mid-sentence: the whole sentence
        (
            MARKET + "Kegiatan ini, menurutnya, penting bagi warga sekitar pasar.",
            [
                (
                    INDIRECT,
                    "Kegiatan ini, menurutnya, penting bagi warga sekitar pasar",
                    "menurutnya",
                    "Budi Santoso",
                )
            ],
        ),
        (
            MARKET + "Kegiatan ini, kata dia, penting bagi warga sekitar pasar.",
            [(INDIRECT, "Kegiatan ini, kata dia, penting bagi warga sekitar pasar", "kata", "Budi Santoso")],
        ),
        # noun-phrase objects are no statement
        ("Bupati Sleman Yoga Pratama menyampaikan terima kasih kepada seluruh warga yang hadir.", []),
        ("Bupati Sleman Yoga Pratama berharap banyak pada generasi muda desa.", []),
        ("Bupati Sleman Yoga Pratama mengharapkan partisipasi aktif masyarakat dalam menjaga kebersihan.", []),
        ("Bupati Sleman Yoga Pratama meminta maaf kepada warga atas keterlambatan bantuan.", []),
        # a word that looks like a verb and is none (`terbaik`) marks no clause
        ("Bupati Sleman Yoga Pratama mengharapkan hasil terbaik bagi para atlet daerah.", []),
    ],
)
def test_reported_verbs(quotes, text, expected):
    assert quotes(text) == expected
