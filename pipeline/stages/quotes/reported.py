"""Reported statements, outside quotation marks, read from the speech verb that cues them.

- `reported_bahwa`: an active speech verb and a `bahwa` clause.
- `according_to`: `Menurut X, ...` (the clause), `..., menurut X, ...` (the sentence).
- `reported_comma`: `Ia menambahkan, ...`; `reported_colon`: `X menjelaskan: ...`.
- `reported_request`: `meminta warga agar ...`, the addressee included.
- `reported_cue`: `..., kata dia, ...`: the whole sentence.
- `reported_clause`: a verb that takes a bare clause (`menyebutkan stok beras cukup`) or an
  opener (`menegaskan pentingnya ...`).
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.quotation import DOUBLE_QUOTES
from pipeline.record import QuoteKind
from pipeline.stages.quotes.candidates import Attribution, Candidate, How
from pipeline.stages.quotes.context import Context, index_at
from pipeline.stages.quotes.cues import speaker_after, subject
from pipeline.text import next_visible, rstrip
from pipeline.tokens import Shape, Word, shape_of
from pipeline.vocabulary.speech import SpeechVerb

#: Words of a reported statement, at least.
STATEMENT_MIN_WORDS = 3
#: Words between a request verb and its `agar`/`untuk`, at most.
REQUEST_GAP = 8
#: Characters after a speech verb read for its complement (`bahwa`, a comma, `agar` ...).
COMPLEMENT_CHARS = 100
#: Characters after `menurut` or a bare cue read for the speaker.
SPEAKER_CHARS = 160
#: Speech-verb kinds whose active forms take a bare clause (`mengatakan pihaknya siap`).
BARE_CLAUSE_KINDS = frozenset({"say", "assess"})


def reported_candidates(context: Context) -> Iterator[Candidate]:
    """The reported statements of the text, in order of their cues."""
    speech = context.speech
    for match in speech.verb_pattern.finditer(context.text):
        if context.quotations.inside(match.start()):
            continue
        verb = speech.verbs[match.group().lower()]
        word = Word(match.start(), match.end(), match.group(), match.group().lower(), shape_of(match.group()), False)
        if verb.base == "menurut":
            candidate = _according_to(context, word, verb)
        elif verb.voice == "active":
            candidate = _reported(context, word, verb)
        elif verb.voice in ("bare", "nya"):
            candidate = _reported_cue(context, word, verb)
        else:
            candidate = None
        if candidate is not None:
            yield candidate


def _statement(
    context: Context, start: int, end: int, rule: str, cue: Word, attribution: Attribution
) -> Candidate | None:
    start = next_visible(context.text, start)
    body = context.text[start:end]
    if len(body.split()) < STATEMENT_MIN_WORDS or any(mark in body for mark in DOUBLE_QUOTES):
        return None
    return Candidate(start, end, QuoteKind.INDIRECT, rule, (cue.start, cue.end, "cue_before"), attribution)


def _reported(context: Context, verb_word: Word, verb: SpeechVerb) -> Candidate | None:
    """An active speech verb and its complement: `bahwa`, a comma, a colon, `agar`, a bare clause."""
    end = context.sentence_end(verb_word.end)
    after = context.words.between(verb_word.end, min(end, verb_word.end + COMPLEMENT_CHARS))
    if not after:
        return None

    def speaker() -> Attribution:
        before = context.words_before(verb_word.start)
        before.append(verb_word)
        return subject(context, before, len(before) - 1)

    speech = context.speech
    for ahead in after[:3]:
        if speech.function(ahead.lower) == "complementizer":
            return _statement(context, ahead.end, end, "reported_bahwa", verb_word, speaker())
        if ahead.shape is not Shape.LOWER:
            break
    first = after[0]
    if first.text in (",", ":"):
        rule = "reported_comma" if first.text == "," else "reported_colon"
        return _statement(context, first.end, end, rule, verb_word, speaker())
    function = speech.function(first.lower)
    if verb.kind == "request":
        for ahead in after[:REQUEST_GAP]:
            if ahead.text in ",.":
                break
            if speech.function(ahead.lower) == "purpose":
                return _statement(context, verb_word.end, end, "reported_request", verb_word, speaker())
        return None
    if function == "opener" or (verb.kind in BARE_CLAUSE_KINDS and first.shape is not Shape.PUNCT and function is None):
        return _statement(context, verb_word.end, end, "reported_clause", verb_word, speaker())
    return None


def _according_to(context: Context, word: Word, verb: SpeechVerb) -> Candidate | None:
    """`Menurut Budi, ...` (the clause after the comma) or `..., menurut Budi, ...` (the sentence)."""
    after = context.words_after(word.end, limit=SPEAKER_CHARS)
    found = _named_by(context, word, verb, after)
    if found is None:
        return None
    attribution, comma = found
    if comma >= len(after) or after[comma].text != ",":
        return None
    sentence_start = context.sentences[context.sentence_of(word.start)][0]
    end = context.sentence_end(word.end)
    opening = context.text[sentence_start : word.start].strip()
    if not opening:
        return _statement(context, after[comma].end, end, "according_to", word, attribution)
    if opening.endswith(","):  # `..., menurut Budi, ...` in mid-sentence: the whole sentence
        return _statement(context, sentence_start, end, "according_to", word, attribution)
    return None


def _reported_cue(context: Context, word: Word, verb: SpeechVerb) -> Candidate | None:
    """`Y, kata dia, Z.` or `Y, ujarnya.` outside quotation marks: the sentence is the statement."""
    text = context.text
    before = rstrip(text, 0, word.start)
    if before == 0 or text[before - 1] != ",":
        return None
    after = context.words_after(word.end, limit=SPEAKER_CHARS)
    found = _named_by(context, word, verb, after)
    if found is None:
        return None
    attribution, following = found
    if following < len(after) and after[following].text not in (",", ".", "!", "?"):
        return None
    sentence_start = context.sentences[context.sentence_of(word.start)][0]
    closed_by_comma = following < len(after) and after[following].text == ","
    end = context.sentence_end(word.end) if closed_by_comma else before - 1  # `before - 1`: the comma
    return _statement(context, sentence_start, end, "reported_cue", word, attribution)


def _named_by(context: Context, word: Word, verb: SpeechVerb, after: list[Word]) -> tuple[Attribution, int] | None:
    """Who a bare cue or `menurut` names, and the index in `after` of the word after that name:
    its `-nya` (`Menurutnya,`), else the person phrase or pronoun after it; None for no one."""
    if verb.voice == "nya":
        return Attribution(How.PRONOUN, pronoun=(word.end - 3, word.end)), 0
    attribution = speaker_after(context, after, 0)
    if attribution.how is How.UNNAMED or not after:
        return None
    phrase = context.people.phrase_at(after[0].start)
    return attribution, (index_at(after, phrase.end) if phrase is not None else 1)
