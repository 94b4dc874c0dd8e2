"""The Parquet tables and `pipeline.load`: rows, values and dtypes, rewriting, consistency."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import pipeline
from pipeline.batch import BatchOptions, run_batch
from pipeline.record import (
    DateMention,
    DateRole,
    Event,
    EventRecord,
    EventType,
    Mention,
    Official,
    PipelineInfo,
    Place,
    PlaceLevel,
    Quote,
    QuoteKind,
    RecordWarning,
    Source,
    Span,
)
from pipeline.tables import SCHEMAS, TABLES, record_rows
from tests.conftest import ROOT

ARTICLES = {
    "a": "SUKAMAJU – Wakil Bupati Sukamaju, Hendra Wijaya, meninjau tanggul yang jebol di Desa Mekarsari, "
    "Kamis (9/10/2025). “Perbaikan harus selesai sebelum musim hujan,” kata Hendra.",
    "b": "SERANG – Wali Kota Serang, Budi Santoso, meresmikan Taman Baca di Kota Serang, Senin (6/10/2025). "
    "Ia mengatakan bahwa taman itu dibuka setiap hari.",
    "c": "Tidak ada tanggal di sini, hanya kalimat pendek. Seorang warga Desa Mekarsari, Onih Sukaesih, "
    "mengaku senang.",
}


def _run(folder: Path, out: Path) -> dict:
    options = BatchOptions(inputs=(str(folder),), out=out, model="blank", progress=False)
    return run_batch(options)


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tables") / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    out = folder.parent / "out"
    _run(folder, out)
    return out


def _records(out: Path) -> list[EventRecord]:
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    return [EventRecord.model_validate_json(line) for line in lines]


def test_the_tables_have_the_rows_and_values_of_the_records(output):
    tables = pipeline.load(output)
    records = _records(output)
    assert list(tables.articles["doc_id"]) == [record.doc_id for record in records] == ["a", "b", "c"]
    for name in TABLES:
        expected = sum(len(record_rows(record)[name]) for record in records)
        assert len(getattr(tables, name)) == expected, name
    assert sum(len(record.dates) for record in records) > 0 and sum(len(record.quotes) for record in records) > 0
    by_id = {record.doc_id: record for record in records}
    articles = tables.articles.set_index("doc_id")
    assert articles.loc["a", "event_date"] == pd.Timestamp("2025-10-09")
    assert articles.loc["a", "dateline"] == "Sukamaju"
    assert pd.isna(articles.loc["c", "event_date"]) and pd.isna(articles.loc["c", "line"])
    assert articles.loc["a", "quotes"] == len(by_id["a"].quotes)
    for row in tables.quotes.itertuples():
        assert row.text == by_id[row.doc_id].text[row.start : row.end]
    persons = tables.persons[["doc_id", "name", "description", "mentions"]].to_dict("records")
    assert persons == [{"doc_id": "c", "name": "Onih Sukaesih", "description": "warga Desa Mekarsari", "mentions": 1}]
    for row in tables.dates.itertuples():
        assert row.text == by_id[row.doc_id].text[row.start : row.end]
        assert row.value == pd.Timestamp(next(d.value for d in by_id[row.doc_id].dates if d.start == row.start))


def test_the_dtypes_are_for_pandas(output):
    tables = pipeline.load(output)
    articles = tables.articles
    for column in ("published", "event_date", "event_date_start", "event_date_end"):
        assert pd.api.types.is_datetime64_any_dtype(articles[column]), column
    assert list(articles["event_type"].cat.categories) == [member.value for member in EventType]
    assert str(articles["line"].dtype) == "Int32" and str(articles["quotes"].dtype) == "int32"
    assert pd.api.types.is_string_dtype(articles["doc_id"])
    assert list(tables.quotes["kind"].cat.categories) == ["direct", "indirect"]
    assert list(tables.places["level"].cat.categories) == [member.value for member in PlaceLevel]
    assert list(tables.dates["role"].cat.categories) == ["event", "publication", "other"]
    assert list(tables.dates["granularity"].cat.categories) == ["day", "month", "year"]
    assert pd.api.types.is_datetime64_any_dtype(tables.dates["value"])
    assert isinstance(tables.officials["role"].dtype, pd.CategoricalDtype)
    assert str(tables.officials["first_start"].dtype) == "Int32"


def test_the_files_use_plain_arrow_types(output):
    for name, schema in SCHEMAS.items():
        stored = pq.read_schema(output / f"{name}.parquet")
        assert stored.remove_metadata().equals(schema.remove_metadata()), name


def test_rows_of_a_record_built_by_hand():
    text = "Wali Kota Serang, Budi Santoso, berkata: “Taman dibuka Senin.” Senin (6/10/2025)."
    budi = Official(
        id="P1",
        name="Budi Santoso",
        role="Wali Kota",
        jurisdiction="Kota Serang",
        jurisdiction_code="36.73",
        mentions=[Mention(text="Budi Santoso", start=18, end=30), Mention(text="Wali Kota", start=0, end=9)],
    )
    quote = Quote(
        text="Taman dibuka Senin.",
        start=42,
        end=61,
        kind=QuoteKind.DIRECT,
        speaker_id="P1",
        speaker="Budi Santoso",
        cue=Span(text="berkata", start=32, end=39),
    )
    date = DateMention(text="Senin (6/10/2025)", start=63, end=80, value=dt.date(2025, 10, 6), role=DateRole.EVENT)
    place = Place(text="Kota Serang", start=5, end=16, name="Kota Serang", level=PlaceLevel.CITY, code="36.73")
    record = EventRecord(
        doc_id="x",
        source=Source(sha256="0" * 64, published=dt.date(2025, 10, 7)),
        text=text,
        event=Event(type=EventType.PERESMIAN, date=dt.date(2025, 10, 6)),
        dates=[date],
        places=[place],
        officials=[budi],
        quotes=[quote],
        warnings=[RecordWarning(code="quote_unbalanced", message="…")],
        pipeline=PipelineInfo(version="0", model="blank"),
    )
    rows = record_rows(record)
    assert rows["officials"] == [
        {
            "doc_id": "x", "person_id": "P1", "name": "Budi Santoso", "role": "Wali Kota",
            "jurisdiction": "Kota Serang", "jurisdiction_code": "36.73", "rank": None, "mentions": 2,
            "first_start": 0, "first_end": 9,
        }
    ]  # fmt: skip
    assert rows["quotes"] == [
        {
            "doc_id": "x", "kind": "direct", "text": "Taman dibuka Senin.", "speaker": "Budi Santoso",
            "speaker_id": "P1", "speaker_role": "Wali Kota", "cue": "berkata", "start": 42, "end": 61,
            "confidence": 1.0,
        }
    ]  # fmt: skip
    assert rows["persons"] == []
    article = rows["articles"][0]
    assert (article["event_type"], article["published"], article["officials"]) == ("peresmian", dt.date(2025, 10, 7), 1)
    assert article["warnings"] == ["quote_unbalanced"]
    assert rows["dates"][0]["role"] == "event" and rows["places"][0]["level"] == "city"


def test_tables_are_rewritten_only_when_the_records_change(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    _run(folder, out)
    written = {name: (out / f"{name}.parquet").stat().st_mtime_ns for name in TABLES}
    _run(folder, out)
    assert {name: (out / f"{name}.parquet").stat().st_mtime_ns for name in TABLES} == written
    (folder / "c.txt").unlink()
    _run(folder, out)
    assert list(pipeline.load(out).articles["doc_id"]) == ["a", "b"]


def test_tables_of_different_runs_are_refused(output, tmp_path):
    other = tmp_path / "other"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLES["a"], encoding="utf-8")
    _run(tmp_path / "in", other)
    mixed = tmp_path / "mixed"
    shutil.copytree(output, mixed)
    shutil.copy(other / "quotes.parquet", mixed / "quotes.parquet")
    with pytest.raises(ValueError, match="different runs"):
        pipeline.load(mixed)
    (mixed / "quotes.parquet").unlink()
    with pytest.raises(FileNotFoundError, match=r"quotes\.parquet"):
        pipeline.load(mixed)


def test_a_run_without_records_gives_empty_typed_tables(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kosong.txt").write_text("", encoding="utf-8")
    summary = _run(tmp_path / "in", tmp_path / "out")
    assert summary["articles"]["written"] == 0
    tables = pipeline.load(tmp_path / "out")
    assert len(tables.articles) == 0 and list(tables.articles.columns) == SCHEMAS["articles"].names
    assert pd.api.types.is_datetime64_any_dtype(tables.articles["event_date"])


def test_importing_pipeline_loads_neither_spacy_nor_pandas():
    code = (
        "import json, sys, pipeline; print(json.dumps([m for m in ('spacy', 'pandas', 'pyarrow') if m in sys.modules]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(done.stdout) == []
