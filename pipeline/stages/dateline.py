"""Dateline: the place (and outlet) before the dash that opens an article.

`Serang –`, `SLEMAN (humas) –`, `JAKARTA, NUSAPOS —`, `Sawahlunto, 3 Juli 2025 —`,
`MALANGKOTA (SurabayaPost.id) –`, `berita.depok.go.id –`, `Palu, humas.palukota.go.id –`,
`KUNINGAN, –`, `Bandar lampung-` (a kabupaten/kota name with lower-case later words).
A unit or site tag in the dateline's position (`POLDA X –`, `Dinas Kominfo
Kab. X –`: its first word is a `dateline_unit` of `place_words.tsv`) is not a dateline. The dateline is looked for
at the start of the first lines (a title line may come before it); a line counts only
when a paragraph, not a headline, follows the dash.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.gazetteer import KABKOTA, gazetteer
from pipeline.record import Dateline
from pipeline.tokens import text_of
from pipeline.vocabulary import place_words

#: Lines at the top of the text where a dateline may start.
_MAX_LINES = 3
#: Text after the dash: a dateline opens a paragraph, a headline with a dash is short.
_MIN_FOLLOWING_CHARS = 50
_PLACE_WORD = r"[A-Z][\w'’.]*"
_DASH = r"\s*,?\s*(?:[–—]|-{1,3})\s+"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE_WORD}(?:[ -]{_PLACE_WORD}){{0,3}})"
    r"(?:\s*,\s*(?P<outlet_comma>[A-Z][\w.]*(?:\.com|\.id)?|[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?=\s*(?:[–—(]|-)))?"
    r"(?:\s*\((?P<outlet_paren>[^()\n]{1,40})\))?"
    r"(?:\s*,\s*(?P<date>\d{1,2}\s+\w+\.?\s+\d{4}|\w+\s*,?\s*\d{1,2}\s+\w+\.?\s+\d{4}))?"
    rf"(?P<dash>{_DASH})"
)
#: A region name with its later words in lower case (`Bandar lampung-`): a dateline only when
#: the gazetteer knows the name.
_LOWER_CASE_DATELINE = re.compile(rf"(?P<place>[A-Z][a-z]+(?: [a-z]+){{1,2}}){_DASH}")
_DOMAIN_DATELINE = re.compile(rf"(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)+){_DASH}", re.IGNORECASE)
#: A web address written with capitals (`Beritakota.example.go.id –`) is the outlet, not a place.
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:id|com|net|org|co|go|info|news)\.?$", re.IGNORECASE)


def extract_dateline(doc: Doc) -> Dateline | None:
    """The dateline of the article, or None when it has none."""
    text = text_of(doc)
    line_start = 0
    for _ in range(_MAX_LINES):
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = len(text)
        found = _match_line(text, line_start, line_end)
        if found is not None:
            return found
        if line_end >= len(text):
            break
        line_start = line_end + 1
        while line_start < len(text) and text[line_start] == "\n":
            line_start += 1
    return None


def _match_line(text: str, start: int, end: int) -> Dateline | None:
    match = _DATELINE.match(text, start, end)
    if (
        match is not None
        and match.group("place").split()[0] not in place_words().words("dateline_stopword")
        and match.group("place").split()[0].lower() not in place_words().words("dateline_unit")
        and not _DOMAIN.match(match.group("place"))
    ):
        if end - match.end() < _MIN_FOLLOWING_CHARS:
            return None
        place = match.group("place").rstrip(".")
        outlet = match.group("outlet_comma") or match.group("outlet_paren")
        span_end = match.end("dash")
        dash_text = text[match.start("dash") : span_end].rstrip()
        span_end = match.start("dash") + len(dash_text)
        return Dateline(
            text=text[match.start() : span_end],
            start=match.start(),
            end=span_end,
            rule="dateline",
            place=_display_case(place),
            outlet=outlet.strip() if outlet else None,
        )
    match = _LOWER_CASE_DATELINE.match(text, start, end)
    if match is not None and end - match.end() >= _MIN_FOLLOWING_CHARS:
        known = gazetteer().lookup(match.group("place"), levels=KABKOTA)
        if known:
            span_end = match.start() + len(match.group().rstrip())
            return Dateline(
                text=text[match.start() : span_end],
                start=match.start(),
                end=span_end,
                rule="dateline",
                place=known[0].bare,
                outlet=None,
            )
    match = _DOMAIN_DATELINE.match(text, start, end)
    if match is not None and end - match.end() >= _MIN_FOLLOWING_CHARS:
        span_end = match.start("domain") + len(text[match.start() : match.end()].rstrip())
        return Dateline(
            text=text[match.start() : span_end],
            start=match.start(),
            end=span_end,
            rule="dateline_domain",
            place=None,
            outlet=match.group("domain"),
        )
    return None


def _display_case(place: str) -> str:
    """`LUBUK PAKAM` -> `Lubuk Pakam`; mixed-case places stay as written."""
    return place.title() if place.isupper() else place
