"""Dinas abbreviations written out from their parts (`office_parts.tsv`), for the abbreviations
no row of `agencies.tsv` lists: `Kadisbudparpora` -> Kepala Dinas Kebudayaan, Pariwisata,
Pemuda dan Olahraga; `Disnakkan` -> Dinas Peternakan dan Perikanan.

A word is an optional head prefix (`Ka`), an office prefix (`Dis`, `Din`) and one or more
field parts, split longest part first (backtracking when a split leaves letters over); two
fields or more is a composed name (one field is what `agencies.tsv` lists). The fields' items
are listed with commas and `dan` before the last (`Komunikasi dan Informatika` + `Statistik`
-> `Komunikasi, Informatika dan Statistik`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pipeline.lexicons import read_table

#: Fields of one composed abbreviation, at most.
MAX_FIELDS = 5


@dataclass(frozen=True, slots=True)
class ComposedOffice:
    #: The office written out (`Dinas Kebudayaan, Pariwisata, Pemuda dan Olahraga`).
    office: str
    #: The title of its head, when the word names the head (`Kepala Dinas ...`), else None.
    head: str | None


@cache
def _parts() -> dict[str, dict[str, str]]:
    parts: dict[str, dict[str, str]] = {}
    for row in read_table("office_parts.tsv"):
        parts.setdefault(row["kind"], {})[row["form"]] = row["expansion"]
    return parts


@cache
def composed_office(word: str) -> ComposedOffice | None:
    """The office (and head) a capitalised abbreviation of two fields or more names, else None."""
    if not word[:1].isupper() or not word.isalpha() or word.isupper():
        return None
    lower = word.lower()
    parts = _parts()
    heads = [(form, title) for form, title in parts["head"].items() if lower.startswith(form)] + [("", None)]
    for head_form, head in heads:
        rest = lower[len(head_form) :]
        for office_form, office in parts["office"].items():
            if not rest.startswith(office_form):
                continue
            fields = _split_fields(rest[len(office_form) :], parts["field"])
            if fields is not None and len(fields) >= 2:
                name = f"{office} {_listed(fields)}"
                return ComposedOffice(name, f"{head} {name}" if head else None)
    return None


def _split_fields(letters: str, fields: dict[str, str]) -> list[str] | None:
    """`budparpora` -> the expansions of `bud`, `par`, `pora`; None when no split uses every letter."""
    if not letters:
        return []
    for size in range(len(letters), 0, -1):
        expansion = fields.get(letters[:size])
        if expansion is None:
            continue
        rest = _split_fields(letters[size:], fields)
        if rest is not None and len(rest) < MAX_FIELDS:
            return [expansion, *rest]
    return None


def _listed(fields: list[str]) -> str:
    """The items of the fields listed: `A, B dan C`."""
    items = [item.strip() for field in fields for item in field.replace(" dan ", ",").split(",")]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} dan {items[-1]}"
