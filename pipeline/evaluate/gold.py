"""Gold files -> typed gold articles, for both formats of `../shared/eval` (see its README).

- pfsa format: `{"doc_id", "text", "spans": [{label, start, end}], "quotes": [{start, end,
  kind, cue, speaker_mention}], "meta": {"unannotated_quotes": [{start, end}], ...}}`.
- gov format: `{"doc_id", "text", "meta": {"published", "url"}, "gold": {dateline,
  event_type, event_date, event_place, event_region, officials: [{name, aliases, role,
  jurisdiction}], quotes: [{text, kind, speaker}]}}`.

The format is recognised per line (a `gold` object means gov, `spans` means pfsa), so a
file's name or folder does not matter. Unknown keys (`note`, `review`, `suspect` ...) are
ignored. A malformed line raises `GoldError` naming the file and line.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

GoldFormat = Literal["pfsa", "gov"]
QuoteKindName = Literal["direct", "indirect"]
QUOTE_KINDS: tuple[QuoteKindName, ...] = ("direct", "indirect")


class GoldError(ValueError):
    """A gold file or line that cannot be read."""


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    label: str = ""


@dataclass(frozen=True, slots=True)
class PfsaQuote:
    start: int
    end: int
    kind: QuoteKindName
    #: The attribution cue; its label is CUE or CUECOREF (a pronoun form such as `ujarnya`).
    cue: GoldSpan | None
    #: The speaker mention next to the cue (PERSON or PERSONCOREF), or None.
    speaker_mention: GoldSpan | None


@dataclass(frozen=True, slots=True)
class PfsaArticle:
    doc_id: str
    text: str
    spans: tuple[GoldSpan, ...]
    quotes: tuple[PfsaQuote, ...]
    unannotated_quotes: tuple[GoldSpan, ...]
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class GovOfficial:
    name: str
    aliases: tuple[str, ...]
    role: str | None
    jurisdiction: str | None


@dataclass(frozen=True, slots=True)
class GovQuote:
    text: str
    kind: QuoteKindName
    speaker: str | None


@dataclass(frozen=True, slots=True)
class GovGold:
    dateline: str | None
    event_type: str | None
    event_date: dt.date | None
    event_place: str | None
    event_region: str | None
    officials: tuple[GovOfficial, ...]
    quotes: tuple[GovQuote, ...]


@dataclass(frozen=True, slots=True)
class GovArticle:
    doc_id: str
    text: str
    gold: GovGold
    published: dt.date | None = None
    url: str | None = None


GoldArticle = PfsaArticle | GovArticle


@dataclass(frozen=True, slots=True)
class GoldFile:
    """One gold file: its display name (`pfsa/dev`), its format and its articles."""

    name: str
    path: Path
    format: GoldFormat
    articles: tuple[GoldArticle, ...]


def dataset_name(path: Path) -> str:
    """`../shared/eval/pfsa/dev.jsonl` -> `pfsa/dev`: the parent folder and the file stem."""
    parent = path.resolve().parent.name
    return f"{parent}/{path.stem}" if parent else path.stem


def read_gold_file(path: Path, name: str | None = None) -> GoldFile:
    """Read a gold JSON Lines file; all its lines must have the same format."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot read the gold file: {error}") from error
    articles: list[GoldArticle] = []
    formats: set[GoldFormat] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
            article = parse_gold_article(value)
        except (json.JSONDecodeError, GoldError, KeyError, TypeError, ValueError) as error:
            raise GoldError(f"{path}:{number}: not a gold article: {error}") from error
        formats.add("gov" if isinstance(article, GovArticle) else "pfsa")
        articles.append(article)
    if not articles:
        raise GoldError(f"{path}: no gold articles")
    if len(formats) > 1:
        raise GoldError(f"{path}: mixes the pfsa and gov formats")
    return GoldFile(name or dataset_name(path), path, formats.pop(), tuple(articles))


def parse_gold_article(value: Any) -> GoldArticle:
    """One parsed JSON object -> a pfsa or gov gold article."""
    if not isinstance(value, dict):
        raise GoldError(f"expected a JSON object, got {type(value).__name__}")
    if isinstance(value.get("gold"), dict):
        return _gov_article(value)
    if "spans" in value or "quotes" in value:
        return _pfsa_article(value)
    raise GoldError("neither a gov article (no 'gold') nor a pfsa article (no 'spans')")


def _pfsa_article(value: Mapping[str, Any]) -> PfsaArticle:
    meta = _mapping(value.get("meta"))
    return PfsaArticle(
        doc_id=_text(value, "doc_id"),
        text=_text(value, "text"),
        spans=tuple(_span(item) for item in value.get("spans") or ()),
        quotes=tuple(_pfsa_quote(item) for item in value.get("quotes") or ()),
        unannotated_quotes=tuple(_span(item) for item in meta.get("unannotated_quotes") or ()),
        published=_date(meta.get("published")),
    )


def _pfsa_quote(value: Mapping[str, Any]) -> PfsaQuote:
    cue = value.get("cue")
    mention = value.get("speaker_mention")
    return PfsaQuote(
        start=int(value["start"]),
        end=int(value["end"]),
        kind=_kind(value.get("kind")),
        cue=_span(cue) if cue else None,
        speaker_mention=_span(mention) if mention else None,
    )


def _gov_article(value: Mapping[str, Any]) -> GovArticle:
    meta = _mapping(value.get("meta"))
    gold = _mapping(value["gold"])
    return GovArticle(
        doc_id=_text(value, "doc_id"),
        text=_text(value, "text"),
        gold=GovGold(
            dateline=_optional_text(gold.get("dateline")),
            event_type=_optional_text(gold.get("event_type")),
            event_date=_date(gold.get("event_date")),
            event_place=_optional_text(gold.get("event_place")),
            event_region=_optional_text(gold.get("event_region")),
            officials=tuple(_official(item) for item in gold.get("officials") or ()),
            quotes=tuple(_gov_quote(item) for item in gold.get("quotes") or ()),
        ),
        published=_date(meta.get("published")),
        url=_optional_text(meta.get("url")),
    )


def _official(value: Mapping[str, Any]) -> GovOfficial:
    return GovOfficial(
        name=_text(value, "name"),
        aliases=tuple(str(alias) for alias in value.get("aliases") or ()),
        role=_optional_text(value.get("role")),
        jurisdiction=_optional_text(value.get("jurisdiction")),
    )


def _gov_quote(value: Mapping[str, Any]) -> GovQuote:
    return GovQuote(
        text=_text(value, "text"),
        kind=_kind(value.get("kind")),
        speaker=_optional_text(value.get("speaker")),
    )


def _span(value: Any) -> GoldSpan:
    item = _mapping(value)
    start, end = int(item["start"]), int(item["end"])
    if not 0 <= start <= end:
        raise GoldError(f"bad span {start}:{end}")
    return GoldSpan(start, end, str(item.get("label") or ""))


def _kind(value: Any) -> QuoteKindName:
    if value == "direct":
        return "direct"
    if value == "indirect":
        return "indirect"
    raise GoldError(f"quote kind must be 'direct' or 'indirect', got {value!r}")


def _mapping(value: Any) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise GoldError(f"expected an object, got {type(value).__name__}")
    return value


def _text(value: Mapping[str, Any], key: str) -> str:
    item = value.get(key)
    if not isinstance(item, str):
        raise GoldError(f"{key!r} must be a string")
    return item


def _optional_text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise GoldError(f"expected a string or null, got {type(value).__name__}")
    return value or None


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise GoldError(f"expected an ISO date, got {type(value).__name__}")
    return dt.date.fromisoformat(value[:10])
