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

    def function(self, lower: str) -> str | None:
        return self.function_words.get(lower)

    def looks_like_verb(self, lower: str) -> bool:
        """A lower-case word of a verb prefix and three letters or more (`bermanfaat`, `menjaga`),
        no function word and no noun of `statement_words.tsv` (`menteri`)."""
        if lower in self.function_words or not lower.isalpha():
            return False
        return any(
            lower.startswith(prefix) and len(lower) >= len(prefix) + VERB_STEM_LETTERS
            for prefix, kind in self.function_words.items()
            if kind == "verb_prefix"
        )


@cache
def speech_lexicon() -> SpeechLexicon:
    verbs = {
        row["form"]: SpeechVerb(row["form"], row["base"], row["voice"], row["kind"])
        for row in read_table("speech_verbs.tsv")
    }
    for verb in list(verbs.values()):  # `diakuinya`, `ditambahkannya`: the passive with the agent as `-nya`
        if verb.voice == "passive":
            verbs.setdefault(verb.form + "nya", SpeechVerb(verb.form + "nya", verb.base, "nya", verb.kind))
    return SpeechLexicon(
        verbs=verbs,
        function_words={row["word"]: row["kind"] for row in read_table("statement_words.tsv")},
        verb_pattern=re.compile(rf"\b(?:{alternation(cased(verbs))}){WORD_END}"),
    )


@cache
def function_words() -> frozenset[str]:
    """The most frequent Indonesian function words (`function_words.txt`)."""
    return frozenset(read_list("function_words.txt"))
