"""The words of personal names: which words can be part of a name, where a name ends, and
whether a run of capitalised words reads as one. Shared by every reader of the people stage."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pipeline.gazetteer import KABKOTA, gazetteer
from pipeline.record import PlaceLevel
from pipeline.tokens import Tokens
from pipeline.vocabulary import Vocabulary, person_words, vocabulary
from pipeline.vocabulary.speech import function_words

#: Longest person name, in tokens.
MAX_NAME_TOKENS = 6


#: A Roman numeral of a numbered post or unit (`Asisten II`).

ROMAN = re.compile(r"(?:I{1,3}|IV|V|VI{0,3})")


#: An initial or a short abbreviated name part (`B.`, `Moh.`, `Moch.`).

INITIAL = re.compile(r"[A-Z][a-z]{0,3}\.")

#: An honorific glued to the initial of the name (`HM.`, `HM`: H. + M.).

GLUED_INITIAL = re.compile(r"([A-Z][a-z]?)[A-Z]\.?")


def stop_words() -> frozenset[str]:
    """Capitalised words that never start or continue a name (sentence openers and the like)."""
    return vocabulary().name_stopwords


def is_name_token(word: str, vocab: Vocabulary) -> bool:
    """A word that can be part of a person's name (remembered per word: the vocabulary is fixed)."""
    return _is_name_word(word) if vocab is vocabulary() else _name_word_check(word, vocab)


@lru_cache(maxsize=65536)
def _is_name_word(word: str) -> bool:
    return _name_word_check(word, vocabulary())


def _name_word_check(word: str, vocab: Vocabulary) -> bool:
    if not word[:1].isupper() or word in stop_words() or word in vocab.organisation_words:
        return False
    if vocab.titles.match([word], 0) is not None or vocab.region_prefixes.match([word], 0) is not None:
        return False
    if vocab.is_degree(word) or word in vocab.honorifics or vocab.ranks.match([word], 0) is not None:
        return False
    if word.isupper() and len(word) > 1 and INITIAL.fullmatch(word) is None:
        return False  # acronyms and capitalised datelines are not names
    return (
        word.isalpha()
        or INITIAL.fullmatch(word) is not None
        or (word[:1].isalpha() and word.replace("'", "").replace("’", "").replace("-", "").isalpha())
    )


def name_end(words: Sequence[str], j: int, vocab: Vocabulary) -> int:
    """End of the run of name words at `j` (with particles inside: `bin`; the point of an
    abbreviated part before an initial: `Frans. J. Nama`), at most `MAX_NAME_TOKENS`."""
    end = j
    while end < len(words) and end - j < MAX_NAME_TOKENS and _continues_name(words, j, end, vocab):
        end += 1
    return end


def _continues_name(words: Sequence[str], j: int, end: int, vocab: Vocabulary) -> bool:
    """Word `end` belongs to the name that starts at `j`."""
    word = words[end]
    if is_name_token(word, vocab):
        return True
    if end == j or end + 1 >= len(words):
        return False
    if word in person_words().words("name_particle"):
        return is_name_token(words[end + 1], vocab)
    if _paired_initials(word, vocab):  # `Bambang PS Nama`, `Nama MD,`: initials written without points
        following = words[end + 1]
        return is_name_token(following, vocab) or following in (",", ".")
    if word.isalpha() and word.islower() and len(word) > 2 and word not in function_words():
        return is_name_token(words[end + 1], vocab) and _degrees_close(words, end + 1, vocab)
    return word == "." and _initial_follows(words, end + 1, vocab)


def _paired_initials(word: str, vocab: Vocabulary) -> bool:
    """Two capitals inside or closing a name (`PS`, `MD`), not a degree or a body's acronym."""
    return (
        len(word) == 2
        and word.isalpha()
        and word.isupper()
        and not vocab.is_degree(word)
        and vocab.agencies.match([word], 0) is None
        and vocab.organisations.match([word], 0) is None
        and word not in stop_words()
    )


