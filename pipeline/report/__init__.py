"""The report of a run: `python -m pipeline report DIR` writes a static site to look at the extractions.

An index with the corpus charts and a searchable, sortable table of the articles, and one
page per article with its text, the extracted spans marked by displaCy, and the record's
fields beside it. Every asset is written beside the pages: the site needs no server and no
network. Needs the `report` extra (altair, vl-convert-python; playwright for screenshots).
"""

from __future__ import annotations

from pipeline.report.run import ReportError
from pipeline.report.site import ReportOptions, ReportResult, write_report

__all__ = ["ReportError", "ReportOptions", "ReportResult", "write_report"]
