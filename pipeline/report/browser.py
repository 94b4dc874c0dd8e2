"""Opening report pages in headless Chromium (Debian's `chromium`), driven by Playwright.

Playwright never downloads a browser here: it starts the system's Chromium
(`chromium_path`), with a new, empty profile folder and the flags that keep it from trying
the network at start-up (on a machine without internet it would otherwise hang on those
attempts). Every page is opened from disk (`file://`), and any request for an address that
is not a file is refused and recorded: a report must need nothing from the network.

`Browser.visit` loads one page and returns what a check of it needs: the script errors of the
page, the refused requests, how long the index took to be ready, and the page's text.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, ConsoleMessage, Route

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
#: Where Debian's chromium package puts the browser; WARTA_CHROMIUM names another.
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
VIEWPORT = {"width": 1360, "height": 900}
#: What the index script sets on <html> once its charts and table are drawn.
READY = "html[data-ready='true']"
TIMEOUT_MS = 60_000


def chromium_path() -> Path | None:
    """The Chromium to drive: $WARTA_CHROMIUM, else `chromium` on the PATH, else /usr/bin/chromium."""
    for candidate in (os.environ.get("WARTA_CHROMIUM"), shutil.which("chromium"), DEBIAN_CHROMIUM):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return Path(candidate)
    return None


@dataclass
class Visit:
    """What happened when a page was opened."""

    url: str
    #: Uncaught exceptions and console errors of the page.
    errors: list[str] = field(default_factory=list)
    #: Requests for anything but a file (refused).
    outside: list[str] = field(default_factory=list)
    #: Milliseconds from the start of navigation until the index was drawn (None for other pages).
    ready_ms: float | None = None
    #: The page's visible text.
    text: str = ""


class Browser:
    """One headless Chromium with its own throw-away profile (`open_browser`)."""

    def __init__(self, context: BrowserContext) -> None:
        self.context = context

    def visit(self, page_path: Path, *, ready: bool = False, screenshot: Path | None = None) -> Visit:
        """Open a page from disk; with `ready`, wait until the index script says it has drawn
        everything. Saves a full-page screenshot to `screenshot` if given."""
        page = self.context.new_page()
        visit = Visit(page_path.resolve().as_uri())
        page.on("pageerror", lambda error: visit.errors.append(f"page error: {error}"))
        page.on("console", lambda message: _console_error(visit, message))
        page.route("**/*", lambda route: _only_files(visit, route))
        try:
            page.goto(visit.url, wait_until="load", timeout=TIMEOUT_MS)
            if ready:
                page.wait_for_selector(READY, state="attached", timeout=TIMEOUT_MS)
                visit.ready_ms = float(page.evaluate("Number(document.documentElement.dataset.readyMs)"))
            visit.text = page.inner_text("body")
            if screenshot is not None:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=True)
        finally:
            page.close()
        return visit


def _console_error(visit: Visit, message: ConsoleMessage) -> None:
    if message.type == "error":
        visit.errors.append(f"console error: {message.text}")


def _only_files(visit: Visit, route: Route) -> None:
    url = route.request.url
    if url.startswith(("file:", "data:", "blob:")):
        route.continue_()
    else:
        visit.outside.append(url)
        route.abort()


@contextmanager
def open_browser(executable: Path | None = None) -> Iterator[Browser]:
    """Start headless Chromium (the system's; see `chromium_path`) and stop it afterwards."""
    from playwright.sync_api import sync_playwright

    chromium = executable or chromium_path()
    if chromium is None:
        raise FileNotFoundError("no Chromium found: install Debian's chromium package or set WARTA_CHROMIUM")
    with tempfile.TemporaryDirectory(prefix="warta-chromium-") as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(chromium),
            headless=True,
            args=list(CHROMIUM_FLAGS),
            viewport=VIEWPORT,
            locale="id-ID",
            timezone_id="Asia/Jakarta",
        )
        try:
            yield Browser(context)
        finally:
            context.close()
