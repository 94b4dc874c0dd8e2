"""Which of the NER model's places and organisations are no place and no body.

The model tags words that real releases capitalise for other reasons; these guesses are left
out (the lists of places and organisations feed counts):

- a headline fragment: two words or more, all in capitals, one of them a word of four letters
  or more that is no known abbreviation and no region (`GELAR PILKADES SERENTAK`);
- a unit without a name: no capitalised word but a region unit or the first word of a body
  (`Kabupaten`, `Dinas`, `Kecamatan baru`, `desa adat`);
- a role: a guess opening with a title, an acting prefix or a person descriptor (`Kasubdit`,
  `Penjabat`, `Warga`);
- an event: a guess opening with an event trigger (`Rapat Paripurna`, `Sosialisasi`);
- page furniture and counts: a guess opening with a credit or opener word of
  `entity_words.tsv` (`Admin`, `Foto`, `Sebanyak 24`, `Suasana`), or a person after a credit
  (`Editor: Budi`);
- a verb or an action: a first word in the passive in -kan (`Dipaparkan`; `Divisi` is a
  noun), or, for places, an affixed noun of an action (`Pengibaran`, `Keberangkatan`) that is no region's name.

A trailing dash or colon is no part of a guess (`Dinas Kominfo Kab. X –` opening a text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pipeline.gazetteer import gazetteer
from pipeline.patterns import alternation
from pipeline.vocabulary import Vocabulary, role_table
from pipeline.vocabulary.events import trigger_key, trigger_lexicon

#: Shortest all-capitals word read as a headline word rather than an abbreviation.
HEADLINE_WORD = 4
#: Characters before a guess searched for a credit (`Editor :`).
CREDIT_WINDOW = 20

_PASSIVE = re.compile(r"di[a-z]{3,}kan")
_ACTION_NOUN = re.compile(r"(?:pe|ke|ber|se)[a-z]{3,}an")
_TRAILING = " \t-–—:;,"


def trimmed_end(text: str, start: int, end: int) -> int:
    """`end` before a trailing dash, colon or comma."""
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


def is_noise(text: str, start: int, words: Sequence[str], vocab: Vocabulary, *, place: bool) -> bool:
    """Whether a model guess with these (alphabetic) `words` at `start` is no place (`place`)
    or no body."""
    if not words:
        return True
    first = words[0].lower()
    table = role_table("entity_words.tsv")
    if first in table.words("credit") or first in table.words("opener"):
        return True
    if _credit_before().search(text, max(0, start - CREDIT_WINDOW), start):
        return True
    if vocab.titles.match(words, 0) or words[0] in vocab.acting_prefixes or first in vocab.descriptors:
        return True
    if _opens_with_trigger(words):
        return True
    if _headline_fragment(words, vocab) or _bare_unit(words, vocab):
        return True
    if _PASSIVE.fullmatch(first) and words[0] not in vocab.organisation_words:
        return True
    return place and _action_noun(words, vocab)


@cache
def _credit_before() -> re.Pattern[str]:
    """A credit word and a colon right before a guess (`Editor: `)."""
    return re.compile(rf"\b(?:{alternation(role_table('entity_words.tsv').words('credit'))})\s*:\s*$", re.I)


def _opens_with_trigger(words: Sequence[str]) -> bool:
    lexicon = trigger_lexicon()
    pattern = lexicon.starters.get(words[0].lower())
    match = pattern.match(" ".join(words)) if pattern is not None else None
    return match is not None and lexicon.entries[trigger_key(match.group("form"))].type is not None


def _headline_fragment(words: Sequence[str], vocab: Vocabulary) -> bool:
    if len(words) < 2 or not all(word.isupper() for word in words):
        return False
    return any(
        len(word) >= HEADLINE_WORD
        and not vocab.agencies.match([word], 0)
        and not vocab.organisations.match([word.title()], 0)
        and not gazetteer().lookup(word)
        for word in words
    )


def _bare_unit(words: Sequence[str], vocab: Vocabulary) -> bool:
    """One capitalised word at most, and that a region unit or the first word of a body that
    takes a name after it, not an abbreviation (`Kabupaten`, `Dinas`, `desa adat`, `Kecamatan
    baru`; `Polri` is a name)."""
    capitalised = [k for k, word in enumerate(words) if word[:1].isupper()]
    if len(capitalised) > 1:
        return False
    if not capitalised:
        return True
    k = capitalised[0]
    if words[k].isupper():
        return False
    opener = vocab.organisations.match(words, k)
    return bool(vocab.region_prefixes.match(words, k)) or (opener is not None and opener[1].takes != "none")


def _action_noun(words: Sequence[str], vocab: Vocabulary) -> bool:
    first = words[0]
    lowered = first.lower()
    if not _ACTION_NOUN.fullmatch(lowered) or first in vocab.organisation_words:
        return False
    if vocab.region_prefixes.match(words, 0) or vocab.venues.match(words, 0) or vocab.organisations.match(words, 0):
        return False
    return not gazetteer().lookup(first)
