"""The shipped NER model (`models/id_warta_ner`) and the corpus conversion that trains it."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.nlp import MODELS_DIR, ModelError, build_nlp
from training.corpora import bio_spans, detokenize, read_source, split_brackets

MODEL = "id_warta_ner"
MODEL_DIR = MODELS_DIR / MODEL
SHARED = Path(__file__).parents[1].parent / "shared"
CORPORA = SHARED / "corpora" / "ner"


@pytest.fixture(scope="module")
def nlp():
    """The pipeline with the shipped model, loaded with every network connection refused."""

    def refuse(*_args, **_kwargs):
        raise OSError("network access while loading the model")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse)
        patch.setattr(socket, "create_connection", refuse)
        yield build_nlp(MODEL)


def test_model_loads_offline_with_tok2vec_and_ner(nlp):
    assert nlp.pipe_names == ["quote_sentencizer", "tok2vec", "ner"]
    assert nlp.lang == "id"
    assert nlp.meta["name"] == "warta_ner"


def test_labels_are_per_org_loc(nlp):
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC"}


def test_tokenizer_has_the_project_special_cases(nlp):
    doc = nlp("Kantor Kec. Lowokwaru di Jl. Soekarno Hatta")
    assert [token.text for token in doc] == ["Kantor", "Kec.", "Lowokwaru", "di", "Jl.", "Soekarno", "Hatta"]


def test_finds_an_invented_mayor(nlp):
    doc = nlp("Wali Kota Sukamaju, Bambang Wiryawan, meresmikan pasar baru di Kecamatan Lembah Hijau, Senin.")
    assert [(ent.text, ent.label_) for ent in doc.ents] == [
        ("Kota Sukamaju", "LOC"),
        ("Bambang Wiryawan", "PER"),
        ("Kecamatan Lembah Hijau", "LOC"),
    ]


def test_finds_an_untitled_person_quoted(nlp):
    doc = nlp("“Kami akan memperbaiki jalan itu tahun depan,” kata Sri Lestariningsih kepada wartawan.")
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Sri Lestariningsih", "PER")]


def test_entities_that_are_only_degrees_are_dropped(nlp):
    from spacy.tokens import Span

    from pipeline.nlp import make_doc
    from pipeline.stages.entities import extract_entities

    doc = make_doc(nlp, "Wali Kota Sukamaju, H. Andi Rahman, S.E., M.M., hadir.")
    words = [token.text for token in doc]
    name, degree = words.index("Andi"), words.index("S.E.")
    doc.ents = [Span(doc, name, name + 2, label="LOC"), Span(doc, degree, degree + 1, label="LOC")]
    assert [doc.text[start:end] for start, end in extract_entities(doc).locations] == ["Andi Rahman"]


def test_one_word_entities_the_article_writes_in_lower_case_are_dropped(nlp):
    from spacy.tokens import Span

    from pipeline.nlp import make_doc
    from pipeline.stages.entities import extract_entities

    doc = make_doc(nlp, "Pelatihan dibuka di Balai Desa. Peserta pelatihan datang dari Dinas Jasa Keuangan.")
    words = [token.text for token in doc]
    first, body = words.index("Pelatihan"), words.index("Dinas")
    doc.ents = [Span(doc, first, first + 1, label="LOC"), Span(doc, body, body + 3, label="ORG")]
    entities = extract_entities(doc)
    assert (entities.locations, [doc.text[start:end] for start, end in entities.organisations]) == (
        (),
        ["Dinas Jasa Keuangan"],
    )


def test_loads_with_plain_spacy_in_a_fresh_process():
    code = (
        "import json, sys, spacy\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "print(json.dumps([nlp.pipe_names, [t.text for t in nlp('Kab. Malang')]]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(MODEL_DIR)], capture_output=True, text=True, check=True, cwd="/"
    )
    assert json.loads(result.stdout) == [["tok2vec", "ner"], ["Kab.", "Malang"]]


def test_model_is_at_most_25_mb():
    size = sum(path.stat().st_size for path in MODEL_DIR.rglob("*") if path.is_file())
    assert size <= 25 * 1024 * 1024


def test_missing_model_is_a_clear_error():
    with pytest.raises(ModelError, match=r"no spaCy pipeline at .*does-not-exist.*make train.*--model blank"):
        build_nlp("does-not-exist")


def test_corrupt_model_is_a_clear_error(tmp_path):
    (tmp_path / "config.cfg").write_text("[nlp\nlang = id\n", encoding="utf-8")
    with pytest.raises(ModelError, match="cannot be loaded"):
        build_nlp(tmp_path)


def test_blank_runs_rules_only():
    assert build_nlp("blank").pipe_names == ["quote_sentencizer"]


# The conversion of the corpora: label mapping, brackets, spacing.


def test_bio_spans_map_labels_and_drop_others():
    tags = ["B-PERSON", "I-PERSON", "O", "B-TIME", "I-ORGANIZATION", "B-LOCATION"]
    label_map = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"}
    assert list(bio_spans(tags, label_map)) == [(0, 2, "PER"), (4, 5, "ORG"), (5, 6, "LOC")]


def _tokens(text: str) -> list[str]:
    return text.split()


def test_split_brackets_makes_an_alias_its_own_entity():
    words = _tokens("Partai Persatuan Pembangunan (PPP) dan (SBY) PT Pos (Persero)")
    tags = _tokens("B-ORG I-ORG I-ORG I-ORG O B-PER B-ORG I-ORG I-ORG")
    assert split_brackets(words, tags) == (
        _tokens("Partai Persatuan Pembangunan ( PPP ) dan ( SBY ) PT Pos ( Persero )"),
        _tokens("B-ORG I-ORG I-ORG O B-ORG O O O B-PER O B-ORG I-ORG I-ORG I-ORG I-ORG"),
    )


def test_detokenize_rebuilds_running_text():
    words = _tokens('" Sumber - sumber air ( 2 . 000 ) habis , " kata Ani .')
    spaces = detokenize(words, split_words=True)
    text = "".join(word + " " * space for word, space in zip(words, spaces, strict=True))
    assert text == '"Sumber-sumber air (2.000) habis," kata Ani.'


@pytest.mark.skipif(not CORPORA.is_dir(), reason=f"needs the NER corpora in {CORPORA}")
def test_training_sources_map_to_per_org_loc_only():
    for name in ("idner-train", "nergrit-train", "nerugm-test"):
        sentences = read_source(CORPORA, name)
        assert len(sentences) > 400, name
        assert {label for sentence in sentences for *_, label in sentence.entities} == {"PER", "ORG", "LOC"}
