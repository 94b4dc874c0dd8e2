"""Who speaks, when the name must be read out of a longer phrase (issue 13, speakers): the
article's later uses of a name tell where it starts after a body's name; a name set off after a
described expert, or after a lower-case word for what a person is and a body's words, is a
person; a name may end in a word of a province's name; an acronymed body's name holds its
lower-case words; a doubled letter misspelt is the same person; and a sentence that carries on
the reasoning quoted before (`Apalagi, ...`) gives no new antecedent. Invented texts; exact
quotes, cues and speakers."""

from __future__ import annotations

from pipeline.record import QuoteKind

DIRECT = QuoteKind.DIRECT
INDIRECT = QuoteKind.INDIRECT


def _persons(extract, text: str) -> list[str]:
    return [person.name for person in extract(text).persons]


def test_a_later_use_of_the_first_name_tells_where_the_name_starts(extract, quotes):
    text = (
        "JAKARTA - Founder Rumah Tenun Lestari Marlina Dewi Sartika mengemukakan, banyak perajin kehilangan "
        "pembeli selama musim hujan. Oleh sebab itu, Rumah Tenun Lestari bekerja sama dengan koperasi desa. "
        '"Kami membeli kain langsung dari perajin," ujarnya. Menurut Marlina, harga kain naik dua kali lipat.'
    )
    assert _persons(extract, text) == ["Marlina Dewi Sartika"]
    assert quotes(text) == [
        (INDIRECT, "banyak perajin kehilangan pembeli selama musim hujan", "mengemukakan", "Marlina Dewi Sartika"),
        (DIRECT, "Kami membeli kain langsung dari perajin,", "ujarnya", "Marlina Dewi Sartika"),
        (INDIRECT, "harga kain naik dua kali lipat", "Menurut", "Marlina Dewi Sartika"),
    ]


def test_a_name_opening_stays_with_the_name_and_a_direction_word_may_end_it(extract):
    text = (
        "DENPASAR - Secara terpisah, General Manager Hotel Taman Sari Gede Arya Wiguna mengatakan, pihaknya "
        'tetap mewajibkan tes bagi tamu. "Sejak awal kami sudah mewajibkan tes," tuturnya. Arya mengatakan, '
        "saat ini ada kenaikan tamu.\n\n"
        "Chief Executive Officer Galangdana Rizal Hamdani Utara menjelaskan, lembaganya menerima donasi dari "
        '40.000 orang. "Penyumbang terbanyak adalah mahasiswa," tuturnya. Menurut Rizal, donasi disalurkan '
        "bulan depan."
    )
    assert _persons(extract, text) == ["Gede Arya Wiguna", "Rizal Hamdani Utara"]


def test_the_word_before_a_name_after_a_venue_kind_may_open_it(quotes):
    text = (
        "BANYUWANGI - Secara terpisah, General Manager Nirwana Hotel Fadli Rahmat mengatakan, pihaknya tetap "
        "meminta tamu menunjukkan hasil tes. Kebijakan itu berlaku sejak Maret.\n\n"
        "Fadli mengatakan, saat ini ada kenaikan tamu. Namun, aturan provinsi tetangga dikhawatirkan berdampak.\n\n"
        '"Bisa jadi tamu membatalkan liburannya," tuturnya.'
    )
    assert quotes(text)[-1] == (DIRECT, "Bisa jadi tamu membatalkan liburannya,", "tuturnya", "Fadli Rahmat")


def test_a_body_opening_the_name_that_the_article_writes_alone_is_cut_off(extract):
    text = (
        "YOGYAKARTA - Founder Anyam Pesisir Kirana Maya Puspita mengemukakan, banyak ibu rumah tangga "
        "membutuhkan penghasilan tambahan. Oleh sebab itu, Anyam Pesisir bekerja sama dengan perajin lokal. "
        "Anyam Pesisir kini membina 12 kelompok."
    )
    assert _persons(extract, text) == ["Kirana Maya Puspita"]


