"""HTML of the report: the Jinja templates (autoescaped), JSON inside pages, page names.

Every value a template prints is escaped by Jinja (`autoescape`), so article text, titles,
names and messages show their `<`, `>`, `&` and quotes as text. The only markup a template
takes as it is (`|safe`) is displaCy's rendering of the text, which escapes every token
itself, and JSON from `script_json`, which escapes `<`, `>` and `&` so that no string can
close the `<script>` element it stands in.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import jinja2

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_-]+")
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")
MAX_NAME = 60


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["web_url"] = web_url
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def script_json(value: Any) -> str:
    """JSON to put inside a `<script>` element (or a .js file): compact, key order kept, and
    no `<`, `>` or `&` left in it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _SCRIPT_UNSAFE.sub(lambda match: _SCRIPT_ESCAPES[match.group()], text)


def page_name(doc_id: str) -> str:
    """The file name (without extension) of an article's page and JSON: the doc_id's letters,
    digits, `-` and `_` (others become `-`), then a hash of the whole doc_id, so that names are
    unique, stable from one run to the next, and safe on every file system."""
    readable = _UNSAFE_NAME.sub("-", doc_id).strip("-")[:MAX_NAME] or "article"
    digest = hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{readable}-{digest}"


def web_url(url: str | None) -> str | None:
    """The URL if it is an http(s) address (a link the page may show), else None."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None
