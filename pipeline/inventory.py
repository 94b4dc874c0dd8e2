"""The inventory of people: every person the article names, every mention of each, and the
phrases that may name a person. Written by the people stage; read by the officials, quotes
and events stages.

- `PersonEntry`: one person with an id (`P1` ...), the fullest name, whether they hold an
  office, the role and jurisdiction the text states, and all their mentions.
- `PersonMention`: a span, its kind (name, short name, title, acronym, pronoun, description)
  and the person's id; a title mention carries its parts (head, unit, region).
- `Phrase` and `Group`: the capitalised phrases of the text split into the persons, titles
  and bodies they name (`Wakil Wali Kota Serang, Nur Aini Lestari` is one group). A group
  may name nobody the article lists (`kata seorang pengamat, Budi`): then it is a person
  as written.

The queries answer what a stage asks of a span: who is mentioned here (`person_at`), who
is written so (`person_named`), which named group has the same title (`titled`), whether a
name is known to be a person's (`known_name`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class MentionKind(StrEnum):
    NAME = "name"
    SHORT_NAME = "short_name"
    TITLE = "title"
    ACRONYM = "acronym"
    PRONOUN = "pronoun"
    DESCRIPTION = "description"


@dataclass(frozen=True, slots=True)
class TitleParts:
    """What a title is made of: `Kepala Dinas` (head) + `Kesehatan` (unit) + `Kota Malang` (region)."""

    head: str
    unit: str | None = None
    region: str | None = None


@dataclass(frozen=True, slots=True)
class PersonMention:
    start: int
    end: int
    kind: MentionKind
    #: The id of the person (`PersonEntry.id`).
    person: str
    #: For a title mention: its parts.
    title: TitleParts | None = None


@dataclass(frozen=True, slots=True)
class PersonEntry:
    id: str
    #: The fullest form of the name in the text, without honorifics or degrees.
    name: str
    #: Holds an office of the state (an official), or not (a person).
    official: bool
    mentions: tuple[PersonMention, ...]
    #: The role written out in full, for officials.
    role: str | None = None
    #: The jurisdiction the text states with a title, if it does.
    jurisdiction: str | None = None
    jurisdiction_code: str | None = None
    #: What jurisdiction the title wants when the text names none (a region level, `parent`,
    #: a template with `{region}` ...; see titles.tsv).
    wants: str = ""
    #: Where the person is first introduced (their first title, else their first mention).
    first: int = 0
    rank: str | None = None
    honorifics: tuple[str, ...] = ()
    degrees: tuple[str, ...] = ()
    #: What the text says a person who holds no office is (`warga Kelurahan X`).
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Group:
    """One person, title or body of a capitalised phrase."""

    start: int
    end: int
    #: The personal name in it (character span), or None.
    name: tuple[int, int] | None
    #: Lower-case title words: `("wakil", "wali")`.
    titles: tuple[str, ...]
    #: Lower-case unit and organisation words of the title: `("dinas", "kesehatan")`.
    units: tuple[str, ...]
    #: The title words as written, lower case (`kapolres` where `titles` has its expansion).
    written_titles: tuple[str, ...]
    #: A title, rank, honorific, degree or age says this is a person.
    person_evidence: bool
    organisation: bool

    @property
    def mention(self) -> tuple[int, int]:
        """The span that names the person: the name, else the whole group (a title)."""
        return self.name if self.name is not None else (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Phrase:
    start: int
    end: int
    groups: tuple[Group, ...]


@dataclass(frozen=True, slots=True)
class Reference:
    """Who a group refers to: a person of the inventory, or a name as written."""

    name: str | None
    person: PersonEntry | None = None
    #: False for a title the article never gives a name for (`Kepala BNPB`).
    named: bool = True

    @property
    def person_id(self) -> str | None:
        return self.person.id if self.person is not None else None


@dataclass(frozen=True)
class People:
    """The inventory of one article (see the module docstring)."""

    text: str
    persons: tuple[PersonEntry, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    #: Name word tuples (and their beginnings and ends) that a title, honorific, degree, age
    #: or a speech verb next to them marks as a person's somewhere in the article.
    evidenced_names: frozenset[tuple[str, ...]] = frozenset()
    _index: _Index = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", _Index(self))

    @property
    def officials(self) -> tuple[PersonEntry, ...]:
        return tuple(person for person in self.persons if person.official)

    def mentions(self) -> Sequence[PersonMention]:
        """Every mention of every person, in text order."""
        return self._index.mentions

    def mentions_between(self, start: int, end: int) -> Sequence[PersonMention]:
        index = self._index
        return index.mentions[bisect_left(index.mention_starts, start) : bisect_left(index.mention_starts, end)]

    def mentions_covering(self, position: int) -> list[PersonMention]:
        """The mentions with start < position < end."""
        index = self._index
        first = bisect_left(index.mention_starts, position - index.longest_mention)
        return [m for m in index.mentions[first : bisect_left(index.mention_starts, position)] if position < m.end]

    def person(self, person_id: str) -> PersonEntry:
        return self._index.by_id[person_id]

    # --- phrases ---

    def phrase_at(self, position: int) -> Phrase | None:
        """The phrase starting at `position`."""
        return self._index.phrase_by_start.get(position)

    def phrase_ending(self, position: int) -> Phrase | None:
        """The phrase ending at `position`."""
        return self._index.phrase_by_end.get(position)

    def phrases_in(self, start: int, end: int) -> Iterator[Phrase]:
        """The phrases inside `start:end`, in text order."""
        index = self._index
        for phrase in self.phrases[bisect_left(index.phrase_starts, start) : bisect_left(index.phrase_starts, end)]:
            if phrase.end <= end:
                yield phrase

    def name_words(self, group: Group) -> tuple[str, ...]:
        assert group.name is not None
        return tuple(self.text[group.name[0] : group.name[1]].split())

    def known_name(self, words: tuple[str, ...]) -> bool:
        """The words begin or end a name that something marks as a person's in the article."""
        return words in self.evidenced_names

    def titled(self, group: Group) -> Group | None:
        """The named group with the same title words as a title-only one (and its unit words
        among its own: `Menteri` -> `Menteri Sosial X`): the nearest before it, else after."""
        if not group.titles:
            return None
        before: Group | None = None
        after: Group | None = None
        for other in self._index.named_by_titles.get(group.titles, ()):
            if not set(group.units) <= set(other.units):
                continue
            if other.start < group.start:
                before = other
            elif after is None:
                after = other
        return before or after

    # --- persons ---

    def person_at(self, start: int, end: int) -> PersonEntry | None:
        """The person with a mention overlapping `start:end` most (pronouns aside)."""
        index = self._index
        best = 0
        found = None
        first = bisect_left(index.mention_starts, start - index.longest_mention)
        for mention in index.mentions[first : bisect_left(index.mention_starts, end)]:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > best and mention.kind is not MentionKind.PRONOUN:
                best, found = overlap, index.by_id[mention.person]
        return found

    def person_of_name(self, name: tuple[int, int]) -> PersonEntry | None:
        """The person with a mention of the last word of a name: the person the name ends with
        (`Komite Kartu Pelatihan Dimas R Putra` is not the `Komite` of the inventory)."""
        start, end = name
        return self.person_at(max(start, self.text.rfind(" ", start, end) + 1), end)

    def person_named(self, written: str) -> PersonEntry | None:
        """The person whose name, or one of whose mentions, is written `written`."""
        return self._index.by_name.get(normal_name(written))

    def pronoun_person(self, start: int, end: int) -> PersonEntry | None:
        """The person with a pronoun mention overlapping `start:end`."""
        for mention in self.mentions_between(start - 40, end):
            if mention.kind is MentionKind.PRONOUN and mention.start < end and start < mention.end:
                return self._index.by_id[mention.person]
        return None

    def refers_to(self, group: Group) -> tuple[Reference | None, str]:
        """Who a group is, and how it was read: `name`, `title` or `organisation`."""
        text = self.text
        if group.name is not None:
            name = text[group.name[0] : group.name[1]]
            person = self.person_of_name(group.name) or self.person_named(name)
            return (Reference(person.name, person) if person else Reference(name)), "name"
        if group.organisation:  # unless it is an acronym the text gives a person (`kata AFR`)
            span = (group.start, group.end)
            named = [
                self._index.by_id[m.person]
                for m in self.mentions_between(*span)
                if (m.start, m.end) == span and m.kind is MentionKind.SHORT_NAME and text[m.start : m.end].isupper()
            ]
            return (Reference(named[0].name, named[0]), "name") if named else (None, "organisation")
        person = self.person_at(group.start, group.end) or self.person_named(text[group.start : group.end])
        if person is not None:
            return Reference(person.name, person), "title"
        named = self.titled(group)
        if named is not None and named.name is not None:
            written = text[named.name[0] : named.name[1]]
            person = self.person_of_name(named.name)
            if person is not None and set(normal_name(written).split()) <= set(normal_name(person.name).split()):
                return Reference(person.name, person), "title"  # the fuller name: `M. Arsyad`, not `Arsyad`
            return Reference(written), "title"
        return Reference(text[group.start : group.end], named=False), "title"


