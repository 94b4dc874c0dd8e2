"""What the stages ask of a dependency parse: a reporting verb's statement and speaker, a title's name.

Pure functions over spaCy tokens, in Universal Dependencies terms (what `--nlp stanza`
gives; on the default pipeline's Doc, which has no parse, they find nothing and the
stages keep their rules):

- `has_parse(doc)`: whether the Doc has a dependency tree at all.
- `statement(verb)`: the clause a reporting verb reports. Either the verb's own clausal
  complement (`ccomp`, else `xcomp`, else `parataxis`): `mengatakan bahwa [program ini
  berjalan baik]`; or, where the verb is itself the `parataxis` of the quoted clause as
  UD attaches a speech verb that follows its quote (`"[Kami siap]," kata Rudi`), that
  clause without the verb's own words. Leading `bahwa`-like markers and surrounding
  punctuation are left out.
- `subject(verb)`: its `nsubj`. In `Wakil Wali Kota Malang, Ali Muthohirin, mengatakan
  ...` that is `Wakil`, the first word of the title: the name is the title's `appos`.
- `subject_name(verb)`: the subject's name: the subject itself when it is a name
  (`PROPN`), else `appositive_name` of it.
- `appositive_name(title)`: the name in apposition to a title token: its `appos` child
  (`Wakil ... , Ali Muthohirin,`), or its head when the title is the `appos` of a name
  (`Ali Muthohirin, Wakil Wali Kota Malang,`); `None` when that word is not a name.
- `name_span(token)`: a name token with its `flat`/`flat:name` parts (`Ali` -> `Ali Muthohirin`).

Every result is a spaCy `Span` (with `start_char`/`end_char` into the text) or a `Token`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

#: A reporting verb's complement, in order of preference.
COMPLEMENTS = ("ccomp", "xcomp", "parataxis")
SUBJECT = "nsubj"
APPOSITION = "appos"
NAME_PARTS = frozenset({"flat", "flat:name"})
#: Words that open a complement clause and are not part of the statement (`bahwa`, `agar`).
MARKER = "mark"


def has_parse(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def statement(verb: Token) -> Span | None:
    """The reported clause of `verb`, or None (no complement, or no parse)."""
    for relation in COMPLEMENTS:
        for child in verb.children:
            if child.dep_ == relation:
                return _trimmed(verb.doc, child.left_edge.i, child.right_edge.i + 1)
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        head = verb.head
        if verb.i > head.i:  # "[quote]," kata X: the head's words before the verb's
            return _trimmed(verb.doc, head.left_edge.i, verb.left_edge.i)
        return _trimmed(verb.doc, verb.right_edge.i + 1, head.right_edge.i + 1)
    return None


def subject(verb: Token) -> Token | None:
    """The verb's nominal subject, or None."""
    return next((child for child in verb.children if child.dep_ == SUBJECT), None)


def subject_name(verb: Token) -> Span | None:
    """The name of the verb's subject: the subject when it is a name, else its appositive name."""
    found = subject(verb)
    if found is None:
        return None
    if found.pos_ == "PROPN":
        return name_span(found)
    return appositive_name(found)


def appositive_name(title: Token) -> Span | None:
    """The name in apposition to `title` (either direction of `appos`), or None."""
    candidates = [child for child in title.children if child.dep_ == APPOSITION]
    if title.dep_ == APPOSITION and title.head.i != title.i:
        candidates.append(title.head)
    for candidate in candidates:
        if candidate.pos_ == "PROPN":
            return name_span(candidate)
    return None


def name_span(token: Token) -> Span:
    """`token` with its `flat`/`flat:name` parts, as one contiguous span."""
    parts = [token]
    index = 0
    while index < len(parts):
        parts.extend(child for child in parts[index].children if child.dep_ in NAME_PARTS)
        index += 1
    positions = [part.i for part in parts]
    return token.doc[min(positions) : max(positions) + 1]


def _trimmed(doc: Doc, start: int, stop: int) -> Span | None:
    """Tokens `start`..`stop` without leading markers and surrounding punctuation and whitespace."""
    while start < stop and (doc[start].dep_ == MARKER or _is_edge(doc[start])):
        start += 1
    while stop > start and _is_edge(doc[stop - 1]):
        stop -= 1
    return doc[start:stop] if start < stop else None


def _is_edge(token: Token) -> bool:
    return token.is_punct or token.is_space or token.pos_ in ("PUNCT", "SPACE")
