"""The scoring rules of `../shared/eval/README.md`, as pure functions (no I/O, no spaCy).

Normalisation (`normalise`), in this order:

1. Unicode NFKC (per character with its combining marks), lower case;
2. quotation marks removed everywhere (`QUOTE_MARKS`: straight, curly, low and angle
   quotes, single and double, so `Ma'ruf` and `Ma’ruf` agree);
3. whitespace runs collapsed to one space;
4. the space inside the spelling-variant compounds of `COMPOUNDS` removed, as whole
   words only: `wali kota` -> `walikota` (so "Wali Kota" = "Walikota", "Wakil Wali
   Kota" = "Wakil Walikota", "Balai Kota" = "Balaikota"), while `kota malang` or
   `wali murid` stay as they are;
5. punctuation (Unicode category P*) and spaces stripped from both ends.

`normalise_with_offsets` keeps, for every normalised character, the source characters it
came from, so a normalised search hit maps back to the original text.

Spans: `overlap(a, b) = |a ∩ b| / max(len(a), len(b))`; predicted and gold items are
paired one-to-one, greedily by highest overlap (ties: lower gold index, then lower
predicted index). Quote spans (gold, predicted and pfsa `unannotated_quotes`) are first
trimmed of surrounding quotation marks, punctuation and whitespace (`trim_span`): the
span form of the normalisation rule, so that the pfsa gold (which includes the marks and
the closing comma) and a prediction of the text between the marks compare by content.

Ratios with a zero denominator are 0.0 (precision with no prediction, recall with no gold,
accuracy over no item); the counts are reported next to every score.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from pipeline.evaluate.gold import (
    QUOTE_KINDS,
    GoldSpan,
    GovArticle,
    GovGold,
    GovOfficial,
    PfsaArticle,
)
from pipeline.evaluate.predicted import LABELS, Prediction, PredOfficial, PredQuote

Interval = tuple[int, int]

#: Characters treated as quotation marks (removed by `normalise`).
QUOTE_MARKS = frozenset("\"'`“”„‟«»‹›‘’‚‛「」『』")
#: Compounds written both as one word and as two: normalised to the one-word form.
COMPOUNDS: tuple[tuple[str, str], ...] = (("wali", "kota"), ("balai", "kota"), ("wali", "nagari"))
_COMPOUND_PATTERNS = tuple(re.compile(rf"\b{first}( ){second}\b") for first, second in COMPOUNDS)
#: Lenient and strict overlap thresholds for quotes.
THRESHOLDS: tuple[float, ...] = (0.3, 0.8)
LENIENT = 0.3
#: Overlap at which a gold label span counts as found (pfsa recall-only scores).
LABEL_THRESHOLD = 0.5
#: Official-matching levels: which fields must agree besides the name.
OFFICIAL_LEVELS: tuple[str, ...] = ("name", "name_role", "name_role_jurisdiction")
EVENT_FIELDS: tuple[str, ...] = ("date", "type", "dateline", "place", "region")
#: Shortest word that counts for the pronoun-speaker check.
PRONOUN_WORD_MIN = 3


# --- normalisation ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Normalised:
    """A normalised text; character i came from `source[starts[i]:ends[i]]`."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def source_span(self, start: int, end: int) -> Interval:
        """The source span of the normalised `[start, end)` (non-empty)."""
        return self.starts[start], self.ends[end - 1]


def normalise(text: str | None) -> str:
    """The comparison form of a text (see the module docstring); None -> ''."""
    return normalise_with_offsets(text or "").text


def normalise_with_offsets(text: str, *, strip: bool = True) -> Normalised:
    """`normalise` keeping offsets; with `strip=False` only the end spaces are removed."""
    chars: list[tuple[str, int, int]] = []
    index = 0
    while index < len(text):
        stop = index + 1
        while stop < len(text) and unicodedata.combining(text[stop]):
            stop += 1
        for char in unicodedata.normalize("NFKC", text[index:stop]).lower():
            if char in QUOTE_MARKS:
                continue
            if char.isspace():
                if not chars or chars[-1][0] == " ":
                    continue
                char = " "
            chars.append((char, index, stop))
        index = stop
    joined = "".join(char for char, _, _ in chars)
    spaces = {match.start(1) for pattern in _COMPOUND_PATTERNS for match in pattern.finditer(joined)}
    if spaces:
        chars = [item for position, item in enumerate(chars) if position not in spaces]
    strippable = _is_strippable if strip else _is_space
    first, last = 0, len(chars)
    while first < last and strippable(chars[first][0]):
        first += 1
    while last > first and strippable(chars[last - 1][0]):
        last -= 1
    kept = chars[first:last]
    return Normalised(
        "".join(char for char, _, _ in kept),
        tuple(start for _, start, _ in kept),
        tuple(end for _, _, end in kept),
    )


def _is_space(char: str) -> bool:
    return char == " "


