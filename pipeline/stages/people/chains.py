"""Chains of units after a post: `Kasubdit Wilayah IV Dit X dan Y, Ditjen Z Kementerian W Nama`.

A post in a part of a body may name the larger parts it sits in before the body itself: each
part opens with a word of `organisation_words.tsv`, `unit_part` (`Dit`, `Direktorat`, `Bagian`
...) and runs over capitalised words and acronyms joined by `dan`/`&` (a body after `dan`
is part of the name: `Dit FKDH dan DPRD`), up to a comma, the next part or a body. The parts
are skipped only when a state body ends the chain, which closes it: without one, where the
last part's name ends and the person's begins is not written.
"""

from __future__ import annotations

from pipeline.stages.people.bodies import BodyIndex, state_kinds
from pipeline.tokens import Tokens
from pipeline.vocabulary import organisation_words

#: Tokens of one part's name, at most.
MAX_PART_TOKENS = 8


def chained_parts_end(tokens: Tokens, k: int, bodies: BodyIndex) -> int:
    """The token of the state body after the parts named from `k`, or `k` when no part, or no
    body after them, is named."""
    words = tokens.words
    parts = organisation_words().words("unit_part")
    joiners = organisation_words().words("name_joiner")
    end = k
    while end < len(words) and words[end] in parts and bodies.at(end) is None:
        stop = end + 1
        while stop < len(words) and stop - end <= MAX_PART_TOKENS:
            word = words[stop]
            if word in joiners and stop + 1 < len(words) and words[stop + 1][:1].isupper():
                stop += 2
            elif word[:1].isupper() and word not in parts and bodies.at(stop) is None:
                stop += 1
            else:
                break
        if stop == end + 1:
            return k
        end = stop + 1 if stop < len(words) and words[stop] == "," else stop
        found = bodies.at(end)
        if found is not None and found[1].kind in state_kinds():
            return end
    return k
