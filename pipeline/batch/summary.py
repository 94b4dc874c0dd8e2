"""What a run counts (`Tally`) and `OUT/summary.json`: counts, errors by type, seconds, time per
stage, peak memory per worker process, versions."""

from __future__ import annotations

import platform
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import spacy

from pipeline import __version__
from pipeline.batch.parts import RECORDS
from pipeline.batch.worker import ChunkResult, peak_rss_mb
from pipeline.ingest import InputFailure
from pipeline.record import SCHEMA_VERSION

ERRORS = "errors.jsonl"
SUMMARY = "summary.json"
RECORD_KEY_BYTES = 16


@dataclass(slots=True)
class Counts:
    found: int = 0
    extracted: int = 0
    reused: int = 0
    failed: int = 0


@dataclass(slots=True)
class Tally:
    """Counts, failures, reused keys, stage times and memory, summed over the results of a run."""

    counts: Counts = field(default_factory=Counts)
    failures: list[InputFailure] = field(default_factory=list)
    reused: bytearray = field(default_factory=bytearray)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    #: Peak RSS by worker process (`host:pid`).
    worker_rss: dict[str, float] = field(default_factory=dict)

    def fail(self, failure: InputFailure) -> None:
        self.failures.append(failure)
        self.counts.failed += 1

    def reuse(self, key: bytes) -> None:
        self.reused += key
        self.counts.reused += 1

    def collect(self, result: ChunkResult) -> None:
        counts = self.counts
        counts.found += result.found
        counts.extracted += len(result.lines)
        counts.reused += len(result.reused) // RECORD_KEY_BYTES
        self.reused += result.reused
        for failure in result.failures:
            self.fail(failure)
        for stage, seconds in result.stage_seconds.items():
            self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds
        if result.peak_rss_mb is not None:
            self.worker_rss[result.worker] = max(result.peak_rss_mb, self.worker_rss.get(result.worker, 0.0))

    def sorted_failures(self) -> list[InputFailure]:
        return sorted(self.failures, key=lambda f: (f.path, f.line or 0, f.doc_id or ""))


@dataclass(frozen=True, slots=True)
class RunInfo:
    """What the summary says about the run besides the tally."""

    inputs: tuple[str, ...]
    out: Path
    engine: str
    jobs: int
    build: str
    model: str
    written: int
    seconds: float
    #: Seconds to start the engine (a `LocalCluster`, or connecting to a scheduler).
    start_seconds: float
    finish_seconds: dict[str, float]
    main_cpu_seconds: float


def summary(tally: Tally, info: RunInfo) -> dict[str, object]:
    counts = tally.counts
    failures = tally.sorted_failures()
    seconds = info.seconds
    return {
        "articles": {
            "found": counts.found,
            "extracted": counts.extracted,
            "reused": counts.reused,
            "failed": counts.failed,
            "written": info.written,
        },
        "errors_by_type": count_by(failure.error for failure in failures),
        "seconds": round(seconds, 3),
        "articles_per_second": round(counts.extracted / seconds, 2) if seconds > 0 else None,
        "start_seconds": round(info.start_seconds, 3),
        "stage_seconds": {stage: round(value, 3) for stage, value in sorted(tally.stage_seconds.items())},
        "finish_seconds": {name: round(value, 3) for name, value in info.finish_seconds.items()},
        "main_cpu_seconds": round(info.main_cpu_seconds, 3),
        "peak_rss_mb": {"main": peak_rss_mb(), "workers": sorted(tally.worker_rss.values(), reverse=True)},
        "engine": info.engine,
        "jobs": info.jobs,
        "inputs": list(info.inputs),
        "outputs": {"records": str(info.out / RECORDS), "errors": str(info.out / ERRORS)},
        "versions": {
            "pipeline": __version__,
            "build": info.build,
            "schema": SCHEMA_VERSION,
            "model": info.model,
            "spacy": spacy.__version__,
            "python": platform.python_version(),
        },
    }


def count_by(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items()))
