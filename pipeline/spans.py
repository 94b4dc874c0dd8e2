"""Character intervals the stages ask about many times: is this position, or this span, taken?

Linear scans over every mention for every token make a stage quadratic in the length of
an article; `Coverage` answers each question in O(log n) from merged, sorted intervals.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Coverage:
    """The union of character spans `[start, end)`."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(span for span in spans if span[1] > span[0]):
            if self._ends and start <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], end)
            else:
                self._starts.append(start)
                self._ends.append(end)

    def covers(self, position: int) -> bool:
        """Whether `position` lies inside a span."""
        i = bisect.bisect_right(self._starts, position) - 1
        return i >= 0 and position < self._ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether `[start, end)` shares a character with a span."""
        i = bisect.bisect_left(self._ends, start + 1)
        return i < len(self._starts) and self._starts[i] < end


def starting_within(starts: list[int], start: int, end: int) -> slice:
    """The slice of a sorted list of start offsets that fall in `[start, end)`."""
    return slice(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))
