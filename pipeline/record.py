"""The output record: one validated `EventRecord` per article.

Every extracted value is a `Span` (or a subclass): the exact `text` at `start:end`
of `EventRecord.text`, plus the `rule` that produced it. `EventRecord` checks that
invariant for every span it contains, so a record that validates is traceable to
its text by construction.

The JSON Schema of these models is committed as `docs/record.schema.json`
(`python -m pipeline schema`); a test keeps it current.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from enum import StrEnum
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.0"


class Model(BaseModel):
    """Base of every record model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(Model):
    """A piece of the record's text: `text == record.text[start:end]`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule: str | None = Field(default=None, description="Name of the rule or model that produced the value.")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text has {len(self.text)} chars but covers {self.end - self.start}")
        return self


class Source(Model):
    """Where the article came from and what the crawler knew besides its text."""

    path: str | None = Field(default=None, description="Input file, as given on the command line.")
    line: int | None = Field(default=None, ge=1, description="Line of a .jsonl input, 1-based.")
    sha256: str = Field(description="SHA-256 of the article's raw text before cleaning.")
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None


class Dateline(Span):
    """The place (and outlet) before the dash that opens an article: `SLEMAN (humas) –`."""

    place: str | None = Field(default=None, description="The place, in title case: 'Lubuk Pakam'.")
    outlet: str | None = Field(default=None, description="The outlet or office named with it: 'humas'.")


class DateRole(StrEnum):
    EVENT = "event"
    PUBLICATION = "publication"
    OTHER = "other"


class DateMention(Span):
    """A date in the text, normalised. `value_end` is set for ranges (`6-8 Oktober 2025`)."""

    value: dt.date
    value_end: dt.date | None = None
    granularity: Literal["day", "month", "year"] = "day"
    role: DateRole = DateRole.OTHER


class PlaceLevel(StrEnum):
    COUNTRY = "country"
    PROVINCE = "province"
    REGENCY = "regency"  # kabupaten
    CITY = "city"  # kota
    DISTRICT = "district"  # kecamatan, distrik, kapanewon
    VILLAGE = "village"  # desa, kelurahan, nagari, kalurahan
    VENUE = "venue"
    OTHER = "other"


class Place(Span):
    """A place mention, linked to the Kemendagri gazetteer where it is a region."""

    name: str = Field(description="Canonical name: 'Kota Malang', 'Balai Kota Malang'.")
    level: PlaceLevel
    code: str | None = Field(default=None, description="Kemendagri code of the region: '35.73'.")
    region: str | None = Field(default=None, description="For venues and sub-regions: the kabupaten/kota.")
    region_code: str | None = None


class Organisation(Span):
    """An organisation mention with its name written out: `Pemkot Serang` -> Pemerintah Kota Serang."""

    name: str
    kind: str | None = Field(default=None, description="government, legislature, police, military, ...")
    region: str | None = None
    region_code: str | None = None


class Mention(Span):
    """One mention of a person."""

    kind: Literal["name", "short_name", "title", "pronoun"] = "name"


class Person(Model):
    """A person named in the article who holds no government office."""

    id: str = Field(description="Unique within the record; quotes refer to it by `speaker_id`.")
    name: str = Field(description="Fullest form of the name in the text, without honorifics or degrees.")
    mentions: list[Mention] = Field(default_factory=list)
    description: str | None = Field(default=None, description="What the text says they are: 'warga'.")


class Official(Person):
    """A government office holder: name, the title written out, and its jurisdiction."""

    role: str | None = Field(default=None, description="Full title without jurisdiction: 'Wakil Wali Kota'.")
    jurisdiction: str | None = Field(default=None, description="Region or body: 'Kota Malang', 'Polres Bantul'.")
    jurisdiction_code: str | None = Field(default=None, description="Kemendagri code of the jurisdiction.")
    rank: str | None = Field(default=None, description="Police or military rank: 'AKBP'.")
    honorifics: list[str] = Field(default_factory=list, description="'H.', 'Dr.' ... as written.")
    degrees: list[str] = Field(default_factory=list, description="'S.Sos.', 'M.Si.' ... as written.")


class QuoteKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"


class Quote(Span):
    """A statement: for direct quotes the content between the marks, else the reported clause."""

    kind: QuoteKind
    cue: Span | None = None
    speaker_id: str | None = None
    speaker: str | None = Field(default=None, description="Canonical name of the speaker.")
    speaker_mention: Span | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class EventType(StrEnum):
    KUNJUNGAN_KERJA = "kunjungan_kerja"
    RAPAT = "rapat"
    PERESMIAN = "peresmian"
    PELANTIKAN = "pelantikan"
    PENANDATANGANAN = "penandatanganan"
    PENYERAHAN_BANTUAN = "penyerahan_bantuan"
    SOSIALISASI = "sosialisasi"
    PELATIHAN = "pelatihan"
    UPACARA = "upacara"
    PENINJAUAN = "peninjauan"
    PELUNCURAN = "peluncuran"
    KONFERENSI_PERS = "konferensi_pers"
    PENGHARGAAN = "penghargaan"
    LAINNYA = "lainnya"


class Event(Model):
    """What happened, when and where. Fields the text does not give stay null."""

    type: EventType | None = None
    trigger: Span | None = None
    date: dt.date | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_mention: Span | None = Field(default=None, description="Where the date was read; null when inferred.")
    place: str | None = None
    place_mention: Span | None = None
    region: str | None = Field(default=None, description="Kemendagri kabupaten/kota (or province) name.")
    region_code: str | None = None


class RecordWarning(Model):
    """Something the reader of the record should know: a fallback taken, a mark left unbalanced."""

    code: str = Field(description="Stable machine-readable code: 'date_from_published'.")
    message: str


class PipelineInfo(Model):
    version: str
    build: str | None = Field(
        default=None,
        description="Fingerprint of the package's code and lexicons (pipeline.fingerprint); "
        "records of another build are re-extracted by a re-run.",
    )
    model: str = Field(description="The spaCy pipeline used: a models/ name or 'blank'.")
    schema_version: str = SCHEMA_VERSION


class EventRecord(Model):
    """One article: its text, and everything extracted from it with spans into that text."""

    schema_version: str = SCHEMA_VERSION
    doc_id: str
    source: Source
    text: str = Field(description="The cleaned article text; every offset in the record refers to it.")
    dateline: Dateline | None = None
    event: Event = Field(default_factory=Event)
    other_events: list[Event] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    persons: list[Person] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    warnings: list[RecordWarning] = Field(default_factory=list)
    pipeline: PipelineInfo

    @model_validator(mode="after")
    def _spans_match_text(self) -> Self:
        for where, span in self.spans():
            if span.end > len(self.text) or self.text[span.start : span.end] != span.text:
                raise ValueError(
                    f"{where}: {span.text!r} is not the text at {span.start}:{span.end} "
                    f"({self.text[span.start : span.end]!r})"
                )
        ids = [p.id for p in (*self.officials, *self.persons)]
        if len(ids) != len(set(ids)):
            raise ValueError("person ids are not unique")
        known = set(ids)
        for quote in self.quotes:
            if quote.speaker_id is not None and quote.speaker_id not in known:
                raise ValueError(f"quote speaker_id {quote.speaker_id!r} names no official or person")
        return self

    def spans(self) -> Iterator[tuple[str, Span]]:
        """Every span in the record with a path saying where it is, for checks and debugging."""
        yield from _walk(self, "")


def _walk(model: BaseModel, path: str) -> Iterator[tuple[str, Span]]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            here = f"{path}{name}" if index is None else f"{path}{name}[{index}]"
            if isinstance(item, Span):
                yield here, item
            if isinstance(item, BaseModel):
                yield from _walk(item, here + ".")


def record_json_schema() -> str:
    """The JSON Schema of `EventRecord`, as committed in docs/record.schema.json."""
    schema = EventRecord.model_json_schema(mode="serialization")
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
