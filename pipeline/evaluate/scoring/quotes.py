"""Quote matching (direct, indirect, all, at each threshold) and the speaker checks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.evaluate.gold import (
    QUOTE_KINDS,
    GoldSpan,
)
from pipeline.evaluate.predicted import PredQuote
from pipeline.evaluate.scoring.rules import LENIENT, PRONOUN_WORD_MIN, THRESHOLDS, Interval
from pipeline.evaluate.scoring.spans import PRF, Pair, overlap, pair_spans, trim_span
from pipeline.evaluate.scoring.text import normalise, words


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A gold or predicted quote for pairing: its (trimmed) span, or None if not located."""

    span: Interval | None
    kind: str


@dataclass(frozen=True, slots=True)
class Matching:
    """One-to-one pairs between gold and predicted items, and what is left on each side."""

    pairs: tuple[Pair, ...]
    missed: tuple[int, ...]
    false_alarms: tuple[int, ...]

    def counts(self) -> PRF:
        return PRF(len(self.pairs), len(self.pairs) + len(self.missed), len(self.pairs) + len(self.false_alarms))


def matching(pairs: Sequence[Pair], gold_indexes: Iterable[int], pred_indexes: Iterable[int]) -> Matching:
    paired_gold = {pair.gold for pair in pairs}
    paired_pred = {pair.pred for pair in pairs}
    return Matching(
        tuple(pairs),
        tuple(index for index in gold_indexes if index not in paired_gold),
        tuple(index for index in pred_indexes if index not in paired_pred),
    )


def quote_key(kind: str, threshold: float) -> str:
    """Metric key of a quote score: `quotes.direct@0.3`."""
    return f"quotes.{kind}@{threshold:g}"


def match_quotes(gold: Sequence[QuoteSpan], pred: Sequence[QuoteSpan]) -> dict[str, Matching]:
    """Matchings for `all`, `direct` and `indirect` quotes at each threshold (indexes are global).

    `all` pairs every gold quote with every prediction whatever their kinds; a kind pairs
    the gold quotes of that kind with the predictions of that kind only.
    """
    result: dict[str, Matching] = {}
    for kind in ("all", *QUOTE_KINDS):
        gold_indexes = [index for index, item in enumerate(gold) if kind in ("all", item.kind)]
        pred_indexes = [index for index, item in enumerate(pred) if kind in ("all", item.kind)]
        gold_spans = [gold[index].span for index in gold_indexes]
        pred_spans = [_span(pred[index].span) for index in pred_indexes]
        for threshold in THRESHOLDS:
            pairs = [
                Pair(gold_indexes[pair.gold], pred_indexes[pair.pred], pair.score)
                for pair in pair_spans(gold_spans, pred_spans, threshold)
            ]
            result[quote_key(kind, threshold)] = matching(pairs, gold_indexes, pred_indexes)
    return result


def _span(span: Interval | None) -> Interval:
    return span if span is not None else (0, 0)


def pred_quote_spans(text: str, quotes: Sequence[PredQuote]) -> list[QuoteSpan]:
    return [QuoteSpan(trim_span(text, quote.start, quote.end), quote.kind) for quote in quotes]


def ignored_predictions(pred: Sequence[QuoteSpan], unannotated: Sequence[Interval]) -> set[int]:
    """Predictions overlapping an unannotated quote at 0.3 or more (pfsa): neither right nor wrong."""
    return {
        index
        for index, item in enumerate(pred)
        if item.span is not None and any(overlap(item.span, span) >= LENIENT for span in unannotated)
    }


# --- speakers -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpeakerCheck:
    """One speaker comparison: `check` is mention, pronoun or name."""

    check: str
    gold_quote: int
    pred_quote: int
    expected: str
    predicted: str | None
    correct: bool


def name_matches(predicted: str | None, name: str, aliases: Iterable[str] = ()) -> bool:
    """The predicted name equals the gold name or one of its aliases, normalised."""
    got = normalise(predicted)
    return bool(got) and got in {normalise(name), *(normalise(alias) for alias in aliases)} - {""}


def shares_long_word(predicted: str | None, gold: str) -> bool:
    """The two names share a word of `PRONOUN_WORD_MIN` or more letters (normalised)."""
    return bool(words(predicted, PRONOUN_WORD_MIN) & words(gold, PRONOUN_WORD_MIN))


def last_person_before(spans: Sequence[GoldSpan], position: int) -> GoldSpan | None:
    """The PERSON span that ends last at or before `position`."""
    before = [span for span in spans if span.label == "PERSON" and span.end <= position]
    return max(before, key=lambda span: (span.end, span.start), default=None)
