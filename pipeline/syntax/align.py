"""Stanza's words onto the project's spaCy tokens: tags, lemmas and one tree per sentence.

The Doc keeps the project's tokens (its tokenizer special cases: `Kec.`, `S.IP.` one
token each) and the `quote_sentencizer`'s sentences (never split inside a quotation);
stanza reads each of those sentences as one sentence and tokenizes it its own way,
splitting clitics into words as UD does (`ujarnya` -> `ujar` + `nya`). Both
tokenizations cover the same characters, so every stanza word overlaps one or more
tokens:

- a token gets the attributes of the highest word (nearest the root) among the words
  that start in it, and its head is the token where that word's head starts (`ujarnya`
  gets `ujar`'s VERB and relation; `Menurutnya` gets `nya`'s, its `Menurut` being
  `case` of `nya`). Taking the highest word makes the tokens' heads a tree: a token's
  head token always holds a word nearer the root;
- a token inside a word that started in an earlier token is `goeswith` that token (UD's
  relation for the later parts of a split word);
- whitespace tokens (`SPACE`) and tokens no word covers hang on the previous token (`dep`).

Each sentence then has exactly one root (`ROOT`, head itself). Anything that would
break that (a head in another sentence, a second root) is attached to the root as
`dep`: spaCy derives the sentences of a parsed Doc from its roots, so this keeps the
`quote_sentencizer`'s sentences. Pure functions over plain values; no stanza, no spaCy.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

ROOT = "ROOT"
CONTINUATION = "goeswith"
UNATTACHED = "dep"
SPACE = "SPACE"
UNKNOWN_POS = "X"


@dataclass(frozen=True, slots=True)
class Word:
    """A stanza word: the character span of its token in the Doc text, its annotation, and the
    index of its head word in the same list (None for a sentence root)."""

    start: int
    end: int
    upos: str
    lemma: str
    feats: str
    deprel: str
    head: int | None


@dataclass(frozen=True, slots=True)
class TokenSpan:
    start: int
    end: int
    text: str
    is_space: bool


@dataclass(slots=True)
class TokenSyntax:
    """Per token: UPOS, lemma, UD features (`""` for none), relation and absolute head index."""

    pos: list[str]
    lemma: list[str]
    morph: list[str]
    dep: list[str]
    head: list[int]


@dataclass(frozen=True, slots=True)
class _Flags:
    """Per token: has a head from a word; its word is a stanza root; a word overlaps it."""

    attached: list[bool]
    is_root_word: list[bool]
    has_word: list[bool]


def project(tokens: list[TokenSpan], sentences: list[tuple[int, int]], words: list[Word]) -> TokenSyntax:
    """Token-level annotation from `words`; `sentences` are (first, stop) token indices covering `tokens`."""
    overlapping = _overlapping(tokens, words)
    anchor: list[int | None] = [None] * len(words)
    for index, found in enumerate(overlapping):
        for word in found:
            if anchor[word] is None:
                anchor[word] = index
    depth = _depths(words)
    syntax = TokenSyntax(
        pos=[UNKNOWN_POS] * len(tokens),
        lemma=[token.text for token in tokens],
        morph=[""] * len(tokens),
        dep=[UNATTACHED] * len(tokens),
        head=list(range(len(tokens))),
    )
    flags = _Flags([False] * len(tokens), [False] * len(tokens), [False] * len(tokens))
    for index, (token, found) in enumerate(zip(tokens, overlapping, strict=True)):
        if token.is_space:
            syntax.pos[index] = SPACE
            continue
        own = [word for word in found if anchor[word] == index]
        if own:
            top = min(own, key=lambda word: (depth[word], word))
            word = words[top]
            syntax.pos[index], syntax.dep[index] = word.upos or UNKNOWN_POS, word.deprel
            syntax.lemma[index], syntax.morph[index] = word.lemma, word.feats
            head_token = anchor[word.head] if word.head is not None else None
            flags.is_root_word[index] = word.head is None
            if head_token is not None:
                syntax.head[index], flags.attached[index] = head_token, True
        elif found:
            start = anchor[found[0]]
            assert start is not None  # every word in `found` overlaps a token
            syntax.pos[index], syntax.dep[index] = words[found[0]].upos or UNKNOWN_POS, CONTINUATION
            syntax.head[index], flags.attached[index] = start, True
        flags.has_word[index] = bool(found)
    for first, stop in sentences:
        _make_tree(syntax, tokens, first, stop, flags)
    return syntax


def _overlapping(tokens: list[TokenSpan], words: list[Word]) -> list[list[int]]:
    """For each token, the indices of the words whose span overlaps it (whitespace tokens: none)."""
    ends = [token.end for token in tokens]
    found: list[list[int]] = [[] for _ in tokens]
    for index, word in enumerate(words):
        position = bisect.bisect_right(ends, word.start)
        while position < len(tokens) and tokens[position].start < word.end:
            if not tokens[position].is_space:
                found[position].append(index)
            position += 1
    return found


def _depths(words: list[Word]) -> list[int]:
    """Distance of each word from its root (a word on a cycle counts as a root)."""
    depth: list[int | None] = [None] * len(words)
    for start in range(len(words)):
        chain: list[int] = []
        on_chain: set[int] = set()
        current: int | None = start
        while current is not None and depth[current] is None:
            if current in on_chain:
                break
            chain.append(current)
            on_chain.add(current)
            current = words[current].head
        known = depth[current] if current is not None else None
        base = known if known is not None else -1
        for offset, word in enumerate(reversed(chain)):
            depth[word] = base + 1 + offset
    return [value or 0 for value in depth]


def _make_tree(syntax: TokenSyntax, tokens: list[TokenSpan], first: int, stop: int, flags: _Flags) -> None:
    """Make tokens `first`..`stop` one tree with one root, keeping every head that fits."""
    inside = range(first, stop)
    attached = [flags.attached[index] and syntax.head[index] in inside for index in inside]
    content = [index for index in inside if not tokens[index].is_space]
    candidates = [index for index in content if not attached[index - first]]
    roots = [index for index in candidates if flags.is_root_word[index]]
    root = (roots or candidates or content or [first])[0]
    syntax.head[root], syntax.dep[root] = root, ROOT
    previous = None
    for index in inside:
        if index != root and not attached[index - first]:
            # a second root or a head elsewhere -> the root; whitespace, uncovered -> the previous token
            syntax.head[index] = root if flags.has_word[index] or previous is None else previous
            syntax.dep[index] = UNATTACHED
        elif index != root and syntax.dep[index] in (ROOT, "root"):
            syntax.dep[index] = UNATTACHED
        if not tokens[index].is_space:
            previous = index
    _break_cycles(syntax, first, stop, root)


def _break_cycles(syntax: TokenSyntax, first: int, stop: int, root: int) -> None:
    """Attach to the root the token where a chain of heads loops back on itself."""
    reaches_root = [False] * (stop - first)
    reaches_root[root - first] = True
    for start in range(first, stop):
        chain: list[int] = []
        current = start
        while not reaches_root[current - first] and current not in chain:
            chain.append(current)
            current = syntax.head[current]
        if not reaches_root[current - first]:  # a loop: cut it at its last token
            syntax.head[chain[-1]], syntax.dep[chain[-1]] = root, UNATTACHED
        for index in chain:
            reaches_root[index - first] = True
