"""`write_report`: the static site of a finished run, written whole or not at all.

    REPORT/index.html            totals, charts, the table of articles
    REPORT/data/articles.js      the table's rows
    REPORT/articles/NAME.html    one page per record (no script)
    REPORT/records/NAME.json     the record: its line of records.jsonl
    REPORT/assets/               style sheet, index script, the Vega bundle

The site is written into a hidden folder beside REPORT and then renamed to it, so REPORT is
always a complete report (the previous one until the new one is done); pages of records
that are no longer in the run do not linger. An existing REPORT is replaced only if it is
empty or a report (it holds the `.warta-report` marker): any other folder is left alone.

Pages are rendered one record at a time, in this process or, with `jobs` > 1, in spawned
worker processes that write the pages themselves and send back only the summaries the index
needs, in file order.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from pipeline.report.article import ARTICLES, RECORDS, ArticleSummary, render_article
from pipeline.report.assets import start_vega_bundle, write_static, write_vega_bundle
from pipeline.report.index import ROWS_SCRIPT, IndexContent, render_index, rows_script
from pipeline.report.run import ReportError, UnreadableRecord, count_records, parse_record, read_failures, read_lines

MARKER = ".warta-report"
CHUNK = 16

_worker_folder: Path | None = None


@dataclass(frozen=True, slots=True)
class ReportOptions:
    run: Path
    out: Path
    jobs: int = 1
    progress: bool = True


@dataclass(frozen=True, slots=True)
class ReportResult:
    out: Path
    articles: int
    failures: int
    unreadable: int
    seconds: float
    #: The page (relative to `out`) of the article with the most marks: the one to show first.
    featured: str | None


def write_report(options: ReportOptions) -> ReportResult:
    started = time.perf_counter()
    out = options.out
    total = count_records(options.run)
    _check_target(out)
    staging = out.parent / f".{out.name}.{os.getpid()}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        content, featured, failures = _write_site(options, staging, total)
        _replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ReportResult(
        out=out,
        articles=content.stats.articles,
        failures=failures,
        unreadable=len(content.unreadable),
        seconds=round(time.perf_counter() - started, 3),
        featured=featured.page if featured is not None else None,
    )


def _write_site(options: ReportOptions, folder: Path, total: int) -> tuple[IndexContent, ArticleSummary | None, int]:
    """Write the site into `folder`; returns what the index shows, the featured article and the errors."""
    for name in (ARTICLES, RECORDS, "data"):
        (folder / name).mkdir(parents=True)
    write_static(folder)
    content = IndexContent(run=str(options.run))
    featured: ArticleSummary | None = None
    with (
        ThreadPoolExecutor(1) as executor,
        tqdm(total=total, unit=" articles", desc="report", disable=not options.progress) as bar,
    ):
        bundle = start_vega_bundle(executor)
        for result in _render_pages(options, folder):
            if isinstance(result, UnreadableRecord):
                content.unreadable.append(result)
            else:
                content.add(result)
                if featured is None or result.marks > featured.marks:
                    featured = result
            bar.update()
        vega_bundle = write_vega_bundle(folder, bundle.result())
    failures = read_failures(options.run)
    (folder / ROWS_SCRIPT).write_text(rows_script(content), encoding="utf-8")
    (folder / "index.html").write_text(render_index(content, failures, vega_bundle=vega_bundle), encoding="utf-8")
    (folder / MARKER).write_text("A report of python -m pipeline report; replaced by the next one.\n", encoding="utf-8")
    return content, featured, len(failures)


def _render_pages(options: ReportOptions, folder: Path) -> Iterator[ArticleSummary | UnreadableRecord]:
    lines = read_lines(options.run)
    if options.jobs <= 1:
        _start_worker(folder)
        yield from (_write_article(item) for item in lines)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(options.jobs, initializer=_start_worker, initargs=(folder,)) as pool:
        yield from pool.imap(_write_article, lines, chunksize=CHUNK)


def _start_worker(folder: Path) -> None:
    global _worker_folder
    _worker_folder = folder


def _write_article(item: tuple[int, str]) -> ArticleSummary | UnreadableRecord:
    """Parse one line of records.jsonl, write its page and JSON; returns its summary."""
    assert _worker_folder is not None, "_start_worker sets the folder"
    record = parse_record(*item)
    if isinstance(record, UnreadableRecord):
        return record
    page, summary = render_article(record)
    (_worker_folder / summary.page).write_text(page, encoding="utf-8")
    (_worker_folder / summary.record).write_text(item[1], encoding="utf-8", errors="surrogateescape")
    return summary


def _check_target(out: Path) -> None:
    if not out.exists():
        return
    if not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file()):
        raise ReportError(f"{out} exists and is not a report: give a new or empty folder, or an earlier report")


def _replace(staging: Path, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    previous = out.parent / f".{out.name}.{os.getpid()}.old"
    if out.exists():
        out.rename(previous)
    staging.rename(out)
    shutil.rmtree(previous, ignore_errors=True)
