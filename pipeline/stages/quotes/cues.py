"""Who a cue names: the person phrase or pronoun after a bare cue (`kata Budi`, `kata dia`), or
the subject before an active speech verb (`Budi mengatakan`, `Ia menambahkan`)."""

from __future__ import annotations

import re

from pipeline.inventory import Group
from pipeline.stages.quotes.candidates import UNNAMED, Attribution, How
from pipeline.stages.quotes.context import Context, index_at
from pipeline.tokens import Shape, Word
from pipeline.vocabulary import vocabulary
from pipeline.vocabulary.people import TITLE_KINDS

#: Lower-case words skipped between a subject and its verb (`Ali juga menyoroti`).
SUBJECT_GAP = 6
#: Words of a description before a speaker's name after a cue (`kata ahli epidemiologi dari X, Budi`).
DESCRIPTION_WORDS = 8
#: Words of a description that refers back (`kata politisi senior Partai X itu`), at most.
DESCRIPTION_LIMIT = 14
#: Words walked back from a subject over an appositive to its head (`Rahmat, kuasa hukum X, menyatakan`).
APPOSITIVE_GAP = 12
#: Characters of an aside between a described name and its verb (`, saat dihubungi, Selasa (4/3/2025),`).
ASIDE_CHARS = 48
#: A comma, a name of capitalised words, a comma.
_COMMA_NAME = re.compile(r", +([A-Z][\w’'-]+(?: [A-Z][\w’'.-]*){0,3}),")
#: Function-word kinds of prepositions: a phrase after one is not the subject of a verb.
PREPOSITIONS = frozenset({"preposition", "addressee", "agent_preposition"})


def pronoun_attribution(context: Context, word: Word) -> Attribution:
    """A pronoun as the speaker: singular ones point to their antecedent, plural ones to no one."""
    if context.is_plural(word):
        return UNNAMED
    return Attribution(How.PRONOUN, pronoun=(word.start, word.end))


def speaker_after(context: Context, words: list[Word], index: int) -> Attribution:
    """Who a bare cue names: the phrase or pronoun after it."""
    if index >= len(words):
        return UNNAMED
    word = words[index]
    if context.is_pronoun(word):
        return pronoun_attribution(context, word)
    people = context.people
    phrase = people.phrase_at(word.start)
    if phrase is not None:
        return Attribution(How.PHRASE, group=phrase.groups[0])
    title = _lower_title(context, words, index)
    if title is not None:
        return Attribution(How.PHRASE, group=title)
    for position, ahead in enumerate(words[index : index + DESCRIPTION_WORDS], start=index):
        glued_point = ahead.text == "." and position > index and words[position - 1].end == ahead.start  # `pj.`
        if ahead.text != "," and ahead.shape is Shape.PUNCT and not glued_point:
            break
        phrase = people.phrase_at(ahead.start)
        if phrase is not None:
            named = next((group for group in phrase.groups if group.name and not group.organisation), None)
            if named is not None:
                return Attribution(How.PHRASE, group=named)
    return _description(context, words, index) or UNNAMED


def _description(context: Context, words: list[Word], index: int) -> Attribution | None:
    """A lower-case description ending in a demonstrative, then the end of the clause (`kata
    orang nomor satu di X itu`, `ujar mantan Kadis Y ini`, `kata politisi Partai Z itu`): it
    refers back, like a pronoun, to the person the text speaks of; its span leaves out the
    demonstrative. The demonstrative follows a capitalised word (a body's or a place's name;
    not `kata warga yang ditemui di lokasi itu`), and no relative clause comes before it."""
    if words[index].shape is not Shape.LOWER or context.speech.function(words[index].lower) is not None:
        return None
    for position in range(index + 1, min(index + DESCRIPTION_LIMIT, len(words))):
        word = words[position]
        if (word.shape is Shape.PUNCT and word.text not in "()") or context.speech.function(word.lower) == "relative":
            return None
        if context.speech.function(word.lower) == "demonstrative" and word.shape is Shape.LOWER:
            following = words[position + 1] if position + 1 < len(words) else None
            if following is not None and (following.shape is not Shape.PUNCT or following.text in "()"):
                continue
            if words[position - 1].shape in (Shape.LOWER, Shape.NUMBER):
                return None
            return Attribution(How.PRONOUN, pronoun=(words[index].start, words[position - 1].end))
    return None


