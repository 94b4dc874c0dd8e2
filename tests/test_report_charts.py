"""The index's counts and charts, role families, and the helpers that keep pages safe and named."""

from __future__ import annotations

import dataclasses
import json
from importlib import resources

import pytest

from pipeline.report.article import ArticleSummary, Speaker, summarize
from pipeline.report.charts import build_charts
from pipeline.report.families import role_family
from pipeline.report.run import RunFailure
from pipeline.report.stats import CorpusStats
from pipeline.report.templating import page_name, script_json, web_url
from tests.test_report_marks import hand_built_record

BASE = ArticleSummary(
    doc_id="a",
    name="a-0",
    title="A",
    event_type="rapat",
    event_date="2025-10-15",
    region="Kota Madiun",
    region_code="35.77",
    roles=("Wakil Wali Kota", "Kepala Dinas Pekerjaan Umum"),
    persons=1,
    speakers=(
        Speaker("Budi Santoso", "Kepala Dinas Pekerjaan Umum", "indirect"),
        Speaker("Budi Santoso", "Kepala Dinas Pekerjaan Umum", "direct"),
        Speaker("Siti Aminah", None, "direct"),
    ),
    direct=2,
    indirect=1,
    warnings=(),
    marks=20,
    model="blank",
    version="0.1.0",
)


def _stats() -> CorpusStats:
    stats = CorpusStats()
    stats.add(BASE)
    stats.add(dataclasses.replace(BASE, doc_id="b", event_type="peresmian", event_date="2025-12-01", speakers=()))
    stats.add(
        dataclasses.replace(
            BASE,
            doc_id="c",
            event_type=None,
            event_date=None,
            region="Provinsi Jawa Barat",
            region_code="32",
            roles=("Pelaksana Tugas Bupati", None),
            speakers=(Speaker("Budi Santoso", None, "direct"),),
            direct=17,
            indirect=0,
            warnings=("event_date_from_published",),
        )
    )
    stats.add(summarize(hand_built_record(), marks=11))
    return stats


@pytest.mark.parametrize(
    ("role", "family"),
    [
        ("Kepala Dinas Kesehatan", "regional office"),
        ("Wakil Wali Kota", "regional head"),
        ("Penjabat Sementara Bupati", "regional head"),
        ("Pelaksana Tugas Kepala Badan Reserse Kriminal", "police"),
        ("Kepala Badan Penanggulangan Bencana Daerah", "regional office"),
        ("Kepala Satuan Polisi Pamong Praja", "regional office"),
        ("Kepala Satuan Reserse Kriminal", "police"),
        ("Wakil Ketua Dewan Perwakilan Rakyat Daerah", "legislature"),
        ("Kepala Desa", "district and village"),
        ("Menteri Pertanian", "national government"),
        ("Komandan Komando Distrik Militer", "military"),
        ("Rektor", "other"),
        ("Wakil", "other"),
        (None, "no role"),
    ],
)
def test_role_families(role, family):
    assert role_family(role) == family


def test_the_role_families_file_is_sorted_and_unique():
    text = resources.files("pipeline.report").joinpath("role_families.tsv").read_text(encoding="utf-8")
    prefixes = [line.split("\t")[0] for line in text.splitlines()[1:] if line and not line.startswith("#")][1:]
    assert prefixes == sorted(prefixes, key=str.lower) and len(prefixes) == len(set(prefixes)) == 58


def test_the_counts_of_the_corpus():
    stats = _stats()
    assert (stats.articles, stats.undated, stats.quotes, stats.officials, stats.persons) == (4, 2, 25, 7, 4)
    assert stats.events == {("2025-10", "rapat"): 1, ("2025-12", "peresmian"): 1}
    assert stats.families == {"regional head": 4, "regional office": 2, "no role": 1}
    assert stats.speakers == {
        ("Budi Santoso", "indirect"): 1,
        ("Budi Santoso", "direct"): 2,
        ("Siti Aminah", "direct"): 1,
        ("Rahmat Hidayat", "direct"): 1,
    }
    assert stats.quotes_per_article == {
        ("direct", 2): 2, ("direct", 17): 1, ("direct", 1): 1, ("indirect", 1): 3, ("indirect", 0): 1,
    }  # fmt: skip
    assert stats.warnings == {"event_date_from_published": 1}


