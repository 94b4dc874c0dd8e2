"""The members of a named team are officials of the team's body (issue 12): the team named in
one sentence, its members listed after a cue in the same or a later one. Invented sentences,
exact (name, role, jurisdiction) expected."""

from __future__ import annotations

import pytest

ITJEN = ("Anggota Tim Inspektorat Jenderal", "Inspektorat Jenderal Kementerian Pertanian")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the list opens the next sentence, the team named again
        (
            "Tim Inspektorat Jenderal Kementerian Pertanian melakukan audit ke Dinas Pertanian Kabupaten Sleman."
            " Tim tersebut yaitu Andi Wijaya, Bambang Hartono dan Sri Lestari.",
            [("Andi Wijaya", *ITJEN), ("Bambang Hartono", *ITJEN), ("Sri Lestari", *ITJEN)],
        ),
        # a sentence between the team and its list; `terdiri dari`; honorifics and degrees off the names
        (
            "Tim Inspektorat Jenderal Kementerian Pertanian RI tiba di Sleman. Kunjungan berlangsung dua hari."
            " Tim terdiri dari Drs. Andi Wijaya, M.Si., Hj. Sri Lestari, serta Bambang Hartono.",
            [("Andi Wijaya", *ITJEN), ("Sri Lestari", *ITJEN), ("Bambang Hartono", *ITJEN)],
        ),
        # degrees glued by commas after a member's name do not end the list
        (
            "Tim Inspektorat Jenderal Kementerian Pertanian tiba di Sleman. Tim tersebut yaitu Andi Wijaya, S.H.,M.H"
            " dan Sri Lestari.",
            [("Andi Wijaya", *ITJEN), ("Sri Lestari", *ITJEN)],
        ),
        # the list right after the team; a regional body: its region is in the jurisdiction, not the role
        (
            "Tim Inspektorat Daerah Kabupaten Sleman yang terdiri dari Andi Wijaya, Bambang Hartono, dan"
            " Sri Lestari memeriksa Kantor Camat Depok.",
            [
                ("Andi Wijaya", "Anggota Tim Inspektorat Daerah", "Inspektorat Daerah Kabupaten Sleman"),
                ("Bambang Hartono", "Anggota Tim Inspektorat Daerah", "Inspektorat Daerah Kabupaten Sleman"),
                ("Sri Lestari", "Anggota Tim Inspektorat Daerah", "Inspektorat Daerah Kabupaten Sleman"),
            ],
        ),
    ],
)
def test_the_listed_members_of_a_team(officials, text, expected):
    assert officials(text) == expected


def test_two_names_without_their_separator_are_not_split(officials):
    """A run longer than one listed name holds two names whose comma is missing: no guess."""
    text = (
        "Tim Inspektorat Jenderal Kementerian Pertanian melakukan audit ke Kabupaten Sleman."
        " Tim tersebut beranggotakan Andi Wijaya, Bambang Hartono Putra Sri Lestari."
    )
    assert officials(text) == [("Andi Wijaya", *ITJEN)]


@pytest.mark.parametrize(
    "text",
    [
        # a team of no state body
        "Tim Penggerak PKK melakukan kunjungan. Tim tersebut yaitu Andi Wijaya dan Sri Lestari.",
        # a list that is no list of the team's members
        "Tim Inspektorat Jenderal Kementerian Pertanian tiba. Hadir pula warga yaitu Andi Wijaya dan Sri Lestari.",
    ],
)
def test_no_members_without_a_state_team_and_its_list(officials, text):
    assert officials(text) == []
