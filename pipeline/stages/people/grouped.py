"""Persons named in a phrase that no title rule linked to a name: the name of a phrase group
that a title, rank, honorific or degree marks as a person's, or that stands next to a speech
verb (`Direktur Yayasan Sukamaju Lestari Budi Hartono mengatakan`, `kata Budi dari Y`,
`Budi, Koordinator X, ...`).

A group's name is the last run of words of its phrase that are no title, unit, body or place
word (`phrases`); here it must also read as a name:

- the words at its start that a place or body of the article covers, ending inside the name,
  are cut off (`Bank Sukamaju` read as a body leaves `Budi Hartono`), and a name with such a
  word, or a place of its own, inside is none; a place or body that starts before the name
  and runs on to its end took the name in;
- where the article's other uses of its words tell where a long name starts, it starts there:
  at a word used alone next to a speech verb (`Menurut Marlina` for `Founder Rumah Tenun
  Lestari Marlina Dewi Sartika`), with the name openings before it (`Gede Arya` after `Arya
  mengatakan`), or after an opening that the article writes alone as a body's name (`Rumah
  Tenun Lestari bekerja sama ...`); such a name beats the NER model's reading of the words;
- else, right after a body's kind word (`Universitas`, `Yayasan`, `Pusat`) the first words name
  the body: of three words or more the last two are the person's, of fewer none;
- a number right after it makes it a document or an amount (`Nomor 12`, `Rp 500`);
- a one-word name the article also writes in lower case is a common word (`Saya`, `Upaya`),
  and so is a longer one all of whose words it writes so; a sentence opener
  (`name_stopwords.txt`: `Dikonfirmasi`) is in none;
- a one-word name has three letters or more and is no month, weekday or kecamatan, and one
  that only a speech verb marks (no title, rank, honorific ...) must stand inside a sentence
  somewhere in the article, not only at the start of sentences (`Upaya mengajak warga ...`);
- it is no region (`words.plausible_name`).

The mention of a person who holds no office covers a rank written right before the name, with
its corps words and the honorifics after it (`Komisaris Besar Budi Hartono`, `Kolonel (Inf) dr
Budi`), as a titled official's mention does (`names.parse_name_after`); the name leaves them
out (`add_ranks`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.gazetteer import gazetteer
from pipeline.inventory import Group
from pipeline.record import PlaceLevel
from pipeline.spans import Coverage
from pipeline.stages.people.aliases import bare_owner
from pipeline.stages.people.clusters import Cluster, contains
from pipeline.stages.people.words import after_no_name_word, canonical_name, plausible_name, stop_words
from pipeline.tokens import Tokens
from pipeline.vocabulary import Vocabulary, vocabulary
from pipeline.vocabulary import person_words as person_roles
from pipeline.vocabulary.people import person_words
from pipeline.vocabulary.speech import speech_lexicon

#: Tokens of a rank and what follows it before the name (`Ajun Komisaris Besar (Pol) dr`), at most.
MAX_RANK_TOKENS = 7
#: Letters of a one-word name, at least (`Si` of a degree `M. Si` is none).
MIN_ONE_WORD_NAME = 3
#: Words of a name right after a body's kind word that are the person's: the rest names the body.
BODY_NAME_KEPT = 2
#: Characters before the text's first word, at most (an opening quotation mark, spaces).
QUOTE_OPENING = 4
#: What precedes a word that opens a sentence: a line's start or a sentence's end, and maybe an
#: opening quotation mark.
_OPENS_SENTENCE = re.compile(r"(?:\n|[.!?]\s+)[“”\"‘’']?\s*$")
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*(?![\w’'-])")


def grouped_persons(reader: NameReader, clusters: Sequence[Cluster], groups: Sequence[Group]) -> list[Cluster]:
    """The persons of `groups` whose names no cluster has: one per name, a shorter form of a
    name (`Budi` after `Budi Hartono`) being a mention of it."""
    tokens = reader.tokens
    taken = Coverage((start, end) for cluster in clusters for start, end, _ in cluster.mentions)
    known = [cluster.name.split() for cluster in clusters]
    persons: list[Cluster] = []
    for group in groups:
        span = reader.name_tokens(group)
        if span is None:
            continue
        first, stop = span
        start, end = tokens.chars(first, stop)
        if taken.overlaps(start, end):
            continue
        words = canonical_name(tokens.text[start:end]).split()
        owners = [
            (c, name) for c, name in zip(clusters, known, strict=True) if contains(name, words) or contains(words, name)
        ]
        if owners:  # a person found before, whose mention here `add_name_mentions` may not see (`Bank Sukamaju Budi`)
            if len(owners) == 1:
                owner, name = owners[0]
                owner.mentions.append((start, end, "name" if words == name else "short_name"))
            continue
        misspelt = bare_owner(words[0], [*clusters, *persons]) if len(words) == 1 else None
        if misspelt is not None:  # `Holenberg mengatakan` after `Martin Hollenberg`
            misspelt.mentions.append((start, end, "short_name"))
            continue
        cluster = next((p for p in persons if contains(p.name.split(), words) or contains(words, p.name.split())), None)
        if cluster is None:
            cluster = Cluster(" ".join(words), None, None, None, "", start, official=False)
            persons.append(cluster)
        elif len(words) > len(cluster.name.split()):
            cluster.name = " ".join(words)
        cluster.mentions.append((start, end, "name"))
    for cluster in persons:
        full = cluster.name.split()
        cluster.mentions = [
            (start, end, "name" if tokens.text[start:end].split()[-len(full) :] == full else "short_name")
            for start, end, _ in cluster.mentions
        ]
    return persons


def attested_names(reader: NameReader, groups: Sequence[Group]) -> dict[tuple[int, int], tuple[int, int]]:
    """The names of `groups` whose start the article's other uses of their words tell
    (`NameReader._attested_start`), by the span of the group's name: the character span of
    the name. These beat the NER model's reading of the same words, and the words cut off are no
    person's (`Founder Rumah Tenun Lestari Marlina Dewi` ... `Menurut Marlina`)."""
    spans = {}
    for group in groups:
        read = reader.read_name(group)
        if group.name is not None and read is not None and read[2]:
            spans[group.name] = reader.tokens.chars(read[0], read[1])
    return spans


