"""What the stages share about one article: `ArticleState`, filled in stage by stage.

The stages are declared in `pipeline.stages.STAGES`, each with the fields of the state it
reads and writes. The state is frozen: a stage never changes what an earlier one wrote, it
returns its own results, and the runner makes the next state from them. The record is
built from the final state (`pipeline.extract`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from pipeline.gazetteer import Region
from pipeline.record import (
    Dateline,
    DateMention,
    Event,
    Official,
    Organisation,
    Person,
    Place,
    Quote,
    RecordWarning,
)

if TYPE_CHECKING:
    from pipeline.inventory import People

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Entities:
    """The character spans of the NER model's entities, by kind (none for the blank pipeline)."""

    persons: tuple[Span, ...] = ()
    locations: tuple[Span, ...] = ()
    organisations: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleState:
    """One article on its way through the stages. The first block is the input; every other
    field is written by the stage that `pipeline.stages.STAGES` names for it."""

    doc: Doc
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    #: Accumulated: each stage that writes `warnings` adds to them.
    warnings: tuple[RecordWarning, ...] = ()

    dateline: Dateline | None = None
    dates: list[DateMention] = field(default_factory=list)
    entities: Entities = field(default_factory=Entities)
    places: list[Place] = field(default_factory=list)
    home: Region | None = None
    organisations: list[Organisation] = field(default_factory=list)
    people: People | None = None
    officials: list[Official] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    event: Event = field(default_factory=Event)
    other_events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def read(self, name: str) -> Any:
        return getattr(self, name)

    def with_results(self, results: dict[str, Any]) -> ArticleState:
        """The next state: `results` replace their fields, except warnings, which are added."""
        if "warnings" in results:
            results = {**results, "warnings": (*self.warnings, *results["warnings"])}
        return dataclasses.replace(self, **results)


#: The fields every state starts with (not written by any stage).
INPUTS = ("doc", "published", "url", "title", "warnings")
