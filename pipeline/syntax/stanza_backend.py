"""The spaCy component of `--nlp stanza`: stanza's tags, lemmas and dependency tree on the Doc.

A small adapter instead of spacy-stanza (its last release needs stanza < 1.7): the Doc
stays the one the default pipeline makes (the project's tokens and sentences, the
shipped NER model's entities, offsets into the cleaned text), and this component, last
in the pipeline, adds to it `pos_`, `lemma_`, `morph`, `dep_` and `head`:

1. the text of each `quote_sentencizer` sentence (without its surrounding whitespace,
   curly quotation marks made straight) goes to stanza as one sentence
   (`tokenize_no_ssplit`): stanza tokenizes it, expands multiword tokens, tags,
   lemmatizes and parses it;
2. `align.project` puts stanza's words onto the Doc's tokens, one tree per sentence.

One Doc is one stanza call, so an article's parse never depends on the other articles
of its batch, and torch runs on one thread (`--jobs` runs processes side by side): the
same text gives the same parse on any machine. Stanza and torch are imported only here
(`pip install 'warta[stanza]'`); a missing or damaged model raises `ModelError`.
"""

from __future__ import annotations

import bisect
import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

from pipeline.nlp import ModelError
from pipeline.syntax.align import TokenSpan, TokenSyntax, Word, project
from pipeline.syntax.choice import STANZA_PIPE
from pipeline.syntax.models import StanzaModels, find_models

#: Between two sentences given to stanza (stanza's paragraph break; `tokenize_no_ssplit`).
SEPARATOR = "\n\n"
#: Curly quotation marks as the straight ones of the UD training text (one character for one:
#: offsets are unchanged); stanza's tokenizer glues `“` it has hardly seen to the next word.
STRAIGHT_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
#: What loading a missing, truncated or foreign model file raises inside stanza and torch.
LOAD_ERRORS = (OSError, RuntimeError, ValueError, KeyError, EOFError, pickle.UnpicklingError, AttributeError)


class StanzaSyntaxComponent:
    """Runs a stanza pipeline over the Doc's sentences and writes its annotation on the tokens."""

    def __init__(self, folder: Path) -> None:
        self.stanza, models = load_pipeline(folder)
        self.label = models.label

    def __call__(self, doc: Doc) -> Doc:
        tokens = [TokenSpan(token.idx, token.idx + len(token), token.text, token.is_space) for token in doc]
        sentences = [(sentence.start, sentence.end) for sentence in doc.sents] if len(doc) else []
        pieces = [_content(tokens, first, stop) for first, stop in sentences]
        spans = [piece for piece in pieces if piece is not None]
        words = self.parse(doc.text, spans) if spans else []
        if sentences:
            write_syntax(doc, project(tokens, sentences, words))
        return doc

    def parse(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Word]:
        """Stanza's words for the sentences at `spans` of `text`, with offsets into `text`."""
        parsed = self.stanza([text[start:end].translate(STRAIGHT_QUOTES) for start, end in spans])
        starts = []  # where each span begins in the text stanza read
        position = 0
        for start, end in spans:
            starts.append(position)
            position += end - start + len(SEPARATOR)
        words: list[Word] = []
        for sentence in parsed.sentences:
            first = len(words)
            for word in sentence.words:
                token = word.parent
                piece = bisect.bisect_right(starts, token.start_char) - 1
                shift = spans[piece][0] - starts[piece]
                words.append(
                    Word(
                        start=token.start_char + shift,
                        end=token.end_char + shift,
                        upos=word.upos or "",
                        lemma=word.lemma if word.lemma is not None else word.text,
                        feats=word.feats or "",
                        deprel=word.deprel or "",
                        head=first + word.head - 1 if word.head else None,
                    )
                )
        return words


def _content(tokens: list[TokenSpan], first: int, stop: int) -> tuple[int, int] | None:
    """Character span of the sentence's tokens without leading and trailing whitespace tokens."""
    content = [token for token in tokens[first:stop] if not token.is_space]
    return (content[0].start, content[-1].end) if content else None


def write_syntax(doc: Doc, syntax: TokenSyntax) -> None:
    """Set POS, MORPH, LEMMA, DEP and HEAD of every token (spaCy derives the sentences from the heads)."""
    strings = doc.vocab.strings
    morphology = doc.vocab.morphology
    array = numpy.zeros((len(doc), 5), dtype="uint64")
    array[:, 0] = [POS_IDS.get(pos, POS_IDS["X"]) for pos in syntax.pos]
    array[:, 1] = [morphology.add(morph) if morph else 0 for morph in syntax.morph]
    array[:, 2] = [strings.add(lemma) for lemma in syntax.lemma]
    array[:, 3] = [strings.add(dep) for dep in syntax.dep]
    array[:, 4] = (numpy.array(syntax.head, dtype="int64") - numpy.arange(len(doc), dtype="int64")).astype("uint64")
    doc.from_array([POS, MORPH, LEMMA, DEP, HEAD], array)


def load_pipeline(folder: Path) -> tuple[Any, StanzaModels]:
    """stanza's `Pipeline` for the models in `folder` (offline, on one CPU thread), and the models."""
    try:
        import stanza
        import torch
    except ImportError as error:
        raise ModelError(f"--nlp stanza needs stanza and torch ({error}): pip install 'warta[stanza]'") from error
    models = find_models(folder)
    torch.set_num_threads(1)
    try:
        return stanza.Pipeline(**models.pipeline_options()), models
    except LOAD_ERRORS as error:
        raise ModelError(
            f"the stanza models at {models.folder} cannot be loaded ({type(error).__name__}: {error}); "
            "rebuild them with `make train-stanza`, or pass another --stanza-dir"
        ) from error


@Language.factory(
    STANZA_PIPE,
    assigns=["token.pos", "token.lemma", "token.morph", "token.dep", "token.head", "token.is_sent_start"],
    requires=["token.is_sent_start"],
)
def make_stanza_syntax(nlp: Language, name: str, folder: str) -> StanzaSyntaxComponent:
    return StanzaSyntaxComponent(Path(folder))


def add_stanza_syntax(nlp: Language, folder: str) -> Language:
    """Add the stanza component (last) to `nlp`, loading the models in `folder`."""
    nlp.add_pipe(STANZA_PIPE, last=True, config={"folder": folder})
    return nlp
