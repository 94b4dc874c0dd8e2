"""The batch runner: input folders -> `records.jsonl`, `errors.jsonl`, `summary.json`.

- Articles are read and cleaned in the main process and extracted in chunks, inline
  (`jobs=1`) or by worker processes that each load the spaCy pipeline once.
- New records are buffered and written as sorted part files in `OUT/.parts/`
  (atomically), so an interrupted run loses at most the unflushed buffer.
- At the end, the parts, and the records of earlier runs that are still valid (same
  doc_id, input hash, pipeline version and model), are merged by `doc_id` into
  `records.jsonl`, which is replaced atomically. A re-run therefore only extracts
  what changed, and an interrupted run is completed by running it again.
- This is the only place that catches exceptions from extraction: per article, into
  `errors.jsonl`.
"""

from __future__ import annotations

import heapq
import itertools
import json
import platform
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from types import FrameType

import spacy

from pipeline import __version__
from pipeline.extract import Extractor
from pipeline.ingest import Article, InputFailure, iter_articles
from pipeline.nlp import model_label
from pipeline.record import SCHEMA_VERSION
from pipeline.sinks import failure_line, record_line, write_json, write_lines

RECORDS = "records.jsonl"
ERRORS = "errors.jsonl"
SUMMARY = "summary.json"
PARTS = ".parts"
#: Articles per task sent to a worker.
CHUNK_SIZE = 32
#: Records buffered before they are written as a part file.
PART_SIZE = 2000


@dataclass(frozen=True, slots=True)
class BatchOptions:
    inputs: tuple[str, ...]
    out: Path
    jobs: int = 1
    model: str | None = None
    force: bool = False
    progress: bool = True


@dataclass(slots=True)
class _Reusable:
    """Records of earlier runs: doc_id -> (input hash, pipeline version, model)."""

    keys: dict[str, tuple[str, str, str]] = field(default_factory=dict)


@dataclass(slots=True)
class _Counts:
    found: int = 0
    extracted: int = 0
    reused: int = 0
    failed: int = 0


class Interrupted(Exception):
    """SIGTERM or SIGINT: stop after flushing what is done."""


def run_batch(options: BatchOptions) -> dict[str, object]:
    """Run a batch and return its summary (also written to `OUT/summary.json`)."""
    started = time.perf_counter()
    out = options.out
    parts_dir = out / PARTS
    parts_dir.mkdir(parents=True, exist_ok=True)
    _remove_temporary_files(out)
    with _signals_raise_interrupted():
        extractor_model = model_label(options.model)
        reusable = _Reusable() if options.force else _load_reusable(out)
        counts = _Counts()
        failures: list[InputFailure] = []
        kept: set[str] = set()
        runner = _Runner(options, parts_dir)
        try:
            articles = _new_articles(options, reusable, counts, failures, kept)
            runner.run(articles, counts, failures)
        finally:
            runner.close()
        records = _merge(out, parts_dir, kept, runner.written)
    failures.sort(key=lambda f: (f.path, f.line or 0, f.doc_id or ""))
    write_lines(out / ERRORS, (failure_line(f) for f in failures))
    seconds = time.perf_counter() - started
    summary: dict[str, object] = {
        "articles": {
            "found": counts.found,
            "extracted": counts.extracted,
            "reused": counts.reused,
            "failed": counts.failed,
            "written": records,
        },
        "errors_by_type": _count_by(failure.error for failure in failures),
        "seconds": round(seconds, 3),
        "articles_per_second": round(counts.extracted / seconds, 2) if seconds > 0 else None,
        "stage_seconds": {stage: round(value, 3) for stage, value in sorted(runner.stage_seconds.items())},
        "jobs": options.jobs,
        "inputs": list(options.inputs),
        "outputs": {"records": str(out / RECORDS), "errors": str(out / ERRORS)},
        "versions": {
            "pipeline": __version__,
            "schema": SCHEMA_VERSION,
            "model": extractor_model,
            "spacy": spacy.__version__,
            "python": platform.python_version(),
        },
    }
    write_json(out / SUMMARY, summary)
    return summary


