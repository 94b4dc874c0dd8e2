"""The people table on a generated corpus (merge precision and recall, rows, order, growth), the
files of a run (`people.parquet`, `person_key`), an extended run, and gov/dev over several dates."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import random
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import pipeline
from pipeline.batch import BatchOptions, run_batch
from pipeline.corpus import build_people
from pipeline.sinks import record_line
from pipeline.tables import Segment, write_tables
from tests.conftest import shared_eval_file
from tests.people_corpus import HOLDERS, PROMOTION, SEKDA_FROM, generate, mentions_of, pairwise


@pytest.fixture(scope="module")
def corpus():
    return generate()


@pytest.fixture(scope="module")
def built(corpus):
    mentions = mentions_of(corpus.records)
    table, keys = build_people(mentions)
    return mentions, table, keys


def _people(table) -> dict[str, dict]:
    return {row["person_key"]: row for row in table.to_pylist()}


def test_pairwise_precision_and_recall_of_the_merge(corpus, built):
    mentions, table, keys = built
    truths = [
        corpus.truth[(doc, person)] for doc, person in zip(mentions["doc_id"], mentions["person_id"], strict=True)
    ]
    predicted, true, both = pairwise(list(keys), truths)
    # 600 articles, 1,888 mentions of 34 officials and 336 residents -> 289 people.
    # Precision 38,980 / 38,980 = 1.000, recall 38,980 / 39,200 = 0.9944: the pairs missed are
    # mentions without a jurisdiction that are also misspelt, and misspelt short forms (`Hendryk`).
    assert (len(mentions), table.num_rows, predicted, true, both) == (1888, 289, 38980, 39200, 38980)
    assert both / predicted >= 0.98 and both / true >= 0.98


def test_each_official_is_one_row_with_its_appearances_roles_and_dates(corpus, built):
    mentions, table, keys = built
    people = _people(table)
    truth = pd.Series([corpus.truth[(d, p)] for d, p in zip(mentions["doc_id"], mentions["person_id"], strict=True)])
    for holder in HOLDERS:
        rows = mentions[(truth == holder.truth).to_numpy()]
        main = keys[rows.index].value_counts().index[0]
        row = people[main]
        assert row["name"] == holder.name, holder.truth
        assert row["first_seen"] == rows["date"].min().date() and row["kind"] == "official"
    hendra = people["hendra-wijaya@32.91"]
    assert (hendra["articles"], hendra["variants"]) == (38, ["HENDRA WIJAYA", "Hendra", "Hendra Wijaya"])
    assert _spells(hendra["roles"]) == [
        ("Wakil Bupati", "32.91", "2023-01-29", "2024-02-18", 16),
        ("Wakil Bupati", None, "2023-05-13", "2023-05-13", 1),  # a mention without its jurisdiction
        ("Bupati", "32.91", "2024-03-22", "2024-12-25", 21),
    ]
    assert hendra["roles"][0]["last_seen"] < PROMOTION <= hendra["roles"][2]["first_seen"]
    slamet = people["slamet-riyadi-purnomo@33.90"]
    assert _spells(slamet["roles"]) == [
        ("Camat", "33.90.07", "2023-01-14", "2023-12-13", 22),
        ("Sekretaris Daerah", "33.90", "2024-02-06", "2024-12-22", 30),
        ("Sekretaris Daerah", None, "2024-08-10", "2024-08-10", 1),
    ]
    assert slamet["roles"][0]["last_seen"] < SEKDA_FROM <= slamet["roles"][1]["first_seen"]
    assert _spells(slamet["jurisdictions"]) == [
        ("Kecamatan Wonosari Kidul", "33.90.07", "2023-01-14", "2023-12-13", 22),
        ("Kabupaten Lembah Hijau", "33.90", "2024-02-06", "2024-12-22", 30),
    ]
    assert set(slamet["variants"]) >= {"Slamet Riyadi", "Slamet Riyadi Purnomo", "Slameet Riyadi Purnomo"}


def _spells(entries: list[dict]) -> list[tuple]:
    return [
        (entry.get("role", entry["jurisdiction"]), entry["jurisdiction_code"], str(entry["first_seen"]),
         str(entry["last_seen"]), entry["articles"])
        for entry in entries
    ]  # fmt: skip


def test_namesakes_residents_and_a_body_without_a_code(built):
    mentions, table, _ = built
    people = _people(table)
    budi = {
        key: [role["role"] for role in row["roles"]] for key, row in people.items() if row["name"] == "Budi Hartono"
    }
    assert budi == {"budi-hartono@32.92": ["Kepala Dinas Pendidikan"], "budi-hartono@35.93": ["Camat"]}
    assert [key for key, row in people.items() if row["kind"] == "official" and "Hendra" in row["variants"]] == [
        "hendra-wijaya@32.91"
    ]
    hendras = mentions[(mentions["kind"] == "person") & (mentions["name"] == "Hendra")]
    residents = [row for row in people.values() if row["kind"] == "person" and row["name"] == "Hendra"]
    assert len(residents) == len(hendras) > 1 and {row["articles"] for row in residents} == {1}
    assert {row["person_key"].split("~")[0] for row in residents} == set(hendras["region_code"].map("hendra@{}".format))
    kusnadi = people["hendra-kusnadi@32.91"]
    assert (kusnadi["kind"], kusnadi["variants"]) == ("person", ["Hendra Kusnadi"]) and kusnadi["articles"] > 1
    assert people["sugiyanto@koramil-cibening"]["jurisdictions"][0]["jurisdiction_code"] is None


def test_the_table_does_not_depend_on_the_order_of_the_articles(corpus, built):
    _, table, _ = built
    shuffled = corpus.records[:]
    random.Random(7).shuffle(shuffled)
    assert build_people(mentions_of(shuffled))[0].equals(table)


def test_keys_stay_the_same_as_the_corpus_grows(corpus, built):
    mentions, table, keys = built
    early = [record for record in corpus.records if record.source.published < dt.date(2024, 1, 1)]
    early_mentions = mentions_of(early)
    early_table, early_keys = build_people(early_mentions)
    later = dict(zip(zip(mentions["doc_id"], mentions["person_id"], strict=True), keys, strict=True))
    before = zip(zip(early_mentions["doc_id"], early_mentions["person_id"], strict=True), early_keys, strict=True)
    changed = [(mention, key, later[mention]) for mention, key in before if later[mention] != key]
    assert (len(early_mentions), early_table.num_rows, changed) == (919, 163, [])
    assert set(early_table["person_key"].to_pylist()) <= set(table["person_key"].to_pylist())


def _write_records(out: Path, records) -> tuple[str, list[Segment]]:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "records.jsonl"
    lines = [record_line(record).encode() + b"\n" for record in sorted(records, key=lambda record: record.doc_id)]
    path.write_bytes(b"".join(lines))
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    cuts = offsets[::100] + ([offsets[-1]] if len(lines) % 100 else [])
    segments = [Segment(str(path), start, end) for start, end in itertools.pairwise(cuts)]
    return hashlib.sha256(path.read_bytes()).hexdigest(), segments


def test_the_tables_of_a_run_link_to_the_people_table(tmp_path, corpus, built):
    _, table, _ = built
    out = tmp_path / "out"
    sha, segments = _write_records(out, corpus.records)
    assert write_tables(out, sha, segments) is True
    tables = pipeline.load(out)
    assert pq.read_table(out / "people.parquet").replace_schema_metadata().equals(table)
    assert tables.officials["person_key"].notna().all() and tables.persons["person_key"].notna().all()
    assert pq.ParquetFile(out / "officials.parquet").num_row_groups == len(segments) == 6
    spoken = tables.quotes.merge(tables.people, on="person_key")
    assert len(spoken) == len(tables.quotes) == len(corpus.records)
    assert all(row.speaker in row.variants for row in spoken.itertuples())
    officials = tables.officials.merge(
        tables.people[["person_key", "name"]], on="person_key", suffixes=("", "_canonical")
    )
    assert set(officials.loc[officials["name"] == "Hendra", "name_canonical"]) == {"Hendra Wijaya"}
    assert str(tables.people["first_seen"].dtype) == "datetime64[ms]"
    assert list(tables.people["kind"].cat.categories) == ["official", "person"]

    people_bytes = (out / "people.parquet").read_bytes()
    articles_written = (out / "articles.parquet").stat().st_mtime_ns
    assert write_tables(out, sha, segments) is False
    (out / "people.parquet").unlink()
    assert write_tables(out, sha, segments) is True  # only the people step: the record tables stay
    assert (out / "articles.parquet").stat().st_mtime_ns == articles_written
    assert (out / "people.parquet").read_bytes() == people_bytes


def _article(number: int, name: str, date: str) -> str:
    return (
        f"SUKAMAJU – Wakil Bupati Sukamaju, {name}, meninjau tanggul yang jebol di Desa Mekarsari "
        f"nomor {number}, Kamis ({date}). “Perbaikan harus selesai sebelum musim hujan,” kata {name.split()[0]}."
    )


def _batch(folder: Path, out: Path) -> dict:
    return run_batch(BatchOptions(inputs=(str(folder),), out=out, model="blank", progress=False))


def test_an_extended_run_updates_the_people_without_redoing_the_records(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for number, date in enumerate(["9/1/2025", "16/1/2025", "23/1/2025"]):
        (folder / f"a{number}.txt").write_text(_article(number, "Hendra Wijaya", date), encoding="utf-8")
    _batch(folder, out)
    first = pipeline.load(out).people.set_index("person_key")
    for number, date in enumerate(["6/2/2025", "13/2/2025"], start=3):
        (folder / f"a{number}.txt").write_text(_article(number, "Hendra Wijayaa", date), encoding="utf-8")
    summary = _batch(folder, out)
    assert (summary["articles"]["extracted"], summary["articles"]["reused"]) == (2, 3)
    tables = pipeline.load(out)
    people = tables.people.set_index("person_key")
    key = first.index[first["name"] == "Hendra Wijaya"][0]
    assert people.loc[key, "articles"] == 5 and first.loc[key, "articles"] == 3
    assert people.loc[key, "variants"].tolist() == ["Hendra Wijaya", "Hendra Wijayaa"]
    assert (people.loc[key, "first_seen"], people.loc[key, "last_seen"]) == (
        pd.Timestamp("2025-01-09"),
        pd.Timestamp("2025-02-13"),
    )
    assert set(tables.officials["person_key"]) == {key}


@pytest.mark.shared
def test_gov_dev_over_several_dates_gives_one_row_per_official(extract):
    path = shared_eval_file("gov", "dev.jsonl")
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    dates = [dt.date(2024, 2, 5), dt.date(2025, 3, 17), dt.date(2025, 12, 1)]
    records = [
        extract(article["text"], published=date, doc_id=f"{article['doc_id']}@{date.isoformat()}")
        for article in articles
        for date in dates
    ]
    table, _ = build_people(mentions_of(records))
    people = table.to_pylist()
    officials = [row for row in people if row["kind"] == "official"]
    gold = [official for article in articles for official in article["gold"]["officials"]]
    assert (len(articles), len(gold), len(officials)) == (12, 41, 41)
    for official in gold:
        rows = [row for row in officials if official["name"] in row["variants"]]
        assert len(rows) == 1, official["name"]
        assert (rows[0]["articles"], rows[0]["first_seen"], rows[0]["last_seen"]) == (3, dates[0], dates[-1])
        assert [role["articles"] for role in rows[0]["roles"]] == [3]
