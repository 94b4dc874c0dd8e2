"""Command line: `python -m pipeline extract|evaluate|report|schema ...`.

Exit status: 0 when every article succeeded, 1 when some failed (the others are still
written), 2 on usage errors, 130 when interrupted (re-run to finish).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__

if TYPE_CHECKING:
    from pipeline.syntax.choice import StanzaSyntax

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Structured event records from Indonesian government press releases.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="extract records from article files and folders",
        description="Read .txt/.md/.html/.json/.jsonl articles (folders recursively) and write "
        "OUT/records.jsonl, OUT/errors.jsonl and OUT/summary.json.",
    )
    extract.add_argument("inputs", nargs="+", metavar="INPUT", help="article files or folders")
    extract.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    extract.add_argument("--jobs", type=_positive, default=1, metavar="N", help="worker processes")
    extract.add_argument(
        "--model",
        default=None,
        metavar="MODEL",
        help="spaCy pipeline: a name under models/, a path, or 'blank' for rules only (default: the shipped model)",
    )
    extract.add_argument(
        "--timeout",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="an article that takes longer to read or to extract fails alone as `timeout`; 0: no limit (default: 600)",
    )
    extract.add_argument(
        "--max-chars",
        type=_positive,
        default=None,
        metavar="N",
        help="an article whose text has more than N characters fails as `too_large` (default: no limit)",
    )
    _add_nlp_arguments(extract)
    extract.add_argument("--force", action="store_true", help="re-extract articles whose records are current")
    extract.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: worker processes on this machine; dask: the workers of a Dask cluster (default: local)",
    )
    extract.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="with --engine dask: a running `dask scheduler` (tcp://host:8786); default: a LocalCluster of --jobs",
    )
    extract.add_argument(
        "--tables-layout",
        choices=("files", "dataset"),
        default="files",
        help="files: OUT/<table>.parquet; dataset: OUT/tables/<table>/part-*.parquet (default: files)",
    )
    extract.add_argument("--no-progress", action="store_true", help="no progress bar")
    extract.set_defaults(handler=_extract)

    evaluate = commands.add_parser(
        "evaluate",
        help="score the pipeline against gold files",
        description="Run the pipeline on the texts of gold articles (pfsa or gov format, see "
        "../shared/eval/README.md) and score the records: a table on stdout, OUT/scores.json, "
        "and with --show-errors the misses and false alarms of every article.",
    )
    evaluate.add_argument("gold", nargs="+", type=Path, metavar="GOLD", help="gold .jsonl files")
    evaluate.add_argument(
        "--out", type=Path, default=None, metavar="DIR", help="write scores.json (and errors.txt) here"
    )
    evaluate.add_argument(
        "--show-errors",
        action="store_true",
        help="list each article's misses and false alarms (to DIR/errors.txt with --out, else stdout)",
    )
    evaluate.add_argument(
        "--model",
        default=None,
        metavar="MODEL",
        help="spaCy pipeline: a name under models/, a path, or 'blank' for rules only (default: the shipped model)",
    )
    _add_nlp_arguments(evaluate)
    evaluate.add_argument(
        "--compare",
        default=None,
        metavar="MODEL",
        help="run again with this model (e.g. 'blank') and show the metrics that differ",
    )
    evaluate.add_argument(
        "--write-doc",
        type=Path,
        default=None,
        metavar="PATH",
        help="rewrite the generated part of this Markdown file",
    )
    evaluate.add_argument(
        "--commit",
        default=None,
        metavar="REV",
        help="commit named in --write-doc (default: git rev-parse --short HEAD)",
    )
    evaluate.set_defaults(handler=_evaluate)

    report = commands.add_parser(
        "report",
        help="write a static HTML report of a run",
        description="Read DIR/records.jsonl and DIR/errors.jsonl (the output folder of `extract`) and write "
        "a static site: an index with the corpus charts and a searchable table of the articles, and one page "
        "per article with its extracted spans marked. It needs no server and no network to view. "
        "Needs the `report` extra: pip install 'warta[report]'.",
    )
    report.add_argument("run", type=Path, metavar="DIR", help="output folder of `extract`")
    report.add_argument(
        "--out", type=Path, default=None, metavar="REPORT_DIR", help="where to write the site (default: DIR/report)"
    )
    report.add_argument("--jobs", type=_positive, default=1, metavar="N", help="worker processes writing the pages")
    report.add_argument(
        "--screenshots",
        type=Path,
        default=None,
        metavar="FOLDER",
        help="then open the index and one article in headless Chromium and save FOLDER/index.png and "
        "FOLDER/article.png",
    )
    report.add_argument(
        "--article",
        default=None,
        metavar="DOC_ID",
        help="the article of --screenshots (default: the one with the most marked spans)",
    )
    report.add_argument("--no-progress", action="store_true", help="no progress bar")
    report.set_defaults(handler=_report)

    schema = commands.add_parser("schema", help="print the JSON Schema of a record")
    schema.set_defaults(handler=_schema)

    stages = commands.add_parser("stages", help="print the stages in order, with what each reads and writes")
    stages.set_defaults(handler=_stages)
    return parser


def _add_nlp_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--nlp",
        choices=("spacy", "stanza"),
        default="spacy",
        help="spacy: the shipped pipeline (default); stanza: the same plus stanza's POS tags, lemmas and "
        "dependency tree (pip install 'warta[stanza]')",
    )
    command.add_argument(
        "--stanza-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="stanza models for --nlp stanza: models/stanza_id (default, `make train-stanza`) or a folder "
        "made by stanza.download('id', model_dir=DIR)",
    )


def _nlp_model(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str | StanzaSyntax | None:
    """The `model` of the extractor: `--model`, or a `StanzaSyntax` (passed on wherever a model
    name goes) for `--nlp stanza`."""
    from pipeline.syntax.choice import nlp_choice

    try:
        return nlp_choice(args.model, args.nlp, args.stanza_dir)
    except ValueError as error:
        parser.error(str(error))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.handler(args, parser))


def _extract(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from pipeline.batch import BatchOptions, EngineError, Interrupted, is_url, run_batch
    from pipeline.nlp import ModelError

    missing = [item for item in args.inputs if not is_url(item) and not Path(item).exists()]
    if len(missing) == len(args.inputs):
        parser.error(f"no input exists: {', '.join(missing)}")
    if args.scheduler is not None and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    options = BatchOptions(
        inputs=tuple(args.inputs),
        out=args.out,
        jobs=args.jobs,
        model=_nlp_model(args, parser),
        force=args.force,
        progress=not args.no_progress,
        engine=args.engine,
        scheduler=args.scheduler,
        tables_layout=args.tables_layout,
        max_chars=args.max_chars,
    )
    if args.timeout is not None:
        options = dataclasses.replace(options, timeout=args.timeout or None)
    try:
        summary = run_batch(options)
    except (ModelError, EngineError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (KeyboardInterrupt, Interrupted):
        print(
            f"interrupted: finished records are kept in {args.out}; run the same command again to finish",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    articles = summary["articles"]
    assert isinstance(articles, dict)
    print(
        f"{articles['written']} records in {args.out / 'records.jsonl'} "
        f"({articles['extracted']} extracted, {articles['reused']} unchanged and reused), "
        f"{articles['failed']} failed (see {args.out / 'errors.jsonl'}), "
        f"{summary['seconds']} s, {summary['articles_per_second']} articles/s",
        file=sys.stderr,
    )
    return EXIT_SOME_FAILED if articles["failed"] else EXIT_OK


def _evaluate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    import datetime as dt

    from pipeline.evaluate import GoldError, run_evaluation
    from pipeline.evaluate.report import (
        errors_listing,
        format_comparison,
        format_scores,
        update_evaluation_doc,
        write_scores,
    )
    from pipeline.nlp import ModelError

    missing = [str(path) for path in args.gold if not path.is_file()]
    if missing:
        parser.error(f"no such gold file: {', '.join(missing)}")
    try:
        model = _nlp_model(args, parser)
        scores = run_evaluation(args.gold, model=model, log=lambda line: print(line, file=sys.stderr))
        compared = (
            run_evaluation(args.gold, model=args.compare, log=lambda line: print(line, file=sys.stderr))
            if args.compare is not None
            else None
        )
    except (GoldError, ModelError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted: nothing written", file=sys.stderr)
        return EXIT_INTERRUPTED
    sys.stdout.write(format_scores(scores))
    if compared is not None:
        sys.stdout.write("\n" + format_comparison(scores, compared))
    if args.out is not None:
        write_scores(args.out / "scores.json", scores)
        print(f"scores in {args.out / 'scores.json'}", file=sys.stderr)
        if compared is not None:
            write_scores(args.out / "scores-compared.json", compared)
    if args.show_errors:
        listing = errors_listing(scores)
        if args.out is not None:
            (args.out / "errors.txt").write_text(listing, encoding="utf-8")
            print(f"errors in {args.out / 'errors.txt'}", file=sys.stderr)
        else:
            sys.stdout.write("\n" + listing)
    if args.write_doc is not None:
        commit = args.commit or _git_commit()
        update_evaluation_doc(args.write_doc, scores, date=dt.date.today(), commit=commit, compared=compared)
        print(f"updated {args.write_doc} (commit {commit})", file=sys.stderr)
    return EXIT_OK


def _report(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    try:
        from pipeline.report import ReportError, ReportOptions, write_report
        from pipeline.report.screenshots import take_screenshots
    except ImportError as error:
        print(f"error: {error}: the report needs the `report` extra: pip install 'warta[report]'", file=sys.stderr)
        return EXIT_USAGE

    out = args.out if args.out is not None else args.run / "report"
    try:
        result = write_report(ReportOptions(run=args.run, out=out, jobs=args.jobs, progress=not args.no_progress))
        print(
            f"report of {result.articles} records and {result.failures} errors in {out / 'index.html'} "
            f"({result.unreadable} unreadable lines), {result.seconds} s",
            file=sys.stderr,
        )
        if args.screenshots is not None:
            for path in take_screenshots(out, args.screenshots, doc_id=args.article, featured=result.featured):
                print(f"screenshot {path}", file=sys.stderr)
    except ReportError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"interrupted: {out} is unchanged", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_OK


def _git_commit() -> str:
    """`git rev-parse --short HEAD`, or "uncommitted" when there is no commit (or no git)."""
    import subprocess

    try:
        done = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).resolve().parent,
        )
    except OSError:
        return "uncommitted"
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else "uncommitted"


def _schema(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from pipeline.record import record_json_schema

    sys.stdout.write(record_json_schema())
    return EXIT_OK


def _stages(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from pipeline.stages import describe_stages

    sys.stdout.write(describe_stages() + "\n")
    return EXIT_OK


def _seconds(value: str) -> float:
    number = float(value)
    if not number >= 0 or number == float("inf"):
        raise argparse.ArgumentTypeError("must be a number of seconds, 0 or more")
    return number


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number
