"""The corpus counts behind the index charts, added up one article summary at a time.

Only counts are kept (no record, no text), so a run of any size is summarised in little
memory; the charts read them in a fixed order, so the same run gives the same index.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pipeline.report.article import ArticleSummary
from pipeline.report.families import role_family

UNTYPED = "(no type)"


@dataclass
class CorpusStats:
    articles: int = 0
    #: (month as YYYY-MM, event type) -> articles.
    events: Counter[tuple[str, str]] = field(default_factory=Counter)
    undated: int = 0
    #: (region code, region name) of the event -> articles; articles without a region are not counted.
    regions: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: Role family -> officials (one per official of each article).
    families: Counter[str] = field(default_factory=Counter)
    #: (speaker, quote kind) -> quotes.
    speakers: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: Speaker -> their roles as officials -> quotes.
    speaker_roles: dict[str, Counter[str]] = field(default_factory=dict)
    #: (quote kind, quotes of that kind in an article) -> articles.
    quotes_per_article: Counter[tuple[str, int]] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)
    quotes: int = 0
    officials: int = 0
    persons: int = 0

    def add(self, article: ArticleSummary) -> None:
        self.articles += 1
        if article.event_date is None:
            self.undated += 1
        else:
            self.events[(article.event_date[:7], article.event_type or UNTYPED)] += 1
        if article.region_code and article.region:
            self.regions[(article.region_code, article.region)] += 1
        self.families.update(role_family(role) for role in article.roles)
        for speaker in article.speakers:
            self.speakers[(speaker.name, speaker.kind)] += 1
            if speaker.role:
                self.speaker_roles.setdefault(speaker.name, Counter())[speaker.role] += 1
        self.quotes_per_article[("direct", article.direct)] += 1
        self.quotes_per_article[("indirect", article.indirect)] += 1
        self.warnings.update(article.warnings)
        self.quotes += article.direct + article.indirect
        self.officials += len(article.roles)
        self.persons += article.persons
