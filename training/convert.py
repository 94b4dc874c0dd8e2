"""Convert the training corpora to spaCy's binary format, labels mapped to PER/ORG/LOC.

    python -m training.convert --corpora ../shared/corpora/ner --out training/corpus

writes `train.spacy` (idner-news-2k train + NERGrit train) and `dev.spacy`
(idner-news-2k dev + NERGrit valid, used by `spacy train` to keep the best
checkpoint). `--augment N` adds N entity-substituted copies of each training
sentence that has entities (`training/augment.py`). Only the sources that
`shared/corpora/README.md` marks "train and ship" are read here.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from training.augment import augment
from training.corpora import Sentence, read_source

TRAIN = ("idner-train", "nergrit-train")
DEV = ("idner-dev", "nergrit-valid")


def to_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    """A Doc with the corpus tokens, the rebuilt spacing and the gold entities."""
    doc = Doc(vocab, words=list(sentence.words), spaces=list(sentence.spaces))
    doc.ents = [Span(doc, first, end, label=label) for first, end, label in sentence.entities]
    return doc


def write(sentences: list[Sentence], path: Path) -> None:
    vocab = spacy.blank("id").vocab
    docs = DocBin(store_user_data=False)
    for sentence in sentences:
        docs.add(to_doc(vocab, sentence))
    path.parent.mkdir(parents=True, exist_ok=True)
    docs.to_disk(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, required=True, help="the `shared/corpora/ner` folder")
    parser.add_argument("--out", type=Path, default=Path("training/corpus"))
    parser.add_argument("--augment", type=int, default=0, help="entity-substituted copies of train sentences")
    parser.add_argument("--seed", type=int, default=0, help="seed of the augmentation")
    args = parser.parse_args()
    for split, names in (("train", TRAIN), ("dev", DEV)):
        sentences = [sentence for name in names for sentence in read_source(args.corpora, name)]
        note = ""
        if split == "train" and args.augment:
            copies = augment(sentences, args.augment, args.seed)
            note = f" + {len(copies)} augmented"
            sentences += copies
        write(sentences, args.out / f"{split}.spacy")
        print(f"{args.out / f'{split}.spacy'}: {len(sentences)} sentences from {', '.join(names)}{note}")


if __name__ == "__main__":
    main()
