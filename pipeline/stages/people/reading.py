"""What the phrase reader finds (`PhraseReading`), and what marks a phrase's group as a person
from outside the phrase (`OutsideMarks`): a speech verb next to it, a lower-case word for what a
person is before it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from pipeline.inventory import Group, Phrase, name_ends
from pipeline.vocabulary.speech import SpeechLexicon

_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")
#: Characters before a phrase searched for the word before it.
LOOK_BACK = 24


@dataclass(frozen=True, slots=True)
class PhraseReading:
    phrases: tuple[Phrase, ...]
    #: The groups with names that are persons' by their title, rank ... or a speech verb.
    named_groups: tuple[Group, ...] = ()

    def evidenced_names(self, text: str) -> frozenset[tuple[str, ...]]:
        """See `People.evidenced_names`: the beginnings and ends of the names of `named_groups`."""
        return name_ends([tuple(text[slice(*group.name)].split()) for group in self.named_groups if group.name])

    def renamed(self, names: Mapping[tuple[int, int], tuple[int, int]]) -> PhraseReading:
        """The reading with the names of groups read anew: the span of a group's name -> the span
        of the name."""
        if not names:
            return self

        def group(old: Group) -> Group:
            return replace(old, name=names[old.name]) if old.name in names else old

        phrases = tuple(replace(phrase, groups=tuple(map(group, phrase.groups))) for phrase in self.phrases)
        return PhraseReading(phrases, tuple(map(group, self.named_groups)))


@dataclass(frozen=True, slots=True)
class OutsideMarks:
    text: str
    speech: SpeechLexicon
    #: Lower-case words that say what a person is (`person_descriptors.txt`).
    descriptors: frozenset[str]

    def described(self, phrase: Phrase, group: Group) -> bool:
        """A word that says what a person is stands in lower case right before the phrase, whose
        first group has a name of two words or more after the words of a body or place
        (`prakirawan Stasiun X Budi Hartono`; not `penerima Kartu Sembako`)."""
        if group is not phrase.groups[0] or group.name is None or group.name[0] == phrase.start:
            return False
        if " " not in self.text[slice(*group.name)]:
            return False
        previous = _PREVIOUS_WORD.search(self.text, max(0, phrase.start - LOOK_BACK), phrase.start)
        return previous is not None and previous.group(1) in self.descriptors

    def speaks(self, phrase: Phrase, group: Group) -> bool:
        """The group is next to a speech verb: `Budi mengatakan`, `kata Budi`, `menurut Budi`."""
        text = self.text
        if group is phrase.groups[-1]:
            position = phrase.end
            while position < len(text) and text[position].isspace():
                position += 1
            following = self.speech.verb_pattern.match(text, position)
            if following is not None and following.group().islower():
                return self.speech.verbs[following.group()].voice == "active"
        if group is not phrase.groups[0]:
            return False
        previous = _PREVIOUS_WORD.search(text, max(0, phrase.start - LOOK_BACK), phrase.start)
        if previous is None:
            return False
        verb = self.speech.verbs.get(previous.group(1).lower())
        return verb is not None and verb.voice in ("bare", "preposition")
