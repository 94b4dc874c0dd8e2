"""Direct quotes: the text between quotation marks, when a cue is next to it or it stands as a
sentence of its own.

A cue after the closing mark (`,” kata Budi`, `,” ujarnya`, `,” Budi menambahkan`, `.” Hal
itu disampaikan Budi`) or before the opening one (`Budi mengatakan, “`, `Ia berkata: "`,
`Menurut Budi, “`). Without one, a quotation that starts a sentence and reads as one is a
statement whose speaker is the antecedent of its position; a short phrase in marks inside
a sentence (`”wajah baru”`) is a scare quote, and one in capitals a slogan or a title.
"""

from __future__ import annotations

from pipeline.inventory import MentionKind
from pipeline.quotation import CLOSING_QUOTES, MarkedQuote
from pipeline.record import QuoteKind
from pipeline.stages.quotes.candidates import Attribution, Candidate, Cue, How
from pipeline.stages.quotes.context import Context, index_at
from pipeline.stages.quotes.cues import speaker_after, subject
from pipeline.text import SENTENCE_FINAL
from pipeline.tokens import Shape, Word
from pipeline.vocabulary import vocabulary

#: A quotation that starts a sentence is a statement with this many words, or ending in punctuation.
FLOATING_MIN_WORDS = 6


def direct_candidate(context: Context, marked: MarkedQuote) -> Candidate | None:
    """The quotation as a statement, with its cue and attribution, or None."""
    text = context.text
    if not text[marked.start : marked.end].strip():
        return None
    balanced = marked.close is not None
    found = _cue_after(context, marked) if balanced else None
    if found is None:
        found = _cue_before(context, marked)
    if found is None:
        if not _stands_alone(text, marked):
            return None
        found = (None, Attribution(How.FLOATING))
    cue, attribution = found
    return Candidate(marked.start, marked.end, QuoteKind.DIRECT, "quote_marks", cue, attribution, balanced)


def _cue_after(context: Context, marked: MarkedQuote) -> Cue | None:
    """`,” kata Budi` / `,” ujarnya` / `,” kata dia` / `,” Budi menambahkan` / `.” Hal itu disampaikan Budi`
    / `”. ujar beliau`."""
    assert marked.close is not None
    words = context.words_after(marked.close + 1)
    index = 0
    if words and words[0].text == "," and words[0].start == marked.close + 1:
        index = 1
    elif _period_then_cue(context, words, marked.close + 1):
        index = 1  # `”. ujar beliau.`: a period typed before the cue
    if index >= len(words):
        return None
    word = words[index]
    content = context.text[marked.start : marked.end].rstrip()
    ends_sentence = content.endswith(".") and not content.endswith("..")
    verbs = context.speech.verbs
    verb = verbs.get(word.lower)
    if verb is not None and verb.voice in ("bare", "nya") and verb.base != "menurut":
        cue = (word.start, word.end, "cue_after")
        if verb.voice == "nya":
            attribution = Attribution(How.PRONOUN, pronoun=(word.end - 3, word.end))
            following = index + 1
        else:
            attribution = speaker_after(context, words, index + 1)
            phrase = context.people.phrase_at(words[index + 1].start) if index + 1 < len(words) else None
            following = _after_speaker(context, words, phrase.end) if phrase is not None else index + 1
        if ends_sentence and word.shape is not Shape.LOWER and not _ends_attribution(words, following, attribution):
            return None
        return cue, attribution
    if ends_sentence:
        return _back_reference(context, words, index)
    following = words[index + 1] if index + 1 < len(words) else None
    if context.is_pronoun(word) and following is not None:
        verb = verbs.get(following.lower)
        if verb is not None and verb.voice == "active":
            return (following.start, following.end, "cue_after"), Attribution(
                How.PRONOUN, pronoun=(word.start, word.end)
            )
    phrase = context.people.phrase_at(word.start)
    if phrase is not None:
        after = next((w for w in words if w.start >= phrase.end), None)
        verb = verbs.get(after.lower) if after is not None else None
        if after is not None and verb is not None and verb.voice == "active":
            return (after.start, after.end, "cue_after"), Attribution(How.PHRASE, group=phrase.groups[0])
    return None


def _period_then_cue(context: Context, words: list[Word], after_close: int) -> bool:
    """A period glued to the closing mark, then a bare or `-nya` cue in lower case."""
    if len(words) < 2 or words[0].text != "." or words[0].start != after_close:
        return False
    verb = context.speech.verbs.get(words[1].text)
    return verb is not None and verb.voice in ("bare", "nya") and words[1].shape is Shape.LOWER


