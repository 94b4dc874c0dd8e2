"""Score a NER pipeline on the corpora: exact-span P/R/F1 per label and overall.

    python -m training.evaluate --model models/id_warta_ner --corpora ../shared/corpora/ner \
        --out training/output/scores.json [--sets nerui-test ...] [--speed]

The model is loaded as the extraction pipeline loads it (`pipeline.nlp.build_nlp`).
Two modes per test set:

- `tokens`: the corpus tokens are given to the model as they are;
- `text`: the detokenized sentence is tokenized by our tokenizer, as the pipeline
  really sees text; entities match when their character offsets are equal.

`nerugm-test-unseen` is NER-UGM test without the sentences that are also in
idner-news-2k train or dev (idner-news-2k is a relabelled re-split of NER-UGM, so
most NER-UGM test sentences are training sentences of the model).

`--speed` measures words/s (CPU time, one process) of `nlp.pipe` on the detokenized
sentences joined into articles of about 400 words, repeated to 100,000 words: the
extraction pipeline's spaCy base with the model and blank (rules only), and the model
alone (`spacy.load`: tokenizer, tok2vec, ner).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import build_nlp, resolve_model
from training.corpora import LABELS, Sentence, read_source

TEST_SETS = ("nerui-test", "nerugm-test", "nerugm-test-unseen", "idner-test")
DEV_SETS = ("nerui-dev", "nerugm-dev", "idner-dev", "nergrit-valid")
ARTICLE_WORDS = 400
SPEED_WORDS = 100_000

Spans = set[tuple[int, int, str]]


def load_set(corpora: Path, name: str) -> list[Sentence]:
    """The sentences of an evaluation set (a source name, or `nerugm-test-unseen`)."""
    if name != "nerugm-test-unseen":
        return read_source(corpora, name)
    seen = {_key(sentence) for source in ("idner-train", "idner-dev") for sentence in read_source(corpora, source)}
    return [sentence for sentence in read_source(corpora, "nerugm-test") if _key(sentence) not in seen]


def _key(sentence: Sentence) -> str:
    return re.sub(r"\W", "", "".join(sentence.words).lower())


def prf(gold: int, predicted: int, correct: int) -> dict[str, float | int]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "p": round(precision, 4),
        "r": round(recall, 4),
        "f": round(f1, 4),
        "gold": gold,
        "predicted": predicted,
    }


def score(pairs: Iterable[tuple[Spans, Spans]]) -> dict[str, dict[str, float | int]]:
    """Per-label and overall (micro) exact-span scores of (gold, predicted) pairs."""
    counts = {label: [0, 0, 0] for label in (*LABELS, "ALL")}
    for gold, predicted in pairs:
        for label in LABELS:
            gold_label = {span for span in gold if span[2] == label}
            predicted_label = {span for span in predicted if span[2] == label}
            counts[label][0] += len(gold_label)
            counts[label][1] += len(predicted_label)
            counts[label][2] += len(gold_label & predicted_label)
        counts["ALL"][0] += len(gold)
        counts["ALL"][1] += len(predicted)
        counts["ALL"][2] += len(gold & predicted)
    return {label: prf(*numbers) for label, numbers in counts.items()}


def char_spans(doc: Doc) -> Spans:
    return {(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents if ent.label_ in LABELS}


def evaluate_set(nlp: Language, sentences: list[Sentence]) -> dict[str, dict[str, dict[str, float | int]]]:
    """Scores in both modes: `tokens` (corpus tokens) and `text` (our tokenizer)."""
    gold = [sentence.char_entities() for sentence in sentences]
    token_docs = (Doc(nlp.vocab, words=list(s.words), spaces=list(s.spaces)) for s in sentences)
    by_tokens = [char_spans(doc) for doc in nlp.pipe(token_docs)]
    by_text = [char_spans(doc) for doc in nlp.pipe(sentence.text for sentence in sentences)]
    return {
        "tokens": score(zip(gold, by_tokens, strict=True)),
        "text": score(zip(gold, by_text, strict=True)),
    }


def articles(sentences: list[Sentence]) -> list[str]:
    """The sentences as paragraphs of articles of about `ARTICLE_WORDS` words."""
    texts: list[str] = []
    paragraphs: list[str] = []
    words = 0
    for sentence in sentences:
        paragraphs.append(sentence.text)
        words += len(sentence.text.split())
        if words >= ARTICLE_WORDS:
            texts.append("\n\n".join(paragraphs))
            paragraphs, words = [], 0
    if paragraphs:
        texts.append("\n\n".join(paragraphs))
    return texts


def words_per_second(nlp: Language, texts: list[str], repeats: int = 3) -> float:
    """Best of `repeats` runs of `nlp.pipe` over `texts`, in CPU time (robust to other load)."""
    words = sum(len(text.split()) for text in texts)
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        best = min(best, time.process_time() - start)
    return round(words / best)


def markdown(results: dict[str, dict[str, dict[str, dict[str, float | int]]]]) -> str:
    """One table per set and mode: P/R/F1 per label and overall."""
    lines = []
    for name, modes in results.items():
        for mode, table in modes.items():
            lines += [
                f"**{name}** ({mode})",
                "",
                "| label | P | R | F1 | gold | predicted |",
                "|---|---|---|---|---|---|",
            ]
            for label, row in table.items():
                numbers = " | ".join(f"{row[key]:.3f}" for key in ("p", "r", "f"))
                lines.append(f"| {label} | {numbers} | {row['gold']} | {row['predicted']} |")
            lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True, help="a pipeline directory or a name under models/")
    parser.add_argument("--corpora", type=Path, required=True, help="the `shared/corpora/ner` folder")
    parser.add_argument("--out", type=Path, help="write the scores (and speed) as JSON here")
    parser.add_argument("--sets", nargs="+", default=list(TEST_SETS), help=f"default: test sets; dev: {DEV_SETS}")
    parser.add_argument("--speed", action="store_true", help="also measure words/s with and without the model")
    args = parser.parse_args()

    nlp = build_nlp(args.model)
    sets = {name: load_set(args.corpora, name) for name in args.sets}
    results = {name: evaluate_set(nlp, sentences) for name, sentences in sets.items()}
    report: dict[str, object] = {"model": str(args.model), "scores": results}
    print(markdown(results))
    for name, modes in results.items():
        print(f"{name}: F1 tokens {modes['tokens']['ALL']['f']:.4f}, text {modes['text']['ALL']['f']:.4f}")
    if args.speed:
        texts = articles([sentence for sentences in sets.values() for sentence in sentences])
        texts *= -(-SPEED_WORDS // sum(len(text.split()) for text in texts))  # at least SPEED_WORDS words
        speed = {
            "pipeline_with_model": words_per_second(nlp, texts),
            "pipeline_blank": words_per_second(build_nlp("blank"), texts),
            "model_alone": words_per_second(spacy.load(resolve_model(args.model)), texts),
        }
        report["words_per_second"] = speed
        print(f"words/s over {len(texts)} articles: {speed}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
