"""A batch of a few thousand generated articles mixed with hostile inputs: every input is
accounted for exactly once, as a record or as one line of `errors.jsonl` (slow: worker processes)."""

from __future__ import annotations

import json
from pathlib import Path

import ftfy  # noqa: F401  (registers the "sloppy-windows-1252" codec)
import pytest

from pipeline.batch import BatchOptions, run_batch

REGIONS = ["Sukamaju", "Tanjung Sari", "Lembah Hijau", "Pasir Putih", "Karang Asri", "Bukit Jaya", "Sungai Rejo"]
OFFICES = ["Bupati", "Wakil Bupati", "Sekretaris Daerah", "Kepala Dinas Kesehatan", "Camat"]
NAMES = ["Hendra Wijaya", "Rina Marlina", "Agus Salim Nasution", "Dewi Lestari Putri", "Yohanes Manurung"]
EVENTS = [
    ("meresmikan", "Puskesmas Pembantu Desa Mekarsari"),
    ("meninjau", "Bendungan Cilaki"),
    ("membuka", "Pelatihan Kader Posyandu"),
    ("memimpin", "Rapat Koordinasi Penanganan Banjir"),
    ("menyerahkan", "bantuan benih padi kepada kelompok tani"),
]
MAX_CHARS = 100_000


def _article(number: int) -> str:
    region = REGIONS[number % len(REGIONS)]
    office = OFFICES[number % len(OFFICES)]
    name = NAMES[(number // 5) % len(NAMES)]
    verb, what = EVENTS[(number // 25) % len(EVENTS)]
    day = number % 28 + 1
    return (
        f"{region.upper()} – {office} {region}, {name}, {verb} {what}, Senin ({day}/10/2025).\n\n"
        f"Kegiatan nomor {number} itu dihadiri perangkat desa dan warga sekitar.\n\n"
        f"“Kami ingin pelayanan untuk warga {region} semakin baik,” kata {name.split()[0]}."
    )


def _raw_json_line(doc_id: str, text: str) -> str:
    line = json.dumps({"id": doc_id, "text": text}, ensure_ascii=False)
    for separator in ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e"):
        line = line.replace(json.dumps(separator)[1:-1], separator)
    return line


def _write_corpus(folder: Path, count: int) -> tuple[set[str], dict[tuple[str, int | None], str]]:
    """Articles and hostile inputs; returns the expected doc_ids of records and (path, line) -> error."""
    records: set[str] = set()
    errors: dict[tuple[str, int | None], str] = {}
    lines = []
    for number in range(count):
        text = _article(number)
        kind = number % 10
        if kind == 7:  # every tenth article a line of a JSON Lines file
            lines.append(json.dumps({"id": f"jsonl-{number}", "text": text}, ensure_ascii=False))
            records.add(f"jsonl-{number}")
            continue
        sub = folder / f"g{number // 500}"
        sub.mkdir(parents=True, exist_ok=True)
        if kind == 8:
            paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in text.split("\n\n"))
            (sub / f"a{number}.html").write_text(f"<html><body><article>{paragraphs}</article></body></html>")
        elif kind == 9:
            (sub / f"a{number}.md").write_text(f"---\ntitle: Berita {number}\npublished: 2025-10-02\n---\n{text}")
        else:
            (sub / f"a{number}.txt").write_text(text, encoding="utf-8")
        records.add(f"g{number // 500}/a{number}")
    jsonl = folder / "banyak.jsonl"
    separators = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]
    for index, separator in enumerate(separators):
        lines.append(_raw_json_line(f"pemisah-{index}", _article(index) + separator + _article(index + 1)))
        records.add(f"pemisah-{index}")
    lines.append('{"id": "rusak", "text": "tidak ditutup')
    errors[(str(jsonl), len(lines))] = "invalid_json"
    lines.append(json.dumps({"id": "jsonl-7", "text": _article(7)}))  # the doc_id of line 1 again
    errors[(str(jsonl), len(lines))] = "duplicate_doc_id"
    jsonl.write_text("\r\n".join(lines) + "\n", encoding="utf-8", newline="")

    hostile = folder / "hostile"
    hostile.mkdir()
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in _article(1).split("\n\n"))
    nav = "<nav><a href='/'>Beranda</a> | <a href='/berita'>Berita</a></nav>"
    (hostile / "dalam.html").write_text(
        f"<html><body>{nav}" + "<div>" * 10_000 + paragraphs + "</div>" * 10_000 + "</body></html>"
    )
    (hostile / "baris.html").write_text(
        f"<html><body>{nav}" + "<br>".join(_article(2).split("\n\n")) + "</body></html>"
    )
    rows = "".join(f"<tr><td>{line}</td></tr>" for line in _article(3).split("\n\n"))
    (hostile / "tabel.html").write_text(f"<html><body><table>{rows}</table></body></html>")
    for codec in ("sloppy-windows-1252", "latin-1"):
        mojibake = _article(4).encode("utf-8").decode(codec)
        (hostile / f"mojibake-{codec}.txt").write_text(mojibake, encoding="utf-8")
    records.update(f"hostile/{name}" for name in ("dalam", "baris", "tabel"))
    records.update(f"hostile/mojibake-{codec}" for codec in ("sloppy-windows-1252", "latin-1"))
    (hostile / "besar.txt").write_text("\n\n".join(_article(n) for n in range(MAX_CHARS // 200)), encoding="utf-8")
    errors[(str(hostile / "besar.txt"), None)] = "too_large"
    (hostile / "kosong.txt").write_text("Baca Juga: Berita lain\n")
    errors[(str(hostile / "kosong.txt"), None)] = "empty"
    (hostile / "gambar.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    errors[(str(hostile / "gambar.txt"), None)] = "binary_file"
    (hostile / "daftar.json").write_text(json.dumps([{"text": _article(5)}, {"judul": "tanpa teks"}]))
    records.add("hostile/daftar#1")
    errors[(str(hostile / "daftar.json"), None)] = "missing_text"
    return records, errors


@pytest.mark.slow
def test_every_input_of_a_hostile_batch_is_accounted_for_once(tmp_path):
    records, errors = _write_corpus(tmp_path / "in", 3_000)
    out = tmp_path / "out"
    options = BatchOptions(
        inputs=(str(tmp_path / "in"),), out=out, jobs=2, model="blank", progress=False, max_chars=MAX_CHARS
    )
    summary = run_batch(options)
    written = [json.loads(line)["doc_id"] for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    failed = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(written) == len(set(written)) == len(records) == 3_014
    assert set(written) == records
    assert {(error["path"], error["line"]): error["error"] for error in failed} == errors
    assert len(failed) == len(errors) == 6
    assert summary["articles"]["written"] == 3_014
    assert summary["errors_by_type"] == {
        "binary_file": 1,
        "duplicate_doc_id": 1,
        "empty": 1,
        "invalid_json": 1,
        "missing_text": 1,
        "too_large": 1,
    }
    by_id = {
        record["doc_id"]: record
        for record in map(json.loads, (out / "records.jsonl").read_text(encoding="utf-8").splitlines())
        if record["doc_id"].startswith(("hostile/", "pemisah-"))
    }
    assert by_id["hostile/dalam"]["warnings"][0]["code"] == "html_fallback"  # ingest warnings come first
    assert by_id["hostile/mojibake-latin-1"]["text"] == _article(4)
    assert by_id["pemisah-3"]["text"] == _article(3) + "\n" + _article(4)
