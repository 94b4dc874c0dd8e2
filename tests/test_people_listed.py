"""The one reader of written lists of names (`listed_names`) under the rules of its two readers:
the holders of a title (`HOLDERS`) and the members of a team (`MEMBERS`). Invented names."""

from __future__ import annotations

import pytest

from pipeline.nlp import make_doc
from pipeline.stages.people.listed import ListRule, listed_names
from pipeline.stages.people.lists import HOLDERS
from pipeline.stages.people.teams import MEMBERS
from pipeline.tokens import tokens_of
from pipeline.vocabulary import vocabulary


def names(nlp, text: str, rule: ListRule) -> list[str]:
    tokens = tokens_of(make_doc(nlp, text))
    return [text[start:end] for start, end in listed_names(tokens, 0, vocabulary(), rule)]


@pytest.mark.parametrize(
    ("text", "holders", "members"),
    [
        # honorifics before a name and degrees after it are no part of it
        (
            "H.Abdul Rahman, dr. Wiji Astuti, M.Kes., dan Drs. Eko Prasetyo, M.Si. hadir.",
            ["Abdul Rahman", "Wiji Astuti", "Eko Prasetyo"],
            ["Abdul Rahman", "Wiji Astuti", "Eko Prasetyo"],
        ),
        # a run longer than a name ends a list of holders; a list of members passes over it
        (
            "Andi Wijaya, Bambang Hartono Putra Sri Lestari, dan Citra Dewi hadir.",
            ["Andi Wijaya"],
            ["Andi Wijaya", "Citra Dewi"],
        ),
        # a derived noun ends a list of holders only
        (
            "Andi Wijaya, Budi Santoso dan Pengambilan Sumpah Jabatan.",
            ["Andi Wijaya", "Budi Santoso"],
            ["Andi Wijaya", "Budi Santoso", "Pengambilan Sumpah Jabatan"],
        ),
        # degrees glued by commas are passed over in either list
        (
            "Andi Wijaya, S.H.,M.H dan Sri Lestari hadir.",
            ["Andi Wijaya", "Sri Lestari"],
            ["Andi Wijaya", "Sri Lestari"],
        ),
        # a region ends either list
        ("Andi Wijaya dan Kabupaten Sleman serta Citra Dewi.", ["Andi Wijaya"], ["Andi Wijaya"]),
    ],
)
def test_the_names_of_a_list_by_rule(nlp, text, holders, members):
    assert names(nlp, text, HOLDERS) == holders
    assert names(nlp, text, MEMBERS) == members
