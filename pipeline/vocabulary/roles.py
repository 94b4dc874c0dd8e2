"""Role tables: the small word lists the rules read by role (`place_words.tsv`,
`organisation_words.tsv`, `person_words.tsv`, `date_cues.tsv`, `event_contexts.tsv`).

Each table has a role column first, then the word (or phrase), then optionally the value
the word stands for; see the comment at the top of each file.
"""

from __future__ import annotations

from functools import cache

from pipeline.lexicons import read_table


class RoleTable:
    """Role -> the words of that role (as written, and lower case) and the values they stand for."""

    __slots__ = ("_lower", "_values", "_words")

    def __init__(self, entries: dict[str, dict[str, str]]) -> None:
        self._values = entries
        self._words = {role: frozenset(words) for role, words in entries.items()}
        self._lower = {role: frozenset(word.lower() for word in words) for role, words in entries.items()}

    def words(self, role: str) -> frozenset[str]:
        """The words of `role` as written (a KeyError for a role the table does not have)."""
        return self._words[role]

    def lower(self, role: str) -> frozenset[str]:
        """The words of `role` in lower case."""
        return self._lower[role]

    def values(self, role: str) -> dict[str, str]:
        """Word -> value for `role`."""
        return self._values[role]


@cache
def role_table(name: str) -> RoleTable:
    """The role table of a lexicon file (`place_words.tsv` ...)."""
    rows = read_table(name)
    columns = list(rows[0]) if rows else []
    role, word = columns[0], columns[1]
    entries: dict[str, dict[str, str]] = {}
    for row in rows:
        entries.setdefault(row[role], {})[row[word]] = row.get("value", "")
    return RoleTable(entries)


def place_words() -> RoleTable:
    return role_table("place_words.tsv")


def organisation_words() -> RoleTable:
    return role_table("organisation_words.tsv")


def person_words() -> RoleTable:
    return role_table("person_words.tsv")
