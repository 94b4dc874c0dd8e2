"""Reported statements read from the dependency tree, where the Doc has one (`--nlp stanza`).

A speech verb's clausal complement after it (`pipeline.syntax.tree.statement_after`: its
`ccomp`, else `xcomp`, else `parataxis`) is the statement, and the name of its subject (`subject_name`,
over the title to its `appos` name) is the speaker. The rules of `reported` come first in
the merge (`candidates.RULES`), so the tree only adds statements the rules did not read:
`Ia menegaskan seluruh sekolah sudah siap` has no comma, `bahwa` or request. On the
default pipeline's Doc (no parse) this finds nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from pipeline.quotation import DOUBLE_QUOTES
from pipeline.record import QuoteKind
from pipeline.stages.quotes.candidates import Attribution, Candidate, How
from pipeline.stages.quotes.context import Context
from pipeline.stages.quotes.cues import pronoun_attribution, subject
from pipeline.syntax.tree import has_parse, statement_after, subject_name
from pipeline.syntax.tree import subject as subject_token
from pipeline.tokens import Word, shape_of

RULE = "reported_parse"
#: Verb kinds whose statements only the rules read: requests take an addressee and a purpose
#: clause (`reported_request`), `menurut` a comma (`according_to`).
OWN_RULES = frozenset({"request", "according"})
#: Parts of speech that head a clause; a noun heads one only with a subject or a copula.
PREDICATES = frozenset({"VERB", "AUX", "ADJ"})
CLAUSE_MARKS = frozenset({"nsubj", "nsubj:pass", "cop"})
#: Words of a statement read from the tree, at least (as `reported.STATEMENT_MIN_WORDS`).
STATEMENT_MIN_WORDS = 3


def parsed_candidates(context: Context, doc: Doc) -> Iterator[Candidate]:
    """A candidate for each active speech verb outside quotation marks whose complement the tree gives."""
    if not has_parse(doc):
        return
    speech = context.speech
    for token in doc:
        verb = speech.verbs.get(token.lower_)
        if verb is None or verb.voice != "active" or verb.kind in OWN_RULES:
            continue
        if context.quotations.inside(token.idx):
            continue
        clause = statement_after(token)  # a clause before its verb is a quotation's, read by `direct`
        if clause is None:
            continue
        body = context.text[clause.start_char : clause.end_char]
        if len(body.split()) < STATEMENT_MIN_WORDS or any(mark in body for mark in DOUBLE_QUOTES):
            continue
        if not _has_predicate(clause) or _is_thing(context, clause):
            continue
        cue = (token.idx, token.idx + len(token), "cue_before")
        yield Candidate(clause.start_char, clause.end_char, QuoteKind.INDIRECT, RULE, cue, _speaker(context, token))


def _has_predicate(clause: Span) -> bool:
    """The clause has a predicate among its top words (`sekolah sudah siap`), not only a noun
    phrase (`sejarah berdirinya kabupaten itu`: a speech verb's object, no statement)."""
    for token in clause:
        if clause.start <= token.head.i < clause.end and token.head.i != token.i:
            continue
        if token.pos_ in PREDICATES or any(child.dep_ in CLAUSE_MARKS for child in token.children):
            return True
    return False


def _is_thing(context: Context, clause: Span) -> bool:
    """The clause opens with a noun that makes the verb's object a thing (`rasa terima kasih`)."""
    objects = context.speech.function_words
    return any(objects.get(token.lower_) == "object" for token in clause[:2])


def _speaker(context: Context, verb: Token) -> Attribution:
    """The person phrase at the name of the verb's subject; a pronoun subject's antecedent;
    else the rules' subject before the verb."""
    name = subject_name(verb, is_title=lambda span: _is_title(context, span))
    if name is not None:
        phrase = context.people.phrase_at(name.start_char)
        if phrase is not None:
            group = next((g for g in phrase.groups if g.name is not None and not g.organisation), phrase.groups[0])
            return Attribution(How.PHRASE, group=group)
    found = subject_token(verb)
    if found is not None:
        word = _word(found)
        if context.is_pronoun(word):
            return pronoun_attribution(context, word)
    before = context.words_before(verb.idx)
    before.append(_word(verb))
    return subject(context, before, len(before) - 1)


def _is_title(context: Context, span: Span) -> bool:
    """The inventory reads a title, not a name, where `span` starts."""
    phrase = context.people.phrase_at(span.start_char)
    if phrase is None:
        return False
    group = phrase.groups[0]
    return bool(group.titles) and (group.name is None or group.name[0] > span.start_char)


def _word(token: Token) -> Word:
    return Word(token.idx, token.idx + len(token), token.text, token.lower_, shape_of(token.text), False)
