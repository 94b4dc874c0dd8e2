"""One article's page: the marked text beside the record's fields, and what the index needs of it.

`render_article(record)` returns the page's HTML and an `ArticleSummary`: the article's row
in the index table and the facts the corpus charts count (event month and type, region,
officials' roles, speakers, quote kinds). The summary is small and picklable, so pages can
be rendered in worker processes and only summaries sent back.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.record import EventRecord, Official, Person, QuoteKind
from pipeline.report.marks import COLOURS, KINDS, person_anchor, record_marks, render_marks
from pipeline.report.templating import page_name, render

ARTICLES = "articles"
RECORDS = "records"
TITLE_CHARS = 160


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    role: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    doc_id: str
    #: Page and JSON file name, without folder and extension.
    name: str
    title: str
    event_type: str | None
    event_date: str | None
    region: str | None
    region_code: str | None
    roles: tuple[str | None, ...]
    persons: int
    speakers: tuple[Speaker, ...]
    direct: int
    indirect: int
    warnings: tuple[str, ...]
    marks: int
    #: The spaCy pipeline and the pipeline version that made the record.
    model: str
    version: str

    @property
    def page(self) -> str:
        """The page's path relative to the report folder."""
        return f"{ARTICLES}/{self.name}.html"

    @property
    def record(self) -> str:
        """The record's JSON, relative to the report folder."""
        return f"{RECORDS}/{self.name}.json"

    def row(self) -> list[object]:
        """The article's row of the index table (the columns of `index.COLUMNS`)."""
        return [
            self.doc_id,
            self.title,
            self.event_type or "",
            self.event_date or "",
            self.region or "",
            len(self.roles),
            self.persons,
            self.direct,
            self.indirect,
            len(self.warnings),
            self.name,
        ]


def article_title(record: EventRecord) -> str:
    """The source's title, else the first line of the text, shortened to TITLE_CHARS."""
    title = (record.source.title or "").strip() or record.text.strip().split("\n", 1)[0].strip()
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1].rstrip() + "…"


def summarize(record: EventRecord, marks: int) -> ArticleSummary:
    people: dict[str, Official | Person] = {person.id: person for person in (*record.officials, *record.persons)}
    speakers = []
    for quote in record.quotes:
        if quote.speaker:
            person = people.get(quote.speaker_id or "")
            role = person.role if isinstance(person, Official) else None
            speakers.append(Speaker(quote.speaker, role, quote.kind.value))
    event = record.event
    return ArticleSummary(
        doc_id=record.doc_id,
        name=page_name(record.doc_id),
        title=article_title(record),
        event_type=event.type.value if event.type is not None else None,
        event_date=event.date.isoformat() if event.date is not None else None,
        region=event.region,
        region_code=event.region_code,
        roles=tuple(official.role for official in record.officials),
        persons=len(record.persons),
        speakers=tuple(speakers),
        direct=sum(quote.kind is QuoteKind.DIRECT for quote in record.quotes),
        indirect=sum(quote.kind is QuoteKind.INDIRECT for quote in record.quotes),
        warnings=tuple(warning.code for warning in record.warnings),
        marks=marks,
        model=record.pipeline.model,
        version=record.pipeline.version,
    )


def render_article(record: EventRecord) -> tuple[str, ArticleSummary]:
    """The page of one record (written to `articles/NAME.html`) and its summary."""
    marks = record_marks(record)
    summary = summarize(record, marks=len(marks))
    people = {person.id: person.name for person in (*record.officials, *record.persons)}
    page = render(
        "article.html",
        root="..",
        title=summary.title,
        record=record,
        summary=summary,
        marked_text=render_marks(record.text, marks),
        legend=[(label, COLOURS[label], KINDS[label]) for label in KINDS],
        people=people,
        anchor=person_anchor,
        record_href=f"../{summary.record}",
    )
    return page, summary
