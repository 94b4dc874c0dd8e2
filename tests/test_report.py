"""`python -m pipeline report`: the site of a small run made by `python -m pipeline extract --model blank`."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.record import EventRecord, QuoteKind
from pipeline.report import ReportError, ReportOptions, write_report
from pipeline.report.templating import page_name
from tests.test_report_marks import expected_spans, marked_spans, shown_text

MARKUP_ARTICLE = """---
title: Bupati <img src=x onerror="window.__wartaPwned=1"> Resmikan Pasar
url: javascript:window.__wartaPwned=1
---
GUNUNGKIDUL – Bupati Gunungkidul, Hendra Wijaya, meresmikan Pasar Rakyat Semanu di Kapanewon Semanu, \
Senin (6/10/2025). Papan pengumuman pasar sempat menampilkan tulisan <script>window.__wartaPwned=1</script> \
akibat ulah peretas.

“Kode <img src=x onerror="window.__wartaPwned=1"> itu sudah dihapus oleh Dinas Komunikasi dan Informatika,” \
kata Hendra.
"""
MEETING_ARTICLE = """Wakil Wali Kota Madiun Pimpin Rapat Koordinasi Banjir
MADIUN – Wakil Wali Kota Madiun, Ratna Susanti, memimpin rapat koordinasi penanganan banjir di Balai Kota \
Madiun, Rabu (15/10/2025). Rapat diikuti camat dan lurah se-Kota Madiun.

Kepala Dinas Pekerjaan Umum Kota Madiun, Budi Santoso, mengatakan bahwa pengerukan saluran akan dimulai pekan \
depan. “Kami sudah menyiapkan dua alat berat di Kecamatan Taman,” ujarnya.

