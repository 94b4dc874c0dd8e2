"""Quotes: what was said and by whom — direct quotations and reported statements.

Strategies, each tagging what it finds with its `rule`. Candidates are merged by span
overlap, the first rule of this list winning (the more precise one):

1. `quote_marks`: the text between quotation marks: `“...”`, `"..."`, `”...”` (both marks alike),
   quotes over several paragraphs (an opening mark on each, the closing mark at the end),
   single marks inside double ones kept as part of the quote. A pair is a statement when a
   cue is next to it (`,” kata Budi`, `Budi mengatakan, “...”`, `Ia berkata: "..."`) or
   when it stands as a sentence of its own (the second half of a quote split by its cue); a
   short phrase in marks inside a sentence (`”wajah baru”`) is a scare quote, not a
   statement. An unbalanced mark costs one candidate and a `quote_unbalanced` warning.
2. `reported_bahwa`: a speech verb and a `bahwa` clause.
3. `according_to`: `Menurut X, ...` (the clause), `..., menurut X, ...` (the sentence).
4. `reported_comma`: `Ia menambahkan, ...`; `reported_colon`: `X menjelaskan: ...`.
5. `reported_request`: `meminta warga agar ...`, the addressee included.
6. `reported_cue`: `..., kata dia, ...` outside quotation marks: the whole sentence.
7. `reported_clause`: a verb that takes a bare clause (`menyebutkan stok beras cukup`)
   or an opener (`menegaskan pentingnya ...`).

Cues come from `lexicons/speech_verbs.tsv`. Speakers:

- explicit: the phrase next to the cue (`kata Wali Kota Budi`, `Sekda mengatakan`); the
  speaker mention is its name, or the title when it has none (`tegas Kapolres`), which is
  resolved to the person introduced with the same title;
- pronoun (`ujarnya`, `kata dia`, `Ia menambahkan`, `Menurutnya`): the mention is the
  pronoun as written (`nya` of `ujarnya`); the speaker is its antecedent. Walking back
  sentence by sentence, the first sentence that names a person outside quotation marks
  or holds an attributed quote gives its subject (the person that opens it, or follows its
  opening phrase and comma, unless it is inside a statement reported there), else the
  speaker quoted in it, else its first named person not after a preposition (`kepada
  Presiden`) — so the subject of the preceding sentences, not merely the last quoted
  speaker. A person after a preposition, then a title the article gives no name for
  (`Pengamat`), are taken only when nothing better is found;
- a quote with no cue takes the antecedent of its position in the same way.

Person mentions are found here: phrases with a title, rank, honorific, degree or age, and
bare names seen in such a phrase or next to a cue. What each word of a phrase is comes
from the shared vocabulary (`pipeline.vocabulary.word_kinds`: titles, ranks, honorifics,
degrees, organisations, units, region prefixes, venues, person descriptors), the province
names of the gazetteer, and the stage's own `speaker_words.tsv` (pronouns, particles,
kinship and document words, job titles of companies, and the words it reads otherwise).
With `people` (the officials and persons stage) their mentions are added, and a speaker
mention is linked to the person with a mention of the last word of its name (or whose
name or mention text it matches): `speaker_id` and the canonical `speaker`. A phrase read
as a body or a place is no person, whatever `people` say of its words. Without people,
`speaker` is the name as written in the mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache

from spacy.tokens import Doc

from pipeline.gazetteer import gazetteer
from pipeline.lexicons import read_table
from pipeline.nlp import abbreviations
from pipeline.record import Dateline, Person, PlaceLevel, Quote, QuoteKind, RecordWarning, Span
from pipeline.tokens import text_of
from pipeline.vocabulary import WordKind, vocabulary, word_kinds

#: Merge order: a candidate overlapping one of an earlier rule is dropped.
RULES: tuple[str, ...] = (
    "quote_marks",
    "reported_bahwa",
    "according_to",
    "reported_comma",
    "reported_colon",
    "reported_request",
    "reported_cue",
    "reported_clause",
)
#: How sure a rule is that its span is a statement.
SPAN_CONFIDENCE: dict[str, float] = {
    "quote_marks": 1.0,
    "reported_bahwa": 0.9,
    "according_to": 0.9,
    "reported_comma": 0.85,
    "reported_colon": 0.85,
    "reported_request": 0.75,
    "reported_cue": 0.8,
    "reported_clause": 0.7,
}
#: How sure an attribution is, by how the speaker was found.
ATTRIBUTION_CONFIDENCE: dict[str, float] = {
    "name": 0.95,
    "title": 0.85,
    "pronoun": 0.8,
    "floating": 0.6,
    "organisation": 0.7,
    "unnamed": 0.7,
    "none": 0.5,
}
#: Factor for a quote whose marks do not pair up (its end is a guess).
UNBALANCED_FACTOR = 0.6
#: Sentences walked back to find the antecedent of a pronoun.
ANTECEDENT_SENTENCES = 12
#: Lower-case words skipped between a subject and its verb (`Ali juga menyoroti`).
SUBJECT_GAP = 6
#: A quotation that starts a sentence is a statement with this many words, or ending in punctuation.
FLOATING_MIN_WORDS = 6
#: Words of a reported statement, at least.
STATEMENT_MIN_WORDS = 3
#: Words between a request verb and its `agar`/`untuk`, at most.
REQUEST_GAP = 8
#: Letters of a word compared with the starts of the `*_prefix` rows before testing them.
PREFIX_HEAD = 3
#: Characters after a speech verb read for its complement (`bahwa`, a comma, `agar` ...).
COMPLEMENT_CHARS = 100
#: Words of a description before a speaker's name after a cue (`kata ahli epidemiologi dari X, Budi`).
DESCRIPTION_WORDS = 8
#: Words of a place name after `Kabupaten`, `Desa` ..., at most (`Deli Serdang`).
PLACE_WORDS = 2
#: Letters of an honorific, rank or degree that keeps its period (`Kol.`, `Prof.`).
ABBREVIATION_MAX = 5
#: Tokens walked back from a subject over an appositive to its head (`Rahmat, kuasa hukum X, menyatakan`).
APPOSITIVE_GAP = 12

_OPENING = "“„«"
_CLOSING = "”»"
_DOUBLE_MARKS = re.compile(r"[“„«”»\"]")
_QUOTE_CHARS = "“„«”»\"‘’'"
_OPEN_BEFORE = "([{—–-/:"
_CLOSE_AFTER = ",.;:!?)]}—–…"
_SENTENCE_FINAL = ".!?…"
_TOKEN = re.compile(r"(?:[^\W\d_]{1,6}\.){2,}|[^\W\d_](?:[\w’'-]*\w)?\.?|\d+(?:[.,:/]\d+)*|\S")
_MULTI_PERIOD = re.compile(r"(?:[^\W\d_]{1,6}\.){2,}")
_WORD_END = r"(?![\w’'-])"
#: A capitalised word, or an abbreviation such as `S.Sos.`; patterns start with a capital so
#: that the regex engine skips ahead fast; whether it starts a word is checked after.
_CAP_WORD = r"[A-Z](?:[A-Za-z]{0,5}\.(?:[A-Za-z]{1,6}\.)+|[\w’'-]*\.?)"
_SPACE = re.compile(r"\s")
_TITLE_KINDS = frozenset({"title", "title_prefix"})
_PERSON_KINDS = frozenset({"title", "rank", "honorific", "kinship", "degree", "title_prefix"})
#: Function words that never start or continue a name (`Namun`, `Di`, `Of`); object nouns may.
_CLOSED_FUNCTIONS = frozenset(
    {
        "closed_class",
        "preposition",
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
_UNIT_KINDS = frozenset({"unit", "organisation", "organisation_prefix"})
_NON_NAME_KINDS = _PERSON_KINDS | _UNIT_KINDS | {"place_kind", "place"}
#: How the stage reads a word of the shared vocabulary (`pipeline.vocabulary.word_kinds`): the
#: first kind of this list the word has decides (`Irjen`, a rank and a title, is a rank).
VOCABULARY_KINDS: tuple[tuple[WordKind, str], ...] = (
    (WordKind.ORGANISATION, "organisation"),
    (WordKind.RANK, "rank"),
    (WordKind.TITLE, "title"),
    (WordKind.MODIFIER, "title"),
    (WordKind.HONORIFIC, "honorific"),
    (WordKind.DEGREE, "degree"),
    (WordKind.REGION_PREFIX, "place_kind"),
    (WordKind.VENUE, "place_kind"),
    (WordKind.UNIT, "unit"),
    (WordKind.DESCRIPTOR, "title"),
)
#: Function-word kinds of prepositions: a phrase after one is not the subject of a verb.
_PREPOSITIONS = frozenset({"preposition", "agent_preposition"})
#: Speech-verb kinds whose active forms take a bare clause (`mengatakan pihaknya siap`).
_BARE_CLAUSE_KINDS = frozenset({"say", "assess"})


# --- lexicons --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    """A row of `speech_verbs.tsv`."""

    form: str
    base: str
    voice: str  # bare, nya, active, passive, preposition
    kind: str


@dataclass(frozen=True, slots=True)
class TitleWords:
    """The title and unit words an abbreviated title stands for: `Mensos` -> `menteri` + `sosial`."""

    titles: tuple[str, ...]
    units: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    """The word lists of the stage, keyed by lower-case form."""

    verbs: dict[str, SpeechVerb]
    #: Word -> kind (title, organisation, place ...): the shared vocabulary read by
    #: `VOCABULARY_KINDS`, the provinces of the gazetteer and `speaker_words.tsv`.
    words: dict[str, str]
    #: The `*_prefix` rows of `speaker_words.tsv`: (prefix, kind) matching the start of a longer word.
    prefixes: tuple[tuple[str, str], ...]
    #: The first letters of the prefixes: most words need no prefix test.
    prefix_heads: frozenset[str]
    #: `statement_words.tsv`: word -> kind (complementizer, preposition ...).
    function_words: dict[str, str]
    #: Weekday names: a speaker phrase ends before them (`kata Budi, Senin`).
    weekdays: frozenset[str]
    #: Month names: a speaker phrase ends before one next to a number.
    months: frozenset[str]
    #: Singular and plural personal pronouns (`ia`, `dia`, `beliau`, `mereka`).
    pronouns: frozenset[str]
    #: One-word titles of `titles.tsv` and agency heads whose role is written out otherwise:
    #: `mensos` -> menteri + sosial, `kapolres` -> kepala + kepolisian, resor.
    title_words: dict[str, TitleWords]
    #: Any form of `verbs`, as a whole word, any case.
    verb_pattern: re.Pattern[str]
    #: A singular personal pronoun, as a whole word, any case.
    pronoun_pattern: re.Pattern[str]
    #: A run of capitalised words, abbreviations and short parentheses, joined by spaces,
    #: commas, connectors (`dan`) and name particles (`bin`): where person phrases can be.
    phrase_pattern: re.Pattern[str]

    def word_kind(self, lower: str) -> str | None:
        """Kind of a word, by its form or a prefix row."""
        kind = self.words.get(lower)
        if kind is not None:
            return kind
        if lower[:PREFIX_HEAD] in self.prefix_heads:
            for prefix, prefix_kind in self.prefixes:
                if lower.startswith(prefix) and len(lower) > len(prefix) + 1:
                    return prefix_kind
        return None

    def function(self, lower: str) -> str | None:
        return self.function_words.get(lower)


@cache
def quote_lexicon() -> QuoteLexicon:
    verbs = {
        row["form"]: SpeechVerb(row["form"], row["base"], row["voice"], row["kind"])
        for row in read_table("speech_verbs.tsv")
    }
    function_words = {row["word"]: row["kind"] for row in read_table("statement_words.tsv")}
    own = {row["word"]: row["kind"] for row in read_table("speaker_words.tsv")}
    prefixes = {word: kind for word, kind in own.items() if kind.endswith("_prefix")}
    words = _speaker_words({word: kind for word, kind in own.items() if word not in prefixes}, function_words)
    joiners = [word for word, kind in function_words.items() if kind in ("connector", "foreign_connector")]
    joiners += [word for word, kind in words.items() if kind == "particle"]
    lower_honorifics = [word for word, kind in words.items() if kind == "honorific" and 1 < len(word) <= 3]
    return QuoteLexicon(
        verbs=verbs,
        words=words,
        prefixes=tuple(prefixes.items()),
        prefix_heads=frozenset(prefix[:PREFIX_HEAD] for prefix in prefixes),
        function_words=function_words,
        weekdays=frozenset(row["form"].lower() for row in read_table("weekdays.tsv")),
        months=frozenset(row["form"].lower() for row in read_table("months.tsv")),
        pronouns=frozenset(word for word, kind in words.items() if kind in ("pronoun", "plural_pronoun")),
        title_words=_title_words(words),
        verb_pattern=re.compile(rf"\b(?:{_alternation(_cased(verbs))}){_WORD_END}"),
        pronoun_pattern=re.compile(
            rf"\b(?:{_alternation(_cased(w for w, k in words.items() if k == 'pronoun'))}){_WORD_END}"
        ),
        phrase_pattern=re.compile(
            rf"{_CAP_WORD}(?:(?:[ \t]*,[ \t]*|[ \t]+)(?:(?:{_alternation(joiners)})[ \t]+)?"
            rf"(?:{_CAP_WORD}|(?:{_alternation(lower_honorifics)})\.?)|[ \t]*\([^()\n]{{1,40}}\))*"
        ),
    )


def _speaker_words(own: dict[str, str], function_words: dict[str, str]) -> dict[str, str]:
    """Word -> kind: the shared vocabulary (the first of `VOCABULARY_KINDS` a word has), the
    words of province names and aliases (not function words: `di` of `DI Yogyakarta`), and
    the stage's own words (`speaker_words.tsv`), which are read as listed there."""
    words: dict[str, str] = {}
    for word, kinds in word_kinds().items():
        words[word] = next(kind for vocabulary_kind, kind in VOCABULARY_KINDS if vocabulary_kind in kinds)
    regions = gazetteer()
    for name in regions.names():
        if regions.lookup(name, levels=(PlaceLevel.PROVINCE,)):
            for word in name.split():
                if word not in function_words:
                    words.setdefault(word, "place")
    for word, kind in own.items():
        if kind == "name":
            del words[word]
        else:
            words[word] = kind
    return words


