"""The `dataset` layout of the tables (`OUT/tables/<table>/part-*.parquet`): read by dask.dataframe,
pandas and `pipeline.load`; switching layouts; parts of two runs refused."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import pipeline
from pipeline.tables import TABLES
from tests.test_batch import _options, _write_articles

dd = pytest.importorskip("dask.dataframe", reason="needs the dask extra: pip install -e '.[dask]'")


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Row groups of 2 records and parts of 2 row groups: 12 articles make 3 parts per table."""
    monkeypatch.setattr("pipeline.batch.parts.RECORDS_PER_GROUP", 2)
    monkeypatch.setattr("pipeline.tables.layout.GROUPS_PER_PART", 2)


def _parts(out, table: str = "articles") -> list[str]:
    return sorted(path.name for path in (out / "tables" / table).iterdir())


def test_the_dataset_is_read_by_dask_pandas_and_load_as_the_files_are(tmp_path, small_parts):
    names = _write_articles(tmp_path / "in", 12)
    pipeline.batch.run_batch(_options(tmp_path / "in", tmp_path / "files"))
    pipeline.batch.run_batch(_options(tmp_path / "in", tmp_path / "dataset", tables_layout="dataset"))
    out = tmp_path / "dataset"
    files = sorted(path.name for path in out.iterdir())
    assert files == [".parts", "errors.jsonl", "people.parquet", "records.jsonl", "summary.json", "tables"]
    assert sorted(path.name for path in (out / "tables").iterdir()) == sorted(TABLES)
    assert _parts(out) == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    articles = dd.read_parquet(out / "tables" / "articles")
    assert articles.npartitions == 3
    assert list(articles["doc_id"].compute()) == names
    assert [len(partition) for partition in articles.partitions] == [4, 4, 4]
    quotes = dd.read_parquet(out / "tables" / "quotes").compute()
    assert len(quotes) == 12 and set(quotes["kind"]) == {"direct"}
    officials = pd.read_parquet(out / "tables" / "officials")
    assert list(officials["doc_id"]) == names and set(officials["role"]) == {"Wakil Bupati"}
    from_files, from_dataset = pipeline.load(tmp_path / "files"), pipeline.load(out)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(from_dataset, name), getattr(from_files, name), check_like=False)


def test_changing_the_layout_removes_the_other_and_current_parts_are_kept(tmp_path, small_parts):
    _write_articles(tmp_path / "in", 12)
    out = tmp_path / "out"
    pipeline.batch.run_batch(_options(tmp_path / "in", out))
    assert (out / "articles.parquet").is_file()
    pipeline.batch.run_batch(_options(tmp_path / "in", out, tables_layout="dataset"))
    assert [path.name for path in out.glob("*.parquet")] == ["people.parquet"]  # the corpus table, in both layouts
    written = {path: path.stat().st_mtime_ns for path in (out / "tables").rglob("*.parquet")}
    assert len(written) == 3 * len(TABLES)
    pipeline.batch.run_batch(_options(tmp_path / "in", out, tables_layout="dataset"))
    assert {path: path.stat().st_mtime_ns for path in (out / "tables").rglob("*.parquet")} == written
    for number in range(5, 12):  # 5 articles left: 3 row groups, 2 parts
        (tmp_path / "in" / f"a-{number:03d}.txt").unlink()
    pipeline.batch.run_batch(_options(tmp_path / "in", out, tables_layout="dataset"))
    assert _parts(out, "dates") == ["part-00000.parquet", "part-00001.parquet"]
    assert list(pipeline.load(out).articles["doc_id"]) == [f"a-{number:03d}" for number in range(5)]
    pipeline.batch.run_batch(_options(tmp_path / "in", out))
    assert not (out / "tables").exists()
    assert len(pipeline.load(out).articles) == 5


def test_parts_of_two_runs_or_two_layouts_are_refused(tmp_path, small_parts):
    _write_articles(tmp_path / "in", 12)
    out, other = tmp_path / "out", tmp_path / "other"
    pipeline.batch.run_batch(_options(tmp_path / "in", out, tables_layout="dataset"))
    (tmp_path / "in" / "a-000.txt").write_text("BANDUNG – Sebuah artikel lain.", encoding="utf-8")
    pipeline.batch.run_batch(_options(tmp_path / "in", other, tables_layout="dataset"))
    shutil.copy(other / "tables" / "places" / "part-00001.parquet", out / "tables" / "places" / "part-00001.parquet")
    with pytest.raises(ValueError, match="different runs"):
        pipeline.load(out)
    pipeline.batch.run_batch(_options(tmp_path / "in", out, tables_layout="dataset"))  # the re-run repairs it
    assert len(pipeline.load(out).places) == len(pipeline.load(other).places)
    shutil.copy(other / "tables" / "quotes" / "part-00000.parquet", out / "quotes.parquet")
    with pytest.raises(ValueError, match="both layouts"):
        pipeline.load(out)
    shutil.rmtree(out / "tables" / "dates")
    (out / "quotes.parquet").unlink()
    with pytest.raises(FileNotFoundError, match=r"tables/dates/part-\*\.parquet"):
        pipeline.load(out)