def _new_articles(
    options: BatchOptions,
    reusable: _Reusable,
    counts: _Counts,
    failures: list[InputFailure],
    kept: set[str],
) -> Iterator[Article]:
    """Articles that need extracting; reusable ones are counted and kept, failures collected."""
    seen: set[str] = set()
    version_key = (__version__, model_label(options.model))
    for item in iter_articles(options.inputs):
        if isinstance(item, InputFailure):
            failures.append(item)
            counts.failed += 1
            continue
        counts.found += 1
        if item.doc_id in seen:
            failures.append(
                InputFailure(
                    item.source.path or "",
                    "duplicate_doc_id",
                    f"doc_id {item.doc_id!r} is already used by another article of this batch",
                    line=item.source.line,
                    doc_id=item.doc_id,
                )
            )
            counts.failed += 1
            continue
        seen.add(item.doc_id)
        previous = reusable.keys.get(item.doc_id)
        if previous is not None and previous == (item.source.sha256, *version_key):
            kept.add(item.doc_id)
            counts.reused += 1
            continue
        yield item


class _Runner:
    """Extracts chunks inline or in worker processes and writes finished records as parts."""

    def __init__(self, options: BatchOptions, parts_dir: Path) -> None:
        self.options = options
        self.parts_dir = parts_dir
        self.buffer: list[tuple[str, str]] = []
        self.written: set[str] = set()
        self.stage_seconds: dict[str, float] = {}
        self.part_number = _next_part_number(parts_dir)
        self.executor: ProcessPoolExecutor | None = None
        self.extractor: Extractor | None = None

    def run(self, articles: Iterable[Article], counts: _Counts, failures: list[InputFailure]) -> None:
        progress = _progress(self.options.progress)
        chunks = _chunks(articles, CHUNK_SIZE)
        if self.options.jobs <= 1:
            self.extractor = Extractor(self.options.model)
            for chunk in chunks:
                self._collect(_extract_chunk(self.extractor, chunk), counts, failures)
                progress(len(chunk))
            return
        in_flight: dict[Future[_ChunkResult], list[Article]] = {}
        self.executor = self._new_executor()
        for chunk in itertools.chain(chunks, [None]):
            if chunk is not None:
                in_flight[self.executor.submit(_worker_extract, chunk)] = chunk
            while in_flight and (chunk is None or len(in_flight) >= 2 * self.options.jobs):
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    finished = in_flight.pop(future)
                    self._collect(self._result(future, finished), counts, failures)
                    progress(len(finished))

    def _result(self, future: Future[_ChunkResult], chunk: list[Article]) -> _ChunkResult:
        try:
            return future.result()
        except BrokenProcessPool:
            # A worker died (out of memory, a crash in native code): those articles fail, the batch goes on.
            if self.executor is not None:
                self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._new_executor()
            return _ChunkResult(
                [],
                [_failure(article, "worker_crashed", "the worker process died while extracting") for article in chunk],
                {},
            )

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.options.jobs,
            mp_context=get_context("spawn"),
            initializer=_worker_init,
            initargs=(self.options.model,),
        )

    def _collect(self, result: _ChunkResult, counts: _Counts, failures: list[InputFailure]) -> None:
        self.buffer.extend(result.lines)
        counts.extracted += len(result.lines)
        failures.extend(result.failures)
        counts.failed += len(result.failures)
        for stage, seconds in result.stage_seconds.items():
            self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds
        if len(self.buffer) >= PART_SIZE:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        self.buffer.sort()
        path = self.parts_dir / f"part-{self.part_number:06d}.jsonl"
        write_lines(path, (line for _, line in self.buffer))
        self.written.update(doc_id for doc_id, _ in self.buffer)
        self.part_number += 1
        self.buffer = []

    def close(self) -> None:
        self.flush()
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)


@dataclass(slots=True)
class _ChunkResult:
    lines: list[tuple[str, str]]  # (doc_id, record line)
    failures: list[InputFailure]
    stage_seconds: dict[str, float]


