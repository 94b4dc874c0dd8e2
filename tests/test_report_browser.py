"""The report in a real browser: headless Chromium (Debian's `chromium`) loads the index and article pages.

Fails on a script error, a request for anything but the report's own files, or a page that
draws nothing; saves the screenshots to out/report-screenshots/. Skipped only when no
Chromium is installed (CI installs it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page

from pipeline.report import ReportOptions, write_report
from pipeline.report.browser import Browser, chromium_path, open_browser
from pipeline.report.templating import page_name
from tests.conftest import ROOT
from tests.test_report import MARKUP_DOC, make_run

SCREENSHOTS = ROOT / "out" / "report-screenshots"
CHARTS = 7
#: The marked text as shown, without the marks' labels.
TEXT_WITHOUT_LABELS = """(() => {
  const text = document.querySelector(".marked").cloneNode(true);
  text.querySelectorAll(".mark-label").forEach((label) => label.remove());
  return text.textContent;
})()"""

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="no Chromium: apt-get install chromium")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    run = make_run(tmp_path_factory.mktemp("browser"))
    out = run.parent / "site"
    write_report(ReportOptions(run=run, out=out, progress=False))
    return out


@pytest.fixture(scope="module")
def browser():
    with open_browser() as opened:
        yield opened


@contextmanager
def opened(browser: Browser, path: Path) -> Iterator[Page]:
    """A page of the browser showing `path`, closed afterwards."""
    page = browser.context.new_page()
    try:
        page.goto(path.as_uri())
        yield page
    finally:
        page.close()


def test_the_index_draws_its_charts_and_table(site, browser):
    visit = browser.visit(site / "index.html", ready=True, screenshot=SCREENSHOTS / "index.png")
    assert visit.errors == [] and visit.outside == []
    assert "3 of 3 articles · page 1 of 1" in visit.text
    assert 'Bupati <img src=x onerror="window.__wartaPwned=1"> Resmikan Pasar' in visit.text
    assert visit.ready_ms is not None and visit.ready_ms > 0
    with opened(browser, site / "index.html") as page:
        page.wait_for_selector("html[data-ready='true']", state="attached")
        assert page.locator(".chart svg.marks").count() == CHARTS
        assert page.locator("#articles-body tr").count() == 3
        assert page.evaluate("window.__wartaPwned") is None
        page.fill("#articles-search", "madiun")
        page.wait_for_function("document.querySelectorAll('#articles-body tr').length === 1")
        assert page.locator("#articles-body tr td a").inner_text() == "kota/madiun-rapat-banjir"
        assert "#q=madiun" in page.url
        page.fill("#articles-search", "")
        page.wait_for_function("document.querySelectorAll('#articles-body tr').length === 3")
        page.click("th[data-column='0']")
        page.wait_for_function(
            "document.querySelector('th[data-column=\"0\"]').getAttribute('aria-sort') === 'descending'"
        )
        assert page.locator("#articles-body tr td a").first.inner_text() == "rilis-sleman-bibit"


def test_an_article_with_markup_shows_it_and_runs_nothing(site, browser):
    article = site / "articles" / f"{page_name(MARKUP_DOC)}.html"
    visit = browser.visit(article, screenshot=SCREENSHOTS / "article-markup.png")
    assert visit.errors == [] and visit.outside == []
    assert "<script>window.__wartaPwned=1</script>" in visit.text
    with opened(browser, article) as page:
        assert 'Kode <img src=x onerror="window.__wartaPwned=1"> itu' in page.evaluate(TEXT_WITHOUT_LABELS)
        assert page.evaluate("window.__wartaPwned") is None
        assert page.locator("script").count() == 0 and page.locator(".marked img").count() == 0
        assert page.locator(".mark-label").count() > 0


def test_an_article_page_draws_its_marks(site, browser):
    article = site / "articles" / f"{page_name('kota/madiun-rapat-banjir')}.html"
    visit = browser.visit(article, screenshot=SCREENSHOTS / "article.png")
    assert visit.errors == [] and visit.outside == []
    assert "Kepala Dinas Pekerjaan Umum, Kota Madiun" in visit.text
    with opened(browser, article) as page:
        labels = page.locator(".mark-label").all_inner_texts()
        assert {label.split()[0] for label in labels} >= {"OFFICIAL", "PERSON", "PLACE", "DATE", "QUOTE", "EVENT"}
        box = page.locator(".marked").bounding_box()
        assert box is not None and box["height"] > 200
    for name in ("index.png", "article-markup.png", "article.png"):
        assert (SCREENSHOTS / name).stat().st_size > 10_000, name
