"""Titles chained to more titles or to more units (issue 12): two posts joined by `sekaligus`
before one name, a sub-unit's post with the units above it before the body, a paragraph of
capitalised names that is no headline. Invented sentences, exact values expected."""

from __future__ import annotations

import pytest

from pipeline.text import headline_lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the second post outside the state, its name closed by its acronym: the first post is the role
        (
            "Ketua DPRD Kabupaten Sleman sekaligus Ketua Forum Komunikasi Legislatif Daerah (FKLD)"
            " Budi Santoso membuka acara.",
            [("Budi Santoso", "Ketua Dewan Perwakilan Rakyat Daerah", "DPRD Kabupaten Sleman")],
        ),
        # `merangkap`; a region prefix inside the association's name
        (
            "Ketua Dewan Perwakilan Rakyat Daerah (DPRD) Provinsi Jawa Tengah merangkap Ketua Forum"
            " Legislatif Provinsi Wilayah Tengah (FLPWT) Suprapto membuka rapat.",
            [("Suprapto", "Ketua Dewan Perwakilan Rakyat Daerah", "DPRD Provinsi Jawa Tengah")],
        ),
    ],
)
def test_two_posts_before_one_name(officials, text, expected):
    assert officials(text) == expected


def test_the_second_post_is_a_title_mention_of_the_same_person(extract):
    text = "Ketua DPRD Kabupaten Sleman sekaligus Ketua Forum Komunikasi Daerah (FKD) Budi Santoso membuka acara."
    [official] = extract(text).officials
    assert [(m.kind, m.text) for m in official.mentions] == [
        ("title", "Ketua DPRD Kabupaten Sleman"),
        ("title", "Ketua Forum Komunikasi Daerah (FKD)"),
        ("name", "Budi Santoso"),
    ]


def test_an_association_without_its_acronym_keeps_its_old_end(run_stages):
    """Without an acronym in parentheses closing it, an association's name stops after an acronym
    followed by a capitalised word (`Asosiasi UMKM Budi`)."""
    state = run_stages("Ketua Asosiasi UMKM Budi Santoso membuka bazar.", through="organisations")
    assert [o.name for o in state.organisations] == ["Asosiasi UMKM"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the units above a sub-directorate, a comma, the directorate general by its short forms, a
        # misspelt ministry: the role is the sub-directorate, the jurisdiction the DG and its ministry
        (
            "Rapat diikuti Kasubdit Wilayah II Dit FKDH dan DPRD, Ditjen Otda Kemeterian Dalam Negeri Agus Prasetyo.",
            [
                (
                    "Agus Prasetyo",
                    "Kepala Subdirektorat Wilayah II",
                    "Direktorat Jenderal Otonomi Daerah Kementerian Dalam Negeri",
                )
            ],
        ),
        # written out, without a directorate between
        (
            "Hadir pula Kepala Subdirektorat Wilayah III Direktorat Jenderal Bina Keuangan Daerah"
            " Kementerian Dalam Negeri Rina Marlina.",
            [
                (
                    "Rina Marlina",
                    "Kepala Subdirektorat Wilayah III",
                    "Direktorat Jenderal Bina Keuangan Daerah Kementerian Dalam Negeri",
                )
            ],
        ),
        # no body closes the units: where the unit ends and the name begins is not written
        ("Hadir pula Kasubdit Wilayah II Dit FKDH dan DPRD Agus Prasetyo.", []),
    ],
)
def test_a_sub_unit_post_with_the_units_above_it(officials, text, expected):
    assert officials(text) == expected


def test_a_directorate_general_by_its_short_forms_is_written_out(run_stages):
    state = run_stages("Rapat dengan Ditjen Otda Kemeterian Dalam Negeri berjalan lancar.", through="organisations")
    assert [o.name for o in state.organisations] == [
        "Direktorat Jenderal Otonomi Daerah",
        "Kementerian Dalam Negeri",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a long unit name with `dan` twice and a title inside it, then the name set off by commas
        (
            "Turut hadir Direktur Pembinaan Penyusunan Peraturan Daerah dan Peraturan Kepala Daerah"
            " dan Evaluasi Rancangan Peraturan Perundang-undangan, Rina Kartika, bersama timnya.",
            [
                (
                    "Rina Kartika",
                    "Direktur Pembinaan Penyusunan Peraturan Daerah dan Peraturan Kepala Daerah dan Evaluasi"
                    " Rancangan Peraturan Perundang-undangan",
                    None,
                )
            ],
        ),
        # in a ministry's release, with no body of a region named: the ministry is the jurisdiction
        (
            "Kementerian Pertanian menggelar rapat koordinasi. Hadir antara lain Direktur Perbenihan dan"
            " Perlindungan Tanaman Pangan dan Hortikultura, Rina Kartika, beserta jajaran.",
            [
                (
                    "Rina Kartika",
                    "Direktur Perbenihan dan Perlindungan Tanaman Pangan dan Hortikultura",
                    "Kementerian Pertanian",
                )
            ],
        ),
        # what follows the comma is a title, not a name: the unit is not stretched over the name
        (
            "Acara dihadiri Direktur Perencanaan Budi Santoso, Kepala Dinas Kesehatan.",
            [("Budi Santoso", "Direktur Perencanaan", None)],
        ),
    ],
)
def test_a_long_unit_name_before_the_name_set_off(officials, text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Wali Kota Sukamaju Resmikan Taman Baca Tepi Laut\nSUKAMAJU – Wali Kota meresmikan taman.", True),
        # a paragraph of two sentences full of names and bodies, the last closed by a parenthesis
        (
            "Ketua DPRD Kota Sukamaju Budi Santoso Menerima Rombongan DPRD Garut Dan DPRD Bogor (12/3)."
            " Hadir Pimpinan DPRD Cianjur Dan Karawang (Humas)",
            False,
        ),
    ],
)
def test_a_headline_is_one_sentence(text, headline):
    assert bool(headline_lines(text)) is headline
