"""Hostile inputs a scrape gives: raw line separators in JSON Lines, HTML trafilatura cannot read,
and inputs over `--max-chars`."""

from __future__ import annotations

import json

import pytest

from pipeline.ingest import Article, InputFailure, InputFile, iter_articles, read_file

LEAD = "Bupati Sukamaju, Hendra Wijaya, meninjau Bendungan Cilaki di Desa Mekarsari, Kamis (9/10/2025)."
SECOND = "Ia meminta warga menjaga saluran irigasi agar tidak tersumbat sampah."

#: Characters `str.splitlines` takes for line ends that a JSON string may hold unescaped.
SEPARATORS = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]


def _raw_line(doc_id: str, text: str) -> str:
    """A JSON object with the separators of `text` written raw, as many exporters write them."""
    line = json.dumps({"id": doc_id, "text": text}, ensure_ascii=False)
    for separator in SEPARATORS:
        line = line.replace(json.dumps(separator)[1:-1], separator)
    return line


@pytest.mark.parametrize("separator", SEPARATORS, ids=[f"U+{ord(s):04X}" for s in SEPARATORS])
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_json_lines_split_only_at_newlines(tmp_path, separator, newline):
    first = _raw_line("bendungan", LEAD + separator + SECOND)
    assert separator in first
    second = json.dumps({"id": "irigasi", "text": SECOND})
    (tmp_path / "rilis.jsonl").write_text(first + newline + second + newline, encoding="utf-8", newline="")
    items = list(iter_articles([tmp_path]))
    assert [type(item) for item in items] == [Article, Article]
    bendungan, irigasi = items
    assert (bendungan.doc_id, bendungan.source.line) == ("bendungan", 1)
    assert (irigasi.doc_id, irigasi.source.line) == ("irigasi", 2)
    # the separator is a line break of the article text
    assert bendungan.text == LEAD + "\n" + SECOND
    assert irigasi.text == SECOND


def test_json_lines_with_every_separator_keep_every_record(tmp_path):
    lines = [_raw_line(f"r{i}", LEAD + separator + SECOND) for i, separator in enumerate(SEPARATORS)]
    (tmp_path / "campur.jsonl").write_text("\r\n".join(lines) + "\n\n", encoding="utf-8", newline="")
    items = list(iter_articles([tmp_path]))
    assert [(item.doc_id, item.source.line) for item in items if isinstance(item, Article)] == [
        (f"r{i}", i + 1) for i in range(8)
    ]
    assert not [item for item in items if isinstance(item, InputFailure)]


def test_a_json_file_may_hold_raw_control_characters_in_strings(tmp_path):
    (tmp_path / "satu.json").write_text('{"text": "' + LEAD + "\x0b" + SECOND + '"}', encoding="utf-8")
    (article,) = read_file(InputFile(tmp_path / "satu.json", "satu"))
    assert article.text == LEAD + "\n" + SECOND


def test_a_lone_carriage_return_does_not_end_a_json_line(tmp_path):
    """Only `\\n` ends a record: two objects joined by a bare `\\r` are one invalid line."""
    (tmp_path / "mac.jsonl").write_text(
        json.dumps({"text": LEAD}) + "\r" + json.dumps({"text": SECOND}) + "\n", encoding="utf-8", newline=""
    )
    (failure,) = iter_articles([tmp_path])
    assert isinstance(failure, InputFailure)
    assert (failure.error, failure.line, failure.doc_id) == ("invalid_json", 1, "mac#1")


# --- HTML that trafilatura misses --------------------------------------------------------

LINES = [
    LEAD,
    SECOND,
    "Menurut Hendra, bendungan itu mengairi sekitar 1.200 hektare sawah di tiga kecamatan.",
    "“Kalau saluran bersih, petani bisa tanam tiga kali setahun,” kata Hendra.",
]
HEAD = "<html><head><title>Bupati Tinjau Bendungan Cilaki</title></head><body>"
NAV = (
    "<nav><a href='/'>Beranda</a> | <a href='/berita'>Berita</a> | <a href='/profil'>Profil</a></nav>"
    "<script>var pelacak = 1;</script><style>p { color: red }</style>"
)
FOOTER = "<footer>Hak cipta 2025 Pemkab Sukamaju</footer></body></html>"


def _read_html(tmp_path, html: str) -> Article | InputFailure:
    (tmp_path / "halaman.html").write_text(html, encoding="utf-8")
    (item,) = read_file(InputFile(tmp_path / "halaman.html", "halaman"))
    return item


def test_html_nested_10000_deep_falls_back_to_the_main_content(tmp_path):
    paragraphs = "".join(f"<p>{line}</p>" for line in LINES)
    article = _read_html(tmp_path, HEAD + NAV + "<div>" * 10_000 + paragraphs + "</div>" * 10_000 + FOOTER)
    assert isinstance(article, Article)
    assert article.text == "\n\n".join(LINES)  # no navigation, script, style or footer
    assert article.source.title == "Bupati Tinjau Bendungan Cilaki"
    (warning,) = article.warnings
    assert warning.code == "html_fallback"
    assert warning.message == (
        "trafilatura found 3 words of article text in a page with 48; "
        "the text is the page's main content as resiliparse extracts it"
    )