def subject(context: Context, words: list[Word], verb: int) -> Attribution:
    """The subject of the verb `words[verb]`: the nearest phrase or pronoun before it in its
    sentence, over a few lower-case words (`Ali juga menyoroti`), not one after a preposition
    (`dengan Presiden`) unless a title after a comma ends it (`di Kantor Camat, Kakan X`); a body
    speaks through the person after an agent preposition (`Pemkab X melalui Kabag Y Budi`)."""
    people = context.people
    index = verb - 1
    gap = 0
    skipped: Group | None = None  # a named group after a preposition: `Pengamat dari Universitas X Budi`
    through: Group | None = None  # a named person a body speaks through: `Pemkab X melalui Kabag Y Budi`
    while index >= 0:
        word = words[index]
        if context.is_pronoun(word):
            return pronoun_attribution(context, word)
        phrase = people.phrase_ending(word.end) if word.shape is not Shape.LOWER else None
        if phrase is not None:
            first = index_at(words, phrase.start)
            before = words[first - 1].lower if first > 0 else ""
            if context.speech.function(before) in PREPOSITIONS:
                if _after_a_place(context, phrase.groups, words[first]):
                    return Attribution(How.PHRASE, group=phrase.groups[-1])
                named = phrase.groups[-1] if phrase.groups[-1].name is not None else None
                skipped = skipped or named
                if through is None and named is not None and not named.organisation:
                    through = named if context.speech.function(before) == "agent_preposition" else None
                index = first - 1
                continue
            group = _appositive_head(context, words, first) or phrase.groups[-1]
            if group.name is None and group.titles and skipped is not None:
                group = skipped
            elif group.organisation and through is not None:
                group = through
            return Attribution(How.PHRASE, group=group)
        if word.text == ",":
            index -= 1
            continue
        if word.shape is Shape.LOWER and gap < SUBJECT_GAP:
            gap += 1
            index -= 1
            continue
        break
    return _described_name(context, words[verb].start) or UNNAMED


def _described_name(context: Context, verb_start: int) -> Attribution | None:
    """The described name (`described_name`) before a speech verb: its speaker."""
    sentence_start = context.sentences[context.sentence_of(verb_start)][0]
    group = described_name(context, sentence_start, verb_start)
    return Attribution(How.PHRASE, group=group) if group is not None else None


def described_name(context: Context, sentence_start: int, verb_start: int | None = None) -> Group | None:
    """A name between commas after the description that opens the sentence, a title the article
    names no one for (`Pakar hukum Universitas X, Budi, menilai`, `Dosen X, Budi Santoso, saat
    dihubungi, mengatakan`), as a group, though no phrase holds the name. Before a verb
    (`verb_start`), at most a short aside with no person in it comes between the name and it."""
    text = context.text
    end = verb_start if verb_start is not None else context.sentences[context.sentence_of(sentence_start)][1]
    phrases = list(context.people.phrases_in(sentence_start, end))
    if not phrases:
        return None
    head = phrases[0].groups[0]
    opening = text[sentence_start : head.start].strip()
    if head.name is not None or head.organisation or not head.titles or (opening and not opening.endswith(",")):
        return None
    comma = text.find(",", head.end, end)
    found = _COMMA_NAME.match(text, comma) if comma >= 0 else None
    if found is None or found.end() > end:
        return None
    if verb_start is not None and len(text[found.end() : verb_start]) > ASIDE_CHARS:
        return None
    words = found.group(1).split()
    person_words = context.person_words
    if any(person_words.kind(w.lower()) is not None or w.lower() in person_words.weekdays for w in words):
        return None
    start, end = found.span(1)
    inside = [p for p in phrases if p.start >= start and (verb_start is not None or p.start < end)]
    if words[0] in vocabulary().name_stopwords or inside:
        return None
    return Group(start, end, (start, end), (), (), (), person_evidence=True, organisation=False)


def _after_a_place(context: Context, groups: tuple[Group, ...], first: Word) -> bool:
    """The phrase after a preposition opens with a place or a building, and a person by a title
    follows it after a comma: `di Kantor Camat, Kakan Kemenag berharap` (not `bersama Sekda,
    Kadis X`, two persons the preposition governs)."""
    last = groups[-1]
    if len(groups) < 2 or not last.titles or last.organisation:
        return False
    return context.person_words.kind(first.lower) not in TITLE_KINDS


def _appositive_head(context: Context, words: list[Word], first: int) -> Group | None:
    """The name an appositive describes, when the phrase at `words[first]` is inside the
    description: `Rahmat Hidayat, kuasa hukum keluarga korban, menyatakan` -> Rahmat."""
    for index in range(first - 1, max(-1, first - 1 - APPOSITIVE_GAP), -1):
        word = words[index]
        if word.text != ",":
            if word.lower in context.speech.verbs:
                return None
            continue
        if index == 0 or index + 1 >= len(words) or words[index + 1].shape is not Shape.LOWER:
            return None
        head = context.people.phrase_ending(words[index - 1].end)
        if head is None or head.groups[-1].name is None or head.groups[-1].organisation:
            return None
        return head.groups[-1]
    return None


def _lower_title(context: Context, words: list[Word], index: int) -> Group | None:
    """A title in lower case after a bare cue, after a courtesy word or not (`tegas sekda`, `kata
    pak camat`), then the end of the clause: the person introduced with that title."""
    person_words = context.person_words
    first = index
    if first < len(words) and person_words.kind(words[first].lower) in ("kinship", "honorific"):
        first += 1
    if first >= len(words) or words[first].shape is not Shape.LOWER:
        return None
    word = words[first]
    if vocabulary().titles.match([word.lower], 0) is None:
        return None  # a title of office, not a prefix: `tambah pj. Bupati X`
    following = words[first + 1] if first + 1 < len(words) else None
    if following is not None and following.shape is not Shape.PUNCT:
        return None  # `kata camat itu ...`, `ujar kepala desa X`: more than a title
    expansion = person_words.title_words.get(word.lower)
    return Group(
        start=words[index].start,
        end=word.end,
        name=None,
        titles=expansion.titles if expansion else (word.lower,),
        units=expansion.units if expansion else (),
        written_titles=(word.lower,),
        person_evidence=True,
        organisation=False,
    )
