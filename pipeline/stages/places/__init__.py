"""Places: regions (linked to the Kemendagri gazetteer) and venues, and the article's home region.

- Regions written with their unit (`Kota Malang`, `Kab. Garut`, `Kecamatan Cugenang`,
  `Desa Sukamanah`, `Nagari Malalak Timur`) are looked up at that level; villages inside
  the districts and regencies the article names, since many villages share a name.
- Regions written bare (`Garut`, `Jateng`, `Deli Serdang`) are looked up among provinces
  and kabupaten/kota. A name shared by a kabupaten and a kota (`Malang`, `Serang`) is
  read from the words before it (`Pemkot`, `Wali Kota` / `Pemkab`, `Bupati`), then from
  the rest of the article, then as the kota.
- Venues start with a venue word (`Balai Kota`, `Ruang Rapat`, `Gedung`, `Lobi`, `Pasar`,
  `venues.txt`) and run over capitalised words, offices and regions; each is linked to
  the kabupaten/kota it is in when the text says.
- The home region is the region the article is about: its publisher's region from the
  URL (`garutkab.go.id`), else the first region of the lead, else the dateline's.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.gazetteer import Region, gazetteer
from pipeline.record import Dateline, Place
from pipeline.stages.places.home import dateline_places, home_region
from pipeline.stages.places.regions import (
    bare_regions,
    entity_places,
    prefixed_regions,
    resolve_ambiguous,
    resolve_villages,
)
from pipeline.stages.places.venues import venues
from pipeline.state import Entities
from pipeline.tokens import tokens_of
from pipeline.vocabulary import vocabulary


@dataclass(frozen=True, slots=True)
class PlacesResult:
    places: list[Place]
    #: The region the article is about (see the module docstring), or None.
    home: Region | None


def extract_places(
    doc: Doc,
    *,
    dateline: Dateline | None,
    url: str | None,
    entities: Entities,
) -> PlacesResult:
    """Region and venue mentions in text order; nested mentions (a region inside a venue) are kept.

    The NER model's LOC entities (`entities.locations`) that the rules did not find are added,
    as a district of the article's kabupaten/kota when the gazetteer has one of that name
    there (`Sewon`), else with level `other`.
    """
    tokens = tokens_of(doc)
    regions = gazetteer()
    vocab = vocabulary()
    found = prefixed_regions(tokens, regions, vocab)
    found += bare_regions(tokens, regions, vocab, taken={(p.start, p.end) for p in found})
    found = resolve_villages(found, regions)
    found = resolve_ambiguous(found, tokens, regions, url)
    found += venues(tokens, vocab, found, regions)
    found += entity_places(tokens, entities.locations, found, regions)
    if (
        dateline is not None
        and dateline.place
        and not any(p.start >= dateline.start and p.end <= dateline.end for p in found)
    ):
        found += dateline_places(dateline, regions)
    places = sorted(found, key=lambda p: (p.start, -p.end, p.level))
    return PlacesResult(places=places, home=home_region(places, regions, url, dateline, tokens))
