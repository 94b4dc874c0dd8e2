"""What the quote rules read of one article: its text, sentences, words, quotations and people."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from pipeline.inventory import People
from pipeline.quotation import QUOTE_CHARS, Quotations
from pipeline.text import SENTENCE_FINAL, line_end, rstrip
from pipeline.tokens import Word, Words
from pipeline.vocabulary.people import PersonWords
from pipeline.vocabulary.speech import SpeechLexicon

_SPACE = re.compile(r"\s")
#: Characters read after a position (`words_after`) and before it (`words_before`), about.
AFTER_CHARS = 240
BEFORE_CHARS = 400


@dataclass(frozen=True)
class Context:
    text: str
    #: Sentence spans (the segmenter's), never empty.
    sentences: list[tuple[int, int]]
    words: Words
    quotations: Quotations
    people: People
    speech: SpeechLexicon
    person_words: PersonWords

    def __post_init__(self) -> None:
        object.__setattr__(self, "sentence_starts", [start for start, _ in self.sentences])

    def sentence_of(self, position: int) -> int:
        return max(0, bisect_right(self.sentence_starts, position) - 1)  # type: ignore[attr-defined]

    def words_after(self, position: int, limit: int = AFTER_CHARS) -> list[Word]:
        """The words after `position` on its line, up to about `limit` characters."""
        text = self.text
        end = min(line_end(text, position), position + limit)
        space = _SPACE.search(text, end)
        return self.words.between(position, min(space.start() if space else len(text), line_end(text, position)))

    def words_before(self, position: int, limit: int = BEFORE_CHARS) -> list[Word]:
        """The words of the sentence before `position`, up to about `limit` characters back."""
        text = self.text
        start = max(self.sentences[self.sentence_of(position)][0], position - limit)
        start = max(start, text.rfind("\n", 0, position) + 1)
        if start > 0 and not text[start - 1].isspace():
            space = _SPACE.search(text, start)
            start = space.end() if space and space.end() <= position else position
        return self.words.between(start, position)

    def sentence_end(self, position: int) -> int:
        """End of the sentence at `position`, without its final punctuation and spaces."""
        start, end = self.sentences[self.sentence_of(position)]
        end = rstrip(self.text, start, end)
        while end > position and self.text[end - 1] in SENTENCE_FINAL + QUOTE_CHARS:
            end -= 1
        return rstrip(self.text, start, end)

    def is_pronoun(self, word: Word) -> bool:
        return word.lower in self.person_words.pronouns

    def is_plural(self, word: Word) -> bool:
        return self.person_words.kind(word.lower) == "plural_pronoun"


def index_at(words: list[Word], position: int) -> int:
    """Index of the first word starting at or after `position` (len(words) if none)."""
    return bisect_left([word.start for word in words], position)
