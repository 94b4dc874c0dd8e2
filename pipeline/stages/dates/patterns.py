"""The date patterns, built from the date lexicons and matched at anchors, never scanned over a whole text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.patterns import alternation
from pipeline.vocabulary.dates import date_lexicon


@dataclass(frozen=True, slots=True)
class Patterns:
    """Patterns matched at anchors (`.match(text, position)`), never scanned over the whole text.

    One scan finds the numbers and one the words of the text; each pattern is then tried
    only where its first character or word can start it. `lead` finds the weekday (and
    `tanggal`) before a numeric or written-out date.
    """

    lead: re.Pattern[str]
    numeric: re.Pattern[str]
    numeric_bare: re.Pattern[str]
    textual: re.Pattern[str]
    iso: re.Pattern[str]
    unit_relative: re.Pattern[str]
    month_year: re.Pattern[str]
    month_relative: re.Pattern[str]
    weekday_relative: re.Pattern[str]
    weekday_bare: re.Pattern[str]
    day_word: re.Pattern[str]
    later_day: re.Pattern[str]
    #: First words of the word patterns (lower case) -> the patterns that start with them.
    starters: dict[str, tuple[str, ...]]


NUMBER_ANCHOR = re.compile(r"\(?\d+")
WORD_ANCHOR = re.compile(r"[^\W\d_]+")


@cache
def date_patterns() -> Patterns:
    lexicon = date_lexicon()
    weekday = alternation(lexicon.weekdays)
    month = alternation(lexicon.months)
    full_month = alternation(form for form in lexicon.months if len(form) > 3)
    number = alternation(lexicon.numbers)
    unit = alternation(lexicon.units)
    past_future = alternation(form for form, value in lexicon.directions.items() if value)
    week_direction = alternation(lexicon.directions)
    day_word = alternation(lexicon.day_words)
    flags = re.IGNORECASE
    starters: dict[str, list[str]] = {}
    for name, words in (
        ("month_year", lexicon.months),
        ("month_relative", (form for form in lexicon.months if len(form) > 3)),
        ("weekday_relative", lexicon.weekdays),
        ("weekday_bare", lexicon.weekdays),
        ("day_word", (form.split()[0] for form in lexicon.day_words)),
        ("later_day", (form.split()[0] for form in lexicon.later_days)),
        ("unit_relative", lexicon.numbers),
        ("unit_relative", (f"se{form}" for form in lexicon.units)),
    ):
        for word in words:
            for part in WORD_ANCHOR.findall(word)[:1]:
                names = starters.setdefault(part, [])
                if name not in names:
                    names.append(name)
    return Patterns(
        lead=re.compile(rf"\b(?P<wd>{weekday})\b\s*,?\s*(?:tanggal\s+|tgl\.?\s+)?$", flags),
        numeric=re.compile(
            r"\(\s*(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}|\d{2}))?\s*\)"
        ),
        numeric_bare=re.compile(r"(?P<d>\d{1,2})(?P<sep>[/-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/-])"),
        textual=re.compile(
            rf"(?P<d>\d{{1,2}})(?:\s*(?:-|–|—|s\.?\s?d\.?|sampai|hingga)\s*(?P<d2>\d{{1,2}}))?"
            rf"\s+(?P<mon>{month})\.?(?:\s+(?P<y>\d{{4}}))?(?![\w-])",
            flags,
        ),
        iso=re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])"),
        unit_relative=re.compile(
            rf"(?:(?P<n>\d{{1,3}}|{number})\s+(?P<unit>{unit})|se(?P<unit1>{unit}))\s+(?:yang\s+)?"
            rf"(?P<dir>{past_future})\b",
            flags,
        ),
        month_year=re.compile(rf"(?P<mon>{month})\.?\s+(?P<y>\d{{4}})(?!\d)", flags),
        month_relative=re.compile(rf"(?P<mon>{full_month})\s+(?P<dir>lalu|kemarin|silam)\b", flags),
        weekday_relative=re.compile(
            rf"(?P<wd>{weekday})\s+(?:(?P<week>pekan|minggu)\s+)?(?P<dir>{week_direction})\b", flags
        ),
        weekday_bare=re.compile(
            rf"(?P<wd>{weekday})\b(?P<after>\s+(?:pagi|siang|sore|malam|dini hari))?",
            flags,
        ),
        day_word=re.compile(rf"(?P<word>{day_word})\b", flags),
        later_day=re.compile(rf"(?P<word>{alternation(lexicon.later_days)})\b", flags),
        starters={word: tuple(names) for word, names in starters.items()},
    )
