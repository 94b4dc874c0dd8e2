"""Model guesses: the NER model's places and organisations give way to the people the rules found.

The model sometimes calls a person's name a place or an organisation (`Hasnah` as LOC); where
the people stage found a person, the model's guess (rule `ner`) is dropped. An organisation
the model ran on into the name of the person after it (`Bank Sukamaju Budi Hartono`) is cut
before the name instead, when words are left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.inventory import People
from pipeline.record import Organisation, Place
from pipeline.spans import Coverage


@dataclass(frozen=True, slots=True)
class Guesses:
    places: list[Place]
    organisations: list[Organisation]


def drop_model_guesses(people: People, *, places: Sequence[Place], organisations: Sequence[Organisation]) -> Guesses:
    """The places and organisations without the model's guesses that overlap a person's mention."""
    named = Coverage((m.start, m.end) for m in people.mentions())
    kept: list[Organisation] = []
    for organisation in organisations:
        if organisation.rule != "ner" or not named.overlaps(organisation.start, organisation.end):
            kept.append(organisation)
        elif not named.covers(organisation.start) and (cut := _cut_before_person(organisation, people)) is not None:
            kept.append(cut)
    return Guesses(
        places=[p for p in places if p.rule != "ner" or not named.overlaps(p.start, p.end)],
        organisations=kept,
    )


def _cut_before_person(organisation: Organisation, people: People) -> Organisation | None:
    """The organisation up to the first person's mention inside it, if that mention runs on to
    its end and words are left before it."""
    inside = people.mentions_between(organisation.start, organisation.end)
    if not inside or inside[0].end < organisation.end:
        return None
    text = organisation.text[: inside[0].start - organisation.start].rstrip(" ,")
    if not any(char.isalpha() for char in text):
        return None
    return organisation.model_copy(update={"text": text, "end": organisation.start + len(text), "name": text})
