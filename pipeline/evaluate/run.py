"""Run the pipeline over gold files and score it: `run_evaluation(paths) -> Scores`."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from pipeline import __version__
from pipeline.evaluate.gold import GoldArticle, GoldFile, GoldFormat, GovArticle, read_gold_file
from pipeline.evaluate.predicted import Prediction, prediction_from_record
from pipeline.evaluate.scoring import (
    PRF,
    ArticleResult,
    Ratio,
    flat_metrics,
    score_gov_article,
    score_pfsa_article,
    total,
)
from pipeline.ingest import Article, InputError, article_from_text
from pipeline.record import EventRecord, PipelineInfo

#: Articles given to `extract_many` at a time; a chunk that fails is redone article by article.
CHUNK = 32


class RecordExtractor(Protocol):
    """What the evaluation needs of `pipeline.extract.Extractor`."""

    info: PipelineInfo

    def extract(self, article: Article) -> EventRecord: ...

    def extract_many(self, articles: Iterable[Article]) -> Iterator[EventRecord]: ...


@dataclass(frozen=True, slots=True)
class ArticleEvaluation:
    """One gold article, what the pipeline predicted for it, and its scores."""

    gold: GoldArticle
    prediction: Prediction
    result: ArticleResult
    #: Why the article has no record (empty text, an exception in extraction), else None.
    failure: str | None = None


@dataclass(frozen=True, slots=True)
class DatasetScores:
    """The scores of one gold file, micro-averaged over its articles."""

    name: str
    path: str
    format: GoldFormat
    articles: tuple[ArticleEvaluation, ...]
    counts: dict[str, PRF]
    ratios: dict[str, Ratio]
    seconds: float = 0.0

    def metrics(self) -> dict[str, float]:
        return flat_metrics(self.counts, self.ratios)

    @property
    def failures(self) -> list[tuple[str, str]]:
        return [(item.gold.doc_id, item.failure) for item in self.articles if item.failure is not None]

    @property
    def unlocated(self) -> list[tuple[str, int]]:
        """(doc_id, gold quote number from 1) of gov gold quotes not found in their text."""
        return [(item.gold.doc_id, index + 1) for item in self.articles for index in item.result.unlocated]


@dataclass(frozen=True, slots=True)
class Scores:
    datasets: tuple[DatasetScores, ...]
    model: str
    version: str = __version__

    def metrics(self) -> dict[str, float]:
        """`dataset:metric` -> value, e.g. `pfsa/dev:quotes.direct.f1@0.3`."""
        return {
            f"{dataset.name}:{name}": value for dataset in self.datasets for name, value in dataset.metrics().items()
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "pipeline_version": self.version,
            "model": self.model,
            "metrics": self.metrics(),
            "datasets": {
                dataset.name: {
                    "path": dataset.path,
                    "format": dataset.format,
                    "articles": len(dataset.articles),
                    "seconds": round(dataset.seconds, 1),
                    "failed": [{"doc_id": doc_id, "error": error} for doc_id, error in dataset.failures],
                    "unlocated_gold_quotes": [
                        {"doc_id": doc_id, "quote": number} for doc_id, number in dataset.unlocated
                    ],
                    "counts": {
                        key: {"tp": value.tp, "gold": value.gold, "predicted": value.predicted}
                        for key, value in dataset.counts.items()
                    },
                    "ratios": {
                        key: {"hits": value.hits, "total": value.total} for key, value in dataset.ratios.items()
                    },
                }
                for dataset in self.datasets
            },
        }


def run_evaluation(
    paths: Sequence[str | Path],
    *,
    model: str | Path | None = None,
    extractor: RecordExtractor | None = None,
    log: Callable[[str], None] | None = None,
) -> Scores:
    """Extract every gold article of `paths` with one extractor and score the records.

    Raises `GoldError` for an unreadable gold file and `pipeline.nlp.ModelError` when the
    model cannot be loaded; articles that cannot be extracted count as all misses.
    """
    gold_files = _read_all([Path(path) for path in paths])
    if extractor is None:
        from pipeline.extract import Extractor  # spaCy: only when a run needs it

        extractor = Extractor(model)
    datasets = []
    for gold_file in gold_files:
        started = time.perf_counter()
        articles = tuple(evaluate_articles(extractor, gold_file.articles))
        counts, ratios = total(item.result for item in articles)
        seconds = time.perf_counter() - started
        datasets.append(
            DatasetScores(gold_file.name, str(gold_file.path), gold_file.format, articles, counts, ratios, seconds)
        )
        if log is not None:
            log(f"{gold_file.name}: {len(articles)} articles scored in {seconds:.1f} s")
    return Scores(tuple(datasets), model=extractor.info.model)


def _read_all(paths: Sequence[Path]) -> list[GoldFile]:
    """The gold files, with `#2`, `#3` ... added to names that repeat."""
    files: list[GoldFile] = []
    seen: set[str] = set()
    for path in paths:
        gold_file = read_gold_file(path)
        name, number = gold_file.name, 2
        while name in seen:
            name, number = f"{gold_file.name}#{number}", number + 1
        seen.add(name)
        files.append(replace(gold_file, name=name))
    return files


def evaluate_articles(extractor: RecordExtractor, golds: Sequence[GoldArticle]) -> Iterator[ArticleEvaluation]:
    """Predict and score each gold article, in order."""
    articles: list[Article | None] = []
    failures: list[str | None] = []
    for gold in golds:
        try:
            articles.append(
                article_from_text(
                    gold.text,
                    doc_id=gold.doc_id,
                    published=gold.published,
                    url=gold.url if isinstance(gold, GovArticle) else None,
                )
            )
            failures.append(None)
        except InputError as error:
            articles.append(None)
            failures.append(f"{error.code}: {error.message}")
    readable = [article for article in articles if article is not None]
    extracted = iter(_extract(extractor, readable))
    for gold, article, failure in zip(golds, articles, failures, strict=True):
        if article is None:
            yield _scored(gold, Prediction(gold.doc_id), failure)
            continue
        record = next(extracted)
        if isinstance(record, str):
            yield _scored(gold, Prediction(gold.doc_id), record)
        else:
            yield _scored(gold, prediction_from_record(record, article.alignment), None)


def _scored(gold: GoldArticle, prediction: Prediction, failure: str | None) -> ArticleEvaluation:
    if isinstance(gold, GovArticle):
        result = score_gov_article(gold, prediction)
    else:
        result = score_pfsa_article(gold, prediction)
    return ArticleEvaluation(gold, prediction, result, failure)


def _extract(extractor: RecordExtractor, articles: Sequence[Article]) -> Iterator[EventRecord | str]:
    """Records in order, or for an article whose extraction raised, the error as text."""
    for start in range(0, len(articles), CHUNK):
        chunk = articles[start : start + CHUNK]
        try:
            records: list[EventRecord | str] = list(extractor.extract_many(chunk))
        except Exception:
            records = [_extract_one(extractor, article) for article in chunk]
        yield from records


def _extract_one(extractor: RecordExtractor, article: Article) -> EventRecord | str:
    try:
        return extractor.extract(article)
    except Exception as error:
        return f"{type(error).__name__}: {error}"
