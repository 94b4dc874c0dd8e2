"""The main event: its date (the lead's, not deadlines or sources), its type and trigger, the other events."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.ingest import article_from_text
from pipeline.lexicons import read_table
from pipeline.nlp import make_doc
from pipeline.record import EventType, Place, PlaceLevel
from pipeline.stages.dates import extract_dates
from pipeline.stages.events import extract_event
from pipeline.stages.events.triggers import SPECIFICITY_WEIGHTS, find_triggers


def test_event_date_is_the_first_date_in_the_lead(extract):
    record = extract(
        "SUKAMAJU – Bupati Sukamaju membuka pasar murah di alun-alun, Senin (6/10/2025). "
        "Usulan lokasi berikutnya diterima paling lambat Jumat, 24 Oktober 2025."
    )
    assert record.event.date == dt.date(2025, 10, 6)
    assert record.event.date_mention is not None
    assert record.event.date_mention.text == "Senin (6/10/2025)"
    assert [(d.text, d.role.value) for d in record.dates] == [
        ("Senin (6/10/2025)", "event"),
        ("Jumat, 24 Oktober 2025", "other"),
    ]


def test_deadline_before_the_event_is_not_the_event(extract):
    record = extract("Pendaftaran dibuka hingga 3 Oktober 2025. Seleksi digelar di aula kecamatan Rabu (8/10/2025).")
    assert record.event.date == dt.date(2025, 10, 8)


def test_a_range_sets_start_and_end(extract):
    record = extract("Pameran UMKM digelar 6-8 Oktober 2025 di alun-alun Sukamaju.")
    assert (record.event.date, record.event.date_start, record.event.date_end) == (
        dt.date(2025, 10, 6),
        dt.date(2025, 10, 6),
        dt.date(2025, 10, 8),
    )


def test_dateline_date_is_the_publication_date(extract):
    record = extract("Sukamaju, 3 Juli 2025 — Bupati meninjau jembatan yang rusak diterjang banjir Selasa (1/7).")
    assert [(d.text, d.role.value) for d in record.dates] == [
        ("3 Juli 2025", "publication"),
        ("Selasa (1/7)", "event"),
    ]
    assert record.event.date == dt.date(2025, 7, 1)


def test_without_a_date_the_published_date_is_used_with_a_warning(extract):
    record = extract("Bupati meninjau jembatan yang rusak diterjang banjir.", published=dt.date(2025, 10, 7))
    assert record.event.date == dt.date(2025, 10, 7)
    assert record.event.date_mention is None
    assert [w.code for w in record.warnings] == ["event_date_from_published"]


def test_without_any_date_the_event_date_stays_null(extract):
    record = extract("Bupati meninjau jembatan yang rusak diterjang banjir.")
    assert record.event.date is None
    assert record.warnings == []


# --- What happened: the event type, its trigger, and the other events ---------------------------------

TRIGGER_FAMILIES = [
    (
        "kunjungan_kerja",
        "kunjungan kerja",
        "Wakil Bupati Sukamaju, Rudi Hartono, melakukan kunjungan kerja ke Kota Lembah Hijau, Selasa (7/10/2025).",
    ),
    ("kunjungan_kerja", "kunker", "Komisi II DPRD Sukamaju kunker ke Pemkab Lembah Hijau untuk studi banding."),
    ("rapat", "rakor", "Sekda Sukamaju, Dewi Lestari, memimpin rakor penanganan stunting di aula kantor bupati."),
    ("rapat", "FGD", "Bappeda Sukamaju menggelar FGD penyusunan rencana pembangunan bersama akademisi."),
    ("rapat", "Musrenbang", "Camat Sukaraja, Bambang Irawan, membuka Musrenbang tingkat kecamatan."),
    ("peresmian", "meresmikan", "Bupati Sukamaju, Andi Pratama, meresmikan gedung puskesmas baru di Desa Mekarsari."),
    ("pelantikan", "dilantik", "Sebanyak 40 pejabat administrator dilantik Wali Kota Lembah Hijau di pendopo."),
    ("pelantikan", "Pelantikan", "Pelantikannya digelar di Pendopo Agung Sukamaju, Jumat (3/10/2025)."),
    (
        "penandatanganan",
        "meneken",
        "Pemkab Sukamaju dan Universitas Lembah Hijau meneken nota kesepahaman bidang pendidikan.",
    ),
    (
        "penandatanganan",
        "MoU",
        "MoU pengelolaan sampah antara Pemkot Lembah Hijau dan PT Sinar Terang berlaku lima tahun.",
    ),
    (
        "penyerahan_bantuan",
        "menyerahkan bantuan",
        "Dinas Sosial menyerahkan bantuan beras kepada 50 warga terdampak banjir di Desa Mekarsari.",
    ),
    ("penyerahan_bantuan", "bansos", "Pemdes Mekarsari membagi bansos kepada 87 keluarga penerima manfaat."),
    (
        "sosialisasi",
        "sosialisasi",
        "Dinas Kesehatan menggelar sosialisasi pencegahan demam berdarah bagi kader posyandu.",
    ),
    ("pelatihan", "bimtek", "Dinas Koperasi menggelar bimtek pemasaran digital bagi 60 pelaku UMKM."),
    ("pelatihan", "workshop", "Diskominfo Sukamaju mengadakan workshop penulisan berita bagi humas desa."),
    ("upacara", "apel siaga", "Pemkab Sukamaju menggelar apel siaga bencana di alun-alun."),
    ("upacara", "peringatan HUT", "Ratusan pelajar mengikuti peringatan HUT ke-80 Kabupaten Sukamaju."),
    ("peninjauan", "sidak", "Wali Kota Lembah Hijau, Siti Rahma, melakukan sidak ke pasar induk."),
    ("peninjauan", "meninjau", "Bupati Sukamaju meninjau jembatan gantung yang putus diterjang banjir."),
    ("peluncuran", "meluncurkan", "Pemkot Lembah Hijau meluncurkan aplikasi pengaduan warga bernama LAPORIN."),
    ("peluncuran", "launching", "Dinas Pariwisata menggelar launching kalender wisata tahun 2026."),
    ("konferensi_pers", "jumpa pers", "Polres Sukamaju menggelar jumpa pers pengungkapan kasus narkoba."),
    ("konferensi_pers", "konferensi pers", "Kejari Sukamaju menggelar konferensi pers penahanan dua tersangka."),
    (
        "penghargaan",
        "menerima penghargaan",
        "Pemkab Sukamaju menerima penghargaan kabupaten layak anak dari kementerian.",
    ),
    ("penghargaan", "anugerah", "Lima guru teladan Sukamaju meraih anugerah pendidikan tingkat provinsi."),
    ("lainnya", "kerja bakti", "Ratusan warga Desa Mekarsari mengikuti kerja bakti membersihkan saluran air."),
]


@pytest.mark.parametrize(
    ("kind", "trigger", "text"), TRIGGER_FAMILIES, ids=[f"{k}-{t}" for k, t, _ in TRIGGER_FAMILIES]
)
def test_each_trigger_family_gives_its_type(extract, kind, trigger, text):
    event = extract(text).event
    assert event.type is not None
    assert event.type.value == kind
    assert event.trigger is not None
    start = text.index(trigger)
    assert (event.trigger.text, event.trigger.start, event.trigger.end) == (trigger, start, start + len(trigger))
    assert event.trigger.rule == "trigger_first_sentence"


def test_without_a_trigger_the_type_is_lainnya(extract):
    event = extract("Harga cabai di pasar tradisional Sukamaju turun sepekan terakhir.").event
    assert (event.type, event.trigger) == (EventType.LAINNYA, None)


def test_a_background_clause_with_another_type_loses(extract):
    text = (
        "LEMBAH HIJAU – Jika sebelumnya Pemkab Sukamaju meresmikan pasar ikan, kini Pemkab menggelar pelatihan "
        "pengolahan ikan bagi 40 nelayan, Senin (6/10/2025). Pelatihan dibuka Bupati Andi Pratama. "
        "Tahun lalu, Bupati juga melantik pengurus koperasi nelayan di balai desa, Kamis (9/10/2024)."
    )
    record = extract(text)
    assert record.event.type is EventType.PELATIHAN
    assert record.event.trigger is not None
    assert (record.event.trigger.text, record.event.trigger.start) == ("pelatihan", text.index("pelatihan"))
    assert record.event.date == dt.date(2025, 10, 6)
    assert [(e.type, e.trigger.text if e.trigger else None, e.date) for e in record.other_events] == [
        (EventType.PERESMIAN, "meresmikan", dt.date(2025, 10, 6)),
        (EventType.PELANTIKAN, "melantik", dt.date(2024, 10, 9)),
    ]


def test_a_quoted_trigger_loses_and_is_no_other_event(extract):
    record = extract(
        "Bupati Andi Pratama meninjau gudang beras Bulog di Sukamaju, Rabu (8/10/2025). "
        "“Bulan depan kami akan meresmikan gudang baru di Sukaraja,” kata Andi."
    )
    assert record.event.type is EventType.PENINJAUAN
    assert record.other_events == []


def test_a_verb_beats_the_setting_it_happens_in(extract):
    text = (
        "DPRD dan Pemkab Sukamaju menandatangani nota kesepakatan KUA-PPAS dalam rapat paripurna "
        "di gedung dewan, Senin (29/9/2025)."
    )
    record = extract(text)
    assert record.event.type is EventType.PENANDATANGANAN
    assert record.event.trigger is not None
    assert record.event.trigger.text == "menandatangani"
    assert [(e.type, e.trigger.text if e.trigger else None) for e in record.other_events] == [
        (EventType.RAPAT, "rapat paripurna")
    ]


def test_a_part_of_the_event_is_not_the_event(extract):
    record = extract(
        "Bupati Sukamaju meresmikan Pasar Rakyat Mekarsari, Rabu (8/10/2025). Peresmian ditandai dengan "
        "penandatanganan prasasti. Usai peresmian, Bupati meninjau los pedagang."
    )
    assert record.event.type is EventType.PERESMIAN
    assert [e.type for e in record.other_events] == [EventType.PENINJAUAN]


TITLED = (
    "LEMBAH HIJAU – Wali Kota Lembah Hijau, Siti Rahma, memimpin rapat koordinasi bersama para camat, "
    "Senin (6/10/2025). Dalam kesempatan itu, aplikasi pajak daring SIPAJAK resmi diluncurkan."
)


def test_without_the_title_the_first_sentence_decides(extract):
    assert extract(TITLED).event.type is EventType.RAPAT


def test_a_title_line_decides(extract):
    title = "Wali Kota Lembah Hijau Luncurkan Aplikasi Pajak Daring"
    text = f"{title}\n\n{TITLED}"
    record = extract(text)
    assert record.event.type is EventType.PELUNCURAN
    trigger = record.event.trigger
    assert trigger is not None
    assert (trigger.text, trigger.start, trigger.rule) == ("diluncurkan", text.index("diluncurkan"), "trigger_title")
    assert record.event.date == dt.date(2025, 10, 6)
    assert [e.type for e in record.other_events] == [EventType.RAPAT]


def test_the_source_title_decides(extractor):
    title = "Wali Kota Lembah Hijau Luncurkan Aplikasi Pajak Daring"
    record = extractor.extract(article_from_text(TITLED, doc_id="titled", title=title))
    assert record.event.type is EventType.PELUNCURAN
    assert record.event.trigger is not None
    assert (record.event.trigger.text, record.event.trigger.rule) == ("diluncurkan", "trigger_title")


def test_the_source_title_alone_gives_the_type(extractor):
    text = "Bupati Sukamaju, Andi Pratama, memotong tumpeng di pendopo, Jumat (3/10/2025)."
    record = extractor.extract(article_from_text(text, doc_id="titled", title="Bupati Sukamaju Lantik 12 Camat"))
    assert (record.event.type, record.event.trigger) == (EventType.PELANTIKAN, None)
    assert record.event.date == dt.date(2025, 10, 3)


def test_the_date_follows_the_trigger_sentence(extract):
    text = (
        "Pemkab Sukamaju mencatat 2.000 kunjungan wisatawan sepanjang libur panjang, Senin (6/10/2025). "
        "Untuk itu, Bupati Andi Pratama meluncurkan kalender wisata di Balai Budaya, Kamis (9/10/2025)."
    )
    record = extract(text)
    assert record.event.type is EventType.PELUNCURAN
    assert record.event.date == dt.date(2025, 10, 9)
    assert [(d.text, d.role.value) for d in record.dates] == [
        ("Senin (6/10/2025)", "other"),
        ("Kamis (9/10/2025)", "event"),
    ]


def test_names_of_rooms_and_offices_are_not_events(extract):
    record = extract(
        "Kepala Dinas Penanaman Modal, Yusuf Hadi, menerima studi banding dari Kabupaten Lembah Hijau "
        "di Ruang Rapat Bappeda."
    )
    assert record.event.type is EventType.KUNJUNGAN_KERJA
    assert record.other_events == []


def test_capitalised_forms_match_as_written_or_in_capitals():
    assert [match.form for match in find_triggers("MoU, MOU, mou, Fraksi PKS, PKS")] == ["MoU", "MoU", "PKS"]


def _run_events(nlp, text: str, places: list[Place]):
    doc = make_doc(nlp, text)
    dates = extract_dates(doc, published=None).dates
    return extract_event(doc, dates=dates, published=None, title=None, places=places, home=None)


def _venue(text: str, name: str) -> Place:
    start = text.index(name)
    return Place(
        text=name,
        start=start,
        end=start + len(name),
        rule="test",
        name=name,
        level=PlaceLevel.VENUE,
        region="Kabupaten Sukamaju",
        region_code="99.01",
    )


def test_other_events_get_the_date_and_venue_of_their_sentence(nlp):
    text = (
        "SUKAMAJU – Bupati Sukamaju, Andi Pratama, meresmikan Pasar Rakyat Mekarsari, Senin (6/10/2025). "
        "Usai peresmian, Andi meninjau los pedagang ikan. "
        "Pada Rabu (8/10/2025), Pemkab juga menggelar pelatihan pengelolaan pasar bagi 30 pedagang "
        "di Aula Dinas Perdagangan."
    )
    places = [_venue(text, "Pasar Rakyat Mekarsari"), _venue(text, "Aula Dinas Perdagangan")]
    result = _run_events(nlp, text, places)
    assert result.event.type is EventType.PERESMIAN
    assert result.event.trigger is not None
    assert result.event.trigger.start == text.index("meresmikan")
    assert result.event.place == "Pasar Rakyat Mekarsari"  # the venue of the trigger's sentence
    peninjauan, pelatihan = result.other_events
    assert (peninjauan.type, peninjauan.date, peninjauan.place) == (EventType.PENINJAUAN, None, None)
    assert peninjauan.trigger is not None
    assert (peninjauan.trigger.start, peninjauan.trigger.rule) == (text.index("meninjau"), "trigger_lead")
    assert (pelatihan.type, pelatihan.date, pelatihan.place) == (
        EventType.PELATIHAN,
        dt.date(2025, 10, 8),
        "Aula Dinas Perdagangan",
    )
    assert pelatihan.place_mention is not None
    assert pelatihan.place_mention.start == text.index("Aula Dinas Perdagangan")
    assert (pelatihan.region, pelatihan.region_code) == ("Kabupaten Sukamaju", "99.01")


def test_without_a_trigger_there_is_no_trigger_and_no_venue(nlp):
    result = _run_events(nlp, "Harga cabai turun, Senin (6/10/2025).", [])
    assert (result.event.type, result.event.trigger, result.event.place) == (EventType.LAINNYA, None, None)
    assert result.event.date == dt.date(2025, 10, 6)


def test_every_trigger_row_has_a_type_and_a_weight():
    for row in read_table("event_triggers.tsv"):
        if row["type"] == "-":
            assert row["weight"] == "0", row
        else:
            EventType(row["type"])
            assert int(row["weight"]) in SPECIFICITY_WEIGHTS, row


def test_a_trigger_only_in_the_body_is_another_event_not_the_main_one(extract):
    text = (
        "Bupati Sukamaju, Andi Pratama, memotong tumpeng di pendopo, Jumat (3/10/2025). Acara itu dihadiri "
        "ratusan warga. Warga membawa hasil bumi. Anak-anak menari di halaman. "
        "Sore harinya, Andi meninjau dapur umum di Desa Mekarsari."
    )
    record = extract(text)
    assert (record.event.type, record.event.trigger, record.event.date) == (
        EventType.LAINNYA,
        None,
        dt.date(2025, 10, 3),
    )
    assert [(e.type, e.trigger.start if e.trigger else None) for e in record.other_events] == [
        (EventType.PENINJAUAN, text.index("meninjau"))
    ]
