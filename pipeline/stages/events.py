"""The main event of the article: what happened and when, and the other events it mentions.

What: every event trigger of `lexicons/event_triggers.tsv` (`meresmikan`, `rakor`,
`kunjungan kerja`, `MoU` ...) found in the text, and in the source title, is a candidate,
scored with the named weights below:

    score = POSITION_WEIGHTS[position] * SPECIFICITY_WEIGHTS[weight] * product of CONTEXT_WEIGHTS

- position: the title (the source title, or a headline line opening the text) beats the
  first sentence, which beats the rest of the lead, which beats the body: a press
  release names its event at the top.
- specificity: the lexicon's weight; `rapat koordinasi` says more than `pertemuan`.
- context, in the trigger's sentence: inside a quotation (talk, not report), in a
  clause about the past (`Jika sebelumnya ...`, `tahun lalu`), after a cue placing it
  before, after or inside another event (`usai`, `setelah`, `ditandai dengan`,
  `dirangkai dengan`), or as the setting of the clause's action (`dalam rapat
  paripurna`): each multiplies the score by its weight below one.

The best candidate is the main event (ties go to the earlier one) when it scores at least
`MIN_MAIN_SCORE`; otherwise the type is `lainnya`, as it is for triggers of other activities (`menanam`,
`kerja bakti`). The trigger's `rule` says where it was found (`trigger_first_sentence`
...); `trigger_title` means the title decided the type, and the span is the best mention
of that type below the title (the title line when there is none).

When: the event date is a full date of the trigger's sentence (the first after the
trigger, else the last before it) that is not the source's publication date and not a
deadline or a starting point (`paling lambat ...`, `sejak ...`); failing that, the first
such date in the lead; failing that, the first anywhere; failing that, the publication
date, with a warning.

Other events: per other type, its best candidate outside quotations, with the date of its
sentence and the venue named in its sentence. Where the main event took place is chosen
by the places stage, near `EventResult.anchor`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TypeVar

from spacy.tokens import Doc

from pipeline.lexicons import read_table
from pipeline.nlp import QUOTE_MARKS, text_of
from pipeline.record import DateMention, DateRole, Event, EventType, Place, PlaceLevel, RecordWarning, Span

SpanT = TypeVar("SpanT", bound=Span)

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

#: Words of a clause, or of a short phrase opening the sentence, that put it in the past.
_BACKGROUND_CUE = re.compile(
    r"\b(sebelumnya|tahun (?:lalu|kemarin|silam|sebelumnya)|pernah|dahulu|dulu)\b",
    re.IGNORECASE,
)
#: Words before a trigger in its clause that make it a step of, or a neighbour of, another event.
_SUBORDINATE_CUE = re.compile(
    r"\b(usai|seusai|setelah|sesudah|selepas|sebelum|jelang|menjelang|"
    r"ditandai|dirangkai(?:kan)?|diawali|diakhiri|ditutup|dilanjutkan|disusul)\b",
    re.IGNORECASE,
)
#: Words just before a trigger that make it the setting of the clause's action.
_SETTING_CUE = re.compile(
    r"\b(dalam|pada|saat|ketika|di\s?sela(?:-sela)?)(?:\s+(?:acara|kegiatan|agenda|rangka))?\s+$",
    re.IGNORECASE,
)
_CLAUSE_MARKS = ",;:"
#: Last characters of a first line that make it prose, not a headline.
_PROSE_LINE_END = tuple(".!?…:;,")
#: Words before a date that make it a deadline, a start or an end, not the event.
_NOT_EVENT_DATE = re.compile(
    r"\b(paling lambat|selambat-lambatnya|batas(?: waktu| akhir)?|tenggat|hingga|sampai(?: dengan)?|"
    r"sebelum|sejak|mulai|semenjak|per)\s*(?:tanggal\s*|tgl\.?\s*)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class EventResult:
    event: Event
    #: Secondary events, in text order.
    other_events: list[Event]
    #: The date mentions with the event date's role set to `event`.
    dates: list[DateMention]
    warnings: list[RecordWarning]
    #: Char offset of the main event's trigger in the text, for choosing its place; None without one.
    anchor: int | None


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """A row of `event_triggers.tsv`; `type` is None for phrases that are not events."""

    form: str
    type: EventType | None
    weight: int


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    """Trigger patterns, tried only where a word that can start a form starts.

    `starters` maps a form's first word (lower case) to one pattern of all the forms that
    start with it, longest first, so that `kunjungan kerja` wins over `kunjungan` and the
    not-an-event phrase `ruang rapat` hides its `rapat`.
    """

    starters: dict[str, re.Pattern[str]]
    entries: dict[str, TriggerEntry]


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
class _Layout:
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


@cache
def trigger_lexicon() -> TriggerLexicon:
    entries: dict[str, TriggerEntry] = {}
    alternatives: dict[str, list[str]] = {}
    for row in read_table("event_triggers.tsv"):
        form = row["form"]
        key = _key(form)
        if key in entries:
            raise ValueError(f"event_triggers.tsv: {form!r} repeats {entries[key].form!r}")
        kind = None if row["type"] == "-" else EventType(row["type"])
        entries[key] = TriggerEntry(form=form, type=kind, weight=int(row["weight"]))
        words = [_word_pattern(word) for word in form.split()]
        alternatives.setdefault(key.split()[0], []).append(r"\s+".join(words))
    starters = {
        word: re.compile(
            rf"(?P<form>{'|'.join(sorted(forms, key=lambda f: (-len(f), f)))})(?:-?nya)?(?![\w-])",
            re.IGNORECASE,
        )
        for word, forms in alternatives.items()
    }
    return TriggerLexicon(starters=starters, entries=entries)


def _word_pattern(word: str) -> str:
    """A lower-case word in any case; a word with capitals (`MoU`) as written or in capitals."""
    if word.islower():
        return re.escape(word)
    return rf"(?-i:{re.escape(word)}|{re.escape(word.upper())})"


def _key(form: str) -> str:
    return " ".join(form.split()).lower()


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
        entry = lexicon.entries[_key(match.group("form"))]
        if entry.type is not None:
            found.append(TriggerMatch(position, covered, entry.form, entry.type, entry.weight))
    return found


def extract_event(
    doc: Doc,
    *,
    dates: list[DateMention],
    published: dt.date | None,
    title: str | None = None,
    places: Sequence[Place] = (),
) -> EventResult:
    """The main event (type, trigger, date), the other events, and the dates with their roles.

    `title` is the source's title when the crawler gave one; `places` are the article's
    place mentions, used for the venues of the other events.
    """
    text = text_of(doc)
    layout = _layout(doc, text, title)
    candidates = _candidates(text, layout, title)
    main, trigger = _main_trigger(text, candidates)
    eligible = [mention for mention in dates if _may_be_event_date(text, mention)]
    chosen = _nearest_in_sentence(eligible, layout, main) if main is not None else None
    if chosen is None and eligible:
        in_lead = [mention for mention in eligible if mention.start < layout.lead_end]
        chosen = (in_lead or eligible)[0]
    warnings = []
    event = Event(type=main.type if main is not None else EventType.LAINNYA, trigger=trigger)
    if chosen is not None:
        event = event.model_copy(update=_date_fields(chosen))
        dates = [
            mention.model_copy(update={"role": DateRole.EVENT}) if mention is chosen else mention for mention in dates
        ]
    elif published is not None:
        event = event.model_copy(update={"date": published, "date_start": published, "date_end": published})
        warnings.append(
            RecordWarning(
                code="event_date_from_published",
                message="no event date in the text; the publication date is used",
            )
        )
    others = _other_events(text, layout, candidates, main.type if main is not None else None, eligible, places)
    return EventResult(
        event=event,
        other_events=others,
        dates=dates,
        warnings=warnings,
        anchor=trigger.start if trigger is not None else None,
    )


def _main_trigger(text: str, candidates: list[Candidate]) -> tuple[Candidate | None, Span | None]:
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
    return first, _span(text, first, rule=rule)


def _layout(doc: Doc, text: str, title: str | None) -> _Layout:
    sentences = [(sentence.start_char, sentence.end_char) for sentence in doc.sents]
    title_end = _headline_end(text, title)
    first = next((index for index, (start, _) in enumerate(sentences) if start >= title_end), len(sentences))
    last_lead = first + LEAD_SENTENCES - 1
    lead_end = sentences[last_lead][1] if last_lead < len(sentences) else len(text)
    return _Layout(
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
    if title is not None and _key(line) == _key(title):
        return line_end
    if line.rstrip("".join(QUOTE_MARKS) + "'’)").endswith(_PROSE_LINE_END) or len(line.split()) > TITLE_MAX_WORDS:
        return 0
    return line_end


def _candidates(text: str, layout: _Layout, title: str | None) -> list[Candidate]:
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
    contexts = []
    if sum(text.count(mark, sentence_start, start) for mark in QUOTE_MARKS) % 2:
        contexts.append(Context.QUOTED)
    clause_start = max(sentence_start, *(text.rfind(mark, sentence_start, start) + 1 for mark in _CLAUSE_MARKS))
    clause_end = min(_marks_from(text, end, sentence_end), default=sentence_end)
    fronted_end = min(_marks_from(text, sentence_start, start), default=sentence_start)
    fronted = len(text[sentence_start:fronted_end].split()) <= FRONTED_MAX_WORDS
    if _BACKGROUND_CUE.search(text, clause_start, clause_end) or (
        fronted and _BACKGROUND_CUE.search(text, sentence_start, fronted_end)
    ):
        contexts.append(Context.BACKGROUND)
    if _SUBORDINATE_CUE.search(text, clause_start, start):
        contexts.append(Context.SUBORDINATE)
    if _SETTING_CUE.search(text, max(clause_start, start - 30), start):
        contexts.append(Context.SETTING)
    return tuple(contexts)


def _marks_from(text: str, start: int, end: int) -> list[int]:
    """Offsets of the first clause mark of each kind in `text[start:end]`."""
    return [found for mark in _CLAUSE_MARKS if (found := text.find(mark, start, end)) >= 0]


def _span(text: str, candidate: Candidate, *, rule: str) -> Span:
    return Span(text=text[candidate.start : candidate.end], start=candidate.start, end=candidate.end, rule=rule)


def _may_be_event_date(text: str, mention: DateMention) -> bool:
    return (
        mention.granularity == "day"
        and mention.role is not DateRole.PUBLICATION
        and not _NOT_EVENT_DATE.search(text, max(0, mention.start - 40), mention.start)
    )


def _nearest_in_sentence(items: Sequence[SpanT], layout: _Layout, candidate: Candidate) -> SpanT | None:
    """The item of the candidate's sentence that follows it first, else the last one before it."""
    if candidate.sentence is None:
        return None
    start, end = layout.sentences[candidate.sentence]
    in_sentence = [item for item in items if start <= item.start < end]
    after = [item for item in in_sentence if item.start >= candidate.end]
    before = [item for item in in_sentence if item.end <= candidate.start]
    return after[0] if after else (before[-1] if before else None)


