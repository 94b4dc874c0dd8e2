"""The stages, in the order they run, with what each reads and writes.

Like spaCy's `requires`/`assigns`, each stage declares the fields of `pipeline.state.ArticleState`
it reads and writes. Its function takes exactly the fields it reads as keyword arguments
(`doc` first) and returns what it writes: the value itself when it writes one field, else
an object with one attribute per field. `warnings` are added to, never replaced. Stages
never import each other: they share results only through the state.

`check_stages` verifies the table (every field read is an input or written by an earlier
stage; the functions take exactly what they declare) and runs in the tests;
`describe_stages` prints it (`python -m pipeline stages`).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.stages.dateline import extract_dateline
from pipeline.stages.dates import extract_dates
from pipeline.stages.entities import extract_entities
from pipeline.stages.events import extract_event
from pipeline.stages.guesses import drop_model_guesses
from pipeline.stages.language import language_warnings
from pipeline.stages.officials import extract_officials
from pipeline.stages.organisations import extract_organisations
from pipeline.stages.people import extract_people
from pipeline.stages.places import extract_places
from pipeline.stages.quotes import extract_quotes
from pipeline.state import INPUTS, ArticleState


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    function: Callable[..., Any]
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def run(self, state: ArticleState) -> ArticleState:
        doc, *others = self.reads
        result = self.function(state.read(doc), **{name: state.read(name) for name in others})
        if len(self.writes) == 1:
            return state.with_results({self.writes[0]: result})
        return state.with_results({name: getattr(result, name) for name in self.writes})


STAGES: tuple[Stage, ...] = (
    Stage("dateline", extract_dateline, reads=("doc",), writes=("dateline",)),
    Stage("dates", extract_dates, reads=("doc", "published", "dateline"), writes=("dates", "warnings")),
    Stage("entities", extract_entities, reads=("doc",), writes=("entities",)),
    Stage("places", extract_places, reads=("doc", "dateline", "url", "entities"), writes=("places", "home")),
    Stage("organisations", extract_organisations, reads=("doc", "places", "entities"), writes=("organisations",)),
    Stage(
        "people",
        extract_people,
        reads=("doc", "dateline", "places", "organisations", "entities"),
        writes=("people",),
    ),
    Stage("officials", extract_officials, reads=("people", "organisations", "home"), writes=("officials", "persons")),
    Stage(
        "guesses",
        drop_model_guesses,
        reads=("people", "places", "organisations"),
        writes=("places", "organisations"),
    ),
    Stage(
        "events",
        extract_event,
        reads=("doc", "dates", "published", "title", "places", "home", "dateline"),
        writes=("event", "other_events", "dates", "warnings"),
    ),
    Stage("quotes", extract_quotes, reads=("doc", "people"), writes=("quotes", "warnings")),
    Stage("language", language_warnings, reads=("doc",), writes=("warnings",)),
)


def check_stages(stages: Sequence[Stage] = STAGES) -> list[str]:
    """What is wrong with a stage table: each problem as a sentence (none for a sound table)."""
    problems = []
    written = set(INPUTS)
    names = [stage.name for stage in stages]
    if len(names) != len(set(names)):
        problems.append(f"stage names repeat: {names}")
    for stage in stages:
        problems += [
            f"{stage.name} reads {name!r}, which no earlier stage writes" for name in stage.reads if name not in written
        ]
        problems += [f"{stage.name} writes the input {name!r}" for name in stage.writes if name in INPUTS[:-1]]
        parameters = list(inspect.signature(stage.function).parameters)
        if parameters != list(stage.reads):
            problems.append(f"{stage.name}: {stage.function.__name__}{tuple(parameters)} does not take {stage.reads}")
        written.update(stage.writes)
    return problems


def describe_stages(stages: Sequence[Stage] = STAGES) -> str:
    """The stage table as text: one line per stage, what it reads and writes."""
    width = max(len(stage.name) for stage in stages)
    lines = [f"{'stage':<{width}}  reads -> writes"]
    for stage in stages:
        lines.append(f"{stage.name:<{width}}  {', '.join(stage.reads)} -> {', '.join(stage.writes)}")
    return "\n".join(lines)
