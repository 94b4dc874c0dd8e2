"""Quote candidates: a span, the rule that found it, its cue and how its speaker is to be found;
and how candidates of several rules are merged."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from enum import Enum

from pipeline.inventory import Group
from pipeline.record import QuoteKind

#: Merge order: a candidate overlapping one of an earlier rule is dropped.
RULES: tuple[str, ...] = (
    "quote_marks",
    "reported_bahwa",
    "according_to",
    "reported_comma",
    "reported_colon",
    "reported_request",
    "reported_passive",
    "reported_cue",
    "reported_clause",
    "reported_parse",
    "reported_continued",
)
#: How sure a rule is that its span is a statement.
SPAN_CONFIDENCE: dict[str, float] = {
    "quote_marks": 1.0,
    "reported_bahwa": 0.9,
    "according_to": 0.9,
    "reported_comma": 0.85,
    "reported_colon": 0.85,
    "reported_request": 0.75,
    "reported_cue": 0.8,
    "reported_clause": 0.7,
    "reported_parse": 0.7,
    "reported_passive": 0.8,
    "reported_continued": 0.6,
}
#: How sure an attribution is, by how the speaker was found.
ATTRIBUTION_CONFIDENCE: dict[str, float] = {
    "name": 0.95,
    "title": 0.85,
    "pronoun": 0.8,
    "floating": 0.6,
    "organisation": 0.7,
    "unnamed": 0.7,
    "none": 0.5,
}
#: Factor for a quote whose marks do not pair up (its end is a guess).
UNBALANCED_FACTOR = 0.6


class How(Enum):
    """How the speaker of a candidate is found."""

    PHRASE = "phrase"  # the group next to the cue
    PRONOUN = "pronoun"  # the antecedent of the pronoun at `pronoun`
    FLOATING = "floating"  # the antecedent of the candidate's position
    UNNAMED = "unnamed"  # the text names no one (`kata seorang warga`)


@dataclass(frozen=True, slots=True)
class Attribution:
    how: How
    group: Group | None = None
    pronoun: tuple[int, int] | None = None


UNNAMED = Attribution(How.UNNAMED)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    kind: QuoteKind
    rule: str
    cue: tuple[int, int, str] | None
    attribution: Attribution
    balanced: bool = True


#: A cue (start, end, rule) and the attribution it gives.
Cue = tuple[tuple[int, int, str], Attribution]


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates in text order, dropping each that overlaps one of a rule earlier in `RULES`."""
    order = {rule: position for position, rule in enumerate(RULES)}
    kept: list[Candidate] = []  # disjoint, in text order
    starts: list[int] = []
    for candidate in sorted(candidates, key=lambda c: (order[c.rule], c.start, c.end)):
        i = bisect_left(starts, candidate.start)
        if (i > 0 and kept[i - 1].end > candidate.start) or (i < len(kept) and kept[i].start < candidate.end):
            continue
        kept.insert(i, candidate)
        starts.insert(i, candidate.start)
    return kept
