"""Files and folders -> articles.

Formats: `.txt` and `.md` (optional `---` front matter with title/url/published; without a
title there, a first line that reads as a headline is the title, see `headline`),
`.html`/`.htm` (main text, title and date via trafilatura, see `html`), `.json` (an object or a
list of objects) and `.jsonl` (one object per line). Objects carry `text` and
optionally `doc_id` or `id`, `title`, `url`, `published` (ISO date).

Every input yields `Article`s or `InputFailure`s, never an exception: one bad file or
line costs that file or line only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.ingest.alignment import Alignment
from pipeline.ingest.clean import clean_text
from pipeline.ingest.decode import decode_bytes
from pipeline.ingest.errors import InputError
from pipeline.ingest.headline import headline_title
from pipeline.ingest.html import extract_html
from pipeline.record import RecordWarning, Source

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json", ".jsonl"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
#: Larger files are refused rather than read into memory.
MAX_FILE_BYTES = 200 * 1024 * 1024

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_MATTER_KEYS = {"title": "title", "url": "url", "published": "published", "date": "published"}


@dataclass(frozen=True, slots=True)
class Article:
    """One article ready for extraction: its cleaned text and what is known about it."""

    doc_id: str
    text: str
    source: Source
    alignment: Alignment
    warnings: tuple[RecordWarning, ...] = ()


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input that yields no article; written to `errors.jsonl` by the batch runner."""

    path: str
    error: str
    message: str
    line: int | None = None
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    #: `doc_id` of the file: its path relative to the input root, without extension.
    doc_id: str
    #: Longest article text (in characters) to accept; a longer one fails as `too_large`.
    max_chars: int | None = None


def article_from_text(
    raw: str,
    *,
    doc_id: str,
    path: str | None = None,
    line: int | None = None,
    url: str | None = None,
    title: str | None = None,
    published: dt.date | None = None,
    warnings: Iterable[RecordWarning] = (),
    max_chars: int | None = None,
    headline_as_title: bool = False,
) -> Article:
    """Clean a text into an `Article`. Raises `InputError` when nothing is left, or when the
    text has more than `max_chars` characters (`too_large`: refused whole, never cut).

    With `headline_as_title` and no `title`, the first line of the cleaned text is the title
    when it reads as a headline (`headline_title`; page furniture such as a photo caption
    is gone by then)."""
    if max_chars is not None and len(raw) > max_chars:
        raise InputError(
            "too_large", f"the article has {len(raw):,} characters; the limit (--max-chars) is {max_chars:,}"
        )
    cleaned = clean_text(raw)
    if not cleaned.text:
        raise InputError("empty", "the article has no text" + (" after boilerplate removal" if raw.strip() else ""))
    if title is None and headline_as_title:
        title = headline_title(cleaned.text)
    notes = list(warnings)
    if not _is_utf8(doc_id) or (path is not None and not _is_utf8(path)):
        notes.append(
            RecordWarning(code="path_not_utf8", message="the file name is not UTF-8; undecodable bytes became U+FFFD")
        )
        doc_id, path = _as_utf8(doc_id), None if path is None else _as_utf8(path)
    if cleaned.repaired:
        notes.append(RecordWarning(code="text_repaired", message="mojibake or odd characters were repaired"))
    digest = hashlib.sha256()
    for part in (raw, title or "", url or "", published.isoformat() if published else ""):
        digest.update(part.encode("utf-8", errors="surrogatepass"))
        digest.update(b"\x00")
    source = Source(path=path, line=line, sha256=digest.hexdigest(), url=url, title=title, published=published)
    return Article(doc_id=doc_id, text=cleaned.text, source=source, alignment=cleaned.alignment, warnings=tuple(notes))


def discover(
    inputs: Iterable[str | Path], *, max_chars: int | None = None
) -> tuple[list[InputFile], list[InputFailure]]:
    """The article files under `inputs` (files or folders, recursively), sorted by doc_id.

    Hidden files and folders are skipped, and so are files with other extensions inside
    folders; symlinked folders are not followed (no loops). `max_chars` is the longest
    article text each file may give (see `article_from_text`).
    """
    files: list[InputFile] = []
    failures: list[InputFailure] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for folder, subfolders, names in os.walk(path):
                subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
                for name in sorted(names):
                    file = Path(folder) / name
                    if name.startswith(".") or file.suffix.lower() not in SUFFIXES:
                        continue
                    files.append(InputFile(file, file.relative_to(path).with_suffix("").as_posix(), max_chars))
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                files.append(InputFile(path, path.stem, max_chars))
            else:
                failures.append(InputFailure(str(path), "unsupported_format", f"unsupported file type {path.suffix!r}"))
        else:
            reason = "a broken symlink" if path.is_symlink() else "not found"
            failures.append(InputFailure(str(path), "not_found", f"input {reason}"))
    files.sort(key=lambda file: (file.doc_id, str(file.path)))
    return files, failures


def read_file(file: InputFile) -> Iterator[Article | InputFailure]:
    """The articles of one file (several for JSON Lines), or why there are none."""
    path = str(file.path)
    try:
        data = _read_bytes(file.path)
        suffix = file.path.suffix.lower()
        if suffix in JSON_SUFFIXES:
            yield from _read_json(data, file, jsonl=suffix == ".jsonl")
            return
        decoded = decode_bytes(data)
        warnings = _decoding_warnings(decoded.encoding, decoded.problem)
        if suffix in HTML_SUFFIXES:
            yield _read_html(decoded.text, file, warnings)
        else:
            yield _read_text(decoded.text, file, warnings)
    except InputError as error:
        yield InputFailure(path, error.code, error.message, doc_id=file.doc_id)


