"""The spaCy base: tokenizer special cases, quote-aware sentences, long texts."""

from __future__ import annotations

import pytest

from pipeline.nlp import BLANK, ModelError, build_nlp, make_doc, model_label, split_for_nlp


@pytest.mark.parametrize(
    "abbreviation", ["Kec.", "Kab.", "Kel.", "Jl.", "Prov.", "Ds.", "Tbk.", "dll.", "dsb.", "S.IP.", "KAB."]
)
def test_abbreviations_stay_one_token(nlp, abbreviation):
    doc = nlp(f"Kantor {abbreviation} Sukamaju")
    assert [token.text for token in doc] == ["Kantor", abbreviation, "Sukamaju"]


def _sentences(nlp, text: str) -> list[str]:
    return [sentence.text.strip() for sentence in nlp(text).sents]


def test_no_sentence_break_at_abbreviations(nlp):
    text = "Camat Kec. Sukamaju meninjau Jl. Merdeka di Kab. Lembah Hijau. Warga senang."
    assert _sentences(nlp, text) == [
        "Camat Kec. Sukamaju meninjau Jl. Merdeka di Kab. Lembah Hijau.",
        "Warga senang.",
    ]


def test_a_quote_with_two_sentences_is_one_sentence(nlp):
    text = (
        "“Kami datang untuk belajar tentang hibah. Kota Sukamaju bisa jadi contoh,” kata Rudi Hartawan. Ia lalu pulang."
    )
    assert _sentences(nlp, text) == [
        "“Kami datang untuk belajar tentang hibah. Kota Sukamaju bisa jadi contoh,” kata Rudi Hartawan.",
        "Ia lalu pulang.",
    ]


def test_kompas_style_marks_open_and_close(nlp):
    text = "”Pasar ini bersih. Pembeli senang,” kata Dewi. Ia tersenyum."
    assert _sentences(nlp, text) == ["”Pasar ini bersih. Pembeli senang,” kata Dewi.", "Ia tersenyum."]


def test_straight_quotes(nlp):
    text = 'Ia berkata: "Kami siap. Semua sudah diatur." Rapat selesai.'
    assert _sentences(nlp, text) == ['Ia berkata: "Kami siap. Semua sudah diatur."', "Rapat selesai."]


def test_a_quote_over_several_lines_stays_open(nlp):
    text = "”Saya minta semua siap.\nIni sudah mendesak.\nJangan terlambat,” kata Presiden.\nRapat selesai."
    assert _sentences(nlp, text) == [
        "”Saya minta semua siap.\nIni sudah mendesak.\nJangan terlambat,” kata Presiden.",
        "Rapat selesai.",
    ]


def test_a_blank_line_ends_an_unclosed_quote(nlp):
    text = "“Kalimat tanpa penutup. Masih kutipan\n\nParagraf baru dimulai. Lalu selesai."
    assert _sentences(nlp, text) == [
        "“Kalimat tanpa penutup. Masih kutipan",
        "Paragraf baru dimulai.",
        "Lalu selesai.",
    ]


def test_a_degree_can_end_a_sentence(nlp):
    text = "Hadir pula Kepala Dinas, Rina Kartika, S.Kom. Kemudian acara dimulai."
    assert _sentences(nlp, text) == ["Hadir pula Kepala Dinas, Rina Kartika, S.Kom.", "Kemudian acara dimulai."]


def test_long_text_is_split_at_paragraphs_and_joined(nlp):
    paragraph = "Bupati Sukamaju meninjau jembatan di Desa Mekar, Senin (6/10/2025).\n\n"
    text = paragraph * 3000  # over 200,000 characters
    doc = make_doc(nlp, text)
    assert doc.text == text
    assert len(list(doc.sents)) == 3000


def test_split_for_nlp_keeps_every_character():
    text = "a" * 50 + "\n\n" + "b" * 70 + " " + "c" * 200
    pieces = split_for_nlp(text, size=100)
    assert "".join(pieces) == text
    assert all(len(piece) <= 100 for piece in pieces)
    assert pieces[0] == "a" * 50 + "\n\n"


def test_a_missing_model_is_one_clear_error(tmp_path):
    with pytest.raises(ModelError, match=r"no spaCy pipeline at .*does-not-exist.*make train"):
        build_nlp(tmp_path / "does-not-exist")


def test_a_corrupt_model_is_one_clear_error(tmp_path):
    (tmp_path / "config.cfg").write_text("[nlp]\nlang = \n", encoding="utf-8")
    with pytest.raises(ModelError, match="cannot be loaded"):
        build_nlp(tmp_path)


def test_blank_model_label():
    assert model_label(BLANK) == "blank"
