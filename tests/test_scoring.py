"""The scorer on small hand-made gold/prediction pairs (invented texts and people)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest

from pipeline.evaluate.gold import (
    GoldError,
    GoldSpan,
    GovArticle,
    GovGold,
    GovOfficial,
    GovQuote,
    PfsaArticle,
    PfsaQuote,
    read_gold_file,
)
from pipeline.evaluate.predicted import Prediction, PredOfficial, PredQuote, PredSpan, prediction_from_record
from pipeline.evaluate.scoring import (
    PRF,
    QuoteSpan,
    Ratio,
    aliases_of,
    find_normalised,
    flat_metrics,
    jurisdictions_match,
    last_person_before,
    locate_quote,
    match_officials,
    match_quotes,
    name_matches,
    normalise,
    overlap,
    pair_spans,
    roles_match,
    score_gov_article,
    score_pfsa_article,
    shares_long_word,
    trim_span,
)
from pipeline.ingest import article_from_text
from pipeline.record import (
    EventRecord,
    Mention,
    Official,
    PipelineInfo,
    Quote,
    QuoteKind,
    Source,
    Span,
)


def at(text: str, part: str, occurrence: int = 0) -> tuple[int, int]:
    """The span of the n-th occurrence of `part` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


# --- normalisation --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("“Pasar ini milik warga,”", "pasar ini milik warga"),
        ("”Kami siap.”", '"Kami siap"'),
        ("«Kami siap»", "‘Kami siap’"),
        ("Wali Kota", "Walikota"),
        ("WALIKOTA", "wali  kota"),
        ("Wakil Wali Kota", "Wakil Walikota"),
        ("Wali\nKota", "walikota"),
        ("Balai Kota Sukamakmur", "Balaikota Sukamakmur"),
        ("Wali Nagari", "Walinagari"),
        ("Ｂｕｄｉ　Ｓａｎｔｏｓｏ", "budi santoso"),  # full-width letters and space: NFKC
        ("  Budi \t Santoso. ", "Budi Santoso"),
        ("Jum'at", "Jum’at"),
    ],
)
def test_normalise_equal(first: str, second: str) -> None:
    assert normalise(first) == normalise(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Wali Murid", "Walimurid"),  # not a listed compound
        ("Kota Sukamakmur", "Kotasukamakmur"),
        ("Wali Kotamadya", "Walikota madya"),  # `kota` must end a word
        ("Wakil Bupati", "Bupati"),
    ],
)
def test_normalise_different(first: str, second: str) -> None:
    assert normalise(first) != normalise(second)


def test_normalise_exact_forms() -> None:
    assert normalise("“Wakil Wali Kota Sukamakmur,” ") == "wakil walikota sukamakmur"
    assert normalise("(Dr.) Budi, S.Sos.") == "dr.) budi, s.sos"  # only the ends are stripped
    assert normalise(None) == ""
    assert normalise(" ,.” ") == ""


def test_find_normalised_maps_back_to_the_source() -> None:
    text = "Ia berkata, “Kami  SIAP\nmembantu warga,” ujarnya."
    [(start, end)] = find_normalised(text, '"kami siap membantu warga,"')
    assert text[start:end] == "Kami  SIAP\nmembantu warga"


def test_locate_quote_exact_normalised_repeated_and_missing() -> None:
    text = "“Ayo bekerja,” kata Budi. Lalu Siti berkata “Ayo bekerja,” lagi. Ia menyebut Wali  Kota hadir."
    first = locate_quote(text, "Ayo bekerja,")
    assert first == at(text, "Ayo bekerja,")
    assert locate_quote(text, "Ayo bekerja,", [first]) == at(text, "Ayo bekerja,", 1)
    found = locate_quote(text, "ia menyebut walikota hadir")
    assert found is not None and text[found[0] : found[1]] == "Ia menyebut Wali  Kota hadir"
    assert locate_quote(text, "Tidak ada di teks") is None
    assert locate_quote(text, "") is None