def iter_articles(inputs: Iterable[str | Path], *, max_chars: int | None = None) -> Iterator[Article | InputFailure]:
    files, failures = discover(inputs, max_chars=max_chars)
    yield from failures
    for file in files:
        yield from read_file(file)


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _as_utf8(text: str) -> str:
    """`text` with the lone surrogates of undecodable file-name bytes replaced by U+FFFD."""
    return text.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")


def _read_bytes(path: Path) -> bytes:
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise InputError("unreadable", "not a regular file (a FIFO, device or socket)")
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise InputError("too_large", f"the file has {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        return path.read_bytes()
    except OSError as error:
        raise InputError("unreadable", f"cannot read the file: {error.strerror or error}") from error


def _decoding_warnings(encoding: str, problem: str | None) -> list[RecordWarning]:
    if problem is None:
        return []
    return [RecordWarning(code="decoding", message=f"{problem} (encoding {encoding})")]


def _read_text(text: str, file: InputFile, warnings: list[RecordWarning]) -> Article:
    meta: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).split("\n"):  # a value may hold U+2028 and the like
            key, _, value = line.partition(":")
            field = _FRONT_MATTER_KEYS.get(key.strip().lower())
            if field and value.strip():
                meta[field] = value.strip().strip("\"'")
        text = text[match.end() :]
    published = _parse_published(meta.get("published"), warnings)
    return article_from_text(
        text,
        doc_id=file.doc_id,
        path=str(file.path),
        url=meta.get("url"),
        title=meta.get("title"),
        headline_as_title=True,
        published=published,
        warnings=warnings,
        max_chars=file.max_chars,
    )


def _read_html(html: str, file: InputFile, warnings: list[RecordWarning]) -> Article:
    page = extract_html(html)
    if not page.text.strip():
        raise InputError("empty", "no article text found in the HTML")
    if page.fallback is not None:
        warnings = [*warnings, RecordWarning(code="html_fallback", message=page.fallback)]
    published = _parse_published(page.date, warnings)
    return article_from_text(
        page.text,
        doc_id=file.doc_id,
        path=str(file.path),
        url=page.url,
        title=page.title,
        published=published,
        warnings=warnings,
        max_chars=file.max_chars,
    )


def _read_json(data: bytes, file: InputFile, *, jsonl: bool) -> Iterator[Article | InputFailure]:
    decoded = decode_bytes(data)
    warnings = _decoding_warnings(decoded.encoding, decoded.problem)
    path = str(file.path)
    if jsonl:
        objects: Iterable[tuple[int | None, str, Any]] = _jsonl_objects(decoded.text, file)
    else:
        try:
            value = json.loads(decoded.text, strict=False)  # raw control characters in strings
        except json.JSONDecodeError as error:
            raise InputError("invalid_json", f"not valid JSON: {error}") from error
        if isinstance(value, list):
            objects = ((None, f"{file.doc_id}#{index}", item) for index, item in enumerate(value, start=1))
        else:
            objects = [(None, file.doc_id, value)]
    for line, default_id, value in objects:
        try:
            if isinstance(value, InputError):
                raise value
            yield _article_from_object(value, default_id, path, line, warnings, file.max_chars)
        except InputError as error:
            yield InputFailure(path, error.code, error.message, line=line, doc_id=default_id)


def _jsonl_objects(text: str, file: InputFile) -> Iterator[tuple[int, str, Any]]:
    """One object per line. Lines end at `\n` (or `\r\n`) only: a JSON string may hold raw
    U+2028, U+2029, U+0085 or control characters (`\x0b`, `\x0c`, `\x1c`-`\x1e`), which
    `str.splitlines` would also take for line ends, and which many exporters do not escape."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        default_id = f"{file.doc_id}#{number}"
        try:
            yield number, default_id, json.loads(line.removesuffix("\r"), strict=False)
        except json.JSONDecodeError as error:
            yield number, default_id, InputError("invalid_json", f"line {number} is not valid JSON: {error}")


def _article_from_object(
    value: Any,
    default_id: str,
    path: str,
    line: int | None,
    file_warnings: list[RecordWarning],
    max_chars: int | None,
) -> Article:
    if not isinstance(value, dict):
        raise InputError("invalid_object", f"expected a JSON object, got {type(value).__name__}")
    text = value.get("text")
    if text is None:
        raise InputError("missing_text", "the object has no 'text'")
    if not isinstance(text, str):
        raise InputError("invalid_field", f"'text' must be a string, got {type(text).__name__}")
    warnings = list(file_warnings)
    doc_id = default_id
    for key in ("doc_id", "id"):
        candidate = value.get(key)
        if isinstance(candidate, str | int) and not isinstance(candidate, bool) and str(candidate).strip():
            doc_id = str(candidate).strip()
            break
        if candidate is not None:
            warnings.append(_ignored(key, candidate))
    meta = {}
    for key in ("title", "url", "published"):
        candidate = value.get(key)
        if isinstance(candidate, str):
            meta[key] = candidate.strip() or None
        elif candidate is not None:
            warnings.append(_ignored(key, candidate))
    published = _parse_published(meta.get("published"), warnings)
    return article_from_text(
        text,
        doc_id=doc_id,
        path=path,
        line=line,
        url=meta.get("url"),
        title=meta.get("title"),
        published=published,
        warnings=warnings,
        max_chars=max_chars,
    )


def _ignored(key: str, value: Any) -> RecordWarning:
    return RecordWarning(code="invalid_field", message=f"ignored {key!r}: unexpected {type(value).__name__}")


def _parse_published(value: str | None, warnings: list[RecordWarning]) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        warnings.append(RecordWarning(code="invalid_published", message=f"ignored published date {value!r}"))
        return None
