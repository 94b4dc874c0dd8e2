"""Multi-token phrases of a lexicon, matched against the tokens of a doc."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(slots=True)
class Phrases(Generic[T]):
    """Multi-token phrases -> values, matched longest first at a token position."""

    by_first: dict[str, list[tuple[tuple[str, ...], T]]] = field(default_factory=dict)

    def add(self, words: Sequence[str], value: T) -> None:
        key = tuple(word.lower() for word in words)
        entries = self.by_first.setdefault(key[0], [])
        if all(existing != key for existing, _ in entries):
            entries.append((key, value))
            entries.sort(key=lambda entry: -len(entry[0]))

    def match(self, words: Sequence[str], i: int) -> tuple[int, T] | None:
        """(end token, value) of the longest phrase starting at token `i`, skipping no spaces."""
        entries = self.by_first.get(words[i].lower()) if i < len(words) else None
        if not entries:
            return None
        for key, value in entries:
            end = i + len(key)
            if end <= len(words) and all(words[i + k].lower() == key[k] for k in range(1, len(key))):
                return end, value
        return None
