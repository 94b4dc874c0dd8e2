"""Officials and persons: the records of the people of the inventory.

An official's jurisdiction is the one the text states with a title; where it states none,
the title's kind decides (`titles.tsv`): a region level takes the article's home region (its
province, or a province's capital, when the title wants another level); a post in a unit
(`Kasat Reskrim`, `Kabid Humas`) takes the body of the article it belongs to, police units
the police body named before it; a template (`DPRD {region}`) is filled with the home region.
A body known by its short name and named with no region (`Sekretaris KPU Nama`) is the one
regional body of that name named before (`KPU Kabupaten Jepara`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.gazetteer import Region
from pipeline.inventory import People, PersonEntry
from pipeline.record import Mention, Official, Organisation, Person
from pipeline.regions import SCOPE_LEVELS, at_levels
from pipeline.vocabulary import organisation_words, person_words

#: The rule of every mention the people stage found.
MENTION_RULE = "officials"

#: The first word of a ministry's name.
MINISTRY = "Kementerian"

#: The body of the posts of a region's secretariat (`Kepala Bagian Hukum`).
SECRETARIAT = "Sekretariat Daerah"


@dataclass(frozen=True, slots=True)
class OfficialsResult:
    officials: list[Official]
    persons: list[Person]


def extract_officials(people: People, *, organisations: Sequence[Organisation], home: Region | None) -> OfficialsResult:
    """The officials (with their jurisdictions) and the other persons of the inventory, by id."""
    officials = []
    persons = []
    for entry in people.persons:
        mentions = [
            Mention(text=people.text[m.start : m.end], start=m.start, end=m.end, kind=m.kind.value, rule=MENTION_RULE)  # type: ignore[arg-type]
            for m in entry.mentions
        ]
        if not entry.official:
            persons.append(Person(id=entry.id, name=entry.name, mentions=mentions, description=entry.description))
            continue
        jurisdiction, code = entry.jurisdiction, entry.jurisdiction_code
        if jurisdiction is None:
            jurisdiction, code = _unstated_jurisdiction(entry, organisations, home)
        elif code is None:
            jurisdiction, code = _regional_body(entry, jurisdiction, organisations) or (jurisdiction, code)
        officials.append(
            Official(
                id=entry.id,
                name=entry.name,
                mentions=mentions,
                role=entry.role,
                jurisdiction=jurisdiction,
                jurisdiction_code=code,
                rank=entry.rank,
                honorifics=list(entry.honorifics),
                degrees=list(entry.degrees),
            )
        )
    return OfficialsResult(officials=officials, persons=persons)


def _unstated_jurisdiction(
    entry: PersonEntry, organisations: Sequence[Organisation], home: Region | None
) -> tuple[str | None, str | None]:
    """A jurisdiction the text does not state: the body of the article, else its home region."""
    wants = entry.wants
    if wants in SCOPE_LEVELS:
        region = at_levels(home, SCOPE_LEVELS[wants])
        if region is not None:
            return region.name, region.code
    elif wants == "parent":
        ministry = _ministry_of_directorate(entry.role or "")
        if ministry is not None:
            return ministry, None
        body = _context_body(entry, organisations)
        if body is not None:
            return body.name, body.region_code
        unplaced = _unplaced_body(entry, organisations, home)
        return unplaced if unplaced[0] is not None else _national_ministry(organisations)
    elif "{region}" in wants and home is not None:
        return wants.replace("{region}", home.name), home.code
    return None, None


def _regional_body(
    entry: PersonEntry, jurisdiction: str, organisations: Sequence[Organisation]
) -> tuple[str, str | None] | None:
    """`Sekretaris KPU Nama` after `KPU Kabupaten Jepara`: a body known by its short name
    (`organisation_words.tsv`, `short_name`), named with no region, is the one regional body of
    that name the text named before (`KPU Kabupaten Jepara`); None where it named none or several."""
    short = organisation_words().values("short_name").get(jurisdiction)
    if short is None:
        return None
    named = {o.name: o.region_code for o in organisations if o.start < entry.first and o.name.startswith(f"{short} ")}
    if len(named) != 1:
        return None
    return next(iter(named.items()))


def _ministry_of_directorate(role: str) -> str | None:
    """`Direktur Jenderal Otonomi Daerah` -> Kementerian Dalam Negeri: a post of a directorate
    general belongs to the ministry of that unit (`organisation_words.tsv`, `ministry_unit`)."""
    if "Jenderal" not in role.split():
        return None
    units = organisation_words().values("ministry_unit")
    for unit in sorted(units, key=len, reverse=True):
        if role == unit or role.endswith(f" {unit}"):
            return units[unit]
    return None


def _unplaced_body(
    entry: PersonEntry, organisations: Sequence[Organisation], home: Region | None
) -> tuple[str | None, str | None]:
    """A post in a part of an office whose body names no region: the region's office the text
    names (`Kabid Persandian` in a release of the `Dinas Komunikasi dan Informatika`) in the home
    region; a `Kepala Bagian` with no body at all is a post of the region's Sekretariat Daerah."""
    if home is None:
        return None, None
    offices = [o for o in organisations if o.region is None and _regional_office(o.name)]
    if offices and not _in_secretariat(entry):
        before = [o for o in offices if o.start < entry.first]
        office = (before or offices)[-1]
        return f"{office.name} {home.name}", home.code
    if _in_secretariat(entry):
        return f"{SECRETARIAT} {home.name}", home.code
    return None, None


def _national_ministry(organisations: Sequence[Organisation]) -> tuple[str | None, str | None]:
    """A post in a part of a body the text does not name, in a release of a ministry (no body of
    a region around): the first ministry the text names (`Kementerian Hukum`), else none."""
    for body in organisations:
        if body.kind == "ministry" and body.region is None and body.name.startswith(MINISTRY):
            return body.name, None
    return None, None


def _in_secretariat(entry: PersonEntry) -> bool:
    """A head of a `Bagian`, the parts of a Sekretariat Daerah."""
    return (entry.role or "").startswith(tuple(f"{head} " for head in person_words().words("secretariat_part_head")))


def _regional_office(name: str) -> bool:
    """A region's own office written out (`Dinas Kesehatan`, `Badan Kepegawaian Daerah`)."""
    for form in organisation_words().words("regional_office"):
        first, _, last = form.partition(" ... ")
        if name.startswith(f"{first} ") and (not last or name.endswith(f" {last}")):
            return True
    return False


def _local_ministry_office(body: Organisation) -> bool:
    """A ministry's office in a kabupaten or kota (`Kantor Kementerian Agama Kota X`)."""
    return body.kind == "ministry" and (body.region_code or "").count(".") == 1


def _context_body(entry: PersonEntry, organisations: Sequence[Organisation]) -> Organisation | None:
    """The body a unit post belongs to: police units to the police body named before, others to
    any; a `Kepala Bagian` not to a ministry's regional office, which has no `Bagian`."""
    police = (entry.role or "").lower().endswith(tuple(person_words().words("police_unit")))
    secretariat = _in_secretariat(entry)
    before = [
        o
        for o in organisations
        if o.start < entry.first and o.region is not None and not (secretariat and _local_ministry_office(o))
    ]
    candidates = [o for o in before if (o.kind == "police") == police] if police else before
    if not candidates:
        candidates = [
            o
            for o in organisations
            if o.region is not None
            and (o.kind == "police") == police
            and not (secretariat and _local_ministry_office(o))
        ]
    return candidates[-1] if candidates and before else (candidates[0] if candidates else None)
