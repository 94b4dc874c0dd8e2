"""Role families: `Kepala Dinas Kesehatan` -> `regional office`, for the chart of officials by role family.

The prefixes and their families are the data file `role_families.tsv` beside this module (its
header comment says how they were chosen). A role's family is the one of the longest prefix it
starts with (whole words), after the deputy and acting words (`Wakil`, `Penjabat`, `Pelaksana
Tugas` ..., the rows of family `modifier`) are taken off its start.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

MODIFIER = "modifier"
OTHER = "other"
NO_ROLE = "no role"


@cache
def _families() -> tuple[dict[str, str], tuple[str, ...]]:
    """Prefixes -> family, and the modifier words, longest first."""
    text = resources.files(__package__).joinpath("role_families.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header, *body = rows
    if header != ["prefix", "family"] or any(len(row) != 2 for row in body):
        raise ValueError("role_families.tsv: every row must be a prefix and a family")
    families = {prefix: family for prefix, family in body if family != MODIFIER}
    modifiers = tuple(sorted((prefix for prefix, family in body if family == MODIFIER), key=len, reverse=True))
    return families, modifiers


def role_family(role: str | None) -> str:
    """The family of an official's role; `no role` for None, `other` when no prefix matches."""
    if not role:
        return NO_ROLE
    families, modifiers = _families()
    words = role.split()
    stripped = True
    while stripped:
        stripped = False
        for modifier in modifiers:
            size = len(modifier.split())
            if words[:size] == modifier.split() and len(words) > size:
                words, stripped = words[size:], True
                break
    for size in range(len(words), 0, -1):
        family = families.get(" ".join(words[:size]))
        if family is not None:
            return family
    return OTHER
