"""The dask engine: chunks of items run as tasks on the workers of a Dask cluster.

- Without a scheduler address it starts a `LocalCluster` of `jobs` worker processes
  (one thread each) on this machine; with one it connects to a running `dask scheduler`.
  On Linux the `LocalCluster`'s first workers are forked from this process (`local_cluster_config`),
  which has imported `distributed` and the pipeline already: spawned, each would import
  them again first (about 2.5 s of CPU, a tenth of a 2,000-article run on 2 cores). A
  worker restarted during the run is spawned, as is any worker when the user's dask
  configuration chooses `distributed.worker.multiprocessing-method`.
- The run's `Worker` (model, versions, the keys of the reusable records) reaches every
  worker process through a worker plugin (`BatchPlugin`), also the workers that join or
  are restarted during the run; each builds the spaCy pipeline once, on its first
  article, and runs one chunk at a time.
- At most `TASKS_PER_WORKER` tasks per worker thread are in flight, so the client holds
  few results. The results come back to the client, which alone writes the output: a
  task that the scheduler runs again (its worker died) is written once.
- A worker killed mid-chunk costs its chunk: the scheduler runs it again elsewhere; a
  chunk that killed `allowed-failures` workers is split into single items
  (`engine.Tasks`), and an item that kills its worker alone fails as `worker_crashed`.
- The workers also build the Parquet row groups, from the lines of `records.jsonl` the
  client sends them, so they need not see the output folder.
"""

from __future__ import annotations

import hashlib
import logging
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import ExitStack, suppress
from pathlib import Path

import dask.config
import pyarrow as pa
from distributed import (
    CancelledError,
    Client,
    Future,
    KilledWorker,
    LocalCluster,
    WorkerPlugin,
    as_completed,
    get_worker,
)
from distributed import Worker as DaskWorker

from pipeline.batch.engine import TASKS_PER_WORKER, Task, TaskFunction, Tasks
from pipeline.batch.items import Item
from pipeline.batch.options import EngineError, Interrupted
from pipeline.batch.worker import ChunkResult, Worker
from pipeline.tables import Segment, lines_tables, read_segment

#: Seconds to wait for the scheduler when connecting to it, and then for a first worker.
CONNECT_SECONDS = 30
#: Seconds between two looks at the number of worker threads (workers join and leave).
RESIZE_SECONDS = 5.0
#: The dask setting of how a nanny starts its worker process: spawn (distributed's default), fork or forkserver.
START_METHOD = "distributed.worker.multiprocessing-method"
#: Our `LocalCluster` has no dashboard: what feeds only the dashboard or diagnostics runs seldom or
#: not at all (by default each scheduler, nanny and worker wakes 50 times a second to time its
#: event loop, each worker samples its stack 100 times a second, each nanny reads its worker's
#: memory 10 times a second): together a tenth of a core on a 2-core machine.
QUIET = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,
    "distributed.scheduler.active-memory-manager.start": False,
}


def local_cluster_config() -> dict[str, object]:
    """The dask settings of our `LocalCluster` for the whole run (`QUIET`) and for starting it
    (`START_METHOD`: fork on Linux; distributed's default, spawn, elsewhere, as fork is unsafe
    on macOS), each only where the user's dask configuration (its files, `DASK_*` variables,
    `dask.config.set`) does not choose the value itself."""
    user = dask.config.collect()
    defaults = dask.config.merge(*dask.config.defaults)
    ours = {**QUIET, START_METHOD: "fork"} if sys.platform == "linux" else dict(QUIET)

    def chosen(key: str) -> bool:
        return _configured(user, key) or dask.config.get(key) != dask.config.get(key, config=defaults)

    return {key: value for key, value in ours.items() if not chosen(key)}


def _configured(user: dict, key: str) -> bool:
    """Whether `user` (a collected dask configuration: files and variables) sets the dotted `key`;
    dask reads `-` and `_` in names as the same."""
    node: object = user
    for part in key.split("."):
        if not isinstance(node, dict):
            return False
        names = {name.replace("_", "-"): value for name, value in node.items()}
        if part not in names:
            return False
        node = names[part]
    return True


