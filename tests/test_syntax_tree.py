"""The dependency helpers for the stages (`pipeline.syntax.tree`) on hand-made UD trees.

The trees follow UD Indonesian as the stanza models learn it (CSUI): the nsubj of a
titled speaker is the title's first word and the name its `appos`; a speech verb after
its quote is the `parataxis` of the quoted clause. The same helpers on parses made by
the trained model: `tests/test_stanza_backend.py`.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.syntax.tree import (
    appositive_name,
    has_parse,
    name_span,
    statement,
    statement_after,
    subject,
    subject_name,
)

VOCAB = Vocab()


def parsed(rows: list[tuple[str, str, str, int]], *, glued: set[int] = frozenset()) -> Doc:
    """A Doc from (word, UPOS, relation, head index) rows; `glued`: words with no space after."""
    words = [row[0] for row in rows]
    spaces = [
        index + 1 < len(rows) and index not in glued and rows[index + 1][0] not in ",.”" for index in range(len(rows))
    ]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        pos=[row[1] for row in rows],
        deps=[row[2] for row in rows],
        heads=[row[3] for row in rows],
    )


TITLE_FIRST = [
    ("Wakil", "NOUN", "nsubj", 8),
    ("Wali", "NOUN", "compound", 0),
    ("Kota", "NOUN", "compound", 1),
    ("Malang", "PROPN", "nmod", 0),
    (",", "PUNCT", "punct", 5),
    ("Dimas", "PROPN", "appos", 0),
    ("Pratama", "PROPN", "flat:name", 5),
    (",", "PUNCT", "punct", 5),
    ("mengatakan", "VERB", "ROOT", 8),
    ("bahwa", "SCONJ", "mark", 12),
    ("program", "NOUN", "nsubj", 12),
    ("itu", "DET", "det", 10),
    ("berjalan", "VERB", "ccomp", 8),
    ("baik", "ADV", "advmod", 12),
    (".", "PUNCT", "punct", 8),
]

NAME_FIRST = [
    ("Dimas", "PROPN", "nsubj", 8),
    ("Pratama", "PROPN", "flat:name", 0),
    (",", "PUNCT", "punct", 3),
    ("Wakil", "NOUN", "appos", 0),
    ("Wali", "NOUN", "compound", 3),
    ("Kota", "NOUN", "compound", 4),
    ("Malang", "PROPN", "nmod", 3),
    (",", "PUNCT", "punct", 3),
    ("menyampaikan", "VERB", "ROOT", 8),
    ("terima", "NOUN", "obj", 8),
    ("kasih", "NOUN", "compound", 9),
    (".", "PUNCT", "punct", 8),
]

QUOTE_FIRST = [
    ("“", "PUNCT", "punct", 2),
    ("Kami", "PRON", "nsubj", 2),
    ("siap", "ADJ", "ROOT", 2),
    ("melayani", "VERB", "xcomp", 2),
    ("warga", "NOUN", "obj", 3),
    (",", "PUNCT", "punct", 2),
    ("”", "PUNCT", "punct", 2),
    ("kata", "VERB", "parataxis", 2),
    ("Dimas", "PROPN", "nsubj", 7),
    (".", "PUNCT", "punct", 2),
]


def test_a_titled_subject_leads_to_the_name_in_apposition():
    doc = parsed(TITLE_FIRST)
    verb = doc[8]
    assert has_parse(doc)
    assert subject(verb).text == "Wakil"
    name = subject_name(verb)
    assert (name.text, name.start_char, name.end_char) == ("Dimas Pratama", 24, 37)
    assert appositive_name(doc[0]).text == "Dimas Pratama"


def test_the_ccomp_is_the_statement_without_bahwa_and_the_full_stop():
    doc = parsed(TITLE_FIRST)
    found = statement(doc[8])
    assert (found.text, found.start_char, found.end_char) == ("program itu berjalan baik", 56, 81)
    assert doc.text[found.start_char : found.end_char] == found.text


def test_a_name_first_subject_is_its_own_name_and_the_title_finds_its_head():
    doc = parsed(NAME_FIRST)
    assert subject_name(doc[8]).text == "Dimas Pratama"
    assert appositive_name(doc[3]).text == "Dimas Pratama"
    assert statement(doc[8]) is None  # an object, no clause


def test_a_speech_verb_after_its_quote_reports_the_clause_it_hangs_on():
    doc = parsed(QUOTE_FIRST, glued={0, 5})
    assert doc.text == "“Kami siap melayani warga,” kata Dimas."
    found = statement(doc[7])
    assert (found.text, found.start_char, found.end_char) == ("Kami siap melayani warga", 1, 25)
    assert subject_name(doc[7]).text == "Dimas"


def test_a_speech_verb_before_its_parataxis_reports_what_follows():
    rows = [
        ("Ia", "PRON", "nsubj", 1),
        ("berkata", "VERB", "ROOT", 1),
        (":", "PUNCT", "punct", 4),
        ("kami", "PRON", "nsubj", 4),
        ("siap", "ADJ", "parataxis", 1),
        (".", "PUNCT", "punct", 1),
    ]
    doc = parsed(rows, glued={1})
    assert statement(doc[1]).text == "kami siap"
    assert subject_name(doc[1]) is None  # a pronoun is no name


def test_a_title_the_parser_reads_as_a_name_is_ruled_out_by_the_stages_title_test():
    rows = [
        ("Rina", "PROPN", "nsubj", 7),
        ("Kusumawati", "PROPN", "flat:name", 0),
        (",", "PUNCT", "punct", 3),
        ("Kepala", "PROPN", "appos", 0),
        ("Dinas", "PROPN", "flat:name", 3),
        ("Kesehatan", "PROPN", "flat:name", 3),
        (",", "PUNCT", "punct", 3),
        ("menjelaskan", "VERB", "ROOT", 7),
        ("rencana", "NOUN", "obj", 7),
        (".", "PUNCT", "punct", 7),
    ]
    doc = parsed(rows)
    assert subject_name(doc[7]).text == "Kepala Dinas Kesehatan"  # syntax alone cannot tell

    def is_title(span):
        return span[0].text in {"Kepala", "Wakil", "Bupati"}

    assert subject_name(doc[7], is_title=is_title).text == "Rina Kusumawati"
    assert appositive_name(doc[0], is_title=is_title) is None
    assert appositive_name(doc[3], is_title=is_title).text == "Rina Kusumawati"


def test_name_span_takes_every_flat_part():
    rows = [
        ("Andi", "PROPN", "nsubj", 3),
        ("Muhammad", "PROPN", "flat:name", 0),
        ("Yusuf", "PROPN", "flat", 1),
        ("hadir", "VERB", "ROOT", 3),
    ]
    doc = parsed(rows)
    assert name_span(doc[0]).text == "Andi Muhammad Yusuf"


@pytest.mark.parametrize("helper", [statement, subject, subject_name, appositive_name])
def test_without_a_parse_the_helpers_find_nothing(helper):
    doc = Doc(VOCAB, words=["Wakil", "Bupati", "mengatakan", "bahwa", "jalan", "rusak", "."])
    assert not has_parse(doc)
    assert all(helper(token) is None for token in doc)


# the small parser's errors the stage must survive: the titled subject hung on the complement,
# and the complement's subject read as the verb's object
SUBJECT_ON_COMPLEMENT = [
    ("Kepala", "NOUN", "nsubj", 6),
    ("Dinas", "PROPN", "nmod", 0),
    (",", "PUNCT", "punct", 3),
    ("Rina", "PROPN", "appos", 0),
    (",", "PUNCT", "punct", 5),
    ("menegaskan", "VERB", "ROOT", 5),
    ("siap", "ADJ", "ccomp", 5),
    ("menerima", "VERB", "xcomp", 6),
    ("siswa", "NOUN", "obj", 7),
    (".", "PUNCT", "punct", 5),
]
OBJECT_BEFORE_COMPLEMENT = [
    ("Ia", "PRON", "nsubj", 1),
    ("menjelaskan", "VERB", "ROOT", 1),
    ("stok", "NOUN", "obj", 1),
    ("beras", "VERB", "ccomp", 1),
    ("cukup", "ADV", "advmod", 3),
    (".", "PUNCT", "punct", 1),
]


@pytest.mark.parametrize(
    ("rows", "verb", "expected"),
    [
        (SUBJECT_ON_COMPLEMENT, 5, "siap menerima siswa"),
        (OBJECT_BEFORE_COMPLEMENT, 1, "stok beras cukup"),
        (TITLE_FIRST, 8, "program itu berjalan baik"),
    ],
)
def test_the_statement_after_its_verb(rows, verb, expected):
    assert statement_after(parsed(rows)[verb]).text == expected


def test_a_quote_before_its_verb_is_no_statement_after_it():
    doc = parsed(QUOTE_FIRST)
    assert statement(doc[7]).text == "Kami siap melayani warga"
    assert statement_after(doc[7]) is None  # the quote is read by the quotation rules
