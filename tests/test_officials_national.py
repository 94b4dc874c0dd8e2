"""The state named after a national title (`RI`, `Republik Indonesia`, an ordinal after it) is
part of the title, never the holder's name (issue 12). Invented sentences, exact triples."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pasar rakyat itu diresmikan oleh Presiden RI Bambang Sutrisno, Senin (3/11/2025).",
            [("Bambang Sutrisno", "Presiden", "Republik Indonesia")],
        ),
        (
            "Presiden Republik Indonesia Bambang Sutrisno meresmikan pasar rakyat.",
            [("Bambang Sutrisno", "Presiden", "Republik Indonesia")],
        ),
        (
            "Wakil Presiden RI ke-9 Hendra Wijaya membuka muktamar.",
            [("Hendra Wijaya", "Wakil Presiden", "Republik Indonesia")],
        ),
        (
            "Menteri Agama RI Ahmad Syafii meninjau asrama haji.",
            [("Ahmad Syafii", "Menteri", "Kementerian Agama")],
        ),
        # without the state
        (
            "Presiden Bambang Sutrisno meresmikan pasar rakyat.",
            [("Bambang Sutrisno", "Presiden", "Republik Indonesia")],
        ),
    ],
)
def test_the_state_after_a_national_title(officials, text, expected):
    assert officials(text) == expected
