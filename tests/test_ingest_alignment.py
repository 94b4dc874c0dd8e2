"""`Alignment` inside repaired lines: a cleaned span maps to the raw form of its text, to the character."""

from __future__ import annotations

import json
import re

import ftfy  # noqa: F401  (registers the "sloppy-windows-1252" codec)
import pytest

from pipeline.evaluate import run_evaluation
from pipeline.ingest import article_from_text, clean_text
from pipeline.ingest.repair import repair_line

TEXT = (
    "Bupati Tanjung Sari Resmikan Pasar Rakyat\n\n"
    "TANJUNG SARI – Bupati Tanjung Sari, René Simatupang, meresmikan Pasar Rakyat Desa Cempaka, "
    "Senin (13/10/2025). Pasar itu dibangun dengan dana desa dan swadaya warga.\n\n"
    "“Pasar ini milik warga. Kami ingin pedagang kecil punya tempat yang layak,” kata René.\n\n"
    "Kepala Desa Cempaka, Désiré Manurung, mengatakan bahwa sebanyak 120 pedagang sudah mendaftar "
    "untuk menempati los pasar.\n\n"
    "“Kami berterima kasih atas dukungan Pemkab Tanjung Sari,” ujar Désiré."
)
#: UTF-8 bytes read as cp1252 (the bytes cp1252 leaves undefined as C1 controls, as browsers do) or latin-1.
CODECS = ("sloppy-windows-1252", "latin-1")


def _mojibake(text: str, codec: str) -> str:
    return text.encode("utf-8").decode(codec)


@pytest.mark.parametrize(
    ("codec", "raw"),
    [
        ("sloppy-windows-1252", "â€œKami siapâ€\x9d, kata JosÃ©."),
        ("latin-1", "â\x80\x9cKami siapâ\x80\x9d, kata JosÃ©."),
    ],
)
def test_a_span_inside_a_repaired_line_maps_to_its_raw_form(codec, raw):
    assert _mojibake("“Kami siap”, kata José.", codec) == raw
    cleaned = clean_text(raw)
    assert cleaned.text == "“Kami siap”, kata José."
    assert cleaned.repaired
    align = cleaned.alignment.span_to_source
    assert align(1, 10) == (3, 12)  # Kami siap
    assert raw[3:12] == "Kami siap"
    assert align(0, 11) == (0, 15)  # “Kami siap”: each mark is three raw characters
    assert raw[0:15] == raw.split(",")[0]
    assert align(18, 22) == (22, 27)  # José
    assert raw[22:27] == "JosÃ©"
    assert align(21, 22) == (25, 27)  # é alone
    assert align(22, 22) == (27, 27)  # an empty span after it


@pytest.mark.parametrize("codec", CODECS)
def test_every_span_between_word_edges_maps_to_the_raw_form_of_its_text(codec):
    raw = _mojibake(TEXT, codec)
    cleaned = clean_text(raw)
    assert cleaned.text == TEXT
    edges = sorted({edge for match in re.finditer(r"\w+", TEXT) for edge in match.span()})
    checked = 0
    for start in edges:
        for end in edges:
            if end <= start or end - start > 40:
                continue
            source_start, source_end = cleaned.alignment.span_to_source(start, end)
            assert raw[source_start:source_end] == _mojibake(TEXT[start:end], codec), (start, end)
            checked += 1
    assert checked == 1_543


@pytest.mark.parametrize(
    ("raw", "text", "pieces"),
    [
        ("Tom &amp; Jerry", "Tom & Jerry", [("&", "&amp;")]),
        ("Hen\u200bdra hadir", "Hendra hadir", [("", "\u200b")]),
        ("ÃƒÂ©", "é", [("é", "ÃƒÂ©")]),  # double mojibake: one piece of four raw characters
        ("ﬁnal", "final", [("fi", "ﬁ")]),
        ("HargaÂ\xa0Rp5.000", "Harga\xa0Rp5.000", [("\xa0", "Â\xa0")]),
    ],
)
def test_repaired_pieces_are_as_small_as_the_repair(raw, text, pieces):
    repair = repair_line(raw)
    assert repair is not None and repair.text == text
    changed = [(piece.text, raw[piece.start : piece.end]) for piece in repair.pieces]
    assert [pair for pair in changed if pair[0] != pair[1]] == pieces
    assert "".join(piece.text for piece in repair.pieces) == text


def test_a_letter_and_its_combining_accent_map_as_their_word():
    raw = "Kafe\u0301 baru"
    cleaned = clean_text(raw)
    assert cleaned.text == "Kafé baru"
    assert cleaned.alignment.span_to_source(0, 4) == (0, 5)  # NFC joins two raw characters into é
    assert cleaned.alignment.span_to_source(5, 9) == (6, 10)


def test_collapsed_whitespace_and_dropped_lines_inside_a_repaired_article():
    raw = "  JosÃ©   hadir.\r\n\r\nBaca Juga: Berita lain\r\n\r\nâ€œSiap,â€\x9d   katanya."
    cleaned = clean_text(raw)
    assert cleaned.text == "José hadir.\n\n“Siap,” katanya."
    for word in ("José", "hadir.", "“Siap,”", "katanya."):
        start = cleaned.text.index(word)
        source_start, source_end = cleaned.alignment.span_to_source(start, start + len(word))
        assert raw[source_start:source_end] == _mojibake(word, "sloppy-windows-1252")
    start = cleaned.text.index("hadir.")
    assert cleaned.alignment.span_to_source(start, len(cleaned.text)) == (raw.index("hadir."), len(raw))


def test_an_unrepaired_article_is_one_segment():
    article = article_from_text(TEXT, doc_id="a")
    assert article.alignment.clean == (0,)
    assert article.alignment.span_to_source(10, 20) == (10, 20)


@pytest.mark.parametrize("codec", CODECS)
def test_the_evaluator_finds_the_quotes_of_an_article_with_mojibake(extractor, tmp_path, codec):
    """Scored against the raw (mojibake) gold text: every quote found, no false alarm."""
    gold = {
        "doc_id": "gov-mojibake-1",
        "text": _mojibake(TEXT, codec),
        "meta": {"published": "2025-10-14"},
        "gold": {
            "dateline": "Tanjung Sari",
            "event_type": "peresmian",
            "event_date": "2025-10-13",
            "event_place": "Pasar Rakyat Desa Cempaka",
            "event_region": None,
            "officials": [
                {"name": "René Simatupang", "aliases": ["René"], "role": "Bupati", "jurisdiction": "Tanjung Sari"},
                {"name": "Désiré Manurung", "aliases": ["Désiré"], "role": "Kepala Desa", "jurisdiction": "Cempaka"},
            ],
            "quotes": [
                {
                    "text": "Pasar ini milik warga. Kami ingin pedagang kecil punya tempat yang layak,",
                    "kind": "direct",
                    "speaker": "René Simatupang",
                },
                {
                    "text": "sebanyak 120 pedagang sudah mendaftar untuk menempati los pasar",
                    "kind": "indirect",
                    "speaker": "Désiré Manurung",
                },
                {
                    "text": "Kami berterima kasih atas dukungan Pemkab Tanjung Sari,",
                    "kind": "direct",
                    "speaker": "Désiré Manurung",
                },
            ],
        },
    }
    path = tmp_path / "mojibake.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    (dataset,) = run_evaluation([path], extractor=extractor).datasets
    counts = dataset.counts
    for threshold in ("0.3", "0.8"):
        found = counts[f"quotes.all@{threshold}"]
        assert (found.tp, found.gold, found.predicted) == (3, 3, 3)
    assert dataset.ratios["speaker"].hits == 3
