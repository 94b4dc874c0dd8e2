"""A cheap check that the article is Indonesian: the share of its words that are function words."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.record import RecordWarning
from pipeline.tokens import tokens_of
from pipeline.vocabulary.speech import function_words

#: Fewer alphabetic words than this: too short to judge.
MIN_WORDS = 30
#: Indonesian news prose has 15-25% function words from the list; other languages almost none.
MIN_SHARE = 0.04


def language_warnings(doc: Doc) -> list[RecordWarning]:
    """A `not_indonesian` warning when the text does not read as Indonesian, else none."""
    words = [word.lower() for word in tokens_of(doc).words if word.isalpha()]
    if len(words) < MIN_WORDS:
        return []
    known = function_words()
    share = sum(word in known for word in words) / len(words)
    if share >= MIN_SHARE:
        return []
    return [
        RecordWarning(
            code="not_indonesian",
            message=f"only {share:.1%} of the words are Indonesian function words; probably not Indonesian",
        )
    ]
