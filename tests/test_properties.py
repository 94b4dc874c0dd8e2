"""Property-based tests: generated Indonesian-like articles through ingest and the whole pipeline.

Articles are put together from fragments written here: datelines, titles, officials with
titles, honorifics and degrees, quotes with balanced and unbalanced marks of every style,
dates (valid and impossible), numbers, junk characters and very long lines. For each the
pipeline must not crash, every span must be the text at its offsets, the record must be
valid against `docs/record.schema.json`, and the same input must give the same bytes
whatever it is batched with.

The examples are derandomised, so CI sees the same ones on every run; set
`WARTA_PROPERTY_EXAMPLES` to run more (the default run extracts at least 1,000 articles).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.batch import ArticleTimeout, _read_guarded, _time_limit
from pipeline.extract import Extractor
from pipeline.ingest import Article, InputFailure, InputFile, article_from_text
from pipeline.ingest.clean import boilerplate_rule
from pipeline.ingest.errors import InputError
from pipeline.record import EventRecord
from pipeline.sinks import record_line
from tests.conftest import ROOT

#: Examples of the pipeline property; each holds `ARTICLES_PER_EXAMPLE` articles.
EXAMPLES = int(os.environ.get("WARTA_PROPERTY_EXAMPLES", "500"))
ARTICLES_PER_EXAMPLE = 2
#: Seconds one example may take before it fails: generated articles are short.
EXAMPLE_SECONDS = 60.0
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
VALIDATOR = jsonschema.Draft202012Validator(json.loads((ROOT / "docs" / "record.schema.json").read_text()))

DATELINES = [
    "JAKARTA –", "SLEMAN (humas) –", "Kota Malang, 6/10/2025 —", "PAREPARE -", "BANDUNG, NUSAPOS —",
    "Sukamaju—", "MAKASSAR (ANTARA) -", "LUBUK PAKAM – ", "TANJUNG SELOR, Kaltara –", "humas –", "–", "",
]  # fmt: skip
TITLES = [
    "Wali Kota Parepare Resmikan Taman Baca", "Bupati Tinjau Tanggul Jebol", "Pemkab Sleman Gelar Rapat Koordinasi",
    "Wabup Serahkan Bantuan Benih", "Gubernur Lantik 12 Pejabat", "“Kami Siap,” Kata Kapolres", "BERITA",
]  # fmt: skip
NAMES = [
    "Hendra Wijaya", "Nur Aini Lestari", "Dr. H. Irfan Syahputra Lubis, M.Si.", "Hj. Euis Komalasari, S.Sos.",
    "Irjen Pol Ribut Hari Santoso", "Asep", "I Gusti Ngurah Putra", "Tan Mei Ling", "Prof. Dr. Ir. Bambang, M.T.",
    "Kolonel Inf Terry Tresna Pramana", "dr. Yusuf Hakim, Sp.PD", "Maria Goreti Wea, S.P., M.Si.", "Budi",
]  # fmt: skip
ROLES = [
    "Wakil Bupati Sukamaju", "Wali Kota Serang", "Kapolda Jateng", "Kepala Dinas Kesehatan Kabupaten Ende",
    "Kades Sukamaju", "Wawali", "Menteri Dalam Negeri", "Camat Lembang", "Sekda", "Kadiskominfo Kota Salatiga",
    "Ketua DPRD Provinsi Jawa Timur", "warga", "salah seorang penerima", "Gubernur Kaltara",
]  # fmt: skip
PLACES = [
    "Desa Mekarsari", "Kecamatan Cibadak", "Kabupaten Sleman", "Kota Serang", "Balai Kota Malang",
    "Jl. Merdeka No. 12", "Aula Kantor Camat Wolowaru", "Provinsi Jawa Timur", "Kab. Bantul", "Istana Merdeka, Jakarta",
    "Kota Malang", "Nagari Sungai Pua", "Kel. Sukajadi",
]  # fmt: skip
VERBS = [
    "meninjau", "meresmikan", "membuka", "menyerahkan bantuan kepada warga di", "melantik pejabat di",
    "memimpin rapat koordinasi di", "menandatangani nota kesepahaman di", "mengunjungi", "hadir di",
]  # fmt: skip
DATES = [
    "Kamis (9/10/2025)", "Senin, 6 Oktober 2025", "6-8 Oktober 2025", "kemarin", "(13/04)", "31/02/2025",
    "Rabu (1/1)", "tahun 2025", "pekan lalu", "29 Februari 2024", "Selasa (30/2/2025)", "1 Muharram 1447 H",
    "Jumat (10/10/2025) pukul 09.00 WIB", "pada 17 Agustus", "Minggu (0/0/0000)", "12/13/2025", "tahun 99999",
]  # fmt: skip
NUMBERS = ["Rp 1,5 miliar", "12 ton", "800 hektare", "No. 12/2025", "3.000 warga", "50 persen", "1.234,56", "2x", "#1"]
CUES = ["kata", "ujar", "ujarnya", "tegasnya", "jelas", "kata dia", "tutur", "ungkapnya", "imbuh"]
REPORTED = ["mengatakan bahwa", "menyampaikan bahwa", "menjelaskan,", "meminta warga agar", "menegaskan"]
CLAUSES = [
    "perbaikan harus selesai sebelum musim hujan", "bantuan akan disalurkan pekan depan",
    "Kami ingin taman ini tetap bersih sampai tahun depan", "warga diminta tetap waspada",
    "anggaran sebesar Rp 2 miliar sudah disiapkan", "Musim tanam sudah dekat. Benih ini harus segera ditanam",
]  # fmt: skip
MARKS = [("“", "”"), ("”", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("‘", "’"), ("'", "'"), ("「", "」"), ("“", '"')]
JUNK = [
    "\u200b", "\ufeff", "\u00ad", "&amp;", "&#8220;", "\t", "\r", "\r\n", "\x0c", "\x0b", "🙂", "\u202e", "e\u0301",
    "Ã©", "â€œ", "\ufffd", "…", "—", "~~~", "####", "|", "\u2028", "\x85", "  ", "\u00a0", "Baca Juga: Bupati Pantau",
    "(foto: humas)", "ﬁ", "Ｒｐ", "<b>", "</p>", "\\", "{", "}",
]  # fmt: skip


def _pick(items: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(items)


@st.composite
def _quote(draw: st.DrawFn) -> str:
    opening, closing = draw(_pick(MARKS))
    said = draw(_pick(CLAUSES))
    speaker = f"{draw(_pick(ROLES))} {draw(_pick(NAMES))}"
    shape = draw(st.integers(0, 7))
    if shape == 0:  # `“...,” kata X.`
        return f"{opening}{said},{closing} {draw(_pick(CUES))} {speaker}."
    if shape == 1:  # `X mengatakan, “...”`
        return f"{speaker} mengatakan, {opening}{said}.{closing}"
    if shape == 2:  # the opening mark only
        return f"{opening}{said}, {draw(_pick(CUES))} {speaker}."
    if shape == 3:  # the closing mark only
        return f"{said},{closing} {draw(_pick(CUES))} {speaker}."
    if shape == 4:  # a quote inside a quote
        return f"{opening}Ia bilang ‘{said}’ kemarin,{closing} {draw(_pick(CUES))} {speaker}."
    if shape == 5:  # split by its cue
        return f"{opening}{said},{closing} {draw(_pick(CUES))} {speaker}. {opening}{draw(_pick(CLAUSES))}.{closing}"
    if shape == 6:  # over two paragraphs, an opening mark on each
        return f"{opening}{said}.\n\n{opening}{draw(_pick(CLAUSES))},{closing} {draw(_pick(CUES))} {speaker}."
    return f"{speaker} {draw(_pick(REPORTED))} {draw(_pick(CLAUSES))}."  # reported speech


@st.composite
def _statement(draw: st.DrawFn) -> str:
    role, name = draw(_pick(ROLES)), draw(_pick(NAMES))
    subject = draw(st.sampled_from([f"{role}, {name},", f"{role} {name}", name, role, f"{name} ({role})"]))
    details = draw(st.lists(st.one_of(_pick(NUMBERS), _pick(PLACES), _pick(DATES)), max_size=3))
    return f"{subject} {draw(_pick(VERBS))} {draw(_pick(PLACES))}, {draw(_pick(DATES))}. " + " ".join(details)


def _long_line() -> st.SearchStrategy[str]:
    """Hundreds of words, or one word of a thousand characters (spaCy's tokenizer takes time
    quadratic in the length of a word: 12,000 characters cost seconds)."""
    # No `x`, `wa` or `line` words: see test_boilerplate_patterns_do_not_backtrack_exponentially.
    word = st.sampled_from(["a", "Kota", "“", "Rp", "12/", "—", "y" * 30, "Sukamaju,"])
    spaced = st.builds(lambda part, count: " ".join([part] * count), word, st.integers(30, 300))
    glued = st.builds(lambda part, count: "".join([part] * count), word, st.integers(20, 40))
    return spaced | glued


_SENTENCE = st.one_of(
    _statement(),
    _statement(),
    _quote(),
    _quote(),
    _quote(),
    _pick(NUMBERS),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40),
    _long_line(),
)


@st.composite
def articles(draw: st.DrawFn) -> str:
    """An article: maybe a title line, a dateline, paragraphs of sentences with junk in between."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 3))):
        pieces = []
        for _ in range(draw(st.integers(1, 3))):
            pieces.append(draw(_SENTENCE))
            if draw(st.integers(0, 3)) == 0:
                pieces.append(draw(_pick(JUNK)))
        paragraphs.append(" ".join(pieces))
    paragraphs[0] = f"{draw(_pick(DATELINES))} {paragraphs[0]}"
    paragraphs[0] = f"{draw(_statement())} {paragraphs[0]}" if draw(st.booleans()) else paragraphs[0]
    title = draw(st.one_of(st.just(""), _pick(TITLES)))
    return (f"{title}\n" if title else "") + draw(_pick(["\n\n", "\n", "\r\n\r\n"])).join(paragraphs)


