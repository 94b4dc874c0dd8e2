"""Regression gate: every evaluation metric stays at or above its committed threshold.

The evaluation runs once per session (one extractor) on the shared dev data; each metric
of `eval_thresholds.json` is one test. Raise a threshold whenever a change improves a
score (the measured value rounded down to 3 decimals); never lower one without saying
why in the commit. A new metric needs a threshold too, except the ungated ones: pfsa labels
no indirect statements (`../shared/eval/README.md`), so there every reported statement the
pipeline finds, right or wrong, counts as a false alarm in the precision and F1 of all quotes
and of indirect quotes; only its direct quotes and the recall of all quotes are gated. Skipped
when `../shared/eval` is absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.evaluate import run_evaluation

SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
GOLD = [
    SHARED_EVAL / "pfsa" / "dev.jsonl",
    SHARED_EVAL / "gov" / "dev.jsonl",
    SHARED_EVAL / "gov" / "seed.jsonl",
    SHARED_EVAL / "gov" / "real-dev.jsonl",
]
THRESHOLDS_FILE = Path(__file__).resolve().parent / "eval_thresholds.json"
THRESHOLDS: dict[str, float] = json.loads(THRESHOLDS_FILE.read_text(encoding="utf-8"))
#: Metrics that mean nothing on their set (see the module's docstring): never gated.
UNGATED = re.compile(r"^pfsa/[^:]+:quotes\.(all\.(p|f1)|indirect\.)")

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SHARED_EVAL.is_dir(), reason=f"no shared evaluation data at {SHARED_EVAL}"),
]


@pytest.fixture(scope="module")
def metrics() -> dict[str, float]:
    return run_evaluation(GOLD).metrics()


@pytest.mark.parametrize("metric", sorted(THRESHOLDS))
def test_metric_at_or_above_threshold(metrics: dict[str, float], metric: str) -> None:
    threshold = THRESHOLDS[metric]
    assert metric in metrics, f"{metric} is no longer computed (threshold {threshold}); rename or remove it"
    value = metrics[metric]
    assert value >= threshold, f"{metric} = {value:.4f} is below its threshold {threshold}"


def test_every_metric_has_a_threshold(metrics: dict[str, float]) -> None:
    missing = sorted(name for name in set(metrics) - set(THRESHOLDS) if not UNGATED.match(name))
    assert not missing, f"metrics without a threshold in {THRESHOLDS_FILE.name}: {', '.join(missing)}"


def test_no_ungated_metric_has_a_threshold() -> None:
    assert not [name for name in THRESHOLDS if UNGATED.match(name)]


def test_thresholds_are_scores() -> None:
    wrong = {name: value for name, value in THRESHOLDS.items() if not 0.0 <= value <= 1.0}
    assert not wrong, f"thresholds must be between 0 and 1: {wrong}"
