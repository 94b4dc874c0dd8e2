"""The contract of an engine, and the order in which engines send tasks.

An engine runs chunks of items on workers and yields a `ChunkResult` per chunk, in the
order they finish: the local engine (`local.LocalEngine`, a process pool on this machine)
and the dask engine (`distributed.DaskEngine`, the workers of a Dask cluster). Both run
the same task, `Worker.process`, so they give the same records, errors and summary; the
runner (`runner.run_batch`) writes what they yield, so resuming works the same way.

A worker that dies costs only its chunk: the items of that chunk are tried again one at
a time, each alone on the workers (`Tasks`), and an item whose worker dies again fails
as `worker_crashed`. Dask retries a chunk itself first, on another worker, up to
`distributed.scheduler.allowed-failures` times.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

import pyarrow as pa

from pipeline.batch.items import Item
from pipeline.batch.worker import ChunkResult, Worker, crashed
from pipeline.tables import Segment

#: Tasks in flight per worker, so a worker never waits for the main process.
TASKS_PER_WORKER = 2

#: What runs on a worker: `Worker.process`, or a stand-in in tests (a task that kills its worker).
TaskFunction = Callable[[Worker, list[Item]], ChunkResult]


class Engine(Protocol):
    #: Worker processes at the start of the run (for the summary).
    processes: int

    def run(self, chunks: Iterator[list[Item]]) -> Iterator[ChunkResult]:
        """The results of the chunks, as they finish."""
        ...

    def tables(self, segments: list[Segment]) -> Iterable[dict[str, pa.Table]]:
        """The Parquet row groups of the segments of `records.jsonl`, in order."""
        ...

    def close(self) -> list[ChunkResult]:
        """Stop the workers; returns the results that finished but were not yielded."""
        ...


@dataclass(frozen=True, slots=True)
class Task:
    items: list[Item]
    #: A single item retried after its chunk's worker died: if it dies again, it is the culprit.
    isolated: bool = False


class Tasks:
    """The tasks to send: the chunks, at most `limit` in flight; after a worker died on a chunk,
    the items of that chunk one at a time, each alone in flight."""

    def __init__(self, chunks: Iterator[list[Item]], limit: int) -> None:
        self.chunks = chunks
        self.limit = limit
        self.retries: deque[Task] = deque()

    def next(self, in_flight: Collection[Task]) -> Task | None:
        """The next task to send now, or None."""
        if self.retries or any(task.isolated for task in in_flight):
            return self.retries.popleft() if self.retries and not in_flight else None
        if len(in_flight) >= self.limit:
            return None
        chunk = next(self.chunks, None)
        return Task(chunk) if chunk is not None else None

    def crashed(self, task: Task) -> ChunkResult | None:
        """A worker died running `task`: its failure when it was one item alone, else None (its
        items are sent again one at a time)."""
        if task.isolated:
            return crashed(task.items[0])
        self.retries.extend(Task([item], isolated=True) for item in task.items)
        return None
