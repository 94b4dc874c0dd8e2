"""The article's own place words: the capitalised words the person phrases read as places
although no lexicon lists them (`Kabupaten Deli Serdang`, `Polres Bantul`, the dateline)."""

from __future__ import annotations

import re

from pipeline.vocabulary.people import PersonWords
from pipeline.vocabulary.speech import SpeechLexicon

#: Words of a place name after `Kabupaten`, `Desa` ..., at most (`Deli Serdang`).
PLACE_WORDS = 2
_CAPITALISED = re.compile(r"[A-Z][\w’'-]*")
#: The capitalised words after a place-kind or organisation word, and what follows them.
_PLACE_RUN = re.compile(r"[ \t]+(?P<run>[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)*)(?P<after>[ \t]*(?:[^\w\s]|\w+))?")


def known_places(text: str, words: PersonWords, speech: SpeechLexicon, dateline_place: str | None) -> set[str]:
    """Words that name places in this article: the dateline; the first capitalised word
    after `Kota`, `Desa` ..., and the second too when a function word or punctuation
    follows (`Kabupaten Deli Serdang, ...`; not `Kota Malang Suherman mengatakan`); a single
    capitalised word after a body, unless a speech verb follows it (`Polres Bantul`, `Bank
    Mandiri`; not `Bappeda Ahmad Fauzi`, `BKN Parjiman mengatakan`)."""
    places: set[str] = set()
    for match in _CAPITALISED.finditer(text):
        position = match.start()
        if position and (text[position - 1].isalnum() or text[position - 1] in "_’'-"):
            continue
        word = match.group().lower()
        kind = words.kind(word)
        if kind not in ("place_kind", "organisation", "organisation_prefix"):
            continue
        run = _PLACE_RUN.match(text, position + len(word))
        if run is None:
            continue
        found = run.group("run").lower().split()
        after = (run.group("after") or "").strip()
        closed = not after or not after[0].isalnum() or speech.function(after) is not None
        if kind == "place_kind":
            places.update(found if closed and len(found) <= PLACE_WORDS else found[:1])
        elif len(found) == 1 and after.lower() not in speech.verbs:
            places.update(found)
    if dateline_place:
        places.update(dateline_place.lower().split())
    return places
