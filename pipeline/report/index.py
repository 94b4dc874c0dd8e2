"""The index page: totals, the corpus charts, and the table of every article.

The table's rows are not in the page: they are `data/articles.js` (one array per article, in
the order of records.jsonl), which `assets/index.js` searches, sorts and pages in the browser,
drawing one page of rows at a time, so the index of 10,000 articles opens as fast as that of
ten. A .js file rather than .json because a page opened from disk (`file://`) may load
scripts but not fetch files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.report.article import ArticleSummary
from pipeline.report.charts import build_charts
from pipeline.report.run import RunFailure, UnreadableRecord
from pipeline.report.stats import CorpusStats
from pipeline.report.templating import render, script_json

#: The table's columns: the cells of `ArticleSummary.row`, the last (`name`, the page) not shown.
COLUMNS = (
    "doc_id",
    "title",
    "type",
    "date",
    "region",
    "officials",
    "persons",
    "direct",
    "indirect",
    "warnings",
    "name",
)
NUMERIC = ("officials", "persons", "direct", "indirect", "warnings")
WIDE_CHARTS = ("events", "quotes")
#: Errors and unreadable lines listed on the page (the charts count them all).
MAX_LISTED = 200
ROWS_SCRIPT = "data/articles.js"


@dataclass
class IndexContent:
    """What the index shows, gathered while the article pages are written."""

    run: str
    stats: CorpusStats = field(default_factory=CorpusStats)
    rows: list[list[object]] = field(default_factory=list)
    unreadable: list[UnreadableRecord] = field(default_factory=list)
    models: set[str] = field(default_factory=set)
    versions: set[str] = field(default_factory=set)

    def add(self, article: ArticleSummary) -> None:
        self.stats.add(article)
        self.rows.append(article.row())
        self.models.add(article.model)
        self.versions.add(article.version)


def rows_script(content: IndexContent) -> str:
    """`data/articles.js`: the table's columns and rows."""
    table = {"columns": list(COLUMNS), "numeric": list(NUMERIC), "rows": content.rows}
    return f"window.WARTA_ARTICLES = {script_json(table)};\n"


def render_index(content: IndexContent, failures: Sequence[RunFailure], *, vega_bundle: str) -> str:
    charts = build_charts(content.stats, failures)
    return render(
        "index.html",
        root=".",
        title=f"Extractions of {content.run}",
        run=content.run,
        stats=content.stats,
        models=sorted(content.models),
        versions=sorted(content.versions),
        failures=failures,
        unreadable=content.unreadable,
        charts=charts,
        chart_specs=script_json({chart.key: chart.spec for chart in charts if chart.spec is not None}),
        wide=WIDE_CHARTS,
        columns=COLUMNS[:-1],
        numeric=NUMERIC,
        max_listed=MAX_LISTED,
        vega_bundle=vega_bundle,
    )
