"""The batch runner: inputs -> `records.jsonl`, `errors.jsonl`, `summary.json` and the Parquet tables.

- The main process lists the input files. A file holding one article (.txt, .md,
  .html) is sent to a worker as it is: reading, decoding and cleaning it is the
  worker's job, so ingest scales with `jobs`. JSON and JSON Lines files are read in the
  main process, since their doc_ids are inside them, and their articles are sent.
- A doc_id belongs to the first input that claims it (in the sorted input order);
  later claims fail as `duplicate_doc_id`.
- An article whose key (doc_id, input hash, pipeline version, model) is the key of a
  record of an earlier run (`records.jsonl`, or a part left by an interrupted run) is
  reused, not extracted; `force` turns this off. The index of those keys holds 16
  bytes per record (`KeyIndex`).
- Workers are spawned processes, or the main process itself with `jobs=1`; each builds
  the spaCy pipeline once, on the first article it has to extract, and exits if the main
  process disappears. A worker that dies costs the article that killed it (its chunk is
  retried one article at a time); an article that takes longer than `timeout` fails
  alone as `timeout`.
- New records are buffered in the main process and written as sorted part files in
  `OUT/.parts/` every `PART_SIZE` records or `FLUSH_SECONDS`, so a kill -9 loses at
  most that buffer; SIGINT and SIGTERM write it (and what the workers finished) first.
- At the end, the parts of this run and the reused records are merged by doc_id into
  `records.jsonl`, then the workers build the Parquet tables from it (`pipeline.tables`).
  Every output file is replaced atomically (`pipeline.sinks`), so whatever stops the
  run, each file is either the old one or the new one, and re-running the command
  completes the output.
- This is the only place that catches exceptions from ingest and extraction: per file
  or article, into `errors.jsonl`.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import json
import os
import platform
import re
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from types import FrameType
from typing import TypeVar

import numpy
import spacy

from pipeline import __version__
from pipeline.extract import Extractor, StageTimer
from pipeline.fingerprint import build_fingerprint
from pipeline.ingest import Article, InputFailure, InputFile, article_from_text, discover, read_file
from pipeline.ingest.readers import JSON_SUFFIXES
from pipeline.nlp import model_label
from pipeline.record import SCHEMA_VERSION
from pipeline.sinks import failure_line, record_line, write_json, write_lines
from pipeline.tables import RECORDS_PER_GROUP, Segment, write_tables

RECORDS = "records.jsonl"
ERRORS = "errors.jsonl"
SUMMARY = "summary.json"
PARTS = ".parts"
#: Articles per task sent to a worker (small enough that the workers finish together).
CHUNK_SIZE = 16
#: Records buffered before they are written as a part file ...
PART_SIZE = 2000
#: ... or seconds since the oldest buffered record arrived, whichever comes first.
FLUSH_SECONDS = 60.0
#: Most files read at once while merging; more parts are merged in rounds.
MERGE_FAN_IN = 64
#: Articles per spaCy batch: with a trained model, larger batches raise the peak memory (32: +300 MB)
#: without making it faster.
NLP_BATCH_SIZE = 8
#: Tasks in flight per worker, so a worker never waits for the main process.
TASKS_PER_WORKER = 2
#: Extracted by each worker when it loads the pipeline, so that the stages load their data.
WARM_UP = "JAKARTA – Wali Kota Serang, Budi Santoso, meresmikan Taman Baca, Senin (6/10/2025). “Bagus,” kata Budi."
#: Seconds an article may take, by default: a pathological input must not hold a batch for hours.
ARTICLE_TIMEOUT = 600.0

#: An input a worker processes: a one-article file it reads, or an article read by the main process.
Item = InputFile | Article
A = TypeVar("A")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class BatchOptions:
    inputs: tuple[str, ...]
    out: Path
    jobs: int = 1
    model: str | None = None
    force: bool = False
    progress: bool = True
    #: Seconds an article may take to read or to extract before it fails as `timeout` (None: no limit).
    timeout: float | None = ARTICLE_TIMEOUT
    #: Longest article text in characters; a longer one fails as `too_large` (None: no limit).
    max_chars: int | None = None


class Interrupted(BaseException):
    """SIGTERM: stop after writing what is done. A `BaseException`, like `KeyboardInterrupt`,
    so that the per-article `except Exception` of the runner never swallows it."""


class KeyIndex:
    """A set of 16-byte record keys kept as one sorted NumPy array: 16 MB per million records."""

    def __init__(self, keys: bytes | bytearray = b"") -> None:
        self._keys = numpy.unique(numpy.frombuffer(bytes(keys), dtype="V16"))

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, bytes) or len(key) != 16:
            return False
        position = int(numpy.searchsorted(self._keys, numpy.frombuffer(key, dtype="V16")[0]))
        return position < len(self._keys) and self._keys[position].tobytes() == key


def _build_label(version: str, build: str | None) -> str:
    return f"{version}+{build}" if build else version


def record_key(doc_id: str, sha256: str, version: str, model: str) -> bytes:
    """The 16-byte key under which a record is reused: same doc_id, input, pipeline and model."""
    data = "\x00".join((doc_id, sha256, version, model)).encode("utf-8", errors="surrogatepass")
    return hashlib.blake2b(data, digest_size=16).digest()


@dataclass(slots=True)
class _Counts:
    found: int = 0
    extracted: int = 0
    reused: int = 0
    failed: int = 0


def run_batch(options: BatchOptions) -> dict[str, object]:
    """Run a batch and return its summary (also written to `OUT/summary.json`)."""
    started = time.perf_counter()
    cpu_started = time.process_time()
    out = options.out
    parts_dir = out / PARTS
    parts_dir.mkdir(parents=True, exist_ok=True)
    _remove_temporary_files(out)
    with _signals_raise_interrupted():
        version = (_build_label(__version__, build_fingerprint()), model_label(options.model))
        reusable = KeyIndex() if options.force else _load_reusable(out)
        first_part = _next_part_number(parts_dir)
        runner = _Runner(options, parts_dir, first_part, _Worker(options.model, version, reusable, options.timeout))
        try:
            runner.run(_chunks(_items(options.inputs, runner), CHUNK_SIZE))
            runner.flush()
            finished = time.perf_counter()
            merged = _merge(out, parts_dir, first_part, KeyIndex(runner.reused))
            merge_seconds = time.perf_counter() - finished
            write_tables(out, merged.sha256, merged.segments, runner.map)
            table_seconds = time.perf_counter() - finished - merge_seconds
        finally:
            runner.close()
    failures = sorted(runner.failures, key=lambda f: (f.path, f.line or 0, f.doc_id or ""))
    write_lines(out / ERRORS, (failure_line(f) for f in failures))
    seconds = time.perf_counter() - started
    counts = runner.counts
    summary: dict[str, object] = {
        "articles": {
            "found": counts.found,
            "extracted": counts.extracted,
            "reused": counts.reused,
            "failed": counts.failed,
            "written": merged.lines,
        },
        "errors_by_type": _count_by(failure.error for failure in failures),
        "seconds": round(seconds, 3),
        "articles_per_second": round(counts.extracted / seconds, 2) if seconds > 0 else None,
        "stage_seconds": {stage: round(value, 3) for stage, value in sorted(runner.stage_seconds.items())},
        "finish_seconds": {"merge": round(merge_seconds, 3), "tables": round(table_seconds, 3)},
        "main_cpu_seconds": round(time.process_time() - cpu_started, 3),
        "peak_rss_mb": {
            "main": _peak_rss_mb(),
            "workers": sorted(runner.worker_rss.values(), reverse=True),
        },
        "jobs": options.jobs,
        "inputs": list(options.inputs),
        "outputs": {"records": str(out / RECORDS), "errors": str(out / ERRORS)},
        "versions": {
            "pipeline": __version__,
            "build": build_fingerprint(),
            "schema": SCHEMA_VERSION,
            "model": version[1],
            "spacy": spacy.__version__,
            "python": platform.python_version(),
        },
    }
    write_json(out / SUMMARY, summary)
    return summary


def _items(inputs: Iterable[str], runner: _Runner) -> Iterator[Item]:
    """What the workers get, in input order; duplicates and failures of the main process go to the runner."""
    files, failures = discover(inputs, max_chars=runner.options.max_chars)
    for failure in failures:
        runner.fail(failure)
    claimed: set[str] = set()
    files.reverse()
    while files:
        file = files.pop()  # dropped from the list as it is sent: a `Path` costs about 500 bytes
        if file.path.suffix.lower() not in JSON_SUFFIXES:
            if _claim(file.doc_id, str(file.path), None, claimed, runner):
                yield file
            continue
        for item in _read_guarded(file):
            if isinstance(item, InputFailure):
                runner.fail(item)
            elif _claim(item.doc_id, item.source.path or "", item.source.line, claimed, runner):
                runner.counts.found += 1
                if not runner.reuse(item):
                    yield item


def _claim(doc_id: str, path: str, line: int | None, claimed: set[str], runner: _Runner) -> bool:
    if doc_id not in claimed:
        claimed.add(doc_id)
        return True
    message = f"doc_id {doc_id!r} is already used by an earlier input of this batch"
    runner.fail(InputFailure(path, "duplicate_doc_id", message, line=line, doc_id=doc_id))
    return False


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


@dataclass(slots=True)
class _ChunkResult:
    lines: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, record line)
    failures: list[InputFailure] = field(default_factory=list)
    reused: bytearray = field(default_factory=bytearray)  # 16-byte keys
    found: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    pid: int = 0
    peak_rss_mb: float | None = None


@dataclass(slots=True)
class _Worker:
    """What a worker process (the main process when `jobs=1`) keeps between chunks."""

    model: str | None
    #: (pipeline version, model label) of the records it makes.
    version: tuple[str, str]
    reusable: KeyIndex
    #: Seconds an article may take (to read, or to extract) before it fails as `timeout`.
    timeout: float | None = None
    timer: StageTimer = field(default_factory=StageTimer)
    built: Extractor | None = None

    @property
    def extractor(self) -> Extractor:
        """Built on first use: a run that reuses every record never loads the model.

        A short article is extracted right away, so that the lexicons and the gazetteer the
        stages load on first use are loaded now: their time is `load` in the summary, not
        part of the first article's stages.
        """
        if self.built is None:
            with self.timer("load"):
                extractor = Extractor(self.model)
                # A stage that fails on this article fails (and is reported) per article later.
                with suppress(Exception):
                    extractor.extract(article_from_text(WARM_UP, doc_id="warm-up"))
                extractor.timer.seconds.clear()
            self.built = extractor
        return self.built

    def key(self, article: Article) -> bytes:
        return record_key(article.doc_id, article.source.sha256, *self.version)

    def process(self, items: list[Item]) -> _ChunkResult:
        """Read the files, skip the reusable articles, extract the others."""
        result = _ChunkResult(pid=os.getpid())
        articles: list[Article] = []
        for item in items:
            if isinstance(item, Article):  # read and checked by the main process
                articles.append(item)
                continue
            with self.timer("ingest"):
                read = _read_limited(item, self.timeout)
            for article in read:
                if isinstance(article, InputFailure):
                    result.failures.append(article)
                    continue
                result.found += 1
                key = self.key(article)
                if key in self.reusable:
                    result.reused += key
                else:
                    articles.append(article)
        if articles:
            self._extract(articles, result)
        result.stage_seconds = self._take_seconds()
        result.peak_rss_mb = _peak_rss_mb()
        return result

    def _extract(self, articles: list[Article], result: _ChunkResult) -> None:
        """Extract a chunk in one spaCy batch; from an article that fails on, one at a time."""
        extractor = self.extractor  # outside the try: a model that cannot be loaded stops the batch
        records = extractor.extract_many(articles, batch_size=NLP_BATCH_SIZE)
        done = 0
        try:
            for article in articles:
                with _time_limit(self.timeout):
                    record = next(records)
                with self.timer("serialize"):
                    result.lines.append((article.doc_id, record_line(record)))
                done += 1
        except ArticleTimeout:
            result.failures.append(_timeout(articles[done], self.timeout))
            done += 1
        except Exception:  # which article failed is found out below
            records.close()
        for article in articles[done:]:
            try:
                with _time_limit(self.timeout):
                    record = extractor.extract(article)
                with self.timer("serialize"):
                    result.lines.append((article.doc_id, record_line(record)))
            except ArticleTimeout:
                result.failures.append(_timeout(article, self.timeout))
            except Exception as error:
                result.failures.append(_failure(article, "extraction_failed", f"{type(error).__name__}: {error}"))

    def _take_seconds(self) -> dict[str, float]:
        seconds = dict(self.timer.seconds)
        self.timer.seconds.clear()
        if self.built is not None:
            for stage, value in self.built.timer.seconds.items():
                seconds[stage] = seconds.get(stage, 0.0) + value
            self.built.timer.seconds.clear()
        return seconds


def _read_guarded(file: InputFile) -> Iterator[Article | InputFailure]:
    """`read_file`, plus the failures it does not foresee: a FIFO or device, a bug in ingest."""
    if file.path.exists() and not file.path.is_file():
        yield InputFailure(str(file.path), "unreadable", "not a regular file", doc_id=file.doc_id)
        return
    try:
        yield from read_file(file)
    except Exception as error:
        yield InputFailure(str(file.path), "ingest_failed", f"{type(error).__name__}: {error}", doc_id=file.doc_id)


def _read_limited(file: InputFile, timeout: float | None) -> list[Article | InputFailure]:
    try:
        with _time_limit(timeout):
            return list(_read_guarded(file))
    except ArticleTimeout:
        return [_timeout(file, timeout)]


def _timeout(item: Item, seconds: float | None) -> InputFailure:
    doing = "reading the file" if isinstance(item, InputFile) else "extracting the article"
    return _failure(item, "timeout", f"{doing} took more than {seconds:g} s")


class ArticleTimeout(BaseException):
    """An article took longer than its time limit. A `BaseException`, so that no `except Exception`
    on the way (in a stage or a library) swallows it."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `ArticleTimeout` in the block after `seconds`, and every second after that until it
    ends (in case something swallowed the first). A no-op without SIGALRM (Windows), outside the
    main thread, or with `seconds=None`."""
    if seconds is None or not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _failure(item: Item, error: str, message: str) -> InputFailure:
    if isinstance(item, InputFile):
        return InputFailure(str(item.path), error, message, doc_id=item.doc_id)
    return InputFailure(item.source.path or "", error, message, line=item.source.line, doc_id=item.doc_id)


@dataclass(frozen=True, slots=True)
class _Task:
    items: list[Item]
    #: A single item retried after its chunk's worker died: if it dies again, it is the culprit.
    isolated: bool = False


#: The worker of this process, set by `_worker_init` in worker processes.
_worker: _Worker | None = None


def _worker_init(worker: _Worker) -> None:
    global _worker
    _worker = worker
    # The main process decides when to stop: Ctrl-C reaches the whole process group.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()


def _worker_process(items: list[Item]) -> _ChunkResult:
    assert _worker is not None, "worker used before its initializer ran"
    return _worker.process(items)


def _exit_when_orphaned(parent: int) -> None:
    """Exit when the main process is gone (killed with -9): nobody would ever send more work."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


