"""What `--nlp stanza` asks for: the spaCy pipeline plus stanza's syntax from a model folder.

A `StanzaSyntax` goes wherever a model name goes (`build_nlp`, `Extractor`, the batch
options): it is small, frozen and picklable, so worker processes build the same
pipeline. Importing this module imports neither spaCy nor stanza.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

#: `--nlp` values: the default spaCy pipeline, or the same with stanza's syntax on top.
NLP_BACKENDS = ("spacy", "stanza")
#: Name of the spaCy component that adds stanza's tags, lemmas and tree.
STANZA_PIPE = "stanza_syntax"
#: The models `make train-stanza` installs; `--stanza-dir` may name another folder.
DEFAULT_STANZA_DIR = Path(__file__).resolve().parents[2] / "models" / "stanza_id"


@dataclass(frozen=True)
class StanzaSyntax:
    """The spaCy pipeline `model` (None: the shipped NER model; as for `--model`) with stanza's
    POS tags, lemmas, morphology and dependency tree from the models in `stanza_dir`."""

    model: str | Path | None = None
    stanza_dir: Path = DEFAULT_STANZA_DIR

    def add_to(self, nlp: Language) -> None:
        """Add the stanza component to `nlp` (loads stanza, torch and the models)."""
        from pipeline.syntax.stanza_backend import add_stanza_syntax

        add_stanza_syntax(nlp, str(self.stanza_dir))

    def label(self) -> str:
        """How records name the stanza models, read from their folder (no model loaded)."""
        from pipeline.syntax.models import models_label

        return models_label(self.stanza_dir)


def nlp_choice(model: str | None, nlp: str = "spacy", stanza_dir: Path | None = None) -> str | StanzaSyntax | None:
    """The `model` argument of `build_nlp`/`Extractor` for the CLI's `--model`, `--nlp` and `--stanza-dir`."""
    if nlp not in NLP_BACKENDS:
        raise ValueError(f"unknown NLP backend {nlp!r} (choose from {', '.join(NLP_BACKENDS)})")
    if nlp == "spacy":
        if stanza_dir is not None:
            raise ValueError("--stanza-dir needs --nlp stanza")
        return model
    return StanzaSyntax(model=model, stanza_dir=stanza_dir if stanza_dir is not None else DEFAULT_STANZA_DIR)
