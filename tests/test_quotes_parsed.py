"""Reported statements read from a dependency tree (`pipeline.stages.quotes.parsed`).

The trees are written by hand in the form the stanza models give (UD Indonesian: a titled
subject's nsubj is the title's first word, the name its `appos`), onto the tokens of the
default pipeline (the `with_tree` fixture), so the test needs no stanza. Without a tree the same texts give what
the rules give. The same stage on the trained model's parses: `tests/test_stanza_backend.py`.
"""

from __future__ import annotations

import pytest

from pipeline.record import EventRecord

TITLED = (
    "Kepala Dinas Pendidikan Kota Parepare, Rina Marlina, menegaskan seluruh sekolah siap menerima siswa baru.",
    [
        ("Kepala", "NOUN", "nsubj", 9),
        ("Dinas", "NOUN", "compound", 0),
        ("Pendidikan", "NOUN", "compound", 1),
        ("Kota", "NOUN", "nmod", 0),
        ("Parepare", "PROPN", "flat:name", 3),
        (",", "PUNCT", "punct", 6),
        ("Rina", "PROPN", "appos", 0),
        ("Marlina", "PROPN", "flat:name", 6),
        (",", "PUNCT", "punct", 6),
        ("menegaskan", "VERB", "ROOT", 9),
        ("seluruh", "DET", "det", 11),
        ("sekolah", "NOUN", "nsubj", 12),
        ("siap", "ADJ", "ccomp", 9),
        ("menerima", "VERB", "xcomp", 12),
        ("siswa", "NOUN", "obj", 13),
        ("baru", "ADJ", "amod", 14),
        (".", "PUNCT", "punct", 9),
    ],
)
PRONOUN = (
    "Wali Kota Parepare Taufan Hidayat meninjau pasar. Ia menjelaskan stok beras di gudang cukup sampai akhir tahun.",
    [
        ("Wali", "NOUN", "nsubj", 5),
        ("Kota", "NOUN", "compound", 0),
        ("Parepare", "PROPN", "flat:name", 1),
        ("Taufan", "PROPN", "appos", 0),
        ("Hidayat", "PROPN", "flat:name", 3),
        ("meninjau", "VERB", "ROOT", 5),
        ("pasar", "NOUN", "obj", 5),
        (".", "PUNCT", "punct", 5),
        ("Ia", "PRON", "nsubj", 9),
        ("menjelaskan", "VERB", "ROOT", 9),
        ("stok", "NOUN", "nsubj", 14),
        ("beras", "NOUN", "compound", 10),
        ("di", "ADP", "case", 13),
        ("gudang", "NOUN", "nmod", 10),
        ("cukup", "ADJ", "ccomp", 9),
        ("sampai", "ADP", "case", 17),
        ("akhir", "NOUN", "obl", 14),
        ("tahun", "NOUN", "compound", 16),
        (".", "PUNCT", "punct", 9),
    ],
)
BAHWA = (
    "Rina Marlina menegaskan bahwa seluruh sekolah sudah siap.",
    [
        ("Rina", "PROPN", "nsubj", 2),
        ("Marlina", "PROPN", "flat:name", 0),
        ("menegaskan", "VERB", "ROOT", 2),
        ("bahwa", "SCONJ", "mark", 7),
        ("seluruh", "DET", "det", 5),
        ("sekolah", "NOUN", "nsubj", 7),
        ("sudah", "ADV", "advmod", 7),
        ("siap", "ADJ", "ccomp", 2),
        (".", "PUNCT", "punct", 2),
    ],
)
QUOTED = (
    "Rina Marlina menegaskan “seluruh sekolah sudah siap”.",
    [
        ("Rina", "PROPN", "nsubj", 2),
        ("Marlina", "PROPN", "flat:name", 0),
        ("menegaskan", "VERB", "ROOT", 2),
        ("“", "PUNCT", "punct", 7),
        ("seluruh", "DET", "det", 5),
        ("sekolah", "NOUN", "nsubj", 7),
        ("sudah", "ADV", "advmod", 7),
        ("siap", "ADJ", "ccomp", 2),
        ("”", "PUNCT", "punct", 7),
        (".", "PUNCT", "punct", 2),
    ],
)


def reported(rec: EventRecord) -> list[tuple[str, str, str | None, str | None]]:
    return [(q.text, q.rule, q.cue.text if q.cue else None, q.speaker) for q in rec.quotes]


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        # no comma, no `bahwa`: the verb's ccomp is the statement, the subject's appos the speaker
        (TITLED, [("seluruh sekolah siap menerima siswa baru", "reported_parse", "menegaskan", "Rina Marlina")]),
        # a pronoun subject: its antecedent, the person of the sentence before
        (
            PRONOUN,
            [("stok beras di gudang cukup sampai akhir tahun", "reported_parse", "menjelaskan", "Taufan Hidayat")],
        ),
    ],
)
def test_a_speech_verbs_complement_is_a_statement(with_tree, case, expected):
    text, rows = case
    assert reported(with_tree(text, rows)) == expected
    assert reported(with_tree(text, None)) == []  # the rules alone do not read these


def test_the_rules_come_first_where_they_read_the_statement(with_tree):
    text, rows = BAHWA
    expected = [("seluruh sekolah sudah siap", "reported_bahwa", "menegaskan", "Rina Marlina")]
    assert reported(with_tree(text, rows)) == expected == reported(with_tree(text, None))


def test_a_quoted_complement_stays_a_direct_quote(with_tree):
    text, rows = QUOTED
    assert [(q.text, q.rule, q.kind.value) for q in with_tree(text, rows).quotes] == [
        ("seluruh sekolah sudah siap", "quote_marks", "direct")
    ]