def _forked_child() -> None:
    """In a worker forked from the main process: the default signal handlers, not the run's
    (SIGTERM from its nanny must end it, not raise the run's `Interrupted`)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forked_child)


class BatchPlugin(WorkerPlugin):
    """Gives the run's `Worker` to each worker process of the cluster."""

    def __init__(self, worker: Worker, *, ignore_interrupts: bool) -> None:
        self.worker = worker
        #: The workers of our own `LocalCluster`: Ctrl-C reaches them too, but the client decides.
        self.ignore_interrupts = ignore_interrupts

    def setup(self, worker: DaskWorker) -> None:
        #: One chunk at a time, even on a worker started with several threads.
        self.lock = threading.Lock()
        if self.ignore_interrupts and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_task(plugin: str, task: TaskFunction, items: list[Item]) -> ChunkResult:
    batch = get_worker().plugins[plugin]
    assert isinstance(batch, BatchPlugin), f"worker plugin {plugin} is not a BatchPlugin"
    with batch.lock:
        return task(batch.worker, items)


class DaskEngine:
    def __init__(
        self, worker: Worker, out: Path, *, jobs: int, scheduler: str | None, task: TaskFunction = Worker.process
    ) -> None:
        self.cluster: LocalCluster | None = None
        #: The settings of our own cluster, for the run: its workers restarted mid-run have them too.
        self.settings = ExitStack()
        if scheduler is None:
            self.cluster = self._local_cluster(jobs)
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(scheduler, timeout=CONNECT_SECONDS)
            except OSError as error:
                raise EngineError(f"cannot reach the dask scheduler at {scheduler}: {error}") from error
            try:
                self.client.wait_for_workers(1, timeout=CONNECT_SECONDS)
            except TimeoutError as error:
                self.client.close()
                raise EngineError(f"no dask worker connected to {scheduler} within {CONNECT_SECONDS} s") from error
        # One name per output folder: the re-run of a killed run replaces its plugin on the workers.
        self.plugin = "warta-batch-" + hashlib.blake2b(str(out.resolve()).encode(), digest_size=6).hexdigest()
        self.client.register_plugin(BatchPlugin(worker, ignore_interrupts=scheduler is None), name=self.plugin)
        self.task = task
        self.processes = len(self.client.nthreads())
        self.in_flight: dict[Future[ChunkResult], Task] = {}

    def _local_cluster(self, jobs: int) -> LocalCluster:
        config = local_cluster_config()
        start = {START_METHOD: config.pop(START_METHOD)} if START_METHOD in config else {}
        self.settings.enter_context(dask.config.set(config))
        try:
            # Forked only at the start: a worker restarted mid-run is spawned (the main process then runs threads).
            with dask.config.set(start):
                return LocalCluster(
                    n_workers=jobs,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
        except BaseException:
            self.settings.close()
            raise

    def _limit(self) -> int:
        return TASKS_PER_WORKER * max(1, sum(self.client.nthreads().values()))

    def run(self, chunks: Iterator[list[Item]]) -> Iterator[ChunkResult]:
        tasks = Tasks(chunks, self._limit())
        finished = as_completed()
        resized = time.monotonic()
        while True:
            while (task := tasks.next(list(self.in_flight.values()))) is not None:
                future = self.client.submit(_run_task, self.plugin, self.task, task.items, pure=False)
                self.in_flight[future] = task
                finished.add(future)
            if not self.in_flight:
                return
            future = next(finished)
            task = self.in_flight.pop(future)
            try:
                result = future.result()
            except KilledWorker:
                crash = tasks.crashed(task)
                if crash is None:
                    continue
                result = crash
            except CancelledError as error:
                raise Interrupted(f"the dask scheduler dropped the work: {error}") from error
            finally:
                future.release()
            yield result
            if time.monotonic() - resized > RESIZE_SECONDS:
                tasks.limit, resized = self._limit(), time.monotonic()

    def tables(self, segments: list[Segment]) -> Iterator[dict[str, pa.Table]]:
        limit = self._limit()
        pending: deque[Future[dict[str, pa.Table]]] = deque()
        for segment in segments:
            lines = self.client.scatter(read_segment(segment), hash=False)
            pending.append(self.client.submit(lines_tables, lines, pure=False))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> list[ChunkResult]:
        finished = [result for future in self.in_flight if (result := _finished(future)) is not None]
        try:
            with suppress(OSError, CancelledError, ValueError):  # the scheduler is gone
                self.client.cancel(list(self.in_flight))
                self.client.unregister_worker_plugin(self.plugin)
        finally:
            self.in_flight.clear()
            self.client.close()
            if self.cluster is not None:
                self.cluster.close()
            self.settings.close()
        return finished


def _finished(future: Future[ChunkResult]) -> ChunkResult | None:
    """The result of a task that finished, or None (not finished, or its result is lost)."""
    if future.status != "finished":
        return None
    try:
        return future.result()
    except (CancelledError, KilledWorker, OSError):
        return None
