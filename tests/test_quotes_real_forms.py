"""Speakers as real releases write them (issue 13): capitalised cues after a quote, an
abbreviated title modifier after the cue, joint speakers, participles and titles named only
later that are no antecedent, one-word office titles. Every case is an invented text with the
exact spans and speakers expected."""

from __future__ import annotations

import pytest

from pipeline.record import QuoteKind

DIRECT = QuoteKind.DIRECT
INDIRECT = QuoteKind.INDIRECT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised `-nya` cue after a quote that ends its sentence
        (
            "Camat Rina Wulandari meresmikan balai warga.\n\n"
            "“Semoga balai ini dipakai untuk kegiatan warga.” Ungkapnya seusai peresmian.",
            [(DIRECT, "Semoga balai ini dipakai untuk kegiatan warga.", "Ungkapnya", "Rina Wulandari")],
        ),
        # a capitalised bare cue with the speaker's title and name ending the sentence
        (
            "Sekda Kabupaten Sleman Dian Purnama hadir.\n\n"
            "“Kami datang membawa bantuan untuk warga.” Ucap Bupati Sleman Yoga Pratama.",
            [(DIRECT, "Kami datang membawa bantuan untuk warga.", "Ucap", "Yoga Pratama")],
        ),
        # an abbreviated title modifier with its point after the cue
        (
            "“Semua perangkat daerah harus siap melayani,” tambah pj. Bupati Hartono.",
            [(DIRECT, "Semua perangkat daerah harus siap melayani,", "tambah", "Hartono")],
        ),
        # joint speakers are no one
        (
            "Bupati Sleman Yoga Pratama bertemu Wali Kota Batu Rudi Hartono.\n\n"
            "Kedua pihak mengatakan, kerja sama kedua daerah akan diperluas tahun depan.",
            [(INDIRECT, "kerja sama kedua daerah akan diperluas tahun depan", "mengatakan", None)],
        ),
        # a slogan in capitals is no statement
        (
            "Bupati Sleman Yoga Pratama menerima piagam.\n\n“SLEMAN MAJU BERSAMA WARGA SEJAHTERA”.",
            [],
        ),
        # a participle opening the sentence is no name
        (
            "Dikonfirmasi, Kapolres Bantul AKBP Joko Susilo membenarkan penangkapan itu.\n\n"
            "“Pelaku sudah kami amankan,” ucapnya.",
            [(DIRECT, "Pelaku sudah kami amankan,", "ucapnya", "Joko Susilo")],
        ),
        # a title the article names only later is no antecedent
        (
            "Ketua DPRD Kota Malang Wawan Hidayat memimpin rapat paripurna.\n\n"
            "Menurut Wawan, kota ini berdiri sebagai kota kecil pada tahun 1950.\n\n"
            "Pada masa itu seorang tokoh diangkat menjadi Wali Kota.\n\n"
            "“Sejak itu tanggal tersebut diperingati setiap tahun,” jelasnya.\n\n"
            "Wali Kota Malang Etik Rahayu menyampaikan, peringatan tahun ini digelar sederhana.",
            [
                (INDIRECT, "kota ini berdiri sebagai kota kecil pada tahun 1950", "Menurut", "Wawan Hidayat"),
                (DIRECT, "Sejak itu tanggal tersebut diperingati setiap tahun,", "jelasnya", "Wawan Hidayat"),
                (INDIRECT, "peringatan tahun ini digelar sederhana", "menyampaikan", "Etik Rahayu"),
            ],
        ),
        # a one-word title of an office (`Kakankemenag`) is the person introduced with it
        (
            "Kakankemenag Kabupaten Rembang, H. M. Fauzi, meresmikan gedung KUA.\n\n"
            "“Gedung ini untuk pelayanan umat,” kata Kakankemenag.",
            [(DIRECT, "Gedung ini untuk pelayanan umat,", "kata", "M. Fauzi")],
        ),
    ],
)
def test_direct_quotes_and_speakers(quotes, text, expected):
    assert quotes(text) == expected
