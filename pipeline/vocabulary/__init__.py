"""The vocabulary: every lexicon of `pipeline/lexicons/`, loaded once into the tables the stages read.

- `government`: titles, title prefixes, agencies, ranks, honorifics, degrees, region
  prefixes, venue words, unit words and person descriptors, keyed by token sequences.
- `kinds`: what a single word is in all of them (`word_kinds`).
- `roles`: the small word lists of the place, organisation and people rules, by role.
- `speech`: speech verbs, statement words and the words around a speaker's name.
- `dates`, `events`: month and day names, relative dates, date cues; event triggers and
  the contexts that demote them.

Stages read language data only through this package; nothing here reads a document.
"""

from pipeline.vocabulary.government import DEGREE_SHAPE, Agency, Title, Vocabulary, vocabulary
from pipeline.vocabulary.kinds import WordKind, word_kinds
from pipeline.vocabulary.phrases import Phrases
from pipeline.vocabulary.roles import RoleTable, organisation_words, person_words, place_words, role_table

__all__ = [
    "DEGREE_SHAPE",
    "Agency",
    "Phrases",
    "RoleTable",
    "Title",
    "Vocabulary",
    "WordKind",
    "organisation_words",
    "person_words",
    "place_words",
    "role_table",
    "vocabulary",
    "word_kinds",
]
