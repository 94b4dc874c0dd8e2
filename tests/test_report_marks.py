"""The marked text of an article page: the marks of a record, displaCy's tokens, the HTML it renders.

`marked_spans` and `shown_text` read the rendered HTML back (what a reader sees marked, and
the text shown), so the tests compare what the page shows with `text[start:end]`.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from pipeline.record import (
    DateMention,
    Event,
    EventRecord,
    EventType,
    Mention,
    Official,
    Organisation,
    Person,
    PipelineInfo,
    Place,
    PlaceLevel,
    Quote,
    QuoteKind,
    Source,
    Span,
)
from pipeline.report.marks import Mark, displacy_input, record_marks, render_marks

TEXT = (
    "Bupati Sukamaju, Rahmat Hidayat, meninjau Pasar Baru di Kecamatan Cikarang, Kamis (9/10/2025).\n"
    "\n"
    "“Pedagang <script>alert(1)</script> tetap berjualan,\n"
    "selama renovasi,” ujarnya. Warga, Onih, berterima kasih kepada Dinas Perdagangan."
)


def _span(text: str, cls: type[Span] = Span, *, after: int = 0, **fields: object) -> Span:
    start = TEXT.index(text, after)
    return cls(text=text, start=start, end=start + len(text), **fields)


def hand_built_record(doc_id: str = "sukamaju/pasar") -> EventRecord:
    """A record with every kind of mark, built by hand (no extraction): its spans are known."""
    quote_start = TEXT.index("Pedagang")
    quote_text = TEXT[quote_start : TEXT.index(",”") + 1]
    return EventRecord(
        doc_id=doc_id,
        source=Source(sha256="0" * 64, title="Bupati Tinjau <b>Pasar</b>", url="javascript:alert(1)"),
        text=TEXT,
        event=Event(
            type=EventType.PENINJAUAN,
            trigger=_span("meninjau"),
            region="Kabupaten Bekasi",
            region_code="32.16",
        ),
        places=[
            _span("Pasar Baru", Place, name="Pasar Baru", level=PlaceLevel.VENUE),
            _span("Kecamatan Cikarang", Place, name="Kecamatan Cikarang", level=PlaceLevel.DISTRICT),
        ],
        organisations=[_span("Dinas Perdagangan", Organisation, name="Dinas Perdagangan")],
        dates=[_span("Kamis (9/10/2025)", DateMention, value="2025-10-09")],
        officials=[
            Official(
                id="P1",
                name="Rahmat Hidayat",
                role="Bupati",
                mentions=[_span("Bupati Sukamaju", Mention, kind="title"), _span("Rahmat Hidayat", Mention)],
            )
        ],
        persons=[Person(id="P2", name="Onih", mentions=[_span("Onih", Mention)], description="warga")],
        quotes=[
            Quote(
                text=quote_text,
                start=quote_start,
                end=quote_start + len(quote_text),
                kind=QuoteKind.DIRECT,
                speaker_id="P1",
                speaker="Rahmat Hidayat",
                speaker_mention=_span("nya", after=quote_start),
            ),
            Quote(text="Onih", start=TEXT.index("Onih"), end=TEXT.index("Onih") + 4, kind=QuoteKind.INDIRECT),
        ],
        pipeline=PipelineInfo(version="0.1.0", model="blank"),
    )


class _MarkedHtml(HTMLParser):
    """Reads displaCy's markup back: each mark's label, text and link; and the text shown."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str, str | None]] = []
        self.text = ""
        self._stack: list[str] = []
        self._open: dict[str, list] = {}
        self._token: dict | None = None
        self._label: list | None = None
        self._between = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        self._stack.append(" ".join(classes) or tag)
        if classes == ["mark"]:
            self._token = {"text": "", "slots": [], "starts": []}
        elif "mark-line" in classes and self._token is not None:
            slot = re.search(r"top: (\d+)px", values.get("style") or "").group(1)
            self._token["slots"].append(slot)
            if "mark-start" in classes:
                self._label = [slot, "", None]
                self._token["starts"].append(self._label)
        elif tag == "a" and self._label is not None:
            self._label[2] = values.get("href")

    def handle_endtag(self, tag: str) -> None:
        closed = self._stack.pop()
        if closed == "mark-label":
            self._label = None
        elif closed == "mark":
            self._end_token()
        elif closed == "spans":
            self._close(set(self._open))
            self._between = ""

    def handle_data(self, data: str) -> None:
        where = self._stack[-1] if self._stack else None
        if self._label is not None:
            self._label[1] += data.strip() if where == "mark-label" else ""
        elif where == "mark":
            self._token["text"] += data
            self.text += data
        elif where in ("spans", None):
            self._between += data
            self.text += data

    def _end_token(self) -> None:
        token, self._token = self._token, None
        starts = {slot: (label, link) for slot, label, link in token["starts"]}
        self._close({slot for slot in self._open if slot not in token["slots"] or slot in starts})
        for slot in token["slots"]:
            if slot in starts:
                label, link = starts[slot]
                self._open[slot] = [label.split()[0], token["text"], link]
            else:
                self._open[slot][1] += self._between + token["text"]
        self._between = ""

    def _close(self, slots: set[str]) -> None:
        for slot in sorted(slots):
            label, text, link = self._open.pop(slot)
            self.marks.append((label, text, link))