# --- overlap and pairing --------------------------------------------------------------


def test_overlap_values() -> None:
    assert overlap((0, 10), (0, 10)) == 1.0
    assert overlap((0, 10), (5, 15)) == 0.5
    assert overlap((0, 10), (0, 40)) == 0.25  # divided by the longer span
    assert overlap((0, 10), (10, 20)) == 0.0
    assert overlap((3, 3), (3, 3)) == 0.0


@pytest.mark.parametrize(
    ("pred", "lenient", "strict"),
    [
        ((0, 100), True, True),  # exact
        ((0, 80), True, True),  # 0.8: strict match, on the threshold
        ((0, 79), True, False),  # 0.79: lenient only
        ((20, 100), True, True),  # shorter on the left
        ((0, 125), True, True),  # longer: 100/125 = 0.8
        ((0, 126), True, False),  # 100/126 < 0.8
        ((70, 100), True, False),  # 0.3: lenient match, on the threshold
        ((71, 100), False, False),  # 0.29
        ((0, 334), False, False),  # longer: 100/334 < 0.3
        ((0, 333), True, False),  # 100/333 > 0.3
    ],
)
def test_pairing_on_both_sides_of_the_thresholds(pred: tuple[int, int], lenient: bool, strict: bool) -> None:
    assert bool(pair_spans([(0, 100)], [pred], 0.3)) is lenient
    assert bool(pair_spans([(0, 100)], [pred], 0.8)) is strict


def test_two_predictions_compete_for_one_gold() -> None:
    gold = [QuoteSpan((0, 10), "direct")]
    pred = [QuoteSpan((0, 6), "direct"), QuoteSpan((0, 9), "direct")]  # the better one second
    found = match_quotes(gold, pred)["quotes.direct@0.3"]
    assert [(pair.gold, pair.pred) for pair in found.pairs] == [(0, 1)]
    assert found.false_alarms == (0,)
    counts = found.counts()
    assert counts == PRF(tp=1, gold=1, predicted=2)
    assert counts.precision == 0.5
    assert counts.recall == 1.0
    assert counts.f1 == pytest.approx(2 / 3)


def test_greedy_pairing_takes_the_highest_overlap_first() -> None:
    # pred 0 overlaps gold 0 at 0.5 and gold 1 at 0.9: it goes to gold 1, gold 0 takes pred 1.
    gold = [(0, 10), (10, 20)]
    pred = [(11, 20), (0, 6)]
    pairs = pair_spans(gold, pred, 0.3)
    assert [(pair.gold, pair.pred) for pair in pairs] == [(0, 1), (1, 0)]


def test_quote_kinds_are_scored_separately_and_together() -> None:
    gold = [QuoteSpan((0, 10), "direct"), QuoteSpan((20, 30), "indirect")]
    pred = [QuoteSpan((0, 10), "direct"), QuoteSpan((20, 30), "direct")]  # second has the wrong kind
    found = match_quotes(gold, pred)
    assert found["quotes.all@0.8"].counts() == PRF(2, 2, 2)
    assert found["quotes.direct@0.8"].counts() == PRF(1, 1, 2)
    assert found["quotes.indirect@0.8"].counts() == PRF(0, 1, 0)


def test_unlocated_gold_is_a_miss() -> None:
    found = match_quotes([QuoteSpan(None, "direct")], [QuoteSpan((0, 5), "direct")])["quotes.all@0.3"]
    assert found.counts() == PRF(tp=0, gold=1, predicted=1)


def test_empty_counts_are_zero_not_errors() -> None:
    assert PRF().precision == PRF().recall == PRF().f1 == 0.0
    assert PRF(0, 3, 0).recall == 0.0
    assert Ratio().value == 0.0
    assert Ratio(1, 4).value == 0.25


def test_trim_span() -> None:
    text = "kata dia, ”Halo, warga!,” lalu"
    start, end = trim_span(text, *at(text, "”Halo, warga!,”"))
    assert text[start:end] == "Halo, warga"
    assert trim_span(text, *at(text, ", ")) == at(text, ", ")  # nothing left: unchanged


def test_flat_metric_names() -> None:
    metrics = flat_metrics(
        {"quotes.direct@0.3": PRF(1, 2, 4), "officials.name": PRF(1, 1, 1)}, {"speaker": Ratio(1, 2)}
    )
    assert metrics == {
        "quotes.direct.p@0.3": 0.25,
        "quotes.direct.r@0.3": 0.5,
        "quotes.direct.f1@0.3": pytest.approx(1 / 3),
        "officials.name.p": 1.0,
        "officials.name.r": 1.0,
        "officials.name.f1": 1.0,
        "speaker": 0.5,
    }


# --- names, roles, jurisdictions ------------------------------------------------------


def test_names_and_aliases() -> None:
    assert name_matches("Budi Santoso", "Budi Santoso")
    assert name_matches("budi", "Budi Santoso", ["Budi"])
    assert name_matches("“Budi”", "Budi Santoso", ["Budi"])
    assert not name_matches("Budi", "Budi Santoso")
    assert not name_matches(None, "Budi Santoso", ["Budi"])
    assert not name_matches("", "Budi Santoso", [""])


def test_roles_and_jurisdictions() -> None:
    assert roles_match("Wali Kota", "Walikota")
    assert roles_match("Wakil Wali Kota", "wakil walikota")
    assert not roles_match("Wakil Wali Kota", "Wali Kota")
    assert roles_match(None, None)
    assert not roles_match("Camat", None)
    assert jurisdictions_match("Kota Sukamakmur", "Dinas Kesehatan Kota Sukamakmur")
    assert jurisdictions_match("Dinas Kesehatan Kota Sukamakmur", "kota sukamakmur")
    assert not jurisdictions_match("Kota Sukamakmur", "Kabupaten Sukamakmur Ilir")
    assert not jurisdictions_match("Kota Sukamaju", "Kota Sukamajubaru")  # whole words only
    assert not jurisdictions_match("Kota Sukamakmur", None)


def test_officials_at_three_levels() -> None:
    gold = [
        GovOfficial("Budi Santoso", ("Budi",), "Wali Kota", "Kota Sukamakmur"),
        GovOfficial("Siti Rahmawati", (), "Kepala Dinas Perdagangan", "Kota Sukamakmur"),
        GovOfficial("Joko Prasetyo", (), "Camat", "Kecamatan Sukamaju"),
    ]
    pred = [
        PredOfficial("Budi", "Walikota", "Pemerintah Kota Sukamakmur"),  # alias, role variant, containment
        PredOfficial("Siti Rahmawati", "Kepala Dinas", "Kota Sukamakmur"),  # wrong role
        PredOfficial("Joko Prasetyo", "Camat", "Kecamatan Sukamulya"),  # wrong jurisdiction
        PredOfficial("Rina Marlina", "Lurah", "Kelurahan Sukamaju"),  # not in the gold
    ]
    found = match_officials(gold, pred)
    assert found["officials.name"].counts() == PRF(3, 3, 4)
    assert found["officials.name_role"].counts() == PRF(2, 3, 4)
    assert found["officials.name_role_jurisdiction"].counts() == PRF(1, 3, 4)
    assert found["officials.name"].counts().precision == 0.75


def test_officials_pair_one_to_one_preferring_the_canonical_name() -> None:
    gold = [GovOfficial("Budi Santoso", ("Budi",), "Wali Kota", "Kota Sukamakmur")]
    pred = [PredOfficial("Budi", "Wali Kota", "Kota Sukamakmur"), PredOfficial("Budi Santoso", None, None)]
    found = match_officials(gold, pred)
    assert [(pair.gold, pair.pred) for pair in found["officials.name"].pairs] == [(0, 1)]
    assert found["officials.name"].counts() == PRF(1, 1, 2)
    # at the full level only the first prediction qualifies
    assert [(pair.gold, pair.pred) for pair in found["officials.name_role_jurisdiction"].pairs] == [(0, 0)]


def test_pronoun_helpers() -> None:
    assert shares_long_word("Andi Wijaya", "Wijaya")
    assert shares_long_word("ANDI", "Andi Wijaya")
    assert not shares_long_word("Al Wijaya", "Al Jufri")  # `al` is shorter than three letters
    assert not shares_long_word(None, "Andi Wijaya")
    spans = (GoldSpan(0, 4, "PERSON"), GoldSpan(10, 14, "PERSONCOREF"), GoldSpan(20, 24, "PERSON"))
    assert last_person_before(spans, 18) == GoldSpan(0, 4, "PERSON")
    assert last_person_before(spans, 24) == GoldSpan(20, 24, "PERSON")
    assert last_person_before(spans, 3) is None


# --- whole articles: pfsa -------------------------------------------------------------

PFSA_TEXT = (
    "BANDUNG, NUSAPOS — Menteri Pangan Andi Wijaya meninjau gudang beras, Senin (6/4/2020).\n"
    "”Stok aman sampai Lebaran,” kata Andi.\n"
    "Ia juga meminta warga tenang. ”Kami terus memantau harga,” ujarnya.\n"
    "”Beras mahal sekali,” kata seorang pembeli."
)


def pfsa_article() -> PfsaArticle:
    text = PFSA_TEXT
    first, second = at(text, "”Stok aman sampai Lebaran,”"), at(text, "”Kami terus memantau harga,”")
    return PfsaArticle(
        doc_id="pfsa-test-1",
        text=text,
        spans=(
            GoldSpan(*at(text, "Menteri Pangan"), "ROLE"),
            GoldSpan(*at(text, "Andi Wijaya"), "PERSON"),
            GoldSpan(*at(text, "Senin (6/4/2020)"), "DATETIME"),
            GoldSpan(*first, "STATEMENT"),
            GoldSpan(*at(text, "kata"), "CUE"),
            GoldSpan(*at(text, "Andi", 1), "PERSONCOREF"),
            GoldSpan(*second, "STATEMENT"),
            GoldSpan(*at(text, "ujarnya"), "CUECOREF"),
        ),
        quotes=(
            PfsaQuote(
                *first,
                "direct",
                GoldSpan(*at(text, "kata"), "CUE"),
                GoldSpan(*at(text, "Andi", 1), "PERSONCOREF"),
            ),
            PfsaQuote(*second, "direct", GoldSpan(*at(text, "ujarnya"), "CUECOREF"), None),
        ),
        unannotated_quotes=(GoldSpan(*at(text, "”Beras mahal sekali,”")),),
    )


def quote(text: str, part: str, kind: str = "direct", **fields: object) -> PredQuote:
    start, end = at(text, part)
    return PredQuote(start, end, part, kind, **fields)  # type: ignore[arg-type]


def test_pfsa_article_quotes_speakers_and_labels() -> None:
    text = PFSA_TEXT
    mention = PredSpan(*at(text, "Andi", 1), "Andi")
    pred = Prediction(
        "pfsa-test-1",
        quotes=(
            quote(text, "Stok aman sampai Lebaran,", speaker="Andi Wijaya", speaker_mention=mention),
            quote(text, "Kami terus memantau harga,", speaker="Andi Wijaya"),
            quote(text, "Beras mahal sekali,"),  # a resident: unannotated, ignored
            quote(text, "Ia juga meminta warga tenang.", kind="indirect"),  # a false alarm
        ),
        labels={
            "PERSON": (PredSpan(*at(text, "Andi Wijaya"), "Andi Wijaya"),),
            "ROLE": (PredSpan(*at(text, "Menteri"), "Menteri"),),  # 7/14 = 0.5: found
            "DATETIME": (PredSpan(*at(text, "(6/4/2020)"), "(6/4/2020)"),),  # 10/16 = 0.625: found
        },
    )
    result = score_pfsa_article(pfsa_article(), pred)
    assert result.ignored == frozenset({2})
    assert result.counts["quotes.all@0.8"] == PRF(tp=2, gold=2, predicted=3)
    assert result.counts["quotes.direct@0.8"] == PRF(tp=2, gold=2, predicted=2)
    assert result.counts["quotes.direct@0.8"].precision == 1.0
    assert result.counts["quotes.indirect@0.3"] == PRF(tp=0, gold=0, predicted=1)
    assert result.ratios["speaker.mention"] == Ratio(1, 1)
    assert result.ratios["speaker.pronoun"] == Ratio(1, 1)
    assert result.ratios["recall.person"] == Ratio(1, 1)
    assert result.ratios["recall.role"] == Ratio(1, 1)
    assert result.ratios["recall.datetime"] == Ratio(1, 1)
    assert result.ratios["recall.affiliation"] == Ratio(0, 0)


def test_pfsa_speakers_wrong_and_null() -> None:
    text = PFSA_TEXT
    pred = Prediction(
        "pfsa-test-1",
        quotes=(
            quote(text, "Stok aman sampai Lebaran,", speaker_mention=PredSpan(*at(text, "kata"), "kata")),
            quote(text, "Kami terus memantau harga,", speaker=None),  # null speaker: wrong
        ),
    )
    result = score_pfsa_article(pfsa_article(), pred)
    assert result.ratios["speaker.mention"] == Ratio(0, 1)
    assert result.ratios["speaker.pronoun"] == Ratio(0, 1)
    assert result.ratios["recall.person"] == Ratio(0, 1)


def test_pfsa_empty_prediction_counts_misses() -> None:
    result = score_pfsa_article(pfsa_article(), Prediction("pfsa-test-1"))
    assert result.counts["quotes.all@0.3"] == PRF(tp=0, gold=2, predicted=0)
    assert result.ratios["speaker.mention"] == Ratio(0, 0)  # nothing matched, nothing to judge
    assert result.ratios["recall.datetime"] == Ratio(0, 1)


# --- whole articles: gov --------------------------------------------------------------

GOV_TEXT = (
    "SUKAMAKMUR – Wali Kota Sukamakmur, H. Budi Santoso, S.Sos., meresmikan Pasar Rakyat Sukamaju "
    "di Kecamatan Sukamaju, Senin (6/10/2025).\n\n"
    "“Pasar ini milik warga, jadi mari kita rawat bersama,” kata Budi.\n\n"
    "Kepala Dinas Perdagangan Kota Sukamakmur, Siti Rahmawati, menyampaikan bahwa pedagang lama "
    "mendapat kios lebih dulu.\n\n"
    "Seorang warga mengatakan pasar baru lebih bersih."
)


def gov_article() -> GovArticle:
    return GovArticle(
        doc_id="gov-test-1",
        text=GOV_TEXT,
        published=dt.date(2025, 10, 7),
        gold=GovGold(
            dateline="Sukamakmur",
            event_type="peresmian",
            event_date=dt.date(2025, 10, 6),
            event_place="Pasar Rakyat Sukamaju",
            event_region="Kota Sukamakmur",
            officials=(
                GovOfficial("Budi Santoso", ("Budi",), "Wali Kota", "Kota Sukamakmur"),
                GovOfficial("Siti Rahmawati", ("Siti",), "Kepala Dinas Perdagangan", "Kota Sukamakmur"),
            ),
            quotes=(
                GovQuote("Pasar ini milik warga, jadi mari kita rawat bersama,", "direct", "Budi Santoso"),
                GovQuote("pedagang lama mendapat kios lebih dulu", "indirect", "Siti Rahmawati"),
                GovQuote("pasar baru lebih bersih", "indirect", None),
                GovQuote("Kalimat ini tidak ada di artikel", "direct", "Budi Santoso"),
            ),
        ),
    )


def test_gov_article_all_metrics() -> None:
    text = GOV_TEXT
    pred = Prediction(
        "gov-test-1",
        quotes=(
            quote(text, "Pasar ini milik warga, jadi mari kita rawat bersama", speaker="Budi"),  # alias
            # the wrong speaker, and only 27 of the 38 characters
            quote(text, "pedagang lama mendapat kios", kind="indirect", speaker="Budi Santoso"),
            quote(text, "pasar baru lebih bersih", kind="indirect", speaker="Seorang warga"),
        ),
        officials=(
            PredOfficial("Budi Santoso", "Walikota", "Kota Sukamakmur"),
            PredOfficial("Siti", "Kepala Dinas Perdagangan", "Dinas Perdagangan Kota Sukamakmur"),
        ),
        dateline="SUKAMAKMUR",
        event_type="peresmian",
        event_date=dt.date(2025, 10, 6),
        event_place="Pasar Rakyat Sukamaju, Kecamatan Sukamaju",  # contains the gold place
        event_region=None,  # a null prediction is a miss
    )
    result = score_gov_article(gov_article(), pred)
    assert result.unlocated == (3,)
    assert result.counts["quotes.all@0.3"] == PRF(tp=3, gold=4, predicted=3)
    # "pedagang lama mendapat kios" covers 27 of the 38 characters: 0.71, lenient only
    assert result.counts["quotes.all@0.8"] == PRF(tp=2, gold=4, predicted=3)
    assert result.counts["quotes.indirect@0.8"] == PRF(tp=1, gold=2, predicted=2)
    assert result.counts["quotes.direct@0.8"] == PRF(tp=1, gold=2, predicted=1)
    assert result.counts["quotes.all@0.3"].precision == 1.0
    assert result.counts["quotes.all@0.3"].recall == 0.75
    # the null gold speaker is left out: Budi (alias) right, Siti wrong
    assert result.ratios["speaker"] == Ratio(1, 2)
    assert result.counts["officials.name_role_jurisdiction"] == PRF(2, 2, 2)
    assert {check.field: check.correct for check in result.events} == {
        "date": True,
        "type": True,
        "dateline": True,
        "place": True,
        "region": False,
    }
    assert result.ratios["event.region"] == Ratio(0, 1)


def test_gov_empty_prediction_counts_misses() -> None:
    result = score_gov_article(gov_article(), Prediction("gov-test-1"))
    assert result.counts["quotes.all@0.3"] == PRF(0, 4, 0)
    assert result.counts["officials.name"] == PRF(0, 2, 0)
    assert result.ratios["speaker"] == Ratio(0, 0)
    assert all(not check.correct for check in result.events)


def test_gold_null_event_field_is_right_only_when_predicted_null() -> None:
    article = gov_article()
    no_region = replace(article, gold=replace(article.gold, event_region=None))
    assert score_gov_article(no_region, Prediction("x")).ratios["event.region"] == Ratio(1, 1)
    wrong = Prediction("x", event_region="Kota Sukamakmur")
    assert score_gov_article(no_region, wrong).ratios["event.region"] == Ratio(0, 1)


def test_aliases_of_a_speaker() -> None:
    officials = gov_article().gold.officials
    assert aliases_of("budi santoso", officials) == ("Budi",)
    assert aliases_of("Seorang Warga", officials) == ()


# --- gold files -----------------------------------------------------------------------


