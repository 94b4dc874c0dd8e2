"""Speakers of statements as real releases write them (issue 13): a request or a hope with its
clause, an office speaking through its official (`X melalui Y mengatakan`), `Senada` as a cue
word, never a name, and names that are no person (a people, a language, a legal paragraph).
Invented texts; exact spans, cues and speakers."""

from __future__ import annotations

from pipeline.record import QuoteKind

DIRECT = QuoteKind.DIRECT
INDIRECT = QuoteKind.INDIRECT


def test_requests_and_hopes_with_their_clause(quotes):
    text = (
        "Bupati Sleman Harda Kusuma meresmikan pasar rakyat di Kecamatan Depok, Senin (3/6/2024).\n\n"
        "Harda berharap agar pedagang menjaga kebersihan pasar setiap hari.\n\n"
        "Kepala Dinas Perdagangan Kabupaten Sleman Sri Wahyuni memohon supaya warga membeli kebutuhan "
        "pokok di pasar rakyat.\n\n"
        "Ia juga meminta pengelola pasar untuk menertibkan parkir liar."
    )
    assert quotes(text) == [
        (INDIRECT, "pedagang menjaga kebersihan pasar setiap hari", "berharap", "Harda Kusuma"),
        (INDIRECT, "supaya warga membeli kebutuhan pokok di pasar rakyat", "memohon", "Sri Wahyuni"),
        (INDIRECT, "pengelola pasar untuk menertibkan parkir liar", "meminta", "Sri Wahyuni"),
    ]


def test_an_office_speaks_through_its_official(quotes):
    text = (
        "Pemerintah Kabupaten Sleman melalui Kepala Bagian Perekonomian Setda Sleman Joko Santoso "
        "mengatakan, revitalisasi pasar akan dilanjutkan tahun depan.\n\n"
        "Dinas Perdagangan Kabupaten Sleman mengatakan, stok bahan pokok aman."
    )
    assert quotes(text) == [
        (INDIRECT, "revitalisasi pasar akan dilanjutkan tahun depan", "mengatakan", "Joko Santoso"),
        (INDIRECT, "stok bahan pokok aman", "mengatakan", None),  # an office alone: no speaker
    ]


def test_senada_is_a_cue_word_never_a_name(quotes):
    text = (
        "Ketua DPRD Kabupaten Sleman Rina Oktaviani meninjau pasar rakyat di Kecamatan Depok, Senin (3/6/2024).\n\n"
        "Senada, Camat Depok Budi Prasetyo menyampaikan bahwa warga menyambut baik pasar baru itu.\n\n"
        "Senada dengan itu, pedagang juga berharap pasar selalu ramai.\n\n"
        "“Warga sudah lama menunggu pasar ini,” ujarnya."
    )
    assert quotes(text) == [
        (INDIRECT, "warga menyambut baik pasar baru itu", "menyampaikan", "Budi Prasetyo"),
        (INDIRECT, "pasar selalu ramai", "berharap", None),
        (DIRECT, "Warga sudah lama menunggu pasar ini,", "ujarnya", "Budi Prasetyo"),
    ]


def test_a_people_a_language_and_a_legal_paragraph_are_no_speakers(quotes):
    text = (
        "Kepala Kantor Kementerian Agama Kabupaten Sleman Ahmad Fauzan membuka dialog lintas agama, "
        "Selasa (4/6/2024).\n\n"
        "Fauzan mengatakan, sebagian umat Muslim menilai jadwal kegiatan terlalu padat.\n\n"
        "Sosialisasi juga disampaikan dengan bahasa Jawa, bahasa ibu sebagian besar warga.\n\n"
        "Hal itu diatur dalam Pasal 12 Ayat (3) peraturan daerah tentang kerukunan.\n\n"
        "“Kami ingin semua warga merasa dilibatkan,” ujarnya."
    )
    assert quotes(text) == [
        (INDIRECT, "sebagian umat Muslim menilai jadwal kegiatan terlalu padat", "mengatakan", "Ahmad Fauzan"),
        (DIRECT, "Kami ingin semua warga merasa dilibatkan,", "ujarnya", "Ahmad Fauzan"),
    ]


def test_a_capitalised_cue_before_a_name_with_a_lower_case_part(quotes):
    text = (
        "Kepala Dinas Kominfo Kabupaten Sleman Drs. Wardoyo ikut dalam rombongan Bupati Sleman ke Desa "
        "Wukirsari, Rabu (5/6/2024).\n\n"
        '"Kami datang membawa bibit tanaman bagi warga desa." Ucap Bupati Sleman Marjo dwi Santoso, SE, MM.'
    )
    assert quotes(text) == [
        (DIRECT, "Kami datang membawa bibit tanaman bagi warga desa.", "Ucap", "Marjo dwi Santoso"),
    ]


def test_the_person_a_quote_speaks_of_by_a_title_is_not_its_speaker(quotes):
    text = (
        "Sekretaris Daerah Kabupaten Sleman Harjono dinyatakan positif Covid-19, Jumat (7/6/2024).\n\n"
        "Kepala Dinas Kesehatan Kabupaten Sleman Cahya Purnama mengatakan, pihaknya sudah melacak "
        "kontak erat.\n\n"
        "Saat itu Harjono memilih tetap di rumah karena merasa sakit.\n\n"
        "“Dua hari lalu Pak Sekda mengeluh tidak enak badan, lalu kami periksa,” tuturnya."
    )
    assert quotes(text) == [
        (INDIRECT, "pihaknya sudah melacak kontak erat", "mengatakan", "Cahya Purnama"),
        (DIRECT, "Dua hari lalu Pak Sekda mengeluh tidak enak badan, lalu kami periksa,", "tuturnya", "Cahya Purnama"),
    ]


def test_a_title_the_article_gives_no_name_for_is_no_speaker(extract):
    """`ujar Bupati` with no Bupati named (only his deputy) has no speaker: a title is no
    person's name; the cue's mention is kept, so the title can still be read off the text."""
    text = (
        "Wakil Bupati Kaur Hendri Saputra membuka musrenbang kecamatan, Senin (3/11/2025).\n\n"
        "“Usulan desa kita tampung semuanya,” ujar Bupati.\n\n"
        "Kepala Bidang Pemerintahan menyampaikan bahwa lomba desa digelar bulan depan."
    )
    record = extract(text)
    assert [(q.text, q.speaker, q.speaker_mention.text if q.speaker_mention else None) for q in record.quotes] == [
        ("Usulan desa kita tampung semuanya,", None, "Bupati"),
        ("lomba desa digelar bulan depan", None, "Kepala Bidang Pemerintahan"),
    ]


def test_a_title_named_in_the_article_is_its_holder(quotes):
    text = (
        "Bupati Kaur Lismidianto meninjau jalan desa, Senin (3/11/2025).\n\n"
        "“Perbaikan selesai bulan depan,” ujar Bupati."
    )
    assert quotes(text) == [(DIRECT, "Perbaikan selesai bulan depan,", "ujar", "Lismidianto")]


def test_a_team_s_words_are_no_name(quotes):
    """`Tim`, `Penggerak` are never name words: the bare title is the chair named before."""
    text = (
        "Ketua Tim Penggerak PKK Kabupaten Sleman Sri Wahyuni membuka lomba desa, Senin (3/11/2025).\n\n"
        "Ketua Tim Penggerak PKK menyampaikan bahwa pemenang lomba diumumkan bulan depan."
    )
    assert quotes(text) == [(INDIRECT, "pemenang lomba diumumkan bulan depan", "menyampaikan", "Sri Wahyuni")]
