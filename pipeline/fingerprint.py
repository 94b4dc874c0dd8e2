"""A fingerprint of the installed pipeline's code and lexicons that make the records.

Records carry it (`pipeline.build`), and a re-run re-extracts the records of an earlier
build: changing a rule or a lexicon without bumping the version still redoes the output.
The code that only reads finished records (the batch runner, the tables, the corpus
people table, the report, the evaluation, the command line) is left out, so that changing
it never re-extracts a corpus.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


#: Top-level parts of the package that do not change what a record holds.
NOT_EXTRACTION = frozenset({"batch", "tables", "corpus", "report", "evaluate", "cli.py", "__main__.py"})


def fingerprinted_files() -> list[Path]:
    """The files of the package that make the records, in a fixed order."""
    return sorted(
        path
        for path in PACKAGE.rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and path.relative_to(PACKAGE).parts[0] not in NOT_EXTRACTION
    )


@cache
def build_fingerprint() -> str:
    """First 12 hex digits of the SHA-256 of the files that make the records (paths and bytes)."""
    digest = hashlib.sha256()
    for path in fingerprinted_files():
        digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8"))
        digest.update(b"\x00")
        digest.update(path.read_bytes())
        digest.update(b"\x00")
    return digest.hexdigest()[:12]
