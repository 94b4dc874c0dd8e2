"""Person phrases: the capitalised phrases of the text, split into the persons, titles and bodies
they name.

A phrase is a run of capitalised words (and abbreviations, and lower-case honorifics and
region prefixes inside it: `Kepala Dinas Kesehatan dr Wiji`, `Sekda kabupaten X`), joined by
commas before a capitalised word, by `dan` in a title or next to a title or unit word, by
name particles (`bin`), English connectors in a body's name (`of`) and short parentheses
(`(Kadisperindag)`, `(67)`). A speech verb, a function word that never starts a name
(`Namun`), a weekday, a month name next to a number (`Mei 2025`; not `Mei Ling`), a sentence
period or a line break ends it.

A phrase is split at its commas into segments, and each segment into titles, unit words, a
name (the last run of words that are no title, unit, organisation or place) and marks of a
person (a title, rank, honorific, degree or age) or of a body; the segments make groups
(see `_groups`). What each word is comes from `vocabulary.people.person_words`; the
article's own place words (`article_places.known_places`) count as places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.gazetteer import gazetteer
from pipeline.inventory import Group, Phrase
from pipeline.stages.people.article_places import known_places
from pipeline.stages.people.reading import OutsideMarks, PhraseReading
from pipeline.tokens import Shape, Word, Words
from pipeline.vocabulary.people import NON_NAME_KINDS, PERSON_KINDS, TITLE_KINDS, UNIT_KINDS, PersonWords
from pipeline.vocabulary.speech import SpeechLexicon

#: Function words that never start or continue a name (`Namun`, `Di`, `Of`); object nouns may.
CLOSED_FUNCTIONS = frozenset(
    {
        "closed_class",
        "argument",
        "predicate",
        "subordinator",
        "wish",
        "preposition",
        "addressee",
        "agent_preposition",
        "complementizer",
        "purpose",
        "relative",
        "connector",
        "foreign_connector",
        "demonstrative",
        "back_reference",
    }
)
#: Capitalised words between a lower-case word inside a body's name and the acronym closing it, at most.
ACRONYMED_NAME_WORDS = 4
#: Tokens of a short parenthesis inside a phrase, at most.
PARENTHESIS_TOKENS = 5
#: A word that can be part of a personal name: letters, apostrophes and hyphens.
_NAME_WORD = re.compile(r"[^\W\d_](?:[’'-]?[^\W\d_])*")


class PhraseReader:
    """Reads the person phrases of one text."""

    def __init__(
        self,
        text: str,
        words: PersonWords,
        speech: SpeechLexicon,
        dateline_place: str | None,
        descriptors: frozenset[str] = frozenset(),
    ) -> None:
        self.text = text
        self.words = words
        self.speech = speech
        self.marks = OutsideMarks(text, speech, descriptors)
        self.places = known_places(text, words, speech, dateline_place)

    def read(self, all_words: Words) -> PhraseReading:
        phrases: list[Phrase] = []
        line: list[Word] = []
        for word in all_words.all:
            if word.after_break and line:
                phrases.extend(self._split(line))
                line = []
            line.append(word)
        if line:
            phrases.extend(self._split(line))
        named = [
            group
            for phrase in phrases
            for group in phrase.groups
            if group.name is not None
            and not group.organisation
            and (group.person_evidence or self.marks.speaks(phrase, group) or self.marks.described(phrase, group))
        ]
        return PhraseReading(tuple(phrases), tuple(named))

    # --- words ---

    def kind(self, word: Word) -> str | None:
        """Kind of a word of a phrase; `place` also for the article's known places; `degree` for
        an unknown abbreviation."""
        if word.shape is Shape.ABBREVIATION:
            return self.words.kind(word.lower.rstrip(".")) or "degree"
        kind = self.words.kind(word.lower)
        if kind is None and word.lower in self.places:
            return "place"
        return kind

    def _startable(self, words: Sequence[Word]) -> tuple[list[bool], list[bool]]:
        """For each word of a line: can it start a phrase, can it be inside one. A word that can be
        part of a phrase is capitalised, not a speech verb or function word (`Namun`), not a
        weekday, not a month name next to a number; inside a phrase also a lower-case honorific
        (`dr`) or region prefix before a capitalised word (`kabupaten`)."""
        starts = []
        insides = []
        for index, word in enumerate(words):
            lower = word.lower
            if word.shape is Shape.LOWER:
                starts.append(False)
                following = words[index + 1] if index + 1 < len(words) else None
                region = lower in self.words.region_prefixes and following is not None and following.shape is Shape.CAP
                insides.append(self.words.kind(lower) == "honorific" or (region and bool(insides) and insides[-1]))
                continue  # `Kepala Dinas Kesehatan dr Wiji`, `Sekretaris Daerah kabupaten Sukamaju Budi`
            ok = word.shape in (Shape.CAP, Shape.ACRONYM, Shape.ABBREVIATION) and lower not in self.speech.verbs
            ok = ok and self.speech.function(lower) not in CLOSED_FUNCTIONS and lower not in self.words.weekdays
            if ok and lower in self.words.months:
                ok = not any(
                    0 <= near < len(words) and words[near].shape is Shape.NUMBER for near in (index - 1, index + 1)
                )
            starts.append(ok)
            insides.append(ok)
        return starts, insides

    # --- phrases ---

    def _split(self, words: list[Word]) -> list[Phrase]:
        """The phrases of a line (see the module docstring)."""
        phrases = []
        starts, insides = self._startable(words)
        index = 0
        while index < len(words):
            if not starts[index]:
                index += 1
                continue
            first = last = index
            titled = self.kind(words[index]) in NON_NAME_KINDS
            index += 1
            while index < len(words):
                word = words[index]
                if insides[index]:
                    titled = titled or self.kind(word) in NON_NAME_KINDS
                    last = index
                    index += 1
                    continue
                following = index + 1 < len(words) and insides[index + 1]
                if word.text == "," and following and words[index + 1].lower not in self.words.pronouns:
                    index += 1
                    continue
                if following and self._joins(word, words[index - 1], words[index + 1], titled=titled):
                    index += 1
                    continue
                if titled and following and self._inside_acronymed_name(words, insides, index):
                    index += 1  # `Organisasi Pengusaha Angkutan di Jalan (Orpad)`: one body's name
                    continue
                if (
                    word.text == ","
                    and titled
                    and index + 2 < len(words)
                    and self.speech.function(words[index + 1].lower) == "connector"
                    and insides[index + 2]
                ):
                    index += 2  # `Dinas Perumahan, Cipta Karya, dan Tata Ruang`
                    continue
                close = parenthesis_end(words, index)
                if close is not None:
                    last = close
                    index = close + 1
                    continue
                break
            groups = tuple(self._groups(words[first : last + 1]))
            phrases.append(Phrase(words[first].start, words[last].end, groups))
            index = max(index, last + 1)
        return phrases

    def _joins(self, word: Word, before: Word, after: Word, *, titled: bool) -> bool:
        """A lower-case word inside a phrase: `dan` in a title or next to a title or unit word
        (`Komunikasi dan Informatika`), `of`/`for` in an English name, a name particle (`bin`)."""
        function = self.speech.function(word.lower)
        if function == "connector":
            return titled or self.kind(before) in NON_NAME_KINDS or self.kind(after) in NON_NAME_KINDS
        return function == "foreign_connector" or self.words.kind(word.lower) == "particle"

    def _inside_acronymed_name(self, words: list[Word], insides: list[bool], index: int) -> bool:
        """The lower-case function word at `index` is inside a body's name that its acronym in
        parentheses (one word: `Orpad`, `JPR`) closes, a few capitalised words after it (`...
        Angkutan di Jalan (Orpad)`, `Jaringan Pemilih untuk Rakyat (JPR)`); no title is among
        those words, and the acronym is not theirs alone (`dalam Keputusan Menteri (KM)`)."""
        if words[index].shape is not Shape.LOWER or self.speech.function(words[index].lower) is None:
            return False
        k = index + 1
        while k < len(words) and k - index <= ACRONYMED_NAME_WORDS and insides[k] and words[k].shape is Shape.CAP:
            k += 1
        close = parenthesis_end(words, k) if k < len(words) and k > index + 1 else None
        if close != k + 2 or words[k + 1].shape not in (Shape.ACRONYM, Shape.CAP):
            return False
        between = words[index + 1 : k]
        if any(self.kind(word) in TITLE_KINDS for word in between):
            return False  # `Budi dalam Keputusan Menteri (KM)`: a document after the name
        return words[k + 1].text.upper() != "".join(word.text[0] for word in between).upper()

    def _groups(self, words: list[Word]) -> list[Group]:
        """The phrase split at commas into segments, and the segments into people or bodies.

        A new group starts at a segment with a name when the current group has one already
        (`Menteri A, Menteri B`) or is a body (`Universitas X, Budi`); a segment without a
        name joins the current group (`Kepala Dusun X, Kecamatan Y, Budi`; `Budi, Kepala
        Desa X`), unless both are titles without a name (`Kantor Camat, Kakan Kemenag`). A
        name followed by a segment that opens with a title is a person (`Abdian, Koordinator
        X`); a one-word "name" after a title, followed by a name, was the
        jurisdiction (`Kapolres Sukamaju, AKBP Yudi Hartono`).
        """
        segments: list[list[Word]] = [[]]
        for word in words:
            if word.text == ",":
                segments.append([])
            else:
                segments[-1].append(word)
        groups: list[Group] = []
        for segment in segments:
            if not segment:
                continue
            group = self._segment(segment)
            current = groups[-1] if groups else None
            if current is not None and current.name is not None and self.kind(segment[0]) in TITLE_KINDS:
                current = groups[-1] = replace(current, person_evidence=True)
            if (
                current is not None
                and current.titles
                and current.name is not None
                and group.name is not None
                and " " not in self.text[current.name[0] : current.name[1]]
                and self.kind(segment[0]) not in TITLE_KINDS
            ):
                current = groups[-1] = replace(current, name=None)  # `Kapolres Sukamaju, AKBP Yudi`: the jurisdiction
            separate = group.name is not None and (current is None or current.name is not None or current.organisation)
            separate = separate or (  # `Kantor Camat, Kakan Kemenag`: two titles, no one named in either
                current is not None
                and current.name is None
                and current.titles
                and group.name is None
                and self.kind(segment[0]) in TITLE_KINDS
            )
            if current is None or separate:
                groups.append(group)
                continue
            titles = current.titles + group.titles
            groups[-1] = replace(
                current,
                end=group.end,
                name=current.name or group.name,
                titles=titles,
                units=current.units + group.units,
                written_titles=current.written_titles + group.written_titles,
                person_evidence=current.person_evidence or group.person_evidence,
                organisation=(current.organisation or group.organisation) and not titles,
            )
        return groups

    def _segment(self, words: list[Word]) -> Group:
        """What a comma-free stretch of a phrase holds: titles, a name (the last run of words
        that are no title, unit, organisation or place), marks of a person or a body."""
        titles: list[str] = []
        units: list[str] = []
        written: list[str] = []
        evidence = False
        organisation = thing = self.kind(words[0]) == "document"
        runs: list[tuple[int, int]] = []
        run_start: int | None = None
        after_place_kind = False
        first_title: int | None = None
        index = 0
        while index < len(words):
            word = words[index]
            close = parenthesis_end(words, index)
            if close is not None:
                evidence = evidence or words[index + 1].shape is Shape.NUMBER  # an age: `Onih (67)`
                if run_start is not None:
                    runs.append((run_start, index - 1))
                    run_start = None
                index = close + 1
                continue
            kind = self.kind(word)
            name_like = kind is None and word.shape is Shape.CAP and _NAME_WORD.fullmatch(word.text) is not None
            name_like = name_like and self.speech.function(word.lower) not in CLOSED_FUNCTIONS
            name_like = (name_like and not after_place_kind) or (kind == "particle" and run_start is not None)
            name_like = name_like or (run_start is not None and self._closing_name_word(words, index))
            if name_like:
                if run_start is None:
                    run_start = index
            else:
                if run_start is not None:
                    runs.append((run_start, index - 1))
                    run_start = None
                expansion = self.words.title_words.get(word.lower)
                if kind in TITLE_KINDS:
                    written.append(word.lower)
                    first_title = index if first_title is None else first_title
                if expansion is not None:  # `Mensos`: the words of `Menteri Sosial`
                    titles.extend(expansion.titles)
                    units.extend(expansion.units)
                elif kind in TITLE_KINDS:
                    titles.append(word.lower)
                elif kind in UNIT_KINDS:
                    units.extend(self.words.office_units.get(word.lower) or (word.lower,))
                evidence = evidence or kind in PERSON_KINDS
                organisation = (
                    organisation
                    or kind in ("organisation", "organisation_prefix")
                    or (kind is None and word.shape is Shape.ACRONYM)
                )
            after_place_kind = kind == "place_kind"
            index += 1
        if run_start is not None:
            runs.append((run_start, len(words) - 1))
        runs = [
            run
            for run in runs
            if (first_title is None or run[0] > first_title)
            and any(len(word.text) > 1 for word in words[run[0] : run[1] + 1])
        ]
        name = None
        if runs and not thing and self._ends_segment(words, runs[-1][1]):
            run_first, run_last = runs[-1]
            while run_last > run_first and self.kind(words[run_last]) == "particle":
                run_last -= 1
            name = (words[run_first].start, words[run_last].end)
        return Group(
            start=words[0].start,
            end=words[-1].end,
            name=name,
            titles=tuple(titles),
            units=tuple(units),
            written_titles=tuple(written),
            person_evidence=evidence,
            organisation=thing or (organisation and not titles),
        )

    def _closing_name_word(self, words: list[Word], index: int) -> bool:
        """A word of a province's name that ends a name (`Alfatih Timur`, `Rizal Utara`): the last
        word of its segment after a name word, no region itself nor with the word before it
        (`Jakarta Timur`)."""
        word = words[index]
        if self.kind(word) != "place" or word.shape is not Shape.CAP or not self._ends_segment(words, index):
            return False
        regions = gazetteer()
        return not regions.lookup(word.text) and not regions.lookup(f"{words[index - 1].text} {word.text}")

    def _ends_segment(self, words: list[Word], last: int) -> bool:
        """Only degrees, honorifics, ranks and a parenthesis follow `words[last]`: a name ends
        its title phrase (`Kepala Bidang X Dinas Y Budi`, not the `X` of it)."""
        index = last + 1
        while index < len(words):
            close = parenthesis_end(words, index)
            if close is not None:
                index = close + 1
                continue
            if self.kind(words[index]) not in ("degree", "honorific", "rank"):
                return False
            index += 1
        return True


def parenthesis_end(words: Sequence[Word], index: int) -> int | None:
    """The index of the `)` of a short parenthesis of capitalised words or an age opening at
    `index` (`(Kadisperindag)`, `(Asisten II)`, `(67)`), or None."""
    if words[index].text != "(":
        return None
    for close in range(index + 1, min(index + PARENTHESIS_TOKENS + 1, len(words))):
        word = words[close]
        if word.text == ")":
            return close if close > index + 1 else None
        if word.shape in (Shape.LOWER, Shape.PUNCT):
            return None
    return None
