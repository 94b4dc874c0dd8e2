"""The local engine: spawned worker processes on this machine (`ProcessPoolExecutor`), or the
main process itself with `jobs=1`.

Each worker process gets the `Worker` once (the pool's initializer), builds the spaCy
pipeline on its first article, ignores SIGINT and SIGTERM (the main process decides when
to stop) and exits if the main process disappears. A worker that dies (out of memory, a
crash in native code) breaks the pool: its chunk's items are retried one at a time in a
new pool (`engine.Tasks`).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context

import pyarrow as pa

from pipeline.batch.engine import TASKS_PER_WORKER, Task, TaskFunction, Tasks
from pipeline.batch.items import Item
from pipeline.batch.worker import ChunkResult, Worker
from pipeline.tables import Segment, segment_tables


class LocalEngine:
    def __init__(self, worker: Worker, jobs: int, task: TaskFunction = Worker.process) -> None:
        self.worker = worker
        self.processes = jobs
        self.task = task
        self.executor: ProcessPoolExecutor | None = None
        self.in_flight: dict[Future[ChunkResult], tuple[Task, ProcessPoolExecutor]] = {}

    def run(self, chunks: Iterator[list[Item]]) -> Iterator[ChunkResult]:
        if self.processes <= 1:
            for chunk in chunks:
                yield self.task(self.worker, chunk)
            return
        tasks = Tasks(chunks, TASKS_PER_WORKER * self.processes)
        self.executor = self._new_executor()
        while True:
            while (task := tasks.next([task for task, _ in self.in_flight.values()])) is not None:
                self.in_flight[self.executor.submit(_run_task, self.task, task.items)] = (task, self.executor)
            if not self.in_flight:
                return
            done, _ = wait(self.in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                task, executor = self.in_flight.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    # A worker died and took the pool with it: the retries run in a new pool.
                    if executor is self.executor:
                        executor.shutdown(wait=False, cancel_futures=True)
                        self.executor = self._new_executor()
                    crash = tasks.crashed(task)
                    if crash is None:
                        continue
                    result = crash
                yield result

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=get_context("spawn"),
            initializer=_worker_init,
            initargs=(self.worker,),
        )

    def tables(self, segments: list[Segment]) -> Iterable[dict[str, pa.Table]]:
        if self.executor is None:
            return map(segment_tables, segments)
        return self.executor.map(segment_tables, segments)

    def close(self) -> list[ChunkResult]:
        finished = []
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            for future in self.in_flight:
                if future.done() and not future.cancelled() and future.exception() is None:
                    finished.append(future.result())
            self.in_flight.clear()
        return finished


#: The worker of this process, set by `_worker_init` in worker processes.
_worker: Worker | None = None


def _worker_init(worker: Worker) -> None:
    global _worker
    _worker = worker
    # The main process decides when to stop: Ctrl-C reaches the whole process group.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()


def _run_task(task: TaskFunction, items: list[Item]) -> ChunkResult:
    assert _worker is not None, "worker used before its initializer ran"
    return task(_worker, items)


def _exit_when_orphaned(parent: int) -> None:
    """Exit when the main process is gone (killed with -9): nobody would ever send more work."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
