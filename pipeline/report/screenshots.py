"""Screenshots of a written report: `python -m pipeline report DIR --screenshots FOLDER`.

Opens the index and one article page in headless Chromium (`browser.py`) and saves
`FOLDER/index.png` and `FOLDER/article.png`, full page. The README's pictures are made this
way. A page that raises a script error, asks for anything on the network or shows no text
is an error, not a picture.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.report.article import ARTICLES
from pipeline.report.browser import Visit, open_browser
from pipeline.report.run import ReportError
from pipeline.report.templating import page_name

INDEX_PNG = "index.png"
ARTICLE_PNG = "article.png"


def take_screenshots(report: Path, folder: Path, *, doc_id: str | None, featured: str | None) -> list[Path]:
    """Screenshots of the index and of the article `doc_id` (else the page `featured`)."""
    if doc_id is not None:
        article = f"{ARTICLES}/{page_name(doc_id)}.html"
        if not (report / article).is_file():
            raise ReportError(f"no article {doc_id!r} in the report {report}")
    elif featured is not None:
        article = featured
    else:
        raise ReportError(f"the report {report} has no article to show")
    try:
        with open_browser() as browser:
            visits = [
                browser.visit(report / "index.html", ready=True, screenshot=folder / INDEX_PNG),
                browser.visit(report / article, screenshot=folder / ARTICLE_PNG),
            ]
    except FileNotFoundError as error:
        raise ReportError(str(error)) from error
    except ImportError as error:
        raise ReportError(f"{error}: screenshots need playwright, pip install 'warta[report]'") from error
    for visit in visits:
        _check(visit)
    return [folder / INDEX_PNG, folder / ARTICLE_PNG]


def _check(visit: Visit) -> None:
    problems = [*visit.errors, *(f"request for {url}" for url in visit.outside)]
    if not visit.text.strip():
        problems.append("the page shows no text")
    if problems:
        raise ReportError(f"{visit.url}: " + "; ".join(problems))
