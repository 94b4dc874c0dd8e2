"""Quotes stage: direct and reported statements, cues and speakers, on invented snippets."""

from __future__ import annotations

import random
from typing import NamedTuple

import pytest

from pipeline.inventory import MentionKind, People, PersonEntry, PersonMention
from pipeline.lexicons import read_table
from pipeline.nlp import make_doc
from pipeline.record import QuoteKind
from pipeline.stages.dateline import extract_dateline
from pipeline.stages.people import read_phrases
from pipeline.stages.quotes import QuotesResult, extract_quotes

DIRECT = QuoteKind.DIRECT
INDIRECT = QuoteKind.INDIRECT


class Expected(NamedTuple):
    kind: QuoteKind
    text: str
    cue: str | None
    speaker: str | None
    mention: str | None = None


def run(nlp, text: str, persons: list[PersonEntry] | None = None) -> QuotesResult:
    """The quotes stage alone, with the phrases of the people stage and hand-made persons (none: every
    speaker is the name as written)."""
    doc = make_doc(nlp, text)
    reading = read_phrases(doc, dateline=extract_dateline(doc))
    people = People(text, tuple(persons or ()), reading.phrases, reading.evidenced_names(text))
    return extract_quotes(doc, people=people)


def found(text: str, result: QuotesResult) -> list[tuple]:
    """Each quote as (kind, text, start, cue, speaker, mention), with its offsets checked."""
    rows = []
    for quote in result.quotes:
        assert text[quote.start : quote.end] == quote.text
        for span in (quote.cue, quote.speaker_mention):
            assert span is None or text[span.start : span.end] == span.text
        rows.append(
            (
                quote.kind,
                quote.text,
                quote.start,
                quote.cue.text if quote.cue else None,
                quote.speaker,
                quote.speaker_mention.text if quote.speaker_mention else None,
            )
        )
    return rows


def expected_rows(text: str, expected: list[Expected]) -> list[tuple]:
    rows = []
    for item in expected:
        assert text.count(item.text) == 1, f"ambiguous expected quote {item.text!r}"
        rows.append((item.kind, item.text, text.index(item.text), item.cue, item.speaker, item.mention))
    return rows