def _title_words(words: dict[str, str]) -> dict[str, TitleWords]:
    """The one-word titles of the vocabulary (`titles.tsv`, agency heads) whose role is written
    out otherwise: the title and unit words of the role, and the unit words of a jurisdiction
    written out in full (`Mensos`: Menteri, Kementerian Sosial -> menteri + sosial)."""
    found: dict[str, TitleWords] = {}
    for entries in vocabulary().titles.by_first.values():
        for form, title in entries:
            written = form[0]
            if len(form) > 1 or words.get(written) != "title" or title.role.lower() == written:
                continue
            role = title.role.lower().split()
            fixed = " " in title.jurisdiction and "{" not in title.jurisdiction
            body = title.jurisdiction.lower().split() if fixed else []
            found[written] = TitleWords(
                titles=tuple(word for word in role if words.get(word) in _TITLE_KINDS),
                units=tuple(
                    dict.fromkeys(
                        [word for word in role if words.get(word) in _UNIT_KINDS]
                        + [word for word in body if words.get(word) == "unit"]
                    )
                ),
            )
    return found


def _cased(words: Iterable[str]) -> set[str]:
    """Each word as written in the lexicon (lower case) and capitalised."""
    return {form for word in words for form in (word, word.capitalize())}


def _alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of `words`, factored by common prefixes (a trie),
    which the regex engine tries much faster than a flat alternation."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    optional = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body


# --- results ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuotesResult:
    quotes: list[Quote]
    warnings: list[RecordWarning]


def extract_quotes(doc: Doc, *, people, dateline: Dateline | None = None) -> QuotesResult:  # noqa: ANN001
    """Direct quotes and reported statements of `doc` in text order, with cues and speakers.

    `people` are the officials and persons of the article, linked by `speaker_id`; with an
    empty list every `speaker_id` is null and `speaker` is the name as written. `dateline`
    (of the dateline stage) names a place that is never a speaker.
    """
    text = text_of(doc)
    sentences = [(sentence.start_char, sentence.end_char) for sentence in doc.sents]
    place = dateline.place if dateline is not None else None
    persons = [*people.officials, *people.persons] if hasattr(people, "officials") else people
    return _Analysis(text, sentences, quote_lexicon(), persons, place).run()


# --- tokens and phrases ----------------------------------------------------------------


class Shape(Enum):
    CAP = "cap"
    ACRONYM = "acronym"
    ABBREVIATION = "abbreviation"
    LOWER = "lower"
    NUMBER = "number"
    PUNCT = "punct"


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    lower: str
    shape: Shape