Warga Kelurahan Manisrejo, Siti Aminah, menyambut baik langkah tersebut. “Tahun lalu air masuk ke rumah sampai \
selutut,” kata Siti.
"""
RELEASES = [
    {
        "id": "rilis-sleman-bibit",
        "title": "Pemkab Sleman Bagikan Bibit Cabai",
        "url": "https://contoh.slemankab.go.id/berita/bibit",
        "published": "2025-11-03",
        "text": "SLEMAN – Pemerintah Kabupaten Sleman menyerahkan bantuan 5.000 bibit cabai kepada kelompok tani "
        "di Kapanewon Depok, Senin (3/11/2025). Kepala Dinas Pertanian Kabupaten Sleman, Agus Prasetyo, "
        "menyampaikan bahwa bibit tersebut tahan terhadap musim hujan.",
    },
    {"id": "rilis-tanpa-teks", "title": "Tanpa isi"},
]
MARKUP_DOC = "kabupaten/gunungkidul-pasar"


def make_run(folder: Path) -> Path:
    """Extract the articles above (three records, two errors) into `folder/run`."""
    raw = folder / "raw"
    (raw / "kabupaten").mkdir(parents=True)
    (raw / "kota").mkdir()
    (raw / f"{MARKUP_DOC}.txt").write_text(MARKUP_ARTICLE, encoding="utf-8")
    (raw / "kota" / "madiun-rapat-banjir.txt").write_text(MEETING_ARTICLE, encoding="utf-8")
    (raw / "rilis.jsonl").write_text("".join(json.dumps(item) + "\n" for item in RELEASES), encoding="utf-8")
    (raw / "kosong.txt").write_text("", encoding="utf-8")
    run = folder / "run"
    assert main(["extract", str(raw), "--out", str(run), "--model", "blank", "--no-progress"]) == 1
    return run


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_run(tmp_path_factory.mktemp("report"))


@pytest.fixture(scope="module")
def site(run: Path) -> Path:
    out = run.parent / "site"
    assert main(["report", str(run), "--out", str(out), "--no-progress"]) == 0
    return out


def _records(run: Path) -> list[EventRecord]:
    lines = (run / "records.jsonl").read_text(encoding="utf-8").splitlines()
    return [EventRecord.model_validate_json(line) for line in lines]


def _marked_html(page: str) -> str:
    return re.search(r'<div class="marked">(.*?)</div>\n</section>', page, re.DOTALL).group(1)


def _rows_script(site: Path) -> dict:
    text = (site / "data" / "articles.js").read_text(encoding="utf-8")
    return json.loads(text.removeprefix("window.WARTA_ARTICLES = ").removesuffix(";\n"))


def _chart_specs(site: Path) -> dict:
    index = (site / "index.html").read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="chart-specs">(.*?)</script>', index).group(1))


def _files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_the_report_has_a_page_and_the_json_of_every_record(run, site):
    records = _records(run)
    assert [record.doc_id for record in records] == [MARKUP_DOC, "kota/madiun-rapat-banjir", "rilis-sleman-bibit"]
    names = sorted(page_name(record.doc_id) for record in records)
    assert sorted(path.stem for path in (site / "articles").iterdir()) == names
    assert sorted(path.stem for path in (site / "records").iterdir()) == names
    assert sorted(path.name for path in (site / "assets").iterdir()) == ["index.js", "report.css", "vega-bundle.js"]
    for record in records:
        stored = (site / "records" / f"{page_name(record.doc_id)}.json").read_text(encoding="utf-8")
        assert EventRecord.model_validate_json(stored) == record


def test_each_page_marks_exactly_the_spans_of_its_record(run, site):
    for record in _records(run):
        page = (site / "articles" / f"{page_name(record.doc_id)}.html").read_text(encoding="utf-8")
        marked = _marked_html(page)
        assert shown_text(marked) == record.text
        assert marked_spans(marked) == expected_spans(record)
        assert f'<a href="../records/{page_name(record.doc_id)}.json">record JSON</a>' in page
        for quote in record.quotes:
            if quote.speaker_id:
                assert f'<li id="person-{quote.speaker_id}">' in page


def test_quotes_link_to_their_speakers(run, site):
    record = next(record for record in _records(run) if record.doc_id == "kota/madiun-rapat-banjir")
    page = (site / "articles" / f"{page_name(record.doc_id)}.html").read_text(encoding="utf-8")
    quotes = [mark for mark in marked_spans(_marked_html(page)) if mark[0] == "QUOTE"]
    assert quotes == sorted(("QUOTE", quote.text, f"#person-{quote.speaker_id}") for quote in record.quotes)
    assert {quote.kind for quote in record.quotes} == {QuoteKind.DIRECT, QuoteKind.INDIRECT}


def test_markup_in_an_article_is_shown_as_text(site):
    page = (site / "articles" / f"{page_name(MARKUP_DOC)}.html").read_text(encoding="utf-8")
    assert "<img" not in page and page.count("<script") == 0
    assert "tulisan &lt;script&gt;window.__wartaPwned=1&lt;/script&gt; akibat" in page
    assert '“Kode <img src=x onerror="window.__wartaPwned=1"> itu' in shown_text(_marked_html(page))
    assert "<h1>Bupati &lt;img src=x onerror=&#34;window.__wartaPwned=1&#34;&gt; Resmikan Pasar</h1>" in page
    assert "javascript:" not in page.replace("<dd>javascript:window.__wartaPwned=1</dd>", "")
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "<img" not in index and "__wartaPwned" not in index
    assert "Bupati \\u003cimg src=x onerror=" in (site / "data" / "articles.js").read_text(encoding="utf-8")


def test_the_table_has_a_row_per_record(run, site):
    table = _rows_script(site)
    assert table["columns"] == [
        "doc_id", "title", "type", "date", "region", "officials", "persons", "direct", "indirect", "warnings", "name",
    ]  # fmt: skip
    rows = [dict(zip(table["columns"], row, strict=True)) for row in table["rows"]]
    records = _records(run)
    assert [row["doc_id"] for row in rows] == [record.doc_id for record in records]
    for row, record in zip(rows, records, strict=True):
        assert row["name"] == page_name(record.doc_id)
        assert row["officials"] == len(record.officials) and row["persons"] == len(record.persons)
        assert row["direct"] + row["indirect"] == len(record.quotes)
        assert row["region"] == (record.event.region or "")
    assert rows[0]["title"] == 'Bupati <img src=x onerror="window.__wartaPwned=1"> Resmikan Pasar'
    assert rows[1]["title"] == "Wakil Wali Kota Madiun Pimpin Rapat Koordinasi Banjir"


def test_the_charts_are_vega_lite_with_their_data_inline(site):
    specs = _chart_specs(site)
    assert list(specs) == ["events", "provinces", "kabkota", "families", "speakers", "quotes", "errors"]
    assert specs["errors"]["data"]["values"] == [{"error": "empty", "count": 1}, {"error": "missing_text", "count": 1}]
    assert all("$schema" not in spec and "url" not in spec["data"] for spec in specs.values())
    assert "http" not in json.dumps(specs)


def test_every_asset_is_beside_the_pages(site):
    for path in [site / "index.html", *(site / "articles").iterdir()]:
        html = path.read_text(encoding="utf-8")
        sources = re.findall(r'<(?:script|link|img)[^>]*(?:src|href)="([^"]+)"', html)
        assert sources, path
        for source in sources:
            assert not re.match(r"[a-z]+:|//", source), (path, source)
            assert (path.parent / source).resolve().is_file(), (path, source)


def test_the_same_run_gives_the_same_bytes(run, site):
    again = run.parent / "again"
    write_report(ReportOptions(run=run, out=again, progress=False))
    assert _files(again) == _files(site)


def test_a_new_report_replaces_the_old_one_and_no_other_folder(run, tmp_path):
    shorter = tmp_path / "run"
    shutil.copytree(run, shorter)
    lines = (shorter / "records.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    out = tmp_path / "site"
    write_report(ReportOptions(run=shorter, out=out, progress=False))
    (shorter / "records.jsonl").write_text("".join(lines[1:]), encoding="utf-8")
    result = write_report(ReportOptions(run=shorter, out=out, progress=False))
    assert result.articles == 2 and len(list((out / "articles").iterdir())) == 2
    assert not (out / "articles" / f"{page_name(MARKUP_DOC)}.html").exists()
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []
    other = tmp_path / "notes"
    other.mkdir()
    (other / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ReportError, match="is not a report"):
        write_report(ReportOptions(run=shorter, out=other, progress=False))
    assert main(["report", str(shorter), "--out", str(other), "--no-progress"]) == 2
    assert [path.name for path in other.iterdir()] == ["keep.txt"]


def test_lines_that_are_no_record_are_listed_and_the_rest_is_written(run, tmp_path, capsys):
    broken = tmp_path / "run"
    shutil.copytree(run, broken)
    first = json.loads((broken / "records.jsonl").read_text(encoding="utf-8").splitlines()[0])
    first["dates"][0]["end"] += 1
    with (broken / "records.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("{broken\n" + json.dumps(first) + "\n")
    assert main(["report", str(broken), "--no-progress"]) == 0
    assert "report of 3 records and 2 errors" in capsys.readouterr().err
    index = (broken / "report" / "index.html").read_text(encoding="utf-8")
    assert "2 line(s) of records.jsonl are not valid records" in index
    assert "<li>line 4: record: Invalid JSON" in index and "<li>line 5: dates.0: Value error" in index


def test_a_folder_without_records_is_a_usage_error(tmp_path, capsys):
    assert main(["report", str(tmp_path), "--no-progress"]) == 2
    assert f"{tmp_path} is not the output folder of a run: records.jsonl not found" in capsys.readouterr().err
