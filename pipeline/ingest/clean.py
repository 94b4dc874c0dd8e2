"""Raw article text -> the cleaned text every offset of the record refers to.

Line by line: mojibake repaired (ftfy, keeping curly quotes), zero-width characters
removed, runs of whitespace collapsed to one space, boilerplate lines dropped
(`lexicons/boilerplate.tsv`), blank lines between paragraphs kept as one blank line.

The cleaned text keeps an `Alignment` back to the text it came from, so a span found
in the cleaned text can be shown (or scored) in the original.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

import ftfy

from pipeline.lexicons import read_table

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, explain=False)
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_WORD = re.compile(r"\S+")
#: What ftfy may change: Latin-1 and C1 range (mojibake), controls, combining marks, ligatures,
#: full-width forms, surrogates and HTML entities. Other lines skip it (it costs 0.2 ms a line).
_NEEDS_FTFY = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\xff\u0100-\u017f\u0300-\u036f\ufb00-\ufb06\uff00-\uffef\ud800-\udfff]|&#?\\w+;"
)


@dataclass(frozen=True, slots=True)
class Alignment:
    """Piecewise map from cleaned offsets to source offsets.

    Each anchor says: from cleaned offset `clean[i]` on, the source offset is
    `source[i] + (offset - clean[i])`, up to `limit[i]` in the source (the end of the
    line the piece came from, so offsets inside a repaired line stay inside it).
    """

    clean: tuple[int, ...]
    source: tuple[int, ...]
    limit: tuple[int, ...]

    def to_source(self, offset: int) -> int:
        if not self.clean:
            return offset
        i = max(bisect.bisect_right(self.clean, offset) - 1, 0)
        return min(self.source[i] + offset - self.clean[i], self.limit[i])

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """A cleaned `[start, end)` span as a source span."""
        source_start = self.to_source(start)
        if end <= start:
            return source_start, source_start
        return source_start, max(self.to_source(end - 1) + 1, source_start)


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


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.clean: list[int] = []
        self.source: list[int] = []
        self.limit: list[int] = []

    def add(self, piece: str, source_start: int, limit: int, *, exact: bool) -> None:
        same_shift = (
            exact
            and self.clean
            and self.source[-1] - self.clean[-1] == source_start - self.length
            and self.limit[-1] == limit
        )
        if not same_shift:
            self.clean.append(self.length)
            self.source.append(source_start)
            self.limit.append(limit)
        self.parts.append(piece)
        self.length += len(piece)


def clean_text(raw: str) -> CleanText:
    builder = _Builder()
    dropped: list[str] = []
    repaired = False
    blank_seen = False
    position = 0
    for match in _iter_lines(raw):
        line_start, line_end = match
        line = raw[line_start:line_end]
        exact = True
        if _INVISIBLE.search(line):
            line = _INVISIBLE.sub("", line)
            exact = False
        if _NEEDS_FTFY.search(line):
            fixed = ftfy.fix_text(line, _FTFY)
            if fixed != line:
                line = fixed
                exact = False
                repaired = True
        words = list(_WORD.finditer(line))
        if not words:
            blank_seen = True
            continue
        collapsed = " ".join(word.group() for word in words)
        rule = boilerplate_rule(collapsed)
        if rule is not None:
            dropped.append(rule)
            continue
        if builder.length:
            builder.add("\n\n" if blank_seen else "\n", position, position + 1, exact=False)
        for index, word in enumerate(words):
            if index:
                builder.add(" ", line_start + words[index - 1].end() if exact else line_start, line_end, exact=exact)
            source = line_start + word.start() if exact else line_start
            builder.add(word.group(), source, line_end, exact=exact)
        blank_seen = False
        position = line_end
    text = "".join(builder.parts)
    alignment = Alignment(tuple(builder.clean), tuple(builder.source), tuple(builder.limit))
    return CleanText(text, alignment, tuple(dropped), repaired)


def _iter_lines(raw: str) -> list[tuple[int, int]]:
    lines = []
    start = 0
    for match in _LINE_BREAK.finditer(raw):
        lines.append((start, match.start()))
        start = match.end()
    lines.append((start, len(raw)))
    return lines
