"""What each word is inside a phrase that may name a person: `person_words`.

The kinds: title, title_prefix, rank, honorific, kinship, degree (person evidence);
organisation, organisation_prefix, unit (bodies and their fields); place_kind, place;
document (`Peraturan Gubernur` names a thing); particle (`bin`: inside a name);
pronoun, plural_pronoun. They come from the shared vocabulary (`word_kinds`, read by
`VOCABULARY_KINDS`: the first kind of that list a word has decides, so `Irjen`, a rank
and a title, is a rank), the province names of the gazetteer, the name particles of
`person_words.tsv`, and `speaker_words.tsv`, which is read as listed there (kind `name`
takes a word out: `Sandi`). Its `*_prefix` rows match the start of a longer word (`Kadis…`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipeline.gazetteer import gazetteer
from pipeline.lexicons import read_table
from pipeline.patterns import alternation, cased
from pipeline.record import PlaceLevel
from pipeline.vocabulary.government import vocabulary
from pipeline.vocabulary.kinds import WordKind, word_kinds
from pipeline.vocabulary.roles import person_words as person_roles
from pipeline.vocabulary.speech import WORD_END, speech_lexicon

#: Letters of a word compared with the starts of the `*_prefix` rows before testing them.
PREFIX_HEAD = 3
TITLE_KINDS = frozenset({"title", "title_prefix"})
#: Kinds that say a phrase names a person.
PERSON_KINDS = frozenset({"title", "rank", "honorific", "kinship", "degree", "title_prefix"})
UNIT_KINDS = frozenset({"unit", "organisation", "organisation_prefix"})
#: Kinds of words that are never part of a personal name.
NON_NAME_KINDS = PERSON_KINDS | UNIT_KINDS | {"place_kind", "place"}
VOCABULARY_KINDS: tuple[tuple[WordKind, str], ...] = (
    (WordKind.ORGANISATION, "organisation"),
    (WordKind.RANK, "rank"),
    (WordKind.TITLE, "title"),
    (WordKind.MODIFIER, "title"),
    (WordKind.HONORIFIC, "honorific"),
    (WordKind.DEGREE, "degree"),
    (WordKind.REGION_PREFIX, "place_kind"),
    (WordKind.VENUE, "place_kind"),
    (WordKind.UNIT, "unit"),
    (WordKind.DESCRIPTOR, "title"),
)


@dataclass(frozen=True, slots=True)
class TitleWords:
    """The title and unit words an abbreviated title stands for: `Mensos` -> `menteri` + `sosial`."""

    titles: tuple[str, ...]
    units: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PersonWords:
    """Lower-case words -> their kind inside a person phrase."""

    words: dict[str, str]
    #: The `*_prefix` rows of `speaker_words.tsv`: (prefix, kind) matching the start of a longer word.
    prefixes: tuple[tuple[str, str], ...]
    #: The first letters of the prefixes: most words need no prefix test.
    prefix_heads: frozenset[str]
    #: One-word titles whose role is written out otherwise: `mensos` -> menteri + sosial.
    title_words: dict[str, TitleWords]
    #: Singular and plural personal pronouns (`ia`, `dia`, `beliau`, `mereka`).
    pronouns: frozenset[str]
    #: Weekday names: a phrase ends before them (`kata Budi, Senin`).
    weekdays: frozenset[str]
    #: Month names: a phrase ends before one next to a number (`Mei 2025`; not `Mei Ling`).
    months: frozenset[str]
    #: A singular personal pronoun, as a whole word, as written in the lexicon or capitalised.
    pronoun_pattern: re.Pattern[str]
    #: One-word region prefixes (`kabupaten`, `kota`): a phrase may hold them in lower case.
    region_prefixes: frozenset[str] = frozenset()
    #: One-word office abbreviations -> the unit words of their names (`kemenag` -> kementerian, agama).
    office_units: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def kind(self, lower: str) -> str | None:
        """Kind of a word, by its form or a prefix row."""
        kind = self.words.get(lower)
        if kind is not None:
            return kind
        if lower[:PREFIX_HEAD] in self.prefix_heads:
            for prefix, prefix_kind in self.prefixes:
                if lower.startswith(prefix) and len(lower) > len(prefix) + 1:
                    return prefix_kind
        return None


@cache
def person_words() -> PersonWords:
    own = {row["word"]: row["kind"] for row in read_table("speaker_words.tsv")}
    prefixes = {word: kind for word, kind in own.items() if kind.endswith("_prefix")}
    words = _kinds({word: kind for word, kind in own.items() if word not in prefixes})
    return PersonWords(
        words=words,
        prefixes=tuple(prefixes.items()),
        prefix_heads=frozenset(prefix[:PREFIX_HEAD] for prefix in prefixes),
        title_words=_title_words(words),
        pronouns=frozenset(word for word, kind in words.items() if kind in ("pronoun", "plural_pronoun")),
        weekdays=frozenset(row["form"].lower() for row in read_table("weekdays.tsv")),
        months=frozenset(row["form"].lower() for row in read_table("months.tsv")),
        pronoun_pattern=re.compile(
            rf"\b(?:{alternation(cased(w for w, k in words.items() if k == 'pronoun'))}){WORD_END}"
        ),
        region_prefixes=frozenset(
            first
            for first, entries in vocabulary().region_prefixes.by_first.items()
            if any(len(key) == 1 for key, _ in entries)
        ),
        office_units={
            key[0]: tuple(word for word in agency.expansion.lower().split() if words.get(word) in UNIT_KINDS)
            for entries in vocabulary().agencies.by_first.values()
            for key, agency in entries
            if len(key) == 1 and agency.kind == "office"
        },
    )


def _kinds(own: dict[str, str]) -> dict[str, str]:
    """Word -> kind: the shared vocabulary, the words of province names and aliases (not
    function words: `di` of `DI Yogyakarta`), the name particles, and `speaker_words.tsv`."""
    function_words = speech_lexicon().function_words
    words: dict[str, str] = {}
    for word, kinds in word_kinds().items():
        words[word] = next(kind for vocabulary_kind, kind in VOCABULARY_KINDS if vocabulary_kind in kinds)
    regions = gazetteer()
    for name in regions.names():
        if regions.lookup(name, levels=(PlaceLevel.PROVINCE,)):
            for word in name.split():
                if word not in function_words:
                    words.setdefault(word, "place")
    for particle in person_roles().lower("name_particle"):
        words[particle] = "particle"
    for word, kind in own.items():
        if kind == "name":
            del words[word]
        else:
            words[word] = kind
    return words


def _title_words(words: dict[str, str]) -> dict[str, TitleWords]:
    """The one-word titles of the vocabulary (`titles.tsv`, agency heads) whose role is written
    out otherwise: the title and unit words of the role, and the unit words of a jurisdiction
    written out in full (`Mensos`: Menteri, Kementerian Sosial -> menteri + sosial)."""
    found: dict[str, TitleWords] = {}
    for entries in vocabulary().titles.by_first.values():
        for form, title in entries:
            written = form[0]
            if len(form) > 1 or words.get(written) != "title" or title.role.lower() == written:
                continue
            role = title.role.lower().split()
            fixed = " " in title.jurisdiction and "{" not in title.jurisdiction
            body = title.jurisdiction.lower().split() if fixed else []
            found[written] = TitleWords(
                titles=tuple(word for word in role if words.get(word) in TITLE_KINDS),
                units=tuple(
                    dict.fromkeys(
                        [word for word in role if words.get(word) in UNIT_KINDS]
                        + [word for word in body if words.get(word) == "unit"]
                    )
                ),
            )
    return found