def _article(raw: str, doc_id: str) -> Article | None:
    try:
        return article_from_text(raw, doc_id=doc_id)
    except InputError:
        return None  # nothing left after cleaning: an `empty` error in a batch


def _check(record: EventRecord, line: str) -> None:
    text = record.text
    for where, span in record.spans():
        assert 0 <= span.start <= span.end <= len(text), where
        assert text[span.start : span.end] == span.text, where
    for quote in record.quotes:
        assert quote.text == text[quote.start : quote.end]
    errors = sorted(VALIDATOR.iter_errors(json.loads(line)), key=str)
    assert not errors, errors[0]
    assert EventRecord.model_validate_json(line) == record


@SETTINGS
@given(st.lists(articles(), min_size=ARTICLES_PER_EXAMPLE, max_size=ARTICLES_PER_EXAMPLE))
def test_generated_articles_give_valid_records_with_exact_spans_deterministically(extractor: Extractor, raws):
    with _limit(raws):
        batch = [article for number, raw in enumerate(raws) if (article := _article(raw, f"p{number}")) is not None]
        records = list(extractor.extract_many(batch, batch_size=8))
        lines = [record_line(record) for record in records]
        for article, record, line in zip(batch, records, lines, strict=True):
            assert record.text == article.text
            _check(record, line)
        # Same input, same bytes: extracted again, alone rather than batched with the others.
        if batch:
            assert record_line(extractor.extract(batch[-1])) == lines[-1]


