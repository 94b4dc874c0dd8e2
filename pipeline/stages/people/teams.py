"""The members of a named team: `Tim Inspektorat Jenderal Kementerian X melakukan ... . Tim
tersebut yaitu A, B dan C.`

A team is the word `Tim` (`person_words.tsv`, `team`) before a state body, and optionally the
body it is part of (`Inspektorat Jenderal` + `Kementerian X`). Its members are listed after a
list cue (`member_list`: `yaitu`, `terdiri dari`, `beranggotakan` ...) that follows the team
right away (`Tim X yang terdiri dari A dan B`) or opens a later sentence with the team named
again (`Tim tersebut yaitu ...`: the last team named before it). The list is read by
`listed.listed_names` (split at commas and `dan`/`serta` only) with the rule `MEMBERS`: a run
of capitalised words longer than a listed name can be holds two names written without their
separator, and no split is guessed: it gives no member.

Each member is an official `Anggota Tim` + the team's body without its region (`Anggota Tim
Inspektorat Jenderal`, `Anggota Tim Inspektorat Daerah`), whose jurisdiction is the body with
its parent (`Inspektorat Jenderal Kementerian X`); the role is not written at the name, so
the mention has no title span of its own.
"""

from __future__ import annotations

from pipeline.inventory import TitleParts
from pipeline.stages.people.bodies import BodyIndex, state_kinds
from pipeline.stages.people.listed import ListRule, listed_names
from pipeline.stages.people.mention import TitleMention
from pipeline.stages.people.titles import without_region
from pipeline.tokens import Tokens
from pipeline.vocabulary import Vocabulary, person_words

#: A list of members passes over a run of words longer than a listed name can be (two names
#: without a separator: no split is guessed) and reads no glued degrees.
MEMBERS = ListRule(long_item_ends=False, derived_noun_ends=False)
#: Words of a list cue, at most (`terdiri dari`).
CUE_WORDS = 2


def team_members(tokens: Tokens, vocab: Vocabulary, bodies: BodyIndex) -> list[TitleMention]:
    """The members of every team the text names and lists, in text order."""
    members: list[TitleMention] = []
    words = tokens.words
    teams = person_words().values("team")
    team: tuple[int, str, str, str | None] | None = None
    for i, word in enumerate(words):
        if word not in teams:
            continue
        named = _team_body(bodies, i + 1)
        team = named or team
        if named is not None:
            start = _after_cue(words, _skip(words, named[0], {",", *person_words().words("relative")}))
        elif team is not None and _opens_sentence(words, i):
            start = _after_cue(words, _skip(words, i + 1, person_words().words("team_reference")))
        else:
            continue
        if start is None or team is None:
            continue
        _, unit, jurisdiction, code = team
        for name in listed_names(tokens, start, vocab, MEMBERS):
            members.append(
                TitleMention(
                    start=name[0],
                    end=name[0],
                    role=f"{teams[word]} {unit}",
                    jurisdiction=jurisdiction,
                    jurisdiction_code=code,
                    wants="parent",
                    name=name,
                    name_text=tokens.text[name[0] : name[1]],
                    mention_end=name[1],
                    parts=TitleParts(teams[word], unit, jurisdiction),
                    written=False,
                )
            )
    return members


def _team_body(bodies: BodyIndex, k: int) -> tuple[int, str, str, str | None] | None:
    """(end token, unit, jurisdiction, region code) of the state body after `Tim`, with its parent."""
    found = bodies.at(k)
    if found is None or found[1].kind not in state_kinds():
        return None
    end, body = found
    parent = bodies.at(end)
    if parent is not None and parent[1].kind in state_kinds():
        end, parent_body = parent
        return end, body.name, f"{body.name} {parent_body.name}", parent_body.region_code
    return end, without_region(body), body.name, body.region_code


def _opens_sentence(words: list[str], i: int) -> bool:
    """Token `i` is the first word of a sentence or line."""
    k = i - 1
    while k >= 0 and not words[k].strip():
        k -= 1
    return k < 0 or words[k] in (".", "\n") or "\n" in words[k + 1 : i]


def _skip(words: list[str], k: int, skipped: set[str] | frozenset[str]) -> int:
    """The first token from `k` that is neither whitespace nor one of `skipped`."""
    while k < len(words) and (not words[k].strip() or words[k].lower() in skipped):
        k += 1
    return k


def _after_cue(words: list[str], k: int) -> int | None:
    """The token after a list cue at `k` (and a colon after it), or None."""
    cues = person_words().words("member_list")
    for length in range(CUE_WORDS, 0, -1):
        if " ".join(words[k : k + length]).lower() in cues:
            return _skip(words, k + length, {":"})
    return None
