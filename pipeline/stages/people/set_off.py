"""A post's unit or body set off by commas between the title and its holder's name.

`Direktur Fasilitasi ... dan Pembinaan ..., Nama,`: a long unit name up to the comma before the
name (`unit_before_set_off_name`); `Kepala Seksi Kurikulum, Dinas Pendidikan Kabupaten X, Nama`:
a unit of any capitalised words up to the comma before the state body it is a part of
(`unit_before_set_off_body`), or joined to it by `pada` (`body_after_part_of`); `Kasubbag TU,
Kemenag Kabupaten X, H. Nama`: that body, before the name, set off by a comma or not
(`body_set_off`). The role keeps the unit (`Kepala Seksi Kurikulum`); the body, with its
region, is the jurisdiction (`Dinas Pendidikan Kabupaten X`).
"""

from __future__ import annotations

from pipeline.record import Organisation
from pipeline.stages.people.bodies import BodyIndex, state_kinds
from pipeline.stages.people.words import is_name_start, name_end, plausible_name, stop_words
from pipeline.tokens import Tokens
from pipeline.vocabulary import Title, Vocabulary, organisation_words, person_words

#: Longest unit name set off by a comma before its holder's name, in tokens.
MAX_SET_OFF_UNIT_TOKENS = 20
#: Longest unit name set off by a comma before the body it is part of, in tokens.
MAX_UNIT_BEFORE_BODY_TOKENS = 8


def body_set_off(
    tokens: Tokens, k: int, title: Title, vocab: Vocabulary, bodies: BodyIndex
) -> tuple[int, Organisation] | None:
    """`Kasubbag TU, Kemenag Kabupaten X, H. Nama`, `Kabid X, Dinas Y Kota Z dr. Nama`: the state
    body of a post set off by a comma between the post and a name (the comma after it, if any, is
    left to the name)."""
    words = tokens.words
    if title.jurisdiction != "parent" or k >= len(words) or words[k] != ",":
        return None
    found = bodies.at(k + 1)
    if found is None or found[1].kind not in state_kinds():
        return None
    end = found[0]
    if end >= len(words) or bodies.at(end + (words[end] == ",")) is not None:
        return None
    if words[end] != ",":  # the name right after the body: an honorific or rank, or two name words
        if words[end] in vocab.honorifics or vocab.ranks.match(words, end) is not None:
            return found
        stop = name_end(words, end, vocab)
        named = stop - end >= 2 and plausible_name(tokens, end, stop, vocab)
        return found if named and is_name_start(words, end, vocab) else None
    if end + 1 >= len(words):
        return None
    if not words[end + 1][:1].isupper() and words[end + 1] not in vocab.honorifics:
        return None
    return found


def body_after_part_of(tokens: Tokens, k: int, bodies: BodyIndex) -> int:
    """`Kepala Seksi Kurikulum pada Dinas Pendidikan Kabupaten X`: the word that makes the unit a
    part of the state body after it (`person_words.tsv`, `part_of`) is passed over; else `k`."""
    words = tokens.words
    if k + 1 >= len(words) or words[k] not in person_words().words("part_of"):
        return k
    found = bodies.at(k + 1)
    return k + 1 if found is not None and found[1].kind in state_kinds() else k


def unit_before_set_off_body(tokens: Tokens, k: int, vocab: Vocabulary, bodies: BodyIndex) -> int:
    """`Kepala Seksi Kurikulum, Dinas Pendidikan Kabupaten X, Nama`: a unit of capitalised words
    the lexicons need not know (joined by `dan`), set off by a comma before a state body; its
    end (the comma), else `k`."""
    words = tokens.words
    joiners = organisation_words().words("name_joiner")
    end = k
    while end < len(words) and end - k < MAX_UNIT_BEFORE_BODY_TOKENS and words[end] != ",":
        capitalised = words[end][:1].isupper() and words[end] not in stop_words()
        if bodies.at(end) is not None or vocab.titles.match(words, end) is not None:
            return k
        if not (capitalised or (words[end] in joiners and end > k)):
            return k
        end += 1
    if end == k or end + 1 >= len(words) or words[end] != "," or words[end - 1] in joiners:
        return k
    found = bodies.at(end + 1)
    return end if found is not None and found[1].kind in state_kinds() else k


def unit_before_set_off_name(tokens: Tokens, k: int, vocab: Vocabulary, bodies: BodyIndex) -> int:
    """`Direktur Fasilitasi ... dan ... dan Pembinaan ..., Nama,`: a long unit name (mostly unit
    words, joined by `dan`, titles inside it, no body: `Dirjen X Kementerian Y, Nama` is a unit
    and its body) up to the comma that sets off the holder's name; its end, else `k`."""
    words = tokens.words
    joiners = organisation_words().words("name_joiner")
    end = k
    while end < len(words) and end - k < MAX_SET_OFF_UNIT_TOKENS and words[end] != ",":
        if bodies.at(end) is not None:
            return k
        if words[end][:1].isupper() or (words[end] in joiners and end > k and words[end + 1 : end + 2] != [","]):
            end += 1
        else:
            return k
    named = [word for word in words[k:end] if word not in joiners]
    if end >= len(words) or words[end] != "," or sum(w.lower() in vocab.unit_words for w in named) * 2 < len(named):
        return k
    stop = name_end(words, end + 1, vocab)
    if stop == end + 1 or not plausible_name(tokens, end + 1, stop, vocab):
        return k
    return end if stop < len(words) and words[stop] in (",", ".") else k
