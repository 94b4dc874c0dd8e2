"""The home region of an article (the region it is about) and the places of its dateline."""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from pipeline.gazetteer import ABOVE_VILLAGE, KABKOTA, Gazetteer, Region
from pipeline.record import Dateline, Place, PlaceLevel
from pipeline.text import lead_end
from pipeline.tokens import Tokens
from pipeline.vocabulary import place_words


def home_region(places: list[Place], regions: Gazetteer, url: str | None, dateline: Dateline | None, tokens: Tokens
          ) -> Region | None:  # fmt: skip
    host = host_region(url, regions)
    if host is not None:
        return host
    lead = lead_end(tokens.text)
    for place in places:
        if place.start >= lead:
            break
        if (
            place.rule in ("region_unit", "region_bare")
            and place.code
            and (place.level is PlaceLevel.PROVINCE or place.level in KABKOTA)
        ):
            return regions.region(place.code)
    for place in places:
        if place.rule == "dateline" and place.code:
            region = regions.region(place.code)
            return regions.kabkota(region) if region is not None and region.level is PlaceLevel.DISTRICT else region
    return None


def dateline_places(dateline: Dateline, regions: Gazetteer) -> list[Place]:
    assert dateline.place is not None
    candidates = regions.lookup(dateline.place, levels=ABOVE_VILLAGE)
    if not candidates:
        return []
    cities = [r for r in candidates if r.level is PlaceLevel.CITY]
    region = cities[0] if cities else candidates[0]
    offset = dateline.text.lower().find(dateline.place.lower())
    if offset < 0:
        return []
    start = dateline.start + offset
    kabkota = regions.kabkota(region)
    return [
        Place(
            text=dateline.text[offset : offset + len(dateline.place)],
            start=start,
            end=start + len(dateline.place),
            rule="dateline",
            name=region.name,
            level=region.level,
            code=region.code,
            region=kabkota.name if kabkota is not None and kabkota is not region else None,
            region_code=kabkota.code if kabkota is not None and kabkota is not region else None,
        )
    ]


def host_region(url: str | None, regions: Gazetteer) -> Region | None:
    """`garutkab.go.id` -> Kabupaten Garut, `jatengprov.go.id` -> Provinsi Jawa Tengah."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    for label in host.split("."):
        found = _host_suffix(label)
        if found is None:
            continue
        stem, level = found
        for region in _squashed_index(regions).get(stem, ()):
            if region.level is level:
                return region
    for label in host.split(".")[:-2]:  # `tanggamus.go.id`: a kabupaten or kota named bare, if only one has the name
        bare = [r for r in _squashed_index(regions).get(label, ()) if r.is_kabkota]
        if len(bare) == 1:
            return bare[0]
    return None


@cache
def _squashed_index(regions: Gazetteer) -> dict[str, list[Region]]:
    """Province and kabupaten/kota names (and aliases) without spaces: `deliserdang`, `jateng`."""
    index: dict[str, list[Region]] = {}
    for key, codes in regions.names().items():
        for code in codes:
            region = regions.region(code)
            if region is not None and (region.level is PlaceLevel.PROVINCE or region.is_kabkota):
                index.setdefault(key.replace(" ", ""), []).append(region)
    return index


def _host_suffix(label: str) -> tuple[str, PlaceLevel] | None:
    """`garutkab` -> (`garut`, regency): the longest host suffix of `place_words.tsv` the label ends with."""
    suffixes = place_words().values("host_suffix")
    for suffix in sorted(suffixes, key=len, reverse=True):
        if label.endswith(suffix):
            return label[: -len(suffix)], PlaceLevel(suffixes[suffix])
    return None
