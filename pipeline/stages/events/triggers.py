"""Event triggers: where the lexicon's trigger words stand, how much each says, and the main one.

A trigger's score is `POSITION_WEIGHTS[position] * SPECIFICITY_WEIGHTS[weight] * product of
CONTEXT_WEIGHTS` (see the package docstring); `main_trigger` picks the best.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc

from pipeline.quotation import DOUBLE_QUOTES, QUOTE_CHARS
from pipeline.record import EventType, Span
from pipeline.vocabulary.events import context_cues, trigger_key, trigger_lexicon

#: Sentences after the title that make up the article's lead.
LEAD_SENTENCES = 3
#: Longest phrase opening a sentence before a comma (`Tahun lalu,`) whose cue covers the sentence.
FRONTED_MAX_WORDS = 3
#: Longest first line (in words) read as a headline when it has no sentence-final mark.
TITLE_MAX_WORDS = 20


class Position(StrEnum):
    TITLE = "title"
    FIRST_SENTENCE = "first_sentence"
    LEAD = "lead"
    BODY = "body"


class Context(StrEnum):
    QUOTED = "quoted"
    BACKGROUND = "background"
    SUBORDINATE = "subordinate"
    SETTING = "setting"


#: Where the trigger is: the headline names the article's event, the body also names others.
POSITION_WEIGHTS: dict[Position, float] = {
    Position.TITLE: 4.0,
    Position.FIRST_SENTENCE: 3.0,
    Position.LEAD: 2.0,
    Position.BODY: 1.0,
}
#: The lexicon's `weight`: a generic trigger in the first sentence (1.5) loses to a
#: specific one later in the lead (2.0), but a clear one (2.4) does not.
SPECIFICITY_WEIGHTS: dict[int, float] = {1: 0.5, 2: 0.8, 3: 1.0}
#: Factors for the trigger's context. A background or quoted trigger loses even to a
#: specific trigger of the body (1.0); a part of another event or a setting loses to the
#: action of its own sentence.
CONTEXT_WEIGHTS: dict[Context, float] = {
    Context.QUOTED: 0.25,
    Context.BACKGROUND: 0.3,
    Context.SUBORDINATE: 0.5,
    Context.SETTING: 0.8,
}
#: Least score of a main event. Below it a trigger is a passing mention: anything in the
#: body (at most 1.0), a generic word after the first sentence, anything quoted or in the
#: background outside the title. A lead names its event; when it names none the type is
#: `lainnya`, not whatever the body mentions.
MIN_MAIN_SCORE = 1.2

_CLAUSE_MARKS = ",;:"
#: Last characters of a first line that make it prose, not a headline.
_PROSE_LINE_END = tuple(".!?…:;,")


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """An event trigger in a text, with its lexicon form (`MoU` for `MOU`)."""

    start: int
    end: int
    form: str
    type: EventType
    specificity: int


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trigger with where it is; for a trigger of the source title, `sentence` is None and
    `start`/`end` are offsets into the title."""

    start: int
    end: int
    type: EventType
    specificity: int
    position: Position
    sentence: int | None
    contexts: tuple[Context, ...]

    @property
    def score(self) -> float:
        score = POSITION_WEIGHTS[self.position] * SPECIFICITY_WEIGHTS[self.specificity]
        for context in self.contexts:
            score *= CONTEXT_WEIGHTS[context]
        return score


@dataclass(frozen=True, slots=True)
class Layout:
    """Sentence spans of the text, where the headline line ends (0 without one) and the lead ends."""

    sentences: list[tuple[int, int]]
    starts: list[int]
    title_end: int
    first_sentence: int
    lead_end: int

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def position(self, sentence: int) -> Position:
        if self.sentences[sentence][0] < self.title_end:
            return Position.TITLE
        if sentence == self.first_sentence:
            return Position.FIRST_SENTENCE
        if sentence < self.first_sentence + LEAD_SENTENCES:
            return Position.LEAD
        return Position.BODY


_WORD = re.compile(r"[^\W\d_]+")


def find_triggers(text: str) -> list[TriggerMatch]:
    """Event triggers of `text` in order, leftmost-longest, without the not-an-event phrases."""
    lexicon = trigger_lexicon()
    found = []
    covered = 0
    for anchor in _WORD.finditer(text):
        position = anchor.start()
        if position < covered:
            continue
        word = anchor.group().lower()
        pattern = lexicon.starters.get(word) or lexicon.starters.get(word.removesuffix("nya"))
        match = pattern.match(text, position) if pattern is not None else None
        if match is None:
            continue
        covered = match.end("form")
        entry = lexicon.entries[trigger_key(match.group("form"))]
        if entry.type is not None:
            found.append(TriggerMatch(position, covered, entry.form, entry.type, entry.weight))
    return found


