"""Shared questions about the region mentions of an article, asked by several stages.

`RegionIndex` finds the region mention at a character (O(log n)); the functions below
turn a mention into the gazetteer region a stage wants (its kabupaten/kota, a level a
title accepts, a province's capital).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from pipeline.gazetteer import KABKOTA, Gazetteer, Region, gazetteer, provincial_capitals
from pipeline.record import Place, PlaceLevel

#: Region levels by the kind of jurisdiction a title names (see titles.tsv).
SCOPE_LEVELS: dict[str, tuple[PlaceLevel, ...]] = {
    "province": (PlaceLevel.PROVINCE,),
    "regency": (PlaceLevel.REGENCY,),
    "city": (PlaceLevel.CITY,),
    "region": (PlaceLevel.PROVINCE, PlaceLevel.REGENCY, PlaceLevel.CITY),
    "district": (PlaceLevel.DISTRICT,),
    "village": (PlaceLevel.VILLAGE,),
}


class RegionIndex:
    """The region mentions of an article (not its venues), by where they start and what they cover."""

    def __init__(self, places: Sequence[Place]) -> None:
        regions = sorted((p for p in places if p.level is not PlaceLevel.VENUE), key=lambda p: (p.start, -p.end))
        self._by_start = {p.start: p for p in reversed(regions)}  # the longest mention at each start
        self._regions = regions
        self._starts = [p.start for p in regions]
        self._longest = max((p.end - p.start for p in regions), default=0)
        #: Codes of the districts, then the kabupaten/kota, the article names: where to look up a
        #: village or district named without its unit word.
        codes = {p.code for p in regions if p.code and p.level is not PlaceLevel.VILLAGE}
        self.context: tuple[str, ...] = tuple(sorted(codes, key=lambda code: (-len(code), code)))

    def get(self, char: int) -> Place | None:
        """The region mention starting at `char`."""
        return self._by_start.get(char)

    def at(self, char: int) -> Place | None:
        """The region mention starting at `char`, else the shortest one covering it
        (`Kota Serang` covers `Serang` in `Wali Kota Serang`)."""
        place = self._by_start.get(char)
        if place is not None:
            return place
        first = bisect.bisect_left(self._starts, char - self._longest)
        covering = [p for p in self._regions[first : bisect.bisect_left(self._starts, char)] if char < p.end]
        return min(covering, key=lambda p: p.end - p.start) if covering else None


NO_REGIONS = RegionIndex(())


def region_of(place: Place) -> Region | None:
    """The gazetteer region of a region mention (or of a venue's region)."""
    code = place.code or place.region_code
    return gazetteer().region(code) if code else None


def kabkota_of(place: Place) -> Region | None:
    """The kabupaten/kota a place mention is in: a venue's region, a region's kabupaten/kota
    (or the region itself when it is a province)."""
    regions = gazetteer()
    if place.level is PlaceLevel.VENUE:
        return regions.region(place.region_code) if place.region_code else None
    region = region_of(place)
    if region is None:
        return None
    return regions.kabkota(region) or region


def capital_of(province: Region) -> Region | None:
    """The kabupaten/kota that holds a province's capital."""
    capital = provincial_capitals().get(province.code)
    return gazetteer().region(capital) if capital else None


def at_levels(region: Region | None, levels: tuple[PlaceLevel, ...]) -> Region | None:
    """`region`, or the region of one of `levels` it stands for: its province, or a province's
    capital when a kabupaten/kota is wanted."""
    if region is None:
        return None
    if region.level in levels:
        return region
    if PlaceLevel.PROVINCE in levels and region.level in KABKOTA:
        return gazetteer().parent(region, PlaceLevel.PROVINCE)
    if region.level is PlaceLevel.PROVINCE and set(levels) & set(KABKOTA):
        found = capital_of(region)
        return found if found is not None and found.level in levels else None
    return None


def fit_region(place: Place, levels: tuple[PlaceLevel, ...]) -> Region | None:
    """The region of a place mention if it has a level the title accepts (`Bupati Malang` -> the kabupaten)."""
    regions = gazetteer()
    if place.code is None:
        return None
    region = regions.region(place.code)
    if region is None:
        return None
    if region.level in levels:
        return region
    if place.rule == "region_bare" and set(levels) & set(KABKOTA):  # `Bupati Malang`: the other Malang
        for other in regions.lookup(region.bare, levels=KABKOTA):
            if other.level in levels:
                return other
    return None


def lookup_local(name: str, level: PlaceLevel, within: Sequence[str], regions: Gazetteer) -> Region | None:
    """The one region of `level` named `name` inside the first of `within` that has exactly one,
    else the only one in the whole country, else None. One gazetteer look-up, whatever the
    number of codes in `within`."""
    candidates = regions.lookup(name, levels=(level,))
    for code in dict.fromkeys(within):
        inside = [region for region in candidates if region.code == code or region.code.startswith(code + ".")]
        if len(inside) == 1:
            return inside[0]
    return candidates[0] if len(candidates) == 1 else None


def place_as_named(place: Place) -> str:
    """The place of a body named by its place (`Polda Sulteng`): a province or kabupaten/kota by
    its gazetteer name without the unit word (`Sulawesi Tengah`), any other place as written."""
    at = place.name.lower().find(place.text.lower())
    if at >= 0:  # `Polres Bantul`, `Polres Kota Malang`, `POLRES POSO`: as the gazetteer writes it
        return place.name[at : at + len(place.text)]
    acronym = place.text.isupper() and " " not in place.text and len(place.text) <= 4
    written = place.text.title() if place.text.isupper() and not acronym else place.text
    if place.code is not None and place.level in (PlaceLevel.PROVINCE, *KABKOTA):
        region = gazetteer().region(place.code)
        if region is not None:  # `Polres Jaksel` -> Jakarta Selatan, not `Administrasi Jakarta Selatan`
            return region.bare
    return written
