"""The scoring rules of `../shared/eval/README.md`, as pure functions (no I/O, no spaCy).

Normalisation (`normalise`), in this order:

1. Unicode NFKC (per character with its combining marks), lower case;
2. quotation marks removed everywhere (`QUOTE_MARKS`: straight, curly, low and angle
   quotes, single and double, so `Ma'ruf` and `Ma’ruf` agree);
3. whitespace runs collapsed to one space;
4. the space inside the spelling-variant compounds of `COMPOUNDS` removed, as whole
   words only: `wali kota` -> `walikota` (so "Wali Kota" = "Walikota", "Wakil Wali
   Kota" = "Wakil Walikota", "Balai Kota" = "Balaikota"), while `kota malang` or
   `wali murid` stay as they are;
5. punctuation (Unicode category P*) and spaces stripped from both ends.

`normalise_with_offsets` keeps, for every normalised character, the source characters it
came from, so a normalised search hit maps back to the original text.

Spans: `overlap(a, b) = |a ∩ b| / max(len(a), len(b))`; predicted and gold items are
paired one-to-one, greedily by highest overlap (ties: lower gold index, then lower
predicted index). Quote spans (gold, predicted and pfsa `unannotated_quotes`) are first
trimmed of surrounding quotation marks, punctuation and whitespace (`trim_span`): the
span form of the normalisation rule, so that the pfsa gold (which includes the marks and
the closing comma) and a prediction of the text between the marks compare by content.

Ratios with a zero denominator are 0.0 (precision with no prediction, recall with no gold,
accuracy over no item); the counts are reported next to every score.
"""

from pipeline.evaluate.scoring.articles import (
    ArticleResult,
    aliases_of,
    flat_metrics,
    score_gov_article,
    score_pfsa_article,
    total,
)
from pipeline.evaluate.scoring.fields import jurisdictions_match, match_officials, roles_match
from pipeline.evaluate.scoring.quotes import (
    QuoteSpan,
    last_person_before,
    match_quotes,
    name_matches,
    quote_key,
    shares_long_word,
)
from pipeline.evaluate.scoring.rules import EVENT_FIELDS, LENIENT, OFFICIAL_LEVELS, THRESHOLDS
from pipeline.evaluate.scoring.spans import PRF, Ratio, overlap, pair_spans, trim_span
from pipeline.evaluate.scoring.text import find_normalised, locate_quote, normalise

__all__ = [
    "EVENT_FIELDS",
    "LENIENT",
    "OFFICIAL_LEVELS",
    "PRF",
    "THRESHOLDS",
    "ArticleResult",
    "QuoteSpan",
    "Ratio",
    "aliases_of",
    "find_normalised",
    "flat_metrics",
    "jurisdictions_match",
    "last_person_before",
    "locate_quote",
    "match_officials",
    "match_quotes",
    "name_matches",
    "normalise",
    "overlap",
    "pair_spans",
    "quote_key",
    "roles_match",
    "score_gov_article",
    "score_pfsa_article",
    "shares_long_word",
    "total",
    "trim_span",
]
