"""The date lexicons: month and day names, relative date words, and the cues before a date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.lexicons import read_table
from pipeline.patterns import alternation
from pipeline.vocabulary.roles import role_table


@dataclass(frozen=True, slots=True)
class DateLexicon:
    months: dict[str, int]
    #: Month forms that are abbreviations (`Okt`): they count only when capitalised.
    abbreviations: frozenset[str]
    weekdays: dict[str, int]
    day_words: dict[str, int]
    #: Phrases that are a day offset from the date the text gave before them (`esok harinya` = +1).
    later_days: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    directions: dict[str, int]

    def month(self, word: str) -> int | None:
        """Month number of a matched month word, or None (an abbreviation not capitalised)."""
        form = word.lower().rstrip(".")
        number = self.months.get(form)
        if number is None or (form in self.abbreviations and not word[:1].isupper()):
            return None
        return number

    def weekday(self, word: str | None) -> int | None:
        return None if word is None else self.weekdays.get(word.lower())


@dataclass(frozen=True, slots=True)
class DateCues:
    """Patterns over the text before a date (`date_cues.tsv`), each anchored at its end (`$`)."""

    #: `dikutip dari ...` up to 120 characters of the same sentence before the date.
    publication: re.Pattern[str]
    #: `Nomor` right before a number: a document's number.
    document_number: re.Pattern[str]
    #: `setiap` right before a weekday.
    recurring: re.Pattern[str]
    #: `paling lambat`, `sejak` ... (and `tanggal`) right before the date.
    not_event: re.Pattern[str]
    #: `beberapa waktu lalu`, `belum lama ini`: a past time that names no date (searched, not anchored).
    vague_past: re.Pattern[str]


@cache
def date_lexicon() -> DateLexicon:
    relative = read_table("relative_dates.tsv")

    def of_kind(kind: str) -> dict[str, str]:
        return {row["form"]: row["value"] for row in relative if row["kind"] == kind}

    months = read_table("months.tsv")
    return DateLexicon(
        months={row["form"]: int(row["month"]) for row in months},
        abbreviations=frozenset(row["form"] for row in months if row["abbreviation"] == "yes"),
        weekdays={row["form"]: int(row["weekday"]) for row in read_table("weekdays.tsv")},
        day_words={form: int(value) for form, value in of_kind("day").items()},
        later_days={form: int(value) for form, value in of_kind("day_after_date").items()},
        numbers={form: int(value) for form, value in of_kind("number").items()},
        units=of_kind("unit"),
        directions={form: int(value) for form, value in of_kind("direction").items()},
    )


@cache
def date_cues() -> DateCues:
    cues = role_table("date_cues.tsv")
    flags = re.IGNORECASE
    day_prefix = alternation(cues.words("day_prefix"))
    return DateCues(
        publication=re.compile(
            rf"\b(?:{alternation(cues.words('publication'))})\b(?:[^.\n]|\.(?=\S)){{0,120}}$", flags
        ),
        document_number=re.compile(rf"(?:{alternation(cues.words('document_number'))})\s*$", flags),
        recurring=re.compile(rf"\b(?:{alternation(cues.words('recurring'))})\s+$", flags),
        not_event=re.compile(rf"\b(?:{alternation(cues.words('not_event'))})\s*(?:(?:{day_prefix})\s*)?$", flags),
        vague_past=re.compile(rf"\b(?:{alternation(cues.words('vague_past'))})\b", flags),
    )
