"""Train the stanza models of `--nlp stanza` and install them as `models/stanza_id`.

    python -m training.stanza_train --ud ../shared/corpora/ud --work training/stanza --out models/stanza_id

Runs stanza's own trainers (`python -m stanza.models.tokenizer`, `mwt_expander`,
`tagger`, `lemmatizer`, `parser`) directly: stanza's `utils/training/run_*` wrappers
expect the UD folder layout and download word vectors. No pretrained vectors or
character language models (`--no_pretrain`), CPU only, a fixed seed and a fixed number
of threads: the same data and command give the same models. Dimensions are smaller
than stanza's defaults (the defaults take ~50 s per tagger step on this CPU); each
trainer keeps the checkpoint that scores best on the dev set (`training.stanza_data`).
Each trainer runs on one thread (two threads on a busy 2-core machine are several
times slower for these small matrices), and two trainers run at a time: the parser and
the lemmatizer in one lane, the other three in the other. The installed weights are stored as float16
(half the size; stanza loads them into its float32 modules).

The output folder is what `--stanza-dir` reads (`pipeline/syntax/stanza_backend.py`):
`tokenize.pt`, `mwt.pt`, `pos.pt`, `lemma.pt`, `depparse.pt`, an empty `resources.json`
(stanza wants one in its folder) and `meta.json` (versions, steps, sources, checksums).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from training.stanza_data import TRAIN_FILES, TrainingFiles, prepare

SEED = 1234
THREADS = 1
#: Trainers run in these lanes, the lanes side by side.
LANES = (("depparse", "lemma"), ("tokenize", "mwt", "pos"))
SHORTHAND = "id_csui"  # stanza wants a `<lang>_<treebank>` shorthand; the models are trained on CSUI + GSD
VERSION = "0.1.0"


def _flat(options: dict[str, str]) -> tuple[str, ...]:
    return tuple(item for pair in options.items() for item in pair)


@dataclass(frozen=True, slots=True)
class Processor:
    """One stanza trainer: its module, its step option, its steps and its other options."""

    name: str
    module: str
    steps_option: str
    steps: int
    options: tuple[str, ...]
    eval_option: str | None = None  # how often it evaluates on dev, in steps


#: Smaller than stanza's defaults, for a few minutes per model on 2 cores (the numbers of the issue's probe).
TAGGER_OPTIONS = {
    "--hidden_dim": "200",
    "--char_hidden_dim": "200",
    "--deep_biaff_hidden_dim": "100",
    "--composite_deep_biaff_hidden_dim": "50",
    "--tag_emb_dim": "25",
    "--batch_size": "32",
}
PARSER_OPTIONS = {
    "--hidden_dim": "200",
    "--char_hidden_dim": "100",
    "--deep_biaff_hidden_dim": "200",
    "--num_layers": "2",
    "--batch_size": "1000",
}
PROCESSORS = (
    Processor(
        "tokenize", "stanza.models.tokenizer", "--steps", 1000, ("--use_mwt", "--batch_size", "32"), "--eval_steps"
    ),
    Processor("mwt", "stanza.models.mwt_expander", "--num_epoch", 30, ()),
    Processor(
        "pos", "stanza.models.tagger", "--max_steps", 600, ("--no_pretrain", *_flat(TAGGER_OPTIONS)), "--eval_interval"
    ),
    Processor("lemma", "stanza.models.lemmatizer", "--num_epoch", 4, ("--hidden_dim", "100", "--batch_size", "100")),
    Processor(
        "depparse",
        "stanza.models.parser",
        "--max_steps",
        350,
        ("--no_pretrain", *_flat(PARSER_OPTIONS)),
        "--eval_interval",
    ),
)


def processor_args(processor: Processor, files: TrainingFiles, saved: Path, steps: int) -> list[str]:
    """The command line of one trainer."""
    common = ["--mode", "train", "--shorthand", SHORTHAND, "--save_dir", str(saved)]
    common += ["--save_name", f"{processor.name}.pt", "--seed", str(SEED), "--cpu", processor.steps_option, str(steps)]
    if processor.eval_option is not None:
        common += [processor.eval_option, str(max(1, min(100, steps // 4)))]
    if processor.name == "tokenize":
        data = ["--txt_file", str(files.train_txt), "--label_file", str(files.train_labels)]
        data += ["--mwt_json_file", str(files.train_mwt), "--dev_txt_file", str(files.dev_txt)]
        data += ["--dev_label_file", str(files.dev_labels), "--dev_conll_gold", str(files.dev)]
        data += ["--conll_file", str(saved / "dev.tokenize.conllu"), "--lang", "id"]
    else:
        data = ["--train_file", str(files.train), "--eval_file", str(files.dev)]
        data += ["--output_file", str(saved / f"dev.{processor.name}.conllu")]
        if processor.name == "mwt":
            data += ["--gold_file", str(files.dev)]
        if processor.name != "lemma":
            data += ["--lang", "id"]
    return [*common, *data, *processor.options]


def train_processor(processor: Processor, files: TrainingFiles, saved: Path, steps: int) -> float:
    """Run one trainer in a subprocess (its log in `saved/<name>.log`); the seconds it took.

    A model that the same command already made (`saved/<name>.done` holds the command and its seconds) is
    kept: an interrupted `make train-stanza` resumes with the next trainer. Anything else
    of that trainer in `saved/` is removed first, since stanza's trainers resume from a
    checkpoint they find.
    """
    env = {**os.environ, "OMP_NUM_THREADS": str(THREADS), "MKL_NUM_THREADS": str(THREADS)}
    command = [sys.executable, "-m", processor.module, *processor_args(processor, files, saved, steps)]
    done_file = saved / f"{processor.name}.done"
    recorded = " ".join(command[1:])
    done_before = json.loads(done_file.read_text(encoding="utf-8")) if done_file.is_file() else {}
    if done_before.get("command") == recorded:
        print(f"kept {processor.name}: trained by the same command ({done_file})", file=sys.stderr, flush=True)
        return float(done_before["seconds"])
    for stale in saved.glob(f"{processor.name}*"):
        stale.unlink()
    log = saved / f"{processor.name}.log"
    print(f"training {processor.name} (log: {log}): {' '.join(command)}", file=sys.stderr, flush=True)
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as output:
        done = subprocess.run(command, check=False, env=env, stdout=output, stderr=subprocess.STDOUT)
    if done.returncode != 0 or not (saved / f"{processor.name}.pt").is_file():
        raise RuntimeError(f"the {processor.name} trainer failed (exit {done.returncode}); see {log}")
    seconds = time.perf_counter() - started
    done_file.write_text(json.dumps({"command": recorded, "seconds": round(seconds)}), encoding="utf-8")
    print(f"trained {processor.name} in {seconds:.0f} s", file=sys.stderr, flush=True)
    return seconds


def train_all(ud: Path, work: Path, out: Path, *, scale: float = 1.0, limit: int | None = None) -> dict[str, object]:
    """Prepare the data, train every processor, install the models in `out`; the meta data."""
    files = prepare(ud, work / "data", limit=limit)
    saved = work / "saved"
    saved.mkdir(parents=True, exist_ok=True)
    by_name = {processor.name: processor for processor in PROCESSORS}
    trained: dict[str, dict[str, object]] = {}

    def run_lane(names: tuple[str, ...]) -> None:
        for name in names:
            processor = by_name[name]
            steps = max(1, round(processor.steps * scale))
            seconds = train_processor(processor, files, saved, steps)
            trained[name] = {"steps_option": processor.steps_option, "steps": steps, "seconds": round(seconds)}

    with ThreadPoolExecutor(max_workers=len(LANES)) as pool:
        for lane in [pool.submit(run_lane, names) for names in LANES]:
            lane.result()
    return install(saved, out, {name: trained[name] for name in by_name})


def install(saved: Path, out: Path, trained: dict[str, object]) -> dict[str, object]:
    """Copy the models into `out` (replacing what was there) with `resources.json` and `meta.json`."""
    import stanza
    import torch

    staging = out.with_name(out.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    checksums = {}
    for processor in PROCESSORS:
        target = staging / f"{processor.name}.pt"
        checkpoint = torch.load(saved / f"{processor.name}.pt", map_location="cpu", weights_only=False)
        checkpoint["model"] = {
            key: value.half() if value.is_floating_point() else value for key, value in checkpoint["model"].items()
        }
        torch.save(checkpoint, target)
        checksums[target.name] = hashlib.sha256(target.read_bytes()).hexdigest()
    (staging / "resources.json").write_text("{}\n", encoding="utf-8")
    meta = {
        "name": "warta_stanza_id",
        "version": VERSION,
        "lang": "id",
        "stanza": stanza.__version__,
        "torch": torch.__version__,
        "seed": SEED,
        "threads_per_trainer": THREADS,
        "weights": "float16",
        "training": list(TRAIN_FILES),
        "xpos": "blanked (CSUI and GSD tag sets differ)",
        "pretrained_vectors": None,
        "processors": trained,
        "sha256": checksums,
        "license": "CC BY-SA 4.0 (trained on UD Indonesian CSUI and GSD); model card: models/stanza_id/README.md",
    }
    (staging / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    card = out / "README.md"
    if card.is_file():  # the model card is written by hand and kept
        shutil.copyfile(card, staging / "README.md")
    shutil.rmtree(out, ignore_errors=True)
    staging.rename(out)
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ud", type=Path, required=True, help="folder of the UD Indonesian CoNLL-U files")
    parser.add_argument("--work", type=Path, required=True, help="scratch folder (data, checkpoints)")
    parser.add_argument("--out", type=Path, required=True, help="where to install the models")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every step count (0.01: a trial run)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences of each treebank")
    args = parser.parse_args(argv)
    meta = train_all(args.ud, args.work, args.out, scale=args.scale, limit=args.limit)
    print(json.dumps(meta["processors"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
