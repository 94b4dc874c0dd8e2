"""Throughput benchmark: `make bench` (or `python scripts/bench.py --help`).

Builds a corpus of at least `--articles` articles (one .txt file each) by repeating the
texts of ../shared/eval/ (read at run time, never copied into the repository), or of
the samples in data/raw/ when that folder is absent. Then, for each model (`blank`,
and the shipped model when it is present), it measures:

- spaCy alone: the blank Indonesian tokenizer, and the model's own pipeline (its
  tokenizer and trained components, without the project's sentence component), in this
  process, over the texts in memory;
- the full pipeline: `python -m pipeline extract CORPUS --jobs N --force` in a fresh
  process for each N in `--jobs`, end to end (reading files, extraction, records.jsonl,
  Parquet tables); its articles/s and words/s, the time per stage from summary.json,
  and the peak RSS of each worker process;
- the dask engine beside it (`--engine dask`, a `LocalCluster` of N worker processes) on
  the same corpus, and its overhead against the local engine with as many processes.
- one huge article (`--huge-chars`, 25 MB by default: the corpus texts joined by blank
  lines into one .txt file) through the same command with `--timeout 0`: its time per
  character against that of the corpus of ordinary articles, per stage, and its peak RSS.
- the report: the texts extracted once (the last model), their records repeated to
  `--report-articles` records (10,000) with new doc_ids, then `python -m pipeline report`
  in a fresh process for each N in `--jobs`; and the time the index takes in headless
  Chromium from the start of navigation until its charts and table are drawn (3 loads).

Then (`--people N`, `scripts/bench_people.py`) the time to build the people table for N
generated officials' mentions.

Measure on an otherwise idle machine: the numbers are wall-clock times.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import bench_people

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_MODEL = "id_warta_ner"
#: Project code, as opposed to spaCy's own work, in the `nlp` stage timer.
SENTENCE_COMPONENT = "quote_sentencizer"
TARGET_ARTICLES_PER_CORE = 25.0
TARGET_WORDS_PER_ARTICLE = 400
TARGET_SPEEDUP = 1.7
TARGET_RSS_MB = 600.0
TARGET_EXTRACTION_SHARE = 0.5
#: Most the dask engine may take longer than the local engine with as many worker processes.
TARGET_DASK_OVERHEAD = 0.15
REPORT_ARTICLES = 10_000
TARGET_REPORT_SECONDS = 60.0
TARGET_INDEX_MS = 2000.0
INDEX_LOADS = 3


@dataclass(frozen=True)
class Corpus:
    folder: Path
    texts: list[str]
    source: str

    @property
    def words(self) -> int:
        return sum(len(text.split()) for text in self.texts)


@dataclass(frozen=True)
class Run:
    model: str
    jobs: int
    engine: str
    #: Wall-clock seconds of the whole command.
    seconds: float
    summary: dict

    @property
    def startup(self) -> float:
        """Seconds before extraction starts: Python, imports, starting the engine (`start_seconds`: the
        dask `LocalCluster`), and each worker (in parallel) loading the model and lexicons (`load`)."""
        summary = self.summary
        load = summary["stage_seconds"].get("load", 0.0) / self.jobs
        return self.seconds - summary["seconds"] + summary.get("start_seconds", 0.0) + load

    @property
    def steady(self) -> float:
        """Seconds of the rest: what a corpus of any size costs per article."""
        return self.seconds - self.startup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="corpus size (at least)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts to run")
    parser.add_argument(
        "--model", action="append", default=None, help="model(s) to run (default: blank, and the shipped model)"
    )
    parser.add_argument(
        "--engines", nargs="+", choices=("local", "dask"), default=["local", "dask"], help="engines to run"
    )
    parser.add_argument(
        "--huge-chars", type=int, default=25_000_000, help="size of the one huge article (0: not measured)"
    )
    parser.add_argument("--huge-model", default="blank", help="model for the huge article (default: blank)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    parser.add_argument("--keep", type=Path, default=None, help="build the corpus and outputs here and keep them")
    parser.add_argument("--people", type=int, default=bench_people.MENTIONS, help="officials' mentions (0: skip)")
    parser.add_argument(
        "--report-articles", type=int, default=REPORT_ARTICLES, help="records of the report benchmark (0: skip it)"
    )
    parser.add_argument("--report-only", action="store_true", help="only the report benchmark")
    args = parser.parse_args(argv)
    models = args.model or ["blank", *([SHIPPED_MODEL] if (ROOT / "models" / SHIPPED_MODEL).is_dir() else [])]
    work = args.keep or Path(tempfile.mkdtemp(prefix="warta-bench-"))
    try:
        corpus = build_corpus(work / "corpus", args.shared, args.articles)
        results = {} if args.report_only else benchmark(corpus, models, args.jobs, args.engines, work)
        if args.huge_chars > 0 and not args.report_only:
            results["huge"] = huge_article(corpus, args.huge_chars, args.huge_model, work, results)
        if args.people and not args.report_only:
            results["people"] = bench_people.report(args.people)
        if args.report_articles:
            results["report"] = benchmark_report(args.shared, models[-1], args.report_articles, args.jobs, work)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def build_corpus(folder: Path, shared: Path, articles: int) -> Corpus:
    texts, source = _source_texts(shared)
    folder.mkdir(parents=True, exist_ok=True)
    corpus = []
    for number in range(max(articles, len(texts))):
        text = texts[number % len(texts)]
        path = folder / f"r{number // len(texts):03d}" / f"{number % len(texts):04d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        corpus.append(text)
    return Corpus(folder, corpus, source)


def _source_texts(shared: Path) -> tuple[list[str], str]:
    gold = sorted((shared / "eval").glob("*/*.jsonl"))
    if gold:
        texts = [json.loads(line)["text"] for path in gold for line in path.read_text(encoding="utf-8").splitlines()]
        return texts, f"{shared / 'eval'} ({', '.join(path.parent.name + '/' + path.name for path in gold)})"
    from pipeline.ingest import Article, iter_articles

    samples = ROOT / "data" / "raw"
    return [item.text for item in iter_articles([samples]) if isinstance(item, Article)], f"{samples} (samples)"


def benchmark(corpus: Corpus, models: list[str], jobs: list[int], engines: list[str], work: Path) -> dict:
    count, words = len(corpus.texts), corpus.words
    print(f"corpus: {count} articles, {words} words ({words / count:.0f} words/article) from {corpus.source}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; {_load()}")
    results: dict = {"articles": count, "words": words, "source": corpus.source, "machine": _machine(), "models": {}}
    tokenizer = _time_tokenizer(corpus.texts)
    results["tokenizer_seconds"] = tokenizer
    print(f"\n(a) spaCy blank Indonesian tokenizer alone, 1 process: {_rates(count, words, tokenizer)}")
    for model in models:
        spacy_own = _time_spacy_own(corpus.texts, model)
        runs: dict[str, list[Run]] = {engine: [] for engine in engines}
        for job in jobs:  # the engines one after the other for each N: the load of the machine drifts
            for engine in engines:
                runs[engine].append(_run_cli(corpus.folder, model, job, engine, work))
        results["models"][model] = {}
        if "local" in runs:
            results["models"][model] = _report(model, runs["local"], corpus, tokenizer, spacy_own)
        if "dask" in runs:
            results["models"][model]["dask"] = _report_dask(model, runs, corpus)
    print(f"\nload after the runs: {_load()}")
    return results


def _time_tokenizer(texts: list[str]) -> float:
    import spacy

    nlp = spacy.blank("id")
    for _ in nlp.tokenizer.pipe(texts[:50]):
        pass
    started = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - started


def _time_spacy_own(texts: list[str], model: str) -> float:
    """Seconds spaCy's own work takes: `nlp.pipe` without the project's sentence component."""
    from pipeline.nlp import build_nlp

    nlp = build_nlp(model)
    with nlp.select_pipes(disable=[SENTENCE_COMPONENT]):
        for _ in nlp.pipe(texts[:50]):
            pass
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        return time.perf_counter() - started


def _run_cli(folder: Path, model: str, jobs: int, engine: str, work: Path, *options: str) -> Run:
    out = work / f"out-{folder.name}-{Path(model).name}-{engine}-{jobs}"
    command = [sys.executable, "-m", "pipeline", "extract", str(folder), "--out", str(out)]
    command += ["--jobs", str(jobs), "--model", model, "--engine", engine, "--force", "--no-progress", *options]
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    return Run(model, jobs, engine, seconds, json.loads((out / "summary.json").read_text(encoding="utf-8")))


def _report(model: str, runs: list[Run], corpus: Corpus, tokenizer: float, spacy_own: float) -> dict:
    count, words = len(corpus.texts), corpus.words
    print(f"\n(b) full pipeline, model {model!r}: `python -m pipeline extract`, fresh process, end to end")
    print("    (steady: without the start-up, i.e. starting Python, importing, loading the model and lexicons)")
    base = runs[0]
    rows = []
    for run in runs:
        rss = run.summary["peak_rss_mb"]["workers"]
        print(
            f"  jobs={run.jobs}: {_rates(count, words, run.seconds)}; steady {_rates(count, words, run.steady)}, "
            f"x{base.steady / run.steady:.2f} of jobs={base.jobs}, {run.steady / count * 1000 * run.jobs:.1f} "
            f"ms/article per core; start-up {run.startup:.1f} s; peak RSS per worker "
            f"{', '.join(f'{mb:.0f}' for mb in rss)} MB"
        )
        rows.append(
            {
                "jobs": run.jobs,
                "seconds": round(run.seconds, 2),
                "startup_seconds": round(run.startup, 2),
                "articles_per_second": round(count / run.seconds, 2),
                "steady_articles_per_second": round(count / run.steady, 2),
                "steady_words_per_second": round(words / run.steady),
                "speedup": round(base.steady / run.steady, 2),
                "peak_rss_mb": rss,
                "summary": run.summary,
            }
        )
    print(
        f"  ratio, full pipeline (jobs={base.jobs}, steady) / tokenizer alone: {base.steady / tokenizer:.1f}x the time"
    )
    stages = {stage: value for stage, value in base.summary["stage_seconds"].items() if stage != "load"}
    parts = [*sorted(stages.items(), key=lambda item: -item[1]), *base.summary["finish_seconds"].items()]
    parts.append(("(main process)", base.steady - sum(seconds for _, seconds in parts)))
    print(f"  time per stage, jobs={base.jobs} (ms/article; share of the steady time):")
    for stage, seconds in parts:
        print(f"    {stage:14s} {seconds / count * 1000:7.2f}  {seconds / base.steady:6.1%}")
    share = 1 - spacy_own / base.steady
    print(
        f"  spaCy's own tokenizer and model, measured alone: {spacy_own / count * 1000:.2f} ms/article; "
        f"everything else (ingest, project stages, output) takes {share:.0%} of the steady time"
    )
    best = max(runs, key=lambda run: run.jobs)
    per_core = words / base.steady / TARGET_WORDS_PER_ARTICLE / base.jobs
    speedup = base.steady / best.steady
    top_rss = max(_all_rss(runs))
    checks = [
        (
            f"{per_core:.1f} {TARGET_WORDS_PER_ARTICLE}-word articles/s per core",
            TARGET_ARTICLES_PER_CORE,
            per_core >= 25,
        ),
        (f"jobs={best.jobs}: x{speedup:.2f} of jobs={base.jobs}", TARGET_SPEEDUP, speedup >= TARGET_SPEEDUP),
        (f"peak RSS {top_rss:.0f} MB per worker", TARGET_RSS_MB, top_rss <= TARGET_RSS_MB),
        (f"not spaCy: {share:.0%} of the time", TARGET_EXTRACTION_SHARE, share <= TARGET_EXTRACTION_SHARE),
    ]
    for text, target, met in checks:
        print(f"  [{'ok' if met else 'MISSED'}] {text} (target {target:g})")
    return {
        "runs": rows,
        "spacy_own_seconds": round(spacy_own, 3),
        "not_spacy_share": round(share, 3),
        "articles_per_core_400_words": round(per_core, 2),
    }


def _report_dask(model: str, runs: dict[str, list[Run]], corpus: Corpus) -> dict:
    """The dask engine's runs, and its overhead against the local engine with as many processes."""
    count, words = len(corpus.texts), corpus.words
    print(f"\n(c) dask engine, model {model!r}: `--engine dask`, a LocalCluster of N worker processes, same corpus")
    local = {run.jobs: run for run in runs.get("local", [])}
    rows = []
    for run in runs["dask"]:
        rss = run.summary["peak_rss_mb"]["workers"]
        row = {
            "jobs": run.jobs,
            "seconds": round(run.seconds, 2),
            "startup_seconds": round(run.startup, 2),
            "cluster_start_seconds": run.summary.get("start_seconds"),
            "articles_per_second": round(count / run.seconds, 2),
            "steady_articles_per_second": round(count / run.steady, 2),
            "peak_rss_mb": rss,
        }
        line = (
            f"  jobs={run.jobs}: {_rates(count, words, run.seconds)}; steady {_rates(count, words, run.steady)}; "
            f"start-up {run.startup:.1f} s (cluster {run.summary.get('start_seconds', 0):.1f} s)"
        )
        base = local.get(run.jobs)
        if base is not None:
            row["overhead"] = round(run.seconds / base.seconds - 1, 3)
            row["steady_overhead"] = round(run.steady / base.steady - 1, 3)
            overheads = f"{row['overhead']:+.1%} end to end, {row['steady_overhead']:+.1%} steady"
            line += f"; vs local jobs={run.jobs}: {overheads}"
        print(line)
        rows.append(row | {"summary": run.summary})
    for row in rows:
        if "overhead" in row:
            met = row["overhead"] <= TARGET_DASK_OVERHEAD
            print(
                f"  [{'ok' if met else 'MISSED'}] dask jobs={row['jobs']}: {row['overhead']:+.1%} of the local "
                f"engine's time end to end (target <= {TARGET_DASK_OVERHEAD:.0%})"
            )
    return {"runs": rows}


