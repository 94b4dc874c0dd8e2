"""Stanza's words projected onto the project's tokens (`pipeline.syntax.align`): pure, no stanza."""

from __future__ import annotations

import re

from pipeline.syntax.align import TokenSpan, Word, project


def spans(text: str) -> list[TokenSpan]:
    """Tokens as the project's tokenizer would give them here: words, punctuation, line breaks."""
    return [
        TokenSpan(match.start(), match.end(), match.group(), match.group().isspace())
        for match in re.finditer(r"\n+|\w+|[^\w\s]", text)
    ]


def word(text: str, form: str, upos: str, deprel: str, head: int | None, *, nth: int = 0, lemma: str = "") -> Word:
    """A stanza word over the `nth` occurrence of `form` in `text` (its token's span)."""
    start = [match.start() for match in re.finditer(re.escape(form), text)][nth]
    return Word(start, start + len(form), upos, lemma or form.lower(), "", deprel, head)


def test_one_word_per_token_keeps_the_tree():
    text = "Rudi Hartono meresmikan taman."
    words = [
        word(text, "Rudi", "PROPN", "nsubj", 2),
        word(text, "Hartono", "PROPN", "flat:name", 0),
        word(text, "meresmikan", "VERB", "root", None, lemma="resmi"),
        word(text, "taman", "NOUN", "obj", 2),
        word(text, ".", "PUNCT", "punct", 2),
    ]
    syntax = project(spans(text), [(0, 5)], words)
    assert syntax.head == [2, 0, 2, 2, 2]
    assert syntax.dep == ["nsubj", "flat:name", "ROOT", "obj", "punct"]
    assert syntax.pos == ["PROPN", "PROPN", "VERB", "NOUN", "PUNCT"]
    assert syntax.lemma[2] == "resmi"


def test_clitic_words_give_the_token_the_highest_word():
    # `ujarnya` = ujar (root) + nya (nsubj); `Menurutnya` = Menurut (case of nya) + nya (obl)
    text = "Menurutnya, taman dibuka, ujarnya."
    tokens = spans(text)
    assert [token.text for token in tokens] == ["Menurutnya", ",", "taman", "dibuka", ",", "ujarnya", "."]
    menurut = text.index("Menurutnya")
    ujar = text.index("ujarnya")
    words = [
        Word(menurut, menurut + 10, "ADP", "turut", "", "case", 1),
        Word(menurut, menurut + 10, "PRON", "nya", "", "obl", 4),
        word(text, ",", "PUNCT", "punct", 4),
        word(text, "taman", "NOUN", "nsubj:pass", 4),
        word(text, "dibuka", "VERB", "root", None, lemma="buka"),
        word(text, ",", "PUNCT", "punct", 6, nth=1),
        Word(ujar, ujar + 7, "VERB", "ujar", "", "parataxis", 4),
        Word(ujar, ujar + 7, "PRON", "nya", "", "nsubj", 6),
        word(text, ".", "PUNCT", "punct", 4),
    ]
    syntax = project(tokens, [(0, 7)], words)
    assert syntax.pos == ["PRON", "PUNCT", "NOUN", "VERB", "PUNCT", "VERB", "PUNCT"]
    assert syntax.dep == ["obl", "punct", "nsubj:pass", "ROOT", "punct", "parataxis", "punct"]
    assert syntax.head == [3, 3, 3, 3, 5, 3, 3]
    assert syntax.lemma[5] == "ujar"


def test_a_token_split_by_the_tokenizer_but_one_word_for_stanza_goes_with_its_first_part():
    text = "Ia ke Kabupaten/Kota Malang."
    tokens = spans(text)
    assert [token.text for token in tokens] == ["Ia", "ke", "Kabupaten", "/", "Kota", "Malang", "."]
    start = text.index("Kabupaten")
    words = [
        word(text, "Ia", "PRON", "root", None),
        word(text, "ke", "ADP", "case", 2),
        Word(start, start + len("Kabupaten/Kota"), "NOUN", "kabupaten/kota", "", "obl", 0),
        word(text, "Malang", "PROPN", "flat:name", 2),
        word(text, ".", "PUNCT", "punct", 0),
    ]
    syntax = project(tokens, [(0, 7)], words)
    assert syntax.dep == ["ROOT", "case", "obl", "goeswith", "goeswith", "flat:name", "punct"]
    assert syntax.head == [0, 2, 0, 2, 2, 2, 0]


