"""The event lexicons: trigger words and phrases by event type, and the contexts that demote them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.lexicons import read_table
from pipeline.patterns import phrase_alternation
from pipeline.record import EventType
from pipeline.vocabulary.roles import role_table


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


def trigger_key(form: str) -> str:
    """A trigger form as the lexicon keys it: lower case, spaces collapsed."""
    return " ".join(form.split()).lower()


def _word_pattern(word: str) -> str:
    """A lower-case word in any case; a word with capitals (`MoU`) as written or in capitals."""
    if word.islower():
        return re.escape(word)
    return rf"(?-i:{re.escape(word)}|{re.escape(word.upper())})"


@cache
def trigger_lexicon() -> TriggerLexicon:
    entries: dict[str, TriggerEntry] = {}
    alternatives: dict[str, list[str]] = {}
    for row in read_table("event_triggers.tsv"):
        form = row["form"]
        key = trigger_key(form)
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


@dataclass(frozen=True, slots=True)
class ContextCues:
    """Patterns of `event_contexts.tsv`: `background` and `subordinate` are searched in a clause,
    `setting` is anchored at the end of the text before the trigger."""

    background: re.Pattern[str]
    subordinate: re.Pattern[str]
    setting: re.Pattern[str]


@cache
def context_cues() -> ContextCues:
    cues = role_table("event_contexts.tsv")
    flags = re.IGNORECASE
    return ContextCues(
        background=re.compile(rf"\b(?:{phrase_alternation(cues.words('background'))})\b", flags),
        subordinate=re.compile(rf"\b(?:{phrase_alternation(cues.words('subordinate'))})\b", flags),
        setting=re.compile(
            rf"\b(?:{phrase_alternation(cues.words('setting'))})(?:\s+(?:{phrase_alternation(cues.words('setting_noun'))}))?\s+$",
            flags,
        ),
    )