def huge_article(corpus: Corpus, chars: int, model: str, work: Path, results: dict) -> dict:
    """One article of `chars` characters (the corpus texts joined by blank lines), one job, no
    time limit: microseconds per character against the corpus of ordinary articles."""
    parts, size = [], 0
    while size < chars:
        parts.append(corpus.texts[len(parts) % len(corpus.texts)])
        size += len(parts[-1]) + 2
    folder = work / "huge"
    folder.mkdir(parents=True, exist_ok=True)
    text = "\n\n".join(parts)
    (folder / "huge.txt").write_text(text, encoding="utf-8")
    size = len(text)
    print(f"\n(d) one article of {size:,} characters ({len(parts)} texts joined), model {model!r}, jobs=1")
    run = _run_cli(folder, model, 1, "local", work, "--timeout", "0")
    normal = next((r for r in results["models"].get(model, {}).get("runs", []) if r["jobs"] == 1), None)
    corpus_chars = sum(len(text) for text in corpus.texts)
    huge_us = run.steady / size * 1e6
    row: dict = {"chars": size, "model": model, "seconds": round(run.seconds, 2), "us_per_char": round(huge_us, 3)}
    line = f"  {run.seconds:.1f} s, {huge_us:.2f} us/char (steady)"
    if normal is not None:
        normal_us = (normal["seconds"] - normal["startup_seconds"]) / corpus_chars * 1e6
        row["ordinary_us_per_char"] = round(normal_us, 3)
        line += f"; ordinary articles {normal_us:.2f} us/char: x{huge_us / normal_us:.2f}"
    rss = run.summary["peak_rss_mb"]["workers"] or [run.summary["peak_rss_mb"]["main"]]
    row["peak_rss_mb"] = rss
    print(f"{line}; peak RSS {max(rss):.0f} MB ({max(rss) * 2**20 / size:.0f} bytes/char)")
    normal_stages = normal["summary"]["stage_seconds"] if normal is not None else {}
    print("  time per stage (us/char: huge article, ordinary articles):")
    for stage, seconds in sorted(run.summary["stage_seconds"].items(), key=lambda item: -item[1]):
        if stage != "load":
            ordinary = normal_stages.get(stage, 0.0) / corpus_chars * 1e6
            print(f"    {stage:14s} {seconds / size * 1e6:7.3f}  {ordinary:7.3f}")
    row["stage_seconds"] = run.summary["stage_seconds"]
    return row