@contextmanager
def _limit(inputs: object, seconds: float = EXAMPLE_SECONDS) -> Iterator[None]:
    """Fail, rather than hang, on an input that makes a stage (or a regular expression) run away."""
    try:
        with _time_limit(seconds):
            yield
    except ArticleTimeout:
        raise AssertionError(f"took more than {seconds:g} s: {inputs!r}"[:2000]) from None


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ingest")


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=10,
)
_OBJECT = st.fixed_dictionaries(
    {},
    optional={
        "id": _JSON,
        "doc_id": _JSON,
        "text": st.one_of(articles(), _JSON),
        "title": _JSON,
        "url": _JSON,
        "published": st.one_of(_JSON, _pick(["2025-10-10", "2025-13-45", "kemarin", "2025-10-10T09:00:00+07:00"])),
    },
)
_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "utf-32"]


@settings(SETTINGS, max_examples=max(EXAMPLES // 2, 1))
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.builds(lambda text, encoding: text.encode(encoding, errors="replace"), articles(), _pick(_ENCODINGS)),
        st.builds(lambda objects: "\n".join(map(json.dumps, objects)).encode(), st.lists(_OBJECT, max_size=4)),
    ),
    _pick([".txt", ".md", ".html", ".json", ".jsonl"]),
)
def test_any_bytes_in_any_format_give_articles_or_failures(scratch, data, suffix):
    path = scratch / f"artikel{suffix}"
    path.write_bytes(data)
    with _limit(data):
        results = list(_read_guarded(InputFile(path, "artikel")))
    for result in results:
        assert isinstance(result, Article | InputFailure)
        if isinstance(result, InputFailure):
            assert result.error != "ingest_failed", result.message  # ingest foresaw it
            assert result.message
        else:
            assert result.text.strip() == result.text and result.text


def test_boilerplate_patterns_do_not_backtrack_exponentially():
    with _limit("x " * 40 + "z", seconds=2.0):
        assert boilerplate_rule("x " * 40 + "z") is None
