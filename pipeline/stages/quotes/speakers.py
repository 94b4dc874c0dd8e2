"""Speakers: who said each statement, asked of the inventory of people.

- A group next to the cue (`kata Wali Kota Budi`, `Sekda mengatakan`) is the person of the
  inventory it names, or the name as written; a title without a name (`tegas Kapolres`) is
  the person introduced with the same title.
- A pronoun (`ujarnya`, `kata dia`, `Menurutnya`) and a quote with no cue take an
  antecedent. Walking back sentence by sentence, the first sentence that names a person
  outside quotation marks or holds an attributed quote gives its subject (the person that
  opens it, or follows its opening phrase and comma, unless it is inside a statement
  reported there), else the speaker quoted in it, else its first named person not after a
  preposition (`kepada Presiden`): so the subject of the preceding sentences, not merely
  the last quoted speaker. A person after a preposition, then a title the article gives no
  name for (`Pengamat`), are taken only when nothing better is found.

A phrase read as a body or a place is no person, whatever the inventory says of its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.inventory import Group, MentionKind, Reference, begins_or_ends
from pipeline.quotation import QUOTE_CHARS
from pipeline.record import QuoteKind
from pipeline.stages.quotes.candidates import Candidate, How
from pipeline.stages.quotes.context import Context
from pipeline.stages.quotes.cues import described_name
from pipeline.vocabulary import roles
from pipeline.vocabulary.government import vocabulary
from pipeline.vocabulary.speech import function_words

#: Mention kinds that name a person (a title or a pronoun does not).
NAMING_KINDS = frozenset({MentionKind.NAME, MentionKind.SHORT_NAME, MentionKind.ACRONYM})
#: Sentences walked back to find the antecedent of a pronoun.
ANTECEDENT_SENTENCES = 12
_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")
#: The word right before a position, with nothing but spaces between.
_WORD_BEFORE = re.compile(r"(\w+) +$")
#: The first word at a position, after spaces and quotation marks.
_FIRST_WORD = re.compile(r"[\s“”\"‘’']*(\w+)")
#: The word right after a position, with spaces and perhaps a comma between.
_NEXT_WORD = re.compile(r"(,?) +(\w+)")


@dataclass(frozen=True, slots=True)
class _Mention:
    """A person mention of a sentence: a phrase group, a pronoun, or a mention of the inventory."""

    start: int
    end: int
    group: Group | None = None
    pronoun: bool = False
    person: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    reference: Reference | None
    #: How the speaker was read: name, title, organisation, pronoun, floating, unnamed or none.
    how: str
    #: (start, end) of the speaker mention, if the text has one.
    mention: tuple[int, int] | None


class Speakers:
    """The speakers of one article's candidates, resolved in text order."""

    def __init__(self, context: Context, candidates: list[Candidate]) -> None:
        self.context = context
        #: Names of the people quoted next to a cue: known to be people.
        self.speaker_names = {
            context.people.name_words(group)
            for candidate in candidates
            if (group := candidate.attribution.group) is not None and group.name is not None and not group.organisation
        }
        self.spoken: dict[int, list[tuple[int, Reference]]] = {}
        #: Sentence -> the spans of its reported statements that have a speaker.
        self.reported: dict[int, list[tuple[int, int]]] = {}
        self.antecedents: dict[int, Reference | None] = {}
        self.sentence_mentions: dict[int, list[_Mention]] = {}
        self.known: dict[tuple[str, ...], bool] = {}

    def resolve(self, candidate: Candidate) -> Speaker:
        """The speaker of a candidate (call in text order: pronouns look back at earlier quotes)."""
        attribution = candidate.attribution
        reference: Reference | None = None
        mention = None
        how = "none"
        if attribution.group is not None and self._no_person(attribution.group):
            how = "unnamed"  # `umat Muslim menilai ...`: a people, not a speaker
        elif attribution.group is not None:
            reference, how = self.context.people.refers_to(attribution.group)
            mention = attribution.group.mention
        elif attribution.pronoun is not None:
            reference = self._not_named_inside(self._pronoun_reference(*attribution.pronoun), candidate)
            how = "pronoun"
            mention = attribution.pronoun
        elif attribution.how is How.FLOATING:
            reference = self._not_named_inside(self.antecedent(candidate.start), candidate)
            how = "floating"
        elif attribution.how is How.UNNAMED:
            how = "unnamed"
        if reference is not None:
            sentence = self.context.sentence_of(candidate.start)
            self.spoken.setdefault(sentence, []).append((candidate.start, reference))
            if candidate.kind is QuoteKind.INDIRECT:
                self.reported.setdefault(sentence, []).append((candidate.start, candidate.end))
        return Speaker(reference, how, mention)

    def _not_named_inside(self, reference: Reference | None, candidate: Candidate) -> Reference | None:
        """An antecedent the statement itself names by a title (`“... Pak Sekda memang mengaku
        ...,” tuturnya` after a sentence about the Sekda) is whom it speaks of, not who speaks:
        the antecedent before it that is someone else. (A name inside may be a body's that a
        person's name was read with: only titles count.)"""
        person = reference.person if reference is not None else None
        if person is None or not any(
            m.person == person.id and m.kind is MentionKind.TITLE
            for m in self.context.people.mentions_between(candidate.start, candidate.end)
        ):
            return reference
        return self._find_antecedent(candidate.start, excluded=person.id)

    def _pronoun_reference(self, start: int, end: int) -> Reference | None:
        """A pronoun's person: the one of the inventory with a pronoun mention there, else its antecedent."""
        person = self.context.people.pronoun_person(start, end)
        if person is not None:
            return Reference(person.name, person)
        return self.antecedent(start)

    def antecedent(self, position: int) -> Reference | None:
        """Who a pronoun at `position` (or a quote with no cue starting there) refers to."""
        if position in self.antecedents:
            return self.antecedents[position]
        self.antecedents[position] = None  # guards against cycles
        found = self._find_antecedent(position)
        self.antecedents[position] = found
        return found

    def _find_antecedent(self, position: int, excluded: str | None = None) -> Reference | None:
        """The antecedent at `position` (see the module docstring); never the person `excluded`,
        and then a person inside a sentence, not its subject, only when no sentence has one."""
        context = self.context
        current = context.sentence_of(position)
        unnamed: Reference | None = None  # a title the article names no one for (`Pengamat`)
        object_: Reference | None = None  # a person after a preposition
        other: Reference | None = None  # a person inside a sentence, not its subject
        for index in range(current, max(-1, current - ANTECEDENT_SENTENCES), -1):
            start, _ = context.sentences[index]
            candidates = [mention for mention in self._mentions_in(index) if mention.end <= position]
            spoken = [ref for at, ref in self.spoken.get(index, []) if at < position and not _is(ref, excluded)]
            references = [(mention, self._mention_reference(mention)) for mention in candidates]
            references = [(mention, ref) for mention, ref in references if not _is(ref, excluded)]
            named = [(mention, ref) for mention, ref in references if ref is not None and ref.named]
            if index != current and self._carries_on(start):
                # `Apalagi, Menteri X sudah menyampaikan ...`: the reasoning of the one quoted before
                if named and named[0][0] is candidates[0] and self._is_subject(named[0][0], start):
                    cited = named[0][1]
                    spoken = [ref for ref in spoken if ref.name != cited.name]
                named = []
            if named and named[0][0] is candidates[0]:  # the first person is named: is it the subject?
                first, reference = named[0]
                if (
                    self._is_subject(first, start)
                    and not self._is_reported(first, index)
                    and not self._possessed(first)
                ):
                    return self._apposition(first, reference, named) or reference
            described = described_name(context, start) if candidates and not named else None
            if described is not None and not spoken:  # `Pakar hukum X, Budi, menilai ...`
                reference, _ = context.people.refers_to(described)
                return reference
            if spoken:
                return spoken[-1]
            for mention, reference in named:
                if not self._after_preposition(mention):
                    previous_end = max((m.end for m in candidates if m.end <= mention.start), default=None)
                    possessor = self._possessed(mention) or self._possessor_or_object(mention, previous_end)
                    if excluded is None and not possessor:
                        return reference
                    other = other or reference  # beside the one spoken of, or `kasus X`: a subject first
                object_ = object_ or reference
            unnamed = unnamed or next((ref for _, ref in references if ref is not None), None)
        return other or object_ or unnamed

    def _carries_on(self, sentence_start: int) -> bool:
        """The sentence opens with a word that carries on the reasoning quoted before it (`Apalagi`, `Padahal`)."""
        first = _FIRST_WORD.match(self.context.text, sentence_start)
        return first is not None and self.context.speech.function(first.group(1).lower()) == "argument"

    def _mentions_in(self, index: int) -> list[_Mention]:
        """Person mentions of sentence `index` outside quotation marks: the phrase groups that
        are persons and the pronouns, and the mentions of the inventory that none of them, and
        no phrase read as a body or a place, overlaps."""
        found = self.sentence_mentions.get(index)
        if found is not None:
            return found
        context = self.context
        start, end = context.sentences[index]
        found = []
        things: list[_Mention] = []  # bodies and places: no mention of the inventory inside them counts
        for phrase in context.people.phrases_in(start, end):
            for group in phrase.groups:
                if self._is_person(group):
                    found.append(_Mention(group.start, group.end, group=group))
                elif group.name is None:
                    things.append(_Mention(group.start, group.end, group=group))
        found.extend(
            _Mention(match.start(), match.end(), pronoun=True)
            for match in context.person_words.pronoun_pattern.finditer(context.text, start, end)
        )
        found.extend(
            _Mention(m.start, m.end, pronoun=m.kind is MentionKind.PRONOUN, person=m.person)
            for m in context.people.mentions_between(start, end)
            if m.end <= end and not any(o.start < m.end and m.start < o.end for o in (*found, *things))
        )
        found.sort(key=lambda mention: mention.start)
        found = [m for m in found if not context.quotations.inside(m.start) and not self._common_words(m)]
        self.sentence_mentions[index] = found
        return found

    def _common_words(self, mention: _Mention) -> bool:
        """A name of the inventory of two words or more that the article also writes in lower
        case (`Gotong Royong` beside `upaya gotong royong`): common words, no person."""
        if mention.group is not None or mention.pronoun:
            return False
        written = self.context.text[mention.start : mention.end]
        if len(written.split()) < 2 or written.islower():
            return False
        return re.search(rf"\b{re.escape(written.lower())}\b", self.context.text) is not None

    def _is_person(self, group: Group) -> bool:
        """A title marks a group without a name as a person (a body or a place is none, whatever
        the inventory says of its words), nor a name after a word for a people or a language or
        after a number (`_no_person`); a name that is a mention of the inventory, or has a
        title, rank, honorific, degree or age, is a person, and so is a name in the phrase of a
        body with a degree after it; a bare name, or another name in the phrase of a body
        (`Universitas Lampung Robi`, `RSUD Dr. Sutomo`), must be known."""
        people = self.context.people
        if group.name is None:
            return not group.organisation and bool(group.titles)
        if self._no_person(group):
            return False
        if self.context.text[group.name[0] : group.name[1]] in vocabulary().name_stopwords:
            return False  # `Dikonfirmasi, Kabid X ...`: a sentence opener, not a name
        if people.persons and people.person_of_name(group.name) is not None:
            return True
        if not group.organisation and (group.titles or group.person_evidence):
            return True
        if self._degree_after(group.name, group.end):
            return True  # a degree marks a person in a body's phrase too (`Waka PA X Budi, Lc.`)
        return self._is_known_name(people.name_words(group))

    def _no_person(self, group: Group) -> bool:
        """A name after a word for a people or a language (`umat Muslim`, `bahasa Madura`) or
        after a number (`Pasal 78 Ayat (2)`): no person. (A title before the name makes a person:
        `Pada 2024 Bupati X ...`.)"""
        if group.name is None or group.name[0] != group.start:
            return False
        previous = _WORD_BEFORE.search(self.context.text, max(0, group.start - 24), group.start)
        word = previous.group(1) if previous is not None else ""
        return word.isdigit() or word.lower() in roles.person_words().words("collective")

    def _degree_after(self, name: tuple[int, int], end: int) -> bool:
        """An academic degree follows the name, after a comma or not, inside its group."""
        after = self.context.text[name[1] : end].lstrip(", ").split(",")[0].split()
        return bool(after) and vocabulary().is_degree(after[0])

    def _is_known_name(self, words: tuple[str, ...]) -> bool:
        """The words begin or end a name that something marks as a person's in the article, or
        the name of someone the article quotes."""
        known = self.known.get(words)
        if known is None:
            known = self.known[words] = self.context.people.known_name(words) or any(
                begins_or_ends(name, words) for name in self.speaker_names
            )
        return known

    def _is_reported(self, mention: _Mention, index: int) -> bool:
        """The mention is inside a reported statement of sentence `index` (`Presiden, menurut
        Fadjroel, menginginkan ...`): part of what was said, not who said it."""
        return any(start <= mention.start < end for start, end in self.reported.get(index, ()))

    def _after_preposition(self, mention: _Mention) -> bool:
        """The mention follows a preposition: `kepada Presiden`, `dari Relawan Demokrasi`; not a
        name in apposition after a comma (`di Tanah Abang, Anto`)."""
        text = self.context.text
        group = mention.group
        if group is not None and group.name is not None and "," in text[group.start : group.name[0]]:
            return False
        previous = _PREVIOUS_WORD.search(text, max(0, mention.start - 24), mention.start)
        function = self.context.speech.function(previous.group(1).lower()) if previous is not None else None
        return function in ("preposition", "addressee")

    def _apposition(
        self, first: _Mention, reference: Reference, named: list[tuple[_Mention, Reference | None]]
    ) -> Reference | None:
        """The person named between commas right after a subject that is no one of the inventory
        (`Dosen Universitas X, Budi Santoso, juga ...`, where `X` was read as a name): Budi."""
        if reference.person is not None or len(named) < 2:
            return None
        second, other = named[1]
        text = self.context.text
        if other is None or other.person is None or text[first.end : second.start].strip() != ",":
            return None
        return other if text[second.end : second.end + 1] == "," else None

    def _possessed(self, mention: _Mention) -> bool:
        """A title group led by a capitalised noun that is no title, rank or honorific
        (`Dorongan Presiden untuk ...`, `Rencana Gubernur itu ...`): the person owns the thing the
        sentence is about, and is not its subject."""
        group = mention.group
        if group is None or group.name is not None or not group.titles:
            return False
        first = self.context.text[group.start : group.end].split()[0]
        lower = first.lower()
        if not first[:1].isupper() or lower in group.written_titles or self.context.person_words.kind(lower):
            return False
        return vocabulary().titles.match([lower], 0) is None

    def _possessor_or_object(self, mention: _Mention, previous_end: int | None) -> bool:
        """A person mid-sentence right after a lower-case content word and before no verb
        (`menyelidiki kasus Budi, tetapi ...`, `rencana Budi ikut ...`, `adalah warga Budi.`): a
        possessor or an object, not who speaks. A function word, a speech verb, a passive
        (`disampaikan Bupati X`) or a word for what a person is before a body's words and the
        name (`prakirawan Stasiun X Budi`) before it, a word joining it to the mention before
        (`Pengamat sekaligus Direktur X`), or a verb, an adverb or a relative clause after it
        (`itu Bupati X mengatakan`, `X juga`, `X, yang ...`), keeps it a subject or an agent."""
        text = self.context.text
        speech = self.context.speech
        previous = _WORD_BEFORE.search(text, max(0, mention.start - 24), mention.start)
        if previous is None or (previous_end is not None and not text[previous_end : previous.start(1)].strip()):
            return False
        word = previous.group(1)
        lower = word.lower()
        if not word.isalpha() or not word.islower() or lower.startswith("di"):
            return False
        if lower in function_words() or speech.function(lower) is not None or lower in speech.verbs:
            return False
        group = mention.group
        described = lower in vocabulary().descriptors and group is not None and group.name is not None
        if described and group.name[0] > group.start:
            return False  # `prakirawan Stasiun X Budi`: what the person is
        following = _NEXT_WORD.match(text, mention.end)
        if following is None:
            return True
        after = following.group(2).lower()
        if speech.looks_verbal(after):
            return False
        kind = speech.function(after)
        return kind != ("relative" if following.group(1) else "closed_class")

    def _is_subject(self, mention: _Mention, sentence_start: int) -> bool:
        """The mention opens its sentence, or follows an opening phrase ending in a comma."""
        opening = self.context.text[sentence_start : mention.start].strip().strip(QUOTE_CHARS).strip()
        return not opening or opening.endswith(",")

    def _mention_reference(self, mention: _Mention) -> Reference | None:
        """Who a mention is; a title the article gives a name for only later (`menjadi Bupati`
        before `Bupati X`) is not whom a pronoun means: unnamed."""
        people = self.context.people
        reference: Reference | None = None
        if mention.person is not None:
            person = people.person(mention.person)
            reference = Reference(person.name, person)
        elif mention.pronoun:
            return self._pronoun_reference(mention.start, mention.end)
        elif mention.group is not None:
            reference, _ = people.refers_to(mention.group)
        if reference is None or not reference.named or self._named_before(mention, reference):
            return reference
        return Reference(reference.name, reference.person, named=False)

    def _named_before(self, mention: _Mention, reference: Reference) -> bool:
        """The mention is a name, or the person it refers to is named before it or in it."""
        group = mention.group
        if group is not None and group.name is not None:
            return True
        person = reference.person
        if person is not None:  # before it or inside it (`Ketua PA X, Moh. Budi, S.Ag.`)
            return any(m.start < mention.end and m.kind in NAMING_KINDS for m in person.mentions)
        if group is None:
            return True
        named = self.context.people.titled(group)
        return named is None or named.start <= mention.start


def _is(reference: Reference | None, person_id: str | None) -> bool:
    """The reference is to the person `person_id` of the inventory."""
    return person_id is not None and reference is not None and reference.person_id == person_id