def _date_fields(mention: DateMention) -> dict[str, object]:
    return {
        "date": mention.value,
        "date_start": mention.value,
        "date_end": mention.value_end or mention.value,
        "date_mention": Span(text=mention.text, start=mention.start, end=mention.end, rule=mention.rule),
    }


def _other_events(
    text: str,
    layout: _Layout,
    candidates: list[Candidate],
    main_type: EventType | None,
    eligible: list[DateMention],
    places: Sequence[Place],
) -> list[Event]:
    best: dict[EventType, Candidate] = {}
    for candidate in candidates:
        if candidate.type is main_type or candidate.sentence is None or Context.QUOTED in candidate.contexts:
            continue
        known = best.get(candidate.type)
        if known is None or candidate.score > known.score:
            best[candidate.type] = candidate
    venues = [place for place in places if place.level is PlaceLevel.VENUE]
    events = []
    for candidate in sorted(best.values(), key=lambda c: c.start):
        event = Event(type=candidate.type, trigger=_span(text, candidate, rule=f"trigger_{candidate.position}"))
        date = _nearest_in_sentence(eligible, layout, candidate)
        if date is not None:
            event = event.model_copy(update=_date_fields(date))
        venue = _nearest_in_sentence(venues, layout, candidate)
        if venue is not None:
            event = event.model_copy(
                update={
                    "place": venue.name,
                    "place_mention": Span(text=venue.text, start=venue.start, end=venue.end, rule=venue.rule),
                    "region": venue.region,
                    "region_code": venue.region_code,
                }
            )
        events.append(event)
    return events
