"""The government vocabulary, loaded once from the lexicons into token-keyed tables.

Titles, title prefixes, agencies, ranks, honorifics, degrees, region prefixes and venue
words are matched against tokens (see `pipeline.tokens.Tokens`): every table is keyed by
the lower-cased token sequence of its forms, and `Phrases.match` finds the longest form
that starts at a token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from pipeline.lexicons import read_list, read_table
from pipeline.nlp import build_nlp
from pipeline.record import PlaceLevel
from pipeline.vocabulary.phrases import Phrases
from pipeline.vocabulary.roles import role_table

#: Degrees not in degrees.txt but of the same shape: `S.` / `M.` / `Sp.` + letters and periods.
DEGREE_SHAPE = re.compile(r"(?:[SMD]|Sp)\.[A-Z][A-Za-z]{0,4}\.?(?:[A-Z][A-Za-z]{0,3}\.?){0,3}")


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
class Starter:
    """A row of `organisations.tsv`: the kind of body a word opens, and what follows it."""

    kind: str
    takes: str
    name: str


@dataclass(slots=True)
class Ranks(Phrases[str]):
    """Ranks, each taking the corps written after it (`Kolonel Arm.`, `Mayor Laut (P)`): a corps
    word alone is no rank, so `corps` is matched only at the end of a rank."""

    corps: Phrases[str] = field(default_factory=Phrases)

    def match(self, words: Sequence[str], i: int) -> tuple[int, str] | None:
        found = Phrases.match(self, words, i)
        if found is None:
            return None
        end, rank = found
        while (corps := self.corps.match(words, end)) is not None:
            end = corps[0]
        return end, rank


def corps_forms(corps: str) -> tuple[str, ...]:
    """How a corps of corps.tsv is written after a rank: bare, with a point, in parentheses."""
    if not corps.isalpha():
        return (corps,)
    return (corps, f"{corps}.", f"({corps})", f"({corps}.)")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    titles: Phrases[Title]
    modifiers: Phrases[str]
    agencies: Phrases[Agency]
    ranks: Ranks
    honorifics: frozenset[str]
    degrees: frozenset[str]
    region_prefixes: Phrases[PlaceLevel | None]
    #: Region unit words as written -> written out (`Kab.` -> Kabupaten).
    region_units: dict[str, str]
    venues: Phrases[str]
    unit_words: frozenset[str]
    #: Words that say what a person who holds no office is: `warga`, `pedagang`, `pengamat`.
    descriptors: frozenset[str] = frozenset()
    #: First words of organisation names (`Kementerian`, `Dinas`, `Polres`): never part of a name.
    organisation_words: frozenset[str] = frozenset()
    #: The words that open an organisation's name (`organisations.tsv`).
    organisations: Phrases[Starter] = field(default_factory=Phrases)
    #: Capitalised words that never begin or continue a person's name (`name_stopwords.txt`).
    name_stopwords: frozenset[str] = frozenset()
    #: The written-out names of the offices of `agencies.tsv` (`Dinas Pekerjaan Umum dan Penataan Ruang`).
    offices: frozenset[str] = frozenset()
    #: The prefixes of acting posts, written out (`Penjabat`, `Pelaksana Tugas`).
    acting_prefixes: frozenset[str] = frozenset()

    def is_degree(self, word: str) -> bool:
        return word in self.degrees or DEGREE_SHAPE.fullmatch(word) is not None

    def unit_words_end(
        self, words: Sequence[str], k: int, *, limit: int | None = None, numbered: re.Pattern[str] | None = None
    ) -> int:
        """End of the run of capitalised unit words from token `k`, with the joiners between them
        (`Kepemudaan, Olahraga dan Pariwisata`), at most `limit` tokens; a word `numbered`
        matches (a Roman numeral: `Wilayah IV`) counts as a unit word."""
        joiners = role_table("organisation_words.tsv").words("unit_joiner")
        stop = end = k
        while end < len(words) and (limit is None or end - k < limit):
            word = words[end]
            if (word.lower() in self.unit_words and word[:1].isupper()) or (
                numbered is not None and numbered.fullmatch(word)
            ):
                end += 1
                stop = end
            elif word.lower() in joiners and end + 1 < len(words) and words[end + 1].lower() in self.unit_words:
                end += 1
            elif word.lower() in joiners and self._last_unit_word(words, end + 1):
                return end + 2  # `Pemberdayaan Masyarakat dan Desa`: a region's unit word ends the name
            else:
                break
        return stop

    def _last_unit_word(self, words: Sequence[str], j: int) -> bool:
        """A region's unit word (`Desa`, `Kalurahan`) that names no region: no name follows it."""
        match = self.region_prefixes.match(words, j) if j < len(words) and words[j][:1].isupper() else None
        if match is None or match[0] != j + 1:
            return False
        after = words[j + 1] if j + 1 < len(words) else ""
        return (
            not after[:1].isupper() or after in self.honorifics or self.region_prefixes.match(words, j + 1) is not None
        )