def test_one_token_holding_several_stanza_tokens_takes_the_highest():
    # "Ahmad S.IP. hadir.": the project's `S.IP.` is `S.IP` + `.` for stanza
    tokens = [TokenSpan(0, 5, "Ahmad", False), TokenSpan(6, 11, "S.IP.", False), TokenSpan(12, 17, "hadir", False)]
    tokens.append(TokenSpan(17, 18, ".", False))
    words = [
        Word(0, 5, "PROPN", "ahmad", "", "nsubj", 4),
        Word(6, 10, "PROPN", "s.ip", "", "appos", 0),
        Word(10, 11, "PUNCT", ".", "", "punct", 1),
        Word(11, 11, "PUNCT", ".", "", "punct", 1),  # a zero-width word overlaps nothing
        Word(12, 17, "VERB", "hadir", "", "root", None),
        Word(17, 18, "PUNCT", ".", "", "punct", 4),
    ]
    syntax = project(tokens, [(0, 4)], words)
    assert syntax.dep == ["nsubj", "appos", "ROOT", "punct"]
    assert syntax.head == [2, 0, 2, 2]


def test_whitespace_and_uncovered_tokens_hang_on_the_previous_token():
    text = "Taman dibuka\n\nWarga senang"
    tokens = spans(text)
    assert [token.text for token in tokens] == ["Taman", "dibuka", "\n\n", "Warga", "senang"]
    words = [
        word(text, "Taman", "NOUN", "nsubj:pass", 1),
        word(text, "dibuka", "VERB", "root", None),
        word(text, "Warga", "NOUN", "root", None),
        # no word for `senang`: the stanza tokenizer dropped it
    ]
    syntax = project(tokens, [(0, 3), (3, 5)], words)
    assert syntax.head == [1, 1, 1, 3, 3]
    assert syntax.dep == ["nsubj:pass", "ROOT", "dep", "ROOT", "dep"]
    assert syntax.pos == ["NOUN", "VERB", "SPACE", "NOUN", "X"]
    assert syntax.lemma[4] == "senang"


def test_every_sentence_gets_one_root_whatever_stanza_says():
    # stanza split the project's one sentence in two, and a head points into the other sentence
    text = "Kami siap. Kota ini maju, kata Rudi."
    tokens = spans(text)
    words = [
        word(text, "Kami", "PRON", "nsubj", 1),
        word(text, "siap", "ADJ", "root", None),
        word(text, ".", "PUNCT", "punct", 1),
        word(text, "Kota", "NOUN", "nsubj", 5),
        word(text, "ini", "DET", "det", 3),
        word(text, "maju", "VERB", "root", None),
        word(text, ",", "PUNCT", "punct", 7),
        word(text, "kata", "VERB", "parataxis", 5),
        word(text, "Rudi", "PROPN", "nsubj", 1),  # its head is in the first project sentence
        word(text, ".", "PUNCT", "punct", 5, nth=1),
    ]
    whole = project(tokens, [(0, 10)], words)
    assert [index for index, head in enumerate(whole.head) if head == index] == [1]
    assert whole.dep[5] == "dep"  # the second root
    assert whole.head[5] == 1
    split = project(tokens, [(0, 3), (3, 10)], words)
    assert [index for index, head in enumerate(split.head) if head == index] == [1, 5]
    assert (split.head[8], split.dep[8]) == (5, "dep")  # Rudi: its head was in the other sentence


def test_a_cycle_is_cut_at_the_root():
    text = "Satu dua tiga."
    tokens = spans(text)
    words = [
        word(text, "Satu", "NUM", "nummod", 1),
        word(text, "dua", "NUM", "nummod", 0),
        word(text, "tiga", "NUM", "root", None),
        word(text, ".", "PUNCT", "punct", 2),
    ]
    syntax = project(tokens, [(0, 4)], words)
    assert syntax.head[2] == 2
    heads = syntax.head
    for start in range(4):  # every chain reaches the root
        seen, current = set(), start
        while heads[current] != current:
            assert current not in seen
            seen.add(current)
            current = heads[current]
        assert current == 2
