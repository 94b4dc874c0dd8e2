"""Shared fixtures: one extractor (and its spaCy pipeline) per test session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.extract import Extractor
from pipeline.ingest import article_from_text
from pipeline.record import EventRecord

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The default pipeline, as `python -m pipeline extract` runs it."""
    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor: Extractor) -> Language:
    return extractor.nlp


@pytest.fixture(scope="session")
def extract(extractor: Extractor):
    """Text (and optional publication date) -> record."""

    def run(text: str, published: dt.date | None = None, doc_id: str = "test") -> EventRecord:
        return extractor.extract(article_from_text(text, doc_id=doc_id, published=published))

    return run


def shared_eval_file(*parts: str) -> Path:
    """A file of ../shared/eval, or skip the test with the reason."""
    path = SHARED_EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared evaluation data not found at {path}")
    return path