class _Runner:
    """Sends chunks to the worker(s), collects counts and failures, writes new records as parts."""

    def __init__(
        self,
        options: BatchOptions,
        parts_dir: Path,
        first_part: int,
        worker: _Worker,
        task: Callable[[list[Item]], _ChunkResult] = _worker_process,
    ) -> None:
        self.options = options
        self.parts_dir = parts_dir
        self.part_number = first_part
        self.worker = worker
        self.task = task
        self.counts = _Counts()
        self.failures: list[InputFailure] = []
        self.reused = bytearray()
        self.stage_seconds: dict[str, float] = {}
        self.worker_rss: dict[int, float] = {}
        self.buffer: list[tuple[str, str]] = []
        self.buffered_since = 0.0
        self.executor: ProcessPoolExecutor | None = None
        self.in_flight: dict[Future[_ChunkResult], tuple[_Task, ProcessPoolExecutor]] = {}
        self.progress = _progress(options.progress)

    def fail(self, failure: InputFailure) -> None:
        self.failures.append(failure)
        self.counts.failed += 1

    def reuse(self, article: Article) -> bool:
        """True (and counted) when an article read by the main process has a current record."""
        key = self.worker.key(article)
        if key not in self.worker.reusable:
            return False
        self.reused += key
        self.counts.reused += 1
        return True

    def run(self, chunks: Iterator[list[Item]]) -> None:
        if self.options.jobs <= 1:
            for chunk in chunks:
                self._collect(self.worker.process(chunk), len(chunk))
        else:
            self._run_pool(chunks)

    def _run_pool(self, chunks: Iterator[list[Item]]) -> None:
        retries: deque[_Task] = deque()
        self.executor = self._new_executor()
        while True:
            while (task := self._next_task(chunks, retries)) is not None:
                self.in_flight[self.executor.submit(self.task, task.items)] = (task, self.executor)
            if not self.in_flight:
                return
            done, _ = wait(self.in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                task, executor = self.in_flight.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    # A worker died (out of memory, a crash in native code) and took the pool with it.
                    # Retry the chunk one item at a time, alone in a new pool: an item that kills its
                    # worker there is the culprit and fails.
                    if executor is self.executor:
                        executor.shutdown(wait=False, cancel_futures=True)
                        self.executor = self._new_executor()
                    if task.isolated:
                        self.fail(_failure(task.items[0], "worker_crashed", "the worker process died on this input"))
                        self.progress(1)
                    else:
                        retries.extend(_Task([item], isolated=True) for item in task.items)
                    continue
                self._collect(result, len(task.items))

    def _next_task(self, chunks: Iterator[list[Item]], retries: deque[_Task]) -> _Task | None:
        """The next task to submit now, or None: chunks while fewer than `TASKS_PER_WORKER` per
        worker are in flight; after a crash, the retries, each alone in the pool."""
        if retries or any(task.isolated for task, _ in self.in_flight.values()):
            return retries.popleft() if retries and not self.in_flight else None
        if len(self.in_flight) >= TASKS_PER_WORKER * self.options.jobs:
            return None
        chunk = next(chunks, None)
        return _Task(chunk) if chunk is not None else None

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.options.jobs,
            mp_context=get_context("spawn"),
            initializer=_worker_init,
            initargs=(self.worker,),
        )

    def _collect(self, result: _ChunkResult, items: int) -> None:
        counts = self.counts
        counts.found += result.found
        counts.extracted += len(result.lines)
        counts.reused += len(result.reused) // 16
        self.reused += result.reused
        for failure in result.failures:
            self.fail(failure)
        for stage, seconds in result.stage_seconds.items():
            self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds
        if result.peak_rss_mb is not None:
            self.worker_rss[result.pid] = max(result.peak_rss_mb, self.worker_rss.get(result.pid, 0.0))
        if result.lines:
            if not self.buffer:
                self.buffered_since = time.monotonic()
            self.buffer.extend(result.lines)
        if len(self.buffer) >= PART_SIZE or (self.buffer and time.monotonic() - self.buffered_since > FLUSH_SECONDS):
            self.flush()
        self.progress(items)

    def flush(self) -> None:
        if not self.buffer:
            return
        self.buffer.sort()
        write_lines(self.parts_dir / _part_name(self.part_number), (line for _, line in self.buffer))
        self.part_number += 1
        self.buffer = []

    def map(self, function: Callable[[A], R], items: list[A]) -> Iterator[R]:
        """`function` over `items`, in order: in the worker processes when there are some."""
        if self.executor is None:
            return map(function, items)
        return self.executor.map(function, items)

    def close(self) -> None:
        """Stop the workers, keep what they finished, write the buffer."""
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            for future, (task, _) in self.in_flight.items():
                if future.done() and not future.cancelled() and future.exception() is None:
                    self._collect(future.result(), len(task.items))
            self.in_flight.clear()
        self.flush()


