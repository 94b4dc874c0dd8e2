"""The NER corpora in `../shared/corpora/ner/`: reading, label mapping, detokenization.

Every corpus is pre-tokenized, one token per line and a blank line between sentences:
idner-news-2k as `token UPOS BIO`, the others as `token<TAB>BIO`. Each source's labels
are mapped to PER, ORG, LOC (`LABEL_MAPS`); TIME and QUANTITY of NER-UGM map to nothing.

`Sentence.text` rebuilds running text from the tokens (`detokenize`) so that a model
can be trained and scored on text as our tokenizer sees it; the entity character
offsets refer to that text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

LABELS = ("PER", "ORG", "LOC")

#: Source label -> our label; a label not listed becomes O.
LABEL_MAPS: dict[str, dict[str, str]] = {
    "idner": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
    "nergrit": {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"},
    "nerui": {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"},
    "nerugm": {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"},
}


@dataclass(frozen=True)
class Source:
    """One file of a corpus: where it is, how its labels map, and its use."""

    name: str
    scheme: str  # key of LABEL_MAPS
    path: str  # relative to the corpora folder (`shared/corpora/ner`)
    #: Whether the corpus splits hyphenated words and numbers (`sumber - sumber`, `2 . 000`).
    split_words: bool


SOURCES: dict[str, Source] = {
    source.name: source
    for source in (
        Source("idner-train", "idner", "idner-news-2k/train.txt", split_words=False),
        Source("idner-dev", "idner", "idner-news-2k/dev.txt", split_words=False),
        Source("idner-test", "idner", "idner-news-2k/test.txt", split_words=False),
        Source("nergrit-train", "nergrit", "nergrit/train_preprocess.txt", split_words=True),
        Source("nergrit-valid", "nergrit", "nergrit/valid_preprocess.txt", split_words=True),
        Source("nerui-dev", "nerui", "nerui/dev.01.tsv", split_words=True),
        Source("nerui-test", "nerui", "nerui/test.01.tsv", split_words=True),
        Source("nerugm-dev", "nerugm", "nerugm/dev.01.tsv", split_words=True),
        Source("nerugm-test", "nerugm", "nerugm/test.01.tsv", split_words=True),
    )
}


@dataclass(frozen=True)
class Sentence:
    """Tokens, whether each is followed by a space, and entities as token ranges."""

    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    entities: tuple[tuple[int, int, str], ...]  # (first token, end token, label)

    @property
    def text(self) -> str:
        return "".join(word + (" " if space else "") for word, space in zip(self.words, self.spaces, strict=True))

    def char_entities(self) -> set[tuple[int, int, str]]:
        """Entities as (start char, end char, label) in `text`."""
        starts = []
        offset = 0
        for word, space in zip(self.words, self.spaces, strict=True):
            starts.append(offset)
            offset += len(word) + space
        return {
            (starts[first], starts[end - 1] + len(self.words[end - 1]), label) for first, end, label in self.entities
        }


def read_source(corpora: Path, name: str) -> list[Sentence]:
    """The sentences of one source file, labels mapped to PER/ORG/LOC."""
    source = SOURCES[name]
    label_map = LABEL_MAPS[source.scheme]
    sentences = []
    for rows in _blocks(corpora / source.path):
        words, tags = split_brackets([row[0] for row in rows], [row[-1] for row in rows])
        sentences.append(
            Sentence(tuple(words), detokenize(words, source.split_words), tuple(bio_spans(tags, label_map)))
        )
    return sentences


def _blocks(path: Path) -> Iterator[list[list[str]]]:
    rows: list[list[str]] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.split()
            if fields:
                rows.append(fields)
            elif rows:
                yield rows
                rows = []
    if rows:
        yield rows


_BRACKETED = re.compile(r"(?P<open>\(?)(?P<inner>.*?[^\W_].*?)(?P<close>\)?)(?P<comma>,?)")
#: Legal forms that stay inside a company name with their brackets: `PT Pertamina (Persero)`.
LEGAL_FORMS = frozenset({"persero", "perseto", "tbk"})


def split_brackets(words: list[str], tags: list[str]) -> tuple[list[str], list[str]]:
    """Split brackets glued to tokens (idner-news-2k: `(SBY)`, `(PPP)`, `PAN),`).

    Brackets become tokens outside the entity, and a bracketed alias after a name
    (`Partai Persatuan Pembangunan (PPP)`, tagged as one entity in idner-news-2k) its own
    entity, as in NER-UI: `Partai Persatuan Pembangunan` `(` `PPP` `)`. Legal forms in
    brackets stay inside the name (`PT Pertamina (Persero)`).
    """
    out_words: list[str] = []
    out_tags: list[str] = []
    for word, tag in zip(words, tags, strict=True):
        match = _BRACKETED.fullmatch(word)
        if match is None or not (match["open"] or match["close"]):
            out_words.append(word)
            out_tags.append(tag)
            continue
        prefix, _, label = tag.partition("-")
        inside = prefix == "I" and match["inner"].lower() in LEGAL_FORMS
        bracket_tag = tag if inside else "O"
        inner_tag = f"B-{label}" if prefix == "I" and match["open"] and not inside else tag
        pieces = [
            (match["open"], bracket_tag),
            (match["inner"], inner_tag),
            (match["close"], bracket_tag),
            (match["comma"], "O"),
        ]
        for piece, piece_tag in pieces:
            if piece:
                out_words.append(piece)
                out_tags.append(piece_tag)
    return out_words, out_tags


def bio_spans(tags: list[str], label_map: dict[str, str]) -> Iterator[tuple[int, int, str]]:
    """(first, end, label) spans of a BIO sequence; a stray `I-` starts a span."""
    start: int | None = None
    label = ""
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        continues = prefix == "I" and start is not None and name == label
        if start is not None and not continues:
            if label in label_map:
                yield start, index, label_map[label]
            start = None
        if prefix in ("B", "I") and not continues:
            start, label = index, name


NO_SPACE_BEFORE = frozenset(",.;:!?)]}%…")
NO_SPACE_AFTER = frozenset("([{")
QUOTES = frozenset("\"'`")
_WORDLIKE = re.compile(r"\w")
_DIGITS = re.compile(r"\d+")


def detokenize(words: list[str], split_words: bool) -> tuple[bool, ...]:
    """Whether each token is followed by a space in plausible running text.

    No space before closing punctuation or after opening brackets; straight quotes
    alternate between opening and closing. When `split_words`, `a - b` between word
    characters and `2 . 000` / `1 , 8` between digits are glued back together.
    """
    spaces = [True] * len(words)
    quote_open = False
    for index, word in enumerate(words):
        previous = words[index - 1] if index else ""
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in QUOTES:
            if quote_open:
                _glue(spaces, index - 1)
            else:
                spaces[index] = False
            quote_open = not quote_open
        elif word in NO_SPACE_BEFORE or word.startswith("'"):
            _glue(spaces, index - 1)
        if word in NO_SPACE_AFTER:
            spaces[index] = False
        if split_words and previous and following:
            glued_hyphen = word == "-" and _WORDLIKE.match(previous[-1]) and _WORDLIKE.match(following[0])
            glued_number = (
                word in ".,"
                and _DIGITS.fullmatch(previous)
                and _DIGITS.fullmatch(following)
                and (word == "," or len(following) == 3)
            )
            if glued_hyphen or glued_number:
                _glue(spaces, index - 1)
                spaces[index] = False
    spaces[-1] = False
    return tuple(spaces)


def _glue(spaces: list[bool], index: int) -> None:
    if index >= 0:
        spaces[index] = False