def tokenize(text: str, start: int, end: int, lexicon: QuoteLexicon) -> list[_Token]:
    """Words, numbers and punctuation marks of `text[start:end]`; a final period stays only
    on abbreviations (`S.Sos.`, `H.`, `Kec.`)."""
    known = abbreviations()
    tokens = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        word_start, word_end = match.span()
        if len(word) > 1 and word.endswith(".") and not _is_abbreviation(word, known, lexicon):
            tokens.append(_make_token(word_start, word_end - 1, word[:-1]))
            tokens.append(_Token(word_end - 1, word_end, ".", ".", Shape.PUNCT))
        else:
            tokens.append(_make_token(word_start, word_end, word))
    return tokens


def _is_abbreviation(word: str, known: dict[str, bool], lexicon: QuoteLexicon) -> bool:
    if word in known or _MULTI_PERIOD.fullmatch(word):
        return True
    base = word[:-1]
    if len(base) == 1:
        return base.isupper()
    short = len(base) <= ABBREVIATION_MAX
    return short and base[:1].isupper() and lexicon.word_kind(base.lower()) in ("honorific", "rank", "degree")


def _make_token(start: int, end: int, word: str) -> _Token:
    first = word[0]
    if first.isdigit():
        shape = Shape.NUMBER
    elif not first.isalpha():
        shape = Shape.PUNCT
    elif "." in word:
        shape = Shape.ABBREVIATION
    elif first.islower():
        shape = Shape.LOWER
    elif len(word) > 1 and word.isupper():
        shape = Shape.ACRONYM
    else:
        shape = Shape.CAP
    return _Token(start, end, word, word.lower(), shape)


@dataclass(slots=True)
class _Group:
    """One person, title or body of a capitalised phrase: `Wakil Wali Kota Serang, Nur Aini Lestari`."""

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
        """The span that names the speaker: the name, else the whole group (a title)."""
        return self.name if self.name is not None else (self.start, self.end)


@dataclass(frozen=True, slots=True)
class _Phrase:
    start: int
    end: int
    groups: list[_Group]


