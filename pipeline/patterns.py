"""Regular expressions built from word lists: one pattern builder for every stage.

`alternation` factors the words by their common prefixes (a trie): the regex engine
tries such a pattern much faster than a flat alternation, and at each branch it tries
the longer word first, so the match is the longest word of the list at that position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regular expression (without a group around it) matching any of `words`, longest first."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body


def cased(words: Iterable[str]) -> set[str]:
    """Each word as written in a lexicon (lower case) and capitalised."""
    return {form for word in words for form in (word, word.capitalize())}


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regular expression (without a group around it) matching any of `phrases`, longest
    first, where a space matches any run of whitespace (`tahun lalu`, `di sela`)."""
    forms = sorted({" ".join(phrase.split()) for phrase in phrases}, key=lambda form: (-len(form), form))
    return "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)
