"""What a worker does with a chunk of items: read the files, skip the reusable articles, extract the others.

A `Worker` lives in each worker process (the main process itself with the local engine
and `--jobs 1`) and builds the spaCy pipeline once, on the first article it has to
extract: a run that reuses every record never loads the model. A chunk is extracted in
one spaCy batch; from an article that fails on, one at a time, so a failure costs only
its article. This is the only place that catches exceptions from ingest and extraction.
"""

from __future__ import annotations

import os
import socket
import sys
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.batch.items import Item, item_failure, read_limited, timeout_failure
from pipeline.batch.limits import ArticleTimeout, time_limit
from pipeline.batch.parts import KeyIndex, record_key
from pipeline.extract import Extractor, StageTimer
from pipeline.ingest import Article, InputFailure, article_from_text
from pipeline.sinks import record_line

#: Articles per spaCy batch: with a trained model, larger batches raise the peak memory (32: +300 MB)
#: without making it faster.
NLP_BATCH_SIZE = 8
#: Extracted by each worker when it loads the pipeline, so that the stages load their data, outside the
#: time limit of an article (the village names of the gazetteer, read on the first `Desa …`, take seconds).
WARM_UP = (
    "JAKARTA – Wali Kota Serang, Budi Santoso, meresmikan Taman Baca di Desa Mekarsari, Senin (6/10/2025). "
    "“Bagus,” kata Budi."
)


@dataclass(slots=True)
class ChunkResult:
    """What a worker sends back for one chunk; every engine yields these."""

    lines: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, record line)
    failures: list[InputFailure] = field(default_factory=list)
    reused: bytearray = field(default_factory=bytearray)  # 16-byte keys
    #: Articles read by the worker (the articles of the files it was sent).
    found: int = 0
    #: Items of the chunk, for the progress bar.
    inputs: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    #: `host:pid` of the worker process.
    worker: str = ""
    peak_rss_mb: float | None = None


def crashed(item: Item) -> ChunkResult:
    """The result of an item whose worker process died on it, alone, every time it was tried."""
    failure = item_failure(item, "worker_crashed", "the worker process died on this input")
    return ChunkResult(failures=[failure], inputs=1)


@dataclass(slots=True)
class Worker:
    """What a worker process keeps between chunks."""

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
        """Built on first use (the spaCy pipeline itself is cached per process by `build_nlp`).

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

    def reuse_key(self, article: Article) -> bytes | None:
        """The article's key when an earlier run left a current record of it, else None."""
        key = self.key(article)
        return key if key in self.reusable else None

    def process(self, items: list[Item]) -> ChunkResult:
        """Read the files, skip the reusable articles, extract the others."""
        result = ChunkResult(inputs=len(items), worker=f"{socket.gethostname()}:{os.getpid()}")
        articles: list[Article] = []
        for item in items:
            if isinstance(item, Article):  # read and checked by the main process
                articles.append(item)
                continue
            with self.timer("ingest"):
                read = read_limited(item, self.timeout)
            for article in read:
                if isinstance(article, InputFailure):
                    result.failures.append(article)
                    continue
                result.found += 1
                key = self.reuse_key(article)
                if key is not None:
                    result.reused += key
                else:
                    articles.append(article)
        if articles:
            self._extract(articles, result)
        result.stage_seconds = self._take_seconds()
        result.peak_rss_mb = peak_rss_mb()
        return result

    def _extract(self, articles: list[Article], result: ChunkResult) -> None:
        """Extract a chunk in one spaCy batch; from an article that fails on, one at a time."""
        extractor = self.extractor  # outside the try: a model that cannot be loaded stops the batch
        records = extractor.extract_many(articles, batch_size=NLP_BATCH_SIZE)
        done = 0
        try:
            for article in articles:
                with time_limit(self.timeout):
                    record = next(records)
                with self.timer("serialize"):
                    result.lines.append((article.doc_id, record_line(record)))
                done += 1
        except ArticleTimeout:
            result.failures.append(timeout_failure(articles[done], self.timeout))
            done += 1
        except Exception:  # which article failed is found out below
            records.close()
        for article in articles[done:]:
            try:
                with time_limit(self.timeout):
                    record = extractor.extract(article)
                with self.timer("serialize"):
                    result.lines.append((article.doc_id, record_line(record)))
            except ArticleTimeout:
                result.failures.append(timeout_failure(article, self.timeout))
            except Exception as error:
                result.failures.append(item_failure(article, "extraction_failed", f"{type(error).__name__}: {error}"))

    def _take_seconds(self) -> dict[str, float]:
        seconds = dict(self.timer.seconds)
        self.timer.seconds.clear()
        if self.built is not None:
            for stage, value in self.built.timer.seconds.items():
                seconds[stage] = seconds.get(stage, 0.0) + value
            self.built.timer.seconds.clear()
        return seconds


def peak_rss_mb() -> float | None:
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
