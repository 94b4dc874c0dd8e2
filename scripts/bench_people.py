"""People-table benchmark: the time to build `people.parquet` for N generated officials' mentions.

`make bench` runs it after the extraction benchmark (`scripts/bench.py --people N`); alone:
`python scripts/bench_people.py --mentions 100000`. The mentions are generated, never read:
officials with invented names in 600 regions (30 provinces of 20 kabupaten/kota), about 17
mentions each (a few officials in many articles, most in a handful), over two years; 5 %
misspelt by one edit, 8 % a short form, 3 % without their jurisdiction; four officials per
article and one quote each. Two timings:

- build: `pipeline.corpus.build_people` on the mention frame in memory (normalising,
  blocking, merging, keys, the table);
- files: the step as a run does it (`pipeline.corpus.write_people`): reading the
  `officials`, `persons` and `articles` Parquet files, building, writing the `person_key`
  of `officials`, `persons` and `quotes`, writing `people.parquet`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.corpus import MENTION_COLUMNS, build_people, write_people
from pipeline.tables import SCHEMAS

MENTIONS = 100_000
OFFICIALS_PER_ARTICLE = 4
_ROLES = ("Bupati", "Wakil Bupati", "Sekretaris Daerah", "Kepala Dinas Pendidikan", "Kepala Dinas Kesehatan")
_ROLES += ("Kepala Dinas Perhubungan", "Kepala Badan Perencanaan Pembangunan Daerah", "Camat", "Kepala Desa", "Lurah")
_COUNTS = ("dates", "places", "organisations", "officials", "persons", "quotes", "other_events")
_SYLLABLES = ("su", "har", "di", "wan", "ri", "ya", "to", "sa", "ma", "ni", "ko", "lan", "dar", "ti", "pra", "se")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=MENTIONS, help="officials' mentions to generate")
    args = parser.parse_args(argv)
    report(args.mentions)
    return 0


def report(count: int) -> dict:
    """Generate `count` mentions, time both steps, print and return the numbers."""
    mentions = generate(count)
    started = time.perf_counter()
    table, _ = build_people(mentions)
    build = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="warta-people-") as folder:
        files = _write_tables(Path(folder), mentions)
        started = time.perf_counter()
        write_people(files, Path(folder) / "people.parquet", {})
        written = time.perf_counter() - started
    articles = mentions["doc_id"].nunique()
    print(
        f"\n(c) people table: {len(mentions):,} officials' mentions in {articles:,} articles -> "
        f"{table.num_rows:,} people: build {build:.2f} s ({len(mentions) / build:,.0f} mentions/s); "
        f"the step on the Parquet files (read, build, person_key columns, people.parquet) {written:.2f} s"
    )
    return {
        "mentions": len(mentions),
        "articles": articles,
        "people": table.num_rows,
        "build_seconds": round(build, 3),
        "files_seconds": round(written, 3),
    }


def generate(count: int, seed: int = 0) -> pd.DataFrame:
    rng = random.Random(seed)
    regions = [f"{province}.{kabupaten:02d}" for province in range(11, 41) for kabupaten in range(1, 21)]
    officials = [_official(rng, region) for region in regions for _ in range(max(1, count // 17 // len(regions)))]
    weights = [rng.paretovariate(1.2) for _ in officials]
    start = dt.date(2023, 1, 1)
    rows = []
    for number, (region, role, code, name) in enumerate(rng.choices(officials, weights, k=count)):
        draw = rng.random()
        if draw < 0.05:
            at = rng.randrange(1, len(name) - 1)
            name = name[:at] + name[at + 1 :] if name[at] != " " else name
        elif draw < 0.13:
            name = name.split()[0]
        placed = rng.random() >= 0.03
        rows.append(
            {
                "doc_id": f"d{number // OFFICIALS_PER_ARTICLE:07d}",
                "person_id": f"P{number % OFFICIALS_PER_ARTICLE + 1}",
                "kind": "official",
                "name": name,
                "role": role,
                "jurisdiction": f"Wilayah {region}" if placed else None,
                "jurisdiction_code": code if placed else None,
                "region_code": region,
                "date": pd.Timestamp(start + dt.timedelta(days=rng.randrange(730))),
            }
        )
    return pd.DataFrame(rows, columns=list(MENTION_COLUMNS))


def _official(rng: random.Random, region: str) -> tuple[str, str, str, str]:
    role = rng.choice(_ROLES)
    code = f"{region}.{rng.randrange(1, 30):02d}" if role in ("Camat", "Kepala Desa", "Lurah") else region
    words = ["".join(rng.choices(_SYLLABLES, k=rng.randint(2, 3))).title() for _ in range(rng.randint(2, 3))]
    return region, role, code, " ".join(words)


def _write_tables(folder: Path, mentions: pd.DataFrame) -> dict[str, list[Path]]:
    """The `officials`, `persons`, `quotes` and `articles` files of the mentions, as a run writes them."""
    quotes = mentions[["doc_id", "person_id"]].rename(columns={"person_id": "speaker_id"})
    articles = mentions.drop_duplicates("doc_id")[["doc_id", "date", "region_code"]]
    frames = {
        "officials": mentions.assign(mentions=1),
        "persons": pd.DataFrame({"doc_id": [], "person_id": [], "name": [], "mentions": []}),
        "quotes": quotes.assign(kind="direct", text="x", start=0, end=1, confidence=1.0),
        "articles": articles.assign(
            published=articles["date"].dt.date, event_region_code=articles["region_code"], chars=1
        ).assign(warnings=[[]] * len(articles), **dict.fromkeys(_COUNTS, 0)),
    }
    files = {}
    for name, frame in frames.items():
        schema = SCHEMAS[name]
        columns = [
            pa.array(frame[field.name], field.type, from_pandas=True)
            if field.name in frame
            else pa.nulls(len(frame), field.type)
            for field in schema
        ]
        files[name] = [folder / f"{name}.parquet"]
        pq.write_table(pa.table(columns, schema=schema), files[name][0], row_group_size=2000)
    return files


if __name__ == "__main__":
    sys.exit(main())
