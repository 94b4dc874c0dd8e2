"""Entities: the NER model's person, place and organisation spans, for the rule-based stages.

Left out: entities that are only degrees, honorifics and punctuation (`S.E.`, `M.M.`), and
one-word entities that the article also writes in lower case (`Pelatihan` opening a
sentence, when the text speaks of `pelatihan` elsewhere): common words, not names. Longer
names keep their common words (`Otoritas Jasa Keuangan`). Places and organisations that are
no place and no body (headline fragments, roles, events, credits, counts: `noise`)
are left out too, and lose a trailing dash. The blank pipeline has none.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.stages.entities.noise import is_noise, trimmed_end
from pipeline.state import Entities
from pipeline.tokens import tokens_of
from pipeline.vocabulary import vocabulary

#: The model's labels -> the field of `Entities` they fill.
LABELS = {"PER": "persons", "LOC": "locations", "ORG": "organisations"}


def extract_entities(doc: Doc) -> Entities:
    """The character spans of the model's entities by kind, in text order."""
    if not doc.ents:
        return Entities()
    vocab = vocabulary()
    tokens = tokens_of(doc)
    text = tokens.text
    lower = {word for word in tokens.words if word.islower()}
    spans: dict[str, list[tuple[int, int]]] = {field: [] for field in LABELS.values()}
    for entity in doc.ents:
        field = LABELS.get(entity.label_)
        if field is None:
            continue
        words = [token.text for token in entity if any(char.isalpha() for char in token.text)]
        named = [word for word in words if not vocab.is_degree(word) and word not in vocab.honorifics]
        if not named or (len(named) == 1 and named[0].lower() in lower):
            continue
        if field == "persons":
            spans[field].append((entity.start_char, entity.end_char))
        elif not is_noise(text, entity.start_char, named, vocab, place=field == "locations"):
            spans[field].append((entity.start_char, trimmed_end(text, entity.start_char, entity.end_char)))
    return Entities(**{field: tuple(found) for field, found in spans.items()})
