"""Dates: every date mention in the text, normalised to ISO, with its span.

Candidates are found with patterns built from the date lexicons (`months.tsv`,
`weekdays.tsv`, `relative_dates.tsv`), never by searching whole texts with a date
parser: `Senin (6/10/2025)`, `Rabu (14/10/20)`, `Kamis (3/7)`, `6 Oktober 2025`,
`Selasa, 14 Januari 2025`, `6-8 Okt 2025`, `Maret 2026`, `2025-10-06`, and relative
expressions resolved against the publication date: `kemarin`, `hari ini`,
`Jumat pekan lalu`, `Senin lalu`, `Juli lalu`, `dua pekan lalu`; `esok harinya`,
`sehari kemudian` against the last full date before them.

Explicit dates are built from their parts (day-month-year order, always). Offsets of
whole days and weeks are plain arithmetic; month and year offsets (`sebulan lalu`) are
normalised by dateparser, given only the candidate span rewritten in the form its
Indonesian data knows (`1 bulan lalu`), with `DATE_ORDER="DMY"` and the publication
date as `RELATIVE_BASE`.

Times (`09.45 WIB`), money (`Rp 1,5 miliar`) and counts (`40 relawan`) never match: every
pattern needs a month name, a weekday, a four-digit year or a relative word.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from pipeline.record import Dateline, DateMention, DateRole, RecordWarning
from pipeline.spans import Coverage
from pipeline.stages.dates.patterns import NUMBER_ANCHOR, WORD_ANCHOR, Patterns, date_patterns
from pipeline.tokens import text_of
from pipeline.vocabulary.dates import DateLexicon, date_cues, date_lexicon


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    value: dt.date
    value_end: dt.date | None
    granularity: str
    rule: str
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class _Numeric:
    """A numeric or written-out date found at a number, with the weekday written before it."""

    match: re.Match[str]
    rule: str
    start: int
    weekday: str | None


@dataclass(frozen=True, slots=True)
class DatesResult:
    dates: list[DateMention]
    warnings: list[RecordWarning]


def extract_dates(doc: Doc, *, published: dt.date | None, dateline: Dateline | None = None) -> DatesResult:
    """All date mentions of `doc`, in text order, with role `publication` or `other`.

    `published` resolves relative expressions and yearless dates; without it they are
    skipped (relative) or take the year of the nearest explicit date (yearless). A date in
    the `dateline` (`Sawahlunto, 3 Juli 2025 —`) is the publication's.
    """
    text = text_of(doc)
    candidates = _find(text, published)
    mentions = []
    warnings = []
    for candidate in _non_overlapping(candidates):
        in_dateline = dateline is not None and dateline.start <= candidate.start < dateline.end
        publication = in_dateline or _is_publication(text, candidate.start)
        role = DateRole.PUBLICATION if publication else DateRole.OTHER
        mentions.append(
            DateMention(
                text=text[candidate.start : candidate.end],
                start=candidate.start,
                end=candidate.end,
                rule=candidate.rule,
                value=candidate.value,
                value_end=candidate.value_end,
                granularity=candidate.granularity,  # type: ignore[arg-type]
                role=role,
            )
        )
        if candidate.warning:
            warnings.append(RecordWarning(code="date_check", message=candidate.warning))
    return DatesResult(mentions, warnings)


def _find(text: str, published: dt.date | None) -> list[_Candidate]:
    lexicon = date_lexicon()
    patterns = date_patterns()
    explicit: list[_Candidate] = []
    yearless: list[_Numeric] = []
    invalid: list[tuple[int, int]] = []  # `31 Februari 2025`: not a date, and `Februari 2025` not either
    for hit in _numeric_hits(text, patterns):
        if hit.match.group("y") is not None:
            dates = _explicit(hit, lexicon, published)
            explicit.extend(dates)
            if not dates:
                invalid.append((hit.start, hit.match.end()))
        elif hit.rule == "textual" or hit.weekday:
            yearless.append(hit)  # `(3/7)` alone may be a score or a ratio; with a weekday it is a date
    found = list(explicit)
    for hit in yearless:
        year = _infer_year(hit, lexicon, published, explicit)
        if year is not None:
            found.extend(_explicit(hit, lexicon, published, year=year))
    found.extend(_word_dates(text, published, lexicon, patterns))
    found.extend(_later_days(text, found, lexicon, patterns))
    if invalid:
        blocked = Coverage(invalid)
        found = [c for c in found if not blocked.overlaps(c.start, c.end)]
    return found


def _numeric_hits(text: str, patterns: Patterns) -> list[_Numeric]:
    lexicon = date_lexicon()
    hits = []
    for anchor in NUMBER_ANCHOR.finditer(text):
        position = anchor.start()
        if position and (text[position - 1].isalnum() or text[position - 1] in "/.,-"):
            continue  # inside a number, a code or a word
        if text[position] == "(":
            candidates = [("numeric", patterns.numeric)]
        else:
            candidates = [
                ("iso", patterns.iso),
                ("numeric", patterns.numeric_bare),
                ("textual", patterns.textual),
            ]
        for rule, pattern in candidates:
            match = pattern.match(text, position)
            if match is None or (rule == "textual" and lexicon.month(match.group("mon")) is None):
                continue
            if date_cues().document_number.search(text, max(0, position - 12), position):
                break
            lead = None if rule == "iso" else patterns.lead.search(text, max(0, position - 30), position)
            start = lead.start() if lead else position
            hits.append(_Numeric(match, rule, start, lead.group("wd") if lead else None))
            break
    return hits


def _explicit(
    hit: _Numeric,
    lexicon: DateLexicon,
    published: dt.date | None,
    *,
    year: int | None = None,
) -> list[_Candidate]:
    match = hit.match
    groups = match.groupdict()
    if year is None:
        year = int(groups["y"])
        if len(groups["y"]) == 2:
            year += 2000
            if published is not None and year > published.year + 1:
                year -= 100
    month = lexicon.month(groups["mon"]) if groups.get("mon") else int(groups["m"])
    if month is None:
        return []
    try:
        value = dt.date(year, month, int(groups["d"]))
        value_end = dt.date(year, month, int(groups["d2"])) if groups.get("d2") else None
    except ValueError:
        return []
    if value_end is not None and value_end <= value:
        return []
    warning = None
    weekday = lexicon.weekday(hit.weekday)
    if weekday is not None and weekday != value.weekday():
        warning = f"{match.string[hit.start : match.end()]!r}: the weekday does not match {value.isoformat()}"
    return [_Candidate(hit.start, match.end(), value, value_end, "day", hit.rule, warning)]


def _infer_year(
    hit: _Numeric, lexicon: DateLexicon, published: dt.date | None, explicit: list[_Candidate]
) -> int | None:
    """The year of a yearless date.

    With `published`: the year (of the one before, the same, the one after) that makes the
    weekday right and, among those, puts the date nearest to `published`. Without it: the
    year of the nearest explicit date.
    """
    groups = hit.match.groupdict()
    month = lexicon.month(groups["mon"]) if groups.get("mon") else int(groups["m"])
    if month is None:
        return None
    weekday = lexicon.weekday(hit.weekday)
    if published is not None:
        options = []
        for year in (published.year - 1, published.year, published.year + 1):
            try:
                value = dt.date(year, month, int(groups["d"]))
            except ValueError:
                continue
            mismatch = weekday is not None and value.weekday() != weekday
            options.append((mismatch, abs((value - published).days), year))
        return min(options)[2] if options else None
    if not explicit:
        return None
    end = hit.match.end()
    i = bisect_left([c.start for c in explicit], hit.start)  # the nearest is next to where the hit would go
    near = explicit[max(0, i - 2) : i + 2]
    nearest = min(near, key=lambda c: min(abs(c.start - end), abs(hit.start - c.end)))
    return nearest.value.year


def _word_dates(text: str, published: dt.date | None, lexicon: DateLexicon, patterns: Patterns) -> list[_Candidate]:
    """Dates that start with a word: `Maret 2026`, and relative ones when `published` is known."""
    found = []
    for anchor in WORD_ANCHOR.finditer(text):
        names = patterns.starters.get(anchor.group().lower())
        if not names:
            continue
        position = anchor.start()
        for name in names:
            if name == "later_day" or (name != "month_year" and published is None):
                continue  # a later day counts from a date before it: `_later_days`
            match = getattr(patterns, name).match(text, position)
            if match is not None:
                candidate = _word_candidate(name, match, published, lexicon)
                if candidate is not None:
                    found.append(candidate)
    for anchor in NUMBER_ANCHOR.finditer(text) if published is not None else ():
        match = patterns.unit_relative.match(text, anchor.start())
        if match is not None:
            candidate = _word_candidate("unit_relative", match, published, lexicon)
            if candidate is not None:
                found.append(candidate)
    return found


def _later_days(text: str, found: list[_Candidate], lexicon: DateLexicon, patterns: Patterns) -> list[_Candidate]:
    """`esok harinya`, `sehari kemudian`: a day offset from the last day-date written before it."""
    days = sorted((c for c in found if c.granularity == "day" and c.value_end is None), key=lambda c: c.end)
    ends = [c.end for c in days]
    later = []
    for anchor in WORD_ANCHOR.finditer(text):
        if "later_day" not in patterns.starters.get(anchor.group().lower(), ()):
            continue
        match = patterns.later_day.match(text, anchor.start())
        before = bisect_right(ends, anchor.start())
        if match is None or before == 0:
            continue
        value = days[before - 1].value + dt.timedelta(days=lexicon.later_days[match.group("word").lower()])
        later.append(_Candidate(match.start(), match.end(), value, None, "day", "day_after_date"))
    return later


def _word_candidate(
    name: str, match: re.Match[str], published: dt.date | None, lexicon: DateLexicon
) -> _Candidate | None:
    start, end = match.start(), match.end()
    if name == "month_year":
        month = lexicon.month(match.group("mon"))
        if month is None:
            return None
        return _Candidate(start, end, dt.date(int(match.group("y")), month, 1), None, "month", name)
    assert published is not None
    if name == "month_relative":
        month = lexicon.month(match.group("mon"))
        if month is None:
            return None
        year = published.year if month < published.month else published.year - 1
        return _Candidate(start, end, dt.date(year, month, 1), None, "month", name)
    if name == "day_word":
        offset = lexicon.day_words[match.group("word").lower()]
        return _Candidate(start, end, published + dt.timedelta(days=offset), None, "day", "relative_day")
    if name == "unit_relative":
        return _unit_relative(match, published, lexicon)
    word = match.group("wd")
    weekday = lexicon.weekday(word)
    if weekday is None or not word[:1].isupper():
        return None  # `minggu lalu` is `last week`, not `last Sunday`
    if name == "weekday_relative":
        direction = lexicon.directions[match.group("dir").lower()]
        value = _weekday_relative(published, weekday, direction, week=match.group("week") is not None)
        return _Candidate(start, end, value, None, "day", name)
    if date_cues().recurring.search(match.string, max(0, start - 10), start):
        return None  # `setiap Senin` is every Monday
    if word.lower() == "minggu" and not match.group("after"):
        return None  # `Minggu` is also `week`: a Sunday only with a time of day
    value = published - dt.timedelta(days=(published.weekday() - weekday) % 7)
    return _Candidate(start, match.end("wd"), value, None, "day", "weekday")


def _weekday_relative(published: dt.date, weekday: int, direction: int, *, week: bool) -> dt.date:
    """`Jumat pekan lalu`: that day of the previous calendar week; `Senin lalu`: the last Monday before."""
    if week:
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=direction)
        return monday + dt.timedelta(days=weekday)
    if direction < 0:
        return published - dt.timedelta(days=(published.weekday() - weekday - 1) % 7 + 1)
    if direction > 0:
        return published + dt.timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    return published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=weekday)


def _unit_relative(match: re.Match[str], published: dt.date, lexicon: DateLexicon) -> _Candidate | None:
    raw_number = match.group("n")
    if raw_number is None:
        count = 1
        unit = lexicon.units[match.group("unit1").lower()]
    else:
        count = int(raw_number) if raw_number.isdigit() else lexicon.numbers[raw_number.lower()]
        unit = lexicon.units[match.group("unit").lower()]
    direction = lexicon.directions[match.group("dir").lower()]
    if count == 0 or count > 400:
        return None
    if unit in {"day", "week"}:
        days = count * (7 if unit == "week" else 1)
        value = published + dt.timedelta(days=days * direction)
        return _Candidate(match.start(), match.end(), value, None, "day", "unit_relative")
    value = _shift_months(published, count * direction, unit)
    if value is None:
        return None
    granularity = "month" if unit == "month" else "year"
    return _Candidate(match.start(), match.end(), value, None, granularity, "unit_relative")


@lru_cache(maxsize=4096)
def _shift_months(published: dt.date, count: int, unit: str) -> dt.date | None:
    """`count` months or years from `published`, by dateparser on the normalised phrase."""
    import dateparser  # imported on first use: a second of start-up for a rare expression

    unit_word = "bulan" if unit == "month" else "tahun"
    phrase = f"{abs(count)} {unit_word} lalu" if count < 0 else f"dalam {count} {unit_word}"
    parsed = dateparser.parse(
        phrase,
        languages=["id"],
        settings={
            "DATE_ORDER": "DMY",
            "RELATIVE_BASE": dt.datetime.combine(published, dt.time()),
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date() if parsed else None


def _non_overlapping(candidates: list[_Candidate]) -> list[_Candidate]:
    """Leftmost-longest: a date inside a longer date is part of it, not a second date."""
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start), c.rule)):
        if chosen and candidate.start < chosen[-1].end:
            continue
        chosen.append(candidate)
    return chosen


def _is_publication(text: str, start: int) -> bool:
    return date_cues().publication.search(text, max(0, start - 160), start) is not None
