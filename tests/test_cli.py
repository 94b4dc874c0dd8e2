"""`python -m pipeline extract`: output files, exit codes, bad input, re-runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from pipeline.batch import ARTICLE_TIMEOUT, BatchOptions
from pipeline.cli import main
from pipeline.record import EventRecord
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "docs" / "record.schema.json").read_text(encoding="utf-8"))
ARTICLE = (
    "SUKAMAJU – Wakil Bupati Sukamaju, Hendra Wijaya, meninjau tanggul yang jebol di Desa Mekarsari, "
    "Kamis (9/10/2025). “Perbaikan harus selesai sebelum musim hujan,” kata Hendra."
)


def _records(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]


def _errors(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    (folder / "kabupaten").mkdir(parents=True)
    (folder / "kabupaten" / "tanggul.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.replace("Kamis (9/10/2025)", "Jumat (10/10/2025)"), encoding="utf-16")
    (folder / "kosong.txt").write_text("", encoding="utf-8")
    (folder / "biner.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "latin.txt").write_bytes(ARTICLE.replace("“", '"').replace("”", '"').encode("utf-8") + b"\xe9\xff")
    lines = [json.dumps({"id": "j1", "text": ARTICLE, "published": "2025-10-10"}), "{broken", json.dumps({"id": 3})]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_extract_writes_sorted_valid_records_and_errors(corpus, tmp_path):
    out = tmp_path / "out"
    code = main(["extract", str(corpus), "--out", str(out), "--model", "blank", "--no-progress"])
    assert code == 1  # some inputs failed; the others are written
    records = _records(out)
    assert [r["doc_id"] for r in records] == ["b", "j1", "kabupaten/tanggul", "latin"]
    for record in records:
        jsonschema.validate(record, SCHEMA)
        EventRecord.model_validate(record)
    assert records[0]["event"]["date"] == "2025-10-10"
    assert records[2]["event"]["date"] == "2025-10-09"
    assert records[1]["source"]["published"] == "2025-10-10"
    assert [w["code"] for w in records[3]["warnings"]] == ["decoding", "text_repaired"]
    assert records[3]["text"].endswith("kata Hendra.éÿ")  # cp1252, and the UTF-8 dash repaired
    assert [(e["doc_id"], e["error"]) for e in _errors(out)] == [
        ("batch#2", "invalid_json"),
        ("batch#3", "missing_text"),
        ("biner", "binary_file"),
        ("kosong", "empty"),
    ]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["articles"] == {"extracted": 4, "failed": 4, "found": 4, "reused": 0, "written": 4}
    assert summary["errors_by_type"] == {"binary_file": 1, "empty": 1, "invalid_json": 1, "missing_text": 1}
    assert sorted(path.name for path in out.iterdir()) == [
        ".parts", "articles.parquet", "dates.parquet", "errors.jsonl", "officials.parquet", "people.parquet",
        "persons.parquet", "places.parquet", "quotes.parquet", "records.jsonl", "summary.json",
    ]  # fmt: skip
    assert list((out / ".parts").iterdir()) == []


def test_output_is_byte_identical_across_runs(corpus, tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    main(["extract", str(corpus), "--out", str(first), "--model", "blank", "--no-progress"])
    main(["extract", str(corpus), "--out", str(second), "--model", "blank", "--no-progress", "--force"])
    assert (first / "records.jsonl").read_bytes() == (second / "records.jsonl").read_bytes()
    assert (first / "errors.jsonl").read_bytes() == (second / "errors.jsonl").read_bytes()


def test_a_rerun_reuses_current_records_and_redoes_changed_ones(corpus, tmp_path):
    out = tmp_path / "out"
    main(["extract", str(corpus), "--out", str(out), "--model", "blank", "--no-progress"])
    before = (out / "records.jsonl").read_bytes()
    (corpus / "b.txt").write_text(ARTICLE.replace("Kamis (9/10/2025)", "Sabtu (11/10/2025)"), encoding="utf-8")
    (corpus / "latin.txt").unlink()
    main(["extract", str(corpus), "--out", str(out), "--model", "blank", "--no-progress"])
    summary = json.loads((out / "summary.json").read_text())
    assert summary["articles"] == {"extracted": 1, "failed": 4, "found": 3, "reused": 2, "written": 3}
    records = _records(out)
    assert [r["doc_id"] for r in records] == ["b", "j1", "kabupaten/tanggul"]
    assert records[0]["event"]["date"] == "2025-10-11"
    assert before.splitlines()[1] == (out / "records.jsonl").read_bytes().splitlines()[1]


def test_duplicate_doc_ids_fail_the_later_article(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    (tmp_path / "in" / "a.md").write_text(ARTICLE)
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path / "in"), "--out", str(out), "--model", "blank", "--no-progress"]) == 1
    assert [r["source"]["path"].rsplit("/", 1)[1] for r in _records(out)] == ["a.md"]
    assert [(e["path"].rsplit("/", 1)[1], e["error"]) for e in _errors(out)] == [("a.txt", "duplicate_doc_id")]


def test_all_good_input_exits_zero(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert main(["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--model", "blank"]) == 0


@pytest.mark.parametrize(
    "arguments",
    [
        ["extract", "does-not-exist", "--out", "x"],
        ["extract", ".", "--out", "x", "--jobs", "0"],
        ["extract", "."],
        ["extract", ".", "--out", "x", "--timeout", "-1"],
        ["extract", ".", "--out", "x", "--timeout", "nan"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_two(arguments, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(arguments)
    assert exit_.value.code == 2


@pytest.mark.parametrize(
    ("flag", "timeout"), [([], ARTICLE_TIMEOUT), (["--timeout", "2.5"], 2.5), (["--timeout", "0"], None)]
)
def test_timeout_flag_reaches_the_batch(tmp_path, monkeypatch, flag, timeout):
    seen: list[BatchOptions] = []
    counts = {"written": 0, "extracted": 0, "reused": 0, "failed": 0}
    summary = {"articles": counts, "seconds": 0.0, "articles_per_second": 0.0}
    monkeypatch.setattr("pipeline.batch.run_batch", lambda options: seen.append(options) or summary)
    assert main(["extract", str(tmp_path), "--out", str(tmp_path / "out"), *flag]) == 0
    assert [options.timeout for options in seen] == [timeout]


def test_timeout_help_gives_the_batch_default(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert f"(default: {ARTICLE_TIMEOUT:g})" in " ".join(capsys.readouterr().out.split())


def test_a_missing_model_exits_two_with_one_message(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(tmp_path), "--out", str(tmp_path / "o"), "--model",
         str(tmp_path / "no-model")],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: no spaCy pipeline at {tmp_path / 'no-model'} (expected {tmp_path / 'no-model' / 'config.cfg'}); "
        "run `make train` to build it, or pass --model blank to run the rules only"
    ]


def test_schema_command_prints_the_committed_schema(capsys):
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == (ROOT / "docs" / "record.schema.json").read_text(encoding="utf-8")
