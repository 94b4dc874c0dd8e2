"""The score of one article of either gold format, and the totals over a gold file."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from pipeline.evaluate.gold import (
    GoldSpan,
    GovArticle,
    GovOfficial,
    PfsaArticle,
)
from pipeline.evaluate.predicted import LABELS, Prediction
from pipeline.evaluate.scoring.fields import FieldCheck, event_checks, match_officials
from pipeline.evaluate.scoring.quotes import (
    Matching,
    QuoteSpan,
    SpeakerCheck,
    ignored_predictions,
    last_person_before,
    match_quotes,
    name_matches,
    pred_quote_spans,
    quote_key,
    shares_long_word,
)
from pipeline.evaluate.scoring.rules import LABEL_THRESHOLD, LENIENT, Interval
from pipeline.evaluate.scoring.spans import PRF, Pair, Ratio, overlap, overlaps_at_all, trim_span
from pipeline.evaluate.scoring.text import locate_quote, normalise


@dataclass(slots=True)
class ArticleResult:
    """Everything scored in one article: counts for the totals, details for the error list."""

    doc_id: str
    counts: dict[str, PRF] = field(default_factory=dict)
    ratios: dict[str, Ratio] = field(default_factory=dict)
    gold_quotes: tuple[QuoteSpan, ...] = ()
    pred_quotes: tuple[QuoteSpan, ...] = ()
    quotes: dict[str, Matching] = field(default_factory=dict)
    #: Predicted quote indexes ignored (pfsa `unannotated_quotes`).
    ignored: frozenset[int] = frozenset()
    #: Gold quote indexes whose text was not found in the article (gov).
    unlocated: tuple[int, ...] = ()
    speakers: list[SpeakerCheck] = field(default_factory=list)
    officials: dict[str, Matching] = field(default_factory=dict)
    events: list[FieldCheck] = field(default_factory=list)
    #: pfsa label -> gold spans not found.
    label_misses: dict[str, tuple[GoldSpan, ...]] = field(default_factory=dict)


def _quote_scores(result: ArticleResult, gold: list[QuoteSpan], pred: list[QuoteSpan], ignored: set[int]) -> None:
    kept = [index for index in range(len(pred)) if index not in ignored]
    matchings = match_quotes(gold, [pred[index] for index in kept])
    result.gold_quotes = tuple(gold)
    result.pred_quotes = tuple(pred)
    result.ignored = frozenset(ignored)
    result.quotes = {
        key: Matching(
            tuple(Pair(pair.gold, kept[pair.pred], pair.score) for pair in found.pairs),
            found.missed,
            tuple(kept[index] for index in found.false_alarms),
        )
        for key, found in matchings.items()
    }
    result.counts.update({key: found.counts() for key, found in result.quotes.items()})


def score_pfsa_article(gold: PfsaArticle, pred: Prediction) -> ArticleResult:
    """Quotes, speakers and recall-only label scores of one pfsa article."""
    result = ArticleResult(gold.doc_id)
    gold_quotes = [QuoteSpan(trim_span(gold.text, quote.start, quote.end), quote.kind) for quote in gold.quotes]
    pred_quotes = pred_quote_spans(gold.text, pred.quotes)
    unannotated = [trim_span(gold.text, span.start, span.end) for span in gold.unannotated_quotes]
    _quote_scores(result, gold_quotes, pred_quotes, ignored_predictions(pred_quotes, unannotated))

    lenient = result.quotes[quote_key("all", LENIENT)]
    mention, pronoun = Ratio(), Ratio()
    for pair in lenient.pairs:
        gold_quote, pred_quote = gold.quotes[pair.gold], pred.quotes[pair.pred]
        if gold_quote.speaker_mention is not None:
            expected = gold_quote.speaker_mention
            got = pred_quote.speaker_mention
            correct = got is not None and overlaps_at_all((expected.start, expected.end), (got.start, got.end))
            mention += Ratio(int(correct), 1)
            result.speakers.append(
                SpeakerCheck(
                    "mention",
                    pair.gold,
                    pair.pred,
                    gold.text[expected.start : expected.end],
                    got.text if got else None,
                    correct,
                )
            )
        elif gold_quote.cue is not None and gold_quote.cue.label == "CUECOREF":
            person = last_person_before(gold.spans, gold_quote.start)
            if person is None:
                continue
            expected_name = gold.text[person.start : person.end]
            correct = shares_long_word(pred_quote.speaker, expected_name)
            pronoun += Ratio(int(correct), 1)
            result.speakers.append(
                SpeakerCheck("pronoun", pair.gold, pair.pred, expected_name, pred_quote.speaker, correct)
            )
    result.ratios["speaker.mention"] = mention
    result.ratios["speaker.pronoun"] = pronoun

    for label in LABELS:
        predicted = [(span.start, span.end) for span in pred.labels.get(label, ())]
        wanted = [span for span in gold.spans if span.label == label]
        missed = tuple(
            span
            for span in wanted
            if not any(overlap((span.start, span.end), other) >= LABEL_THRESHOLD for other in predicted)
        )
        result.ratios[f"recall.{label.lower()}"] = Ratio(len(wanted) - len(missed), len(wanted))
        result.label_misses[label] = missed
    return result


def aliases_of(name: str, officials: Sequence[GovOfficial]) -> tuple[str, ...]:
    """The aliases the gold officials give for `name` (none for other people)."""
    target = normalise(name)
    return tuple(alias for official in officials if normalise(official.name) == target for alias in official.aliases)


def score_gov_article(gold: GovArticle, pred: Prediction) -> ArticleResult:
    """Quotes, speakers, officials and event fields of one gov article."""
    result = ArticleResult(gold.doc_id)
    located: list[Interval | None] = []
    for quote in gold.gold.quotes:
        located.append(locate_quote(gold.text, quote.text, [span for span in located if span is not None]))
    gold_quotes = [
        QuoteSpan(trim_span(gold.text, *span) if span is not None else None, quote.kind)
        for quote, span in zip(gold.gold.quotes, located, strict=True)
    ]
    result.unlocated = tuple(index for index, span in enumerate(located) if span is None)
    _quote_scores(result, gold_quotes, pred_quote_spans(gold.text, pred.quotes), set())

    speaker = Ratio()
    for pair in result.quotes[quote_key("all", LENIENT)].pairs:
        expected = gold.gold.quotes[pair.gold].speaker
        if expected is None:
            continue
        got = pred.quotes[pair.pred].speaker
        correct = name_matches(got, expected, aliases_of(expected, gold.gold.officials))
        speaker += Ratio(int(correct), 1)
        result.speakers.append(SpeakerCheck("name", pair.gold, pair.pred, expected, got, correct))
    result.ratios["speaker"] = speaker

    result.officials = match_officials(gold.gold.officials, pred.officials)
    result.counts.update({key: found.counts() for key, found in result.officials.items()})
    result.events = event_checks(gold.gold, pred)
    for check in result.events:
        result.ratios[f"event.{check.field}"] = Ratio(int(check.correct), 1)
    return result


def total(results: Iterable[ArticleResult]) -> tuple[dict[str, PRF], dict[str, Ratio]]:
    """Micro-averaged totals: counts summed over articles."""
    counts: dict[str, PRF] = {}
    ratios: dict[str, Ratio] = {}
    for result in results:
        for key, value in result.counts.items():
            counts[key] = counts.get(key, PRF()) + value
        for key, ratio in result.ratios.items():
            ratios[key] = ratios.get(key, Ratio()) + ratio
    return counts, ratios


def flat_metrics(counts: Mapping[str, PRF], ratios: Mapping[str, Ratio]) -> dict[str, float]:
    """Metric name -> value: `quotes.direct.f1@0.3`, `officials.name.p`, `speaker`, `event.date` ..."""
    metrics: dict[str, float] = {}
    for key, value in counts.items():
        base, at, threshold = key.partition("@")
        for name, number in (("p", value.precision), ("r", value.recall), ("f1", value.f1)):
            metrics[f"{base}.{name}{at}{threshold}"] = number
    for key, ratio in ratios.items():
        metrics[key] = ratio.value
    return metrics
