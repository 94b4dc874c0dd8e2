"""The tokens of a doc as plain lists, built once per doc and shared by every stage.

Reading `doc[i].text` builds a Token object each time (microseconds), and spaCy rebuilds
`doc.text` from the tokens on every access (about a millisecond for an article): stages
that scan the tokens many times read these lists instead, kept in `doc.user_data`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

T = TypeVar("T")
TEXT_KEY = "warta.text"
_TOKENS_KEY = "warta.tokens"


def text_of(doc: Doc) -> str:
    """The text of `doc` (docs made by `nlp.make_doc` and `nlp.pipe_docs` carry it)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


@dataclass(frozen=True, slots=True)
class Tokens:
    """Token texts and character offsets (whitespace tokens such as `\\n` included)."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.words)

    def chars(self, first: int, stop: int) -> tuple[int, int]:
        """Character span of tokens `first` to `stop` (exclusive)."""
        return self.starts[first], self.ends[stop - 1]

    def span_text(self, first: int, stop: int) -> str:
        return self.text[self.starts[first] : self.ends[stop - 1]]

    def scan(self, parse: Callable[[int], tuple[int, T] | None]) -> list[T]:
        """Try `parse` at every capitalised token, left to right; a match resumes after its end token."""
        found = []
        i = 0
        while i < len(self.words):
            parsed = parse(i) if self.words[i][:1].isupper() else None
            if parsed is None:
                i += 1
                continue
            i, value = parsed
            found.append(value)
        return found

    def index_at(self, char: int) -> int | None:
        """The token starting at character `char`, if one does."""
        i = bisect.bisect_left(self.starts, char)
        return i if i < len(self.starts) and self.starts[i] == char else None

    def end_token(self, char: int) -> int:
        """The first token starting at or after `char`: the end token of a span ending there."""
        return bisect.bisect_left(self.starts, char)


def tokens_of(doc: Doc) -> Tokens:
    tokens = doc.user_data.get(_TOKENS_KEY)
    if tokens is None:
        text = text_of(doc)
        table = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        starts = [start for start, _ in table]
        ends = [start + length for start, length in table]
        words = [text[start:end] for start, end in zip(starts, ends, strict=True)]
        tokens = doc.user_data[_TOKENS_KEY] = Tokens(text, words, starts, ends)
    return tokens