def main_trigger(text: str, candidates: list[Candidate]) -> tuple[Candidate | None, Span | None]:
    """The main event's candidate and its trigger span.

    When the title decided, the candidate is the best mention of its type below the title,
    whose sentence gives the date and the place (else the title line; the span is None
    when only the source title names it). The span is the first trigger of the
    candidate's type and context in its sentence: the verb before its object
    (`menyalurkan beras dan Bantuan Langsung Tunai`).
    """
    main_candidates = [c for c in candidates if c.score >= MIN_MAIN_SCORE]
    best = max(main_candidates, key=lambda c: (c.score, c.sentence is None, -c.start), default=None)
    if best is None:
        return None, None
    rule = f"trigger_{best.position}"
    if best.position is Position.TITLE:
        mentions = [c for c in candidates if c.type is best.type and c.position is not Position.TITLE]
        if mentions:
            best = max(mentions, key=lambda c: (c.score, -c.start))
        elif best.sentence is None:
            return best, None
    first = next(
        c for c in candidates if c.sentence == best.sentence and c.type is best.type and c.contexts == best.contexts
    )
    return first, trigger_span(text, first, rule=rule)


def layout_of(doc: Doc, text: str, title: str | None) -> Layout:
    sentences = [(sentence.start_char, sentence.end_char) for sentence in doc.sents]
    title_end = _headline_end(text, title)
    first = next((index for index, (start, _) in enumerate(sentences) if start >= title_end), len(sentences))
    last_lead = first + LEAD_SENTENCES - 1
    lead_end = sentences[last_lead][1] if last_lead < len(sentences) else len(text)
    return Layout(
        sentences=sentences,
        starts=[start for start, _ in sentences],
        title_end=title_end,
        first_sentence=first,
        lead_end=lead_end,
    )


def _headline_end(text: str, title: str | None) -> int:
    """End of the first line when it is the article's title, else 0.

    It is when it repeats the source title, or when it is short, has no sentence-final
    mark and more text follows.
    """
    line_end = text.find("\n")
    if line_end < 0 or not text[line_end:].strip():
        return 0
    line = text[:line_end].strip()
    if not line:
        return 0
    if title is not None and trigger_key(line) == trigger_key(title):
        return line_end
    if line.rstrip(QUOTE_CHARS + ")").endswith(_PROSE_LINE_END) or len(line.split()) > TITLE_MAX_WORDS:
        return 0
    return line_end


def trigger_candidates(text: str, layout: Layout, title: str | None) -> list[Candidate]:
    candidates = []
    if title is not None and layout.title_end == 0:
        candidates.extend(
            Candidate(match.start, match.end, match.type, match.specificity, Position.TITLE, None, ())
            for match in find_triggers(title)
        )
    for match in find_triggers(text):
        sentence = layout.sentence_of(match.start)
        contexts = _contexts(text, layout.sentences[sentence], match.start, match.end)
        position = layout.position(sentence)
        candidates.append(
            Candidate(match.start, match.end, match.type, match.specificity, position, sentence, contexts)
        )
    return candidates


def _contexts(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[Context, ...]:
    sentence_start, sentence_end = sentence
    cues = context_cues()
    contexts = []
    if sum(text.count(mark, sentence_start, start) for mark in DOUBLE_QUOTES) % 2:
        contexts.append(Context.QUOTED)
    clause_start = max(sentence_start, *(text.rfind(mark, sentence_start, start) + 1 for mark in _CLAUSE_MARKS))
    clause_end = min(_marks_from(text, end, sentence_end), default=sentence_end)
    fronted_end = min(_marks_from(text, sentence_start, start), default=sentence_start)
    fronted = len(text[sentence_start:fronted_end].split()) <= FRONTED_MAX_WORDS
    if cues.background.search(text, clause_start, clause_end) or (
        fronted and cues.background.search(text, sentence_start, fronted_end)
    ):
        contexts.append(Context.BACKGROUND)
    if cues.subordinate.search(text, clause_start, start):
        contexts.append(Context.SUBORDINATE)
    if cues.setting.search(text, max(clause_start, start - 30), start):
        contexts.append(Context.SETTING)
    return tuple(contexts)


def _marks_from(text: str, start: int, end: int) -> list[int]:
    """Offsets of the first clause mark of each kind in `text[start:end]`."""
    return [found for mark in _CLAUSE_MARKS if (found := text.find(mark, start, end)) >= 0]


def trigger_span(text: str, candidate: Candidate, *, rule: str) -> Span:
    return Span(text=text[candidate.start : candidate.end], start=candidate.start, end=candidate.end, rule=rule)
