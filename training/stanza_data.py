"""The UD treebanks as stanza training files: CoNLL-U sentences, merged, split, converted.

The training set is UD Indonesian CSUI train plus GSD dev (GSD train is not in
`../shared/corpora/ud`); every tenth of its sentences is held out as the dev set that
stanza's trainers evaluate on (early stopping, best checkpoint), so the two test files
stay unseen. CSUI and GSD use incompatible XPOS tag sets (CSUI `VB`, `NN`; GSD `VSA`,
`NSD`), so XPOS is blanked everywhere. The tokenizer reads raw text with character
labels; stanza's own converters make them from the CoNLL-U files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Training treebanks, in order (file names in the UD folder).
TRAIN_FILES = ("id_csui-ud-train.conllu", "id_gsd-ud-dev.conllu")
#: Test treebanks, never trained on.
TEST_FILES = ("id_csui-ud-test.conllu", "id_gsd-ud-test.conllu")
#: One sentence in this many goes to the dev set.
DEV_EVERY = 10
XPOS = 4  # column index of XPOS in a CoNLL-U word line


@dataclass(frozen=True, slots=True)
class Sentence:
    """One CoNLL-U sentence: its comment lines and its token/word lines (tab-separated)."""

    comments: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def text(self) -> str:
        for comment in self.comments:
            if comment.startswith("# text = "):
                return comment.removeprefix("# text = ")
        raise ValueError("a CoNLL-U sentence without a `# text =` comment")

    def words(self) -> list[tuple[str, ...]]:
        """The syntactic words: no multiword-token ranges (`3-4`), no empty nodes (`5.1`)."""
        return [row for row in self.rows if row[0].isdigit()]

    def to_conllu(self) -> str:
        return "\n".join([*self.comments, *("\t".join(row) for row in self.rows)]) + "\n\n"


def read_conllu(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    comments: list[str] = []
    rows: list[tuple[str, ...]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if rows:
                sentences.append(Sentence(tuple(comments), tuple(rows)))
            comments, rows = [], []
        elif line.startswith("#"):
            comments.append(line)
        else:
            rows.append(tuple(line.split("\t")))
    return sentences


def without_xpos(sentence: Sentence) -> Sentence:
    rows = tuple(row if len(row) <= XPOS else (*row[:XPOS], "_", *row[XPOS + 1 :]) for row in sentence.rows)
    return Sentence(sentence.comments, rows)


def write_conllu(path: Path, sentences: list[Sentence]) -> Path:
    path.write_text("".join(sentence.to_conllu() for sentence in sentences), encoding="utf-8")
    return path


@dataclass(frozen=True, slots=True)
class TrainingFiles:
    """The files the stanza trainers read, all under one work folder."""

    train: Path
    dev: Path
    train_txt: Path
    train_labels: Path
    train_mwt: Path
    dev_txt: Path
    dev_labels: Path


def prepare(ud: Path, work: Path, *, limit: int | None = None) -> TrainingFiles:
    """Write train/dev CoNLL-U and the tokenizer's text, label and MWT files into `work`.

    `limit` keeps only the first sentences of each treebank (for tests and trial runs).
    """
    from stanza.utils.datasets import conllu_to_text, prepare_tokenizer_data

    missing = [name for name in TRAIN_FILES if not (ud / name).is_file()]
    if missing:
        raise FileNotFoundError(f"UD treebanks not found in {ud}: {', '.join(missing)}")
    work.mkdir(parents=True, exist_ok=True)
    merged = [without_xpos(sentence) for name in TRAIN_FILES for sentence in read_conllu(ud / name)[:limit]]
    train = [sentence for index, sentence in enumerate(merged) if index % DEV_EVERY != DEV_EVERY - 1]
    dev = [sentence for index, sentence in enumerate(merged) if index % DEV_EVERY == DEV_EVERY - 1]
    files = TrainingFiles(
        train=write_conllu(work / "train.conllu", train),
        dev=write_conllu(work / "dev.conllu", dev),
        train_txt=work / "train.txt",
        train_labels=work / "train.toklabels",
        train_mwt=work / "train-mwt.json",
        dev_txt=work / "dev.txt",
        dev_labels=work / "dev.toklabels",
    )
    for conllu, txt, labels, mwt in (
        (files.train, files.train_txt, files.train_labels, files.train_mwt),
        (files.dev, files.dev_txt, files.dev_labels, work / "dev-mwt.json"),
    ):
        conllu_to_text.convert_text(str(conllu), str(txt))
        prepare_tokenizer_data.main([str(txt), str(conllu), "-o", str(labels), "-m", str(mwt)])
    return files