class MarkRole(Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"


def mark_role(text: str, index: int) -> MarkRole:
    """Whether the double quotation mark at `index` opens or closes, by what touches it.

    A mark after a space (or line start, bracket, colon) and glued to the next word opens;
    one glued to the word or punctuation before it and followed by a space closes. Spaced
    or glued on both sides, a curly `“` opens, and `”` (which opens too where an outlet writes both marks as `”`) or
    `"` may do either.
    """
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    opens = before.isspace() or before in _OPEN_BEFORE
    closes = after.isspace() or after in _CLOSE_AFTER
    if opens and not closes:
        return MarkRole.OPEN
    if closes and not opens:
        return MarkRole.CLOSE
    if opens and text[index] in _OPENING:
        return MarkRole.OPEN
    return MarkRole.EITHER


@dataclass(frozen=True, slots=True)
class MarkedQuote:
    """A quotation between marks: `start`/`end` of its content, `open`/`close` of its marks."""

    open: int
    close: int | None
    start: int
    end: int


def pair_marks(text: str) -> tuple[list[MarkedQuote], list[RecordWarning]]:
    """Quotations between double marks, in text order, and a warning per mark left unpaired.

    A blank line ends a quotation unless the next paragraph opens with a mark (a quote over
    several paragraphs); one that never closes ends at its paragraph's end. A pair opened
    inside an open quotation is nested in it, unless the outer one never closes: then the
    outer ends at the last sentence end before the inner one.
    """
    quotes: list[MarkedQuote] = []
    warnings: list[RecordWarning] = []
    stack: list[int] = []
    nested: list[MarkedQuote] = []
    last = 0

    def unclosed(limit: int) -> None:
        outer = stack[0]
        end = limit
        if nested:
            end = _last_sentence_end(text, outer + 1, nested[0].open) or nested[0].open
        end = _rstrip(text, outer + 1, end)
        quotes.append(MarkedQuote(outer, None, outer + 1, end))
        quotes.extend(nested)
        warnings.append(
            RecordWarning(
                code="quote_unbalanced",
                message=f"the quotation mark at {outer} is not closed; the quote is taken to end at {end}",
            )
        )
        stack.clear()
        nested.clear()

    for match in _DOUBLE_MARKS.finditer(text):
        position = match.start()
        if stack:
            paragraph_end = _paragraph_break(text, last, position)
            if paragraph_end is not None and position != _next_visible(text, paragraph_end):
                unclosed(_rstrip(text, stack[0] + 1, paragraph_end))
        last = position
        role = mark_role(text, position)
        if not stack:
            if role is MarkRole.CLOSE:
                warnings.append(
                    RecordWarning(code="quote_unbalanced", message=f"the quotation mark at {position} closes nothing")
                )
            else:
                stack.append(position)
            continue
        if role is MarkRole.OPEN:
            if len(stack) == 1 and _at_line_start(text, position) and "\n" in text[stack[0] : position]:
                continue  # the next paragraph of a quote over several paragraphs
            if len(stack) == 2:
                unclosed(_line_end(text, stack[0]))
            stack.append(position)
            continue
        opened = stack.pop()
        pair = MarkedQuote(opened, position, opened + 1, position)
        if stack:
            nested.append(pair)
        else:
            quotes.append(pair)
            nested.clear()
    if stack:
        unclosed(_rstrip(text, stack[0] + 1, _line_end(text, stack[0])))
    quotes.sort(key=lambda quote: quote.open)
    return quotes, warnings


def _paragraph_break(text: str, start: int, end: int) -> int | None:
    """Start of the first paragraph after a blank line in `text[start:end]`, or None."""
    match = _BLANK_LINE.search(text, start, end)
    return match.end() if match else None


_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def _next_visible(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _at_line_start(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return not text[line_start:position].strip()


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _last_sentence_end(text: str, start: int, end: int) -> int | None:
    for position in range(end - 1, start - 1, -1):
        if text[position] in _SENTENCE_FINAL:
            return position + 1
    return None


# --- candidates ------------------------------------------------------------------------


class _How(Enum):
    """How the speaker of a candidate is found."""

    PHRASE = "phrase"  # the group next to the cue
    PRONOUN = "pronoun"  # the antecedent of the pronoun at `pronoun`
    FLOATING = "floating"  # the antecedent of the candidate's position
    UNNAMED = "unnamed"  # the text names no one (`kata seorang warga`)


@dataclass(frozen=True, slots=True)
class _Attribution:
    how: _How
    group: _Group | None = None
    pronoun: tuple[int, int] | None = None


_UNNAMED = _Attribution(_How.UNNAMED)


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    kind: QuoteKind
    rule: str
    cue: tuple[int, int, str] | None
    attribution: _Attribution
    balanced: bool = True


@dataclass(frozen=True, slots=True)
class _Entity:
    """Who a mention refers to: a person of `people`, or a name as written."""

    name: str | None
    person: Person | None = None
    #: False for a title the article never gives a name for (`Kepala BNPB`).
    named: bool = True


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    group: _Group | None = None
    pronoun: bool = False
    person: Person | None = None


Cue = tuple[tuple[int, int, str], _Attribution]


class _Analysis:
    """One article: its quotations, cues, phrases and speakers; `run` gives the result.

    Nothing is tokenized up front: regular expressions find the quotation marks, the
    speech verbs, the capitalised phrases and the pronouns; words are split only around
    a cue, and a phrase is analysed the first time it is looked at.
    """

    def __init__(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        lexicon: QuoteLexicon,
        people: Sequence[Person],
        dateline_place: str | None = None,
    ) -> None:
        self.text = text
        self.dateline_place = dateline_place
        self.sentences = sentences or [(0, len(text))]
        self.sentence_starts = [start for start, _ in self.sentences]
        self.lexicon = lexicon
        self.people = people
        self.marked, self.warnings = pair_marks(text)
        self.mark_opens = [marked.open for marked in self.marked]
        raw = [match.span() for match in lexicon.phrase_pattern.finditer(text) if _word_start(text, match.start())]
        self.raw_starts = [start for start, _ in raw]
        self.raw_ends = [end for _, end in raw]
        self.analysed: dict[int, list[_Phrase]] = {}
        #: Capitalised words (lower case) -> where they start.
        self.capitalised: dict[str, list[int]] = {}
        for match in _CAPITALISED.finditer(text):
            if _word_start(text, match.start()):
                self.capitalised.setdefault(match.group().lower(), []).append(match.start())
        self.places = self._known_places()
        self.spoken: dict[int, list[tuple[int, _Entity]]] = {}
        #: Sentence -> the spans of its reported statements that have a speaker.
        self.reported: dict[int, list[tuple[int, int]]] = {}
        self.antecedents: dict[int, _Entity | None] = {}
        self.sentence_mentions: dict[int, list[_Mention]] = {}
        self.known_names: dict[tuple[str, ...], bool] = {}
        #: Names of the people quoted next to a cue: known to be people.
        self.speaker_names: set[tuple[str, ...]] = set()
        self.people_mentions = sorted(
            (
                _Mention(m.start, m.end, pronoun=m.kind == "pronoun", person=person)
                for person in people
                for m in person.mentions
            ),
            key=lambda mention: mention.start,
        )
        self.people_starts = [mention.start for mention in self.people_mentions]
        self.longest_people_mention = max((m.end - m.start for m in self.people_mentions), default=0)
        #: Normalised names, then normalised mention texts -> the first person written so.
        self.people_by_name: dict[str, Person] = {}
        for person in people:
            self.people_by_name.setdefault(_normal(person.name), person)
        for person in people:
            for mention in person.mentions:
                if mention.kind != "pronoun":
                    self.people_by_name.setdefault(_normal(mention.text), person)

    def run(self) -> QuotesResult:
        candidates = [candidate for marked in self.marked if (candidate := self._direct(marked)) is not None]
        candidates.extend(self._reported_candidates())
        for candidate in candidates:
            group = candidate.attribution.group
            if group is not None and group.name is not None and not group.organisation:
                self.speaker_names.add(self._name_words(group))
        quotes = [self._resolve(candidate) for candidate in _merge(candidates)]
        return QuotesResult(quotes=quotes, warnings=self.warnings)

    # --- text helpers ---

    def sentence_of(self, position: int) -> int:
        return max(0, bisect_right(self.sentence_starts, position) - 1)

    def tokens(self, start: int, end: int) -> list[_Token]:
        return tokenize(self.text, start, end, self.lexicon)

    def tokens_after(self, position: int, limit: int = 240) -> list[_Token]:
        """The tokens after `position` on its line, up to about `limit` characters."""
        end = min(_line_end(self.text, position), position + limit)
        space = _SPACE.search(self.text, end)
        return self.tokens(position, min(space.start() if space else len(self.text), _line_end(self.text, position)))

    def tokens_before(self, position: int, limit: int = 400) -> list[_Token]:
        """The tokens of the sentence before `position`, up to about `limit` characters back."""
        start = max(self.sentences[self.sentence_of(position)][0], position - limit)
        start = max(start, self.text.rfind("\n", 0, position) + 1)
        if start > 0 and not self.text[start - 1].isspace():
            space = _SPACE.search(self.text, start)
            start = space.end() if space and space.end() <= position else position
        return self.tokens(start, position)

    def _inside_marks(self, position: int) -> bool:
        """`position` is inside a quotation, its marks included."""
        index = bisect_right(self.mark_opens, position) - 1
        if index < 0:
            return False
        marked = self.marked[index]
        return position <= (marked.close if marked.close is not None else marked.end)

    # --- phrases ---

    def _known_places(self) -> set[str]:
        """Words that name places in this article: the dateline; the first capitalised word
        after `Kota`, `Desa` ..., and the second too when a function word or punctuation
        follows (`Kabupaten Deli Serdang, ...`; not `Kota Malang Suherman mengatakan`); a single
        capitalised word after a body, unless a speech verb follows it (`Polres Bantul`, `Bank
        Mandiri`; not `Bappeda Ahmad Fauzi`, `BKN Parjiman mengatakan`)."""
        places: set[str] = set()
        for word, positions in self.capitalised.items():
            kind = self.lexicon.word_kind(word)
            if kind not in ("place_kind", "organisation", "organisation_prefix"):
                continue
            for position in positions:
                match = _PLACE_RUN.match(self.text, position + len(word))
                if match is None:
                    continue
                words = match.group("run").lower().split()
                after = (match.group("after") or "").strip()
                closed = not after or not after[0].isalnum() or self.lexicon.function(after) is not None
                if kind == "place_kind":
                    places.update(words if closed and len(words) <= PLACE_WORDS else words[:1])
                elif len(words) == 1 and after.lower() not in self.lexicon.verbs:
                    places.update(words)
        if self.dateline_place:
            places.update(self.dateline_place.lower().split())
        return places

    def _raw_index(self, position: int) -> int | None:
        """The raw phrase match that contains `position` (its end included), or None."""
        index = bisect_right(self.raw_starts, position) - 1
        if index < 0 or position > self.raw_ends[index]:
            return None
        return index

    def _phrases_of(self, index: int) -> list[_Phrase]:
        phrases = self.analysed.get(index)
        if phrases is None:
            phrases = self.analysed[index] = self._split(self.tokens(self.raw_starts[index], self.raw_ends[index]))
        return phrases

    def phrase_at(self, position: int) -> _Phrase | None:
        """The phrase starting at `position`."""
        index = self._raw_index(position)
        if index is None:
            return None
        return next((phrase for phrase in self._phrases_of(index) if phrase.start == position), None)

    def phrase_ending(self, position: int) -> _Phrase | None:
        """The phrase ending at `position`."""
        index = bisect_left(self.raw_ends, position)
        if index >= len(self.raw_ends) or self.raw_starts[index] >= position:
            return None
        return next((phrase for phrase in self._phrases_of(index) if phrase.end == position), None)

    def phrases_in(self, start: int, end: int) -> Iterator[_Phrase]:
        first = max(0, bisect_right(self.raw_starts, start) - 1)
        for index in range(first, bisect_left(self.raw_starts, end)):
            for phrase in self._phrases_of(index):
                if start <= phrase.start and phrase.end <= end:
                    yield phrase

    def _startable(self, tokens: list[_Token], index: int) -> bool:
        """A token that can be part of a phrase: capitalised, not a speech verb or function word
        (`Namun`), not a weekday, not a month name next to a number (`Mei 2025`; `Mei Ling`)."""
        token = tokens[index]
        if token.shape is Shape.LOWER and index and self.lexicon.word_kind(token.lower) == "honorific":
            return True  # `Kepala Dinas Kesehatan dr Wiji Santoso`
        if token.shape not in (Shape.CAP, Shape.ACRONYM, Shape.ABBREVIATION) or token.lower in self.lexicon.verbs:
            return False
        if self.lexicon.function(token.lower) in _CLOSED_FUNCTIONS:
            return False
        if token.lower in self.lexicon.weekdays:
            return False
        if token.lower in self.lexicon.months:
            return not any(
                0 <= near < len(tokens) and tokens[near].shape is Shape.NUMBER for near in (index - 1, index + 1)
            )
        return True

    def _split(self, tokens: list[_Token]) -> list[_Phrase]:
        """The phrases of a raw match: runs of capitalised words, joined by commas before a
        capitalised word, by `dan` before a title word, by name particles and by a short
        parenthesis (`(Kadisperindag)`, `(67)`); a speech verb, a weekday or month name, or
        a sentence period ends a phrase."""
        phrases = []
        index = 0
        while index < len(tokens):
            if not self._startable(tokens, index):
                index += 1
                continue
            first = last = index
            titled = self._kind(tokens[index]) in _NON_NAME_KINDS
            index += 1
            while index < len(tokens):
                token = tokens[index]
                if self._startable(tokens, index):
                    titled = titled or self._kind(token) in _NON_NAME_KINDS
                    last = index
                    index += 1
                    continue
                following = index + 1 < len(tokens) and self._startable(tokens, index + 1)
                if token.text == "," and following and tokens[index + 1].lower not in self.lexicon.pronouns:
                    index += 1
                    continue
                if following and self._joins(token, tokens[index - 1], tokens[index + 1], titled=titled):
                    index += 1
                    continue
                if (
                    token.text == ","
                    and titled
                    and index + 2 < len(tokens)
                    and self.lexicon.function(tokens[index + 1].lower) == "connector"
                    and self._startable(tokens, index + 2)
                ):
                    index += 2  # `Dinas Perumahan, Cipta Karya, dan Tata Ruang`
                    continue
                close = _parenthesis_end(tokens, index)
                if close is not None:
                    last = close
                    index = close + 1
                    continue
                break
            phrases.append(_Phrase(tokens[first].start, tokens[last].end, self._groups(tokens[first : last + 1])))
            index = max(index, last + 1)
        return phrases

    def _joins(self, token: _Token, before: _Token, after: _Token, *, titled: bool) -> bool:
        """A lower-case word inside a phrase: `dan` in a title or next to a title or unit word
        (`Komunikasi dan Informatika`), `of`/`for` in an English name, a name particle (`bin`)."""
        function = self.lexicon.function(token.lower)
        if function == "connector":
            return titled or self._kind(before) in _NON_NAME_KINDS or self._kind(after) in _NON_NAME_KINDS
        return function == "foreign_connector" or self.lexicon.word_kind(token.lower) == "particle"

    def _groups(self, tokens: list[_Token]) -> list[_Group]:
        """The phrase split at commas into segments, and the segments into people or bodies.

        A new group starts at a segment with a name when the current group has one already
        (`Menteri A, Menteri B`) or is a body (`Universitas X, Budi`); a segment without a
        name joins the current group (`Kepala Dusun X, Kecamatan Y, Budi`; `Budi, Kepala
        Desa X`). A name followed by a segment that opens with a title is a person (`Abdian,
        Koordinator X`); a one-word "name" after a title, followed by a name, was the
        jurisdiction (`Kapolres Sukamaju, AKBP Yudi Hartono`).
        """
        segments: list[list[_Token]] = [[]]
        for token in tokens:
            if token.text == ",":
                segments.append([])
            else:
                segments[-1].append(token)
        groups: list[_Group] = []
        for segment in segments:
            if not segment:
                continue
            group = self._segment(segment)
            current = groups[-1] if groups else None
            if current is not None and current.name is not None and self._kind(segment[0]) in _TITLE_KINDS:
                current.person_evidence = True
            if (
                current is not None
                and current.titles
                and current.name is not None
                and group.name is not None
                and " " not in self.text[current.name[0] : current.name[1]]
                and self._kind(segment[0]) not in _TITLE_KINDS
            ):
                current.name = None  # `Kapolres Sukamaju, AKBP Yudi`: the one word was the jurisdiction
            separate = group.name is not None and (current is None or current.name is not None or current.organisation)
            if current is None or separate:
                groups.append(group)
                continue
            current.end = group.end
            current.name = current.name or group.name
            current.titles += group.titles
            current.units += group.units
            current.written_titles += group.written_titles
            current.person_evidence = current.person_evidence or group.person_evidence
            current.organisation = (current.organisation or group.organisation) and not current.titles
        return groups

    def _segment(self, tokens: list[_Token]) -> _Group:
        """What a comma-free stretch of a phrase holds: titles, a name (the last run of words
        that are no title, unit, organisation or place), marks of a person or a body."""
        titles: list[str] = []
        units: list[str] = []
        written: list[str] = []
        evidence = False
        organisation = thing = self._kind(tokens[0]) == "document"
        runs: list[tuple[int, int]] = []
        run_start: int | None = None
        after_place_kind = False
        first_title: int | None = None
        index = 0
        while index < len(tokens):
            token = tokens[index]
            close = _parenthesis_end(tokens, index)
            if close is not None:
                evidence = evidence or tokens[index + 1].shape is Shape.NUMBER  # an age: `Onih (67)`
                if run_start is not None:
                    runs.append((run_start, index - 1))
                    run_start = None
                index = close + 1
                continue
            kind = self._kind(token)
            name_like = kind is None and token.shape is Shape.CAP and _NAME_WORD.fullmatch(token.text) is not None
            name_like = name_like and self.lexicon.function(token.lower) not in _CLOSED_FUNCTIONS
            name_like = (name_like and not after_place_kind) or (kind == "particle" and run_start is not None)
            if name_like:
                if run_start is None:
                    run_start = index
            else:
                if run_start is not None:
                    runs.append((run_start, index - 1))
                    run_start = None
                expansion = self.lexicon.title_words.get(token.lower)
                if kind in _TITLE_KINDS:
                    written.append(token.lower)
                    first_title = index if first_title is None else first_title
                if expansion is not None:  # `Mensos`: the words of `Menteri Sosial`
                    titles.extend(expansion.titles)
                    units.extend(expansion.units)
                elif kind in _TITLE_KINDS:
                    titles.append(token.lower)
                elif kind in _UNIT_KINDS:
                    units.append(token.lower)
                evidence = evidence or kind in _PERSON_KINDS
                organisation = (
                    organisation
                    or kind in ("organisation", "organisation_prefix")
                    or (kind is None and token.shape is Shape.ACRONYM)
                )
            after_place_kind = kind == "place_kind"
            index += 1
        if run_start is not None:
            runs.append((run_start, len(tokens) - 1))
        runs = [
            run
            for run in runs
            if (first_title is None or run[0] > first_title)
            and any(len(token.text) > 1 for token in tokens[run[0] : run[1] + 1])
        ]
        name = None
        if runs and not thing and self._ends_segment(tokens, runs[-1][1]):
            run_first, run_last = runs[-1]
            while run_last > run_first and self._kind(tokens[run_last]) == "particle":
                run_last -= 1
            name = (tokens[run_first].start, tokens[run_last].end)
        return _Group(
            start=tokens[0].start,
            end=tokens[-1].end,
            name=name,
            titles=tuple(titles),
            units=tuple(units),
            written_titles=tuple(written),
            person_evidence=evidence,
            organisation=thing or (organisation and not titles),
        )

    def _ends_segment(self, tokens: list[_Token], last: int) -> bool:
        """Only degrees, honorifics, ranks and a parenthesis follow `tokens[last]`: a name ends
        its title phrase (`Kepala Bidang X Dinas Y Budi`, not the `X` of it)."""
        index = last + 1
        while index < len(tokens):
            close = _parenthesis_end(tokens, index)
            if close is not None:
                index = close + 1
                continue
            if self._kind(tokens[index]) not in ("degree", "honorific", "rank"):
                return False
            index += 1
        return True

    def _kind(self, token: _Token) -> str | None:
        """Lexicon kind of a phrase token; `place` also for the article's known places;
        `degree` for an unknown abbreviation."""
        if token.shape is Shape.ABBREVIATION:
            return self.lexicon.word_kind(token.lower.rstrip(".")) or "degree"
        kind = self.lexicon.word_kind(token.lower)
        if kind is None and token.lower in self.places:
            return "place"
        return kind

    # --- direct quotes ---

    def _direct(self, marked: MarkedQuote) -> _Candidate | None:
        if not self.text[marked.start : marked.end].strip():
            return None
        balanced = marked.close is not None
        found = self._cue_after(marked) if balanced else None
        if found is None:
            found = self._cue_before(marked)
        if found is None:
            if not self._stands_alone(marked):
                return None
            found = (None, _Attribution(_How.FLOATING))
        cue, attribution = found
        return _Candidate(marked.start, marked.end, QuoteKind.DIRECT, "quote_marks", cue, attribution, balanced)

    def _cue_after(self, marked: MarkedQuote) -> Cue | None:
        """`,” kata Budi` / `,” ujarnya` / `,” kata dia` / `,” Budi menambahkan` / `.” Hal itu disampaikan Budi`."""
        assert marked.close is not None
        tokens = self.tokens_after(marked.close + 1)
        index = 0
        if tokens and tokens[0].text == "," and tokens[0].start == marked.close + 1:
            index = 1
        if index >= len(tokens):
            return None
        token = tokens[index]
        content = self.text[marked.start : marked.end].rstrip()
        ends_sentence = content.endswith(".") and not content.endswith("..")
        verb = self.lexicon.verbs.get(token.lower)
        if verb is not None and verb.voice in ("bare", "nya") and verb.base != "menurut":
            if ends_sentence and token.shape is not Shape.LOWER:
                return None
            cue = (token.start, token.end, "cue_after")
            if verb.voice == "nya":
                return cue, _Attribution(_How.PRONOUN, pronoun=(token.end - 3, token.end))
            return cue, self._speaker_after(tokens, index + 1)
        if ends_sentence:
            return self._back_reference(tokens, index)
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.lower in self.lexicon.pronouns and following is not None:
            verb = self.lexicon.verbs.get(following.lower)
            if verb is not None and verb.voice == "active":
                return (following.start, following.end, "cue_after"), _Attribution(
                    _How.PRONOUN, pronoun=(token.start, token.end)
                )
        phrase = self.phrase_at(token.start)
        if phrase is not None:
            after = next((t for t in tokens if t.start >= phrase.end), None)
            verb = self.lexicon.verbs.get(after.lower) if after is not None else None
            if after is not None and verb is not None and verb.voice == "active":
                return (after.start, after.end, "cue_after"), _Attribution(_How.PHRASE, group=phrase.groups[0])
        return None

    def _back_reference(self, tokens: list[_Token], index: int) -> Cue | None:
        """`Hal itu disampaikan Budi ...` / `Demikian dikatakan Budi` right after a quote."""
        if self.lexicon.function(tokens[index].lower) != "back_reference":
            return None
        index += 1
        if index < len(tokens) and self.lexicon.function(tokens[index].lower) == "demonstrative":
            index += 1
        verb = self.lexicon.verbs.get(tokens[index].lower) if index < len(tokens) else None
        if verb is None or verb.voice != "passive":
            return None
        cue = (tokens[index].start, tokens[index].end, "cue_after")
        index += 1
        if index < len(tokens) and tokens[index].lower == "oleh":
            index += 1
        phrase = self.phrase_at(tokens[index].start) if index < len(tokens) else None
        if phrase is None:
            return None
        return cue, _Attribution(_How.PHRASE, group=phrase.groups[0])

    def _speaker_after(self, tokens: list[_Token], index: int) -> _Attribution:
        """Who a bare cue names: the phrase or pronoun after it."""
        if index >= len(tokens):
            return _UNNAMED
        token = tokens[index]
        if token.lower in self.lexicon.pronouns:
            if self.lexicon.word_kind(token.lower) == "plural_pronoun":
                return _UNNAMED
            return _Attribution(_How.PRONOUN, pronoun=(token.start, token.end))
        phrase = self.phrase_at(token.start)
        if phrase is not None:
            return _Attribution(_How.PHRASE, group=phrase.groups[0])
        for ahead in tokens[index : index + DESCRIPTION_WORDS]:
            if ahead.text != "," and ahead.shape is Shape.PUNCT:
                break
            phrase = self.phrase_at(ahead.start)
            if phrase is not None:
                named = next((group for group in phrase.groups if group.name and not group.organisation), None)
                if named is not None:
                    return _Attribution(_How.PHRASE, group=named)
        return _UNNAMED

    def _cue_before(self, marked: MarkedQuote) -> Cue | None:
        """`Budi mengatakan, “` / `Ia berkata: "` / `Kata dia, “` / `Menurut Budi, “` / `Menurutnya, “`."""
        tokens = self.tokens_before(marked.open)
        if tokens and tokens[-1].text in (",", ":"):
            tokens.pop()
        if not tokens:
            return None
        token = tokens[-1]
        verb = self.lexicon.verbs.get(token.lower)
        if verb is not None:
            cue = (token.start, token.end, "cue_before")
            if verb.voice == "active":
                return cue, self._subject(tokens, len(tokens) - 1)
            if verb.voice == "nya":
                return cue, _Attribution(_How.PRONOUN, pronoun=(token.end - 3, token.end))
            return None
        if token.lower in self.lexicon.pronouns:
            first = len(tokens) - 1
            attribution = _Attribution(_How.PRONOUN, pronoun=(token.start, token.end))
        else:
            phrase = self.phrase_ending(token.end)
            if phrase is None:
                return None
            first = _index_at(tokens, phrase.start)
            attribution = _Attribution(_How.PHRASE, group=phrase.groups[0])
        if first < 1:
            return None
        cue_token = tokens[first - 1]
        verb = self.lexicon.verbs.get(cue_token.lower)
        if verb is None or verb.voice not in ("bare", "preposition", "active"):
            return None
        return (cue_token.start, cue_token.end, "cue_before"), attribution

    def _stands_alone(self, marked: MarkedQuote) -> bool:
        """A quotation that starts a sentence and reads as one (not a scare quote)."""
        before = marked.open
        while before > 0 and self.text[before - 1] in " \t":
            before -= 1
        last = self.text[before - 1] if before else ""
        starts = not last or last in "\n:" or last in _SENTENCE_FINAL or last in _CLOSING
        if not starts:
            return False
        content = self.text[marked.start : marked.end].rstrip()
        words = len(content.split())
        return words >= FLOATING_MIN_WORDS or (words >= 2 and content[-1:] in ".,!?…")

    def _subject(self, tokens: list[_Token], verb: int) -> _Attribution:
        """The subject of the verb `tokens[verb]`: the nearest phrase or pronoun before it in
        its sentence, over a few lower-case words (`Ali juga menyoroti`), not one after a
        preposition (`dengan Presiden`)."""
        index = verb - 1
        gap = 0
        skipped: _Group | None = None  # a named group after a preposition: `Pengamat dari Universitas X Budi`
        while index >= 0:
            token = tokens[index]
            if token.lower in self.lexicon.pronouns:
                if self.lexicon.word_kind(token.lower) == "plural_pronoun":
                    return _UNNAMED
                return _Attribution(_How.PRONOUN, pronoun=(token.start, token.end))
            phrase = self.phrase_ending(token.end) if token.shape is not Shape.LOWER else None
            if phrase is not None:
                first = _index_at(tokens, phrase.start)
                before = tokens[first - 1].lower if first > 0 else ""
                if self.lexicon.function(before) in _PREPOSITIONS:
                    if skipped is None and phrase.groups[-1].name is not None:
                        skipped = phrase.groups[-1]
                    index = first - 1
                    continue
                group = self._appositive_head(tokens, first) or phrase.groups[-1]
                if group.name is None and group.titles and skipped is not None:
                    group = skipped
                return _Attribution(_How.PHRASE, group=group)
            if token.text == ",":
                index -= 1
                continue
            if token.shape is Shape.LOWER and gap < SUBJECT_GAP:
                gap += 1
                index -= 1
                continue
            break
        return _UNNAMED

    def _appositive_head(self, tokens: list[_Token], first: int) -> _Group | None:
        """The name an appositive describes, when the phrase at `tokens[first]` is inside the
        description: `Rahmat Hidayat, kuasa hukum keluarga korban, menyatakan` -> Rahmat."""
        for index in range(first - 1, max(-1, first - 1 - APPOSITIVE_GAP), -1):
            token = tokens[index]
            if token.text != ",":
                if token.lower in self.lexicon.verbs:
                    return None
                continue
            if index == 0 or index + 1 >= len(tokens) or tokens[index + 1].shape is not Shape.LOWER:
                return None
            head = self.phrase_ending(tokens[index - 1].end)
            if head is None or head.groups[-1].name is None or head.groups[-1].organisation:
                return None
            return head.groups[-1]
        return None

    # --- reported statements ---

    def _reported_candidates(self) -> Iterator[_Candidate]:
        for match in self.lexicon.verb_pattern.finditer(self.text):
            if self._inside_marks(match.start()):
                continue
            verb = self.lexicon.verbs[match.group().lower()]
            token = _make_token(match.start(), match.end(), match.group())
            if verb.base == "menurut":
                candidate = self._according_to(token, verb)
            elif verb.voice == "active":
                candidate = self._reported(token, verb)
            elif verb.voice in ("bare", "nya"):
                candidate = self._reported_cue(token, verb)
            else:
                candidate = None
            if candidate is not None:
                yield candidate

    def _sentence_end(self, position: int) -> int:
        """End of the sentence at `position`, without its final punctuation and spaces."""
        start, end = self.sentences[self.sentence_of(position)]
        end = _rstrip(self.text, start, end)
        while end > position and self.text[end - 1] in _SENTENCE_FINAL + _QUOTE_CHARS:
            end -= 1
        return _rstrip(self.text, start, end)

    def _statement(self, start: int, end: int, rule: str, cue: _Token, attribution: _Attribution) -> _Candidate | None:
        start = _next_visible(self.text, start)
        body = self.text[start:end]
        if len(body.split()) < STATEMENT_MIN_WORDS or _DOUBLE_MARKS.search(body):
            return None
        return _Candidate(start, end, QuoteKind.INDIRECT, rule, (cue.start, cue.end, "cue_before"), attribution)

    def _reported(self, token: _Token, verb: SpeechVerb) -> _Candidate | None:
        """An active speech verb and its complement: `bahwa`, a comma, a colon, `agar`, a bare clause."""
        end = self._sentence_end(token.end)
        after = self.tokens(token.end, min(end, token.end + COMPLEMENT_CHARS))
        if not after:
            return None

        def subject() -> _Attribution:
            before = self.tokens_before(token.start)
            before.append(token)
            return self._subject(before, len(before) - 1)

        for ahead in after[:3]:
            if self.lexicon.function(ahead.lower) == "complementizer":
                return self._statement(ahead.end, end, "reported_bahwa", token, subject())
            if ahead.shape is not Shape.LOWER:
                break
        first = after[0]
        if first.text in (",", ":"):
            rule = "reported_comma" if first.text == "," else "reported_colon"
            return self._statement(first.end, end, rule, token, subject())
        function = self.lexicon.function(first.lower)
        if verb.kind == "request":
            for ahead in after[:REQUEST_GAP]:
                if ahead.text in ",.":
                    break
                if self.lexicon.function(ahead.lower) == "purpose":
                    return self._statement(token.end, end, "reported_request", token, subject())
            return None
        if function == "opener" or (
            verb.kind in _BARE_CLAUSE_KINDS and first.shape is not Shape.PUNCT and function is None
        ):
            return self._statement(token.end, end, "reported_clause", token, subject())
        return None

    def _according_to(self, token: _Token, verb: SpeechVerb) -> _Candidate | None:
        """`Menurut Budi, ...` (the clause after the comma) or `..., menurut Budi, ...` (the sentence)."""
        after = self.tokens_after(token.end, limit=160)
        if verb.voice == "nya":
            attribution = _Attribution(_How.PRONOUN, pronoun=(token.end - 3, token.end))
            comma = 0
        else:
            attribution = self._speaker_after(after, 0)
            if attribution.how is _How.UNNAMED or not after:
                return None
            phrase = self.phrase_at(after[0].start)
            comma = _index_at(after, phrase.end) if phrase is not None else 1
        if comma >= len(after) or after[comma].text != ",":
            return None
        sentence_start = self.sentences[self.sentence_of(token.start)][0]
        end = self._sentence_end(token.end)
        opening = self.text[sentence_start : token.start].strip()
        if not opening:
            return self._statement(after[comma].end, end, "according_to", token, attribution)
        if opening.endswith(","):  # `..., menurut Budi, ...` in mid-sentence: the whole sentence
            return self._statement(sentence_start, end, "according_to", token, attribution)
        return None

    def _reported_cue(self, token: _Token, verb: SpeechVerb) -> _Candidate | None:
        """`Y, kata dia, Z.` or `Y, ujarnya.` outside quotation marks: the sentence is the statement."""
        before = _rstrip(self.text, 0, token.start)
        if before == 0 or self.text[before - 1] != ",":
            return None
        after = self.tokens_after(token.end, limit=160)
        if verb.voice == "nya":
            attribution = _Attribution(_How.PRONOUN, pronoun=(token.end - 3, token.end))
            following = 0
        else:
            attribution = self._speaker_after(after, 0)
            if attribution.how is _How.UNNAMED or not after:
                return None
            phrase = self.phrase_at(after[0].start)
            following = _index_at(after, phrase.end) if phrase is not None else 1
        if following < len(after) and after[following].text not in (",", ".", "!", "?"):
            return None
        sentence_start = self.sentences[self.sentence_of(token.start)][0]
        closed_by_comma = following < len(after) and after[following].text == ","
        end = self._sentence_end(token.end) if closed_by_comma else before - 1  # `before - 1`: the comma
        return self._statement(sentence_start, end, "reported_cue", token, attribution)

    # --- speakers ---

    def _resolve(self, candidate: _Candidate) -> Quote:
        """The record's quote, its speaker resolved (pronouns against the quotes before it)."""
        text = self.text
        attribution = candidate.attribution
        entity: _Entity | None = None
        mention: Span | None = None
        how = "none"
        if attribution.group is not None:
            entity, how = self._group_entity(attribution.group)
            start, end = attribution.group.mention
            mention = Span(text=text[start:end], start=start, end=end, rule=how)
        elif attribution.pronoun is not None:
            start, end = attribution.pronoun
            entity = self._pronoun_entity(start, end)
            how = "pronoun"
            mention = Span(text=text[start:end], start=start, end=end, rule="pronoun")
        elif attribution.how is _How.FLOATING:
            entity = self.antecedent(candidate.start)
            how = "floating"
        elif attribution.how is _How.UNNAMED:
            how = "unnamed"
        if entity is not None:
            self.spoken.setdefault(self.sentence_of(candidate.start), []).append((candidate.start, entity))
            if candidate.kind is QuoteKind.INDIRECT:
                self.reported.setdefault(self.sentence_of(candidate.start), []).append((candidate.start, candidate.end))
        confidence = SPAN_CONFIDENCE[candidate.rule] * ATTRIBUTION_CONFIDENCE[how]
        if not candidate.balanced:
            confidence *= UNBALANCED_FACTOR
        cue = None
        if candidate.cue is not None:
            cue_start, cue_end, cue_rule = candidate.cue
            cue = Span(text=text[cue_start:cue_end], start=cue_start, end=cue_end, rule=cue_rule)
        person = entity.person if entity is not None else None
        return Quote(
            text=text[candidate.start : candidate.end],
            start=candidate.start,
            end=candidate.end,
            rule=candidate.rule,
            kind=candidate.kind,
            cue=cue,
            speaker_id=person.id if person is not None else None,
            speaker=entity.name if entity is not None else None,
            speaker_mention=mention,
            confidence=round(confidence, 3),
        )

    def _pronoun_entity(self, start: int, end: int) -> _Entity | None:
        """A pronoun's person: the one of `people` with a pronoun mention there, else its antecedent."""
        for mention in self.people_mentions[bisect_left(self.people_starts, start - 40) :]:
            if mention.start >= end:
                break
            if mention.pronoun and mention.person is not None and mention.start < end and start < mention.end:
                return _Entity(mention.person.name, mention.person)
        return self.antecedent(start)

    def _group_entity(self, group: _Group) -> tuple[_Entity | None, str]:
        """Who a phrase group is, and how it was read: name, title or organisation."""
        if group.name is not None:
            name = self.text[group.name[0] : group.name[1]]
            person = self._person_of_name(group.name) or self._person_named(name)
            return (_Entity(person.name, person) if person else _Entity(name)), "name"
        if group.organisation:
            return None, "organisation"
        person = self._person_at(group.start, group.end) or self._person_named(self.text[group.start : group.end])
        if person is not None:
            return _Entity(person.name, person), "title"
        named = self._titled(group)
        if named is not None and named.name is not None:
            return _Entity(self.text[named.name[0] : named.name[1]]), "title"
        return _Entity(self.text[group.start : group.end], named=False), "title"

    def _titled(self, group: _Group) -> _Group | None:
        """The named group with the same title words as a title-only one (and its unit words
        among its own: `Menteri` -> `Menteri Sosial X`): the nearest before it, else after."""
        if not group.titles:
            return None
        before: _Group | None = None
        after: _Group | None = None
        positions = sorted({p for word in {*group.written_titles, group.titles[0]} for p in self.word_positions(word)})
        for position in positions:
            index = self._raw_index(position)
            if index is None:
                continue
            for phrase in self._phrases_of(index):
                for other in phrase.groups:
                    same = other.titles == group.titles and set(group.units) <= set(other.units)
                    if other.name is None or not same or not other.start <= position < other.end:
                        continue
                    if other.start < group.start:
                        before = other
                    elif after is None:
                        after = other
        return before or after

    def _person_at(self, start: int, end: int) -> Person | None:
        """The person of `people` with a mention overlapping `start:end` most (names before titles)."""
        best: tuple[int, int] | None = None
        found = None
        first = bisect_left(self.people_starts, start - self.longest_people_mention)
        for mention in self.people_mentions[first : bisect_left(self.people_starts, end)]:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap <= 0 or mention.pronoun:
                continue
            rank = (int(mention.person is not None), overlap)
            if best is None or rank > best:
                best, found = rank, mention.person
        return found

    def _person_of_name(self, name: tuple[int, int]) -> Person | None:
        """The person of `people` with a mention of the last word of a name: the person the
        name ends with (`Komite Kartu Pelatihan Dimas R Putra` is not the `Komite` of `people`)."""
        start, end = name
        return self._person_at(max(start, self.text.rfind(" ", start, end) + 1), end)

    def _person_named(self, written: str) -> Person | None:
        """The person whose name, or one of whose mentions, is written `written`."""
        return self.people_by_name.get(_normal(written))

    def _mentions_in(self, index: int) -> list[_Mention]:
        """Person mentions of sentence `index` outside quotation marks: the phrases and
        pronouns found here, and the mentions of `people` that none of them, and no phrase
        read as a body or a place, overlaps."""
        found = self.sentence_mentions.get(index)
        if found is not None:
            return found
        start, end = self.sentences[index]
        found: list[_Mention] = []
        things: list[_Mention] = []  # bodies and places: no mention of `people` inside them counts
        for phrase in self.phrases_in(start, end):
            for group in phrase.groups:
                if self._is_person(group):
                    found.append(_Mention(group.start, group.end, group=group))
                elif group.name is None:
                    things.append(_Mention(group.start, group.end, group=group))
        found.extend(
            _Mention(match.start(), match.end(), pronoun=True)
            for match in self.lexicon.pronoun_pattern.finditer(self.text, start, end)
        )
        first = bisect_left(self.people_starts, start)
        found.extend(
            mention
            for mention in self.people_mentions[first : bisect_left(self.people_starts, end)]
            if mention.end <= end
            and not any(m.start < mention.end and mention.start < m.end for m in (*found, *things))
        )
        found.sort(key=lambda mention: mention.start)
        found = [mention for mention in found if not self._inside_marks(mention.start)]
        self.sentence_mentions[index] = found
        return found

    def word_positions(self, word: str) -> list[int]:
        """Where the capitalised word `word` (any case) starts in the text."""
        return self.capitalised.get(word.lower(), [])

    def _is_person(self, group: _Group) -> bool:
        """A title marks a group without a name as a person (a body or a place is none, whatever
        `people` say of its words); a name that is a mention of one of `people`, or has a title,
        rank, honorific, degree or age, is a person; a bare name, or a name in the phrase of a
        body (`Universitas Lampung Robi`), must be known."""
        if group.name is None:
            return not group.organisation and bool(group.titles)
        if self.people and self._person_of_name(group.name) is not None:
            return True
        if not group.organisation and (group.titles or group.person_evidence):
            return True
        return self._is_known_name(self._name_words(group))

    def _name_words(self, group: _Group) -> tuple[str, ...]:
        assert group.name is not None
        return tuple(self.text[group.name[0] : group.name[1]].split())

    def _is_known_name(self, words: tuple[str, ...]) -> bool:
        """The words begin or end a name that a title, honorific, degree or age marks as a
        person somewhere in the article, or of someone the article quotes."""
        known = self.known_names.get(words)
        if known is not None:
            return known
        known = any(_begins_or_ends(name, words) for name in self.speaker_names)
        for position in self.word_positions(words[0]) if not known else ():
            index = self._raw_index(position)
            if index is None:
                continue
            for phrase in self._phrases_of(index):
                for group in phrase.groups:
                    if group.name is None or group.organisation or not group.start <= position < group.end:
                        continue
                    if _begins_or_ends(self._name_words(group), words) and (
                        group.person_evidence or self._speaks(phrase, group)
                    ):
                        known = True
        self.known_names[words] = known
        return known

    def _speaks(self, phrase: _Phrase, group: _Group) -> bool:
        """The group is next to a speech verb: `Budi mengatakan`, `kata Budi`, `menurut Budi`."""
        if group is phrase.groups[-1]:
            following = self.lexicon.verb_pattern.match(self.text, _next_visible(self.text, phrase.end))
            if following is not None and following.group().islower():
                return self.lexicon.verbs[following.group()].voice == "active"
        if group is not phrase.groups[0]:
            return False
        previous = _PREVIOUS_WORD.search(self.text, max(0, phrase.start - 24), phrase.start)
        if previous is None:
            return False
        verb = self.lexicon.verbs.get(previous.group(1).lower())
        return verb is not None and verb.voice in ("bare", "preposition")

    def antecedent(self, position: int) -> _Entity | None:
        """Who a pronoun at `position` (or a quote with no cue starting there) refers to."""
        if position in self.antecedents:
            return self.antecedents[position]
        self.antecedents[position] = None  # guards against cycles
        found = self._find_antecedent(position)
        self.antecedents[position] = found
        return found

    def _find_antecedent(self, position: int) -> _Entity | None:
        """Walking back sentence by sentence, the first that mentions a person or holds an
        attributed quote gives its subject, else its quoted speaker, else its first person not
        after a preposition (`kepada Presiden` is rarely who speaks next). A person after a
        preposition, then a title the article names no one for, are taken only when nothing
        better is found."""
        current = self.sentence_of(position)
        unnamed: _Entity | None = None  # a title the article names no one for (`Pengamat`)
        object_: _Entity | None = None  # a person after a preposition
        for index in range(current, max(-1, current - ANTECEDENT_SENTENCES), -1):
            start, _ = self.sentences[index]
            candidates = [mention for mention in self._mentions_in(index) if mention.end <= position]
            spoken = [entity for spoken_at, entity in self.spoken.get(index, []) if spoken_at < position]
            entities = [(mention, self._mention_entity(mention)) for mention in candidates]
            named = [(mention, entity) for mention, entity in entities if entity is not None and entity.named]
            if named and named[0][0] is candidates[0]:  # the first person is named: is it the subject?
                first, entity = named[0]
                if self._is_subject(first, start) and not self._is_reported(first, index):
                    return entity
            if spoken:
                return spoken[-1]
            for mention, entity in named:
                if not self._after_preposition(mention):
                    return entity
                object_ = object_ or entity
            unnamed = unnamed or next((entity for _, entity in entities if entity is not None), None)
        return object_ or unnamed

    def _is_reported(self, mention: _Mention, index: int) -> bool:
        """The mention is inside a reported statement of sentence `index` (`Presiden, menurut
        Fadjroel, menginginkan ...`): part of what was said, not who said it."""
        return any(start <= mention.start < end for start, end in self.reported.get(index, ()))

    def _after_preposition(self, mention: _Mention) -> bool:
        """The mention follows a preposition: `kepada Presiden`, `dari Relawan Demokrasi`; not a
        name in apposition after a comma (`di Tanah Abang, Anto`)."""
        group = mention.group
        if group is not None and group.name is not None and "," in self.text[group.start : group.name[0]]:
            return False
        previous = _PREVIOUS_WORD.search(self.text, max(0, mention.start - 24), mention.start)
        return previous is not None and self.lexicon.function(previous.group(1).lower()) == "preposition"

    def _is_subject(self, mention: _Mention, sentence_start: int) -> bool:
        """The mention opens its sentence, or follows an opening phrase ending in a comma."""
        opening = self.text[sentence_start : mention.start].strip().strip(_QUOTE_CHARS).strip()
        return not opening or opening.endswith(",")

    def _mention_entity(self, mention: _Mention) -> _Entity | None:
        if mention.person is not None:
            return _Entity(mention.person.name, mention.person)
        if mention.pronoun:
            return self._pronoun_entity(mention.start, mention.end)
        if mention.group is not None:
            entity, _ = self._group_entity(mention.group)
            return entity
        return None


#: A word that can be part of a personal name: letters, apostrophes and hyphens.
_NAME_WORD = re.compile(r"[^\W\d_](?:[’'-]?[^\W\d_])*")
_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")
_CAPITALISED = re.compile(r"[A-Z][\w’'-]*")
#: The capitalised words after a place-kind or organisation word, and what follows them.
_PLACE_RUN = re.compile(r"[ \t]+(?P<run>[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)*)(?P<after>[ \t]*(?:[^\w\s]|\w+))?")


def _word_start(text: str, position: int) -> bool:
    return position == 0 or not (text[position - 1].isalnum() or text[position - 1] in "_’'-")


def _index_at(tokens: list[_Token], position: int) -> int:
    """Index of the first token starting at or after `position` (len(tokens) if none)."""
    return bisect_left([token.start for token in tokens], position)


def _parenthesis_end(tokens: list[_Token], index: int) -> int | None:
    """The index of the `)` of a short parenthesis of capitalised words or an age opening at
    `index` (`(Kadisperindag)`, `(Asisten II)`, `(67)`), or None."""
    if tokens[index].text != "(":
        return None
    for close in range(index + 1, min(index + 6, len(tokens))):
        token = tokens[close]
        if token.text == ")":
            return close if close > index + 1 else None
        if token.shape in (Shape.LOWER, Shape.PUNCT):
            return None
    return None


def _begins_or_ends(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """`words` are the first or the last words of `name` (`Ali` of `Budi Santoso`, `Mei Ling` of `Tan Mei Ling`)."""
    return name[: len(words)] == words or name[-len(words) :] == words


def _normal(name: str) -> str:
    return " ".join(name.lower().replace(".", " ").replace(",", " ").split())


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """Candidates in text order, dropping each that overlaps one of a rule earlier in `RULES`."""
    order = {rule: position for position, rule in enumerate(RULES)}
    kept: list[_Candidate] = []  # disjoint, in text order
    starts: list[int] = []
    for candidate in sorted(candidates, key=lambda c: (order[c.rule], c.start, c.end)):
        i = bisect_left(starts, candidate.start)
        if (i > 0 and kept[i - 1].end > candidate.start) or (i < len(kept) and kept[i].start < candidate.end):
            continue
        kept.insert(i, candidate)
        starts.insert(i, candidate.start)
    return kept