def test_html_of_br_separated_lines_keeps_its_lines(tmp_path):
    article = _read_html(tmp_path, HEAD + NAV + "<br>".join(LINES) + "<br>" + FOOTER)
    assert isinstance(article, Article)
    assert article.text == "\n".join(LINES)
    (warning,) = article.warnings
    assert (warning.code, warning.message) == (
        "html_fallback",
        "trafilatura joined the 4 lines of the page into 1; "
        "the text is the page's main content as resiliparse extracts it",
    )


def test_an_ordinary_html_page_is_trafilaturas(tmp_path):
    paragraphs = "".join(f"<p>{line}</p>" for line in LINES)
    article = _read_html(tmp_path, HEAD + NAV + f"<article>{paragraphs}</article>" + FOOTER)
    assert isinstance(article, Article)
    assert article.text == "\n".join(LINES)
    assert article.warnings == ()


def test_html_page_that_is_one_layout_table(tmp_path):
    html = HEAD + f"<table><tr><td>{NAV}</td></tr><tr><td>" + "<br>".join(LINES) + "</td></tr>"
    html += "<tr><td>Hak cipta 2025 Pemkab Sukamaju</td></tr></table></body></html>"
    article = _read_html(tmp_path, html)
    assert isinstance(article, Article)
    # resiliparse cannot tell the footer row from the article; the lines are kept
    assert article.text == "\n".join([*LINES, "Hak cipta 2025 Pemkab Sukamaju"])
    assert [warning.code for warning in article.warnings] == ["html_fallback"]


def test_html_page_that_is_one_data_table(tmp_path):
    days = ["Senin", "Selasa", "Rabu", "Kamis"]
    rows = "".join(f"<tr><td>{day}</td><td>{line}</td></tr>" for day, line in zip(days, LINES, strict=True))
    html = HEAD + NAV + f"<table><tr><th>Hari</th><th>Kegiatan</th></tr>{rows}</table>" + FOOTER
    article = _read_html(tmp_path, html)
    assert isinstance(article, Article)
    # trafilatura writes a table as Markdown rows: every cell is there, one row a line
    header = ["| Hari | Kegiatan |", "|---|---|"]
    assert article.text == "\n".join(header + [f"| {day} | {line} |" for day, line in zip(days, LINES, strict=True)])
    assert article.warnings == ()


def test_html_without_visible_text_is_empty(tmp_path):
    failure = _read_html(
        tmp_path, "<html><head><script>var a = 1;</script></head><body><style>p {}</style></body></html>"
    )
    assert isinstance(failure, InputFailure)
    assert (failure.error, failure.message) == ("empty", "no article text found in the HTML")


# --- --max-chars ---------------------------------------------------------------------------


def test_an_article_over_max_chars_is_too_large_whole_never_cut(tmp_path):
    paragraphs = [f"Paragraf {number}. {line}" for number in range(1, 6) for line in LINES]
    long_text = "\n\n".join(paragraphs)
    (tmp_path / "panjang.txt").write_text(long_text, encoding="utf-8")
    (tmp_path / "pendek.txt").write_text(LEAD, encoding="utf-8")
    lines = [json.dumps({"id": "j-panjang", "text": long_text}), json.dumps({"id": "j-pendek", "text": SECOND})]
    (tmp_path / "rilis.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "halaman.html").write_text(HEAD + "".join(f"<p>{line}</p>" for line in paragraphs) + FOOTER)
    items = list(iter_articles([tmp_path], max_chars=1_000))
    failures = [(item.doc_id, item.line, item.error, item.message) for item in items if isinstance(item, InputFailure)]
    assert failures == [
        ("halaman", None, "too_large", "the article has 1,869 characters; the limit (--max-chars) is 1,000"),
        ("panjang", None, "too_large", "the article has 1,888 characters; the limit (--max-chars) is 1,000"),
        ("rilis#1", 1, "too_large", "the article has 1,888 characters; the limit (--max-chars) is 1,000"),
    ]
    assert [item.doc_id for item in items if isinstance(item, Article)] == ["pendek", "j-pendek"]
    assert len([item for item in iter_articles([tmp_path], max_chars=1_888) if isinstance(item, Article)]) == 5


def test_max_chars_on_the_command_line_writes_too_large_errors(tmp_path):
    from pipeline.cli import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "panjang.txt").write_text("\n\n".join([LEAD, SECOND] * 10), encoding="utf-8")
    (tmp_path / "in" / "pendek.txt").write_text(LEAD, encoding="utf-8")
    out = tmp_path / "out"
    options = ["--model", "blank", "--no-progress", "--max-chars", "1000"]
    assert main(["extract", str(tmp_path / "in"), "--out", str(out), *options]) == 1
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert errors == [
        {
            "path": str(tmp_path / "in" / "panjang.txt"),
            "line": None,
            "doc_id": "panjang",
            "error": "too_large",
            "message": "the article has 1,678 characters; the limit (--max-chars) is 1,000",
        }
    ]
    records = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [record["doc_id"] for record in records] == ["pendek"]
