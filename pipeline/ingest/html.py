"""HTML -> the article's text, title, URL and publication date.

trafilatura finds the main text and the metadata. On some pages it misses the article:
markup nested deeper than its parser goes (libxml2 stops at 256 levels, 2,048 at most)
leaves it the navigation at best, and text written as `<br>`-separated lines straight in
the body or in a layout table comes out as one line (or a Markdown table row). So the
page's main content is also extracted by resiliparse (its own HTML5 parser, no depth
limit; scripts, styles, navigation, headers, footers and forms left out; block elements
and `<br>` as line breaks, table rows as lines), and its text is taken instead when
trafilatura's has fewer than half of its words, or the same words in fewer than half
as many lines. The record then gets an `html_fallback` warning that says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: trafilatura's text is replaced when it has fewer than 1/MIN_SHARE of the words (or, with the
#: same words, of the lines) of resiliparse's.
MIN_SHARE = 2
#: "The same words": resiliparse's text has at most this many times the words of trafilatura's.
SAME_WORDS = 1.1
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str
    title: str | None = None
    url: str | None = None
    #: The publication date as the page gives it (ISO, possibly with a time).
    date: str | None = None
    #: Why the text is resiliparse's rather than trafilatura's (None: it is trafilatura's).
    fallback: str | None = None


def extract_html(html: str) -> HtmlText:
    """The text and metadata of a page; `text` is empty when neither extractor finds any."""
    import trafilatura  # imported on first use: it costs a fifth of a second

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    found = (document.text or "") if document is not None else ""
    content, page_title = _main_content(html)
    reason = _fallback_reason(found, content)
    if reason is None:
        return HtmlText(found, document.title, document.url, document.date)
    message = f"{reason}; the text is the page's main content as resiliparse extracts it"
    if document is None:
        return HtmlText(content, page_title, fallback=message)
    return HtmlText(content, document.title or page_title, document.url, document.date, fallback=message)


def _fallback_reason(found: str, content: str) -> str | None:
    """Why trafilatura's text `found` misses the page's main `content`, or None when it does not."""
    found_words, content_words = len(_WORD.findall(found)), len(_WORD.findall(content))
    if not found.strip():
        return "trafilatura found no article text"
    if found_words * MIN_SHARE < content_words:
        return f"trafilatura found {found_words} words of article text in a page with {content_words}"
    found_lines, content_lines = _lines(found), _lines(content)
    if content_words <= found_words * SAME_WORDS and found_lines * MIN_SHARE < content_lines:
        return f"trafilatura joined the {content_lines} lines of the page into {found_lines}"
    return None


def _lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip())


def _main_content(html: str) -> tuple[str, str | None]:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse(html)
    text = extract_plain_text(
        tree,
        preserve_formatting=True,
        main_content=True,
        list_bullets=False,
        alt_texts=False,
        links=False,
        form_fields=False,
        noscript=False,
        comments=False,
    )
    return text, (tree.title or "").strip() or None
