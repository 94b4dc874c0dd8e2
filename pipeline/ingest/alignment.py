"""Where each character of a cleaned text came from in the raw text: `Alignment`.

The cleaned text is made of pieces, each with the range of the raw text it stands for.
A piece as long as its source (copied text, a tab that became a space) maps character
by character; any other piece (a repaired character of mojibake, an HTML entity, a run
of spaces collapsed to one, a paragraph break) maps as a whole: each of its characters
stands for the whole source range. Neighbouring pieces that continue one another are
kept as one segment, so an article that needed no cleaning has a single segment.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Alignment:
    """Piecewise map from cleaned offsets to source offsets.

    Segment `i` covers the cleaned characters from `clean[i]` to the next segment's start
    (the last one to `length`) and came from the source characters `source[i]` to `end[i]`.
    """

    clean: tuple[int, ...]
    source: tuple[int, ...]
    end: tuple[int, ...]
    #: Length of the cleaned text.
    length: int

    def to_source(self, offset: int) -> int:
        """The source offset where the cleaned character at `offset` starts (the end of the
        source for `offset == length`)."""
        if not self.clean:
            return offset
        if offset >= self.length:
            return self.end[-1]
        i, linear = self._segment(offset)
        return self.source[i] + offset - self.clean[i] if linear else self.source[i]

    def char_end(self, offset: int) -> int:
        """The source offset where the cleaned character at `offset` ends."""
        if not self.clean:
            return offset + 1
        i, linear = self._segment(min(offset, self.length - 1))
        return self.source[i] + offset - self.clean[i] + 1 if linear else self.end[i]

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """A cleaned `[start, end)` span as a source span: `source[a:b]` is the raw form of
        `text[start:end]`."""
        source_start = self.to_source(start)
        if end <= start:
            return source_start, source_start
        return source_start, max(self.char_end(end - 1), source_start)

    def _segment(self, offset: int) -> tuple[int, bool]:
        i = max(bisect.bisect_right(self.clean, offset) - 1, 0)
        stop = self.clean[i + 1] if i + 1 < len(self.clean) else self.length
        return i, stop - self.clean[i] == self.end[i] - self.source[i]


class AlignedBuilder:
    """Builds a cleaned text piece by piece, and its `Alignment`."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self._clean: list[int] = []
        self._source: list[int] = []
        self._end: list[int] = []
        self._last_linear = False

    def add(self, piece: str, source_start: int, source_end: int) -> None:
        """Append `piece`, which stands for the source characters `[source_start, source_end)`."""
        if not piece:
            return
        linear = len(piece) == source_end - source_start
        if linear and self._last_linear and self._end[-1] == source_start:
            self._end[-1] = source_end
        else:
            self._clean.append(self.length)
            self._source.append(source_start)
            self._end.append(max(source_end, source_start))
            self._last_linear = linear
        self.parts.append(piece)
        self.length += len(piece)

    def build(self) -> tuple[str, Alignment]:
        text = "".join(self.parts)
        return text, Alignment(tuple(self._clean), tuple(self._source), tuple(self._end), self.length)