def test_the_charts_and_their_data():
    failures = [RunFailure(None, None, "x", "empty", ""), RunFailure(None, None, "y", "empty", "")]
    charts = {chart.key: chart for chart in build_charts(_stats(), failures)}
    assert list(charts) == ["events", "provinces", "kabkota", "families", "speakers", "quotes", "errors"]
    events = charts["events"].spec
    assert events["encoding"]["x"]["scale"]["domain"] == ["2025-10", "2025-11", "2025-12"]
    assert events["data"]["values"] == [
        {"month": "2025-10", "type": "rapat", "count": 1},
        {"month": "2025-12", "type": "peresmian", "count": 1},
    ]
    assert charts["events"].caption.startswith("2 articles by the month of their event date; 2 without")
    assert charts["provinces"].spec["data"]["values"] == [
        {"province": "Provinsi Jawa Barat", "count": 2},
        {"province": "Provinsi Jawa Timur", "count": 2},
    ]
    assert charts["kabkota"].spec["data"]["values"] == [
        {"kabupaten/kota": "Kota Madiun", "count": 2},
        {"kabupaten/kota": "Kabupaten Bekasi", "count": 1},
    ]
    assert charts["speakers"].spec["data"]["values"] == [
        {"speaker": "Budi Santoso", "kind": "direct", "count": 2, "role": "Kepala Dinas Pekerjaan Umum", "total": 3},
        {"speaker": "Budi Santoso", "kind": "indirect", "count": 1, "role": "Kepala Dinas Pekerjaan Umum", "total": 3},
        {"speaker": "Rahmat Hidayat", "kind": "direct", "count": 1, "role": "Bupati", "total": 1},
        {"speaker": "Siti Aminah", "kind": "direct", "count": 1, "role": "—", "total": 1},
    ]
    assert charts["quotes"].spec["data"]["values"] == [
        {"kind": "direct", "quotes": 1, "count": 1},
        {"kind": "direct", "quotes": 2, "count": 2},
        {"kind": "direct", "quotes": 15, "count": 1},  # 17 quotes: the last bar
        {"kind": "indirect", "quotes": 0, "count": 1},
        {"kind": "indirect", "quotes": 1, "count": 3},
    ]
    assert charts["families"].spec["data"]["values"] == [
        {"role family": "no role", "count": 1},
        {"role family": "regional head", "count": 4},
        {"role family": "regional office", "count": 2},
    ]
    assert charts["errors"].spec["data"]["values"] == [{"error": "empty", "count": 2}]


def test_a_chart_with_nothing_to_count_is_a_note():
    charts = {chart.key: chart for chart in build_charts(CorpusStats(), [])}
    assert all(chart.spec is None for chart in charts.values())
    assert charts["errors"].caption == "0 inputs gave no record (errors.jsonl), by error code. There were none."


def test_json_in_a_script_cannot_close_it():
    text = script_json({"name": "</script><script>alert(1)</script>", "and": "a & b", "line": "\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script>", "and": "a & b", "line": "\u2028"}


@pytest.mark.parametrize(
    ("doc_id", "name"),
    [
        ("kota/parepare-peresmian-taman", "kota-parepare-peresmian-taman-"),
        ("batch#2", "batch-2-"),
        ("../../etc/passwd", "etc-passwd-"),
        ("<script>", "script-"),
        ("文章", "article-"),
    ],
)
def test_page_names_are_safe_and_keep_the_doc_id_readable(doc_id, name):
    assert page_name(doc_id).startswith(name) and len(page_name(doc_id)) == len(name) + 10
    assert page_name(doc_id) != page_name(doc_id + " ")


def test_only_web_addresses_are_links():
    assert web_url("https://contoh.go.id/a") == "https://contoh.go.id/a"
    assert web_url(" JavaScript:alert(1)") is None and web_url("data:text/html,x") is None and web_url(None) is None
