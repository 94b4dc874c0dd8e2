"""Speakers as real releases write them (issue 13): no office building or collective is a
speaker, a bare or lower-case title and a description ending in `itu`/`ini` refer back to the
person, the full name of the inventory, pronoun chains through `Dirinya`, the subject before a
quote for a `-nya` cue after it, and an outer quote closed by its last inner mark. Every
case is an invented text with the exact spans and speakers expected."""

from __future__ import annotations

import pytest

from pipeline.record import QuoteKind

DIRECT = QuoteKind.DIRECT
INDIRECT = QuoteKind.INDIRECT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an office building before a bare title is no speaker; the title is the person named
        # with it, by the full name of the inventory (its initial kept)
        (
            "Kepala Kantor Kementerian Agama Kota Batu Dr. H. M. Rafli Hasan membuka manasik haji, "
            "Senin (3/6/2024).\n\n"
            "Usai peninjauan di Kantor Camat, Kakan Kemenag berharap semoga jamaah selalu sehat "
            "selama di Tanah Suci.\n\n"
            "“Semoga semua jamaah kembali ke tanah air dengan selamat.” Ungkapnya seusai acara.",
            [
                (INDIRECT, "semoga jamaah selalu sehat selama di Tanah Suci", "berharap", "M. Rafli Hasan"),
                (DIRECT, "Semoga semua jamaah kembali ke tanah air dengan selamat.", "Ungkapnya", "M. Rafli Hasan"),
            ],
        ),
        # a period typed before a cue (`”. ujar beliau`); a collective (`Segenap Pimpinan`) is no
        # antecedent, a person named inside a title group is; a degree marks a person in a
        # body's phrase, the subject of the sentence that opens the quote, whom its `-nya` cue
        # after it refers to
        (
            "Segenap Pimpinan dan pegawai Pengadilan Negeri Sleman mengikuti apel pagi, Senin (3/6/2024).\n\n"
            "Ketua PN Sleman, Moh. Rizal, S.H., M.H., bertindak sebagai pembina apel. “Kita harus terus "
            "berbenah agar pelayanan kepada masyarakat semakin baik”. ujar beliau.\n\n"
            "Waka PN Sleman Darmaji, S.H. Juga menambahkan “pelayanan harus cepat dan ramah kepada semua "
            "pencari keadilan.” Pungkasnya",
            [
                (
                    DIRECT,
                    "Kita harus terus berbenah agar pelayanan kepada masyarakat semakin baik",
                    "ujar",
                    "Moh. Rizal",
                ),
                (DIRECT, "pelayanan harus cepat dan ramah kepada semua pencari keadilan.", "Pungkasnya", "Darmaji"),
            ],
        ),
        # a lower-case region prefix inside a title phrase, a bare title and a lower-case one
        (
            "Rapat itu dihadiri Sekretaris Daerah kabupaten Sukamaju Dr. H. Rahmat Wijaya, M.Si, dan "
            "Camat Sukajaya.\n\n"
            "Dalam rapat tersebut Sekda mengatakan, sosialisasi kepada warga harus dilakukan lebih intens. "
            "“Jangan sampai ada warga yang dirugikan” tegas sekda.",
            [
                (INDIRECT, "sosialisasi kepada warga harus dilakukan lebih intens", "mengatakan", "Rahmat Wijaya"),
                (DIRECT, "Jangan sampai ada warga yang dirugikan", "tegas", "Rahmat Wijaya"),
            ],
        ),
        # a lower-case title after a courtesy word (`kata pak camat`)
        (
            "Camat Budi Hartono membuka lomba desa di Kecamatan Ngaglik, Senin (3/6/2024).\n\n"
            "“Lomba ini kami gelar setiap tahun,” kata pak camat.",
            [(DIRECT, "Lomba ini kami gelar setiap tahun,", "kata", "Budi Hartono")],
        ),
        # descriptions that refer back to the person the text speaks of
        (
            "Bupati Sleman Yoga Pratama meninjau pasar, Senin (3/6/2024).\n\n"
            "“Harga beras di pasar ini masih stabil,” kata orang nomor satu di Sleman itu.\n\n"
            "Mantan Kepala Dinas Pertanian Sleman, Rudi Hartono, juga hadir. “Petani perlu pupuk yang "
            "cukup,” ujar mantan Kadis Pertanian ini.\n\n"
            "Anggota DPRD Sleman dari Partai Hijau, Siti Aminah, menilai pasokan cukup. “Kami akan "
            "mengawasi distribusi,” kata politisi Partai Hijau itu.",
            [
                (DIRECT, "Harga beras di pasar ini masih stabil,", "kata", "Yoga Pratama"),
                (DIRECT, "Petani perlu pupuk yang cukup,", "ujar", "Rudi Hartono"),
                (DIRECT, "Kami akan mengawasi distribusi,", "kata", "Siti Aminah"),
            ],
        ),
        # a description whose demonstrative points at a place, after a relative clause: no one
        (
            "Bupati Sleman Yoga Pratama meninjau pasar, Senin (3/6/2024).\n\n"
            "“Harga cabai naik sejak pekan lalu,” kata pedagang yang ditemui di lokasi itu.",
            [(DIRECT, "Harga cabai naik sejak pekan lalu,", "kata", None)],
        ),
        # a pronoun chain across paragraphs through `Dirinya`
        (
            "Wali Kota Batu Rina Wulandari membuka festival apel, Sabtu (1/6/2024). Ia didampingi Kepala "
            "Dinas Pariwisata Joko Susilo.\n\n"
            "Festival itu diikuti 40 kelompok tani. Menurut Rina, festival digelar setiap tahun.\n\n"
            "Rina juga meminta warga menjaga kebersihan. Dirinya berharap festival menarik wisatawan.\n\n"
            "“Kami ingin apel Batu dikenal lagi,” ujarnya.",
            [
                (INDIRECT, "festival digelar setiap tahun", "Menurut", "Rina Wulandari"),
                (INDIRECT, "warga menjaga kebersihan", "meminta", "Rina Wulandari"),
                (INDIRECT, "festival menarik wisatawan", "berharap", "Rina Wulandari"),
                (DIRECT, "Kami ingin apel Batu dikenal lagi,", "ujarnya", "Rina Wulandari"),
            ],
        ),
        # an outer quote left open closes at its last inner mark; the cue after it names the speaker
        (
            "Bupati Sleman Budi Santoso melantik 20 lurah di pendopo, Senin (3/6/2024).\n\n"
            '“Lurah harus memahami dua syarat dalam upaya “melayani", yaitu “jujur dan tekun” pesan Budi '
            "usai pelantikan.",
            [
                (
                    DIRECT,
                    'Lurah harus memahami dua syarat dalam upaya “melayani", yaitu “jujur dan tekun',
                    "pesan",
                    "Budi Santoso",
                ),
            ],
        ),
    ],
)
def test_speakers(quotes, text, expected):
    assert quotes(text) == expected