def name_reader(tokens: Tokens, places: Sequence[tuple[int, int]], bodies: Sequence[tuple[int, int]]) -> NameReader:
    """The reader of the names of an article's groups; `places` and `bodies` are the spans of the
    article's places and bodies that the rules found."""
    uses: dict[str, list[int]] = {}
    for index, word in enumerate(tokens.words):
        if word[:1].isupper():
            uses.setdefault(word, []).append(index)
    lower = frozenset(_LOWER_WORD.findall(tokens.text))
    return NameReader(tokens, _Spans(places), _Spans((*places, *bodies)), lower, vocabulary(), uses)


class _Spans:
    """Character spans, found by a position they cover in logarithmic time (a 20 MB article has
    tens of thousands of places)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]
        self.longest = max((end - start for start, end in self.spans), default=0)

    def covering(self, position: int) -> list[tuple[int, int]]:
        """The spans with start <= position < end."""
        first = bisect_left(self.starts, position - self.longest)
        return [(s, e) for s, e in self.spans[first : bisect_right(self.starts, position)] if position < e]


@dataclass(frozen=True, slots=True)
class NameReader:
    """Reads the personal name of a phrase group (see the module docstring)."""

    tokens: Tokens
    #: The places the rules found, and those with the bodies.
    places: _Spans
    things: _Spans
    #: The words the article writes in lower case.
    lower: frozenset[str]
    vocab: Vocabulary
    #: Capitalised word -> the indices of its tokens.
    uses: dict[str, list[int]]

    def name_tokens(self, group: Group) -> tuple[int, int] | None:
        """The tokens of the group's name that read as a personal name (see the module docstring)."""
        read = self.read_name(group)
        return read[:2] if read is not None else None

    def read_name(self, group: Group) -> tuple[int, int, bool] | None:
        """`name_tokens`, and whether the article's other uses of its words told where it starts."""
        tokens = self.tokens
        first = tokens.index_at(group.name[0]) if group.name is not None else None
        if group.name is None or first is None:
            return None
        stop = tokens.end_token(group.name[1])
        end = tokens.ends[stop - 1]
        while first < stop and self._inside_thing(tokens.starts[first], end):
            first += 1
        attested = self._attested_start(first, stop, self._lead(group, first))
        if attested is not None:
            first = attested
        elif first < stop and self._after_body_word(first):
            first = stop - BODY_NAME_KEPT if stop - first > BODY_NAME_KEPT else stop
        words = tokens.words[first:stop]
        if after_no_name_word(tokens.words, first):
            return None
        if not words or any(self._covered(tokens.starts[i], tokens.starts[first], end) for i in range(first, stop)):
            return None
        if stop < len(tokens) and any(char.isdigit() for char in tokens.words[stop]):
            return None  # `Nomor 12`, `Rp 500`: a document or an amount
        if all(word.lower() in self.lower for word in words) or any(word in stop_words() for word in words):
            return None
        if not all(word[:1].isalpha() for word in words):  # `-Qomaru` of `Wahdi-Qomaru`
            return None
        if len(words) == 1 and not self._one_word_name(words[0], group):
            return None
        return (first, stop, attested is not None) if plausible_name(tokens, first, stop, self.vocab) else None

    def _lead(self, group: Group, first: int) -> int:
        """The capitalised word of the group right before its name that a place's kind word
        before it kept out of the name (`Hotel Indra Muaz`), else `first`."""
        k = first - 1
        while k >= 0 and self.tokens.words[k].isspace():
            k -= 1
        word = self.tokens.words[k] if k >= 0 else ""
        inside = k >= 0 and self.tokens.starts[k] >= group.start
        if inside and word.isalpha() and word[:1].isupper() and not person_words().kind(word.lower()):
            return k
        return first

    def _attested_start(self, first: int, stop: int, lead: int) -> int | None:
        """Where a long name run really starts, by the article's other uses of its words
        (`Founder Rumah Tenun Lestari Marlina Dewi ...`): the last word of it, with two words or
        more from it to the end, that the article uses alone next to a speech verb (`Menurut
        Marlina`, `Marlina mengatakan`); else the end of its longest opening of two words or more
        that the article writes alone, away from a speech verb, as a body is (`Rumah Tenun
        Lestari bekerja sama ...`). None when neither tells."""
        if stop - lead < BODY_NAME_KEPT:
            return None
        words = self.tokens.words
        openings = person_roles().words("name_opening")
        for i in range(stop - BODY_NAME_KEPT, lead - 1, -1):
            if i != first and any(self._speaker_use(k) for k in self.uses.get(words[i], ()) if not lead <= k < stop):
                while i > lead and words[i - 1] in openings:
                    i -= 1
                return i
        if stop - first <= BODY_NAME_KEPT:
            return None
        for i in range(stop - BODY_NAME_KEPT, first + 1, -1):
            opening = words[first:i]
            for k in self.uses.get(opening[0], ()):
                if first <= k < stop or words[k : k + len(opening)] != opening:
                    continue
                after = k + len(opening)
                if after < len(words) and not words[after][:1].isupper() and not self._speaker_use(k, after - 1):
                    return i
        return None

    def _speaker_use(self, first: int, last: int | None = None) -> bool:
        """The words `first` to `last` stand next to a speech verb: before an active one, or after
        a bare one or a preposition (`kata`, `Menurut`)."""
        words = self.tokens.words
        verbs = speech_lexicon().verbs
        following = _word_beside(words, first if last is None else last, 1)
        previous = _word_beside(words, first, -1)
        after = verbs.get(following.lower()) if following is not None else None
        before = verbs.get(previous.lower()) if previous is not None else None
        return (after is not None and after.voice == "active") or (
            before is not None and before.voice in ("bare", "preposition")
        )

    def _one_word_name(self, word: str, group: Group) -> bool:
        """A one-word name has three letters or more, is no month, weekday (`Juni, Gubernur X`) or
        kecamatan of the gazetteer, and without a title or the like in its group, the article
        writes it somewhere inside a sentence: a common word reads as a name at a sentence's
        start only (`Upaya mengajak ...`)."""
        words = person_words()
        if len(word) < MIN_ONE_WORD_NAME or word.lower() in words.months or word.lower() in words.weekdays:
            return False
        if gazetteer().lookup(word, levels=(PlaceLevel.DISTRICT,)):
            return False  # `Camat Kepulauan Sukamaju`: a kecamatan
        if group.person_evidence:
            return True
        text = self.tokens.text
        return any(not _opens_sentence(text, m.start()) for m in re.finditer(rf"\b{re.escape(word)}\b", text))

    def _inside_thing(self, position: int, end: int) -> bool:
        """A place or body covers `position` and ends before `end`."""
        return any(e < end for _, e in self.things.covering(position))

    def _covered(self, position: int, start: int, end: int) -> bool:
        """A place or body covers `position` and ends before `end`, or a place that starts with
        the name at `start` or inside it covers it. A place or body that starts before the name
        and runs on to its end took the name in (`Bank Sukamaju Budi Hartono`, `Desa Sukamaju
        Budi`)."""
        return any(start <= s for s, _ in self.places.covering(position)) or self._inside_thing(position, end)

    def _after_body_word(self, first: int) -> bool:
        """The name follows a body's kind word (`Universitas`, `Yayasan`), connectors aside
        (`Institute for`): its first words are the body's name."""
        words = person_words()
        speech = speech_lexicon()
        k = first - 1
        while k >= 0 and speech.function(self.tokens.words[k].lower()) == "foreign_connector":
            k -= 1
        return k >= 0 and words.kind(self.tokens.words[k].lower()) in ("organisation", "organisation_prefix")