def _part_name(number: int) -> str:
    return f"part-{number:06d}.jsonl"


def _part_number(path: Path) -> int | None:
    number = path.stem.removeprefix("part-")
    return int(number) if number.isdigit() else None


def _next_part_number(parts_dir: Path) -> int:
    numbers = (_part_number(path) for path in parts_dir.glob("part-*.jsonl"))
    return max((number for number in numbers if number is not None), default=0) + 1


def _load_reusable(out: Path) -> KeyIndex:
    """The keys of the records of earlier (finished or interrupted) runs."""
    keys = bytearray()
    for path in [out / RECORDS, *sorted((out / PARTS).glob("part-*.jsonl"))]:
        for line in _read_lines(path):
            parsed = _parse_line(line)
            if parsed is not None:
                keys += parsed[1]
    return KeyIndex(keys)


def _parse_line(line: str) -> tuple[str, bytes] | None:
    """(doc_id, key) of a record line, or None for a line that is not a record."""
    try:
        record = json.loads(line)
        source, pipeline = record["source"], record["pipeline"]
        doc_id = record["doc_id"]
        version = _build_label(pipeline["version"], pipeline.get("build"))
        return doc_id, record_key(doc_id, source["sha256"], version, pipeline["model"])
    except (ValueError, KeyError, TypeError):
        return None


