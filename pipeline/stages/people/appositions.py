"""Names linked to their titles by the dependency tree, where the Doc has one (`--nlp stanza`).

The rules link a title to the name right after it (`names.parse_name_after`). Where they
read none, the tree may still hold one: UD puts a name in apposition to its title
(`Bupati Sigi yang baru dilantik itu, Rahmat Saleh, ...`: `Rahmat` is an `appos` of
`Bupati`, `Saleh` its `flat:name`). The name is taken when it follows the title in the
same sentence, a comma right before it, no other title between, and each of its words can
be a name's (`words.is_name_token`: no region or unit word) and together they read as one
(`words.plausible_name`). On the default pipeline's Doc (no parse) nothing changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from pipeline.stages.people.mention import TitleMention
from pipeline.stages.people.words import is_name_token, plausible_name
from pipeline.syntax.tree import appositive_name, has_parse
from pipeline.tokens import Tokens
from pipeline.vocabulary import Vocabulary

#: Tokens between a title and its appositive name, at most (`yang baru dilantik itu ,`).
MAX_GAP_TOKENS = 8


def names_by_apposition(doc: Doc, tokens: Tokens, titles: Sequence[TitleMention], vocab: Vocabulary) -> None:
    """Give each title without a name the name in apposition to it, when there is one."""
    if not has_parse(doc):
        return
    spans = sorted((title.start, title.end) for title in titles)
    taken = {title.name for title in titles if title.name is not None}

    def is_title(span: Span) -> bool:
        return any(start < span.end_char and span.start_char < end for start, end in spans)

    for title in titles:
        if title.name is not None:
            continue
        head = doc.char_span(title.start, title.end, alignment_mode="expand")
        if head is None:
            continue
        name = appositive_name(head[0], is_title=is_title) or appositive_name(head.root, is_title=is_title)
        if name is None or (name.start_char, name.end_char) in taken or not _follows(doc, head, name, spans, vocab):
            continue
        words = tokens.words[name.start : name.end]
        if not all(is_name_token(word, vocab) for word in words) or not plausible_name(
            tokens, name.start, name.end, vocab
        ):
            continue
        title.honorifics = [token.text for token in doc[head.end : name.start] if token.text in vocab.honorifics]
        title.name = (name.start_char, name.end_char)
        title.name_text = tokens.text[name.start_char : name.end_char]
        title.mention_end = max(title.mention_end, name.end_char)
        taken.add(title.name)


def _follows(doc: Doc, title: Span, name: Span, titles: list[tuple[int, int]], vocab: Vocabulary) -> bool:
    """`name` comes after `title` in its sentence, a comma right before it (or before its
    honorifics: `, dr. Nama`), no title between."""
    before = name.start - 1
    while before > title.end and doc[before].text in vocab.honorifics:
        before -= 1
    if not 0 < name.start - title.end <= MAX_GAP_TOKENS or doc[before].text != ",":
        return False
    if title.sent.start != name.sent.start:
        return False
    return not any(title.end_char <= start < name.start_char for start, _ in titles)