def _degrees_close(words: Sequence[str], k: int, vocab: Vocabulary) -> bool:
    """The name words from `k` end with an academic degree (`Sitorus, SE, MM`): a lower-case word
    before them is a part of the name as written (`Hendra wijaya Sitorus, SE`), not prose."""
    end = k
    while end < len(words) and end - k < MAX_NAME_TOKENS and is_name_token(words[end], vocab):
        end += 1
    if end < len(words) and words[end] == ",":
        end += 1
    return end < len(words) and vocab.is_degree(words[end])


def _initial_follows(words: Sequence[str], k: int, vocab: Vocabulary) -> bool:
    """An initial (`J.`) and a name word after it start at `k`."""
    return (
        k + 1 < len(words)
        and INITIAL.fullmatch(words[k]) is not None
        and len(words[k]) == 2
        and is_name_token(words[k + 1], vocab)
    )


def glued_honorific(word: str, vocab: Vocabulary, following: str | None = None) -> int:
    """Length of an honorific glued to the name word after it (`H.Abdul` -> 2), else 0; an
    honorific glued to an initial (`HM.`, `HM` -> 1: `M.`) when a name word `following` it."""
    head, dot, rest = word.partition(".")
    if dot and rest and f"{head}." in vocab.honorifics and is_name_token(rest, vocab):
        return len(head) + 1
    initial = GLUED_INITIAL.fullmatch(word)
    if (
        initial is not None
        and initial.group(1) in vocab.honorifics
        and following is not None
        and is_name_token(following, vocab)
    ):
        return len(initial.group(1))
    return 0


def glued_degrees(word: str, vocab: Vocabulary) -> list[str]:
    """The degrees of a token of degrees glued by commas (`S.H.,M.Si`, `SH.,MM` -> both), else none."""
    parts = word.split(",")
    if len(parts) < 2 or not all(vocab.is_degree(part) or vocab.is_degree(part.rstrip(".")) for part in parts):
        return []
    return parts


def after_no_name_word(words: Sequence[str], j: int) -> bool:
    """Whether the word before `j` says no person is named at `j`: a number (`Pasal 78 Ayat (2)`)
    or a word for a people, a faith or a language, written in lower case (`umat Muslim`, `bahasa
    Madura`; not the name part of `Yayasan Harapan Bangsa Maria Lestari`)."""
    return j > 0 and (words[j - 1].isdigit() or words[j - 1] in person_words().words("collective"))


def canonical_name(text: str) -> str:
    """A name as the records give it: its words joined by single spaces."""
    return " ".join(text.split())


def is_name_start(words: Sequence[str], j: int, vocab: Vocabulary) -> bool:
    """A name, or the honorific or rank before one, starts at `j`."""
    return is_name_token(words[j], vocab) or words[j] in vocab.honorifics or vocab.ranks.match(words, j) is not None


def plausible_name(tokens: Tokens, start: int, end: int, vocab: Vocabulary) -> bool:
    """A run of capitalised words that reads as a person's name: not a region, not mostly unit
    words (`Teknologi Informasi`), not an item of a list (`..., Cipta Karya, dan Tata Ruang`)."""
    words = tokens.words
    run = words[start:end]
    if gazetteer().lookup(" ".join(run), levels=(PlaceLevel.PROVINCE, *KABKOTA)):
        return False
    if sum(word.lower() in vocab.unit_words for word in run) * 2 > len(run):
        return False
    after = words[end : end + 3]
    if after[:1] == [","]:
        after = after[1:]
    # `Dinas Perumahan, Cipta Karya, dan Tata Ruang`: the run is an item of a list of unit names
    return not (
        len(after) == 2
        and after[0] in person_words().words("list_joiner")
        and after[1][:1].isupper()
        and after[1].lower() in vocab.unit_words
    )


def joined_role(role: str, body: str) -> str:
    """The role of a post in the body, the words they share written once (`Kepala Kantor` +
    `Kantor Kementerian Agama` -> Kepala Kantor Kementerian Agama)."""
    role_words, body_words = role.split(), body.split()
    for size in range(min(len(role_words), len(body_words)), 0, -1):
        if role_words[-size:] == body_words[:size]:
            return " ".join([*role_words, *body_words[size:]])
    return f"{role} {body}"
