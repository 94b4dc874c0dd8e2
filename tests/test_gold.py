"""The foundation's acceptance checks on the shared gold data (skipped when it is absent)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.cli import main
from tests.conftest import shared_eval_file

pytestmark = pytest.mark.shared


def test_seed_dateline_and_event_date(tmp_path):
    seed = shared_eval_file("gov", "seed.jsonl")
    out = tmp_path / "out"
    assert main(["extract", str(seed), "--out", str(out), "--no-progress"]) == 0
    (record,) = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["doc_id"] == "gov-seed-000"
    assert record["dateline"]["place"] == "Serang"
    assert record["event"]["date"] == "2025-10-06"
    mention = record["event"]["date_mention"]
    assert mention["text"] == "Senin (6/10/2025)"
    assert record["text"][mention["start"] : mention["end"]] == "Senin (6/10/2025)"
    assert mention["start"] == record["text"].index("Senin (6/10/2025)")
    assert record["event"]["type"] == "kunjungan_kerja"
    trigger = record["event"]["trigger"]
    assert (trigger["text"], trigger["rule"]) == ("kunjungan kerja", "trigger_lead")
    assert trigger["start"] == record["text"].index("kunjungan kerja")


def test_dev_event_dates(extract, capsys):
    gold = shared_eval_file("gov", "dev.jsonl")
    right = 0
    lines = gold.read_text(encoding="utf-8").splitlines()
    for line in lines:
        article = json.loads(line)
        published = article["meta"].get("published")
        record = extract(article["text"], dt.date.fromisoformat(published) if published else None)
        predicted = record.event.date.isoformat() if record.event.date else None
        right += predicted == article["gold"]["event_date"]
        with capsys.disabled():
            print(f"{article['doc_id']}: event_date {predicted} (gold {article['gold']['event_date']})")
    assert right >= 11, f"{right} of {len(lines)} event dates right"