def test_a_name_set_off_after_a_described_expert_is_the_speaker(quotes):
    text = (
        "MALANG - Wali Kota Malang Siti Rahmawati meminta warga membatasi perjalanan. Maka, kata dosen "
        "kesehatan masyarakat Universitas Brawijaya, Windu Prasetyo, saat dihubungi Minggu (7/4/2024), razia "
        'masker perlu digelar lagi. Razia itu sempat dihentikan. "Razia paling murah untuk menahan wabah," ujarnya.'
    )
    assert quotes(text)[-1] == (DIRECT, "Razia paling murah untuk menahan wabah,", "ujarnya", "Windu Prasetyo")


def test_a_name_after_a_word_for_what_a_person_is_and_a_body(quotes):
    text = (
        "SEMARANG - Stasiun Meteorologi Maritim Semarang memperkirakan gelombang tinggi sampai Jumat. Menurut "
        "rilis yang dikirim prakirawan Stasiun Meteorologi Maritim Semarang Wulan Prameswari Adi, nelayan perlu "
        'menunda melaut. Angin barat masih kuat. "Kelembaban udara masih tinggi," ujarnya.'
    )
    assert quotes(text)[-1] == (DIRECT, "Kelembaban udara masih tinggi,", "ujarnya", "Wulan Prameswari Adi")


def test_an_acronymed_body_holds_its_lower_case_words(extract, quotes):
    text = (
        "JAKARTA - Ketua Dewan Pimpinan Daerah Himpunan Pengusaha Nasional Jasa Boga di Jakarta (Hipnas) DKI "
        "Jakarta Sutrisno Wibowo Rahardjo mempertanyakan aturan baru itu. Aturan itu dinilai memberatkan usaha "
        'kecil. "Kami belum diajak bicara sama sekali," katanya.'
    )
    assert quotes(text)[-1] == (DIRECT, "Kami belum diajak bicara sama sekali,", "katanya", "Sutrisno Wibowo Rahardjo")
    document = (
        "JAKARTA - Aturan itu ditulis Menteri Keuangan Dewi Kartikasari dalam Keputusan Menteri Keuangan (KMK) "
        "Nomor 12 Tahun 2024."
    )
    assert [(o.name, o.role) for o in extract(document).officials] == [("Dewi Kartikasari", "Menteri")]


def test_a_doubled_letter_misspelt_is_the_same_person(quotes):
    text = (
        "JAKARTA - Kepala Ekonom Lembaga Kajian Ekonomi Martin Hollenberg mengatakan, arus investasi akan "
        "menguat tahun depan. Holenberg menambahkan, Vietnam masih menjadi magnet investasi. "
        '"Regulasi mereka lebih pasti," ujarnya.'
    )
    assert [speaker for *_, speaker in quotes(text)] == ["Martin Hollenberg"] * 3


def test_a_sentence_carrying_on_the_reasoning_gives_no_new_antecedent(quotes):
    text = (
        "JAKARTA - Menurut Dewi Anggraini, pendiri Lapor Pangan, data harga pangan seharusnya dibuka secara "
        "nasional. Apalagi, Menteri Perdagangan Hartono Wijaya sudah menyampaikan data harus lebih terbuka. "
        'Tak dibukanya data menunjukkan masalah yang lebih besar. "Data itu menunjukkan harga yang tidak '
        'wajar," ujarnya.'
    )
    assert quotes(text)[-1] == (DIRECT, "Data itu menunjukkan harga yang tidak wajar,", "ujarnya", "Dewi Anggraini")
    cited = (
        "SLEMAN - Bupati Sleman Pahala Nugraha meminta camat berhati-hati. Apalagi, kata Pahala, pilkada akan "
        'digelar tahun ini. "Risikonya tinggi," ujarnya.'
    )
    assert quotes(cited)[-1] == (DIRECT, "Risikonya tinggi,", "ujarnya", "Pahala Nugraha")
