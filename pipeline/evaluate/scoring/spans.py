"""Span overlap, one-to-one pairing by highest overlap, and the counts behind every score."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.evaluate.scoring.rules import QUOTE_MARKS, Interval
from pipeline.evaluate.scoring.text import _is_strippable


def overlap(first: Interval, second: Interval) -> float:
    """`|chars(a) ∩ chars(b)| / max(len(a), len(b))`; 0.0 for two empty spans."""
    common = min(first[1], second[1]) - max(first[0], second[0])
    longest = max(first[1] - first[0], second[1] - second[0])
    return max(common, 0) / longest if longest > 0 else 0.0


def overlaps_at_all(first: Interval, second: Interval) -> bool:
    """At least one character in common."""
    return min(first[1], second[1]) > max(first[0], second[0])


def trim_span(text: str, start: int, end: int) -> Interval:
    """The span without surrounding quotation marks, punctuation and whitespace.

    A span that is nothing but those characters is returned unchanged.
    """
    first, last = max(start, 0), min(end, len(text))
    while first < last and (_is_strippable(text[first]) or text[first] in QUOTE_MARKS):
        first += 1
    while last > first and (_is_strippable(text[last - 1]) or text[last - 1] in QUOTE_MARKS):
        last -= 1
    return (first, last) if first < last else (start, end)


@dataclass(frozen=True, slots=True)
class Pair:
    gold: int
    pred: int
    score: float


def greedy_pairs(candidates: Iterable[tuple[int, int, float]]) -> list[Pair]:
    """One-to-one pairs from (gold, pred, score) candidates, highest score first."""
    ordered = sorted(candidates, key=lambda item: (-item[2], item[0], item[1]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[Pair] = []
    for gold, pred, score in ordered:
        if gold in used_gold or pred in used_pred:
            continue
        used_gold.add(gold)
        used_pred.add(pred)
        pairs.append(Pair(gold, pred, score))
    pairs.sort(key=lambda pair: (pair.gold, pair.pred))
    return pairs


def pair_spans(gold: Sequence[Interval | None], pred: Sequence[Interval], threshold: float) -> list[Pair]:
    """Gold and predicted spans paired one-to-one, greedily by overlap, at `threshold`.

    A None gold span (a gold quote not found in the text) is never paired.
    """
    candidates = []
    for gold_index, gold_span in enumerate(gold):
        if gold_span is None:
            continue
        for pred_index, pred_span in enumerate(pred):
            score = overlap(gold_span, pred_span)
            if score > 0 and score >= threshold:
                candidates.append((gold_index, pred_index, score))
    return greedy_pairs(candidates)


# --- counts ---------------------------------------------------------------------------


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts for precision, recall and F1: true positives, gold items, predicted items."""

    tp: int = 0
    gold: int = 0
    predicted: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.gold + other.gold, self.predicted + other.predicted)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.gold)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.tp, self.gold + self.predicted)


@dataclass(frozen=True, slots=True)
class Ratio:
    """An accuracy or a recall: hits out of total."""

    hits: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)

    @property
    def value(self) -> float:
        return _ratio(self.hits, self.total)
