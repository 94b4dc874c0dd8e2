"""The spaCy base: the Indonesian language with the project's tokenizer and sentence rules.

`build_nlp` is called once per process (building `spacy.blank("id")` alone takes
seconds); every stage then reads the same `Doc`.

- Tokenizer: abbreviations the default Indonesian tokenizer splits (`Kec.`, `Jl.`,
  `S.IP.` ...; `lexicons/abbreviations.tsv`) become single tokens. The trained model
  in `models/` is trained with the same special cases, so rules and model agree.
- Sentences: `quote_sentencizer` breaks at line breaks and after sentence-final
  punctuation, but never inside a quotation, so `“Kami ... hibah. Kota Malang ...,”
  kata Rudi Hartono.` is one sentence.
- Long texts are processed in paragraph-aligned chunks and joined (`make_doc`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import numpy
import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.lexicons import read_table
from pipeline.quotation import DOUBLE_QUOTES, keep_quotations, pair_marks
from pipeline.syntax.choice import STANZA_PIPE, StanzaSyntax
from pipeline.tokens import TEXT_KEY

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
BLANK = "blank"
#: The NER model shipped in `models/` and loaded by default (see models/README.md).
DEFAULT_MODEL = "id_warta_ner"
#: Largest text given to spaCy in one piece; longer texts are split at paragraph breaks.
CHUNK_CHARS = 100_000
T = TypeVar("T")

SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})


class ModelError(RuntimeError):
    """The requested spaCy pipeline cannot be loaded."""


@cache
def abbreviations() -> dict[str, bool]:
    """Abbreviation -> whether it may end a sentence, with upper-case variants (`KAB.`)."""
    table: dict[str, bool] = {}
    for row in read_table("abbreviations.tsv"):
        ends = row["ends_sentence"] == "yes"
        for form in (row["abbreviation"], row["abbreviation"].upper()):
            table.setdefault(form, ends)
    return table


def customize_tokenizer(nlp: Language) -> Language:
    """Add the project's special cases to `nlp.tokenizer` (idempotent)."""
    for form in abbreviations():
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp


def resolve_model(model: str | Path | None) -> str | Path:
    """`None` -> the shipped model (`models/id_warta_ner`); `"blank"` -> rules only; a name ->
    `models/<name>`; else a path."""
    if model is None:
        return MODELS_DIR / DEFAULT_MODEL
    if model == BLANK:
        return BLANK
    path = Path(model)
    if not path.exists() and not path.is_absolute() and (MODELS_DIR / path).exists():
        path = MODELS_DIR / path
    return path


def build_nlp(model: str | Path | StanzaSyntax | None = None) -> Language:
    """The Indonesian pipeline: blank or a trained model, plus tokenizer and sentence rules;
    a `StanzaSyntax` adds stanza's tags, lemmas and tree last (`pipeline/syntax/`).

    Built once per process and model (later calls return the same object): building it
    takes seconds, and the stages never change it.
    """
    if isinstance(model, StanzaSyntax):
        return _build_nlp(resolve_model(model.model), model)
    return _build_nlp(resolve_model(model))


@cache
def _build_nlp(resolved: str | Path, syntax: StanzaSyntax | None = None) -> Language:
    if resolved == BLANK:
        nlp = spacy.blank("id")
    else:
        path = Path(resolved)
        if not (path / "config.cfg").is_file():
            raise ModelError(
                f"no spaCy pipeline at {path} (expected {path / 'config.cfg'}); "
                f"run `make train` to build it, or pass --model {BLANK} to run the rules only"
            )
        try:
            nlp = spacy.load(path)
        except (OSError, ValueError, KeyError) as error:
            raise ModelError(f"the spaCy pipeline at {path} cannot be loaded: {error}") from error
        if nlp.lang != "id":
            raise ModelError(f"the spaCy pipeline at {path} is for language {nlp.lang!r}, not 'id'")
    customize_tokenizer(nlp)
    nlp.add_pipe("quote_sentencizer", first=True)
    nlp.max_length = CHUNK_CHARS + 1
    if syntax is not None:
        syntax.add_to(nlp)
    return nlp


