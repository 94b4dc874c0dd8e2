"""Quotes: what was said and by whom — direct quotations and reported statements.

Strategies, each tagging what it finds with its `rule`; candidates are merged by span
overlap, the first rule of `candidates.RULES` winning (the more precise one):

1. `quote_marks` (`direct`): the text between quotation marks (`pipeline.quotation` pairs
   them: `“...”`, `"..."`, `”...”`, quotes over several paragraphs, single marks inside
   double ones kept), when a cue is next to it or it stands as a sentence of its own. An
   unbalanced mark costs one candidate and a `quote_unbalanced` warning.
2. Reported statements (`reported`): `bahwa` clauses, `Menurut X, ...`, a speech verb and
   a comma or colon, requests with their addressee, `..., kata dia, ...`, bare clauses.
3. Where the Doc has a dependency tree (`--nlp stanza`), the clausal complement of a speech
   verb that no rule read (`parsed`), its subject's name as the speaker.

Cues come from `lexicons/speech_verbs.tsv` (`vocabulary.speech`). The speaker next to a cue
is read by `cues` (the person phrase after a bare cue, the subject before an active verb);
who that is, and the antecedent of a pronoun, by `speakers`, asking the inventory of people
(`pipeline.inventory`): this stage reads no names or titles itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.inventory import People
from pipeline.quotation import quotations_of
from pipeline.record import Quote, RecordWarning, Span
from pipeline.stages.quotes.candidates import (
    ATTRIBUTION_CONFIDENCE,
    SPAN_CONFIDENCE,
    UNBALANCED_FACTOR,
    Candidate,
    merge,
)
from pipeline.stages.quotes.context import Context
from pipeline.stages.quotes.direct import direct_candidate
from pipeline.stages.quotes.parsed import parsed_candidates
from pipeline.stages.quotes.reported import continued, reported_candidates
from pipeline.stages.quotes.speakers import Speaker, Speakers
from pipeline.tokens import text_of, words_of
from pipeline.vocabulary.people import person_words
from pipeline.vocabulary.speech import speech_lexicon


@dataclass(frozen=True, slots=True)
class QuotesResult:
    quotes: list[Quote]
    warnings: list[RecordWarning]


def extract_quotes(doc: Doc, *, people: People) -> QuotesResult:
    """Direct quotes and reported statements of `doc` in text order, with cues and speakers.

    `people` is the inventory of the article's people: a speaker it lists is linked by
    `speaker_id`; one it does not is named as written, with `speaker_id` null. A title the
    article gives no name for (`ujar Bupati`, no Bupati named) is no name: the speaker is
    null and `speaker_mention` keeps the title.
    """
    quotations = quotations_of(doc)
    context = Context(
        text=text_of(doc),
        sentences=[(sentence.start_char, sentence.end_char) for sentence in doc.sents] or [(0, len(text_of(doc)))],
        words=words_of(doc),
        quotations=quotations,
        people=people,
        speech=speech_lexicon(),
        person_words=person_words(),
    )
    candidates = [c for marked in quotations.quotes if (c := direct_candidate(context, marked)) is not None]
    candidates.extend(reported_candidates(context))
    candidates.extend(parsed_candidates(context, doc))
    kept = merge(continued(candidates, context.text))
    speakers = Speakers(context, kept)  # who is quoted next to a cue: in the statements kept only
    quotes = [_quote(context, candidate, speakers.resolve(candidate)) for candidate in kept]
    return QuotesResult(quotes=quotes, warnings=list(quotations.warnings))


def _quote(context: Context, candidate: Candidate, speaker: Speaker) -> Quote:
    text = context.text
    confidence = SPAN_CONFIDENCE[candidate.rule] * ATTRIBUTION_CONFIDENCE[speaker.how]
    if not candidate.balanced:
        confidence *= UNBALANCED_FACTOR
    cue = None
    if candidate.cue is not None:
        start, end, rule = candidate.cue
        cue = Span(text=text[start:end], start=start, end=end, rule=rule)
    mention = None
    if speaker.mention is not None:
        start, end = speaker.mention
        rule = "pronoun" if speaker.how == "pronoun" else speaker.how
        mention = Span(text=text[start:end], start=start, end=end, rule=rule)
    reference = speaker.reference
    person = reference.person if reference is not None else None
    return Quote(
        text=text[candidate.start : candidate.end],
        start=candidate.start,
        end=candidate.end,
        rule=candidate.rule,
        kind=candidate.kind,
        cue=cue,
        speaker_id=person.id if person is not None else None,
        speaker=reference.name if reference is not None and (reference.named or person is not None) else None,
        speaker_mention=mention,
        confidence=round(confidence, 3),
    )
