"""Other names of one person (issue 13): a nickname the text gives, an acronym in brackets,
a short form of a name word with the same title, a blend of two name words. Each becomes a
mention of the person, so a quote cued by it, or by a pronoun after it, has the full name as
its speaker. Invented texts, exact mentions and speakers."""

from __future__ import annotations

import pytest

from pipeline.record import QuoteKind
from pipeline.stages.people.aliases import is_acronym, is_blend, is_misspelling, is_short_form, nicknamed

DIRECT = QuoteKind.DIRECT
INDIRECT = QuoteKind.INDIRECT


@pytest.mark.parametrize(
    ("word", "name", "expected"),
    [
        ("Rosma", "Sri Rosmalinda", True),
        ("Rosmalinda", "Sri Rosmalinda", False),  # the whole word is no short form
        ("Hen", "Hendrawan Saputra", False),  # too short
        ("Ahmad", "Ahmadi Saputra", False),  # leaves too little off
        ("Linda", "Sri Rosmalinda", False),  # the end of a word is not its start
    ],
)
def test_short_forms_of_a_name_word(word, name, expected):
    assert is_short_form(word, name.split()) is expected


@pytest.mark.parametrize(
    ("word", "name", "expected"),
    [
        ("Bowoyo", "Bowo Yohanes", True),  # the whole first word, the start of the second
        ("Sutarja", "Sutarno Jaelani", True),  # the starts of both
        ("Bowo", "Bowo Yohanes", False),  # one word only
        ("Yobo", "Bowo Yohanes", False),  # the wrong order
    ],
)
def test_blends_of_two_name_words(word, name, expected):
    assert is_blend(word, name.split()) is expected


@pytest.mark.parametrize(
    ("word", "name", "expected"),
    [
        ("Sutrisno", "Budi Sutrisono", True),  # a letter left out inside the word
        ("Sutrisono", "Budi Sutrisno", True),  # a letter added
        ("Hidayati", "Nur Hidayat", False),  # a letter more at the end: another name
        ("Santosa", "Budi Santoso", False),  # another letter: another name
        ("Irawan", "Budi Irwan", False),  # too short to tell
    ],
)
def test_misspellings_of_a_long_name_word(word, name, expected):
    assert is_misspelling(word, name.split()) is expected


def test_acronyms_and_nicknames():
    assert is_acronym("SRW", ["Sinta", "Rahayu", "Wulandari"])
    assert not is_acronym("SR", ["Sinta", "Rahayu", "Wulandari"])
    assert nicknamed(["Rosma"], ["Sri", "Rosmalinda"]) and nicknamed(["Sri", "Rosmalinda"], ["Rosma"])
    assert not nicknamed(["Sri"], ["Sri", "Rosmalinda"])  # a part of the name is no nickname


def _mentions(record, name: str) -> list[str]:
    person = next(p for p in [*record.officials, *record.persons] if p.name == name)
    return [mention.text for mention in person.mentions]


def test_a_nickname_after_the_name_is_the_person(extract):
    text = (
        "Kepala Dinas Kelautan dan Perikanan Kabupaten Sleman Darmono Sukardi, yang akrab disapa Pak Dar, hadir dalam "
        "rapat itu, Senin (3/6/2024).\n\n"
        "Menurut Dar, harga solar di tingkat nelayan masih terlalu tinggi.\n\n"
        "“Kami minta harga solar diturunkan,” ujarnya."
    )
    record = extract(text)
    quotes = [(q.kind, q.text, q.speaker) for q in record.quotes]
    assert quotes == [
        (INDIRECT, "harga solar di tingkat nelayan masih terlalu tinggi", "Darmono Sukardi"),
        (DIRECT, "Kami minta harga solar diturunkan,", "Darmono Sukardi"),
    ]


