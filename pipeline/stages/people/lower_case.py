"""Titles of office as running text writes them in lower case (`anggota KPU X Nama`, `kasi
Pemerintahan Kecamatan X, Nama`, `walikota X Nama`), and names in parentheses after a title
(`Camat X (Nama)`): when the title grammar reads them as a title with its holder."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from pipeline.stages.people.bodies import BodyIndex, state_kinds
from pipeline.stages.people.mention import TitleMention
from pipeline.stages.people.words import ROMAN
from pipeline.vocabulary import Vocabulary, person_words
from pipeline.vocabulary.offices import composed_office


@cache
def lower_heads() -> frozenset[str]:
    """Heads of posts in a body that are titles written in lower case too (`anggota KPU Nama`)."""
    return person_words().words("lower_case_head")


@cache
def lower_titles() -> tuple[frozenset[str], frozenset[str]]:
    """Titles of office written in lower case in running text (`kasi`, `walikota`, `wali kota`),
    and their first words."""
    titles = person_words().words("lower_case_title")
    return titles, frozenset(title.split()[0] for title in titles)


def lower_title(words: Sequence[str], j: int) -> bool:
    """A title of office written in lower case at token `j` (`kepala`, `wali kota`)."""
    titles, _ = lower_titles()
    return any(" ".join(words[j : j + size]).lower() in titles for size in (3, 2, 1))


def lower_head_before_body(words: Sequence[str], j: int, bodies: BodyIndex) -> bool:
    """A lower-case head of a post (`anggota`, `wakil ketua`) right before a state body."""
    for size in (2, 1):
        if " ".join(words[j : j + size]) in lower_heads():
            found = bodies.at(j + size)
            return found is not None and found[1].kind in state_kinds()
    return False


def named_after_lower_title(mention: TitleMention, set_off: bool) -> bool:
    """A title in lower case names its holder right after it (`kepala Dinas X Nama`), or no one;
    one capitalised word after a title with no jurisdiction may be its seat (`kepala desa
    Sukamaju segera ...`), a name only when a comma sets it off."""
    if mention.name is None or mention.name_text is None:
        return False
    return mention.jurisdiction is not None or set_off or len(mention.name_text.split()) > 1


def names_holder(inner: Sequence[str], vocab: Vocabulary) -> bool:
    """Words in parentheses after a title that may name its holder (`Camat X (Nama) membuka`), not
    a short form of the title, its unit or its body (`(Plt)`, `(Kalaksa)`, `(Asisten II)`,
    `(DPMPTSP)`); a short form the lexicons do not know (`Ketua Perhimpunan X (Perhimpi) Nama`)
    is told by the capitalised word after it, which the caller checks."""
    first = inner[0]
    if first in vocab.honorifics:
        return True
    if (first.isalpha() and first.isupper()) or any(ROMAN.fullmatch(word) for word in inner):
        return False
    return (
        not any(
            table.match(inner, 0) is not None for table in (vocab.titles, vocab.modifiers, vocab.agencies, vocab.ranks)
        )
        and composed_office(first) is None
        and all(word.isalpha() for word in inner)
    )
