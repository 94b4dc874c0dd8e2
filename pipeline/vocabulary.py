"""The government vocabulary, loaded once from the lexicons into token-keyed tables.

Titles, title prefixes, agencies, ranks, honorifics, degrees, region prefixes and venue
words are matched against tokens (see `pipeline.nlp.Tokens`): every table is keyed by
the lower-cased token sequence of its forms, and `Phrases.match` finds the longest form
that starts at a token. `word_kinds` says what a single word is in all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Generic, TypeVar

from pipeline.lexicons import read_list, read_table
from pipeline.nlp import build_nlp
from pipeline.record import PlaceLevel

T = TypeVar("T")

#: Offices whose names are made of unit words (`Dinas Kesehatan`); other bodies' names (`Mahkamah
#: Agung`) hold words that are also personal names.
_UNIT_BODIES = ("Dinas", "Badan", "Satuan", "Sekretariat", "Kementerian", "Kantor", "Inspektorat")
#: Degrees not in degrees.txt but of the same shape: `S.` / `M.` / `Sp.` + letters and periods.
DEGREE_SHAPE = re.compile(r"(?:[SMD]|Sp)\.[A-Z][A-Za-z]{0,4}\.?(?:[A-Z][A-Za-z]{0,3}\.?){0,3}")


@dataclass(slots=True)
class Phrases(Generic[T]):
    """Multi-token phrases -> values, matched longest first at a token position."""

    by_first: dict[str, list[tuple[tuple[str, ...], T]]] = field(default_factory=dict)

    def add(self, words: Sequence[str], value: T) -> None:
        key = tuple(word.lower() for word in words)
        entries = self.by_first.setdefault(key[0], [])
        if all(existing != key for existing, _ in entries):
            entries.append((key, value))
            entries.sort(key=lambda entry: -len(entry[0]))

    def match(self, words: Sequence[str], i: int) -> tuple[int, T] | None:
        """(end token, value) of the longest phrase starting at token `i`, skipping no spaces."""
        entries = self.by_first.get(words[i].lower()) if i < len(words) else None
        if not entries:
            return None
        for key, value in entries:
            end = i + len(key)
            if end <= len(words) and all(words[i + k].lower() == key[k] for k in range(1, len(key))):
                return end, value
        return None


@dataclass(frozen=True, slots=True)
class Title:
    role: str
    #: See titles.tsv: a region level, `ministry`, `parent`, a template, or a fixed body.
    jurisdiction: str
    #: `unit` when the title takes a unit name after it, `optional` when it may, else empty.
    needs: str

    @property
    def takes_unit(self) -> bool:
        return self.needs in ("unit", "optional")


@dataclass(frozen=True, slots=True)
class Agency:
    kind: str  # office, head, domain
    expansion: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    titles: Phrases[Title]
    modifiers: Phrases[str]
    agencies: Phrases[Agency]
    ranks: Phrases[str]
    honorifics: frozenset[str]
    degrees: frozenset[str]
    region_prefixes: Phrases[PlaceLevel | None]
    venues: Phrases[str]
    unit_words: frozenset[str]
    #: Words that say what a person who holds no office is: `warga`, `pedagang`, `pengamat`.
    descriptors: frozenset[str] = frozenset()
    #: First words of organisation names (`Kementerian`, `Dinas`, `Polres`): never part of a name.
    organisation_words: frozenset[str] = frozenset()

    def is_degree(self, word: str) -> bool:
        return word in self.degrees or DEGREE_SHAPE.fullmatch(word) is not None


def _words(nlp_words: Iterable[str]) -> list[str]:
    return [word for word in nlp_words if not word.isspace()]


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary, tokenised with the project's tokenizer so it matches the docs."""
    tokenizer = build_nlp("blank").tokenizer

    def tokens(form: str) -> list[str]:
        return _words(token.text for token in tokenizer(form))

    titles: Phrases[Title] = Phrases()
    for row in read_table("titles.tsv"):
        titles.add(tokens(row["form"]), Title(row["role"], row["jurisdiction"], row["needs"]))
    agencies: Phrases[Agency] = Phrases()
    unit_words = set(read_list("unit_words.txt"))
    for row in read_table("agencies.tsv"):
        agencies.add(tokens(row["form"]), Agency(row["kind"], row["expansion"]))
        if row["kind"] == "domain" or row["expansion"].startswith(_UNIT_BODIES):
            unit_words.update(word.lower() for word in re.findall(r"\w+", row["expansion"]))
        if row["kind"] == "head":  # `Kadiskominfo` is a title of its own
            titles.add(tokens(row["form"]), Title(row["expansion"], "region", needs=""))
    modifiers: Phrases[str] = Phrases()
    for row in read_table("title_modifiers.tsv"):
        modifiers.add(tokens(row["form"]), row["prefix"])
    ranks: Phrases[str] = Phrases()
    for rank in read_list("ranks.txt"):
        ranks.add(tokens(rank), rank)
    prefixes: Phrases[PlaceLevel | None] = Phrases()
    for row in read_table("region_prefixes.tsv"):
        level = None if row["level"] == "other" else PlaceLevel(row["level"])
        prefixes.add(tokens(row["prefix"]), level)
    venues: Phrases[str] = Phrases()
    for venue in read_list("venues.txt"):
        venues.add(tokens(venue), venue)
    unit_words.discard("dan")
    for row in read_table("region_prefixes.tsv"):  # `Kepala Dinas Kesehatan Kota ...`: the unit ends there
        unit_words.discard(row["prefix"].lower().rstrip("."))
    organisation_words = frozenset(row["form"].split()[0] for row in read_table("organisations.tsv"))
    for word in organisation_words:  # `Direktur X Kementerian Y`: the body starts there
        unit_words.discard(word.lower())
    return Vocabulary(
        titles=titles,
        modifiers=modifiers,
        agencies=agencies,
        ranks=ranks,
        honorifics=frozenset(read_list("honorifics.txt")),
        degrees=frozenset(read_list("degrees.txt")),
        region_prefixes=prefixes,
        venues=venues,
        unit_words=frozenset(unit_words),
        descriptors=frozenset(read_list("person_descriptors.txt")),
        organisation_words=organisation_words,
    )


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
