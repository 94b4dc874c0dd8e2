"""Ingest: decoding, cleaning (with its alignment), and every input format."""

from __future__ import annotations

import codecs
import datetime as dt
import json

import pytest

from pipeline.ingest import InputError, InputFailure, article_from_text, clean_text, discover, iter_articles
from pipeline.ingest.decode import decode_bytes

ARTICLE = (
    "SUKAMAJU – Bupati Sukamaju, Hendra Wijaya, membuka “Festival Durian” di alun-alun, "
    "Sabtu (4/10/2025). Ribuan warga datang sejak pagi."
)


# --- decoding ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("utf-16"), "utf-16"),
        (ARTICLE.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_unicode_encodings_decode_exactly(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.text == ARTICLE
    assert decoded.encoding == encoding
    assert decoded.problem is None


def test_cp1252_falls_back_with_a_note():
    text = "Kafe “Sederhana” milik José dibuka."
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"
    assert decoded.problem == "not valid UTF-8; decoded as cp1252"


def test_mostly_utf8_with_a_bad_byte_keeps_utf8():
    data = ARTICLE.encode("utf-8") + b" \xff akhir"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.endswith(" \ufffd akhir")
    assert decoded.problem == "1 invalid UTF-8 byte sequence(s) replaced with U+FFFD"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "the file is a PNG image, not text"),
        (b"%PDF-1.7\n%\xe2\xe3", "the file is a PDF document, not text"),
        (bytes(range(256)) * 4, "the file contains NUL bytes and is not UTF-16 text"),
    ],
)
def test_binary_data_is_refused(data, message):
    with pytest.raises(InputError) as error:
        decode_bytes(data)
    assert error.value.code == "binary_file"
    assert error.value.message == message


# --- cleaning ----------------------------------------------------------------------------


def test_mojibake_is_repaired_and_curly_quotes_kept():
    cleaned = clean_text("â€œKami siapâ€\x9d, kata Hendra.")
    assert cleaned.text == "“Kami siap”, kata Hendra."
    assert cleaned.repaired


def test_whitespace_is_normalised():
    cleaned = clean_text("  Bupati\u00a0 Sukamaju\t hadir.\r\n\r\n\r\n\r\nWarga   senang. \n")
    assert cleaned.text == "Bupati Sukamaju hadir.\n\nWarga senang."


@pytest.mark.parametrize(
    "line",
    [
        "Baca Juga: Bupati Resmikan Jembatan Gantung di Desa Mekar",
        "Bagikan: Facebook | X | WhatsApp | Cetak",
        "Facebook Twitter WhatsApp Telegram",
        "Cetak halaman ini",
        "(Foto: Diskominfo)",
        "Bupati Hendra Wijaya (kiri) menyerahkan bantuan kepada warga. (Foto: Prokopim Sukamaju)",
        "Data tidak ditemukan.",
        "(hms/rd)",
        "Editor: Sari Puspita",
        "Dibaca 245 kali",
    ],
)
def test_boilerplate_lines_are_dropped(line):
    cleaned = clean_text(f"Paragraf pertama berita.\n\n{line}\n\nParagraf kedua berita.")
    assert cleaned.text == "Paragraf pertama berita.\n\nParagraf kedua berita."


def test_article_lines_are_kept():
    text = "Bupati meminta warga membagikan informasi banjir kepada tetangga. Sumber air bersih disiapkan."
    assert clean_text(text).text == text


def test_alignment_maps_cleaned_spans_back_to_the_source():
    raw = "  Judul\n\nBaca Juga: Berita lain\n\nBupati   Hendra  hadir."
    cleaned = clean_text(raw)
    assert cleaned.text == "Judul\n\nBupati Hendra hadir."
    start = cleaned.text.index("Hendra")
    source_start, source_end = cleaned.alignment.span_to_source(start, start + len("Hendra"))
    assert raw[source_start:source_end] == "Hendra"
    start = cleaned.text.index("hadir.")
    source_start, source_end = cleaned.alignment.span_to_source(start, start + len("hadir."))
    assert raw[source_start:source_end] == "hadir."


def test_article_hash_covers_text_and_metadata():
    first = article_from_text(ARTICLE, doc_id="a")
    again = article_from_text(ARTICLE, doc_id="b")
    dated = article_from_text(ARTICLE, doc_id="a", published=dt.date(2025, 10, 5))
    assert first.source.sha256 == again.source.sha256
    assert first.source.sha256 != dated.source.sha256


def test_an_empty_article_is_an_input_error():
    with pytest.raises(InputError, match="no text after boilerplate removal"):
        article_from_text("Baca Juga: Berita lain\n\n   \n", doc_id="a")


# --- formats -----------------------------------------------------------------------------


