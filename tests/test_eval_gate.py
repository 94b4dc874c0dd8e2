"""Regression gate: every evaluation metric stays at or above its committed threshold.

The evaluation runs once per session (one extractor) on the shared dev data; each metric
of `eval_thresholds.json` is one test. Raise a threshold whenever a change improves a
score (the measured value rounded down to 3 decimals); never lower one without saying
why in the commit. A new metric needs a threshold too. Skipped when `../shared/eval` is
absent.
"""

from __future__ import annotations

import json
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
    missing = sorted(set(metrics) - set(THRESHOLDS))
    assert not missing, f"metrics without a threshold in {THRESHOLDS_FILE.name}: {', '.join(missing)}"


def test_thresholds_are_scores() -> None:
    wrong = {name: value for name, value in THRESHOLDS.items() if not 0.0 <= value <= 1.0}
    assert not wrong, f"thresholds must be between 0 and 1: {wrong}"
