"""A title mention as the title grammar reads it, before its mentions are clustered into persons."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.inventory import TitleParts


@dataclass(slots=True)
class TitleMention:
    start: int  # chars of the title (modifiers, title, unit, scope), not the name
    end: int
    role: str
    jurisdiction: str | None
    jurisdiction_code: str | None
    #: What jurisdiction the title wants when the text names none (a `SCOPE_LEVELS` key, `parent`, ...).
    wants: str
    name: tuple[int, int] | None = None  # chars of the name
    name_text: str | None = None
    mention_end: int = 0  # end of the whole mention with degrees
    rank: str | None = None
    #: Where a rank written right before the name starts (`Komisaris Besar Nama`): the name's
    #: mention covers it, as a person is named with the rank.
    rank_start: int | None = None
    honorifics: list[str] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)
    #: False for posts outside the state (`Ketua Asosiasi UMKM`): the holder is listed as a person.
    official: bool = True
    #: What the title is made of: head, unit, region.
    parts: TitleParts | None = None
    #: False for a role the text gives by context, not at the name (the members of a named
    #: team): the mention is the name alone, with no title span.
    written: bool = True
