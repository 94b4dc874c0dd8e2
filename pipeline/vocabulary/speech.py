"""The speech lexicons: speech verbs and their forms, and the function words the statement rules read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.lexicons import read_list, read_table
from pipeline.patterns import alternation, cased

#: A word ends where no letter, digit, apostrophe or hyphen follows.
WORD_END = r"(?![\w’'-])"
#: Letters after a verb prefix, at least, for a word to look like a verb (`ber` + `main`).
VERB_STEM_LETTERS = 3
#: Kinds of `statement_words.tsv` rows that are no function words: how a verb looks, and acts.
MORPHOLOGY_KINDS = frozenset({"verb_prefix", "passive_prefix", "lookalike", "accompany"})


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    """A row of `speech_verbs.tsv`."""

    form: str
    base: str
    voice: str  # bare, nya, active, passive, preposition
    kind: str


@dataclass(frozen=True, slots=True)
class SpeechLexicon:
    """Speech verbs by lower-case form, and `statement_words.tsv` (word -> kind)."""

    verbs: dict[str, SpeechVerb]
    function_words: dict[str, str]
    #: Any form of `verbs`, as a whole word, as written in the lexicon or capitalised.
    verb_pattern: re.Pattern[str]
    #: The `verb_prefix`, `passive_prefix`, `lookalike` and `accompany` rows of `statement_words.tsv`,
    #: kept out of `function_words`.
    verb_prefixes: tuple[str, ...] = ()
    passive_prefixes: tuple[str, ...] = ()
    lookalikes: frozenset[str] = frozenset()
    accompany: frozenset[str] = frozenset()

    def function(self, lower: str) -> str | None:
        return self.function_words.get(lower)

    def looks_like_verb(self, lower: str) -> bool:
        """A lower-case word of a verb prefix and three letters or more (`bermanfaat`, `menjaga`),
        no function word and no lookalike of `statement_words.tsv` (`menteri`, `terbaik`)."""
        if lower in self.function_words or lower in self.lookalikes or not lower.isalpha():
            return False
        return _prefixed(lower, self.verb_prefixes)

    def looks_verbal(self, lower: str) -> bool:
        """A speech verb, a predicate word (`akan`, `telah`), or a word that looks like a verb,
        active (`looks_like_verb`) or passive (`dilantik`: `passive_prefix`)."""
        if lower in self.verbs or self.function(lower) == "predicate" or self.looks_like_verb(lower):
            return True
        return lower.isalpha() and lower not in self.lookalikes and _prefixed(lower, self.passive_prefixes)


def _prefixed(lower: str, prefixes: tuple[str, ...]) -> bool:
    """The word begins with one of `prefixes` and has a stem of `VERB_STEM_LETTERS` letters or more."""
    return any(lower.startswith(prefix) and len(lower) >= len(prefix) + VERB_STEM_LETTERS for prefix in prefixes)


@cache
def speech_lexicon() -> SpeechLexicon:
    verbs = {
        row["form"]: SpeechVerb(row["form"], row["base"], row["voice"], row["kind"])
        for row in read_table("speech_verbs.tsv")
    }
    for verb in list(verbs.values()):  # `diakuinya`, `ditambahkannya`: the passive with the agent as `-nya`
        if verb.voice == "passive":
            verbs.setdefault(verb.form + "nya", SpeechVerb(verb.form + "nya", verb.base, "nya", verb.kind))
    rows = read_table("statement_words.tsv")

    def of_kind(kind: str) -> list[str]:
        return [row["word"] for row in rows if row["kind"] == kind]

    return SpeechLexicon(
        verbs=verbs,
        function_words={row["word"]: row["kind"] for row in rows if row["kind"] not in MORPHOLOGY_KINDS},
        verb_pattern=re.compile(rf"\b(?:{alternation(cased(verbs))}){WORD_END}"),
        verb_prefixes=tuple(of_kind("verb_prefix")),
        passive_prefixes=tuple(of_kind("passive_prefix")),
        lookalikes=frozenset(of_kind("lookalike")),
        accompany=frozenset(of_kind("accompany")),
    )


@cache
def function_words() -> frozenset[str]:
    """The most frequent Indonesian function words (`function_words.txt`)."""
    return frozenset(read_list("function_words.txt"))
