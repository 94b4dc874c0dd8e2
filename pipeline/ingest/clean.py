"""Raw article text -> the cleaned text every offset of the record refers to.

Line by line: zero-width characters removed and mojibake repaired (`repair`: ftfy,
keeping curly quotes), runs of whitespace collapsed to one space, boilerplate lines
dropped (`lexicons/boilerplate.tsv`), blank lines between paragraphs kept as one blank
line.

The cleaned text keeps an `Alignment` back to the text it came from, exact to the
character inside repaired lines too, so a span found in the cleaned text can be shown
(or scored) in the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from pipeline.ingest.alignment import AlignedBuilder, Alignment
from pipeline.ingest.repair import Piece, repair_line
from pipeline.lexicons import read_table

#: Line ends: those of `str.splitlines`, the information separators `\x1c`-`\x1e` included.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    alignment: Alignment
    #: Names of the boilerplate rules that dropped a line, in text order.
    dropped: tuple[str, ...]
    #: True when ftfy changed something (mojibake, HTML entities, odd code points).
    repaired: bool


@cache
def _boilerplate() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((row["name"], re.compile(row["pattern"], re.IGNORECASE)) for row in read_table("boilerplate.tsv"))


def boilerplate_rule(line: str) -> str | None:
    """The name of the boilerplate rule a (whitespace-collapsed) line matches, or None."""
    for name, pattern in _boilerplate():
        if pattern.fullmatch(line):
            return name
    return None


def clean_text(raw: str) -> CleanText:
    builder = AlignedBuilder()
    dropped: list[str] = []
    repaired = False
    blank_seen = False
    position = 0
    for line_start, line_end in _iter_lines(raw):
        line = raw[line_start:line_end]
        repair = repair_line(line)
        text = line if repair is None else repair.text
        collapsed = " ".join(text.split())
        if not collapsed:
            blank_seen = True
            continue
        rule = boilerplate_rule(collapsed)
        if rule is not None:
            dropped.append(rule)
            continue
        repaired = repaired or (repair is not None and repair.by_ftfy)
        pieces = _collapsed_pieces(line, collapsed, repair.pieces if repair is not None else None)
        if builder.length:
            builder.add("\n\n" if blank_seen else "\n", position, line_start + pieces[0][1])
        for piece, start, end in pieces:
            builder.add(piece, line_start + start, line_start + end)
        blank_seen = False
        position = line_start + pieces[-1][2]
    text, alignment = builder.build()
    return CleanText(text, alignment, tuple(dropped), repaired)


def _collapsed_pieces(line: str, collapsed: str, repaired: tuple[Piece, ...] | None) -> list[tuple[str, int, int]]:
    """The pieces of the whitespace-collapsed line, each with its range in the raw `line`."""
    lead = len(line) - len(line.lstrip())
    if repaired is None and line.startswith(collapsed, lead):
        return [(collapsed, lead, lead + len(collapsed))]  # the common case: nothing to collapse
    pieces = repaired or (Piece(line, 0, len(line)),)
    text = "".join(piece.text for piece in pieces)
    found: list[tuple[str, int, int]] = []
    cursor = _PieceCursor(pieces)
    for word in _WORD.finditer(text):
        mapped = cursor.mapped(word.start(), word.end())
        if found:
            gap_start = found[-1][2]
            found.append((" ", gap_start, max(mapped[0][1], gap_start)))
        found.extend(mapped)
    return found


class _PieceCursor:
    """Maps ranges of the repaired line, left to right, to ranges of the raw line."""

    def __init__(self, pieces: tuple[Piece, ...]) -> None:
        self.pieces = pieces
        self.index = 0
        self.offset = 0  # where piece `index` starts in the repaired line

    def mapped(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """`[start, end)` of the repaired line as pieces with their raw ranges: a piece copied
        from the source maps character by character, a repaired one as a whole."""
        while self.offset + len(self.pieces[self.index].text) <= start:
            self.offset += len(self.pieces[self.index].text)
            self.index += 1
        found = []
        index, offset = self.index, self.offset
        while offset < end:
            piece = self.pieces[index]
            a, b = max(start, offset), min(end, offset + len(piece.text))
            if len(piece.text) == piece.end - piece.start:
                found.append((piece.text[a - offset : b - offset], piece.start + a - offset, piece.start + b - offset))
            else:
                found.append((piece.text[a - offset : b - offset], piece.start, piece.end))
            offset += len(piece.text)
            index += 1
        return found


def _iter_lines(raw: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _LINE_BREAK.finditer(raw):
        yield start, match.start()
        start = match.end()
    yield start, len(raw)
