"""Quotation marks: one model of which marks open and close and how they pair, read by the
sentence segmenter and the quotes stage alike."""

from __future__ import annotations

import pytest

from pipeline.nlp import make_doc
from pipeline.quotation import MarkRole, pair_marks, quotations_of


@pytest.mark.parametrize(
    ("text", "index", "role"),
    [
        ("kata “Kami", 5, MarkRole.OPEN),
        ("siap,” kata", 5, MarkRole.CLOSE),
        ("“Kami", 0, MarkRole.OPEN),
        ("hal ” itu", 4, MarkRole.EITHER),  # a spaced curly close: either, for both readers
        ('a " b', 2, MarkRole.EITHER),
        ("(“Kami", 1, MarkRole.OPEN),
    ],
)
def test_mark_role(text, index, role):
    from pipeline.quotation import mark_role

    assert mark_role(text, index) is role


def test_a_stray_closing_mark_warns():
    quotations = pair_marks("Harga naik,” kata dia.")
    assert quotations.quotes == ()
    assert [warning.code for warning in quotations.warnings] == ["quote_unbalanced"]


def test_a_quote_over_two_paragraphs_is_one_quotation():
    text = "“Kami siap.\n\n“Warga juga siap,” kata Budi."
    (quote,) = pair_marks(text).quotes
    assert (quote.open, quote.close, text[quote.start : quote.end]) == (0, 30, "Kami siap.\n\n“Warga juga siap,")


def test_an_unclosed_quote_ends_at_its_paragraph():
    text = "“Kami siap membantu warga.\n\nRapat dilanjutkan."
    (quote,) = pair_marks(text).quotes
    assert (quote.close, text[quote.start : quote.end]) == (None, "Kami siap membantu warga.")
    assert [w.code for w in pair_marks(text).warnings] == ["quote_unbalanced"]


def test_inside_covers_the_marks_and_what_is_between():
    text = "Ia berkata, “Kami siap.” Lalu pergi."
    quotations = pair_marks(text)
    opening, closing = text.index("“"), text.index("”")
    assert [quotations.inside(i) for i in (opening - 1, opening, closing, closing + 1)] == [False, True, True, False]


def test_the_segmenter_never_breaks_inside_a_quotation_and_keeps_the_pairs(nlp):
    text = "“Kami siap. Kota Malang juga siap,” kata Rudi Hartono. Rapat selesai."
    doc = make_doc(nlp, text)
    assert [sentence.text for sentence in doc.sents] == [
        "“Kami siap. Kota Malang juga siap,” kata Rudi Hartono.",
        "Rapat selesai.",
    ]
    (quote,) = quotations_of(doc).quotes
    assert text[quote.start : quote.end] == "Kami siap. Kota Malang juga siap,"


def test_a_stray_mark_does_not_swallow_the_following_lines(nlp):
    text = "Bantuan disalurkan, ”Kepala Dinas Sosial Budi.\nMenurut dia, bantuan cukup untuk sebulan."
    doc = make_doc(nlp, text)
    assert [sentence.text.strip() for sentence in doc.sents] == [
        "Bantuan disalurkan, ”Kepala Dinas Sosial Budi.",
        "Menurut dia, bantuan cukup untuk sebulan.",
    ]


def test_an_outer_quote_left_open_closes_at_its_last_inner_mark():
    text = '“Warga perlu dua hal dalam upaya “rukun", yaitu “jujur dan tekun” pesan Budi.'
    quotations = pair_marks(text)
    outer, first, second = quotations.quotes
    assert text[outer.start : outer.end] == 'Warga perlu dua hal dalam upaya “rukun", yaitu “jujur dan tekun'
    assert (outer.close, first.close, second.close) == (text.index("”"), text.index('"'), text.index("”"))
    assert [w.code for w in quotations.warnings] == ["quote_unbalanced"]


def test_an_outer_quote_left_open_before_a_sentence_end_still_ends_there():
    text = "“Kami siap membantu. “Warga juga siap” kata Budi."
    quotes = pair_marks(text).quotes
    assert [(q.close, text[q.start : q.end]) for q in quotes] == [
        (None, "Kami siap membantu."),
        (text.index("”"), "Warga juga siap"),
    ]