def _is_strippable(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def contains_words(outer: str, inner: str) -> bool:
    """Whether normalised `inner` occurs in normalised `outer` not inside a word (both non-empty)."""
    if not outer or not inner:
        return False
    return re.search(rf"(?<!\w){re.escape(inner)}(?!\w)", outer) is not None


def loosely_equal(first: str | None, second: str | None) -> bool:
    """Normalised equal, or one contains the other as whole words."""
    a, b = normalise(first), normalise(second)
    return a == b or contains_words(a, b) or contains_words(b, a)


def words(text: str | None, min_length: int = 1) -> frozenset[str]:
    """The normalised words (letters only) of a text with at least `min_length` letters."""
    return frozenset(word for word in re.findall(r"[^\W\d_]+", normalise(text)) if len(word) >= min_length)


# --- locating gold quotes -------------------------------------------------------------


def find_all(text: str, needle: str) -> list[Interval]:
    """Every exact occurrence of `needle` in `text` (non-overlapping), as spans."""
    found: list[Interval] = []
    if not needle:
        return found
    start = text.find(needle)
    while start >= 0:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return found


def find_normalised(text: str, needle: str) -> list[Interval]:
    """Occurrences of `needle` in `text` when both are normalised, as spans of `text`."""
    target = normalise(needle)
    if not target:
        return []
    haystack = normalise_with_offsets(text, strip=False)
    return [haystack.source_span(start, end) for start, end in find_all(haystack.text, target)]


def locate_quote(text: str, quote: str, taken: Iterable[Interval] = ()) -> Interval | None:
    """Where a gold quote's text is in the article: exact search, then normalised search.

    The first occurrence not in `taken` (already given to an earlier gold quote) wins; a
    text found only where an earlier quote is gets that place again. None when not found.
    """
    found = find_all(text, quote) or find_normalised(text, quote)
    used = set(taken)
    for span in found:
        if span not in used:
            return span
    return found[0] if found else None


# --- spans and pairing ----------------------------------------------------------------


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


# --- quotes ---------------------------------------------------------------------------


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


# --- officials ------------------------------------------------------------------------


def roles_match(gold: str | None, predicted: str | None) -> bool:
    return normalise(gold) == normalise(predicted)


def jurisdictions_match(gold: str | None, predicted: str | None) -> bool:
    """Normalised equal, or one contains the other as whole words."""
    return loosely_equal(gold, predicted)


def official_score(gold: GovOfficial, pred: PredOfficial, level: str) -> float:
    """How well a predicted official matches a gold one at `level`; 0 when they do not.

    The name must match (the canonical name scores above an alias); at `name_role` the
    role must match too, at `name_role_jurisdiction` also the jurisdiction. Agreeing fields
    beyond those required only break ties in the greedy pairing.
    """
    if normalise(pred.name) and normalise(pred.name) == normalise(gold.name):
        name = 2
    elif name_matches(pred.name, gold.name, gold.aliases):
        name = 1
    else:
        return 0.0
    role = roles_match(gold.role, pred.role)
    jurisdiction = jurisdictions_match(gold.jurisdiction, pred.jurisdiction)
    if level != "name" and not role:
        return 0.0
    if level == "name_role_jurisdiction" and not jurisdiction:
        return 0.0
    return 4.0 * name + 2.0 * role + 1.0 * jurisdiction


def match_officials(gold: Sequence[GovOfficial], pred: Sequence[PredOfficial]) -> dict[str, Matching]:
    """One-to-one official matchings at each level of `OFFICIAL_LEVELS`."""
    result: dict[str, Matching] = {}
    for level in OFFICIAL_LEVELS:
        candidates = [
            (gold_index, pred_index, score)
            for gold_index, gold_official in enumerate(gold)
            for pred_index, pred_official in enumerate(pred)
            if (score := official_score(gold_official, pred_official, level)) > 0
        ]
        result[f"officials.{level}"] = matching(greedy_pairs(candidates), range(len(gold)), range(len(pred)))
    return result


# --- event fields ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldCheck:
    field: str
    gold: str | None
    predicted: str | None
    correct: bool


def _field_check(name: str, gold: str | None, predicted: str | None, same: Callable[[str, str], bool]) -> FieldCheck:
    if gold is None or not gold.strip():
        correct = predicted is None or not predicted.strip()
    else:
        correct = predicted is not None and same(gold, predicted)
    return FieldCheck(name, gold, predicted, correct)


def event_checks(gold: GovGold, pred: Prediction) -> list[FieldCheck]:
    """Event field checks; a null prediction is wrong, and right only when the gold is null too."""

    def equal(first: str, second: str) -> bool:
        return normalise(first) == normalise(second)

    return [
        _field_check(
            "date",
            gold.event_date.isoformat() if gold.event_date else None,
            pred.event_date.isoformat() if pred.event_date else None,
            operator.eq,
        ),
        _field_check("type", gold.event_type, pred.event_type, equal),
        _field_check("dateline", gold.dateline, pred.dateline, equal),
        _field_check("place", gold.event_place, pred.event_place, loosely_equal),
        _field_check("region", gold.event_region, pred.event_region, equal),
    ]


# --- articles -------------------------------------------------------------------------


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
