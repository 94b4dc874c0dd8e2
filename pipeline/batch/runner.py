"""The batch run: inputs -> `records.jsonl`, `errors.jsonl`, `summary.json` and the Parquet tables.

1. List the inputs (`items`), in chunks of `CHUNK_SIZE` items, and give them to the
   engine (`local` or `dask`, see `engine`); the articles with a current record of an
   earlier run are reused, not extracted (`force` turns this off).
2. Collect what the engine yields: counts and failures (`summary.Tally`), new records
   into part files (`parts.PartWriter`). SIGINT and SIGTERM write the buffer, and what
   the workers finished, before the run stops.
3. Merge the parts and the reused records into `records.jsonl` (`parts.merge`), then let
   the engine's workers build the Parquet tables from it (`pipeline.tables`).

Every output file is replaced atomically (`pipeline.sinks`), so whatever stops the run,
each file is either the old one or the new one, and re-running the command completes
the output.
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from pipeline import __version__
from pipeline.batch.engine import Engine, TaskFunction
from pipeline.batch.items import chunks, list_items
from pipeline.batch.local import LocalEngine
from pipeline.batch.options import DASK, BatchOptions, EngineError, Interrupted
from pipeline.batch.parts import (
    PARTS,
    KeyIndex,
    PartWriter,
    build_label,
    load_reusable,
    merge,
    next_part_number,
    remove_temporary_files,
)
from pipeline.batch.summary import ERRORS, SUMMARY, RunInfo, Tally, summary
from pipeline.batch.worker import ChunkResult, Worker
from pipeline.fingerprint import build_fingerprint
from pipeline.ingest import Article
from pipeline.nlp import model_label
from pipeline.sinks import failure_line, write_json, write_lines
from pipeline.tables import write_tables

#: Articles per task sent to a worker (small enough that the workers finish together).
CHUNK_SIZE = 16


def run_batch(options: BatchOptions, task: TaskFunction = Worker.process) -> dict[str, object]:
    """Run a batch and return its summary (also written to `OUT/summary.json`).

    `task` is what each worker runs on a chunk (tests pass one that kills its worker).
    """
    started = time.perf_counter()
    cpu_started = time.process_time()
    out = options.out
    (out / PARTS).mkdir(parents=True, exist_ok=True)
    remove_temporary_files(out)
    tally = Tally()
    with _signals_raise_interrupted():
        version = (build_label(__version__, build_fingerprint()), model_label(options.model))
        reusable = KeyIndex() if options.force else load_reusable(out)
        first_part = next_part_number(out / PARTS)
        writer = PartWriter(out / PARTS, first_part)
        worker = Worker(options.model, version, reusable, options.timeout)
        engine_started = time.perf_counter()
        engine = _engine(options, worker, task)
        start_seconds = time.perf_counter() - engine_started
        progress = _progress(options.progress)

        def collect(result: ChunkResult) -> None:
            tally.collect(result)
            writer.add(result.lines)
            progress(result.inputs)

        def found(article: Article) -> bool:
            tally.counts.found += 1
            key = worker.reuse_key(article)
            if key is not None:
                tally.reuse(key)
            return key is not None

        try:
            items = list_items(options.inputs, tally.fail, found, options.max_chars)
            for result in engine.run(chunks(items, CHUNK_SIZE)):
                collect(result)
            writer.flush()
            finished = time.perf_counter()
            merged = merge(out, first_part, KeyIndex(tally.reused))
            merge_seconds = time.perf_counter() - finished
            write_tables(out, merged.sha256, merged.segments, engine.tables, options.tables_layout)
            table_seconds = time.perf_counter() - finished - merge_seconds
        finally:
            try:
                for result in engine.close():
                    collect(result)
            finally:
                writer.flush()
    write_lines(out / ERRORS, (failure_line(f) for f in tally.sorted_failures()))
    info = RunInfo(
        inputs=options.inputs,
        out=out,
        engine=options.engine,
        jobs=engine.processes,
        build=build_fingerprint(),
        model=version[1],
        written=merged.lines,
        seconds=time.perf_counter() - started,
        start_seconds=start_seconds,
        finish_seconds={"merge": merge_seconds, "tables": table_seconds},
        main_cpu_seconds=time.process_time() - cpu_started,
    )
    result_summary = summary(tally, info)
    write_json(out / SUMMARY, result_summary)
    return result_summary


def _engine(options: BatchOptions, worker: Worker, task: TaskFunction) -> Engine:
    if options.engine != DASK:
        return LocalEngine(worker, options.jobs, task)
    try:
        from pipeline.batch.distributed import DaskEngine
    except ImportError as error:
        raise EngineError(f"the dask engine needs dask and distributed: pip install 'warta[dask]' ({error})") from error
    return DaskEngine(worker, options.out, jobs=options.jobs, scheduler=options.scheduler, task=task)


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
