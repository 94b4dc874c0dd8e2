"""The batch runner: article files -> `records.jsonl`, `errors.jsonl`, `summary.json`, Parquet tables.

`run_batch(BatchOptions(...))` runs the inputs through an engine: `local` (a process pool
on this machine, `pipeline.batch.local`) or `dask` (the workers of a Dask cluster,
`pipeline.batch.distributed`). Both run the same task on the same chunks and the runner
writes what they yield, so they give the same records, errors, summary and resumability.

- `options`: `BatchOptions`, the errors that stop a run.
- `items`: listing the inputs (paths and fsspec URLs, `remote`), claiming doc_ids, reading.
- `worker`: what a worker does with a chunk (`Worker`, `ChunkResult`).
- `engine`: the engine contract and the retry order after a worker died.
- `parts`: the index of reusable records, part files, the merge into `records.jsonl`.
- `summary`: the counts and `summary.json`.
- `limits`: the per-article time limit.
- `runner`: `run_batch`, which ties them together.
"""

from pipeline.batch.engine import Engine
from pipeline.batch.items import Item
from pipeline.batch.items import read_guarded as _read_guarded
from pipeline.batch.limits import ArticleTimeout
from pipeline.batch.limits import time_limit as _time_limit
from pipeline.batch.options import ARTICLE_TIMEOUT, ENGINES, BatchOptions, EngineError, Interrupted
from pipeline.batch.parts import KeyIndex, record_key
from pipeline.batch.remote import is_url
from pipeline.batch.runner import run_batch
from pipeline.batch.worker import ChunkResult, Worker

__all__ = [
    "ARTICLE_TIMEOUT",
    "ENGINES",
    "ArticleTimeout",
    "BatchOptions",
    "ChunkResult",
    "Engine",
    "EngineError",
    "Interrupted",
    "Item",
    "KeyIndex",
    "Worker",
    # tests/test_properties.py imports these two under their names of the single-module runner.
    "_read_guarded",
    "_time_limit",
    "is_url",
    "record_key",
    "run_batch",
]
