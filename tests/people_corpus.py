"""A generated corpus of press-release records about invented officials, with the truth of who is who.

Nine regions (invented names, codes of three kecamatan and one body without a code), 34
officials over 2023-2024 and residents; each article names one to four officials of its
region in office on its date (sometimes a visiting official of another region), quotes
the first, and may name a resident. Per mention, at random (seeded): a misspelling (one
edit), a short form, the name in capitals. It covers the same officials over many dates,
misspellings, two promotions (`Wakil Bupati` -> `Bupati`, `Camat` -> `Sekretaris Daerah`),
two namesakes in different regions (`Budi Hartono`), two officials of one region with the
same first name and short forms of both (`Rizal`), and residents with an official's first
name (`Hendra`, one word: a different resident each time; `Hendra Kusnadi`: one person).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from pipeline.corpus import mentions_from_tables
from pipeline.record import Event, EventRecord, Mention, Official, Person, PipelineInfo, Quote, QuoteKind, Source, Span
from pipeline.tables import SCHEMAS, record_rows

START, END = dt.date(2023, 1, 1), dt.date(2024, 12, 31)
ARTICLES = 600


@dataclass(frozen=True)
class Term:
    role: str
    jurisdiction: str
    code: str | None
    start: dt.date = START
    end: dt.date = END


@dataclass(frozen=True)
class Holder:
    truth: str
    name: str
    region: str
    terms: tuple[Term, ...]
    short: str | None = None


REGIONS = {
    "sukamaju": ("Kabupaten Sukamaju", "32.91"),
    "tanjung": ("Kota Tanjung Asri", "32.92"),
    "lembah": ("Kabupaten Lembah Hijau", "33.90"),
    "bukit": ("Kabupaten Bukit Raya", "35.93"),
    "danau": ("Kabupaten Danau Biru", "13.94"),
    "muara": ("Kota Muara Baru", "61.90"),
}
_KECAMATAN = {"cibening": ("Kecamatan Cibening", "32.91.04"), "wonosari": ("Kecamatan Wonosari Kidul", "33.90.07")}
_KECAMATAN["karang"] = ("Kecamatan Karang Tengah", "35.93.05")
PROMOTION = dt.date(2024, 3, 1)
SEKDA_FROM = dt.date(2024, 1, 15)


def _region(region: str, role: str, start: dt.date = START, end: dt.date = END) -> Term:
    return Term(role, *REGIONS[region], start, end)


def _holders() -> list[Holder]:
    def holder(truth: str, name: str, region: str, *terms: Term, short: str | None = None) -> Holder:
        return Holder(truth, name, region, terms, short)

    before = PROMOTION - dt.timedelta(days=1)
    return [
        holder("ahmad", "Ahmad Fauzi Rahman", "sukamaju", _region("sukamaju", "Bupati", end=before)),
        holder(
            "hendra",
            "Hendra Wijaya",
            "sukamaju",
            _region("sukamaju", "Wakil Bupati", end=before),
            _region("sukamaju", "Bupati", start=PROMOTION),
            short="Hendra",
        ),
        holder("dewi", "Dewi Lestari Anggraini", "sukamaju", _region("sukamaju", "Sekretaris Daerah")),
        holder("yudi", "Yudi Kurniawan Saputra", "sukamaju", _region("sukamaju", "Kepala Dinas Pendidikan")),
        holder("siti", "Siti Nurhaliza Rahmah", "sukamaju", _region("sukamaju", "Kepala Dinas Kesehatan")),
        holder("asep", "Asep Saepudin", "sukamaju", Term("Camat", *_KECAMATAN["cibening"])),
        holder("sugiyanto", "Sugiyanto", "sukamaju", Term("Komandan Komando Rayon Militer", "Koramil Cibening", None)),
        holder("rudi", "Rudi Hermawan Siregar", "tanjung", _region("tanjung", "Wali Kota"), short="Rudi"),
        holder("lina", "Lina Marlina", "tanjung", _region("tanjung", "Wakil Wali Kota")),
        holder("budi-tanjung", "Budi Hartono", "tanjung", _region("tanjung", "Kepala Dinas Pendidikan")),
        holder("fitri", "Fitri Handayani Putri", "tanjung", _region("tanjung", "Sekretaris Daerah")),
        holder("gilang", "Gilang Ramadhan Pohan", "tanjung", _region("tanjung", "Kepala Dinas Kesehatan")),
        holder("joko", "Joko Susilo Widodo", "lembah", _region("lembah", "Bupati"), short="Joko Susilo"),
        holder(
            "slamet",
            "Slamet Riyadi Purnomo",
            "lembah",
            Term("Camat", *_KECAMATAN["wonosari"], START, SEKDA_FROM - dt.timedelta(days=1)),
            _region("lembah", "Sekretaris Daerah", start=SEKDA_FROM),
            short="Slamet Riyadi",
        ),
        holder("endang", "Endang Sulastri", "lembah", _region("lembah", "Kepala Dinas Kesehatan")),
        holder("bambang", "Bambang Triyono", "lembah", _region("lembah", "Wakil Bupati")),
        holder("sri", "Sri Mulyani Rahayu", "lembah", _region("lembah", "Kepala Dinas Pendidikan")),
        holder("agus", "Agus Setiawan Nugraha", "bukit", _region("bukit", "Bupati"), short="Agus"),
        holder("budi-bukit", "Budi Hartono", "bukit", Term("Camat", *_KECAMATAN["karang"])),
        holder("wahyu", "Wahyu Prasetya Adi", "bukit", _region("bukit", "Sekretaris Daerah")),
        holder("ratna", "Ratna Sari Dewi", "bukit", _region("bukit", "Kepala Dinas Pendidikan")),
        holder("teguh", "Teguh Imam Santoso", "bukit", _region("bukit", "Wakil Bupati")),
        holder("rizal-effendi", "Rizal Effendi Chaniago", "danau", _region("danau", "Bupati"), short="Rizal"),
        holder("rizal-pahlevi", "Rizal Pahlevi", "danau", _region("danau", "Kepala Dinas Kesehatan"), short="Rizal"),
        holder("nofrizal", "Nofrizal Datuak Sati", "danau", _region("danau", "Sekretaris Daerah")),
        holder("yuliana", "Yuliana Sikumbang", "danau", _region("danau", "Wakil Bupati")),
        holder("andika", "Andika Putra Tanjung", "danau", _region("danau", "Kepala Dinas Pendidikan")),
        holder("hendrik", "Hendrik Tan Wijaya", "muara", _region("muara", "Wali Kota"), short="Hendrik"),
        holder("maria", "Maria Goreti Sinaga", "muara", _region("muara", "Sekretaris Daerah")),
        holder("agustinus", "Agustinus Lumban Gaol", "muara", _region("muara", "Kepala Dinas Pendidikan")),
        holder("fransiska", "Fransiska Lie Mei Ling", "muara", _region("muara", "Wakil Wali Kota")),
        holder("yohanes", "Yohanes Bong Kiat", "muara", _region("muara", "Kepala Dinas Kesehatan")),
        holder("dedi", "Dedi Supriadi Harahap", "sukamaju", _region("sukamaju", "Kepala Dinas Perhubungan")),
        holder("wulan", "Wulan Permatasari", "bukit", _region("bukit", "Kepala Dinas Kesehatan")),
    ]


HOLDERS = _holders()
#: Residents who recur (one person each), by region; other residents are made up per article.
RECURRING_RESIDENTS = {"sukamaju": "Hendra Kusnadi", "lembah": "Sumarni Wahyuningsih", "danau": "Yusrizal Tanjung"}
_FIRST = ("Eko", "Nining", "Ujang", "Tati", "Dadang", "Iis", "Rahmat", "Neneng", "Darmin", "Sulastri", "Kardi")
_LAST = ("Hidayat", "Suryani", "Gunawan", "Mulyati", "Saputra", "Rohayati", "Firmansyah", "Wulandari", "Kusuma")
_ONE_WORD = ("Hendra", "Onah", "Karsih", "Juned")
_VOWELS = {"a": "e", "e": "a", "i": "y", "o": "u", "u": "o", "y": "i"}


@dataclass(frozen=True)
class Corpus:
    records: list[EventRecord]
    #: (doc_id, person_id) -> who the person really is.
    truth: dict[tuple[str, str], str]


def generate(seed: int = 19, articles: int = ARTICLES) -> Corpus:
    rng = random.Random(seed)
    records, truth, used = [], {}, set()
    for number in range(articles):
        date = START + dt.timedelta(days=rng.randrange((END - START).days + 1))
        region = rng.choice(sorted(REGIONS))
        present = [h for h in HOLDERS if h.region == region and _term(h, date) is not None]
        cast = rng.sample(present, k=min(len(present), rng.randint(1, 4)))
        visitor = [h for h in HOLDERS if h.region != region and _term(h, date) is not None]
        if rng.random() < 0.15:
            cast.append(rng.choice(visitor))
        doc_id = f"{region}/{date.isoformat()}-{number:04d}"
        # 3 % of the mentions without their jurisdiction, as when the extractor cannot resolve it
        names = [(holder.truth, _written(rng, holder), _term(holder, date), rng.random() >= 0.03) for holder in cast]
        resident = _resident(rng, region, doc_id, used) if rng.random() < 0.5 else None
        record, ids = _record(doc_id, date, region, names, resident)
        records.append(record)
        truth.update(ids)
    return Corpus(records, truth)


def _term(holder: Holder, date: dt.date) -> Term | None:
    return next((term for term in holder.terms if term.start <= date <= term.end), None)


def _written(rng: random.Random, holder: Holder) -> str:
    """The name as one article writes it: 10 % a short form (for holders with one), 6 % misspelt, 3 % in capitals."""
    name = holder.short if holder.short and rng.random() < 0.1 else holder.name
    draw = rng.random()
    if draw < 0.06:
        return _misspelt(rng, name)
    return name.upper() if draw < 0.09 else name


def _misspelt(rng: random.Random, name: str) -> str:
    """One edit in a word of five letters or more, after its first letter: a letter doubled or dropped, a vowel
    changed."""
    words = name.split()
    long_words = [index for index, word in enumerate(words) if len(word) >= 5]
    if not long_words:
        return name
    index = rng.choice(long_words)
    word = words[index]
    at = rng.randrange(1, len(word) - 1)
    edits = [word[:at] + word[at] + word[at:], word[:at] + word[at + 1 :]]
    if word[at] in _VOWELS:
        edits.append(word[:at] + _VOWELS[word[at]] + word[at + 1 :])
    words[index] = rng.choice(edits)
    return " ".join(words)


def _resident(rng: random.Random, region: str, doc_id: str, used: set[tuple[str, str]]) -> tuple[str, str]:
    """A recurring resident, a one-word name (a different resident each time) or a two-word name
    not used before in the region (so that one name in one region is one resident)."""
    draw = rng.random()
    if draw < 0.3 and region in RECURRING_RESIDENTS:
        name = RECURRING_RESIDENTS[region]
        return f"resident:{name}", name
    if draw < 0.6:
        return f"resident:{doc_id}", rng.choice(_ONE_WORD)
    unused = [f"{first} {last}" for first in _FIRST for last in _LAST if (region, f"{first} {last}") not in used]
    name = rng.choice(unused) if unused else rng.choice(_ONE_WORD)
    used.add((region, name))
    return f"resident:{doc_id}", name


def _record(
    doc_id: str,
    date: dt.date,
    region: str,
    cast: list[tuple[str, str, Term | None, bool]],
    resident: tuple[str, str] | None,
) -> tuple[EventRecord, dict[tuple[str, str], str]]:
    text, officials, truth = "", [], {}
    for number, (who, name, term, placed) in enumerate(cast, start=1):
        assert term is not None
        lead = f"{term.role} {term.jurisdiction if placed else 'itu'}, "
        start = len(text) + len(lead)
        text += f"{lead}{name}, meninjau pembangunan jalan desa bersama warga. "
        mention = Mention(text=name, start=start, end=start + len(name))
        officials.append(
            Official(
                id=f"P{number}",
                name=name,
                mentions=[mention],
                role=term.role,
                jurisdiction=term.jurisdiction if placed else None,
                jurisdiction_code=term.code if placed else None,
            )
        )
        truth[(doc_id, f"P{number}")] = who
    persons = []
    if resident is not None:
        who, name = resident
        lead = "Seorang warga, "
        start = len(text) + len(lead)
        text += f"{lead}{name}, mengaku senang dengan perbaikan itu. "
        person_id = f"P{len(cast) + 1}"
        persons.append(
            Person(id=person_id, name=name, mentions=[Mention(text=name, start=start, end=start + len(name))])
        )
        truth[(doc_id, person_id)] = who
    said = "Pekerjaan ini harus selesai sebelum musim hujan"
    quote_start = len(text) + 1
    text += f"“{said},” katanya."
    quote = Quote(
        text=said,
        start=quote_start,
        end=quote_start + len(said),
        kind=QuoteKind.DIRECT,
        speaker_id="P1",
        speaker=cast[0][1],
        cue=Span(text="katanya", start=len(text) - 8, end=len(text) - 1),
    )
    name, code = REGIONS[region]
    record = EventRecord(
        doc_id=doc_id,
        source=Source(sha256="0" * 64, published=date),
        text=text,
        event=Event(date=date, region=name, region_code=code),
        officials=officials,
        persons=persons,
        quotes=[quote],
        pipeline=PipelineInfo(version="0", model="blank"),
    )
    return record, truth


def mentions_of(records: list[EventRecord]) -> pd.DataFrame:
    """The mention frame of records, as the people step reads it from their tables."""
    rows: dict[str, list[dict]] = {"officials": [], "persons": [], "articles": []}
    for record in records:
        for name, table_rows in record_rows(record).items():
            if name in rows:
                rows[name].extend(table_rows)
    frames = {name: pd.DataFrame(table_rows, columns=SCHEMAS[name].names) for name, table_rows in rows.items()}
    return mentions_from_tables(frames["officials"], frames["persons"], frames["articles"])


def pairwise(keys: list[str], truths: list[str]) -> tuple[int, int, int]:
    """Pairs of mentions in one predicted person, in one true person, and in both."""

    def pairs(counts: Counter) -> int:
        return sum(count * (count - 1) // 2 for count in counts.values())

    return pairs(Counter(keys)), pairs(Counter(truths)), pairs(Counter(zip(keys, truths, strict=True)))
