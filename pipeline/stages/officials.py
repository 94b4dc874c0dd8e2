"""transitional"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.gazetteer import Region
from pipeline.record import Organisation


def extract_officials(people, *, organisations: Sequence[Organisation], home: Region | None):  # noqa: ANN001, ANN201
    return people
