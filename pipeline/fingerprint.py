"""A fingerprint of the installed pipeline's code and lexicons.

Records carry it (`pipeline.build`), and a re-run re-extracts the records of an earlier
build: changing a rule or a lexicon without bumping the version still redoes the output.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


@cache
def build_fingerprint() -> str:
    """First 12 hex digits of the SHA-256 of every file of the package (paths and bytes)."""
    digest = hashlib.sha256()
    files = sorted(path for path in PACKAGE.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    for path in files:
        digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8"))
        digest.update(b"\x00")
        digest.update(path.read_bytes())
        digest.update(b"\x00")
    return digest.hexdigest()[:12]