def _extract_chunk(extractor: Extractor, chunk: list[Article]) -> _ChunkResult:
    """Extract a chunk; if anything fails, retry article by article so only the culprit fails."""
    before = dict(extractor.timer.seconds)
    try:
        lines = [(record.doc_id, record_line(record)) for record in extractor.extract_many(chunk)]
        failures: list[InputFailure] = []
    except Exception:
        lines, failures = [], []
        for article in chunk:
            try:
                lines.append((article.doc_id, record_line(extractor.extract(article))))
            except Exception as error:
                failures.append(_failure(article, "extraction_failed", f"{type(error).__name__}: {error}"))
    seconds = {stage: value - before.get(stage, 0.0) for stage, value in extractor.timer.seconds.items()}
    return _ChunkResult(lines, failures, seconds)


_worker_extractor: Extractor | None = None


def _worker_init(model: str | None) -> None:
    global _worker_extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides when to stop
    _worker_extractor = Extractor(model)


def _worker_extract(chunk: list[Article]) -> _ChunkResult:
    assert _worker_extractor is not None, "worker used before its initializer ran"
    return _extract_chunk(_worker_extractor, chunk)


def _failure(article: Article, error: str, message: str) -> InputFailure:
    return InputFailure(article.source.path or "", error, message, line=article.source.line, doc_id=article.doc_id)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _load_reusable(out: Path) -> _Reusable:
    """Index the records of earlier (finished or interrupted) runs that may be reused."""
    reusable = _Reusable()
    for path in [out / RECORDS, *sorted((out / PARTS).glob("part-*.jsonl"))]:
        for line in _read_lines(path):
            keys = _record_keys(line)
            if keys is not None:
                doc_id, *key = keys
                reusable.keys[doc_id] = (key[0], key[1], key[2])
    return reusable


def _record_keys(line: str) -> tuple[str, str, str, str] | None:
    try:
        record = json.loads(line)
        return (
            record["doc_id"],
            record["source"]["sha256"],
            record["pipeline"]["version"],
            record["pipeline"]["model"],
        )
    except (ValueError, KeyError, TypeError):
        return None


def _merge(out: Path, parts_dir: Path, kept: set[str], written: set[str]) -> int:
    """Merge new parts and still-valid earlier records into `records.jsonl`; returns its line count."""
    parts = sorted(parts_dir.glob("part-*.jsonl"))
    # Newest first: a part of this run wins over an earlier part, which wins over records.jsonl.
    sources = [*reversed(parts), out / RECORDS]
    keep = kept | written
    streams = [_ranked_lines(path, rank, keep) for rank, path in enumerate(sources)]
    previous: str | None = None

    def unique() -> Iterator[str]:
        nonlocal previous
        for doc_id, _, line in heapq.merge(*streams):
            if doc_id != previous:
                previous = doc_id
                yield line

    count = write_lines(out / RECORDS, unique())
    for part in parts:
        part.unlink(missing_ok=True)
    return count


def _ranked_lines(path: Path, rank: int, keep: set[str]) -> Iterator[tuple[str, int, str]]:
    """(doc_id, rank, line) of the records in `path` whose doc_id is in `keep`."""
    for line in _read_lines(path):
        keys = _record_keys(line)
        if keys is not None and keys[0] in keep:
            yield keys[0], rank, line


def _read_lines(path: Path) -> Iterator[str]:
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.endswith("\n"):  # a line without its newline was cut short: ignore it
                yield line[:-1]


def _next_part_number(parts_dir: Path) -> int:
    numbers = [int(path.stem.split("-")[1]) for path in parts_dir.glob("part-*.jsonl")]
    return max(numbers, default=0) + 1


def _remove_temporary_files(out: Path) -> None:
    for temporary in itertools.chain(out.glob(".*.tmp"), (out / PARTS).glob(".*.tmp")):
        temporary.unlink(missing_ok=True)


def _count_by(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items()))


def _progress(enabled: bool) -> Callable[[int], None]:
    if not enabled or not sys.stderr.isatty():
        return lambda _: None
    from tqdm import tqdm

    bar = tqdm(unit="article", file=sys.stderr, dynamic_ncols=True)
    return bar.update


@contextmanager
def _signals_raise_interrupted() -> Iterator[None]:
    """Within the block, SIGTERM raises `Interrupted` (SIGINT already raises KeyboardInterrupt)."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(f"stopped by signal {signum}")

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
