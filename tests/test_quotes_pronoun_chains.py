"""Pronoun chains over paragraphs (issue 13): a pronoun takes the subject of the sentences before
it, not a person named there as a possessor or an object (`kasus X`, `rencana X`). Invented texts;
exact spans, cues and speakers."""

from __future__ import annotations

from pipeline.record import QuoteKind

DIRECT = QuoteKind.DIRECT
INDIRECT = QuoteKind.INDIRECT


def test_a_possessor_between_the_speaker_and_the_pronoun_is_no_antecedent(quotes):
    text = (
        "Ketua Tim Investigasi Kabupaten Sleman Damar Wicaksono mengatakan, pihaknya sudah memeriksa lokasi.\n\n"
        "Ia menambahkan, tim dibagi menjadi dua kelompok.\n\n"
        "Tim itu juga menelusuri kasus Rudi Hartanto, tetapi belum menemukan saksi baru.\n\n"
        "“Kami akan bekerja sampai tuntas,” katanya."
    )
    assert quotes(text) == [
        (INDIRECT, "pihaknya sudah memeriksa lokasi", "mengatakan", "Damar Wicaksono"),
        (INDIRECT, "tim dibagi menjadi dua kelompok", "menambahkan", "Damar Wicaksono"),
        (DIRECT, "Kami akan bekerja sampai tuntas,", "katanya", "Damar Wicaksono"),
    ]


def test_a_plan_of_someone_named_mid_sentence_is_no_antecedent(quotes):
    text = (
        "Kepala Dinas Perindustrian Kabupaten Sleman Wulan Pratiwi mengatakan, "
        "pabrik baru akan dibangun tahun depan.\n\n"
        "Sebelumnya, sempat muncul rencana Andika Saputra ikut membeli lahan di sekitar pabrik.\n\n"
        "“Kami masih menunggu izin lingkungan,” ujarnya."
    )
    assert quotes(text) == [
        (INDIRECT, "pabrik baru akan dibangun tahun depan", "mengatakan", "Wulan Pratiwi"),
        (DIRECT, "Kami masih menunggu izin lingkungan,", "ujarnya", "Wulan Pratiwi"),
    ]


def test_a_subject_mid_sentence_still_takes_the_pronoun(quotes):
    text = (
        "Bupati Sleman Harda Kusuma membuka pameran UMKM, Senin (3/6/2024).\n\n"
        "Dalam kesempatan itu Kepala Dinas Koperasi Kabupaten Sleman Sri Wahyuni juga memaparkan jumlah peserta.\n\n"
        "“Ada 120 pelaku usaha yang ikut,” ujarnya."
    )
    assert quotes(text) == [
        (DIRECT, "Ada 120 pelaku usaha yang ikut,", "ujarnya", "Sri Wahyuni"),
    ]


def test_a_name_between_commas_after_a_description_is_the_speaker(quotes):
    text = (
        "Pengamat kebijakan publik Universitas Merapi, Yogi Prasetya, saat dihubungi, mengatakan, "
        "aturan baru itu perlu disosialisasikan lebih dulu.\n\n"
        "Hal itu penting agar warga tidak bingung.\n\n"
        "“Warga harus tahu alasannya,” ucapnya."
    )
    assert quotes(text) == [
        (INDIRECT, "aturan baru itu perlu disosialisasikan lebih dulu", "mengatakan", "Yogi Prasetya"),
        (DIRECT, "Warga harus tahu alasannya,", "ucapnya", "Yogi Prasetya"),
    ]


def test_mengemukakan_and_memprediksi_are_speech_verbs(quotes):
    text = (
        "Guru besar ekonomi Universitas Merapi, Sulastri, mengemukakan, harga pangan akan turun bulan depan.\n\n"
        "Direktur PT Sinar Tani Makmur Hendra Wijaya memprediksi, panen raya akan datang lebih awal.\n\n"
        "“Cuaca tahun ini mendukung,” katanya."
    )
    assert quotes(text) == [
        (INDIRECT, "harga pangan akan turun bulan depan", "mengemukakan", "Sulastri"),
        (INDIRECT, "panen raya akan datang lebih awal", "memprediksi", "Hendra Wijaya"),
        (DIRECT, "Cuaca tahun ini mendukung,", "katanya", "Hendra Wijaya"),
    ]


def test_a_weekday_between_commas_is_no_speaker(quotes):
    text = "Pengamat kebijakan publik Universitas Merapi, Senin, mengatakan, aturan baru itu perlu diuji."
    assert [speaker for *_, speaker in quotes(text)] == [None]


def test_a_title_owned_by_a_noun_is_no_subject(quotes):
    text = (
        "Presiden Joko Widodo meminta warga menguji aturan itu ke Mahkamah Konstitusi.\n\n"
        "Menurut Yudha Kurniawan, aturan itu belum jelas bagi publik.\n\n"
        "Dorongan Presiden untuk menguji aturan itu dinilai kurang tepat.\n\n"
        "“Kami menunggu naskah resminya,” ujarnya."
    )
    assert quotes(text) == [
        (INDIRECT, "warga menguji aturan itu ke Mahkamah Konstitusi", "meminta", "Joko Widodo"),
        (INDIRECT, "aturan itu belum jelas bagi publik", "Menurut", "Yudha Kurniawan"),
        (DIRECT, "Kami menunggu naskah resminya,", "ujarnya", "Yudha Kurniawan"),
    ]


def test_the_name_in_apposition_after_a_body_and_common_words_written_as_a_name(quotes):
    text = (
        "Kepala Dinas Koperasi Kabupaten Sleman Sri Wahyuni mengatakan, pelaku UMKM terus bertambah.\n\n"
        "Dosen Fakultas Ekonomi Universitas Gadjah Mada, Bayu Prasetyo, juga menyoroti pentingnya upaya "
        "gotong royong warga.\n\n"
        "Upaya ini dilakukan melalui gerakan Warung Tetangga (Wateta), Gotong Royong Pangan Kampung.\n\n"
        "“Gerakan ini sengaja dibuat kecil agar mudah diawasi,” ujarnya."
    )
    assert quotes(text) == [
        (INDIRECT, "pelaku UMKM terus bertambah", "mengatakan", "Sri Wahyuni"),
        (DIRECT, "Gerakan ini sengaja dibuat kecil agar mudah diawasi,", "ujarnya", "Bayu Prasetyo"),
    ]


def test_a_described_name_with_no_statement_of_its_own_takes_the_pronoun(quotes):
    text = (
        "Bupati Sleman Harda Kusuma meresmikan pasar rakyat, Senin (3/6/2024).\n\n"
        "Pakar hukum tata negara Universitas Merapi, Sulastri, turut hadir dalam peresmian itu.\n\n"
        "“Aturan lama sudah tidak cocok,” katanya."
    )
    assert quotes(text) == [(DIRECT, "Aturan lama sudah tidak cocok,", "katanya", "Sulastri")]
