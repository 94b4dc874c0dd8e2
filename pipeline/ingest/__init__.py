"""Ingest: input files -> cleaned `Article`s (or `InputFailure`s saying why not)."""

from pipeline.ingest.alignment import Alignment
from pipeline.ingest.clean import CleanText, clean_text
from pipeline.ingest.errors import InputError
from pipeline.ingest.readers import (
    Article,
    InputFailure,
    InputFile,
    article_from_text,
    discover,
    iter_articles,
    read_file,
)

__all__ = [
    "Alignment",
    "Article",
    "CleanText",
    "InputError",
    "InputFailure",
    "InputFile",
    "article_from_text",
    "clean_text",
    "discover",
    "iter_articles",
    "read_file",
]
