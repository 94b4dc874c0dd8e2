"""One line's repair (zero-width characters removed, mojibake fixed by ftfy), piece by piece.

ftfy fixes the whole line and explains how (`fix_and_explain`: e.g. encode as
sloppy-windows-1252, decode as UTF-8). The same plan is then applied to ever smaller
parts of the line: its words (split at ASCII spaces and tabs, which no mojibake
sequence contains), the ASCII runs, HTML entities and non-ASCII runs of a word, and
the shortest repairable sequences of a run (`JosÃ©` -> `Jos` + `Ã©`). A split is kept
only when the repaired parts join up to exactly the repaired whole, so the repaired
line is always ftfy's; where a split does not join up (a fix that reads across a
space, a normalisation that joins a letter and its accent), that part keeps its whole
source range. The result is a list of `Piece`s whose texts make the repaired line,
each with the range of the raw line it came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import ftfy

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, explain=True)
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
#: What ftfy may change: Latin-1 and C1 range (mojibake), controls, combining marks, ligatures,
#: full-width forms, surrogates and HTML entities. Other text skips it (it costs 0.2 ms a line).
_NEEDS_FTFY = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\xff\u0100-\u017f\u0300-\u036f\ufb00-\ufb06\uff00-\uffef\ud800-\udfff]|&#?\\w+;"
)
#: Words and the spaces between them.
_WORDS = re.compile(r"[ \t]+|[^ \t]+")
#: HTML entities, other ASCII runs, and non-ASCII runs.
_RUNS = re.compile(r"&#?\w+;|[^&\x80-\U0010ffff]+|&|[\x80-\U0010ffff]+")
#: Longest raw sequence tried for one repaired character (a character of triple mojibake).
_MAX_SEQUENCE = 12

Transform = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Piece:
    """Repaired `text` that came from `[start, end)` of the raw line."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Repair:
    text: str
    pieces: tuple[Piece, ...]
    #: True when ftfy changed the line (not only zero-width characters removed).
    by_ftfy: bool


def repair_line(line: str) -> Repair | None:
    """The repaired line with its pieces, or None when the line needs no repair."""
    visible = _INVISIBLE.sub("", line)
    fixed, plan = visible, []
    if _NEEDS_FTFY.search(visible):
        fixed, explanation = ftfy.fix_and_explain(visible, _FTFY)
        plan = [(step.action, step.parameter) for step in explanation or ()]
    if fixed == line:
        return None

    def transform(part: str) -> str:
        return _apply_plan(_INVISIBLE.sub("", part), plan)

    pieces = tuple(_pieces(line, 0, len(line), fixed, transform, 0))
    return Repair(fixed, pieces, by_ftfy=fixed != visible)


def _pieces(line: str, start: int, end: int, fixed: str, transform: Transform, level: int) -> Iterator[Piece]:
    """`line[start:end]`, which repairs to `fixed`, split as finely as the repair allows."""
    source = line[start:end]
    if fixed == source or end - start == 1:
        yield Piece(fixed, start, end)
        return
    for split in _SPLITS[level:]:
        bounds = split(source, transform)
        if bounds is None or len(bounds) < 2:
            continue
        parts = [_repaired(source[a:b], transform) for a, b in bounds]
        if None in parts or "".join(part or "" for part in parts) != fixed:
            continue
        deeper = _SPLITS.index(split) + 1
        for (a, b), part in zip(bounds, parts, strict=True):
            yield from _pieces(line, start + a, start + b, part or "", transform, deeper)
        return
    yield Piece(fixed, start, end)


def _by_pattern(pattern: re.Pattern[str]) -> Callable[[str, Transform], list[tuple[int, int]]]:
    def split(source: str, transform: Transform) -> list[tuple[int, int]]:
        return [match.span() for match in pattern.finditer(source)]

    return split


def _shortest_sequences(source: str, transform: Transform) -> list[tuple[int, int]] | None:
    """`source` cut into the shortest parts that each repair without an error, left to right."""
    bounds = []
    position = 0
    while position < len(source):
        for stop in range(position + 1, min(position + _MAX_SEQUENCE, len(source)) + 1):
            if _repaired(source[position:stop], transform) is not None:
                bounds.append((position, stop))
                position = stop
                break
        else:
            return None
    return bounds


_SPLITS: tuple[Callable[[str, Transform], list[tuple[int, int]] | None], ...] = (
    _by_pattern(_WORDS),
    _by_pattern(_RUNS),
    _shortest_sequences,
)


def _repaired(part: str, transform: Transform) -> str | None:
    """`part` repaired on its own, or None when the plan cannot be applied to it alone."""
    if not _NEEDS_FTFY.search(part) and not _INVISIBLE.search(part):
        return part
    try:
        return transform(part)
    except (UnicodeError, ValueError):
        return None


def _apply_plan(text: str, plan: list[tuple[str, str]]) -> str:
    """`ftfy.apply_plan`, plus the final Unicode normalisation step it does not apply."""
    steps: list[tuple[str, str]] = []
    for action, parameter in plan:
        if action == "normalize":
            text = unicodedata.normalize(parameter, ftfy.apply_plan(text, steps))
            steps = []
        else:
            steps.append((action, parameter))
    return ftfy.apply_plan(text, steps)
