"""The shared vocabulary: what single words are in the lexicons of titles, ranks, bodies and units."""

from __future__ import annotations

import pytest

from pipeline.vocabulary import WordKind, word_kinds

K = WordKind


@pytest.mark.parametrize(
    ("word", "kinds"),
    [
        ("kapolres", {K.TITLE}),  # titles.tsv
        ("kepala", {K.TITLE}),  # first word of `Kepala Dinas`
        ("kadiskominfo", {K.TITLE}),  # agency head
        ("plt", {K.MODIFIER}),
        ("irjen", {K.RANK, K.TITLE}),  # a rank, and the title `Inspektur Jenderal` of a ministry
        ("letnan", {K.RANK}),  # first word of `Letnan Kolonel`
        ("pol", {K.RANK}),  # `(Pol.)`
        ("hj", {K.HONORIFIC}),
        ("ssos", {K.DEGREE}),  # `S.Sos.`
        ("diskominfo", {K.ORGANISATION}),  # agency office
        ("polres", {K.ORGANISATION}),  # organisations.tsv
        ("reskrim", {K.UNIT}),  # agency domain
        ("kesehatan", {K.UNIT}),
        ("kab", {K.REGION_PREFIX}),  # `Kab.`
        ("aula", {K.VENUE}),
        ("pasar", {K.UNIT, K.VENUE}),
        ("pengamat", {K.DESCRIPTOR}),
    ],
)
def test_word_kinds(word, kinds):
    assert word_kinds()[word] == kinds


def test_words_are_lower_case_without_periods():
    assert all(word == word.lower() and "." not in word for word in word_kinds())


def test_later_words_of_a_form_count_only_by_their_own_kind():
    assert word_kinds()["dinas"] == {WordKind.ORGANISATION}  # `Dinas ...`, not the title `Kepala Dinas`
    assert "bicara" not in word_kinds()  # `Juru Bicara`
