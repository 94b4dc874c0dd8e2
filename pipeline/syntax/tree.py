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
- `subject(verb)`: its `nsubj`. In `Wakil Wali Kota Malang, Dimas Pratama, mengatakan
  ...` that is `Wakil`, the first word of the title: the name is the title's `appos`.
- `subject_name(verb, is_title=...)`: the subject's name: its appositive name
  (`appositive_name`), else the subject itself when it is a name (`PROPN`).
- `appositive_name(token, is_title=...)`: the name in apposition to a token: its `appos`
  child (`Wakil ... , Dimas Pratama,`), or its head when the token is the `appos` of a
  name (`Dimas Pratama, Wakil Wali Kota Malang,`).
- `name_span(token)`: a token with its `flat`/`flat:name` parts (`Dimas` -> `Dimas
  Pratama`; the small parser also reads titles so: `Wakil Wali Kota Malang`).

The parser cannot tell a title from a name (it tags both `PROPN` and links both with
`flat:name`), so in `Rina Kusumawati, Kepala Dinas Kesehatan, menjelaskan ...` the
appositive of the subject is the title. The stages know the titles: `is_title` (a test
on a candidate span, e.g. the lexicon of titles) rules out the candidates that are
titles, and the next candidate is taken.

Every result is a spaCy `Span` (with `start_char`/`end_char` into the text) or a `Token`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

#: Whether a candidate name span is a title (`Kepala Dinas Kesehatan`); given by the stages.
TitleTest = Callable[[Span], bool]

#: A reporting verb's complement, in order of preference.
COMPLEMENTS = ("ccomp", "xcomp", "parataxis")
SUBJECT = "nsubj"
OBJECT = "obj"
APPOSITION = "appos"
NAME_PARTS = frozenset({"flat", "flat:name"})
BRACKETS = {")": "(", "]": "["}
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


def statement_after(verb: Token) -> Span | None:
    """The words of `verb`'s reported clause after it, or None: its complement without what the
    parser hung on it before the verb (a titled subject: `Kepala Dinas ..., Nama, menegaskan
    seluruh sekolah siap`), and from the verb's object when that object runs straight into
    the complement (`menjelaskan stok beras cukup`: the object is the clause's subject)."""
    clause = statement(verb)
    if clause is None or clause.end <= verb.i + 1:
        return None
    start = max(clause.start, verb.i + 1)
    for child in verb.children:
        if child.dep_ == OBJECT and verb.i < child.left_edge.i and child.right_edge.i + 1 == start:
            start = child.left_edge.i
    return _trimmed(verb.doc, start, clause.end)


def subject(verb: Token) -> Token | None:
    """The verb's nominal subject, or None."""
    return next((child for child in verb.children if child.dep_ == SUBJECT), None)


def subject_name(verb: Token, *, is_title: TitleTest | None = None) -> Span | None:
    """The name of the verb's subject: its appositive name, else the subject when it is a name."""
    found = subject(verb)
    if found is None:
        return None
    return appositive_name(found, is_title=is_title) or _name(found, is_title)


def appositive_name(token: Token, *, is_title: TitleTest | None = None) -> Span | None:
    """The nearest name in apposition to `token` that is no title, or None.

    Candidates: its `appos` children, or its head when `token` is itself an `appos`, then
    their own `appos` children (`PAREPARE – Wakil Wali Kota Parepare, Hendra Saputra,`:
    the small parser chains them), nearest first.
    """
    first = [child for child in token.children if child.dep_ == APPOSITION]
    if token.dep_ == APPOSITION and token.head.i != token.i:
        first.append(token.head)
    queue, seen = first, {token.i}
    while queue:
        candidate = queue.pop(0)
        if candidate.i in seen:
            continue
        seen.add(candidate.i)
        name = _name(candidate, is_title)
        if name is not None:
            return name
        queue.extend(child for child in candidate.children if child.dep_ == APPOSITION)
    return None


def _name(token: Token, is_title: TitleTest | None) -> Span | None:
    if token.pos_ != "PROPN":
        return None
    span = name_span(token)
    return None if is_title is not None and is_title(span) else span


def name_span(token: Token) -> Span:
    """`token` with the `flat`/`flat:name` parts next to it, as one contiguous span."""
    parts = {token.i}
    queue = [token]
    while queue:
        for child in queue.pop().children:
            if child.dep_ in NAME_PARTS and child.i not in parts:
                parts.add(child.i)
                queue.append(child)
    start = stop = token.i
    while start - 1 in parts:
        start -= 1
    while stop + 1 in parts:
        stop += 1
    return token.doc[start : stop + 1]


def _trimmed(doc: Doc, start: int, stop: int) -> Span | None:
    """Tokens `start`..`stop` without leading markers and surrounding punctuation and whitespace
    (a closing bracket whose opening one is inside stays, or is added: `Sabtu (15/11/2025)`)."""
    while start < stop and (doc[start].dep_ == MARKER or _is_edge(doc[start])):
        start += 1
    while stop > start and _is_edge(doc[stop - 1]):
        closing = doc[stop - 1].text
        if closing in BRACKETS and any(token.text == BRACKETS[closing] for token in doc[start : stop - 1]):
            break
        stop -= 1
    for closing, opening in BRACKETS.items():  # a bracket the parser hung elsewhere: `(15/11/2025` + `)`
        inside = [token.text for token in doc[start:stop]]
        if stop < len(doc) and doc[stop].text == closing and inside.count(opening) > inside.count(closing):
            stop += 1
    return doc[start:stop] if start < stop else None


def _is_edge(token: Token) -> bool:
    return token.is_punct or token.is_space or token.pos_ in ("PUNCT", "SPACE")
