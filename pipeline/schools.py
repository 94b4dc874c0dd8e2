"""Schools and madrasahs named by their type, status, number and seat.

`SDN 3 Sukamaju`, `SMP Negeri 2 Cibadak`, `SD Inpres Oebobo`, `SMA Muhammadiyah 1 Yogyakarta`,
`MTsN 1 Kota Padang`: the type (`organisations.tsv`, takes `school`), its status words
(`organisation_words.tsv`, `school_status`: `Negeri`, `Inpres`, `Muhammadiyah` ...), a number,
and the seat: a place the places stage found, the words up to a comma that no degree follows
(`SMP Negeri 2 Cibadak, Nama`), two words before a lower-case one, else one capitalised word (`SDN 3 Sukamaju Nama
Lengkap`: the name follows the seat).
A type named with neither a status word nor a number is no school (`MA` may be other things).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from pipeline.regions import RegionIndex
from pipeline.tokens import Tokens
from pipeline.vocabulary import Vocabulary, organisation_words

#: Longest seat set off by a comma, in tokens (`SMA Negeri 1 Tanjung Sari, Nama`).
MAX_SEAT_TOKENS = 3


@cache
def school_status() -> frozenset[str]:
    """Words of a school's status or foundation after its type (`Negeri`, `Inpres`, `Islam`)."""
    return organisation_words().words("school_status")


def school_end(tokens: Tokens, stop: int, regions_at: RegionIndex, vocab: Vocabulary) -> int | None:
    """End token of the school whose type ends at token `stop`, or None."""
    words = tokens.words
    end = stop
    while end < len(words) and words[end] in school_status():
        end += 1
    numbered = end < len(words) and words[end].isdigit()
    if numbered:
        end += 1
    if end == stop:
        return None
    return _seat_end(tokens, end, regions_at, vocab)


def _seat_end(tokens: Tokens, k: int, regions_at: RegionIndex, vocab: Vocabulary) -> int:
    """End of the seat named at `k`, if one is (else `k`)."""
    words = tokens.words
    if k >= len(words):
        return k
    place = regions_at.get(tokens.starts[k])
    if place is not None:
        return tokens.end_token(place.end)
    run = _capitalised_end(words, k, vocab)
    if run == k:
        return k
    at = run + 1 if run < len(words) and words[run] == "," else run
    degree_after = at < len(words) and vocab.is_degree(words[at])
    if run - k <= MAX_SEAT_TOKENS and not degree_after and (run >= len(words) or words[run] in (",", ".", "(")):
        return run  # `SMP Negeri 2 Cibadak, Nama`, `... di SD Negeri 5 Tanjung Sari.`
    if run - k == 2 and not degree_after and not words[run][:1].isupper():
        return run  # `siswa SMA Negeri 1 Tanjung Sari mengikuti`: a two-word seat
    return k + 1  # `SDN 3 Sukamaju Nama Lengkap mengatakan`: one word, then the name


def _capitalised_end(words: Sequence[str], k: int, vocab: Vocabulary) -> int:
    """End of the capitalised words from `k` that are no sentence opener and no degree."""
    end = k
    while (
        end < len(words)
        and words[end][:1].isupper()
        and words[end] not in vocab.name_stopwords
        and not vocab.is_degree(words[end])
    ):
        end += 1
    return end
