"""What a single word is in the whole vocabulary: `word_kinds`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from functools import cache
from typing import TypeVar

from pipeline.vocabulary.government import vocabulary
from pipeline.vocabulary.phrases import Phrases

T = TypeVar("T")


class WordKind(StrEnum):
    """What a single word is in the vocabulary (see `word_kinds`)."""

    TITLE = "title"  # opens a title of office: `Bupati`, `Kepala`, `Mensos`, `Kadiskominfo`
    MODIFIER = "modifier"  # opens the prefix of an acting post: `Plt`, `Penjabat`
    RANK = "rank"  # opens a rank or is a corps word: `AKBP`, `Letnan` (`Letnan Kolonel`), `Inf`
    HONORIFIC = "honorific"  # `H`, `Hj`, `Dr`, `Ir`, `Bapak`
    DEGREE = "degree"  # written without its periods: `ssos` (`S.Sos.`), `msi`, `phd`
    ORGANISATION = "organisation"  # opens an organisation's name or is an office: `Dinas`, `Polres`, `Diskominfo`
    UNIT = "unit"  # a word of the name of a government unit or field: `Kesehatan`, `Reskrim`
    REGION_PREFIX = "region_prefix"  # `Kabupaten`, `Kab`, `Desa`, `Nagari`
    VENUE = "venue"  # opens a venue's name: `Gedung`, `Aula`, `Pasar`
    DESCRIPTOR = "descriptor"  # says what a person who holds no office is: `warga`, `pengamat`


def _word_key(form: Sequence[str]) -> str | None:
    """The lower-case first word of a tokenised form, without periods or brackets (`(Pol.)` -> `pol`)."""
    for token in form:
        word = token.lower().replace(".", "").strip("()")
        if any(char.isalnum() for char in word):
            return word
    return None


@cache
def word_kinds() -> Mapping[str, frozenset[WordKind]]:
    """Lower-case words -> what they are in the vocabulary: the first word of each form of the
    title, title-prefix, rank, organisation, agency, region-prefix and venue tables (`Kepala` of
    `Kepala Dinas`, not `Dinas`), every honorific, degree and person descriptor, and every unit
    word (`vocabulary().unit_words` and the short field names of agencies.tsv). A word may be
    of several kinds (`Irjen`: a rank and a title; `Pasar`: a unit word and a venue); the
    reader chooses."""
    vocab = vocabulary()
    kinds: dict[str, set[WordKind]] = {}

    def add(word: str | None, kind: WordKind) -> None:
        if word:
            kinds.setdefault(word, set()).add(kind)

    def add_phrases(phrases: Phrases[T], kind: WordKind) -> None:
        for entries in phrases.by_first.values():
            for form, _ in entries:
                add(_word_key(form), kind)

    add_phrases(vocab.titles, WordKind.TITLE)
    add_phrases(vocab.modifiers, WordKind.MODIFIER)
    add_phrases(vocab.ranks, WordKind.RANK)
    add_phrases(vocab.region_prefixes, WordKind.REGION_PREFIX)
    add_phrases(vocab.venues, WordKind.VENUE)
    for entries in vocab.agencies.by_first.values():
        for form, agency in entries:
            if agency.kind == "office":
                add(_word_key(form), WordKind.ORGANISATION)
            elif agency.kind == "domain":
                add(_word_key(form), WordKind.UNIT)
    for word in vocab.organisation_words:
        add(_word_key([word]), WordKind.ORGANISATION)
    for honorific in vocab.honorifics:
        add(_word_key([honorific]), WordKind.HONORIFIC)
    for degree in vocab.degrees:
        add(_word_key([degree]), WordKind.DEGREE)
    for word in vocab.unit_words:
        add(word, WordKind.UNIT)
    for descriptor in vocab.descriptors:
        add(descriptor, WordKind.DESCRIPTOR)
    return {word: frozenset(found) for word, found in kinds.items()}
