"""The one exception of the ingest stage: an input that yields no article."""

from __future__ import annotations


class InputError(Exception):
    """An input (a file, or one object of a JSON Lines file) that cannot become an article.

    `code` is stable and machine-readable (`binary_file`, `empty`, `invalid_json`,
    `missing_text`, ...); `message` says what is wrong in words.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
