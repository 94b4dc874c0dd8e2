"""Normalisation of compared texts, and where a gold quote (given as text) is in an article."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.evaluate.scoring.rules import _COMPOUND_PATTERNS, QUOTE_MARKS, Interval


@dataclass(frozen=True, slots=True)
class Normalised:
    """A normalised text; character i came from `source[starts[i]:ends[i]]`."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def source_span(self, start: int, end: int) -> Interval:
        """The source span of the normalised `[start, end)` (non-empty)."""
        return self.starts[start], self.ends[end - 1]


def normalise(text: str | None) -> str:
    """The comparison form of a text (see the module docstring); None -> ''."""
    return normalise_with_offsets(text or "").text


def normalise_with_offsets(text: str, *, strip: bool = True) -> Normalised:
    """`normalise` keeping offsets; with `strip=False` only the end spaces are removed."""
    chars: list[tuple[str, int, int]] = []
    index = 0
    while index < len(text):
        stop = index + 1
        while stop < len(text) and unicodedata.combining(text[stop]):
            stop += 1
        for char in unicodedata.normalize("NFKC", text[index:stop]).lower():
            if char in QUOTE_MARKS:
                continue
            if char.isspace():
                if not chars or chars[-1][0] == " ":
                    continue
                char = " "
            chars.append((char, index, stop))
        index = stop
    joined = "".join(char for char, _, _ in chars)
    spaces = {match.start(1) for pattern in _COMPOUND_PATTERNS for match in pattern.finditer(joined)}
    if spaces:
        chars = [item for position, item in enumerate(chars) if position not in spaces]
    strippable = _is_strippable if strip else _is_space
    first, last = 0, len(chars)
    while first < last and strippable(chars[first][0]):
        first += 1
    while last > first and strippable(chars[last - 1][0]):
        last -= 1
    kept = chars[first:last]
    return Normalised(
        "".join(char for char, _, _ in kept),
        tuple(start for _, start, _ in kept),
        tuple(end for _, _, end in kept),
    )


def _is_space(char: str) -> bool:
    return char == " "


def _is_strippable(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def contains_words(outer: str, inner: str) -> bool:
    """Whether normalised `inner` occurs in normalised `outer` not inside a word (both non-empty)."""
    if not outer or not inner:
        return False
    return re.search(rf"(?<!\w){re.escape(inner)}(?!\w)", outer) is not None


def loosely_equal(first: str | None, second: str | None) -> bool:
    """Normalised equal, or one contains the other as whole words."""
    a, b = normalise(first), normalise(second)
    return a == b or contains_words(a, b) or contains_words(b, a)


def words(text: str | None, min_length: int = 1) -> frozenset[str]:
    """The normalised words (letters only) of a text with at least `min_length` letters."""
    return frozenset(word for word in re.findall(r"[^\W\d_]+", normalise(text)) if len(word) >= min_length)


# --- locating gold quotes -------------------------------------------------------------


def find_all(text: str, needle: str) -> list[Interval]:
    """Every exact occurrence of `needle` in `text` (non-overlapping), as spans."""
    found: list[Interval] = []
    if not needle:
        return found
    start = text.find(needle)
    while start >= 0:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return found


def find_normalised(text: str, needle: str) -> list[Interval]:
    """Occurrences of `needle` in `text` when both are normalised, as spans of `text`."""
    target = normalise(needle)
    if not target:
        return []
    haystack = normalise_with_offsets(text, strip=False)
    return [haystack.source_span(start, end) for start, end in find_all(haystack.text, target)]


def locate_quote(text: str, quote: str, taken: Iterable[Interval] = ()) -> Interval | None:
    """Where a gold quote's text is in the article: exact search, then normalised search.

    The first occurrence not in `taken` (already given to an earlier gold quote) wins; a
    text found only where an earlier quote is gets that place again. None when not found.
    """
    found = find_all(text, quote) or find_normalised(text, quote)
    used = set(taken)
    for span in found:
        if span not in used:
            return span
    return found[0] if found else None
