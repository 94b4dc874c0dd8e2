"""The record models: span invariants, references, and the committed JSON Schema."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from pipeline.record import (
    EventRecord,
    Mention,
    Official,
    PipelineInfo,
    Quote,
    Source,
    Span,
    record_json_schema,
)
from tests.conftest import ROOT

TEXT = "Wali Kota Sukamaju, Budi Hartono, membuka pasar."
INFO = PipelineInfo(version="0", model="blank")
SOURCE = Source(sha256="0" * 64)


def _record(**fields) -> EventRecord:
    return EventRecord(doc_id="a", source=SOURCE, text=TEXT, pipeline=INFO, **fields)


def test_committed_schema_is_current():
    committed = (ROOT / "docs" / "record.schema.json").read_text(encoding="utf-8")
    assert committed == record_json_schema(), "docs/record.schema.json is stale: run `make schema`"


def test_schema_is_valid_json_with_every_top_level_key():
    schema = json.loads(record_json_schema())
    assert {
        "doc_id", "source", "text", "dateline", "event", "dates", "places",
        "officials", "persons", "quotes", "warnings", "pipeline",
    } <= set(schema["properties"])  # fmt: skip


def test_span_text_must_have_the_span_length():
    with pytest.raises(ValidationError, match="covers 3"):
        Span(text="Budi", start=0, end=3)


def test_span_end_before_start_is_rejected():
    with pytest.raises(ValidationError, match="before its start"):
        Span(text="", start=5, end=4)


def test_record_accepts_spans_that_match_its_text():
    official = Official(
        id="P1",
        name="Budi Hartono",
        role="Wali Kota",
        mentions=[Mention(text="Budi Hartono", start=20, end=32, kind="name")],
    )
    record = _record(officials=[official])
    assert [where for where, _ in record.spans()] == ["officials[0].mentions[0]"]


def test_record_rejects_a_span_that_is_not_its_text():
    official = Official(id="P1", name="Budi", mentions=[Mention(text="Budi", start=0, end=4)])
    with pytest.raises(ValidationError, match=r"officials\[0\].mentions\[0\]: 'Budi' is not the text at 0:4"):
        _record(officials=[official])


def test_quote_speaker_id_must_name_a_person():
    quote = Quote(text="membuka pasar", start=34, end=47, kind="indirect", speaker_id="P9")
    with pytest.raises(ValidationError, match="names no official or person"):
        _record(quotes=[quote])


def test_unknown_keys_are_rejected():
    with pytest.raises(ValidationError, match="Extra inputs"):
        Source(sha256="0", colour="red")


def test_record_round_trips_through_json():
    record = _record()
    assert EventRecord.model_validate_json(record.model_dump_json()) == record


def test_the_build_fingerprint_covers_the_extraction_not_what_reads_its_output():
    from pipeline.fingerprint import PACKAGE, fingerprinted_files

    parts = {path.relative_to(PACKAGE).parts[0] for path in fingerprinted_files()}
    assert {"stages", "lexicons", "vocabulary", "ingest", "nlp.py", "record.py", "sinks.py"} <= parts
    assert not parts & {"batch", "tables", "corpus", "report", "evaluate", "cli.py"}
