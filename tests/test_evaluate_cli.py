"""The evaluation run, its reports and `python -m pipeline evaluate`, with a fake extractor.

The fake "pipeline" finds curly-quoted passages and takes the publication date as the
event date, so the plumbing (reading gold, mapping offsets, failures, reports) is tested
without spaCy. Texts and people are invented.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.evaluate import run_evaluation
from pipeline.evaluate.report import (
    BEGIN_MARKER,
    END_MARKER,
    errors_listing,
    format_scores,
    replace_generated,
    sentence_around,
)
from pipeline.ingest import Article
from pipeline.record import Event, EventRecord, PipelineInfo, Quote, QuoteKind

QUOTE = re.compile(r"“([^”]+)”")

GOV_LINES = [
    {
        "doc_id": "gov-t-1",
        "text": "SUKAMAKMUR  –  Wali Kota Budi Santoso membuka pasar.\n\n“Pasar ini milik warga,” kata Budi.",
        "meta": {"published": "2025-10-06"},
        "gold": {
            "dateline": "Sukamakmur",
            "event_type": "peresmian",
            "event_date": "2025-10-06",
            "event_place": "Pasar Sukamaju",
            "event_region": "Kota Sukamakmur",
            "officials": [
                {
                    "name": "Budi Santoso",
                    "aliases": ["Budi"],
                    "role": "Wali Kota",
                    "jurisdiction": "Kota Sukamakmur",
                }
            ],
            "quotes": [{"text": "Pasar ini milik warga,", "kind": "direct", "speaker": "Budi Santoso"}],
        },
    },
    {
        "doc_id": "gov-t-2",
        "text": "Rapat digelar. “Kita harus hemat,” ujar Siti.",
        "meta": {},
        "gold": {
            "dateline": None,
            "event_type": "rapat",
            "event_date": "2025-10-07",
            "event_place": None,
            "event_region": None,
            "officials": [],
            "quotes": [{"text": "Kita harus hemat,", "kind": "direct", "speaker": "Siti Aminah"}],
        },
    },
    {
        "doc_id": "gov-t-3",
        "text": "   ",
        "meta": {},
        "gold": {"quotes": [{"text": "apa saja", "kind": "indirect", "speaker": None}], "officials": []},
    },
]


class FakeExtractor:
    """Direct quotes between curly marks (none with the model `blank`); the publication date
    as the event date."""

    def __init__(self, model: str | None = None, fail: Iterable[str] = ()) -> None:
        self.model = model
        self.fail = set(fail)
        self.info = PipelineInfo(version="test", model=model or "fake")

    def extract(self, article: Article) -> EventRecord:
        if article.doc_id in self.fail:
            raise RuntimeError("fake extraction failed")
        quotes = [
            Quote(text=match.group(1), start=match.start(1), end=match.end(1), kind=QuoteKind.DIRECT)
            for match in QUOTE.finditer(article.text)
            if self.model != "blank"
        ]
        return EventRecord(
            doc_id=article.doc_id,
            source=article.source,
            text=article.text,
            event=Event(date=article.source.published),
            quotes=quotes,
            pipeline=self.info,
        )

    def extract_many(self, articles: Iterable[Article]) -> Iterator[EventRecord]:
        for article in articles:
            yield self.extract(article)


@pytest.fixture
def gov_gold(tmp_path: Path) -> Path:
    path = tmp_path / "gov" / "test.jsonl"
    path.parent.mkdir()
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in GOV_LINES) + "\n", encoding="utf-8")
    return path


def test_run_evaluation_scores_and_failures(gov_gold: Path) -> None:
    scores = run_evaluation([gov_gold], extractor=FakeExtractor(fail={"gov-t-2"}))
    [dataset] = scores.datasets
    assert dataset.name == "gov/test"
    assert [doc_id for doc_id, _ in dataset.failures] == ["gov-t-2", "gov-t-3"]
    assert "RuntimeError" in dataset.failures[0][1]
    assert dataset.failures[1][1].startswith("empty")
    metrics = scores.metrics()
    # one of three gold quotes found (the failed articles count as misses, not errors)
    assert metrics["gov/test:quotes.all.p@0.8"] == 1.0
    assert metrics["gov/test:quotes.all.r@0.8"] == pytest.approx(1 / 3)
    assert metrics["gov/test:speaker"] == 0.0  # matched, but the fake names no speaker
    # right for gov-t-1; gov-t-3 has no gold date and (failed) predicts none: right too
    assert metrics["gov/test:event.date"] == pytest.approx(2 / 3)
    assert metrics["gov/test:officials.name.r"] == 0.0
    assert scores.model == "fake"
    data = scores.to_json()
    assert data["datasets"]["gov/test"]["counts"]["quotes.all@0.8"] == {"tp": 1, "gold": 3, "predicted": 1}
    assert data["datasets"]["gov/test"]["failed"][0]["doc_id"] == "gov-t-2"


def test_the_same_file_twice_gets_two_names(gov_gold: Path) -> None:
    scores = run_evaluation([gov_gold, gov_gold], extractor=FakeExtractor())
    assert [dataset.name for dataset in scores.datasets] == ["gov/test", "gov/test#2"]


def test_reports(gov_gold: Path) -> None:
    scores = run_evaluation([gov_gold], extractor=FakeExtractor())
    table = format_scores(scores)
    assert "gov/test: 3 articles (gov format), 1 failed" in table
    assert re.search(r"quotes\.all@0\.3\s+1\.000\s+0\.667\s+0\.800\s+2\s+3\s+2", table)
    listing = errors_listing(scores)
    assert "=== gov/test · gov-t-2 ===" in listing
    assert "SPEAKER WRONG [name] gold 'Siti Aminah', predicted None" in listing
    assert "OFFICIAL MISSED Budi Santoso | Wali Kota | Kota Sukamakmur (aliases: Budi)" in listing
    assert "EVENT type: gold 'peresmian', predicted None" in listing
    assert "FAILED: empty" in listing


def test_replace_generated_keeps_the_rest() -> None:
    document = f"# Intro\n\ntext\n\n{BEGIN_MARKER}\nold\n{END_MARKER}\n\n## After\n"
    updated = replace_generated(document, "new table")
    assert updated == f"# Intro\n\ntext\n\n{BEGIN_MARKER}\n\nnew table\n\n{END_MARKER}\n\n## After\n"
    assert replace_generated(updated, "newer").count(BEGIN_MARKER) == 1
    assert replace_generated("# Only intro\n", "table").endswith(f"{BEGIN_MARKER}\n\ntable\n\n{END_MARKER}\n")


def test_sentence_around() -> None:
    text = "Kalimat satu. Lalu “Ayo, kerja!” kata Budi. Kalimat tiga.\nBaris baru."
    start = text.index("Ayo")
    assert sentence_around(text, start, start + 3) == "Lalu “Ayo, kerja!” kata Budi."
    assert sentence_around(text, text.index("Baris"), len(text)) == "Baris baru."


def test_cli_evaluate(gov_gold: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr("pipeline.extract.Extractor", FakeExtractor)
    out = tmp_path / "out"
    doc = tmp_path / "EVALUATION.md"
    doc.write_text(
        f"# Evaluation\n\nHand-written intro.\n\n{BEGIN_MARKER}\nstale numbers\n{END_MARKER}\n",
        encoding="utf-8",
    )
    arguments = ["evaluate", str(gov_gold), "--out", str(out), "--show-errors", "--write-doc", str(doc)]
    assert main([*arguments, "--commit", "abc1234", "--model", "other"]) == 0
    printed = capsys.readouterr().out
    assert "gov/test: 3 articles" in printed
    assert "QUOTE" not in printed  # the error list went to the out folder
    scores = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert scores["metrics"]["gov/test:quotes.all.f1@0.3"] == 0.8
    assert "=== gov/test · gov-t-2 ===" in (out / "errors.txt").read_text(encoding="utf-8")
    written = doc.read_text(encoding="utf-8")
    assert written.startswith("# Evaluation\n\nHand-written intro.\n")
    assert f"Last run: {dt.date.today().isoformat()}, commit `abc1234`" in written
    assert "| quotes.all@0.3 | 1.000 | 0.667 | 0.800 | 2 | 3 | 2 |" in written
    assert "stale numbers" not in written
    assert "Pasar" not in written  # numbers and doc_ids only, no article text


def test_cli_evaluate_compares_two_models(gov_gold: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("pipeline.extract.Extractor", FakeExtractor)
    doc = tmp_path / "EVALUATION.md"
    arguments = ["evaluate", str(gov_gold), "--out", str(tmp_path / "out"), "--write-doc", str(doc)]
    assert main([*arguments, "--commit", "abc1234", "--compare", "blank"]) == 0
    printed = capsys.readouterr().out
    assert "model fake vs. blank: 12 metrics differ, 21 are equal" in printed
    assert "  gov/test:quotes.all.f1@0.3     0.800  0.000      +0.800" in printed
    compared = json.loads((tmp_path / "out" / "scores-compared.json").read_text(encoding="utf-8"))
    assert compared["model"] == "blank"
    written = doc.read_text(encoding="utf-8")
    assert "### Model `fake` against `blank`" in written
    assert "| gov/test:quotes.all.f1@0.3 | 0.800 | 0.000 | +0.800 |" in written


def test_cli_evaluate_errors_to_stdout_without_out(gov_gold: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr("pipeline.extract.Extractor", FakeExtractor)
    assert main(["evaluate", str(gov_gold), "--show-errors"]) == 0
    assert "=== gov/test · gov-t-1 ===" in capsys.readouterr().out


def test_cli_evaluate_usage_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr("pipeline.extract.Extractor", FakeExtractor)
    with pytest.raises(SystemExit) as raised:
        main(["evaluate", str(tmp_path / "missing.jsonl")])
    assert raised.value.code == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    assert main(["evaluate", str(bad)]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err
