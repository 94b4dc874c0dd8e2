"""The inventory of people: what the people stage writes, and the queries other stages ask of it."""

from __future__ import annotations

import pytest

from pipeline.inventory import Group, MentionKind, People, PersonEntry, PersonMention, Phrase, Reference
from pipeline.nlp import make_doc
from pipeline.stages.people import extract_people
from pipeline.state import Entities

TEXT = "Wali Kota Sukamaju, Andi Pratama, datang. Andi menyapa warga. Kapolres hadir."


def _span(written: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(written, start + 1)
    return start, start + len(written)


def _andi() -> PersonEntry:
    title, name, short = _span("Wali Kota Sukamaju"), _span("Andi Pratama"), _span("Andi", 1)
    return PersonEntry(
        id="P1",
        name="Andi Pratama",
        official=True,
        role="Wali Kota",
        mentions=(
            PersonMention(*title, MentionKind.TITLE, "P1"),
            PersonMention(*name, MentionKind.NAME, "P1"),
            PersonMention(*short, MentionKind.SHORT_NAME, "P1"),
        ),
    )


def _group(written: str, *, name: str | None = None, titles: tuple[str, ...] = ()) -> Group:
    start, end = _span(written)
    name_span = None
    if name is not None:
        offset = TEXT.index(name, start)
        name_span = (offset, offset + len(name))
    return Group(start, end, name_span, titles, (), titles, bool(titles), False)


def test_person_at_and_person_named():
    people = People(TEXT, (_andi(),))
    assert people.person_at(*_span("Andi", 1)).id == "P1"
    assert people.person_at(*_span("warga")) is None
    assert people.person_named("andi  pratama").id == "P1"
    assert people.person_named("Wali Kota Sukamaju").id == "P1"  # a mention's text names the person too


def test_a_group_refers_to_the_person_with_its_name_else_as_written():
    titled = _group("Wali Kota Sukamaju, Andi Pratama", name="Andi Pratama", titles=("wali", "kota"))
    stranger = _group("Kapolres", titles=("kapolres",))
    people = People(TEXT, (_andi(),), (Phrase(titled.start, titled.end, (titled,)),))
    assert people.refers_to(titled)[0].person.id == "P1"
    assert people.refers_to(stranger) == (Reference("Kapolres", named=False), "title")


def test_titled_finds_the_named_group_with_the_same_title():
    named = _group("Wali Kota Sukamaju, Andi Pratama", name="Andi Pratama", titles=("wali", "kota"))
    bare = Group(*_span("Kapolres"), None, ("wali", "kota"), (), ("wali", "kota"), True, False)
    people = People(TEXT, (), (Phrase(named.start, named.end, (named,)),))
    assert people.titled(bare) is named


def test_known_names_are_those_with_evidence():
    people = People(TEXT, evidenced_names=frozenset({("Andi", "Pratama"), ("Andi",), ("Pratama",)}))
    assert (people.known_name(("Andi",)), people.known_name(("Budi",))) == (True, False)


@pytest.mark.parametrize(
    ("text", "head", "unit", "region"),
    [
        ("Wakil Bupati Sukamaju, Hendra Wijaya, hadir.", "Wakil Bupati", None, "Kabupaten Sukamaju"),
        (
            "Plt Kepala Bappeda, Rina Sari, hadir.",
            "Pelaksana Tugas Kepala",
            "Badan Perencanaan Pembangunan Daerah",
            None,
        ),
    ],
)
def test_the_people_stage_writes_title_parts(nlp, text, head, unit, region):
    people = extract_people(make_doc(nlp, text), dateline=None, places=[], organisations=[], entities=Entities())
    (person,) = people.persons
    (title,) = [m.title for m in person.mentions if m.kind is MentionKind.TITLE]
    assert (title.head, title.unit, title.region) == (head, unit, region)
