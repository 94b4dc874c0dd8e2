"""The tokens of a doc as plain lists, built once per doc and shared by every stage.

Reading `doc[i].text` builds a Token object each time (microseconds), and spaCy rebuilds
`doc.text` from the tokens on every access (about a millisecond for an article): stages
that scan the tokens many times read these lists instead, kept in `doc.user_data`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple, TypeVar

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

T = TypeVar("T")
TEXT_KEY = "warta.text"
_TOKENS_KEY = "warta.tokens"
_WORDS_KEY = "warta.words"


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

    def scan(
        self, parse: Callable[[int], tuple[int, T] | None], *, lower: Callable[[str], bool] | None = None
    ) -> list[T]:
        """Try `parse` at every capitalised token (and lower-case one that `lower` accepts), left to
        right; a match resumes after its end token."""
        found = []
        i = 0
        while i < len(self.words):
            word = self.words[i]
            parsed = parse(i) if word[:1].isupper() or (lower is not None and lower(word)) else None
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


class Shape(Enum):
    """The written shape of a word."""

    CAP = "cap"
    ACRONYM = "acronym"
    ABBREVIATION = "abbreviation"
    LOWER = "lower"
    NUMBER = "number"
    PUNCT = "punct"


def shape_of(word: str) -> Shape:
    first = word[0]
    if first.isdigit():
        return Shape.NUMBER
    if not first.isalpha():
        return Shape.PUNCT
    if "." in word:
        return Shape.ABBREVIATION
    if first.islower():
        return Shape.LOWER
    if len(word) > 1 and word.isupper():
        return Shape.ACRONYM
    return Shape.CAP


class Word(NamedTuple):
    """A token that is not whitespace, with its lower case and shape."""

    start: int
    end: int
    text: str
    lower: str
    shape: Shape
    #: Whether a line break stands between this word and the one before it.
    after_break: bool


#: Marks that join the two words they are glued to into one (`Covid-19`, `6/10/2025`).
_JOINING = frozenset({"-", "/"})


#: Shapes of the words seen in this process (words repeat across articles), up to a bound.
_SHAPES: dict[str, Shape] = {}
_SHAPES_MAX = 1_000_000


class Words:
    """The words of a doc (tokens without whitespace, hyphenated and slashed compounds joined),
    found by character offset."""

    __slots__ = ("_starts", "all")

    def __init__(self, tokens: Tokens) -> None:
        words: list[Word] = []
        broken = False
        text = tokens.text
        pieces, starts, ends = tokens.words, tokens.starts, tokens.ends
        count = len(pieces)
        shapes = _SHAPES
        i = 0
        while i < count:
            start, end = starts[i], ends[i]
            if pieces[i].isspace():
                broken = broken or "\n" in pieces[i]
                i += 1
                continue
            i += 1
            while i < count and ends[i - 1] == starts[i]:  # glued to the word before
                piece = pieces[i]
                if piece[:1] not in _JOINING:
                    break
                if len(piece) > 1 and piece[1:].isalnum():  # `Kota-nya`
                    end = ends[i]
                    i += 1
                elif len(piece) == 1 and i + 1 < count and ends[i] == starts[i + 1] and pieces[i + 1][:1].isalnum():
                    end = ends[i + 1]  # `Covid-19`, `e-dagang`, `6/10/2025`: one word
                    i += 2
                else:
                    break
            word = text[start:end]
            shape = shapes.get(word)
            if shape is None:
                shape = shape_of(word)
                if len(shapes) < _SHAPES_MAX:
                    shapes[word] = shape
            words.append(Word(start, end, word, word.lower(), shape, broken))
            broken = False
        self.all = words
        self._starts = [word.start for word in words]

    def between(self, start: int, end: int) -> list[Word]:
        """The words that start at or after `start` and end at or before `end`."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        while last > first and self.all[last - 1].end > end:
            last -= 1
        return self.all[first:last]

    def index_at(self, char: int) -> int | None:
        """The index of the word starting at `char`, if one does."""
        i = bisect.bisect_left(self._starts, char)
        return i if i < len(self._starts) and self._starts[i] == char else None


def words_of(doc: Doc) -> Words:
    words = doc.user_data.get(_WORDS_KEY)
    if words is None:
        words = doc.user_data[_WORDS_KEY] = Words(tokens_of(doc))
    return words
