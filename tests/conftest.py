"""Shared fixtures: one extractor (and its spaCy pipeline) per test session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.extract import Extractor
from pipeline.ingest import article_from_text
from pipeline.nlp import make_doc
from pipeline.record import EventRecord, QuoteKind
from pipeline.stages import STAGES
from pipeline.state import ArticleState
from pipeline.syntax.align import TokenSyntax
from pipeline.syntax.stanza_backend import write_syntax

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


@pytest.fixture(scope="session")
def run_stages(nlp: Language):
    """Text -> the state after the stages of `pipeline.stages.STAGES` up to `through` (included):
    for testing one stage on the real outputs of the stages before it."""

    def run(text: str, *, through: str, published: dt.date | None = None, url: str | None = None) -> ArticleState:
        article = article_from_text(text, doc_id="test", published=published, url=url)
        state = ArticleState(doc=make_doc(nlp, article.text), published=published, url=url)
        for stage in STAGES:
            state = stage.run(state)
            if stage.name == through:
                return state
        raise ValueError(f"no stage {through!r}")

    return run


@pytest.fixture
def officials(run_stages):
    """Text -> its officials as (name, role, jurisdiction), after the stages up to `officials`."""

    def run(text: str, url: str | None = None) -> list[tuple[str, str | None, str | None]]:
        return [(o.name, o.role, o.jurisdiction) for o in run_stages(text, through="officials", url=url).officials]

    return run


def shared_eval_file(*parts: str) -> Path:
    """A file of ../shared/eval, or skip the test with the reason."""
    path = SHARED_EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared evaluation data not found at {path}")
    return path


@pytest.fixture(scope="session")
def with_tree(extractor: Extractor):
    """Text and (word, UPOS, relation, absolute head index) rows -> the record of the text with
    that dependency tree on the default pipeline's tokens, as the stanza backend writes it
    (rows None: no tree). For testing the stages' syntax paths without stanza."""

    def run(text: str, rows: list[tuple[str, str, str, int]] | None) -> EventRecord:
        article = article_from_text(text, doc_id="test")
        doc = make_doc(extractor.nlp, article.text)
        if rows is not None:
            assert [token.text for token in doc] == [row[0] for row in rows], "the rows must follow the tokens"
            syntax = TokenSyntax(
                pos=[row[1] for row in rows],
                lemma=[row[0].lower() for row in rows],
                morph=[""] * len(rows),
                dep=[row[2] for row in rows],
                head=[row[3] for row in rows],
            )
            write_syntax(doc, syntax)
        return extractor.build_record(article, doc)

    return run


@pytest.fixture(scope="session")
def quotes(extract):
    """Text -> its quotes as (kind, text, cue, speaker), each span checked against the text."""

    def run(text: str) -> list[tuple[QuoteKind, str, str | None, str | None]]:
        rows = []
        for quote in extract(text).quotes:
            assert text[quote.start : quote.end] == quote.text
            rows.append((quote.kind, quote.text, quote.cue.text if quote.cue else None, quote.speaker))
        return rows

    return run