#: How every record line begins (`record_line`: pydantic writes the fields in order).
_LINE_START = re.compile(r'\{"schema_version":"[^"\\]*","doc_id":')
_DECODER = json.JSONDecoder()


def _doc_id(line: str) -> str | None:
    """The doc_id of a record line, read without parsing the whole line when it can be."""
    start = _LINE_START.match(line)
    if start is not None:
        try:
            doc_id, _ = _DECODER.raw_decode(line, start.end())
        except ValueError:
            return None
        return doc_id if isinstance(doc_id, str) else None
    parsed = _parse_line(line)
    return parsed[0] if parsed is not None else None


@dataclass(frozen=True, slots=True)
class _Merged:
    lines: int
    sha256: str
    #: `records.jsonl` in pieces of `RECORDS_PER_GROUP` lines, for the tables.
    segments: list[Segment]


def _merge(out: Path, parts_dir: Path, first_part: int, kept: KeyIndex) -> _Merged:
    """Merge this run's parts and the reused records of earlier runs into `records.jsonl`.

    Parts numbered from `first_part` on are this run's: all their lines are kept. Of the
    older parts and the old `records.jsonl`, only the lines whose key is in `kept` are.
    Several lines with one doc_id have the same key, hence (extraction being
    deterministic) the same bytes; the smallest is kept.
    """
    parts = sorted(parts_dir.glob("part-*.jsonl"))
    sources: list[Iterator[tuple[str, str]]] = []
    for path in [*parts, out / RECORDS]:
        number = _part_number(path) if path.parent == parts_dir else None
        sources.append(_sorted_lines(path, None if number is not None and number >= first_part else kept))
    rounds = itertools.count()
    while len(sources) > MERGE_FAN_IN:
        merged = []
        for start in range(0, len(sources), MERGE_FAN_IN):
            path = parts_dir / f".merge-{next(rounds):06d}.jsonl"
            write_lines(path, (line for _, line in _unique(sources[start : start + MERGE_FAN_IN])))
            merged.append(_sorted_lines(path, None))
        sources = merged
    digest = hashlib.sha256()
    offsets = [0]

    def hashed(lines: Iterator[tuple[str, str]]) -> Iterator[str]:
        size = 0
        for number, (_, line) in enumerate(lines, start=1):
            data = line.encode("utf-8") + b"\n"
            digest.update(data)
            size += len(data)
            if number % RECORDS_PER_GROUP == 0:
                offsets.append(size)
            yield line
        if offsets[-1] != size:
            offsets.append(size)

    count = write_lines(out / RECORDS, hashed(_unique(sources)))
    for path in [*parts, *parts_dir.glob(".merge-*.jsonl")]:
        path.unlink(missing_ok=True)
    records = str(out / RECORDS)
    return _Merged(
        count, digest.hexdigest(), [Segment(records, start, end) for start, end in itertools.pairwise(offsets)]
    )