def _words(nlp_words: Iterable[str]) -> list[str]:
    return [word for word in nlp_words if not word.isspace()]


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary, tokenised with the project's tokenizer so it matches the docs."""
    tokenizer = build_nlp("blank").tokenizer

    def tokens(form: str) -> list[str]:
        return _words(token.text for token in tokenizer(form))

    unit_bodies = tuple(sorted(role_table("organisation_words.tsv").words("unit_body")))
    titles: Phrases[Title] = Phrases()
    for row in read_table("titles.tsv"):
        titles.add(tokens(row["form"]), Title(row["role"], row["jurisdiction"], row["needs"]))
    agencies: Phrases[Agency] = Phrases()
    unit_words = set(read_list("unit_words.txt"))
    for row in read_table("agencies.tsv"):
        agencies.add(tokens(row["form"]), Agency(row["kind"], row["expansion"]))
        if row["kind"] == "domain" or row["expansion"].startswith(unit_bodies):
            unit_words.update(word.lower() for word in re.findall(r"\w+", row["expansion"]))
        if row["kind"] == "head":  # `Kadiskominfo` is a title of its own
            titles.add(tokens(row["form"]), Title(row["expansion"], "region", needs=""))
        if row["kind"] == "office" and row["expansion"].startswith("Kantor "):  # `Kakankemenag`
            head = Title(f"Kepala {row['expansion']}", f"{row['expansion']} {{region}}", needs="")
            titles.add(tokens(f"Ka{row['form'].lower()}"), head)
    posts = [row for row in read_table("office_parts.tsv") if row["kind"] == "post"]
    for row in read_table("agencies.tsv"):  # `Dirsamapta`, `Kasatreskrim`: a post and its field in one word
        if row["kind"] == "domain" and row["form"].isalpha():
            for post in posts:
                composed = Title(f"{post['expansion']} {row['expansion']}", "parent", needs="")
                titles.add(tokens(f"{post['form'].capitalize()}{row['form'].lower()}"), composed)
    modifiers: Phrases[str] = Phrases()
    for row in read_table("title_modifiers.tsv"):
        modifiers.add(tokens(row["form"]), row["prefix"])
    ranks = Ranks()
    for rank in read_list("ranks.txt"):
        ranks.add(tokens(rank), rank)
    for row in read_table("corps.tsv"):
        for form in corps_forms(row["corps"]):
            ranks.corps.add(tokens(form), row["corps"])
            if row["alone"] == "yes":  # `Inf` alone is a rank word too
                ranks.add(tokens(form), row["corps"])
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
    starters: Phrases[Starter] = Phrases()
    for row in read_table("organisations.tsv"):
        starters.add(tokens(row["form"]), Starter(row["kind"], row["takes"], row["name"] or row["form"]))
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
        region_units={row["prefix"]: row["full"] for row in read_table("region_prefixes.tsv")},
        venues=venues,
        unit_words=frozenset(unit_words),
        descriptors=frozenset(read_list("person_descriptors.txt")),
        organisation_words=organisation_words,
        organisations=starters,
        name_stopwords=frozenset(read_list("name_stopwords.txt")),
        acting_prefixes=frozenset(row["prefix"] for row in read_table("title_modifiers.tsv")),
        offices=frozenset(row["expansion"] for row in read_table("agencies.tsv") if row["kind"] == "office"),
    )
