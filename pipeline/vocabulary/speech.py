"""The speech lexicons: speech verbs and their forms, and the function words the statement rules read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.lexicons import read_list, read_table
from pipeline.patterns import alternation, cased

#: A word ends where no letter, digit, apostrophe or hyphen follows.
WORD_END = r"(?![\w’'-])"


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

    def looks_verbal(self, lower: str) -> bool:
        """A speech verb, a predicate word (`akan`, `telah`), or a word that begins with a verb
        prefix (`me-`, `ber-`, `di-`) and is longer than it by two letters or more."""
        if lower in self.verbs or self.function(lower) == "predicate":
            return True
        return any(
            kind == "verb_prefix" and lower.startswith(word[:-1]) and len(lower) > len(word) + 1
            for word, kind in self.function_words.items()
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
