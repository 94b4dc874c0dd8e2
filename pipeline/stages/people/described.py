"""Persons who hold no office: the NER model's PER entities that read as names, and names
the text describes (`Onih (67), warga ...`, `Hasnah, pedagang ...`, `warga bernama Hasnah`,
`warga Kelurahan Ujung Sabbang, Hasnah,`) with what it says they are."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.spans import Coverage
from pipeline.stages.people.clusters import Cluster, contains
from pipeline.stages.people.mention import TitleMention
from pipeline.stages.people.words import after_no_name_word, canonical_name, is_name_token, name_end, plausible_name
from pipeline.tokens import Tokens
from pipeline.vocabulary import Vocabulary, person_words, vocabulary
from pipeline.vocabulary.speech import function_words

#: Capitalised words of the place after a descriptor (`warga Kelurahan Ujung Sabbang`).

MAX_PLACE_WORDS = 5
#: Lower-case words of a descriptor's field between it and the capitalised place it is of, at
#: most (`ahli epidemiologi Universitas X, Budi,`; `dosen hukum tata negara Universitas X`).
MAX_FIELD_WORDS = 3


def described_persons(
    tokens: Tokens,
    clusters: list[Cluster],
    entities: Sequence[tuple[int, int]],
    titles: list[TitleMention],
    bodies: list[tuple[int, int]],
) -> list[Cluster]:
    """Named persons who hold no office: NER entities and described appositions."""
    vocab = vocabulary()
    taken = Coverage(
        [(start, end) for c in clusters for start, end, _ in c.mentions] + [(t.start, t.end) for t in titles] + bodies
    )
    known = [c.name.split() for c in clusters]
    persons: list[Cluster] = []
    described = _described_names(tokens, vocab)
    plausible = [span for span in entities if _plausible_entity(tokens, span, vocab)]
    for start, end in sorted({*plausible, *described}):
        if taken.overlaps(start, end):
            continue
        name = canonical_name(tokens.text[start:end])
        words = name.split()
        if any(contains(k, words) or contains(words, k) for k in known):
            continue
        cluster = next((p for p in persons if contains(p.name.split(), words) or contains(words, p.name.split())), None)
        if cluster is None:
            cluster = Cluster(name, None, None, None, "", start, official=False)
            persons.append(cluster)
        elif len(words) > len(cluster.name.split()):
            cluster.name = name
        cluster.mentions.append((start, end, "name"))
        cluster.description = cluster.description or described.get((start, end))
    return persons


def _plausible_entity(tokens: Tokens, span: tuple[int, int], vocab: Vocabulary) -> bool:
    """A PER entity of the model that reads as a name: two name words or more, not a region or a
    unit. (Single words the model calls persons are as often brands, places or capitalised nouns;
    a single-word name becomes a person when the text describes it: `Onih (67), warga ...`.)"""
    first = tokens.index_at(span[0])
    if first is None:
        return False
    end = first
    while end < len(tokens) and tokens.ends[end] <= span[1]:
        end += 1
    names = [word for word in tokens.words[first:end] if word not in person_words().words("name_particle")]
    if len(names) < 2 or not all(is_name_token(word, vocab) for word in names):
        return False
    return plausible_name(tokens, first, end, vocab)


def _described_names(tokens: Tokens, vocab: Vocabulary) -> dict[tuple[int, int], str | None]:
    """`Onih (67), warga ...`, `Hasnah, pedagang ...`, `warga bernama Hasnah`, `warga Kelurahan
    Ujung Sabbang, Hasnah,`: names with what they are. Span -> the descriptor phrase, if any."""
    words = tokens.words
    found: dict[tuple[int, int], str | None] = {}
    descriptors = vocab.descriptors
    for j in range(len(words)):
        if not is_name_token(words[j], vocab) or (j > 0 and is_name_token(words[j - 1], vocab)):
            continue
        if after_no_name_word(words, j):
            continue
        end = name_end(words, j, vocab)
        after = end
        if after + 2 < len(words) and words[after] == "(" and words[after + 1].isdigit() and words[after + 2] == ")":
            after += 3  # `Onih (67), warga ...`: the age, then maybe what she is
            described = after + 1 < len(words) and words[after] == "," and words[after + 1].lower() in descriptors
            found[tokens.chars(j, end)] = _phrase_after(tokens, after + 1) if described else None
            continue
        if after + 1 < len(words) and words[after] == "," and words[after + 1].lower() in descriptors:
            found[tokens.chars(j, end)] = _phrase_after(tokens, after + 1)
            continue
        before = [w.lower() for w in words[max(0, j - 2) : j]]
        if before[-1:] and before[-1] in person_words().words("naming"):
            found[tokens.chars(j, end)] = _phrase_before(tokens, j - 1)
        elif before[-1:] == [","] and (start := _described_before(words, j)) is not None:
            phrase = tokens.span_text(start, j - 1) if start < j - 1 else None
            if phrase and words[start].lower() in descriptors:  # `Pedagang Pasar Lakessi, ...` opening a sentence
                phrase = phrase[0].lower() + phrase[1:]
            found[tokens.chars(j, end)] = phrase
    return found


#: Words that end a descriptor phrase (`pedagang sayur di Pasar Baru, mengaku ...`).

_PUNCTUATION_STOPS = frozenset({",", ".", ";", ":", "(", ")", "“", "”", '"'})


MAX_PHRASE_WORDS = 8


def _phrase_after(tokens: Tokens, start: int) -> str | None:
    end = start
    while (
        end < len(tokens)
        and end - start < MAX_PHRASE_WORDS
        and tokens.words[end] not in _PUNCTUATION_STOPS | person_words().words("description_stop")
    ):
        end += 1
    return tokens.span_text(start, end) if end > start else None


def _phrase_before(tokens: Tokens, stop: int) -> str | None:
    """`seorang warga bernama X`: the descriptor before `bernama`, without `seorang`."""
    start = stop
    while start > 0 and stop - start < 3 and tokens.words[start - 1].lower() in vocabulary().descriptors:
        start -= 1
    return tokens.span_text(start, stop) if start < stop else None


def _described_before(words: Sequence[str], j: int) -> int | None:
    """`Salah seorang penerima, Onih,`, `warga Kelurahan Ujung Sabbang, Hasnah,`: a descriptor
    phrase (a descriptor and the capitalised place it is of), a comma, the name. Returns
    where the phrase starts (after `seorang`), or None."""
    window = [w.lower() for w in words[max(0, j - 5) : j - 1]]
    indefinite = next((word for word in window if word in person_words().words("indefinite")), None)
    if indefinite is not None:
        return max(0, j - 5) + window.index(indefinite) + 1
    for phrase in person_words().words("one_of"):  # `salah satu`
        first, last = phrase.split()
        if first in window and last in window:
            return max(0, j - 5) + window.index(last) + 1
    i = j - 2
    descriptors = vocabulary().descriptors
    while i >= 0 and j - 2 - i < MAX_PLACE_WORDS and words[i][:1].isupper() and words[i].lower() not in descriptors:
        i -= 1
    if 0 <= i < j - 2 and words[i] not in descriptors:  # a place was read: the descriptor's field may come before
        field = i
        while field >= 0 and i - field < MAX_FIELD_WORDS and _field_word(words[field]):
            if words[field] in descriptors:
                break
            field -= 1
        if field >= 0 and words[field] in descriptors:
            return field
    return i if i >= 0 and words[i].lower() in descriptors else None


def _field_word(word: str) -> bool:
    """A lower-case word that can name a descriptor's field (`epidemiologi`, `tata`), no function word."""
    return word.isalpha() and word.islower() and word not in function_words()
