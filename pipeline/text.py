"""Where things are in an article's text: lines, paragraphs, the lead, headline lines.

Plain functions over the cleaned text (offsets, end exclusive), shared by the stages.
"""

from __future__ import annotations

import re

SENTENCE_FINAL = ".!?…"
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
#: Share of capitalised words that makes a line a headline.
HEADLINE_CAPITALISED = 0.6
#: A sentence ending inside a line (a word of four lower-case letters or a parenthesis, a
#: final mark, a capitalised word): a line of two sentences is a paragraph, not a headline.
_INNER_SENTENCE_END = re.compile(r"(?:[a-z]{4}|\))[.!?]\s+[A-Z]")


def line_end(text: str, position: int) -> int:
    """End of the line holding `position` (the offset of its `\\n`, or the text's end)."""
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def next_visible(text: str, position: int) -> int:
    """The first offset at or after `position` that is not whitespace."""
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def rstrip(text: str, start: int, end: int) -> int:
    """`end` moved back over whitespace, not before `start`."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def at_line_start(text: str, position: int) -> bool:
    """Only whitespace stands between the line's start and `position`."""
    line_start = text.rfind("\n", 0, position) + 1
    return not text[line_start:position].strip()


def word_start(text: str, position: int) -> bool:
    """A word starts at `position`: nothing word-like is glued before it."""
    return position == 0 or not (text[position - 1].isalnum() or text[position - 1] in "_’'-")


def paragraph_break(text: str, start: int, end: int) -> int | None:
    """Start of the first paragraph after a blank line in `text[start:end]`, or None."""
    match = _BLANK_LINE.search(text, start, end)
    return match.end() if match else None


def last_sentence_end(text: str, start: int, end: int) -> int | None:
    """Offset after the last sentence-final mark in `text[start:end]`, or None."""
    for position in range(end - 1, start - 1, -1):
        if text[position] in SENTENCE_FINAL:
            return position + 1
    return None


def lead_end(text: str) -> int:
    """End of the first paragraph of prose (a title line before it does not count)."""
    start = 0
    while True:
        end = text.find("\n\n", start)
        if end < 0:
            return len(text)
        if text[start:end].rstrip()[-1:] in ".!?”\"'" or "\n" in text[start:end]:
            return end
        start = end + 2


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The stretch around `position` between a full stop (or line break) and the next one."""
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    ends = [e for e in (text.find(". ", position), text.find("\n", position)) if e >= 0]
    return start, (min(ends) if ends else len(text))


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Lines in headline case (most words capitalised, no closing period, one sentence): their spans."""
    spans = []
    start = 0
    for line in text.split("\n"):
        words = _HEADLINE_WORD.findall(line)
        stripped = line.rstrip()
        capitalised = sum(word[0].isupper() for word in words)
        if (
            len(words) >= 3
            and stripped[-1:] not in '.!?"”'
            and capitalised >= HEADLINE_CAPITALISED * len(words)
            and _INNER_SENTENCE_END.search(line) is None
        ):
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans
