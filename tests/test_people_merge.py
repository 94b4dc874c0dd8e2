"""The people index on hand-made mentions: names, places, each merging rule, keys and their stability."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.corpus import MENTION_COLUMNS, build_people
from pipeline.corpus.names import compatible, is_short_form, normalise_name, place_of, root

SUKAMAJU = ("Kabupaten Sukamaju", "32.91")
CIBENING = ("Kecamatan Cibening", "32.91.04")
TANJUNG = ("Kota Tanjung Asri", "32.92")
BUKIT = ("Kabupaten Bukit Raya", "35.93")


def official(doc: str, name: str, role: str | None, place: tuple[str, str | None] | None, date: str) -> dict:
    jurisdiction, code = place or (None, None)
    return {"doc_id": doc, "person_id": "P1", "kind": "official", "name": name, "role": role,
            "jurisdiction": jurisdiction, "jurisdiction_code": code, "region_code": None, "date": date}  # fmt: skip


def resident(doc: str, name: str, region: str | None, date: str) -> dict:
    return {"doc_id": doc, "person_id": "P2", "kind": "person", "name": name, "role": None,
            "jurisdiction": None, "jurisdiction_code": None, "region_code": region, "date": date}  # fmt: skip


def keys_of(*mentions: dict) -> list[str]:
    return list(build_people(_frame(mentions))[1])


def people_of(*mentions: dict) -> dict[str, dict]:
    return {row["person_key"]: row for row in build_people(_frame(mentions))[0].to_pylist()}


def _frame(mentions: tuple[dict, ...] | list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(list(mentions), columns=list(MENTION_COLUMNS))
    return frame.assign(date=pd.to_datetime(frame["date"]))


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("Irwan Syah-Putra Chaniago", "irwan syah putra chaniago"),
        ("Ma'ruf Hidayat", "maruf hidayat"),
        ("SITTI  Rahmawaty", "sitti rahmawaty"),
        ("José Ñañez", "jose nanez"),
        ("A.  Rahman", "a rahman"),
    ],
)
def test_names_are_normalised(name, normalised):
    assert normalise_name(name) == normalised


def test_places_are_codes_or_bodies_with_their_roots():
    assert place_of("32.91.04", "Kecamatan Cibening") == "32.91.04"
    assert place_of(None, "Koramil Cibening") == "koramil-cibening"
    assert place_of(None, None) is None
    assert [root(place) for place in ("32.91.04.2001", "32.91", "32", "koramil-cibening")] == [
        "32.91", "32.91", "32", "koramil-cibening"
    ]  # fmt: skip
    assert compatible("32.91", "32.91.04") and compatible("32", "32.91.04.2001")
    assert not compatible("32.91.04", "32.91.05") and not compatible("32.9", "32.91")
    assert not compatible("koramil-cibening", "32.91")


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("irwan", "irwan syahputra chaniago", True),
        ("irwan chaniago", "irwan syahputra chaniago", True),
        ("m arfah latif", "muhammad arfah latif", True),
        ("chaniago irwan", "irwan syahputra chaniago", False),
        ("irwan syahputra chaniago", "irwan syahputra chaniago", False),
        ("hendra", "hendrawan saputra", False),
    ],
)
def test_short_forms(short, full, expected):
    assert is_short_form(tuple(short.split()), tuple(full.split())) is expected


def test_a_promotion_is_one_person_with_its_roles_in_date_order():
    people = people_of(
        official("a", "Hendra Wijaya", "Wakil Bupati", SUKAMAJU, "2023-02-01"),
        official("b", "Hendra Wijaya", "Wakil Bupati", SUKAMAJU, "2023-09-12"),
        official("c", "Hendra Wijaya", "Bupati", SUKAMAJU, "2024-03-04"),
        official("d", "Slamet Riyadi", "Camat", CIBENING, "2023-05-05"),
        official("e", "Slamet Riyadi", "Sekretaris Daerah", SUKAMAJU, "2024-01-20"),
    )
    assert sorted(people) == ["hendra-wijaya@32.91", "slamet-riyadi@32.91"]
    hendra = people["hendra-wijaya@32.91"]
    spells = [
        (role["role"], str(role["first_seen"]), str(role["last_seen"]), role["articles"]) for role in hendra["roles"]
    ]
    assert spells == [
        ("Wakil Bupati", "2023-02-01", "2023-09-12", 2),
        ("Bupati", "2024-03-04", "2024-03-04", 1),
    ]  # fmt: skip
    assert (hendra["articles"], str(hendra["first_seen"]), str(hendra["last_seen"])) == (3, "2023-02-01", "2024-03-04")
    slamet = people["slamet-riyadi@32.91"]
    assert [(place["jurisdiction"], place["jurisdiction_code"]) for place in slamet["jurisdictions"]] == [
        ("Kecamatan Cibening", "32.91.04"), ("Kabupaten Sukamaju", "32.91")
    ]  # fmt: skip


def test_namesakes_stay_apart_and_a_province_level_mention_between_them_too():
    keys = keys_of(
        official("a", "Budi Hartono", "Kepala Dinas Pendidikan", TANJUNG, "2023-01-01"),
        official("b", "Budi Hartono", "Kepala Dinas Pendidikan", ("Kabupaten Sukamaju", "32.91"), "2023-01-02"),
        official("c", "Budi Hartono", "Kepala Bidang", ("Provinsi Jawa Barat", "32"), "2023-01-03"),
        official("d", "Budi Hartono", "Camat", ("Kecamatan Karang Tengah", "35.93.05"), "2023-01-04"),
        official("e", "Budi Hartono", "Camat", ("Kecamatan Karang Tengah", "35.93.05"), "2023-01-05"),
    )
    assert keys == [
        "budi-hartono@32.92",
        "budi-hartono@32.91",
        "budi-hartono@32",
        "budi-hartono@35.93",
        "budi-hartono@35.93",
    ]


def test_a_short_form_joins_the_one_full_name_with_its_role():
    keys = keys_of(
        official("a", "Rizal Effendi Chaniago", "Bupati", SUKAMAJU, "2023-01-01"),
        official("b", "Rizal Pahlevi", "Kepala Dinas Kesehatan", SUKAMAJU, "2023-01-02"),
        official("c", "Rizal", "Bupati", SUKAMAJU, "2023-01-03"),
        official("d", "Rizal", "Kepala Dinas Kesehatan", SUKAMAJU, "2023-01-04"),
        official("e", "Rizal", "Camat", CIBENING, "2023-01-05"),
        official("f", "Rizal Chaniago", "Bupati", SUKAMAJU, "2023-01-06"),
    )
    assert keys == [
        "rizal-effendi-chaniago@32.91", "rizal-pahlevi@32.91", "rizal-effendi-chaniago@32.91",
        "rizal-pahlevi@32.91", "rizal@32.91", "rizal-effendi-chaniago@32.91",
    ]  # fmt: skip


def test_a_short_form_with_two_full_names_of_its_role_stays_apart():
    keys = keys_of(
        official("a", "Agus Setiawan", "Kepala Bidang", SUKAMAJU, "2023-01-01"),
        official("b", "Agus Salim", "Kepala Bidang", SUKAMAJU, "2023-01-02"),
        official("c", "Agus", "Kepala Bidang", SUKAMAJU, "2023-01-03"),
    )
    assert keys == ["agus-setiawan@32.91", "agus-salim@32.91", "agus@32.91"]


def test_a_spelling_variant_joins_when_its_role_or_place_agrees():
    common = [official(doc, "Dewi Lestari Anggraini", "Sekretaris Daerah", SUKAMAJU, "2023-01-01") for doc in "abc"]
    keys = keys_of(
        *common,
        official("d", "Dewi Lestari Angraini", "Sekretaris Daerah", SUKAMAJU, "2023-02-01"),  # one edit, same role
        official("e", "Dewi Lestary Anggraeni", "Pelaksana Tugas Bupati", SUKAMAJU, "2023-03-01"),  # two, same place
        official("f", "Dewi Lestari Anggraeni", "Camat", CIBENING, "2023-04-01"),  # neither agrees
        official("g", "Dewi Lestari Angraini", "Sekretaris Daerah", TANJUNG, "2023-05-01"),  # another region
        official("h", "Dewi Lestari", "Kepala Dinas Kesehatan", TANJUNG, "2023-05-01"),
        official("i", "Dewi Lestary", "Kepala Dinas Kesehatan", TANJUNG, "2023-05-02"),  # short: one edit is too many
    )
    assert keys == ["dewi-lestari-anggraini@32.91"] * 5 + [
        "dewi-lestari-anggraeni@32.91", "dewi-lestari-angraini@32.92", "dewi-lestari@32.92", "dewi-lestary@32.92",
    ]  # fmt: skip


def test_variants_of_a_variant_join_the_usual_spelling():
    usual = [official(doc, "Teguh Imam Santoso", "Wakil Bupati", BUKIT, "2023-01-01") for doc in "abc"]
    keys = keys_of(
        *usual,
        official("d", "Teuh Imam Santoso", "Wakil Bupati", BUKIT, "2023-01-02"),
        official("e", "Teuh Imam Santoso", "Wakil Bupati", BUKIT, "2023-01-03"),
        official("f", "Tegguh Imam Santoso", "Wakil Bupati", BUKIT, "2023-01-04"),  # 2 edits from Teuh, 1 from Teguh
    )
    assert set(keys) == {"teguh-imam-santoso@35.93"}


def test_residents_with_an_officials_first_name_stay_apart():
    people = people_of(
        official("a", "Hendra Wijaya", "Bupati", SUKAMAJU, "2023-01-01"),
        official("b", "Hendra", "Bupati", SUKAMAJU, "2023-01-02"),
        resident("b", "Hendra", "32.91", "2023-01-02"),
        resident("c", "Hendra", "32.91", "2023-01-03"),
        resident("d", "Hendra Kusnadi", "32.91", "2023-01-04"),
        resident("e", "Hendra Kusnadi", "32.91", "2023-01-05"),
        resident("f", "Hendra Kusnadi", "35.93", "2023-01-06"),
    )
    rows = sorted(
        (row["person_key"].split("~")[0], row["kind"], row["articles"], row["variants"]) for row in people.values()
    )
    assert rows == [
        ("hendra-kusnadi@32.91", "person", 2, ["Hendra Kusnadi"]),
        ("hendra-kusnadi@35.93", "person", 1, ["Hendra Kusnadi"]),
        ("hendra-wijaya@32.91", "official", 2, ["Hendra", "Hendra Wijaya"]),
        ("hendra@32.91", "person", 1, ["Hendra"]),
        ("hendra@32.91", "person", 1, ["Hendra"]),
    ]
    assert len({key for key in people if key.startswith("hendra@")}) == 2


def test_a_mention_without_a_jurisdiction_joins_the_one_person_of_its_name_and_role():
    keys = keys_of(
        official("a", "Budi Hartono", "Kepala Dinas Pendidikan", TANJUNG, "2023-01-01"),
        official("b", "Budi Hartono", "Camat", ("Kecamatan Karang Tengah", "35.93.05"), "2023-01-02"),
        official("c", "Budi Hartono", "Camat", None, "2023-01-03"),
        official("d", "Budi Hartono", "Kepala Bidang", None, "2023-01-04"),
        official("e", "Sugiyanto", "Komandan Komando Rayon Militer", ("Koramil Cibening", None), "2023-01-05"),
        official("f", "Sugiyanto", "Komandan Komando Rayon Militer", None, "2023-01-06"),
        resident("g", "Onih Sukaesih", "32.91", "2023-01-07"),
        resident("h", "Onih Sukaesih", None, "2023-01-08"),
    )
    assert keys == [
        "budi-hartono@32.92", "budi-hartono@35.93", "budi-hartono@35.93", "budi-hartono@",
        "sugiyanto@koramil-cibening", "sugiyanto@koramil-cibening", "onih-sukaesih@32.91", "onih-sukaesih@32.91",
    ]  # fmt: skip


def test_namesakes_in_one_kabupaten_are_told_apart_by_their_place():
    keys = keys_of(
        official("a", "Budi Santoso", "Camat", CIBENING, "2023-01-01"),
        official("b", "Budi Santoso", "Kepala Desa", ("Desa Mekarsari", "32.91.05.2003"), "2023-01-02"),
    )
    assert keys == ["budi-santoso@32.91/32.91.04", "budi-santoso@32.91/32.91.05.2003"]


def test_what_changes_a_key_when_the_corpus_grows():
    first = [
        official("a", "Budi Santoso", "Camat", CIBENING, "2023-01-01"),
        official("b", "Rizal", "Bupati", SUKAMAJU, "2023-01-02"),
        official("c", "Asep Saepudin", "Camat", CIBENING, "2023-01-03"),
    ]
    assert keys_of(*first) == ["budi-santoso@32.91", "rizal@32.91", "asep-saepudin@32.91"]
    later = [
        official("d", "Budi Santoso", "Kepala Desa", ("Desa Mekarsari", "32.91.05.2003"), "2024-01-01"),
        official("e", "Rizal Effendi", "Bupati", SUKAMAJU, "2024-01-02"),
        official("f", "Asep Saepudin", "Sekretaris Daerah", SUKAMAJU, "2024-01-03"),
        official("g", "Asep Saepudin", "Sekretaris Daerah", SUKAMAJU, "2024-01-04"),
    ]
    # a namesake in the same kabupaten adds the place; the full name of a short form replaces it;
    # a promotion in the kabupaten keeps the key
    assert keys_of(*first, *later)[:3] == ["budi-santoso@32.91/32.91.04", "rizal-effendi@32.91", "asep-saepudin@32.91"]


def test_the_table_does_not_depend_on_the_order_of_the_mentions():
    mentions = [
        official("a", "Hendra Wijaya", "Wakil Bupati", SUKAMAJU, "2023-02-01"),
        official("b", "Hendra Wijayaa", "Bupati", SUKAMAJU, "2024-03-04"),
        official("c", "Hendra", "Bupati", SUKAMAJU, "2024-03-05"),
        official("d", "Hendra Wijaya", "Bupati", SUKAMAJU, "2024-04-04"),
        resident("d", "Hendra", "32.91", "2024-04-04"),
    ]
    table, keys = build_people(_frame(mentions))
    reversed_table, reversed_keys = build_people(_frame(mentions[::-1]))
    assert reversed_table.equals(table)
    assert list(reversed_keys)[::-1] == list(keys)
    assert table.num_rows == 2 and table["variants"][0].as_py() == ["Hendra", "Hendra Wijaya", "Hendra Wijayaa"]


def test_no_mentions_give_an_empty_table():
    table, keys = build_people(_frame([]))
    assert table.num_rows == 0 and len(keys) == 0
