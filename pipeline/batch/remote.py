"""Inputs given as fsspec URLs (`s3://bucket/press/`, `gcs://…`, `file:///srv/corpus/`).

A URL is listed like a folder (recursively; hidden files and other extensions skipped)
or taken as one file, with the doc_ids a local path would give. A worker reads a file
by copying it to a temporary local file and reading that with `pipeline.ingest`; the
record's `source.path` is the URL. fsspec comes with the `dask` extra; other backends
(`s3fs`, `gcsfs`) are installed by the user, with their credentials, on every machine
that reads the inputs.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest import Article, InputFailure, InputFile
from pipeline.ingest.readers import SUFFIXES

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(text: str) -> bool:
    """True for `scheme://…`, which fsspec reads; False for a path on this machine."""
    return _URL.match(text) is not None


@dataclass(frozen=True, slots=True)
class RemoteFile:
    """A one-article file (or a JSON file) at a URL."""

    url: str
    doc_id: str
    #: See `pipeline.ingest.InputFile.max_chars`.
    max_chars: int | None = None

    @property
    def suffix(self) -> str:
        return posixpath.splitext(self.url)[1].lower()


def discover_remote(url: str, *, max_chars: int | None = None) -> tuple[list[RemoteFile], list[InputFailure]]:
    """The article files at `url` (a folder, recursively, or a file), sorted by doc_id."""
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        return [], [InputFailure(url, "unreadable", "URL inputs need fsspec: pip install 'warta[dask]'")]
    try:
        fs, root = url_to_fs(url)
        if not fs.isdir(root):
            if not fs.isfile(root):
                return [], [InputFailure(url, "not_found", "input not found")]
            return [RemoteFile(url, posixpath.splitext(posixpath.basename(root))[0])], []
        paths = fs.find(root)
    except (OSError, ValueError, ImportError) as error:
        return [], [InputFailure(url, "unreadable", f"cannot list the URL: {type(error).__name__}: {error}")]
    prefix = root.rstrip("/") + "/"
    files = []
    for path in paths:
        relative = path[len(prefix) :] if path.startswith(prefix) else posixpath.basename(path)
        stem, suffix = posixpath.splitext(relative)
        if suffix.lower() in SUFFIXES and not any(part.startswith(".") for part in relative.split("/")):
            files.append(RemoteFile(fs.unstrip_protocol(path), stem, max_chars))
    files.sort(key=lambda file: (file.doc_id, file.url))
    return files, []


@contextmanager
def fetched(file: RemoteFile) -> Iterator[InputFile]:
    """The file copied to a temporary local file (with its suffix), for `pipeline.ingest.read_file`.

    Raises `OSError` when the URL cannot be read.
    """
    import fsspec

    with tempfile.TemporaryDirectory(prefix="warta-") as folder:
        local = Path(folder) / f"input{file.suffix}"
        with fsspec.open(file.url, "rb") as source, local.open("wb") as target:
            shutil.copyfileobj(source, target)
        yield InputFile(local, file.doc_id, file.max_chars)


def located(item: Article | InputFailure, file: RemoteFile) -> Article | InputFailure:
    """An article or failure read from the local copy of `file`, with the URL as its path."""
    if isinstance(item, InputFailure):
        return dataclasses.replace(item, path=file.url)
    return dataclasses.replace(item, source=item.source.model_copy(update={"path": file.url}))