def _sorted_lines(path: Path, keep: KeyIndex | None) -> Iterator[tuple[str, str]]:
    """(doc_id, line) of the records of a sorted file: all of them when `keep` is None (read
    quickly), else those whose key is in `keep`."""
    for line in _read_lines(path):
        if keep is None:
            doc_id = _doc_id(line)
            if doc_id is not None:
                yield doc_id, line
            continue
        parsed = _parse_line(line)
        if parsed is not None and parsed[1] in keep:
            yield parsed[0], line


def _unique(sources: list[Iterator[tuple[str, str]]]) -> Iterator[tuple[str, str]]:
    previous: str | None = None
    for doc_id, line in heapq.merge(*sources):
        if doc_id != previous:
            previous = doc_id
            yield doc_id, line


def _read_lines(path: Path) -> Iterator[str]:
    if not path.exists():
        return
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.endswith("\n"):  # a line without its newline was cut short: ignore it
                yield line[:-1]


def _remove_temporary_files(out: Path) -> None:
    """What a killed run may leave: temporary files of atomic writes, intermediate merges."""
    parts = out / PARTS
    for temporary in itertools.chain(out.glob(".*.tmp"), parts.glob(".*.tmp"), parts.glob(".merge-*.jsonl")):
        temporary.unlink(missing_ok=True)


def _count_by(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items()))


def _peak_rss_mb() -> float | None:
    """Peak resident memory of this process in MB, or None where it cannot be read.

    On Linux this is `VmHWM`, the peak of this program: `ru_maxrss` would report the
    peak of the process that started it when that is higher, since it survives exec.
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    if sys.platform == "win32":
        return None
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def _progress(enabled: bool) -> Callable[[int], object]:
    if not enabled or not sys.stderr.isatty():
        return lambda _: None
    from tqdm import tqdm

    bar = tqdm(unit="input", file=sys.stderr, dynamic_ncols=True)
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
