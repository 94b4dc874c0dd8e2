"""The article text with its extracted spans marked, rendered by displaCy's span renderer.

1. `record_marks` collects the spans of a record, one `Mark` per span and kind: officials'
   and persons' mentions, places, organisations, dates, quotes, event triggers, and the
   speaker mentions of quotes that are no mention of a person already (a pronoun: `-nya`).
   Mentions and quotes link to the person (`#person-P1` on the article page).
2. `displacy_input` cuts each line of the text (a mark across a line break is marked on
   each line) into the text that no mark covers and groups of overlapping marks. Each group
   becomes displaCy's manual input, cut into tokens at every mark's start and end and into
   words, each with the spaces after it: every marked word is a box of its own, and lines
   wrap between them.
3. `render_marks` renders each group with `MarkRenderer`, displaCy's `SpanRenderer`
   (overlapping spans stacked under the text, one colour per kind, the link in the label) with
   one change: displaCy writes a space after every unmarked token, which suits a Doc's
   whitespace-separated tokens but not spans that end inside a word (`ujar|nya`, `“|Kami`).
   `MarkRenderer` writes the text as it is, and the page shows it with `white-space:
   pre-wrap`, so paragraphs and spacing are the article's own. It also draws the lines under
   a token once per combination of marks (the tokens of a long quote share one). displaCy
   escapes every token (`spacy.util.escape_html`); the text between groups is escaped with
   the same function, the link's id and address with `html.escape`.

displaCy's renderer compares every token with every span of its input: one input per group
of overlapping marks keeps that cost small.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache
from itertools import accumulate, pairwise
from operator import itemgetter
from typing import Any, NamedTuple

from spacy.displacy.render import SpanRenderer
from spacy.util import escape_html

from pipeline.record import EventRecord, Span

#: The kinds of marks with their colours (displaCy colours labels by name).
COLOURS: dict[str, str] = {
    "OFFICIAL": "#f4a261",
    "PERSON": "#c39bd3",
    "PLACE": "#7fc97f",
    "ORG": "#7ab8e8",
    "DATE": "#f2d16b",
    "QUOTE": "#ef7b7b",
    "SPEAKER": "#d4a0a0",
    "EVENT": "#9fd9d2",
}
#: What each kind marks, for the legend.
KINDS: dict[str, str] = {
    "OFFICIAL": "a mention of an official (title, name, short name)",
    "PERSON": "a mention of another person",
    "PLACE": "a region or a venue",
    "ORG": "an organisation",
    "DATE": "a date",
    "QUOTE": "a quote, direct or reported; its label links to the speaker",
    "SPEAKER": "where a quote names its speaker, when that is no mention above (a pronoun)",
    "EVENT": "the word that names an event (its trigger)",
}
_TEMPLATES = {
    "span": '<span class="mark" style="height: {total_height}px">{text}{lines}</span>',
    "slice": '<span class="mark-line" style="background: {bg}; top: {top_offset}px"></span>',
    "start": (
        '<span class="mark-line mark-start" style="background: {bg}; top: {top_offset}px">'
        '<span class="mark-label" style="background: {bg}">{label}{kb_link}</span></span>'
    ),
}
#: A marked word with the spaces after it (a box of its own), or spaces at the start of a piece.
_ENTITY_KEY = itemgetter("label", "render_slot", "is_start", "kb_link")
_WORDS = re.compile(r"\s+|\S+\s*")


class Mark(NamedTuple):
    start: int
    end: int
    label: str
    #: Id of the person the mark links to (`P1`), if any.
    person: str | None = None


def _text_order(mark: Mark) -> tuple[int, int, str, str]:
    return mark.start, mark.end, mark.label, mark.person or ""


def record_marks(record: EventRecord) -> list[Mark]:
    """Every span of the record to mark, without duplicates, in text order."""
    marks: set[Mark] = set()
    people = [("OFFICIAL", person) for person in record.officials] + [("PERSON", person) for person in record.persons]
    for label, person in people:
        marks.update(_marks(person.mentions, label, person.id))
    mentioned = {(mark.start, mark.end, mark.person) for mark in marks}
    marks.update(_marks(record.places, "PLACE"))
    marks.update(_marks(record.organisations, "ORG"))
    marks.update(_marks(record.dates, "DATE"))
    for quote in record.quotes:
        marks.update(_marks([quote], "QUOTE", quote.speaker_id))
        speaker = quote.speaker_mention
        if speaker is not None and (speaker.start, speaker.end, quote.speaker_id) not in mentioned:
            marks.update(_marks([speaker], "SPEAKER", quote.speaker_id))
    for event in (record.event, *record.other_events):
        if event.trigger is not None:
            marks.update(_marks([event.trigger], "EVENT"))
    return sorted(marks, key=_text_order)


def _marks(spans: Iterable[Span], label: str, person: str | None = None) -> list[Mark]:
    return [Mark(span.start, span.end, label, person) for span in spans if span.end > span.start]


def displacy_input(text: str, marks: list[Mark]) -> list[list[str | dict[str, Any]]]:
    """The text in pieces, line by line (a mark across a line break is marked on each line): the
    text no mark covers, as it is, and between it each group of overlapping marks as displaCy's
    manual input for the span renderer (its `tokens`, and `spans` by token index)."""
    lines = text.split("\n")
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    inside: list[list[Mark]] = [[] for _ in lines]
    for mark in marks:
        number = bisect_right(starts, mark.start) - 1
        while number < len(lines) and starts[number] < mark.end:
            start, end = starts[number], starts[number] + len(lines[number])
            piece = Mark(max(mark.start, start) - start, min(mark.end, end) - start, mark.label, mark.person)
            if piece.end > piece.start:
                inside[number].append(piece)
            number += 1
    return [
        _line_pieces(line, sorted(line_marks, key=_text_order)) for line, line_marks in zip(lines, inside, strict=True)
    ]


def _line_pieces(line: str, marks: list[Mark]) -> list[str | dict[str, Any]]:
    pieces: list[str | dict[str, Any]] = []
    done = 0
    group: list[Mark] = []
    group_end = 0
    for mark in [*marks, None]:
        if group and (mark is None or mark.start >= group_end):
            start = group[0].start
            if start > done:
                pieces.append(line[done:start])
            pieces.append(_group_input(line[start:group_end], [_shifted(member, start) for member in group]))
            done, group = group_end, []
        if mark is not None:
            group.append(mark)
            group_end = max(group_end, mark.end) if len(group) > 1 else mark.end
    if len(line) > done:
        pieces.append(line[done:])
    return pieces


def _shifted(mark: Mark, offset: int) -> Mark:
    return Mark(mark.start - offset, mark.end - offset, mark.label, mark.person)


def _group_input(text: str, marks: list[Mark]) -> dict[str, Any]:
    """displaCy's input for text that every character of is marked: a token per word."""
    cuts = sorted({0, len(text), *(mark.start for mark in marks), *(mark.end for mark in marks)})
    tokens: list[str] = []
    token_at: dict[int, int] = {}
    for start, end in pairwise(cuts):
        token_at[start] = len(tokens)
        tokens.extend(_WORDS.findall(text, start, end))
    token_at[len(text)] = len(tokens)
    spans = [
        {
            "start_token": token_at[mark.start],
            "end_token": token_at[mark.end],
            "label": mark.label,
            **_link(mark.person),  # unpacked: displaCy writes into the span dicts, never into the cached one
        }
        for mark in marks
    ]
    return {"text": text, "tokens": tokens, "spans": spans}