def _after_speaker(context: Context, words: list[Word], end: int) -> int:
    """The index of the first word after a speaker's phrase ending at `end`, over the rest of a
    name of the inventory the phrase stops inside (`Ucap Bupati X Marjo dwi Santoso, SE, MM.`:
    a lower-case name part) and the degrees after it."""
    people = context.people
    person = people.person_at(end - 1, end)
    if person is not None:
        inside = [m for m in people.mentions_covering(end) if m.person == person.id and m.kind is MentionKind.NAME]
        if inside:
            following = index_at(words, inside[0].end)
            while following < len(words) and (
                words[following].text == "," or vocabulary().is_degree(words[following].text)
            ):
                following += 1
            return following
    return index_at(words, end)


def _ends_attribution(words: list[Word], following: int, attribution: Attribution) -> bool:
    """A capitalised cue after a quote that ends its sentence (`.” Ungkapnya.`, `.” Ucap Bupati X.`)
    is one when its pronoun or named speaker ends the sentence (or goes on in lower case:
    `Ungkapnya seusai acara`), not a new sentence (`.” Kata dia, ...` aside)."""
    if attribution.how is How.PHRASE and (attribution.group is None or attribution.group.name is None):
        return False
    if attribution.how not in (How.PHRASE, How.PRONOUN):
        return False
    if following >= len(words):
        return True
    word = words[following]
    return word.text in SENTENCE_FINAL or (attribution.how is How.PRONOUN and word.shape is Shape.LOWER)


def _back_reference(context: Context, words: list[Word], index: int) -> Cue | None:
    """`Hal itu disampaikan Budi ...` / `Demikian dikatakan Budi` right after a quote."""
    speech = context.speech
    if speech.function(words[index].lower) != "back_reference":
        return None
    index += 1
    if index < len(words) and speech.function(words[index].lower) == "demonstrative":
        index += 1
    verb = speech.verbs.get(words[index].lower) if index < len(words) else None
    if verb is None or verb.voice != "passive":
        return None
    cue = (words[index].start, words[index].end, "cue_after")
    index += 1
    if index < len(words) and speech.function(words[index].lower) == "agent_preposition":
        index += 1
    phrase = context.people.phrase_at(words[index].start) if index < len(words) else None
    if phrase is None:
        return None
    return cue, Attribution(How.PHRASE, group=phrase.groups[0])


def _cue_before(context: Context, marked: MarkedQuote) -> Cue | None:
    """`Budi mengatakan, “` / `Ia berkata: "` / `Kata dia, “` / `Menurut Budi, “` / `Menurutnya, “`."""
    words = context.words_before(marked.open)
    if words and words[-1].text in (",", ":"):
        words.pop()
    if not words:
        return None
    word = words[-1]
    verbs = context.speech.verbs
    verb = verbs.get(word.lower)
    if verb is not None:
        cue = (word.start, word.end, "cue_before")
        if verb.voice == "active":
            return cue, subject(context, words, len(words) - 1)
        if verb.voice == "nya":
            return cue, Attribution(How.PRONOUN, pronoun=(word.end - 3, word.end))
        return None
    if context.is_pronoun(word):
        first = len(words) - 1
        attribution = Attribution(How.PRONOUN, pronoun=(word.start, word.end))
    else:
        phrase = context.people.phrase_ending(word.end)
        if phrase is None:
            return None
        first = index_at(words, phrase.start)
        attribution = Attribution(How.PHRASE, group=phrase.groups[0])
    if first < 1:
        return None
    cue_word = words[first - 1]
    verb = verbs.get(cue_word.lower)
    if verb is None or verb.voice not in ("bare", "preposition", "active"):
        return None
    return (cue_word.start, cue_word.end, "cue_before"), attribution


def _stands_alone(text: str, marked: MarkedQuote) -> bool:
    """A quotation that starts a sentence and reads as one (not a scare quote)."""
    before = marked.open
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    last = text[before - 1] if before else ""
    starts = not last or last in "\n:" or last in SENTENCE_FINAL or last in CLOSING_QUOTES
    if not starts:
        return False
    content = text[marked.start : marked.end].rstrip()
    if content.isupper():
        return False  # a slogan or a title in capitals, not speech
    words = len(content.split())
    return words >= FLOATING_MIN_WORDS or (words >= 2 and content[-1:] in ".,!?…")
