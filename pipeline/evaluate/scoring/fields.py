"""Officials (name, role, jurisdiction) and the event fields of a gov article."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline.evaluate.gold import (
    GovGold,
    GovOfficial,
)
from pipeline.evaluate.predicted import Prediction, PredOfficial
from pipeline.evaluate.scoring.quotes import Matching, matching, name_matches
from pipeline.evaluate.scoring.rules import OFFICIAL_LEVELS
from pipeline.evaluate.scoring.spans import greedy_pairs
from pipeline.evaluate.scoring.text import loosely_equal, normalise


def roles_match(gold: str | None, predicted: str | None) -> bool:
    return normalise(gold) == normalise(predicted)


def jurisdictions_match(gold: str | None, predicted: str | None) -> bool:
    """Normalised equal, or one contains the other as whole words."""
    return loosely_equal(gold, predicted)


def official_score(gold: GovOfficial, pred: PredOfficial, level: str) -> float:
    """How well a predicted official matches a gold one at `level`; 0 when they do not.

    The name must match (the canonical name scores above an alias); at `name_role` the
    role must match too, at `name_role_jurisdiction` also the jurisdiction. Agreeing fields
    beyond those required only break ties in the greedy pairing.
    """
    if normalise(pred.name) and normalise(pred.name) == normalise(gold.name):
        name = 2
    elif name_matches(pred.name, gold.name, gold.aliases):
        name = 1
    else:
        return 0.0
    role = roles_match(gold.role, pred.role)
    jurisdiction = jurisdictions_match(gold.jurisdiction, pred.jurisdiction)
    if level != "name" and not role:
        return 0.0
    if level == "name_role_jurisdiction" and not jurisdiction:
        return 0.0
    return 4.0 * name + 2.0 * role + 1.0 * jurisdiction


def match_officials(gold: Sequence[GovOfficial], pred: Sequence[PredOfficial]) -> dict[str, Matching]:
    """One-to-one official matchings at each level of `OFFICIAL_LEVELS`."""
    result: dict[str, Matching] = {}
    for level in OFFICIAL_LEVELS:
        candidates = [
            (gold_index, pred_index, score)
            for gold_index, gold_official in enumerate(gold)
            for pred_index, pred_official in enumerate(pred)
            if (score := official_score(gold_official, pred_official, level)) > 0
        ]
        result[f"officials.{level}"] = matching(greedy_pairs(candidates), range(len(gold)), range(len(pred)))
    return result


# --- event fields ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldCheck:
    field: str
    gold: str | None
    predicted: str | None
    correct: bool


def _field_check(name: str, gold: str | None, predicted: str | None, same: Callable[[str, str], bool]) -> FieldCheck:
    if gold is None or not gold.strip():
        correct = predicted is None or not predicted.strip()
    else:
        correct = predicted is not None and same(gold, predicted)
    return FieldCheck(name, gold, predicted, correct)


def event_checks(gold: GovGold, pred: Prediction) -> list[FieldCheck]:
    """Event field checks; a null prediction is wrong, and right only when the gold is null too."""

    def equal(first: str, second: str) -> bool:
        return normalise(first) == normalise(second)

    return [
        _field_check(
            "date",
            gold.event_date.isoformat() if gold.event_date else None,
            pred.event_date.isoformat() if pred.event_date else None,
            operator.eq,
        ),
        _field_check("type", gold.event_type, pred.event_type, equal),
        _field_check("dateline", gold.dateline, pred.dateline, equal),
        _field_check("place", gold.event_place, pred.event_place, loosely_equal),
        _field_check("region", gold.event_region, pred.event_region, equal),
    ]