def benchmark_report(shared: Path, model: str, articles: int, jobs: list[int], work: Path) -> dict:
    """Seconds to write the report of `articles` records, and to load its index in Chromium."""
    texts, source = _source_texts(shared)
    folder = work / "report-corpus"
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(texts):
        (folder / f"{number:04d}.txt").write_text(text, encoding="utf-8")
    extracted = work / "report-extracted"
    command = [sys.executable, "-m", "pipeline", "extract", str(folder), "--out", str(extracted)]
    command += ["--model", model, "--jobs", str(max(jobs)), "--no-progress", "--force"]
    if subprocess.run(command, cwd=ROOT, stderr=subprocess.DEVNULL, check=False).returncode not in (0, 1):
        raise RuntimeError(f"extraction failed: {' '.join(command)}")  # 1: some inputs failed, the rest is there
    run = work / "report-run"
    run.mkdir(exist_ok=True)
    _repeat_records(extracted / "records.jsonl", run / "records.jsonl", articles)
    print(f"\n(c) report: `python -m pipeline report` of {articles} records ({len(texts)} texts of {source} ")
    print(f"    extracted with {model!r}, repeated), fresh process, end to end")
    rows = []
    for job in jobs:
        out = work / f"report-{job}"
        started, cpu = time.perf_counter(), _children_cpu()
        report = [sys.executable, "-m", "pipeline", "report", str(run), "--out", str(out), "--jobs", str(job)]
        subprocess.run([*report, "--no-progress"], check=True, cwd=ROOT, stderr=subprocess.DEVNULL)
        seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu
        size = sum(path.stat().st_size for path in out.rglob("*") if path.is_file()) / 1e6
        print(
            f"  jobs={job}: {seconds:.1f} s, {seconds / articles * 1000:.2f} ms/article; CPU {cpu:.1f} s "
            f"(all processes, {cpu / articles * 1000:.2f} ms/article); {size:.0f} MB written"
        )
        rows.append({"jobs": job, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "megabytes": round(size)})
    loads = _index_loads(work / f"report-{jobs[-1]}")
    best = min(row["seconds"] for row in rows)
    print(f"  [{'ok' if best < TARGET_REPORT_SECONDS else 'MISSED'}] {best:.1f} s (target < {TARGET_REPORT_SECONDS:g})")
    if loads:
        print(f"  index ready in Chromium: {', '.join(f'{ms:.0f}' for ms in loads)} ms")
        met = "ok" if max(loads) < TARGET_INDEX_MS else "MISSED"
        print(f"  [{met}] slowest {max(loads):.0f} ms (target < {TARGET_INDEX_MS:g})")
    return {"articles": articles, "model": model, "runs": rows, "index_ready_ms": loads}