def _word_beside(words: Sequence[str], index: int, step: int) -> str | None:
    """The first token before (`step` -1) or after (1) `index` that is not white space."""
    index += step
    while 0 <= index < len(words) and words[index].isspace():
        index += step
    return words[index] if 0 <= index < len(words) else None


def add_ranks(tokens: Tokens, clusters: Sequence[Cluster]) -> None:
    """The name mentions of persons who hold no office take in a rank written right before them,
    with the honorifics after it (`Komisaris Besar Budi Hartono`, `Kolonel (Inf) dr Budi`)."""
    vocab = vocabulary()
    for cluster in clusters:
        if cluster.official:
            continue
        cluster.mentions = [
            (_rank_start(tokens, start, vocab), end, kind) if kind == "name" else (start, end, kind)
            for start, end, kind in cluster.mentions
        ]


def _opens_sentence(text: str, position: int) -> bool:
    """The word at `position` opens a sentence (or the text)."""
    if position < QUOTE_OPENING and not text[:position].strip("“”\"‘’' "):
        return True
    return _OPENS_SENTENCE.search(text, max(0, position - 8), position) is not None


def _rank_start(tokens: Tokens, start: int, vocab: Vocabulary) -> int:
    """Where a rank written right before the name at `start` starts, else `start`."""
    first = tokens.index_at(start)
    if first is None:
        return start
    words = tokens.words
    for k in range(max(0, first - MAX_RANK_TOKENS), first):
        j = k
        while j < first and (
            (rank := vocab.ranks.match(words, j)) is not None or (j > k and words[j] in vocab.honorifics)
        ):
            j = rank[0] if rank is not None else j + 1
        if j == first:
            return tokens.starts[k]
    return start
