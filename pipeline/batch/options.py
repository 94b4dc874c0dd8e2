"""What a batch run is asked to do (`BatchOptions`), and the errors that stop one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.tables.layout import FILES

#: Seconds an article may take, by default: a pathological input must not hold a batch for hours.
ARTICLE_TIMEOUT = 600.0
LOCAL = "local"
DASK = "dask"
ENGINES = (LOCAL, DASK)


@dataclass(frozen=True, slots=True)
class BatchOptions:
    inputs: tuple[str, ...]
    out: Path
    #: Worker processes: of the process pool (`local`), or of the `LocalCluster` (`dask` without `scheduler`).
    jobs: int = 1
    model: str | None = None
    force: bool = False
    progress: bool = True
    #: Seconds an article may take to read or to extract before it fails as `timeout` (None: no limit).
    timeout: float | None = ARTICLE_TIMEOUT
    #: Longest article text in characters; a longer one fails as `too_large` (None: no limit).
    max_chars: int | None = None
    #: `local` (a process pool on this machine) or `dask` (the workers of a Dask cluster).
    engine: str = LOCAL
    #: Address of a running `dask scheduler` (`tcp://host:8786`); None: start a `LocalCluster`.
    scheduler: str | None = None
    #: `files` (`OUT/<table>.parquet`) or `dataset` (`OUT/tables/<table>/part-*.parquet`).
    tables_layout: str = FILES


class Interrupted(BaseException):
    """SIGTERM, or the engine lost its workers: stop after writing what is done. A `BaseException`,
    like `KeyboardInterrupt`, so that the per-article `except Exception` of the runner never swallows it."""


class EngineError(Exception):
    """The engine cannot start: dask is not installed, or the scheduler cannot be reached."""
