"""Names and places as the people index compares them.

- A name is normalised to lower-case ASCII words: accents dropped (NFKD), apostrophes
  removed (`Ma'ruf` -> `maruf`), every other non-alphanumeric character a word break
  (`Abdul-Rahman` -> `abdul rahman`). Titles, honorifics and degrees are already out of
  `Official.name`.
- A place is where a person was seen: a Kemendagri code (`32.05`, `32.05.11`,
  `32.05.11.2001`) or, for a body without a code (`Koramil Cugenang`, `Kementerian
  Kehutanan`), the slug of its name. Two places are compatible when they are equal or one
  region contains the other (`32.05` and `32.05.11`); bodies are compatible only with
  themselves.
- The root of a place is its kabupaten/kota (the first two parts of a code), the
  province for a province code, the body itself for a body: merge candidates are blocked
  by root, and a person key names the root of the person's home place.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile("['’`ʼ]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_CODE = re.compile(r"\d+(?:\.\d+)*")


def normalise_name(name: str) -> str:
    """`Irwan Syah-Putra Ma'ruf` -> `irwan syah putra maruf`; `Sitti Rahmawaty` -> `sitti rahmawaty`."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return " ".join(_NOT_WORD.sub(" ", _APOSTROPHES.sub("", ascii_only)).split())


def slug(text: str) -> str:
    """`Koramil Cugenang` -> `koramil-cugenang`; a Kemendagri code stays as it is."""
    return text if is_code(text) else normalise_name(text).replace(" ", "-")


def place_of(code: str | None, body: str | None) -> str | None:
    """The place of a jurisdiction: its code when it has one, else the slug of its name, else None."""
    if code:
        return code
    return (slug(body) or None) if body else None


def is_code(place: str) -> bool:
    return _CODE.fullmatch(place) is not None


def root(place: str) -> str:
    """`32.05.11.2001` -> `32.05`; `33` -> `33`; `koramil-cugenang` -> `koramil-cugenang`."""
    return ".".join(place.split(".")[:2]) if is_code(place) else place


def depth(place: str) -> int:
    """Parts of a code (1 province, 2 kabupaten/kota, 3 kecamatan, 4 desa); a body counts as 0."""
    return place.count(".") + 1 if is_code(place) else 0


def contains(outer: str, inner: str) -> bool:
    """Whether region `outer` is `inner` or contains it (`32.05` contains `32.05.11`)."""
    return outer == inner or (is_code(outer) and inner.startswith(outer + "."))


def compatible(first: str, second: str) -> bool:
    return contains(first, second) or contains(second, first)


def is_short_form(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether the words of `short` are, in order, words of `full` (a one-letter word standing for
    any word with that initial): `irwan` and `m arfah` are short forms of `irwan syahputra
    chaniago` and `muhammad arfah latif`. A name is no short form of itself."""
    if short == full or len(short) > len(full):
        return False
    words = iter(full)
    return all(any(word == part or (len(part) == 1 and word.startswith(part)) for word in words) for part in short)