CASES = [
    pytest.param(
        "“Kami siap membantu warga yang terdampak banjir,” kata Budi Santoso.",
        [Expected(DIRECT, "Kami siap membantu warga yang terdampak banjir,", "kata", "Budi Santoso", "Budi Santoso")],
        id="curly-cue-after-name",
    ),
    pytest.param(
        '"Pasar ini harus bersih setiap hari," ujar Wali Kota Sukamaju Andi Pratama.',
        [Expected(DIRECT, "Pasar ini harus bersih setiap hari,", "ujar", "Andi Pratama", "Andi Pratama")],
        id="straight-marks-title-place-name",
    ),
    pytest.param(
        "”Jalan di desa kami rusak sejak tahun lalu,” tutur Kepala Desa Mekarsari, Rina Wulandari.",
        [Expected(DIRECT, "Jalan di desa kami rusak sejak tahun lalu,", "tutur", "Rina Wulandari", "Rina Wulandari")],
        id="kompas-closing-marks-both-ends",
    ),
    pytest.param(
        "“Warga menyebutnya ‘jalan seribu lubang’ sejak lama,” ucap Hendra.",
        [Expected(DIRECT, "Warga menyebutnya ‘jalan seribu lubang’ sejak lama,", "ucap", "Hendra", "Hendra")],
        id="single-marks-inside-double",
    ),
    pytest.param(
        'Camat Lestari Ayu meninjau tanggul yang jebol. Ia berkata: "Kami tidak akan mundur sebelum tanggul selesai."',
        [Expected(DIRECT, "Kami tidak akan mundur sebelum tanggul selesai.", "berkata", "Lestari Ayu", "Ia")],
        id="colon-before-quote-pronoun",
    ),
    pytest.param(
        "Kepala Dinas Kesehatan, Hendra Wijaya, memaparkan hasil pemeriksaan.\n\n"
        "“Semua sampel sudah kami kirim ke laboratorium provinsi.\n\n"
        "“Hasilnya akan keluar pekan depan,” jelasnya.",
        [
            Expected(
                DIRECT,
                "Semua sampel sudah kami kirim ke laboratorium provinsi.\n\n“Hasilnya akan keluar pekan depan,",
                "jelasnya",
                "Hendra Wijaya",
                "nya",
            )
        ],
        id="quote-over-two-paragraphs",
    ),
    pytest.param(
        "“Kami ingin melihat langsung cara kerja layanan ini,” kata Nur Hasanah. "
        "“Banyak hal yang bisa kami tiru di daerah kami.”",
        [
            Expected(
                DIRECT, "Kami ingin melihat langsung cara kerja layanan ini,", "kata", "Nur Hasanah", "Nur Hasanah"
            ),
            Expected(DIRECT, "Banyak hal yang bisa kami tiru di daerah kami.", None, "Nur Hasanah"),
        ],
        id="quote-split-by-its-cue",
    ),
    pytest.param(
        "Program ”kampung bersih” itu diluncurkan Bupati Darma Putra pekan lalu.",
        [],
        id="scare-quotes-are-no-statement",
    ),
    pytest.param(
        "“Pelayanan harus cepat,” ujar Sekda Joko Susilo. “Warga tidak boleh menunggu lama,” imbuhnya.",
        [
            Expected(DIRECT, "Pelayanan harus cepat,", "ujar", "Joko Susilo", "Joko Susilo"),
            Expected(DIRECT, "Warga tidak boleh menunggu lama,", "imbuhnya", "Joko Susilo", "nya"),
        ],
        id="nya-cue-after-explicit-speaker",
    ),
    pytest.param(
        "Bupati Darma Putra meninjau pasar.\n\n“Harga cabai sudah turun,” katanya.",
        [Expected(DIRECT, "Harga cabai sudah turun,", "katanya", "Darma Putra", "nya")],
        id="katanya",
    ),
    pytest.param(
        "Lurah Siti Marlina hadir di lokasi.\n\n“Semua warga sudah dievakuasi,” kata dia.",
        [Expected(DIRECT, "Semua warga sudah dievakuasi,", "kata", "Siti Marlina", "dia")],
        id="kata-dia",
    ),
    pytest.param(
        "“Kami akan menambah armada,” Budi menambahkan.",
        [Expected(DIRECT, "Kami akan menambah armada,", "menambahkan", "Budi", "Budi")],
        id="name-and-active-verb-after-quote",
    ),
    pytest.param(
        "Sekretaris Daerah Kota Sukamaju, Joko Susilo, membuka rapat.\n\n"
        "Sekda mengatakan, “Anggaran untuk perbaikan jalan sudah siap.”",
        [Expected(DIRECT, "Anggaran untuk perbaikan jalan sudah siap.", "mengatakan", "Joko Susilo", "Sekda")],
        id="cue-before-title-only-speaker",
    ),
    pytest.param(
        "“Stok beras aman sampai akhir tahun,” tegas Kapolres. Sebelumnya Kapolres Sukamaju, AKBP Yudi Hartono, "
        "memimpin apel.",
        [Expected(DIRECT, "Stok beras aman sampai akhir tahun,", "tegas", "Yudi Hartono", "Kapolres")],
        id="title-resolved-to-the-name-given-later",
    ),
    pytest.param(
        "Kepala Bappeda Ahmad Fauzi mengatakan, “Usulan dari kecamatan sudah kami terima.”",
        [Expected(DIRECT, "Usulan dari kecamatan sudah kami terima.", "mengatakan", "Ahmad Fauzi", "Ahmad Fauzi")],
        id="x-mengatakan-comma-quote",
    ),
    pytest.param(
        "“Sekarang air bersih sudah mengalir ke rumah,” tutur Siti Aminah (54), warga Dusun Krajan.",
        [Expected(DIRECT, "Sekarang air bersih sudah mengalir ke rumah,", "tutur", "Siti Aminah", "Siti Aminah")],
        id="quote-by-a-resident",
    ),
    pytest.param(
        "“Dagangan saya laris hari ini,” kata seorang pedagang.",
        [Expected(DIRECT, "Dagangan saya laris hari ini,", "kata", None)],
        id="unnamed-speaker-is-null",
    ),
    pytest.param(
        "“Pembangunan jembatan dimulai bulan depan.” Hal itu disampaikan Kepala Dinas PUPR Agus Salim di kantornya.",
        [Expected(DIRECT, "Pembangunan jembatan dimulai bulan depan.", "disampaikan", "Agus Salim", "Agus Salim")],
        id="attribution-in-the-next-sentence",
    ),
    pytest.param(
        "Bupati Darma Putra menegaskan bahwa seluruh sekolah harus dibuka kembali pekan depan.",
        [
            Expected(
                INDIRECT,
                "seluruh sekolah harus dibuka kembali pekan depan",
                "menegaskan",
                "Darma Putra",
                "Darma Putra",
            )
        ],
        id="indirect-bahwa",
    ),
    pytest.param(
        "Dalam sambutannya, Wakil Bupati Sari Dewi menegaskan pentingnya gotong royong warga desa.",
        [Expected(INDIRECT, "pentingnya gotong royong warga desa", "menegaskan", "Sari Dewi", "Sari Dewi")],
        id="indirect-pentingnya",
    ),
    pytest.param(
        "Menurut Camat Bayu Aji, jumlah pengungsi terus bertambah sejak kemarin.",
        [Expected(INDIRECT, "jumlah pengungsi terus bertambah sejak kemarin", "Menurut", "Bayu Aji", "Bayu Aji")],
        id="indirect-menurut",
    ),
    pytest.param(
        "Lurah Siti Marlina memantau dapur umum. Menurutnya, bantuan logistik masih mencukupi untuk tiga hari.",
        [Expected(INDIRECT, "bantuan logistik masih mencukupi untuk tiga hari", "Menurutnya", "Siti Marlina", "nya")],
        id="indirect-menurutnya",
    ),
    pytest.param(
        "Bupati Darma Putra meresmikan pasar. Ia menambahkan, pedagang lama mendapat kios tanpa biaya.",
        [Expected(INDIRECT, "pedagang lama mendapat kios tanpa biaya", "menambahkan", "Darma Putra", "Ia")],
        id="indirect-ia-menambahkan",
    ),
    pytest.param(
        "Bupati Darma Putra meminta warga agar tidak membuang sampah ke sungai.",
        [Expected(INDIRECT, "warga agar tidak membuang sampah ke sungai", "meminta", "Darma Putra", "Darma Putra")],
        id="indirect-request-keeps-addressee",
    ),
    pytest.param(
        "Lurah Siti Marlina hadir. Perbaikan saluran itu, kata dia, akan selesai sebelum musim hujan.",
        [
            Expected(
                INDIRECT,
                "Perbaikan saluran itu, kata dia, akan selesai sebelum musim hujan",
                "kata",
                "Siti Marlina",
                "dia",
            )
        ],
        id="indirect-cue-in-mid-sentence",
    ),
    pytest.param(
        "Sementara itu, perwakilan Dinas Perhubungan menyebutkan jalur itu ditutup selama dua hari.",
        [Expected(INDIRECT, "jalur itu ditutup selama dua hari", "menyebutkan", None, "Dinas Perhubungan")],
        id="indirect-by-an-institution",
    ),
    pytest.param(
        "Wali Kota Andi Pratama mengucapkan terima kasih kepada relawan. Ia juga menyampaikan pesan bagi pemuda.",
        [],
        id="noun-phrase-objects-are-no-statement",
    ),
    pytest.param(
        "Kepala Dinas Komunikasi dan Informatika, Rudi Hartono, membuka pelatihan. "
        "“Semua desa akan terhubung internet,” ujar Kadiskominfo.",
        [Expected(DIRECT, "Semua desa akan terhubung internet,", "ujar", "Rudi Hartono", "Kadiskominfo")],
        id="agency-head-title-resolved-to-the-name",
    ),
    pytest.param(
        "Menteri Sosial Tri Wahyuni meninjau dapur umum. “Bantuan harus tepat sasaran,” kata Mensos.",
        [Expected(DIRECT, "Bantuan harus tepat sasaran,", "kata", "Tri Wahyuni", "Mensos")],
        id="minister-title-resolved-to-the-name",
    ),
    pytest.param(
        "“Jalur mudik sudah kami siapkan,” kata Kol. Inf. Bagus Wirawan.",
        [Expected(DIRECT, "Jalur mudik sudah kami siapkan,", "kata", "Bagus Wirawan", "Bagus Wirawan")],
        id="abbreviated-rank-and-corps",
    ),
    pytest.param(
        "Advokat Rina Saputri mengatakan, “Klien kami akan mengajukan banding.”",
        [Expected(DIRECT, "Klien kami akan mengajukan banding.", "mengatakan", "Rina Saputri", "Rina Saputri")],
        id="person-descriptor-before-the-name",
    ),
    pytest.param(
        "Kepala Biro Humas BPBD Wahyudi menyampaikan, posko ditutup besok pagi.",
        [Expected(INDIRECT, "posko ditutup besok pagi", "menyampaikan", "Wahyudi", "Wahyudi")],
        id="one-name-after-a-body-before-the-verb",
    ),
    pytest.param(
        "Kepala Desa Mekarsari, Slamet Sutrisno, meninjau sawah warga.\n\n"
        "Hasil panen itu sudah dilaporkan kepada Bupati Darma Putra.\n\n"
        "“Panen tahun ini naik dua kali lipat,” katanya.",
        [Expected(DIRECT, "Panen tahun ini naik dua kali lipat,", "katanya", "Slamet Sutrisno", "nya")],
        id="a-person-after-a-preposition-is-not-the-antecedent",
    ),
    pytest.param(
        "Bupati Darma Putra, menurut Camat Rina Kartika, ingin pasar segera dibuka.\n\n"
        "“Kami menunggu hasil uji kelayakan,” ujarnya.",
        [
            Expected(
                INDIRECT,
                "Bupati Darma Putra, menurut Camat Rina Kartika, ingin pasar segera dibuka",
                "menurut",
                "Rina Kartika",
                "Rina Kartika",
            ),
            Expected(DIRECT, "Kami menunggu hasil uji kelayakan,", "ujarnya", "Rina Kartika", "nya"),
        ],
        id="the-subject-of-a-reported-statement-is-not-the-antecedent",
    ),
    pytest.param(
        "Pemerintah Kabupaten Sukamaju menanam 5.000 bibit pohon di tepi sungai, Sabtu (8/11/2025).\n\n"
        "Penanaman melibatkan pelajar dan relawan dari tiga kecamatan.",
        [],
        id="article-without-quotes",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quotes(nlp, text, expected):
    assert found(text, run(nlp, text)) == expected_rows(text, expected)


def test_pronoun_chain_across_paragraphs_and_alternating_speakers(nlp):
    text = (
        "Wali Kota Sukamaju, Andi Pratama, meninjau Pasar Baru, Senin (3/11/2025).\n\n"
        "“Lantai pasar harus diperbaiki sebelum hujan,” ujarnya.\n\n"
        "Kepala Dinas Perdagangan, Maya Sari, mendampingi kunjungan itu. "
        "Ia mencatat keluhan pedagang soal atap yang bocor.\n\n"
        "“Perbaikan atap masuk anggaran tahun ini,” katanya.\n\n"
        "Ia menambahkan, pedagang akan dipindah sementara ke lahan parkir.\n\n"
        "“Kami tidak ingin pedagang kehilangan pembeli,” kata Andi.\n\n"
        "“Lahan parkir itu cukup untuk 80 lapak,” tutur Maya."
    )
    speakers = [
        (quote.kind, quote.speaker, quote.speaker_mention and quote.speaker_mention.text)
        for quote in run(nlp, text).quotes
    ]
    assert speakers == [
        (DIRECT, "Andi Pratama", "nya"),
        (DIRECT, "Maya Sari", "nya"),
        (INDIRECT, "Maya Sari", "Ia"),
        (DIRECT, "Andi", "Andi"),
        (DIRECT, "Maya", "Maya"),
    ]


def _mention(text: str, written: str, kind: str, person: str, occurrence: int = 0) -> PersonMention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(written, start + 1)
    return PersonMention(start, start + len(written), MentionKind(kind), person)


LINKED = (
    "Wali Kota Sukamaju, Andi Pratama, membuka festival kuliner.\n\n"
    "“Festival ini untuk pelaku UMKM,” kata Andi.\n\n"
    "“Tahun depan pesertanya kami tambah,” ujarnya.\n\n"
    "“Lapak saya ramai sejak pagi,” tutur Wati, pedagang bakso."
)


def _linked_people() -> list[PersonEntry]:
    return [
        PersonEntry(
            id="official-1",
            name="Andi Pratama",
            official=True,
            role="Wali Kota",
            jurisdiction="Kota Sukamaju",
            mentions=(
                _mention(LINKED, "Wali Kota Sukamaju", "title", "official-1"),
                _mention(LINKED, "Andi Pratama", "name", "official-1"),
                _mention(LINKED, "Andi", "short_name", "official-1", occurrence=1),
            ),
        ),
        PersonEntry(
            id="person-1",
            name="Wati",
            official=False,
            description="pedagang",
            mentions=(_mention(LINKED, "Wati", "name", "person-1"),),
        ),
    ]


def test_speakers_are_linked_to_people(nlp):
    quotes = run(nlp, LINKED, _linked_people()).quotes
    assert [(quote.speaker_id, quote.speaker) for quote in quotes] == [
        ("official-1", "Andi Pratama"),
        ("official-1", "Andi Pratama"),
        ("person-1", "Wati"),
    ]


def test_without_people_the_speaker_is_the_name_as_written(nlp):
    quotes = run(nlp, LINKED).quotes
    assert [(quote.speaker_id, quote.speaker) for quote in quotes] == [
        (None, "Andi"),
        (None, "Andi"),
        (None, "Wati"),
    ]


def test_a_pronoun_mention_of_people_links_directly(nlp):
    text = "Andi Pratama dan Maya Sari hadir.\n\n“Kami mendukung penuh,” ujarnya."
    nya = text.index("ujarnya") + len("ujar")
    maya = PersonEntry(
        id="person-2",
        name="Maya Sari",
        official=False,
        mentions=(
            _mention(text, "Maya Sari", "name", "person-2"),
            PersonMention(nya, nya + 3, MentionKind.PRONOUN, "person-2"),
        ),
    )
    andi = PersonEntry(
        id="person-1",
        name="Andi Pratama",
        official=False,
        mentions=(_mention(text, "Andi Pratama", "name", "person-1"),),
    )
    (quote,) = run(nlp, text, [andi, maya]).quotes
    assert (quote.speaker_id, quote.speaker) == ("person-2", "Maya Sari")


def test_a_body_is_no_person_whatever_people_say_of_its_words(nlp):
    text = (
        "Kepala BPBD Sukamaju, Rina Kartika, meninjau lokasi longsor.\n\n"
        "BPBD masih menghitung kerugian.\n\n"
        "“Kami fokus mencari korban,” katanya."
    )
    rina = PersonEntry(
        id="official-1",
        name="Rina Kartika",
        official=True,
        mentions=(
            _mention(text, "Kepala BPBD Sukamaju", "title", "official-1"),
            _mention(text, "Rina Kartika", "name", "official-1"),
        ),
    )
    wrong = PersonEntry(
        id="person-1",
        name="BPBD Hendra",
        official=False,
        mentions=(_mention(text, "BPBD", "short_name", "person-1", occurrence=1),),
    )
    (quote,) = run(nlp, text, [rina, wrong]).quotes
    assert (quote.speaker_id, quote.speaker) == ("official-1", "Rina Kartika")


def test_a_name_is_linked_to_the_person_it_ends_with(nlp):
    text = "Direktur Komite Festival Panji Ruky mengatakan, festival akan digelar bulan depan."
    wrong = PersonEntry(
        id="person-1", name="Komite", official=False, mentions=(_mention(text, "Komite", "name", "person-1"),)
    )
    (quote,) = run(nlp, text, [wrong]).quotes
    assert (quote.speaker_id, quote.speaker) == (None, "Komite Festival Panji Ruky")


@pytest.mark.xfail(strict=True, reason="an attribution given only in a later paragraph is not read back")
def test_attribution_in_a_later_paragraph(nlp):
    text = (
        "“Kami butuh pupuk sebelum musim tanam,” kata Budi, petani dari Desa Mekarsari.\n\n"
        "“Harga gabah terus turun sejak panen kemarin.”\n\n"
        "Keluhan soal harga gabah itu datang dari petani lain, Slamet."
    )
    assert [quote.speaker for quote in run(nlp, text).quotes] == ["Budi", "Slamet"]


def test_quotes_are_in_text_order_with_rules_and_confidence(nlp):
    text = (
        "Bupati Darma Putra menegaskan bahwa seluruh pasar wajib menyediakan tempat cuci tangan. "
        "“Tidak ada tawar-menawar,” katanya."
    )
    quotes = run(nlp, text).quotes
    assert [quote.start for quote in quotes] == sorted(quote.start for quote in quotes)
    assert [quote.rule for quote in quotes] == ["reported_bahwa", "quote_marks"]
    assert all(0 < quote.confidence <= 1 for quote in quotes)


def test_an_unbalanced_mark_costs_one_candidate_and_warns(nlp):
    text = (
        "“Kami akan terus bekerja untuk warga.\n\n"
        "Bupati Darma Putra meninjau lokasi banjir.\n\n"
        "“Semua pompa sudah menyala,” kata Budi."
    )
    result = run(nlp, text)
    assert [quote.text for quote in result.quotes] == [
        "Kami akan terus bekerja untuk warga.",
        "Semua pompa sudah menyala,",
    ]
    assert [warning.code for warning in result.warnings] == ["quote_unbalanced"]
    assert result.quotes[0].confidence < result.quotes[1].confidence


def test_no_input_crashes(nlp):
    pieces = ["“", "”", '"', "‘", "’", "«", "»", ",", ".", ":", "\n", "\n\n", " ", "kata", "ujarnya", "Budi", "Ia"]
    pieces += ["menurut", "Menurut", "bahwa", "mengatakan", "(", ")", "Wali Kota", "dia", "Kepala", "S.Sos.", "2025"]
    generator = random.Random(8)
    for _ in range(200):
        text = " ".join(generator.choice(pieces) for _ in range(generator.randint(0, 30)))
        result = run(nlp, text)
        for quote in result.quotes:
            assert text[quote.start : quote.end] == quote.text


def test_every_cue_lexicon_form_reads_after_a_quote(nlp):
    for row in read_table("speech_verbs.tsv"):
        if row["voice"] not in ("bare", "nya") or row["base"] == "menurut":
            continue
        text = f"Camat Bayu Aji hadir. “Semua berjalan lancar,” {row['form']} Bayu."
        (quote,) = run(nlp, text).quotes
        assert quote.cue is not None and quote.cue.text == row["form"], row["form"]
        assert quote.speaker in ("Bayu", "Bayu Aji"), row["form"]


def test_record_carries_the_quotes(extract):
    record = extract("Wali Kota Andi Pratama meninjau pasar.\n\n“Pasar harus bersih,” kata Andi.")
    (official,) = record.officials
    assert (official.id, official.name) == ("P1", "Andi Pratama")
    assert [(quote.text, quote.speaker, quote.speaker_id) for quote in record.quotes] == [
        ("Pasar harus bersih,", "Andi Pratama", "P1")
    ]