def _children_cpu() -> float:
    """User and system seconds of the finished child processes (and theirs) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _repeat_records(source: Path, target: Path, count: int) -> None:
    """`count` records: those of `source` again and again, each with a new doc_id (`r001/...`)."""
    lines = source.read_text(encoding="utf-8").splitlines()
    with target.open("w", encoding="utf-8") as handle:
        for number in range(count):
            record = json.loads(lines[number % len(lines)])
            record["doc_id"] = f"r{number // len(lines):03d}/{record['doc_id']}"
            handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")


def _index_loads(report: Path) -> list[float]:
    """Milliseconds from navigation to the index drawn, INDEX_LOADS times (none without Chromium)."""
    from pipeline.report.browser import chromium_path, open_browser

    if chromium_path() is None:
        print("  index load: skipped, no Chromium (apt-get install chromium)")
        return []
    loads = []
    with open_browser() as browser:
        for _ in range(INDEX_LOADS):
            visit = browser.visit(report / "index.html", ready=True)
            if visit.errors or visit.outside or visit.ready_ms is None:
                raise RuntimeError(f"the index did not load cleanly: {visit.errors} {visit.outside}")
            loads.append(visit.ready_ms)
    return loads


def _all_rss(runs: Iterable[Run]) -> list[float]:
    return [mb for run in runs for mb in run.summary["peak_rss_mb"]["workers"]] or [0.0]


def _rates(articles: int, words: int, seconds: float) -> str:
    return f"{articles / seconds:.1f} articles/s, {words / seconds:,.0f} words/s ({seconds:.1f} s)"


def _load() -> str:
    one, five, _ = os.getloadavg()
    training = subprocess.run(["pgrep", "-f", "spacy train"], capture_output=True, text=True, check=False).stdout
    busy = "a `spacy train` is running" if training.strip() else "no `spacy train` running"
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min); {busy}"


def _machine() -> dict:
    return {
        "cpu_count": os.cpu_count(),
        "machine": platform.machine(),
        "processor": _cpu_model(),
        "python": platform.python_version(),
        "load": _load(),
    }


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


if __name__ == "__main__":
    sys.exit(main())