class _Index:
    """The lookup tables of an inventory, built once."""

    def __init__(self, people: People) -> None:
        self.by_id = {person.id: person for person in people.persons}
        self.mentions = sorted((m for p in people.persons for m in p.mentions), key=lambda m: m.start)
        self.mention_starts = [mention.start for mention in self.mentions]
        self.longest_mention = max((m.end - m.start for m in self.mentions), default=0)
        #: Normalised names, then normalised mention texts -> the first person written so.
        self.by_name: dict[str, PersonEntry] = {}
        for person in people.persons:
            self.by_name.setdefault(normal_name(person.name), person)
        for person in people.persons:
            for mention in person.mentions:
                if mention.kind is not MentionKind.PRONOUN:
                    self.by_name.setdefault(normal_name(people.text[mention.start : mention.end]), person)
        self.phrase_starts = [phrase.start for phrase in people.phrases]
        self.phrase_by_start = {phrase.start: phrase for phrase in people.phrases}
        self.phrase_by_end = {phrase.end: phrase for phrase in people.phrases}
        self.named_by_titles: dict[tuple[str, ...], list[Group]] = {}
        for phrase in people.phrases:
            for group in phrase.groups:
                if group.name is not None and group.titles:
                    self.named_by_titles.setdefault(group.titles, []).append(group)


def normal_name(name: str) -> str:
    """A name for comparison: lower case, periods and commas as spaces, spaces collapsed."""
    return " ".join(name.lower().replace(".", " ").replace(",", " ").split())


def begins_or_ends(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """`words` are the first or the last words of `name` (`Ali` of `Budi Santoso`, `Mei Ling` of `Tan Mei Ling`)."""
    return name[: len(words)] == words or name[-len(words) :] == words


def name_ends(names: Sequence[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    """Every beginning and every end of each name (`known_name` looks them up)."""
    return frozenset(name[:n] for name in names for n in range(1, len(name) + 1)) | frozenset(
        name[-n:] for name in names for n in range(1, len(name) + 1)
    )
