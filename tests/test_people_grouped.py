"""Persons named in a title phrase or next to a speech verb (`pipeline.stages.people.grouped`),
and the model's organisations cut before them (`pipeline.stages.guesses`)."""

from __future__ import annotations

import pytest

from pipeline.inventory import MentionKind, People, PersonEntry, PersonMention
from pipeline.record import EventRecord, Organisation
from pipeline.stages.guesses import drop_model_guesses

LEAD = "Jakarta, Kompas - Harga kopi naik di pasar.\n"


def persons(record: EventRecord) -> list[tuple[str, list[tuple[str, str, int]]]]:
    """(name, [(kind, text, start)]) of each person who holds no office."""
    return [(p.name, [(m.kind, m.text, m.start) for m in p.mentions]) for p in record.persons]


def at(text: str, part: str, occurrence: int = 1) -> int:
    position = -1
    for _ in range(occurrence):
        position = text.index(part, position + 1)
    return position


@pytest.mark.parametrize(
    ("body", "name", "mention"),
    [
        # a post outside the state, its body, the name, a speech verb
        (
            "Direktur Yayasan Tunas Harapan Bangsa Maria Lestiani mengatakan, bantuan disalurkan pekan depan.",
            "Maria Lestiani",
            "Maria Lestiani",
        ),
        # the speech verb before the name
        ("“Stok beras cukup sampai akhir tahun,” kata Rudy Harsono dari Koperasi Sumber Rejeki.", "Rudy Harsono", None),
        # the name, then its post after a comma
        (
            "Yohanes Pakaenoni, Koordinator Relawan Sungai Bersih, menyampaikan, sampah plastik berkurang.",
            "Yohanes Pakaenoni",
            None,
        ),
        # a body's kind word, its name, then the person's two words
        (
            "Ketua Umum Pimpinan Pusat Perhimpunan Sukamaju Raya Benny Tarigan mengatakan, musyawarah digelar.",
            "Benny Tarigan",
            None,
        ),
        # a place read on into the name took it in: the name is still the person's
        ("Kepala Desa Sukamaju Wiryono mengatakan, panen dimulai besok.", "Wiryono", None),
        # a rank and its corps before the name: in the mention, not the name
        (
            "Ketua Panitia Kolonel (Inf) Darmawan Siregar mengatakan, lomba dimulai pagi.",
            "Darmawan Siregar",
            "Kolonel (Inf) Darmawan Siregar",
        ),
    ],
)
def test_a_person_is_read_from_the_phrase(extract, body, name, mention):
    record = extract(LEAD + body)
    found = [p for p in persons(record) if p[0] == name]
    written = mention or name
    assert found == [(name, [("name", written, at(record.text, written))])]


def test_a_later_first_name_is_a_short_name_of_the_person(extract):
    text = LEAD + (
        "Direktur Yayasan Tunas Harapan Bangsa Maria Lestiani mengatakan, bantuan disalurkan pekan depan.\n"
        "Menurut Maria, bantuan sudah siap."
    )
    record = extract(text)
    assert persons(record) == [
        (
            "Maria Lestiani",
            [
                ("name", "Maria Lestiani", at(record.text, "Maria Lestiani")),
                ("short_name", "Maria", at(record.text, "Maria", 2)),
            ],
        )
    ]
    assert [(q.speaker, q.speaker_id) for q in record.quotes] == [("Maria Lestiani", "P1"), ("Maria Lestiani", "P1")]


@pytest.mark.parametrize(
    "body",
    [
        "Upaya mengajak warga menanam pohon terus dilakukan.",  # a common word opening a sentence
        "Sesuai dengan surat edaran Bupati Nomor 12 Tahun 2024, sekolah libur.",  # a document's number
        "”Saya pikir panen tahun ini bagus,” ujarnya.",  # a pronoun opening a quotation
        "Pada bulan Juni, Ketua Panitia mengumumkan jadwal lomba.",  # a month
    ],
)
def test_no_person_is_read_from_a_word_that_is_no_name(extract, body):
    assert persons(extract(LEAD + body)) == []


def test_the_models_organisation_is_cut_before_the_persons_name():
    text = "Ketua Koperasi Sumber Rejeki Rudy Harsono mengatakan"
    start = text.index("Koperasi")
    name = text.index("Rudy")
    mention = PersonMention(name, name + len("Rudy Harsono"), MentionKind.NAME, "P1")
    people = People(text=text, persons=(PersonEntry("P1", "Rudy Harsono", False, (mention,)),))
    guess = Organisation(
        text=text[start : mention.end], start=start, end=mention.end, rule="ner", name=text[start : mention.end]
    )
    ruled = Organisation(text="Sumber Rejeki", start=text.index("Sumber"), end=name - 1, rule="organisation", name="x")
    kept = drop_model_guesses(people, places=[], organisations=[guess, ruled]).organisations
    assert [(o.text, o.start, o.end, o.name) for o in kept] == [
        ("Koperasi Sumber Rejeki", start, name - 1, "Koperasi Sumber Rejeki"),
        ("Sumber Rejeki", text.index("Sumber"), name - 1, "x"),
    ]


def test_the_models_organisation_that_is_only_the_name_is_dropped():
    text = "kata Rudy Harsono"
    name = text.index("Rudy")
    mention = PersonMention(name, len(text), MentionKind.NAME, "P1")
    people = People(text=text, persons=(PersonEntry("P1", "Rudy Harsono", False, (mention,)),))
    guess = Organisation(text="Rudy Harsono", start=name, end=len(text), rule="ner", name="Rudy Harsono")
    assert drop_model_guesses(people, places=[], organisations=[guess]).organisations == []
