"""Quotation marks: which marks there are, whether a mark opens or closes, and how they pair.

The one model of double quotation marks in the pipeline. The sentence segmenter (never a
sentence break inside a quotation) and the quotes stage (the text between the marks) both
read `quotations_of(doc)`, computed once per text.

- A mark after a space (or line start, bracket, colon) and glued to the next word opens;
  one glued to the word or punctuation before it and followed by a space closes. Spaced or
  glued on both sides, a curly `“` opens, and `”` (which opens too where an outlet writes
  both marks as `”`) or `"` may do either (`mark_role`).
- Pairing (`pair_marks`): a blank line ends a quotation unless the next paragraph opens
  with a mark (a quote over several paragraphs); one that never closes ends at its
  paragraph's end, with a `quote_unbalanced` warning. A pair opened inside an open
  quotation is nested in it, unless the outer one never closes: then the outer ends at the
  last sentence end before the inner one, or, with none, at the last inner closing mark
  (`“A “b", c “d” kata X`). A stray mark costs one candidate, never the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from spacy.tokens import Doc

from pipeline.record import RecordWarning
from pipeline.spans import Coverage
from pipeline.text import at_line_start, last_sentence_end, line_end, next_visible, paragraph_break, rstrip

OPENING_QUOTES = "“„«"
CLOSING_QUOTES = "”»"
AMBIGUOUS_QUOTES = '"'
DOUBLE_QUOTES = OPENING_QUOTES + CLOSING_QUOTES + AMBIGUOUS_QUOTES
#: Every quotation mark, single ones included: stripped around quoted text.
QUOTE_CHARS = DOUBLE_QUOTES + "‘’'"
_DOUBLE_MARKS = re.compile(f"[{DOUBLE_QUOTES}]")
#: What may stand before an opening mark, and after a closing one.
_OPEN_BEFORE = "([{—–-/:"
_CLOSE_AFTER = ",.;:!?)]}—–…"
_KEY = "warta.quotations"


class MarkRole(Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"


def mark_role(text: str, index: int) -> MarkRole:
    """Whether the double quotation mark at `index` opens or closes, by what touches it."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    opens = before.isspace() or before in _OPEN_BEFORE
    closes = after.isspace() or after in _CLOSE_AFTER
    if opens and not closes:
        return MarkRole.OPEN
    if closes and not opens:
        return MarkRole.CLOSE
    if opens and text[index] in OPENING_QUOTES:
        return MarkRole.OPEN
    return MarkRole.EITHER


@dataclass(frozen=True, slots=True)
class MarkedQuote:
    """A quotation between marks: `start`/`end` of its content, `open`/`close` of its marks."""

    open: int
    close: int | None
    start: int
    end: int

    @property
    def last(self) -> int:
        """The last offset that belongs to the quotation: its closing mark, or its content's end."""
        return self.close if self.close is not None else self.end


class Quotations:
    """The quotations of a text in order of their opening marks, and the warnings of pairing."""

    __slots__ = ("_covered", "_inner", "quotes", "warnings")

    def __init__(self, quotes: tuple[MarkedQuote, ...], warnings: tuple[RecordWarning, ...]) -> None:
        self.quotes = quotes
        self.warnings = warnings
        self._covered = Coverage((quote.open, quote.last + 1) for quote in quotes)
        self._inner = Coverage((quote.open + 1, quote.last + 1) for quote in quotes)

    def inside(self, position: int) -> bool:
        """`position` is inside a quotation, its marks included."""
        return self._covered.covers(position)

    def within(self, position: int) -> bool:
        """`position` is after the opening mark of a quotation, up to its closing mark."""
        return self._inner.covers(position)


def quotations_of(doc: Doc) -> Quotations:
    """The quotations of the doc's text, paired once and kept with the doc."""
    found = doc.user_data.get(_KEY)
    if found is None:
        from pipeline.tokens import text_of  # the doc's text, as kept with it

        found = doc.user_data[_KEY] = pair_marks(text_of(doc))
    return found


def keep_quotations(doc: Doc, quotations: Quotations) -> None:
    """Store `quotations` (paired from the doc's text) with the doc."""
    doc.user_data[_KEY] = quotations


def pair_marks(text: str) -> Quotations:
    """The quotations between double marks, and a warning per mark left unpaired."""
    quotes: list[MarkedQuote] = []
    warnings: list[RecordWarning] = []
    stack: list[int] = []
    nested: list[MarkedQuote] = []
    last = 0

    def unclosed(limit: int) -> None:
        outer = stack[0]
        if nested and last_sentence_end(text, outer + 1, nested[0].open) is None:
            close = nested[-1].close  # `“A “b", c “d” kata X`: the last inner mark closes both
            assert close is not None
            quote = MarkedQuote(outer, close, outer + 1, close)
            message = f"the quotation mark at {outer} is taken to close at {close}, with a quotation inside it"
        else:
            end = (last_sentence_end(text, outer + 1, nested[0].open) or nested[0].open) if nested else limit
            end = rstrip(text, outer + 1, end)
            quote = MarkedQuote(outer, None, outer + 1, end)
            message = f"the quotation mark at {outer} is not closed; the quote is taken to end at {end}"
        quotes.append(quote)
        quotes.extend(nested)
        warnings.append(RecordWarning(code="quote_unbalanced", message=message))
        stack.clear()
        nested.clear()

    for match in _DOUBLE_MARKS.finditer(text):
        position = match.start()
        if stack:
            paragraph_end = paragraph_break(text, last, position)
            if paragraph_end is not None and position != next_visible(text, paragraph_end):
                unclosed(rstrip(text, stack[0] + 1, paragraph_end))
        last = position
        role = mark_role(text, position)
        if not stack:
            if role is MarkRole.CLOSE:
                warnings.append(
                    RecordWarning(code="quote_unbalanced", message=f"the quotation mark at {position} closes nothing")
                )
            else:
                stack.append(position)
            continue
        if role is MarkRole.OPEN:
            if len(stack) == 1 and at_line_start(text, position) and "\n" in text[stack[0] : position]:
                continue  # the next paragraph of a quote over several paragraphs
            if len(stack) == 2:
                unclosed(line_end(text, stack[0]))
            stack.append(position)
            continue
        opened = stack.pop()
        pair = MarkedQuote(opened, position, opened + 1, position)
        if stack:
            nested.append(pair)
        else:
            quotes.append(pair)
            nested.clear()
    if stack:
        unclosed(rstrip(text, stack[0] + 1, line_end(text, stack[0])))
    quotes.sort(key=lambda quote: quote.open)
    return Quotations(tuple(quotes), tuple(warnings))