def test_read_both_gold_formats(tmp_path) -> None:
    pfsa = tmp_path / "pfsa" / "dev.jsonl"
    pfsa.parent.mkdir()
    line = {
        "doc_id": "p-1",
        "text": "”Siap,” kata Andi.",
        "spans": [{"label": "STATEMENT", "start": 0, "end": 7}, {"label": "PERSON", "start": 13, "end": 17}],
        "quotes": [
            {
                "start": 0,
                "end": 7,
                "kind": "direct",
                "cue": {"start": 8, "end": 12, "label": "CUE", "text": "kata"},
                "speaker_mention": {"start": 13, "end": 17, "label": "PERSON", "text": "Andi"},
                "speaker_role": None,
                "suspect": "ignored key",
            }
        ],
        "meta": {"unannotated_quotes": [{"start": 0, "end": 1}], "flags": []},
    }
    pfsa.write_text(json.dumps(line, ensure_ascii=False) + "\n\n", encoding="utf-8")
    gold = read_gold_file(pfsa)
    assert (gold.name, gold.format, len(gold.articles)) == ("pfsa/dev", "pfsa", 1)
    article = gold.articles[0]
    assert isinstance(article, PfsaArticle)
    assert article.quotes[0].speaker_mention == GoldSpan(13, 17, "PERSON")
    assert article.unannotated_quotes == (GoldSpan(0, 1),)

    gov = tmp_path / "gov.jsonl"
    record = {
        "doc_id": "g-1",
        "text": "Teks.",
        "meta": {},
        "gold": {
            "dateline": "Sukamakmur",
            "event_type": "rapat",
            "event_date": "2025-10-06",
            "event_place": None,
            "event_region": None,
            "officials": [{"name": "Budi Santoso", "aliases": ["Budi"], "role": "Wali Kota", "jurisdiction": None}],
            "quotes": [{"text": "Teks", "kind": "indirect", "speaker": None, "note": "ignored"}],
        },
    }
    gov.write_text(json.dumps(record) + "\n", encoding="utf-8")
    gold = read_gold_file(gov)
    assert gold.format == "gov"
    article = gold.articles[0]
    assert isinstance(article, GovArticle)
    assert article.published is None
    assert article.gold.event_date == dt.date(2025, 10, 6)
    assert article.gold.officials[0].aliases == ("Budi",)


def test_bad_gold_lines_name_the_line(tmp_path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc_id": "g", "text": "x", "gold": {}}\n{"doc_id": "h"}\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad.jsonl:2"):
        read_gold_file(path)
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(
        '{"doc_id": "g", "text": "x", "gold": {}}\n{"doc_id": "p", "text": "x", "spans": []}\n',
        encoding="utf-8",
    )
    with pytest.raises(GoldError, match="mixes"):
        read_gold_file(mixed)


# --- records -> predictions -----------------------------------------------------------


def test_prediction_maps_record_offsets_back_to_the_gold_text() -> None:
    raw = "SUKAMAKMUR  –  Wali Kota   Budi Santoso berkata, “Kami   siap membantu,” ujarnya."
    article = article_from_text(raw, doc_id="gov-test-2")
    text = article.text
    assert text != raw  # whitespace runs collapsed: offsets differ
    start, end = at(text, "Kami siap membantu,")
    name = at(text, "Budi Santoso")
    title = at(text, "Wali Kota")
    record = EventRecord(
        doc_id="gov-test-2",
        source=Source(sha256="0"),
        text=text,
        officials=[
            Official(
                id="o1",
                name="Budi Santoso",
                role="Wali Kota",
                mentions=[
                    Mention(text="Budi Santoso", start=name[0], end=name[1], kind="name"),
                    Mention(text="Wali Kota", start=title[0], end=title[1], kind="title"),
                ],
            )
        ],
        quotes=[
            Quote(
                text=text[start:end],
                start=start,
                end=end,
                kind=QuoteKind.DIRECT,
                speaker_id="o1",
                speaker_mention=Span(text="Budi Santoso", start=name[0], end=name[1]),
            )
        ],
        pipeline=PipelineInfo(version="test", model="none"),
    )
    pred = prediction_from_record(record, article.alignment)
    [got] = pred.quotes
    assert raw[got.start : got.end] == "Kami   siap membantu,"
    assert got.speaker == "Budi Santoso"  # from speaker_id
    assert got.speaker_mention is not None
    assert raw[got.speaker_mention.start : got.speaker_mention.end] == "Budi Santoso"
    [person] = pred.labels["PERSON"]
    assert raw[person.start : person.end] == "Budi Santoso"
    [role] = pred.labels["ROLE"]
    assert raw[role.start : role.end] == "Wali Kota"
    assert pred.officials == (PredOfficial("Budi Santoso", "Wali Kota", None),)
    assert pred.event_date is None and pred.dateline is None
