"""The stanza model folder of `--stanza-dir` (`pipeline.syntax.models`) and the `--nlp` choice.

These read folders only, so they run without stanza; loading the models:
`tests/test_stanza_backend.py` (the stanza environment, `make test-stanza`).
"""

from __future__ import annotations

import importlib.util
import json
import pickle
from pathlib import Path

import pytest

from pipeline.cli import EXIT_USAGE, main
from pipeline.nlp import ModelError, model_label
from pipeline.syntax.choice import DEFAULT_STANZA_DIR, StanzaSyntax, nlp_choice
from pipeline.syntax.models import find_models, models_label

OURS = ("tokenize", "mwt", "pos", "lemma", "depparse")


def our_folder(folder: Path, *, names: tuple[str, ...] = OURS, meta: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "resources.json").write_text("{}\n", encoding="utf-8")
    for name in names:
        (folder / f"{name}.pt").write_bytes(b"weights")
    if meta is not None:
        (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def test_our_folder_gives_every_model_path_and_the_label_of_its_meta(tmp_path):
    folder = our_folder(tmp_path / "stanza_id", meta={"name": "warta_stanza_id", "version": "0.1.0"})
    models = find_models(folder)
    assert (models.downloaded, models.label) == (False, "warta_stanza_id-0.1.0")
    options = models.pipeline_options()
    assert options["processors"] == "tokenize,mwt,pos,lemma,depparse"
    assert options["depparse_model_path"] == str(folder / "depparse.pt")
    assert (options["download_method"], options["allow_unknown_language"], options["tokenize_no_ssplit"]) == (
        None,
        True,
        True,
    )


def test_mwt_is_optional(tmp_path):
    folder = our_folder(tmp_path / "no-mwt", names=("tokenize", "pos", "lemma", "depparse"))
    models = find_models(folder)
    assert models.pipeline_options()["processors"] == "tokenize,pos,lemma,depparse"
    assert models.label == "stanza_no-mwt"


def test_a_downloaded_resources_folder_is_left_to_stanza(tmp_path):
    folder = tmp_path / "stanza_resources"
    (folder / "id" / "tokenize").mkdir(parents=True)
    (folder / "resources.json").write_text(json.dumps({"id": {"lang_name": "Indonesian"}}), encoding="utf-8")
    models = find_models(folder)
    options = models.pipeline_options()
    assert models.downloaded
    assert models.label.startswith("stanza_resources_id-")
    assert options["processors"] == "tokenize,pos,lemma,depparse"
    assert "allow_unknown_language" not in options
    assert "tokenize_model_path" not in options


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (lambda folder: None, "no stanza models at"),
        (lambda folder: folder.mkdir(), "no resources.json"),
        (
            lambda folder: our_folder(folder, names=("tokenize", "mwt")),
            "incomplete (missing pos.pt, lemma.pt, depparse.pt)",
        ),
        (lambda folder: (our_folder(folder), (folder / "resources.json").write_text("{", encoding="utf-8")), "damaged"),
        (
            lambda folder: (folder.mkdir(), (folder / "resources.json").write_text('{"id": {}}', encoding="utf-8")),
            "lists Indonesian but has no",
        ),
    ],
)
def test_a_missing_or_broken_folder_is_one_clear_error(tmp_path, prepare, message):
    folder = tmp_path / "models"
    prepare(folder)
    with pytest.raises(ModelError, match=r"make train-stanza|damaged") as raised:
        find_models(folder)
    assert message in str(raised.value)
    assert models_label(folder) == f"stanza:{folder}"


def test_the_record_label_names_both_pipelines(tmp_path):
    folder = our_folder(tmp_path / "stanza_id", meta={"name": "warta_stanza_id", "version": "0.2.0"})
    assert model_label(StanzaSyntax(model="blank", stanza_dir=folder)) == "blank+warta_stanza_id-0.2.0"
    assert model_label(StanzaSyntax(stanza_dir=folder)) == "id_warta_ner-0.1.0+warta_stanza_id-0.2.0"


def test_nlp_choice():
    assert nlp_choice("blank") == "blank"
    assert nlp_choice(None, "stanza") == StanzaSyntax(model=None, stanza_dir=DEFAULT_STANZA_DIR)
    assert nlp_choice("blank", "stanza", Path("x")) == StanzaSyntax(model="blank", stanza_dir=Path("x"))
    with pytest.raises(ValueError, match="--stanza-dir needs --nlp stanza"):
        nlp_choice(None, "spacy", Path("x"))


def test_cli_stanza_dir_needs_nlp_stanza(tmp_path, capsys):
    with pytest.raises(SystemExit) as raised:
        main(["extract", str(tmp_path), "--out", str(tmp_path / "out"), "--stanza-dir", str(tmp_path)])
    assert raised.value.code == EXIT_USAGE
    assert "--stanza-dir needs --nlp stanza" in capsys.readouterr().err


@pytest.mark.skipif(importlib.util.find_spec("stanza") is not None, reason="stanza is installed here")
def test_cli_nlp_stanza_without_the_extra_says_how_to_install_it(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Bupati meresmikan jembatan.", encoding="utf-8")
    code = main(["extract", str(article), "--out", str(tmp_path / "out"), "--nlp", "stanza", "--no-progress"])
    assert code == EXIT_USAGE
    assert "pip install 'warta[stanza]'" in capsys.readouterr().err


def test_the_choice_travels_to_worker_processes():
    choice = StanzaSyntax(model="blank", stanza_dir=Path("models/x"))
    assert pickle.loads(pickle.dumps(choice)) == choice
    assert hash(choice) == hash(StanzaSyntax(model="blank", stanza_dir=Path("models/x")))
