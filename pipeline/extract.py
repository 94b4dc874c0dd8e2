"""Article -> `EventRecord`: one spaCy `Doc` per article, the stages in order, one record.

The stages are pure functions over the `Doc` and the results of earlier stages, declared
with what they read and write in `pipeline.stages.STAGES`; this module runs them in that
order, times each, and builds the validated record from the final state.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from spacy.tokens import Doc

from pipeline import __version__
from pipeline.fingerprint import build_fingerprint
from pipeline.ingest import Article
from pipeline.nlp import build_nlp, model_name, pipe_docs
from pipeline.record import EventRecord, PipelineInfo
from pipeline.stages import STAGES
from pipeline.state import ArticleState
from pipeline.syntax.choice import StanzaSyntax


class StageTimer:
    """Seconds spent per stage, summed over articles (`nlp`: spaCy's tokenizer, the project's
    sentence segmenter and the NER model)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - started

    def merge(self, other: dict[str, float]) -> None:
        for stage, seconds in other.items():
            self.seconds[stage] += seconds


class Extractor:
    """Holds the loaded spaCy pipeline; build one per process and reuse it."""

    def __init__(self, model: str | Path | StanzaSyntax | None = None) -> None:
        self.nlp = build_nlp(model)
        self.info = PipelineInfo(version=__version__, build=build_fingerprint(), model=model_name(self.nlp))
        self.timer = StageTimer()

    def extract(self, article: Article) -> EventRecord:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[EventRecord]:
        """Records in input order; spaCy processes the texts in batches."""
        pending: deque[Article] = deque()

        def texts() -> Iterator[str]:
            for article in articles:
                pending.append(article)
                yield article.text

        docs = pipe_docs(self.nlp, texts(), batch_size=batch_size)
        while True:
            with self.timer("nlp"):
                doc = next(docs, None)
            if doc is None:
                return
            yield self.build_record(pending.popleft(), doc)

    def build_record(self, article: Article, doc: Doc) -> EventRecord:
        """Run the stages of `pipeline.stages.STAGES` over `doc`, each timed, and build the record."""
        source = article.source
        state = ArticleState(
            doc=doc, published=source.published, url=source.url, title=source.title, warnings=tuple(article.warnings)
        )
        for stage in STAGES:
            with self.timer(stage.name):
                state = stage.run(state)
        with self.timer("record"):
            return EventRecord(
                doc_id=article.doc_id,
                source=source,
                text=article.text,
                dateline=state.dateline,
                event=state.event,
                other_events=state.other_events,
                dates=state.dates,
                places=state.places,
                organisations=state.organisations,
                officials=state.officials,
                persons=state.persons,
                quotes=state.quotes,
                warnings=list(state.warnings),
                pipeline=self.info,
            )