def _items(tmp_path):
    return list(iter_articles([tmp_path]))


def test_txt_and_md_with_front_matter(tmp_path):
    (tmp_path / "kota").mkdir()
    (tmp_path / "kota" / "taman.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "rilis.md").write_text(
        "---\ntitle: Festival Durian Dibuka\nurl: https://sukamajukab.go.id/berita/1\npublished: 2025-10-05\n---\n"
        + ARTICLE,
        encoding="utf-8",
    )
    first, second = _items(tmp_path)
    assert (first.doc_id, first.text, first.source.published) == ("kota/taman", ARTICLE, None)
    assert second.doc_id == "rilis"
    assert second.text == ARTICLE
    assert second.source.title == "Festival Durian Dibuka"
    assert second.source.url == "https://sukamajukab.go.id/berita/1"
    assert second.source.published == dt.date(2025, 10, 5)


def test_html_main_text_title_and_date(tmp_path):
    html = f"""<html><head><title>Festival Durian Dibuka | Pemkab Sukamaju</title>
    <meta property="article:published_time" content="2025-10-05T09:00:00+07:00">
    </head><body><nav>Beranda | Berita | Kontak</nav><script>var tracking = 1;</script>
    <article><h1>Festival Durian Dibuka</h1><p>{ARTICLE}</p>
    <p>“Kami ingin durian Sukamaju dikenal luas,” kata Hendra.</p></article>
    <footer>Hak cipta Pemkab Sukamaju</footer></body></html>"""
    (tmp_path / "festival.html").write_text(html, encoding="utf-8")
    (article,) = _items(tmp_path)
    assert article.source.title == "Festival Durian Dibuka"
    assert article.source.published == dt.date(2025, 10, 5)
    assert ARTICLE in article.text
    assert "tracking" not in article.text and "Hak cipta" not in article.text


def test_jsonl_objects_ids_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": 17, "text": ARTICLE, "published": "2025-10-05", "url": "https://x.go.id/1"}),
        json.dumps({"doc_id": "rilis-2", "text": ARTICLE, "title": 5}),
        json.dumps({"text": ARTICLE}),
        "",
        '{"text": "unterminated',
        json.dumps({"id": "tanpa-teks"}),
        json.dumps({"text": ["bukan", "string"]}),
        json.dumps(["bukan objek"]),
        json.dumps({"text": ARTICLE, "published": "kemarin"}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _items(tmp_path)
    articles = [item for item in items if not isinstance(item, InputFailure)]
    failures = [item for item in items if isinstance(item, InputFailure)]
    assert [a.doc_id for a in articles] == ["17", "rilis-2", "batch#3", "batch#9"]
    assert articles[0].source.published == dt.date(2025, 10, 5)
    assert articles[0].source.line == 1
    assert [w.code for w in articles[1].warnings] == ["invalid_field"]
    assert [w.code for w in articles[3].warnings] == ["invalid_published"]
    assert [(f.line, f.error) for f in failures] == [
        (5, "invalid_json"),
        (6, "missing_text"),
        (7, "invalid_field"),
        (8, "invalid_object"),
    ]


def test_json_file_with_a_list(tmp_path):
    (tmp_path / "dua.json").write_text(json.dumps([{"text": ARTICLE}, {"text": ARTICLE, "id": "b"}]))
    assert [item.doc_id for item in _items(tmp_path)] == ["dua#1", "b"]


def test_discover_skips_hidden_and_foreign_files_and_survives_symlink_loops(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / "foto.png").write_bytes(b"\x89PNG")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    files, failures = discover([tmp_path, tmp_path / "missing.txt", tmp_path / "foto.png"])
    assert [file.doc_id for file in files] == ["a"]
    assert [(f.error, f.message) for f in failures] == [
        ("not_found", "input not found"),
        ("unsupported_format", "unsupported file type '.png'"),
    ]


def test_bad_files_become_failures(tmp_path):
    (tmp_path / "kosong.txt").write_text("")
    (tmp_path / "spasi.txt").write_text("   \n\t\n")
    (tmp_path / "gambar.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "rusak.json").write_text("{not json")
    failures = _items(tmp_path)
    assert [(f.doc_id, f.error) for f in failures] == [
        ("gambar", "binary_file"),
        ("kosong", "empty"),
        ("rusak", "invalid_json"),
        ("spasi", "empty"),
    ]


def test_unreadable_file_is_a_failure(tmp_path, monkeypatch):
    path = tmp_path / "rahasia.txt"
    path.write_text(ARTICLE)

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_bytes", refuse)
    (failure,) = _items(tmp_path)
    assert (failure.error, failure.message) == ("unreadable", "cannot read the file: Permission denied")
