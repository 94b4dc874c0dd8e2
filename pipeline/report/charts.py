"""The index charts, as Vega-Lite specifications made with altair.

Each chart's data is written into its specification (no data file, no URL); the `$schema`
address altair adds is dropped, and the page gives vega-embed the mode instead, so a
specification names no address at all. The page draws them with the Vega bundle of
`assets.py`. A chart with nothing to count is a note instead of an empty frame.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import altair as alt

from pipeline.gazetteer import gazetteer
from pipeline.report.run import RunFailure
from pipeline.report.stats import CorpusStats

TOP_REGIONS = 30
TOP_SPEAKERS = 25
#: Articles with more quotes of a kind than this are counted in the last bar.
MAX_QUOTES_BAR = 15
KIND_COLOURS = alt.Scale(domain=["direct", "indirect"], range=["#d1495b", "#edae49"])
BAR_HEIGHT = 18
#: Up to this count, an axis of counts has a tick for every whole number.
SMALL_COUNT = 10


@dataclass(frozen=True, slots=True)
class Chart:
    key: str
    title: str
    #: What is counted, shown under the title.
    caption: str
    #: The Vega-Lite specification, or None when there is nothing to draw (`caption` says so).
    spec: dict[str, Any] | None


def build_charts(stats: CorpusStats, failures: Iterable[RunFailure]) -> list[Chart]:
    return [
        _events_by_month(stats),
        _provinces(stats),
        _kabkota(stats),
        _families(stats),
        _speakers(stats),
        _quotes_per_article(stats),
        _errors(Counter(failure.error for failure in failures)),
    ]


def _spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    spec = chart.to_dict()
    spec.pop("$schema", None)
    return spec


def _count_axis(largest: int) -> alt.Axis:
    """An axis of counts up to `largest`, labelled with whole numbers only."""
    if largest <= SMALL_COUNT:
        return alt.Axis(format="d", values=list(range(largest + 1)))
    return alt.Axis(format="d", tickMinStep=1)


def _bars(rows: list[dict[str, Any]], field: str, title: str) -> dict[str, Any]:
    """Horizontal bars of `count` per `field`, largest first."""
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar(color="#4e79a7")
        .encode(
            y=alt.Y(f"{field}:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("count:Q", title=title, axis=_count_axis(max(row["count"] for row in rows))),
            tooltip=[f"{field}:N", "count:Q"],
        )
        .properties(width="container", height=alt.Step(BAR_HEIGHT))
    )
    return _spec(chart)


def _events_by_month(stats: CorpusStats) -> Chart:
    title = "Events per month by type"
    dated = stats.articles - stats.undated
    caption = f"{dated} articles by the month of their event date; {stats.undated} without a date are not counted."
    if not stats.events:
        return Chart("events", title, caption, None)
    rows = [{"month": month, "type": kind, "count": count} for (month, kind), count in sorted(stats.events.items())]
    per_month: Counter[str] = Counter()
    for (month, _kind), count in stats.events.items():
        per_month[month] += count
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            x=alt.X(
                "month:O",
                scale=alt.Scale(domain=_months(stats.events)),
                axis=alt.Axis(labelAngle=-45),
                title="month of the event",
            ),
            y=alt.Y("sum(count):Q", title="articles", axis=_count_axis(max(per_month.values()))),
            color=alt.Color("type:N", scale=alt.Scale(scheme="tableau20"), title="event type"),
            tooltip=["month:O", "type:N", "count:Q"],
        )
        .properties(width="container", height=260)
    )
    return Chart("events", title, caption, _spec(chart))


def _months(events: Counter[tuple[str, str]]) -> list[str]:
    """Every month from the first to the last of `events` (YYYY-MM), those without events too."""
    first, last = min(month for month, _ in events), max(month for month, _ in events)
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _provinces(stats: CorpusStats) -> Chart:
    title = "Events per province"
    by_province: Counter[str] = Counter()
    for (code, name), count in stats.regions.items():
        province = gazetteer().region(code.split(".")[0])
        by_province[province.name if province is not None else name] += count
    located = sum(by_province.values())
    caption = f"{located} articles by the province of their event's region; {stats.articles - located} without one."
    if not by_province:
        return Chart("provinces", title, caption, None)
    rows = [{"province": name, "count": count} for name, count in sorted(by_province.items())]
    return Chart("provinces", title, caption, _bars(rows, "province", "articles"))


def _kabkota(stats: CorpusStats) -> Chart:
    title = "Events per kabupaten/kota"
    by_region = Counter({name: count for (code, name), count in stats.regions.items() if code.count(".") == 1})
    top = sorted(by_region.items(), key=lambda item: (-item[1], item[0]))[:TOP_REGIONS]
    caption = (
        f"The {len(top)} kabupaten/kota with the most events, of {len(by_region)}; "
        "events placed only in a province are not counted here."
    )
    if not top:
        return Chart("kabkota", title, caption, None)
    rows = [{"kabupaten/kota": name, "count": count} for name, count in top]
    return Chart("kabkota", title, caption, _bars(rows, "kabupaten/kota", "articles"))


def _families(stats: CorpusStats) -> Chart:
    title = "Officials by role family"
    caption = f"{stats.officials} officials (each official of each article), by the family of their role."
    if not stats.families:
        return Chart("families", title, caption, None)
    rows = [{"role family": family, "count": count} for family, count in sorted(stats.families.items())]
    return Chart("families", title, caption, _bars(rows, "role family", "officials"))


def _speakers(stats: CorpusStats) -> Chart:
    title = "Most quoted speakers"
    totals: Counter[str] = Counter()
    for (name, _kind), count in stats.speakers.items():
        totals[name] += count
    top = sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:TOP_SPEAKERS]
    caption = f"The {len(top)} speakers with the most quotes, of {len(totals)} named speakers, direct and reported."
    if not top:
        return Chart("speakers", title, caption, None)
    rows = [
        {
            "speaker": name,
            "kind": kind,
            "count": stats.speakers[(name, kind)],
            "role": _main_role(stats.speaker_roles.get(name)),
            "total": total,
        }
        for name, total in top
        for kind in ("direct", "indirect")
        if stats.speakers[(name, kind)]
    ]
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            y=alt.Y("speaker:N", sort=alt.EncodingSortField("total", op="max", order="descending"), title=None),
            x=alt.X("sum(count):Q", title="quotes", axis=_count_axis(top[0][1])),
            color=alt.Color("kind:N", scale=KIND_COLOURS, title="quote"),
            tooltip=["speaker:N", "role:N", "kind:N", "count:Q", "total:Q"],
        )
        .properties(width="container", height=alt.Step(BAR_HEIGHT))
    )
    return Chart("speakers", title, caption, _spec(chart))


def _main_role(roles: Counter[str] | None) -> str:
    if not roles:
        return "—"
    return min(roles.items(), key=lambda item: (-item[1], item[0]))[0]


def _quotes_per_article(stats: CorpusStats) -> Chart:
    title = "Quotes per article, direct and reported"
    caption = (
        f"Articles by their number of direct and of reported (indirect) quotes; {stats.quotes} quotes in all. "
        f"The last bar counts {MAX_QUOTES_BAR} quotes or more."
    )
    if not stats.articles:
        return Chart("quotes", title, caption, None)
    binned: Counter[tuple[str, int]] = Counter()
    for (kind, quotes), articles in stats.quotes_per_article.items():
        binned[(kind, min(quotes, MAX_QUOTES_BAR))] += articles
    rows = [{"kind": kind, "quotes": quotes, "count": count} for (kind, quotes), count in sorted(binned.items())]
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            x=alt.X("quotes:O", title="quotes in the article", axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("kind:N"),
            y=alt.Y("count:Q", title="articles", axis=_count_axis(max(binned.values()))),
            color=alt.Color("kind:N", scale=KIND_COLOURS, title="quote"),
            tooltip=["kind:N", "quotes:O", alt.Tooltip("count:Q", title="articles")],
        )
        .properties(width="container", height=240)
    )
    return Chart("quotes", title, caption, _spec(chart))


def _errors(errors: Counter[str]) -> Chart:
    title = "Errors by code"
    caption = f"{sum(errors.values())} inputs gave no record (errors.jsonl), by error code."
    if not errors:
        return Chart("errors", title, caption + " There were none.", None)
    rows = [{"error": code, "count": count} for code, count in sorted(errors.items())]
    return Chart("errors", title, caption, _bars(rows, "error", "inputs"))
