"""The constants of the scoring rules: quotation marks, compounds, thresholds, levels and fields."""

from __future__ import annotations

import re

Interval = tuple[int, int]

#: Characters treated as quotation marks (removed by `normalise`).
QUOTE_MARKS = frozenset("\"'`“”„‟«»‹›‘’‚‛「」『』")
#: Compounds written both as one word and as two: normalised to the one-word form.
COMPOUNDS: tuple[tuple[str, str], ...] = (("wali", "kota"), ("balai", "kota"), ("wali", "nagari"))
_COMPOUND_PATTERNS = tuple(re.compile(rf"\b{first}( ){second}\b") for first, second in COMPOUNDS)
#: Lenient and strict overlap thresholds for quotes.
THRESHOLDS: tuple[float, ...] = (0.3, 0.8)
LENIENT = 0.3
#: Overlap at which a gold label span counts as found (pfsa recall-only scores).
LABEL_THRESHOLD = 0.5
#: Official-matching levels: which fields must agree besides the name.
OFFICIAL_LEVELS: tuple[str, ...] = ("name", "name_role", "name_role_jurisdiction")
EVENT_FIELDS: tuple[str, ...] = ("date", "type", "dateline", "place", "region")
#: Shortest word that counts for the pronoun-speaker check.
PRONOUN_WORD_MIN = 3