def test_a_nickname_before_the_name_joins_the_person(quotes):
    text = (
        "Ketua Komisi III DPRD Kabupaten Sleman Hardiansyah Putra menilai aturan itu terburu-buru.\n\n"
        "“Aturan ini belum disosialisasikan kepada warga,” kata Bonang, sapaan Hardiansyah, Selasa (4/6/2024).\n\n"
        "Bonang mengatakan, pemerintah daerah perlu membuka ruang dialog."
    )
    assert quotes(text) == [
        (INDIRECT, "aturan itu terburu-buru", "menilai", "Hardiansyah Putra"),
        (DIRECT, "Aturan ini belum disosialisasikan kepada warga,", "kata", "Hardiansyah Putra"),
        (INDIRECT, "pemerintah daerah perlu membuka ruang dialog", "mengatakan", "Hardiansyah Putra"),
    ]


def test_an_acronym_in_brackets_is_the_person(extract):
    text = (
        "Kepala Dinas Pendidikan Kabupaten Sleman Sinta Rahayu Wulandari (SRW) membuka lomba "
        "cerdas cermat, Rabu (5/6/2024).\n\n"
        "“Lomba ini melatih keberanian siswa,” kata SRW."
    )
    record = extract(text)
    assert _mentions(record, "Sinta Rahayu Wulandari")[-2:] == ["SRW", "SRW"]
    assert [(q.text, q.speaker) for q in record.quotes] == [
        ("Lomba ini melatih keberanian siswa,", "Sinta Rahayu Wulandari")
    ]


def test_a_short_form_with_the_same_title_is_the_person(extract):
    text = (
        "Wali Kota Blitar Sri Rosmalinda meninjau pasar murah, Kamis (6/6/2024).\n\n"
        "Dalam kunjungan itu, Wali Kota Rosma mengingatkan warga agar tidak menimbun bahan pokok.\n\n"
        "“Stok beras kita cukup sampai akhir tahun,” katanya.\n\n"
        "Rosma juga meminta pedagang menjaga harga."
    )
    record = extract(text)
    assert [p.name for p in record.officials] == ["Sri Rosmalinda"]
    assert _mentions(record, "Sri Rosmalinda")[-1] == "Rosma"
    assert {q.speaker for q in record.quotes} == {"Sri Rosmalinda"}


def test_a_blend_of_the_name_is_the_person(extract):
    text = (
        "Bupati Sleman Bowo Yohanes meresmikan jembatan gantung di Desa Cibening, Jumat (7/6/2024).\n\n"
        "Bowoyo mengatakan, jembatan itu memangkas waktu tempuh warga ke pasar.\n\n"
        "“Anak-anak tidak perlu lagi menyeberang sungai,” ujarnya."
    )
    record = extract(text)
    assert _mentions(record, "Bowo Yohanes")[-1] == "Bowoyo"
    assert [(q.text, q.speaker) for q in record.quotes] == [
        ("jembatan itu memangkas waktu tempuh warga ke pasar", "Bowo Yohanes"),
        ("Anak-anak tidak perlu lagi menyeberang sungai,", "Bowo Yohanes"),
    ]


def test_a_nickname_another_person_has_is_no_alias(extract):
    text = (
        "Camat Cibening Agus Salim Harahap, yang akrab disapa Salim, membuka musyawarah desa, "
        "Senin (10/6/2024).\n\n"
        "Musyawarah itu juga dihadiri Kepala Desa Sukajaya Salim Nasution.\n\n"
        "“Usulan warga akan kami bawa ke musrenbang,” kata Salim Nasution."
    )
    record = extract(text)
    assert [(q.text, q.speaker) for q in record.quotes] == [
        ("Usulan warga akan kami bawa ke musrenbang,", "Salim Nasution")
    ]


def test_a_misspelt_bare_name_is_the_person(extract):
    text = (
        "Kepala Balai Besar Wilayah Sungai Serayu Opak Budi Sutrisono meninjau Bendung Kamijoro, "
        "Selasa (11/6/2024).\n\n"
        "Menurut Sutrisno, pintu air bendung itu akan diganti tahun depan.\n\n"
        "“Perbaikan ini untuk mengamankan irigasi sawah warga,” ujarnya."
    )
    record = extract(text)
    assert [(q.text, q.speaker) for q in record.quotes] == [
        ("pintu air bendung itu akan diganti tahun depan", "Budi Sutrisono"),
        ("Perbaikan ini untuk mengamankan irigasi sawah warga,", "Budi Sutrisono"),
    ]