def model_name(nlp: Language) -> str:
    """How the record names the pipeline: `blank` or `<name>-<version>` of the trained model,
    `+<stanza models>` with stanza's syntax."""
    name = (
        BLANK if [pipe for pipe in nlp.pipe_names if pipe != STANZA_PIPE] == ["quote_sentencizer"] else _label(nlp.meta)
    )
    return f"{name}+{nlp.get_pipe(STANZA_PIPE).label}" if STANZA_PIPE in nlp.pipe_names else name


def model_label(model: str | Path | StanzaSyntax | None) -> str:
    """`model_name` of the pipeline `build_nlp(model)` would load, read from its meta.json only."""
    if isinstance(model, StanzaSyntax):
        return f"{model_label(model.model)}+{model.label()}"
    resolved = resolve_model(model)
    if resolved == BLANK:
        return BLANK
    try:
        meta = json.loads((Path(resolved) / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return str(resolved)
    return _label(meta)


def _label(meta: dict[str, Any]) -> str:
    return f"{meta.get('lang', 'id')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"


def make_doc(nlp: Language, text: str) -> Doc:
    """Run `nlp` over a text of any length; offsets in the result are offsets into `text`."""
    if len(text) <= CHUNK_CHARS:
        doc = nlp(text)
    else:
        # one piece at a time: a batch of pieces makes the model's arrays as large as the text
        pieces = list(nlp.pipe(split_for_nlp(text), batch_size=1))
        for piece in pieces:  # what the sentence component kept is the piece's, not the text's
            piece.user_data.clear()
        doc = Doc.from_docs(pieces, ensure_whitespace=False)
    doc.user_data[TEXT_KEY] = text
    return doc


def pipe_docs(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """`make_doc` over many texts, batching the ordinary ones through `nlp.pipe`."""
    batch: list[str] = []

    def flush() -> Iterator[Doc]:
        for text, doc in zip(batch, nlp.pipe(batch, batch_size=batch_size), strict=True):
            doc.user_data[TEXT_KEY] = text
            yield doc
        batch.clear()

    for text in texts:
        if len(text) > CHUNK_CHARS:
            yield from flush()
            yield make_doc(nlp, text)
        else:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from flush()
    yield from flush()


def split_for_nlp(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Pieces of at most `size` chars whose concatenation is `text`.

    Cuts after a paragraph break where there is one, else after a line break, else
    after a space, else anywhere.
    """
    pieces = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        for separator in ("\n\n", "\n", " "):
            cut = window.rfind(separator)
            if cut > 0:
                cut += len(separator)
                break
        else:
            cut = size
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in DOUBLE_QUOTES or first in "(['‘"


@Language.component("quote_sentencizer")
def quote_sentencizer(doc: Doc) -> Doc:
    """Sentence starts from line breaks and final punctuation, never inside a quotation.

    The quotations are those of `pipeline.quotation` (kept with the doc for the quotes
    stage): inside one, only a line break before an opening mark starts a sentence; a
    blank line always does.
    """
    ends_sentence = abbreviations()
    text = doc.text
    quotations = pair_marks(text)
    keep_quotations(doc, quotations)
    doc.user_data[TEXT_KEY] = text
    opens = {quote.open for quote in quotations.quotes}
    closes = {quote.close for quote in quotations.quotes}
    starts = numpy.full(len(doc), -1, dtype="int64")  # SENT_START: 1 starts a sentence, -1 does not
    previous: Token | None = None  # last non-space token, its text and whether it closes a quotation
    previous_text = ""
    previous_closes = False
    newlines = 0  # line breaks since `previous`
    for token in doc:
        word = token.text
        if token.is_space:
            newlines += word.count("\n")
            if token.i == 0:
                starts[0] = 1
            continue
        position = token.idx
        if previous is None or newlines > 1:  # a blank line ends every sentence
            start = True
        elif newlines == 1:
            start = position in opens or not quotations.within(position)
        elif quotations.within(position):
            start = False
        else:
            start = _starts_sentence(word) and (
                previous_text in SENTENCE_END
                or ends_sentence.get(previous_text, False)
                or (previous_closes and previous.i > 0 and doc[previous.i - 1].text in SENTENCE_END)
            )
        if start:
            starts[token.i] = 1
        previous, previous_text = token, word
        previous_closes = len(word) == 1 and position in closes
        newlines = token.whitespace_.count("\n")
    if len(doc):
        doc.from_array([SENT_START], starts.astype("uint64"))
    return doc
