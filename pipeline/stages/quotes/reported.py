"""Reported statements, outside quotation marks, read from the speech verb that cues them.

- `reported_bahwa`: an active speech verb and a `bahwa` clause.
- `according_to`: `Menurut X, ...` (the clause), `..., menurut X, ...` (the sentence).
- `reported_comma`: `Ia menambahkan, ...`; `reported_colon`: `X menjelaskan: ...`.
- `reported_request`: `meminta warga agar ...`, the addressee included.
- `reported_cue`: `..., kata dia, ...`: the whole sentence.
- `reported_clause`: a verb that takes a bare clause (`menyebutkan stok beras cukup`), an
  opener (`menegaskan pentingnya ...`), or a clause that a modal or aspect word, a wish or a
  subordinator marks as one (`berharap dapat ...`, `menyampaikan program itu telah ...`,
  `berharap semoga ...`); a noun phrase (`menyampaikan terima kasih atas ...`) is no statement.
- `reported_passive`: a passive or `-nya` cue opening its sentence, with or without its agent
  (`Dipaparkan Budi, ...`, `Lebih lanjut dikatakan oleh Budi, bahwasannya ...`, `Ditambahkan,
  ...`, `Diakuinya, ...`, `Menurutnya ...`): the clause after it.
- `reported_continued`: an agentless passive cue before a clause in mid-sentence (`Program itu
  bahkan dikatakan sudah ...`): the whole sentence, kept only when an earlier statement of its
  paragraph is what it continues (`continued`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from pipeline.patterns import alternation
from pipeline.quotation import DOUBLE_QUOTES
from pipeline.record import QuoteKind
from pipeline.stages.quotes.candidates import Attribution, Candidate, How
from pipeline.stages.quotes.context import Context, index_at
from pipeline.stages.quotes.cues import speaker_after, subject
from pipeline.text import next_visible, rstrip
from pipeline.tokens import Shape, Word, shape_of
from pipeline.vocabulary.dates import date_lexicon
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
#: Speech-verb kinds whose clause a verb-like word after its subject marks (`berharap kegiatan ini bermanfaat`).
PREDICATE_KINDS = frozenset({"hope", "promise", "request"})
#: Function-word kinds that make the words after any speech verb a clause (`berharap dapat ...`).
CLAUSE_MARKS = frozenset({"predicate", "wish", "subordinator"})
#: Words of the subject before a modal or aspect word (`menyampaikan berbagai program telah ...`), at most.
CLAUSE_SUBJECT_WORDS = 4
#: Function-word kinds that end a noun phrase before any clause mark (`terima kasih atas ...`).
PHRASE_ENDS = frozenset({"preposition", "addressee", "agent_preposition", "purpose", "relative", "complementizer"})
#: Words before a passive cue that opens its sentence (`Lebih lanjut dikatakan ...`), at most.
OPENING_WORDS = 3
#: Kinds of capitalised function words that may stand before such a cue (`Namun`, `Apalagi`).
OPENING_KINDS = frozenset({"closed_class", "argument"})


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
        elif verb.voice == "passive" or (verb.voice == "nya" and _heads_clause(context, word)):
            candidate = _passive(context, word, verb)
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
    tail = _date_tail().search(context.text, start, end)
    if tail is not None:  # `..., Senin (3/11/2025)`, `di Aula X, Rabu (5/11)`: when and where, not what was said
        end = rstrip(context.text, start, tail.start())
    body = context.text[start:end]
    if len(body.split()) < STATEMENT_MIN_WORDS or any(mark in body for mark in DOUBLE_QUOTES):
        return None
    return Candidate(start, end, QuoteKind.INDIRECT, rule, (cue.start, cue.end, "cue_before"), attribution)


@cache
def _date_tail() -> re.Pattern[str]:
    """The dateline tail of a lead sentence, at the end of a statement: an optional capitalised
    venue after `di`, a comma, a capitalised weekday and an optional numeric date in brackets."""
    weekdays = alternation(form.capitalize() for form in date_lexicon().weekdays)
    venue = r"(?:\s+di\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)?"
    date = r"(?:\s*\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\))?"
    return re.compile(rf"{venue}\s*,\s*(?:{weekdays}){date}\s*$")


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
    addressed = function == "addressee"  # `menekankan kepada X untuk ...`: X and the clause, without `kepada`
    if verb.kind == "request" or addressed:
        start = first.end if addressed else verb_word.end
        for ahead in after[:REQUEST_GAP]:
            if ahead.text in ",.":
                break
            if speech.function(ahead.lower) == "purpose":
                return _statement(context, start, end, "reported_request", verb_word, speaker())
        if verb.kind == "request":  # `mengajak warga menjaga ...`: the addressee and the clause
            if not _is_clause(context, after, verb):
                return None
            return _statement(context, start, end, "reported_request", verb_word, speaker())
    promised_act = verb.kind == "promise" and function == "purpose"  # `berjanji untuk datang`: an act, not a claim
    if function in ("purpose", "complementizer") and len(after) > 1 and not promised_act:  # `berharap agar ...`
        return _statement(context, first.end, end, "reported_clause", verb_word, speaker())
    if (
        function == "opener"
        or (verb.kind in BARE_CLAUSE_KINDS and first.shape is not Shape.PUNCT and function is None)
        or _is_clause(context, after, verb)
    ):
        return _statement(context, verb_word.end, end, "reported_clause", verb_word, speaker())
    return None


def _is_clause(context: Context, after: list[Word], verb: SpeechVerb) -> bool:
    """The words after a speech verb are a clause: a modal or aspect word, a wish or a subordinator
    opens them or follows a short subject (`berbagai program telah ...`) before any preposition,
    relative or punctuation that makes them a noun phrase (`terima kasih atas ...`). After a hope,
    a promise or a request, a word that looks like a verb after a subject marks one too (`berharap
    kegiatan ini bermanfaat`, `mengajak warga menjaga ...`), as does a word after a demonstrative
    (`berharap pasar itu ramai kembali`), unless an object noun opens them (`dukungan warga`)."""
    speech = context.speech
    predicates = verb.kind in PREDICATE_KINDS and speech.function(after[0].lower) != "object"
    for position, word in enumerate(after[: CLAUSE_SUBJECT_WORDS + 1]):
        function = speech.function(word.lower)
        if function in CLAUSE_MARKS:
            return True
        if predicates and verb.kind == "request" and word.lower in speech.accompany:
            return False  # `mengajak rombongan melihat ...`: taken along, nothing said
        if predicates and position > 0 and word.shape is Shape.LOWER and _predicate(context, after, position):
            return True
        if word.shape is Shape.PUNCT or function in PHRASE_ENDS or word.lower in speech.verbs:
            return False
    return False


def _predicate(context: Context, after: list[Word], position: int) -> bool:
    """`after[position]` looks like the predicate after a subject: a verb-like word, or a content
    word after a demonstrative that closes the subject (`pasar itu ramai`)."""
    speech = context.speech
    lower = after[position].lower
    if speech.looks_like_verb(lower):
        return True
    previous = speech.function(after[position - 1].lower)
    return previous == "demonstrative" and position > 1 and speech.function(lower) is None


def _heads_clause(context: Context, word: Word) -> bool:
    """A `-nya` cue opening its sentence (`Lanjutnya, ...`), not one after a comma (`..., ujarnya`)."""
    before = rstrip(context.text, 0, word.start)
    return not (before > 0 and context.text[before - 1] == ",") and _opens_sentence(context, word)


def _opens_sentence(context: Context, word: Word) -> bool:
    """Only a few adverbs and connectives stand before `word` in its sentence (`Lebih lanjut`, `Sementara itu,`)."""
    sentence_start = context.sentences[context.sentence_of(word.start)][0]
    opening = [w for w in context.words.between(sentence_start, word.start) if w.text != ","]
    function = context.speech.function
    return len(opening) <= OPENING_WORDS and all(
        (w.shape is Shape.LOWER and function(w.lower) != "back_reference") or function(w.lower) in OPENING_KINDS
        for w in opening
    )


def _passive(context: Context, word: Word, verb: SpeechVerb) -> Candidate | None:
    """A passive or `-nya` cue opening its sentence, and the clause after its agent, a comma or
    `bahwa`; else an agentless passive before a clause mark in mid-sentence (the whole sentence)."""
    after = context.words_after(word.end, limit=SPEAKER_CHARS)
    if not after:
        return None
    speech = context.speech
    sentence_start = context.sentences[context.sentence_of(word.start)][0]
    end = context.sentence_end(word.end)
    if verb.voice == "passive" and speech.function(after[0].lower) in CLAUSE_MARKS:
        if not context.text[sentence_start : word.start].strip():
            return None  # `Diharapkan dapat ...` opening a sentence: the writer's hope
        return _statement(context, sentence_start, end, "reported_continued", word, Attribution(How.FLOATING))
    if not _opens_sentence(context, word):
        return None
    index = 1 if speech.function(after[0].lower) == "agent_preposition" else 0
    if verb.voice == "nya":
        attribution = Attribution(How.PRONOUN, pronoun=(word.end - 3, word.end))
    elif after[index].text == "," or speech.function(after[index].lower) == "complementizer":
        attribution = Attribution(How.FLOATING)  # `Ditambahkan, ...`
    else:
        found = _named_by(context, word, verb, after[index:])
        if found is None:
            return None
        attribution, following = found
        index += following
    if index >= len(after) or (after[index].text != "," and speech.function(after[index].lower) != "complementizer"):
        return None
    index += 1
    if index < len(after) and speech.function(after[index].lower) == "complementizer":
        index += 1
    if index >= len(after):
        return None
    return _statement(context, after[index].start, end, "reported_passive", word, attribution)


def continued(candidates: list[Candidate], text: str) -> list[Candidate]:
    """The candidates without each `reported_continued` one that no earlier statement of its
    paragraph (no line break between them) precedes."""
    kept = []
    for candidate in candidates:
        if candidate.rule == "reported_continued" and not any(
            other.rule != "reported_continued"
            and other.cue is not None
            and other.end <= candidate.start
            and "\n" not in text[other.end : candidate.start]
            for other in candidates
        ):
            continue
        kept.append(candidate)
    return kept


def _according_to(context: Context, word: Word, verb: SpeechVerb) -> Candidate | None:
    """`Menurut Budi, ...` (the clause after the comma) or `..., menurut Budi, ...` (the sentence)."""
    after = context.words_after(word.end, limit=SPEAKER_CHARS)
    found = _named_by(context, word, verb, after)
    if found is None:
        return None
    attribution, comma = found
    sentence_start = context.sentences[context.sentence_of(word.start)][0]
    end = context.sentence_end(word.end)
    opening = context.text[sentence_start : word.start].strip()
    if verb.voice == "nya" and not opening and after and after[0].shape is Shape.LOWER:
        return _statement(context, word.end, end, "according_to", word, attribution)  # `Menurutnya semua ...`
    if comma >= len(after) or after[comma].text != ",":
        return None
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
    if phrase is None:
        return attribution, 1
    following = index_at(after, phrase.end)
    group = attribution.group
    if following < len(after) and after[following].text != "," and group is not None and group.name is not None:
        comma = index_at(after, group.name[1])  # `Menurut Wawan, Kabupaten X berawal ...`: the phrase ran on
        if comma < following and after[comma].text == ",":
            return attribution, comma
    return attribution, following
