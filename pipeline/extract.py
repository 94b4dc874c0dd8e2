"""Article -> `EventRecord`: one spaCy `Doc` per article, the stages in order, one record.

The stages are pure functions over the `Doc` (and the results of earlier stages); this
module runs them, times them, and assembles the validated record.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from spacy.tokens import Doc

from pipeline import __version__
from pipeline.fingerprint import build_fingerprint
from pipeline.ingest import Article
from pipeline.nlp import build_nlp, model_name, pipe_docs, tokens_of
from pipeline.record import DateRole, Event, EventRecord, PipelineInfo, RecordWarning, Span
from pipeline.spans import Coverage
from pipeline.stages.dateline import extract_dateline
from pipeline.stages.dates import extract_dates
from pipeline.stages.events import extract_event
from pipeline.stages.language import language_warning
from pipeline.stages.officials import extract_people
from pipeline.stages.organisations import extract_organisations
from pipeline.stages.places import EventPlace, choose_event_place, extract_places
from pipeline.stages.quotes import extract_quotes
from pipeline.syntax.choice import StanzaSyntax
from pipeline.vocabulary import vocabulary

SpanT = TypeVar("SpanT", bound=Span)


class StageTimer:
    """Seconds spent per stage, summed over articles (`nlp`: spaCy's tokenizer, the project's
    sentence segmenter and the NER model)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - started

    def merge(self, other: dict[str, float]) -> None:
        for stage, seconds in other.items():
            self.seconds[stage] += seconds


class Extractor:
    """Holds the loaded spaCy pipeline; build one per process and reuse it."""

    def __init__(self, model: str | Path | StanzaSyntax | None = None) -> None:
        self.nlp = build_nlp(model)
        self.info = PipelineInfo(version=__version__, build=build_fingerprint(), model=model_name(self.nlp))
        self.timer = StageTimer()

    def extract(self, article: Article) -> EventRecord:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[EventRecord]:
        """Records in input order; spaCy processes the texts in batches."""
        pending: deque[Article] = deque()

        def texts() -> Iterator[str]:
            for article in articles:
                pending.append(article)
                yield article.text

        docs = pipe_docs(self.nlp, texts(), batch_size=batch_size)
        while True:
            with self.timer("nlp"):
                doc = next(docs, None)
            if doc is None:
                return
            yield self.build_record(pending.popleft(), doc)

    def build_record(self, article: Article, doc: Doc) -> EventRecord:
        """Run every stage over `doc` and assemble the record."""
        timer = self.timer
        published = article.source.published
        warnings: list[RecordWarning] = list(article.warnings)
        with timer("dateline"):
            dateline = extract_dateline(doc)
        with timer("dates"):
            dates, date_warnings = extract_dates(doc, published=published)
            if dateline is not None:
                dates = [
                    mention.model_copy(update={"role": DateRole.PUBLICATION})
                    if dateline.start <= mention.start < dateline.end
                    else mention
                    for mention in dates
                ]
            warnings.extend(date_warnings)
        with timer("places"):
            entities = _entities(doc)
            places_result = extract_places(
                doc, dateline=dateline, url=article.source.url, entities=entities.get("LOC", [])
            )
            places = places_result.places
        with timer("organisations"):
            organisations = extract_organisations(doc, places=places, entities=entities.get("ORG", []))
        with timer("officials"):
            people = extract_people(
                doc,
                places=places,
                organisations=organisations,
                home=places_result.home,
                entities=entities.get("PER", []),
            )
            named = [(m.start, m.end) for person in (*people.officials, *people.persons) for m in person.mentions]
            places = _without_model_guesses(places, named)
            organisations = _without_model_guesses(organisations, named)
        with timer("events"):
            event_result = extract_event(
                doc, dates=dates, published=published, title=article.source.title, places=places
            )
            event_place = choose_event_place(doc, places, anchor=event_result.anchor, home=places_result.home)
            event = _with_place(event_result.event, event_place)
            warnings.extend(event_result.warnings)
        with timer("quotes"):
            quotes_result = extract_quotes(doc, people=[*people.officials, *people.persons], dateline=dateline)
            warnings.extend(quotes_result.warnings)
        with timer("language"):
            language = language_warning(doc)
            if language is not None:
                warnings.append(language)
        with timer("record"):
            return EventRecord(
                doc_id=article.doc_id,
                source=article.source,
                text=article.text,
                dateline=dateline,
                event=event,
                other_events=event_result.other_events,
                dates=event_result.dates,
                places=places,
                organisations=organisations,
                officials=people.officials,
                persons=people.persons,
                quotes=quotes_result.quotes,
                warnings=warnings,
                pipeline=self.info,
            )


def _without_model_guesses(items: list[SpanT], named: list[tuple[int, int]]) -> list[SpanT]:
    """Drop the NER model's places and organisations that are a person the rules found."""
    people = Coverage(named)
    return [item for item in items if item.rule != "ner" or not people.overlaps(item.start, item.end)]


def _entities(doc: Doc) -> dict[str, list[tuple[int, int]]]:
    """Character spans of the NER model's entities by label (none for the blank pipeline).

    Left out: entities that are only degrees, honorifics and punctuation (`S.E.`, `M.M.`), and
    one-word entities that the article also writes in lower case (`Pelatihan` opening a
    sentence, when the text speaks of `pelatihan` elsewhere): common words, not names. Longer
    names keep their common words (`Otoritas Jasa Keuangan`).
    """
    if not doc.ents:
        return {}
    vocab = vocabulary()
    lower = {word for word in tokens_of(doc).words if word.islower()}
    spans: dict[str, list[tuple[int, int]]] = {}
    for entity in doc.ents:
        words = [token.text for token in entity if any(char.isalpha() for char in token.text)]
        named = [word for word in words if not vocab.is_degree(word) and word not in vocab.honorifics]
        if named and not (len(named) == 1 and named[0].lower() in lower):
            spans.setdefault(entity.label_, []).append((entity.start_char, entity.end_char))
    return spans


def _with_place(event: Event, chosen: EventPlace) -> Event:
    place = chosen.place
    region = chosen.region
    return event.model_copy(
        update={
            "place": place.name if place is not None else None,
            "place_mention": Span(text=place.text, start=place.start, end=place.end, rule=place.rule)
            if place
            else None,
            "region": region.name if region is not None else None,
            "region_code": region.code if region is not None else None,
        }
    )