def read_marked(markup: str) -> _MarkedHtml:
    parser = _MarkedHtml()
    parser.feed(markup)
    parser.close()
    return parser


def marked_spans(markup: str) -> list[tuple[str, str, str | None]]:
    """(label, text, link) of every mark the HTML draws, sorted; a mark across lines is one per line."""
    return sorted(read_marked(markup).marks)


def shown_text(markup: str) -> str:
    """The text the marked HTML shows, labels left out."""
    return read_marked(markup).text


def expected_spans(record: EventRecord) -> list[tuple[str, str, str | None]]:
    """What the page must mark: every mark of the record as `text[start:end]`, cut at line breaks."""
    return sorted(
        (mark.label, piece, f"#person-{mark.person}" if mark.person else None)
        for mark in record_marks(record)
        for piece in record.text[mark.start : mark.end].split("\n")
        if piece
    )


def test_every_kind_of_span_is_marked_once():
    marks = [(mark.label, TEXT[mark.start : mark.end], mark.person) for mark in record_marks(hand_built_record())]
    assert marks == [
        ("OFFICIAL", "Bupati Sukamaju", "P1"),
        ("OFFICIAL", "Rahmat Hidayat", "P1"),
        ("EVENT", "meninjau", None),
        ("PLACE", "Pasar Baru", None),
        ("PLACE", "Kecamatan Cikarang", None),
        ("DATE", "Kamis (9/10/2025)", None),
        ("QUOTE", "Pedagang <script>alert(1)</script> tetap berjualan,\nselama renovasi,", "P1"),
        ("SPEAKER", "nya", "P1"),
        ("PERSON", "Onih", "P2"),
        ("QUOTE", "Onih", None),
        ("ORG", "Dinas Perdagangan", None),
    ]


def test_the_rendered_marks_are_the_spans_of_the_text():
    record = hand_built_record()
    markup = render_marks(record.text, record_marks(record))
    assert shown_text(markup) == TEXT
    assert marked_spans(markup) == expected_spans(record)
    assert ("QUOTE", "selama renovasi,", "#person-P1") in marked_spans(markup)  # the quote's second line


def test_article_text_is_escaped_in_the_marks():
    markup = render_marks(TEXT, record_marks(hand_built_record()))
    assert "<script>" not in markup and "&lt;script&gt;alert(1)&lt;/script&gt;" in markup


def _pieces(text: str, marks: list[Mark]) -> list[list[object]]:
    """displacy_input in short: text as it is, a group as (tokens, [(start_token, end_token, label)])."""
    return [
        [
            piece
            if isinstance(piece, str)
            else (piece["tokens"], [(s["start_token"], s["end_token"], s["label"]) for s in piece["spans"]])
            for piece in line
        ]
        for line in displacy_input(text, marks)
    ]


@pytest.mark.parametrize(
    ("text", "marks", "pieces"),
    [
        ("kata Hendra, lalu", [Mark(5, 11, "PERSON")], [["kata ", (["Hendra"], [(0, 1, "PERSON")]), ", lalu"]]),
        ("ujarnya.", [Mark(4, 7, "SPEAKER")], [["ujar", (["nya"], [(0, 1, "SPEAKER")]), "."]]),
        (
            "Dinas Pertanian Kota Madiun dan Camat",
            [Mark(0, 27, "ORG"), Mark(16, 27, "PLACE"), Mark(32, 37, "OFFICIAL")],
            [
                [
                    (["Dinas ", "Pertanian ", "Kota ", "Madiun"], [(0, 4, "ORG"), (2, 4, "PLACE")]),
                    " dan ",
                    (["Camat"], [(0, 1, "OFFICIAL")]),
                ]
            ],
        ),
        (
            "Pak Ali Umar",
            [Mark(0, 7, "PERSON"), Mark(4, 12, "PERSON")],
            [[(["Pak ", "Ali", " ", "Umar"], [(0, 2, "PERSON"), (1, 4, "PERSON")])]],
        ),
        (
            "satu\n\ndua tiga",
            [Mark(0, 9, "QUOTE")],
            [[(["satu"], [(0, 1, "QUOTE")])], [], [(["dua"], [(0, 1, "QUOTE")]), " tiga"]],
        ),
        ("", [], [[]]),
    ],
)
def test_displacy_input_groups_overlapping_marks_and_cuts_them_into_words(text, marks, pieces):
    assert _pieces(text, marks) == pieces
    joined = [
        "".join(p if isinstance(p, str) else "".join(p["tokens"]) for p in line) for line in displacy_input(text, marks)
    ]
    assert "\n".join(joined) == text
