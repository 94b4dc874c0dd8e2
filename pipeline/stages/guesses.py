"""Model guesses: the NER model's places and organisations give way to the people the rules found.

The model sometimes calls a person's name a place or an organisation (`Hasnah` as LOC); where
the people stage found a person, the model's guess (rule `ner`) is dropped.
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
    return Guesses(
        places=[p for p in places if p.rule != "ner" or not named.overlaps(p.start, p.end)],
        organisations=[o for o in organisations if o.rule != "ner" or not named.overlaps(o.start, o.end)],
    )
