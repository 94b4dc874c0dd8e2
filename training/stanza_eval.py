"""Score the stanza models of `--nlp stanza` on the UD test files: UPOS, LAS, tokens.

    python -m training.stanza_eval --models models/stanza_id --ud ../shared/corpora/ud --out scores.json

Two settings per test file, both one gold sentence at a time (as the pipeline gives
stanza one `quote_sentencizer` sentence at a time):

- `gold_tokens`: the gold words go in pretokenized; UPOS accuracy, UAS and LAS over
  all words (LAS with the full relation, `nsubj:pass`, and with its universal part as
  the CoNLL 2018 shared task counts it);
- `raw_text`: the sentence text goes in; stanza tokenizes it and expands multiword
  tokens; the CoNLL 2018 evaluation (`ud_scores` of stanza) aligns the words and
  gives F1 for tokens, words, UPOS, lemmas and LAS.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from pathlib import Path
from typing import Any

from training.stanza_data import TEST_FILES, read_conllu, without_xpos

HEAD, DEPREL, UPOS = 6, 7, 3  # CoNLL-U columns


def load(models: Path, *, pretokenized: bool) -> Any:
    import stanza
    import torch

    from pipeline.syntax.models import find_models

    torch.set_num_threads(1)
    options = find_models(models).pipeline_options()
    if pretokenized:
        options["processors"] = "tokenize,pos,lemma,depparse"
        options["tokenize_pretokenized"] = True
        options.pop("mwt_model_path", None)
    return stanza.Pipeline(**options)


def gold_token_scores(nlp: Any, path: Path) -> dict[str, float]:
    sentences = read_conllu(path)
    gold = [sentence.words() for sentence in sentences]
    parsed = nlp([[row[1] for row in words] for words in gold])
    counts = {"words": 0, "upos": 0, "uas": 0, "las": 0, "las_universal": 0}
    for words, predicted in zip(gold, parsed.sentences, strict=True):
        for row, word in zip(words, predicted.words, strict=True):
            counts["words"] += 1
            counts["upos"] += row[UPOS] == word.upos
            head = row[HEAD] == str(word.head)
            counts["uas"] += head
            counts["las"] += head and row[DEPREL] == word.deprel
            counts["las_universal"] += head and row[DEPREL].split(":")[0] == word.deprel.split(":")[0]
    return {"words": counts["words"]} | {
        key: round(100 * value / counts["words"], 2) for key, value in counts.items() if key != "words"
    }


def raw_text_scores(nlp: Any, path: Path) -> dict[str, float]:
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL

    sentences = [without_xpos(sentence) for sentence in read_conllu(path)]
    parsed = nlp([sentence.text() for sentence in sentences])
    system = io.StringIO()
    CoNLL.write_doc2conll(parsed, system)
    gold = io.StringIO("".join(sentence.to_conllu() for sentence in sentences))
    scores = ud_scores(gold, io.StringIO(system.getvalue()))
    return {name: round(100 * scores[name].f1, 2) for name in ("Tokens", "Words", "UPOS", "Lemmas", "UAS", "LAS")}


def evaluate(models: Path, ud: Path) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for pretokenized, setting, score in (
        (True, "gold_tokens", gold_token_scores),
        (False, "raw_text", raw_text_scores),
    ):
        nlp = load(models, pretokenized=pretokenized)
        for name in TEST_FILES:
            started = time.perf_counter()
            scores = score(nlp, ud / name)
            scores["seconds"] = round(time.perf_counter() - started, 1)
            results.setdefault(name, {})[setting] = scores
            print(f"{name} {setting}: {scores}", file=sys.stderr, flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=Path, required=True, help="stanza model folder (models/stanza_id)")
    parser.add_argument("--ud", type=Path, required=True, help="folder of the UD Indonesian CoNLL-U files")
    parser.add_argument("--out", type=Path, default=None, help="write the scores as JSON here")
    args = parser.parse_args(argv)
    results = evaluate(args.models, args.ud)
    text = json.dumps(results, indent=2) + "\n"
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
