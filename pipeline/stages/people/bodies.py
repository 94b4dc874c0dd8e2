"""The bodies the organisations stage found, as the title readers look them up."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from pipeline.record import Organisation
from pipeline.tokens import Tokens
from pipeline.vocabulary import organisation_words


@cache
def state_kinds() -> frozenset[str]:
    """Organisation kinds whose posts are offices of the state."""
    return organisation_words().words("state_kind")


def written_out(name: str) -> str:
    """The written-out name of a body known by its short name (`KPU`; `short_name`), else `name`."""
    for full, short in organisation_words().values("short_name").items():
        if name == short:
            return full
    return name


class BodyIndex:
    """The organisations the rules found, by the token they start at."""

    def __init__(self, tokens: Tokens, organisations: Sequence[Organisation]) -> None:
        self._tokens = tokens
        self._by_start = {o.start: o for o in organisations if o.rule != "ner"}

    def at(self, k: int) -> tuple[int, Organisation] | None:
        """(end token, organisation) of the organisation starting at token `k`, if one does."""
        if k >= len(self._tokens):
            return None
        found = self._by_start.get(self._tokens.starts[k])
        return (self._tokens.end_token(found.end), found) if found is not None else None
