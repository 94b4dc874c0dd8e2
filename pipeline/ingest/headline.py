"""The title line of a plain-text article: the first line, when it reads as a headline.

A headline is short (`MIN_WORDS` to `MAX_WORDS` words), has no dateline (`KOTA –`, `Kota,
Humas -` in its first characters), does not end as prose does (`.`, `,`, `:`, `;`, `…`) and is
followed by a blank line. A Markdown heading mark (`# `) is not part of it.
"""

from __future__ import annotations

import re

#: Fewest and most words of a headline.
MIN_WORDS = 2
MAX_WORDS = 20
#: Characters of the line within which a dash starts a dateline (`PALU, Humas –`).
DATELINE_SPAN = 40

_PROSE_END = tuple(".,:;…")
_CLOSING = "\"'”’)"
_DATELINE = re.compile(rf"\A.{{0,{DATELINE_SPAN}}}?\s[–—-]{{1,2}}(?:\s|\Z)|\A.{{0,{DATELINE_SPAN}}}?,?[–—-]\s")
_HEADING_MARK = re.compile(r"\A#{1,6}\s+")


def headline_title(text: str) -> str | None:
    """The first line of `text` when it reads as a headline, without a heading mark; else None."""
    lines = text.lstrip("\n").split("\n")
    if len(lines) < 3 or lines[1].strip() or not "".join(lines[2:]).strip():
        return None
    line = _HEADING_MARK.sub("", lines[0].strip())
    words = line.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return None
    if line.rstrip(_CLOSING).endswith(_PROSE_END) or _DATELINE.search(line):
        return None
    return line
