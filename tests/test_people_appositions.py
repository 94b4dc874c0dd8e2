"""Titles linked to their names by the dependency tree (`pipeline.stages.people.appositions`).

Hand-made UD trees on the default pipeline's tokens (the `with_tree` fixture): the name is
an `appos` of the title's first word, its later parts `flat:name`. Without a tree the
rules alone decide.
"""

from __future__ import annotations

import pytest

from pipeline.record import EventRecord

MATERIAL_BETWEEN = (
    "Bupati Sigi yang baru dilantik itu, Rahmat Saleh, meresmikan pasar desa.",
    [
        ("Bupati", "NOUN", "nsubj", 10),
        ("Sigi", "PROPN", "nmod", 0),
        ("yang", "PRON", "nsubj:pass", 4),
        ("baru", "ADV", "advmod", 4),
        ("dilantik", "VERB", "acl", 0),
        ("itu", "DET", "det", 0),
        (",", "PUNCT", "punct", 7),
        ("Rahmat", "PROPN", "appos", 0),
        ("Saleh", "PROPN", "flat:name", 7),
        (",", "PUNCT", "punct", 7),
        ("meresmikan", "VERB", "ROOT", 10),
        ("pasar", "NOUN", "obj", 10),
        ("desa", "NOUN", "compound", 11),
        (".", "PUNCT", "punct", 10),
    ],
)
WITH_HONORIFIC = (
    "Camat Palolo yang hadir sejak pagi, Hj. Nurul Aini, membuka pasar murah.",
    [
        ("Camat", "NOUN", "nsubj", 12),
        ("Palolo", "PROPN", "nmod", 0),
        ("yang", "PRON", "nsubj", 3),
        ("hadir", "VERB", "acl", 0),
        ("sejak", "ADP", "case", 5),
        ("pagi", "NOUN", "obl", 3),
        (",", "PUNCT", "punct", 8),
        ("Hj.", "PROPN", "compound", 8),
        ("Nurul", "PROPN", "appos", 0),
        ("Aini", "PROPN", "flat:name", 8),
        (",", "PUNCT", "punct", 8),
        ("membuka", "VERB", "ROOT", 12),
        ("pasar", "NOUN", "obj", 12),
        ("murah", "ADJ", "amod", 13),
        (".", "PUNCT", "punct", 12),
    ],
)
# the parser hangs a place on the title as `appos`: a region is never a name
PLACE_AS_APPOSITION = (
    "Bupati yang baru dilantik itu, Kabupaten Sigi, meresmikan pasar desa.",
    [
        ("Bupati", "NOUN", "nsubj", 9),
        ("yang", "PRON", "nsubj:pass", 3),
        ("baru", "ADV", "advmod", 3),
        ("dilantik", "VERB", "acl", 0),
        ("itu", "DET", "det", 0),
        (",", "PUNCT", "punct", 6),
        ("Kabupaten", "PROPN", "appos", 0),
        ("Sigi", "PROPN", "flat:name", 6),
        (",", "PUNCT", "punct", 6),
        ("meresmikan", "VERB", "ROOT", 9),
        ("pasar", "NOUN", "obj", 9),
        ("desa", "NOUN", "compound", 10),
        (".", "PUNCT", "punct", 9),
    ],
)


def officials(rec: EventRecord) -> list[tuple[str, str | None, str | None]]:
    return [(o.name, o.role, o.jurisdiction) for o in rec.officials]


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (MATERIAL_BETWEEN, [("Rahmat Saleh", "Bupati", "Kabupaten Sigi")]),
        (WITH_HONORIFIC, [("Nurul Aini", "Camat", "Kecamatan Palolo")]),
    ],
)
def test_a_title_gets_its_appositive_name(with_tree, case, expected):
    text, rows = case
    rec = with_tree(text, rows)
    assert officials(rec) == expected
    assert [(m.kind, m.text) for m in rec.officials[0].mentions if m.kind == "name"] == [("name", expected[0][0])]
    assert officials(with_tree(text, None)) == []  # the rules alone read no name here


def test_a_place_in_apposition_is_no_name(with_tree):
    text, rows = PLACE_AS_APPOSITION
    assert officials(with_tree(text, rows)) == []
