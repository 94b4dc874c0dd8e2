"""The inputs of a batch as items for the workers: listing, claiming doc_ids, and reading them.

- The main process lists the input files (local paths with `pipeline.ingest.discover`,
  URLs with `remote.discover_remote`). A file holding one article (.txt, .md, .html) is
  sent to a worker as it is: reading, decoding and cleaning it is the worker's job, so
  ingest scales with the workers. JSON and JSON Lines files are read in the main
  process, since their doc_ids are inside them, and their articles are sent.
- A doc_id belongs to the first input that claims it (in the sorted input order); later
  claims fail as `duplicate_doc_id`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator

from pipeline.batch.limits import ArticleTimeout, time_limit
from pipeline.batch.remote import RemoteFile, discover_remote, fetched, is_url, located
from pipeline.ingest import Article, InputFailure, InputFile, discover, read_file
from pipeline.ingest.readers import JSON_SUFFIXES

#: A file a worker reads (local or at a URL), or an article read by the main process.
Item = InputFile | RemoteFile | Article
File = InputFile | RemoteFile


def list_items(
    inputs: Iterable[str],
    fail: Callable[[InputFailure], None],
    found: Callable[[Article], bool],
    max_chars: int | None = None,
) -> Iterator[Item]:
    """What the workers get, in input order. Failures of the main process (and duplicate doc_ids)
    go to `fail`; each article read here goes to `found`, and is not sent when it returns True
    (its record is reused)."""
    files, failures = _discover(inputs, max_chars)
    for failure in failures:
        fail(failure)
    claimed: set[str] = set()
    files.reverse()
    while files:
        file = files.pop()  # dropped from the list as it is sent: a `Path` costs about 500 bytes
        if suffix(file) not in JSON_SUFFIXES:
            if _claim(file.doc_id, location(file), None, claimed, fail):
                yield file
            continue
        for item in read_guarded(file):
            if isinstance(item, InputFailure):
                fail(item)
            elif _claim(item.doc_id, item.source.path or "", item.source.line, claimed, fail) and not found(item):
                yield item


def _discover(inputs: Iterable[str], max_chars: int | None) -> tuple[list[File], list[InputFailure]]:
    paths = [item for item in inputs if not is_url(item)]
    urls = [item for item in inputs if is_url(item)]
    local, failures = discover(paths, max_chars=max_chars)
    files: list[File] = list(local)
    for url in urls:
        remote, remote_failures = discover_remote(url, max_chars=max_chars)
        files.extend(remote)
        failures.extend(remote_failures)
    if urls:
        files.sort(key=lambda file: (file.doc_id, location(file)))
    return files, failures


def _claim(doc_id: str, path: str, line: int | None, claimed: set[str], fail: Callable[[InputFailure], None]) -> bool:
    if doc_id not in claimed:
        claimed.add(doc_id)
        return True
    message = f"doc_id {doc_id!r} is already used by an earlier input of this batch"
    fail(InputFailure(path, "duplicate_doc_id", message, line=line, doc_id=doc_id))
    return False


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def location(file: File) -> str:
    return file.url if isinstance(file, RemoteFile) else str(file.path)


def suffix(file: File) -> str:
    return file.suffix if isinstance(file, RemoteFile) else file.path.suffix.lower()


def read_guarded(file: File) -> Iterator[Article | InputFailure]:
    """`read_file`, plus the failures it does not foresee: a FIFO or device, a URL that cannot be
    read, a bug in ingest."""
    if isinstance(file, RemoteFile):
        try:
            with fetched(file) as local:
                items = list(read_guarded(local))
        except OSError as error:
            yield InputFailure(file.url, "unreadable", f"cannot read the URL: {error}", doc_id=file.doc_id)
            return
        yield from (located(item, file) for item in items)
        return
    if file.path.exists() and not file.path.is_file():
        yield InputFailure(str(file.path), "unreadable", "not a regular file", doc_id=file.doc_id)
        return
    try:
        yield from read_file(file)
    except Exception as error:
        yield InputFailure(str(file.path), "ingest_failed", f"{type(error).__name__}: {error}", doc_id=file.doc_id)


def read_limited(file: File, timeout: float | None) -> list[Article | InputFailure]:
    try:
        with time_limit(timeout):
            return list(read_guarded(file))
    except ArticleTimeout:
        return [timeout_failure(file, timeout)]


def timeout_failure(item: Item, seconds: float | None) -> InputFailure:
    doing = "extracting the article" if isinstance(item, Article) else "reading the file"
    return item_failure(item, "timeout", f"{doing} took more than {seconds:g} s")


def item_failure(item: Item, error: str, message: str) -> InputFailure:
    if isinstance(item, Article):
        return InputFailure(item.source.path or "", error, message, line=item.source.line, doc_id=item.doc_id)
    return InputFailure(location(item), error, message, doc_id=item.doc_id)