@cache
def _link(person: str | None) -> dict[str, str]:
    if person is None:
        return {}
    return {"kb_id": html.escape(person), "kb_url": "#" + html.escape(person_anchor(person))}


def person_anchor(person: str) -> str:
    """The id of a person's entry on the article page."""
    return f"person-{person}"


class MarkRenderer(SpanRenderer):
    """displaCy's span renderer, writing the text between marks as it is (see the module's docstring)."""

    #: Entries of the cache of drawn lines before it is emptied.
    MAX_DRAWN = 20_000

    def __init__(self, options: dict[str, Any]) -> None:
        super().__init__(options)
        #: The lines under a token depend only on its marks: drawn once per combination.
        self._drawn: dict[tuple[tuple[str, int, bool, str], ...], str] = {}

    def _render_markup(self, per_token_info: list[dict[str, Any]]) -> str:
        parts = []
        for token in per_token_info:
            entities = token["entities"]
            if not entities or not token["text"].strip():
                parts.append(escape_html(token["text"]))
                continue
            key = tuple(map(_ENTITY_KEY, entities))
            lines = self._drawn.get(key)
            if lines is None:
                if len(self._drawn) >= self.MAX_DRAWN:
                    self._drawn.clear()
                ordered = sorted(entities, key=lambda entity: entity["render_slot"])
                lines = self._drawn[key] = self._get_span_slices(ordered) + self._get_span_starts(ordered)
            height = self.top_offset + self.span_label_offset + self.offset_step * (len(entities) - 1)
            parts.append(self.span_template.format(text=escape_html(token["text"]), lines=lines, total_height=height))
        return "".join(parts)


@cache
def _renderer() -> MarkRenderer:
    return MarkRenderer({"colors": COLOURS, "template": _TEMPLATES, "top_offset": 26, "top_offset_step": 14})


def render_marks(text: str, marks: list[Mark]) -> str:
    """The text as HTML (shown with `white-space: pre-wrap`), every mark (of `record_marks`) drawn
    under it: each group of overlapping marks is one `div.spans` of displaCy's, shown inline."""
    renderer = _renderer()
    return "\n".join(
        "".join(
            escape_html(piece)
            if isinstance(piece, str)
            else renderer.render_spans(piece["tokens"], piece["spans"], None).strip()
            for piece in line
        )
        for line in displacy_input(text, marks)
    )
