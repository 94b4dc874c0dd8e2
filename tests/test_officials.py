"""The people and officials stages: every title family written out, names in both orders,
jurisdictions, persons. Each test runs the stages through `officials` (the stages before
them are real), or feeds a stage hand-made inputs."""

from __future__ import annotations

import pytest

from pipeline.gazetteer import gazetteer
from pipeline.inventory import MentionKind, People, PersonEntry, PersonMention
from pipeline.nlp import make_doc
from pipeline.record import Organisation, Place, PlaceLevel
from pipeline.stages.officials import extract_officials
from pipeline.stages.people import extract_people
from pipeline.state import Entities


@pytest.fixture
def officials(run_stages):
    def run(text: str):
        return run_stages(text, through="officials")

    return run


def _officials(officials, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(o.name, o.role, o.jurisdiction) for o in officials(text).officials]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # national
        (
            "Presiden Surya Wiratmaja meninjau lumbung pangan di Kabupaten Merauke.",
            ("Surya Wiratmaja", "Presiden", "Republik Indonesia"),
        ),
        (
            "Wapres Gilang Mahendra membuka rapat kerja nasional.",
            ("Gilang Mahendra", "Wakil Presiden", "Republik Indonesia"),
        ),
        (
            "Menteri Pertanian, Andi Rasyid Mattoreang, menyerahkan bantuan traktor.",
            ("Andi Rasyid Mattoreang", "Menteri", "Kementerian Pertanian"),
        ),
        (
            "Menteri Dalam Negeri Teguh Santosa memberi arahan kepada para kepala daerah.",
            ("Teguh Santosa", "Menteri", "Kementerian Dalam Negeri"),
        ),
        ("Mensos Laila Fitriani menyapa warga.", ("Laila Fitriani", "Menteri", "Kementerian Sosial")),
        (
            "Wamen Kesehatan, dr. Yusuf Hakim, meninjau rumah sakit.",
            ("Yusuf Hakim", "Wakil Menteri", "Kementerian Kesehatan"),
        ),
        (
            "Dirjen Perimbangan Keuangan Kementerian Keuangan, Surya Dharma, hadir.",
            ("Surya Dharma", "Direktur Jenderal Perimbangan Keuangan", "Kementerian Keuangan"),
        ),
        # provinces
        (
            "Gubernur Jawa Timur, Hj. Ratna Kumalasari, membuka pameran.",
            ("Ratna Kumalasari", "Gubernur", "Provinsi Jawa Timur"),
        ),
        ("Wagub Sulsel Andi Pangerang hadir.", ("Andi Pangerang", "Wakil Gubernur", "Provinsi Sulawesi Selatan")),
        (
            "Sekdaprov Kaltim, Dr. H. Muhammad Saleh, M.Si., memimpin apel.",
            ("Muhammad Saleh", "Sekretaris Daerah", "Provinsi Kalimantan Timur"),
        ),
        (
            "Pj Gubernur NTT, Yohanes Laka, melantik pejabat.",
            ("Yohanes Laka", "Penjabat Gubernur", "Provinsi Nusa Tenggara Timur"),
        ),
        # kabupaten and kota: the same name, two regions
        ("Bupati Malang, Sanusi Wirya, meresmikan pasar.", ("Sanusi Wirya", "Bupati", "Kabupaten Malang")),
        ("Wali Kota Malang, Wahyu Hardiman, meresmikan pasar.", ("Wahyu Hardiman", "Wali Kota", "Kota Malang")),
        ("Walikota Bogor Dodik Rahadi hadir.", ("Dodik Rahadi", "Wali Kota", "Kota Bogor")),
        # villages and their districts between the title and the name
        (
            "KENDAL – Kepala Desa Karangsari, Kecamatan Kangkung, Kabupaten Kendal, Wahyu Pratomo, hadir.",
            ("Wahyu Pratomo", "Kepala Desa", "Desa Karangsari"),
        ),
        ("Kades Ngadirejo Kecamatan Kangkung, Sri Wahyuni, hadir.", ("Sri Wahyuni", "Kepala Desa", "Desa Ngadirejo")),
        (
            "Lurah Sukamaju, Kecamatan Cibadak, Asep Hidayat, S.Sos., hadir.",
            ("Asep Hidayat", "Lurah", "Kelurahan Sukamaju"),
        ),
        # a unit known by its acronym only
        (
            "Pelatihan dibuka Direktur Jenderal IKMA, Dr. Ir. Ratna Wulandari, M.M.",
            ("Ratna Wulandari", "Direktur Jenderal IKMA", None),
        ),
        # a region the gazetteer does not know, set off before the name
        (
            "Wakil Bupati Sukamaju, Hendra Wijaya, meninjau tanggul.",
            ("Hendra Wijaya", "Wakil Bupati", "Kabupaten Sukamaju"),
        ),
        (
            "Gubernur Nusa Raya, Andi Wiratama Putra, meresmikan jembatan.",
            ("Andi Wiratama Putra", "Gubernur", "Provinsi Nusa Raya"),
        ),
        ("Wawako Padang Ekon Alwan hadir.", ("Ekon Alwan", "Wakil Wali Kota", "Kota Padang")),
        ("Wabup Bantul, Aris Suharyadi, meninjau sawah.", ("Aris Suharyadi", "Wakil Bupati", "Kabupaten Bantul")),
        (
            "Plt Bupati Kab. Sidoarjo, Subandi, menerima tamu.",
            ("Subandi", "Pelaksana Tugas Bupati", "Kabupaten Sidoarjo"),
        ),
        (
            "Pjs Wali Kota Kediri, Heri Santoso, memimpin rapat.",
            ("Heri Santoso", "Penjabat Sementara Wali Kota", "Kota Kediri"),
        ),
        ("Sekdakab Garut, Nurdin Yasa, hadir.", ("Nurdin Yasa", "Sekretaris Daerah", "Kabupaten Garut")),
        ("Sekdakot Bekasi, Junaedi Sukmana, hadir.", ("Junaedi Sukmana", "Sekretaris Daerah", "Kota Bekasi")),
        (
            "Asisten I Setda Kabupaten Tegal, Widodo Joko Mulyono, membuka acara.",
            ("Widodo Joko Mulyono", "Asisten I", "Sekretariat Daerah Kabupaten Tegal"),
        ),
        (
            "Staf Ahli Bupati Bidang Hukum dan Politik, Rahmat Syarif, mewakili bupati.",
            ("Rahmat Syarif", "Staf Ahli Bupati Bidang Hukum dan Politik", None),
        ),
        # offices
        (
            "Kadiskominfo Kota Semarang Sunarto hadir.",
            ("Sunarto", "Kepala Dinas Komunikasi dan Informatika", "Kota Semarang"),
        ),
        (
            "Kadinkes Kabupaten Jember, Hendro Soelistyo, hadir.",
            ("Hendro Soelistyo", "Kepala Dinas Kesehatan", "Kabupaten Jember"),
        ),
        ("Kadisdik Kota Medan, Benny Sinaga, hadir.", ("Benny Sinaga", "Kepala Dinas Pendidikan", "Kota Medan")),
        (
            "Kepala BPBD Kabupaten Cilacap, Budi Setyawan, memantau banjir.",
            ("Budi Setyawan", "Kepala Badan Penanggulangan Bencana Daerah", "Kabupaten Cilacap"),
        ),
        (
            "Kepala Bappeda Kota Surabaya, Irvan Wahyuprasetyo, memaparkan rencana.",
            ("Irvan Wahyuprasetyo", "Kepala Badan Perencanaan Pembangunan Daerah", "Kota Surabaya"),
        ),
        (
            "Kepala BKD Provinsi Bali, Ketut Lihardana, hadir.",
            ("Ketut Lihardana", "Kepala Badan Kepegawaian Daerah", "Provinsi Bali"),
        ),
        (
            "Kabag Prokopim Setda Kabupaten Klaten, Sri Raharjo, hadir.",
            ("Sri Raharjo", "Kepala Bagian Protokol dan Komunikasi Pimpinan", "Sekretariat Daerah Kabupaten Klaten"),
        ),
        (
            "Kabid P2P Dinas Kesehatan Kota Samarinda, Ismid Kusnadi, menjelaskan.",
            ("Ismid Kusnadi", "Kepala Bidang Pencegahan dan Pengendalian Penyakit", "Dinas Kesehatan Kota Samarinda"),
        ),
        # below the kabupaten
        ("Camat Lowokwaru, Imam Badri, hadir.", ("Imam Badri", "Camat", "Kecamatan Lowokwaru")),
        ("Lurah Tlogomas, Siti Aminah, hadir.", ("Siti Aminah", "Lurah", "Kelurahan Tlogomas")),
        ("Kades Sukamaju Kecamatan Cibadak, Asep Mulyana, hadir.", ("Asep Mulyana", "Kepala Desa", "Desa Sukamaju")),
        # legislatures
        (
            "Ketua DPRD Garut, Euis Ida Wartini, membuka sidang.",
            ("Euis Ida Wartini", "Ketua Dewan Perwakilan Rakyat Daerah", "DPRD Kabupaten Garut"),
        ),
        (
            "Wakil Ketua DPRD Kota Makassar, Andi Suhartika, hadir.",
            ("Andi Suhartika", "Wakil Ketua Dewan Perwakilan Rakyat Daerah", "DPRD Kota Makassar"),
        ),
        (
            "Anggota DPR RI, Rahmat Hidayat, menyerap aspirasi warga.",
            ("Rahmat Hidayat", "Anggota Dewan Perwakilan Rakyat", "Dewan Perwakilan Rakyat Republik Indonesia"),
        ),
        (
            "Anggota DPD RI, Fachrul Rozak, hadir.",
            ("Fachrul Rozak", "Anggota Dewan Perwakilan Daerah", "Dewan Perwakilan Daerah Republik Indonesia"),
        ),
        # police, military, prosecutors
        (
            "Kapolri Jenderal Pol. Bambang Hendarto hadir.",
            ("Bambang Hendarto", "Kepala Kepolisian Negara Republik Indonesia", "Kepolisian Negara Republik Indonesia"),
        ),
        (
            "Kapolda Jateng Irjen Pol Ribut Hari Santoso meninjau pos.",
            ("Ribut Hari Santoso", "Kepala Kepolisian Daerah", "Polda Jawa Tengah"),
        ),
        (
            "Kapolres Bantul, AKBP Novita Eka Sari, memimpin apel.",
            ("Novita Eka Sari", "Kepala Kepolisian Resor", "Polres Bantul"),
        ),
        (
            "Kapolresta Malang Kota, Kombes Pol Nanang Haryono, hadir.",
            ("Nanang Haryono", "Kepala Kepolisian Resor Kota", "Polresta Malang Kota"),
        ),
        (
            "Kapolsek Cibinong, Kompol Silfi Adi Putri, hadir.",
            ("Silfi Adi Putri", "Kepala Kepolisian Sektor", "Polsek Cibinong"),
        ),
        (
            "Pangdam Brawijaya Mayjen TNI Rudy Salahudin hadir.",
            ("Rudy Salahudin", "Panglima Komando Daerah Militer", "Kodam Brawijaya"),
        ),
        (
            "Danrem 084/Bhaskara Jaya, Kolonel Inf Terry Tresna Pramana, hadir.",
            ("Terry Tresna Pramana", "Komandan Komando Resor Militer", "Korem 084/Bhaskara Jaya"),
        ),
        (
            "Dandim Bantul, Letkol Inf Muhammad Mahfud, hadir.",
            ("Muhammad Mahfud", "Komandan Komando Distrik Militer", "Kodim Bantul"),
        ),
        (
            "Danramil Sewon, Kapten Inf. Joko Santoso, hadir.",
            ("Joko Santoso", "Komandan Komando Rayon Militer", "Koramil Sewon"),
        ),
        (
            "Babinsa Desa Sukamaju, Serda Dadang Kurniawan, mendampingi warga.",
            ("Dadang Kurniawan", "Bintara Pembina Desa", "Desa Sukamaju"),
        ),
        (
            "Bhabinkamtibmas Kelurahan Tlogomas, Aipda Yuli Astuti, hadir.",
            ("Yuli Astuti", "Bhayangkara Pembina Keamanan dan Ketertiban Masyarakat", "Kelurahan Tlogomas"),
        ),
        (
            "Kajari Garut, Helena Oktaviani, hadir.",
            ("Helena Oktaviani", "Kepala Kejaksaan Negeri", "Kejaksaan Negeri Garut"),
        ),
        (
            "Kajati Sumut, Idiarto, memimpin upacara.",
            ("Idiarto", "Kepala Kejaksaan Tinggi", "Kejaksaan Tinggi Sumatera Utara"),
        ),
        (
            "Rektor Universitas Brawijaya, Prof. Widodo Hartono, membuka seminar.",
            ("Widodo Hartono", "Rektor", "Universitas Brawijaya"),
        ),
    ],
)
def test_title_families(officials, text, expected):
    assert _officials(officials, text) == [expected]


def test_ranks_and_degrees_stay_out_of_the_name(officials):
    record = officials("Kapolres Sleman, AKBP Drs. H. Yuswanto Ardi, S.I.K., M.H., memimpin apel pagi.")
    (official,) = record.officials
    assert (official.name, official.rank, official.honorifics, official.degrees) == (
        "Yuswanto Ardi",
        "AKBP",
        ["Drs.", "H."],
        ["S.I.K.", "M.H."],
    )
    assert [(m.text, m.kind) for m in official.mentions] == [("Kapolres Sleman", "title"), ("Yuswanto Ardi", "name")]


def test_name_before_the_title(officials):
    text = "Acara dibuka oleh Abd Rahim Tuwu Asisten III Administrasi Kota Mojokerto di aula."
    assert _officials(officials, text) == [
        ("Abd Rahim Tuwu", "Asisten III Administrasi", "Sekretariat Daerah Kota Mojokerto")
    ]


def test_name_then_sebagai_title(officials):
    text = "Yang dilantik adalah Hj. Nur Aini, S.Pd., M.Pd., sebagai Kepala Dinas Pendidikan Kabupaten Lamongan."
    assert _officials(officials, text) == [("Nur Aini", "Kepala Dinas Pendidikan", "Kabupaten Lamongan")]


def test_mentions_of_one_person_are_clustered(officials):
    text = (
        "Gubernur Sulawesi Selatan melantik pejabat di Makassar, Senin (6/10/2025).\n\n"
        "Dalam sambutannya, Gubernur Andi Baso Mappanyukki menegaskan disiplin. "
        "“Tidak ada tawar-menawar,” kata Andi Baso. Andi Baso juga meminta laporan rutin."
    )
    (official,) = officials(text).officials
    assert (official.name, official.role, official.jurisdiction, official.jurisdiction_code) == (
        "Andi Baso Mappanyukki",
        "Gubernur",
        "Provinsi Sulawesi Selatan",
        "73",
    )
    assert [(m.text, m.kind) for m in official.mentions] == [
        ("Gubernur Sulawesi Selatan", "title"),
        ("Gubernur", "title"),
        ("Andi Baso Mappanyukki", "name"),
        ("Andi Baso", "short_name"),
        ("Andi Baso", "short_name"),
    ]


def test_a_title_without_a_region_takes_the_article_region(officials):
    text = (
        "BANTUL – Pemerintah Kabupaten Bantul menggelar rapat koordinasi di Pendopo Parasamya, Senin (6/10/2025). "
        "Rapat dipimpin Sekda Agus Budiwiyata dan dihadiri Kepala Dinas Pertanian Joko Waluyo."
    )
    assert _officials(officials, text) == [
        ("Agus Budiwiyata", "Sekretaris Daerah", "Kabupaten Bantul"),
        ("Joko Waluyo", "Kepala Dinas Pertanian", "Kabupaten Bantul"),
    ]


def test_a_police_unit_post_takes_the_police_body(officials):
    text = (
        "Polres Kulon Progo menggelar konferensi pers di Mapolres Kulon Progo, Rabu (8/10/2025). "
        "Kasat Reskrim AKP Munarto memaparkan kronologi kasus."
    )
    assert _officials(officials, text) == [("Munarto", "Kepala Satuan Reserse Kriminal", "Polres Kulon Progo")]


def test_a_resident_is_a_person_not_an_official(officials):
    text = (
        "Wakil Bupati Sukabumi, Iyus Sumantra, menyerahkan bantuan di Kecamatan Cisaat. "
        "Salah seorang penerima, Enah (72), warga Kampung Babakan, mengaku senang. "
        "“Terima kasih, bantuan ini sangat berarti,” kata Enah."
    )
    record = officials(text)
    assert [(o.name, o.role, o.jurisdiction) for o in record.officials] == [
        ("Iyus Sumantra", "Wakil Bupati", "Kabupaten Sukabumi")
    ]
    assert [(p.name, [m.text for m in p.mentions]) for p in record.persons] == [("Enah", ["Enah", "Enah"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Seorang warga Kelurahan Lompoe, Sitti Rahmah, mengaku senang. “Anak saya bisa membaca di sini,” ujarnya.",
            "Sitti Rahmah",
        ),
        ("Pedagang Pasar Lakessi, Nurlela, mengeluh sepi. “Pembeli berkurang,” katanya.", "Nurlela"),
    ],
)
def test_a_resident_described_before_the_name_is_the_speaker(run_stages, text, expected):
    record = run_stages(text, through="quotes")
    assert [p.name for p in record.persons] == [expected]
    assert [(q.speaker, q.speaker_id) for q in record.quotes] == [(expected, record.persons[0].id)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seorang warga Kelurahan Lompoe, Sitti Rahmah, mengaku senang.", ("Sitti Rahmah", "warga Kelurahan Lompoe")),
        ("Pedagang Pasar Lakessi, Nurlela, mengeluh sepi.", ("Nurlela", "pedagang Pasar Lakessi")),
        ("Nurlela, pedagang sayur di Pasar Lakessi, mengeluh sepi.", ("Nurlela", "pedagang sayur di Pasar Lakessi")),
        (
            "Salah seorang penerima, Enah (72), warga Kampung Babakan, mengaku senang.",
            ("Enah", "warga Kampung Babakan"),
        ),
        ("Seorang warga bernama Enah ikut antre.", ("Enah", "warga")),
        ("Enah (72) ikut antre.", ("Enah", None)),
    ],
)
def test_a_person_keeps_what_the_text_says_they_are(officials, text, expected):
    assert [(p.name, p.description) for p in officials(text).persons] == [expected]


def test_officials_never_named_are_not_listed(officials):
    assert _officials(officials, "Acara itu dihadiri Wali Kota Jayapura dan Kapolres Jayapura.") == []


def test_a_wakil_is_not_the_head(officials):
    text = (
        "Wakil Bupati Garut, Putri Karlina, memimpin rapat. Hasilnya akan dilaporkan kepada Bupati Garut. "
        "Putri meminta data harga setiap pagi."
    )
    (official,) = officials(text).officials
    assert [(m.text, m.kind) for m in official.mentions] == [
        ("Wakil Bupati Garut", "title"),
        ("Putri Karlina", "name"),
        ("Putri", "short_name"),
    ]


def test_a_name_the_model_calls_a_place_stays_a_name(nlp):
    """The people stage alone, with a hand-made place: an unlinked LOC guess of the NER model over
    the name does not hide a titled person."""
    text = "Sementara Ketua Forum Nelayan HNSI Rini Astuti menambahkan, hasil tangkapan naik."
    start = text.index("Rini")
    guess = Place(text="Rini Astuti", start=start, end=start + 11, rule="ner", name="Rini Astuti",
                  level=PlaceLevel.OTHER)  # fmt: skip
    forum = text.index("Forum")
    body = Organisation(text="Forum Nelayan HNSI", start=forum, end=forum + 18, rule="organisation",
                        name="Forum Nelayan HNSI", kind="association")  # fmt: skip
    doc = make_doc(nlp, text)
    people = extract_people(doc, dateline=None, places=[guess], organisations=[body], entities=Entities())
    assert [(p.name, p.official, [text[m.start : m.end] for m in p.mentions]) for p in people.persons] == [
        ("Rini Astuti", False, ["Ketua Forum Nelayan HNSI", "Rini Astuti"])
    ]


def _place(text: str, written: str, name: str, level: PlaceLevel, code: str | None = None) -> Place:
    start = text.index(written)
    return Place(text=written, start=start, end=start + len(written), rule="region_unit", name=name, level=level,
                 code=code)  # fmt: skip


def test_a_region_the_places_stage_found_is_the_jurisdiction(nlp):
    """Hand-made places: the title takes the region mention that follows it, with its code."""
    text = "Bupati Sukamaju Hendra Wijaya meninjau sawah."
    sukamaju = _place(text, "Sukamaju", "Kabupaten Sukamaju", PlaceLevel.REGENCY)
    people = extract_people(
        make_doc(nlp, text), dateline=None, places=[sukamaju], organisations=[], entities=Entities()
    )
    (person,) = people.persons
    assert (person.name, person.role, person.jurisdiction, person.official) == (
        "Hendra Wijaya",
        "Bupati",
        "Kabupaten Sukamaju",
        True,
    )
    title = next(m for m in person.mentions if m.kind is MentionKind.TITLE)
    assert (text[title.start : title.end], title.title) == (
        "Bupati Sukamaju",
        title.title.__class__(head="Bupati", unit=None, region="Kabupaten Sukamaju"),
    )


def test_title_parts_of_a_head_of_office(nlp):
    text = "Kepala Dinas Kesehatan Kota Malang, dr. Husnul Muarif, hadir."
    malang = _place(text, "Kota Malang", "Kota Malang", PlaceLevel.CITY, "35.73")
    people = extract_people(make_doc(nlp, text), dateline=None, places=[malang], organisations=[], entities=Entities())
    (person,) = people.persons
    parts = next(m.title for m in person.mentions if m.kind is MentionKind.TITLE)
    assert (person.role, parts.head, parts.unit, parts.region) == (
        "Kepala Dinas Kesehatan",
        "Kepala Dinas",
        "Kesehatan",
        "Kota Malang",
    )


def _inventory(text: str, **entry: object) -> People:
    start = text.index(str(entry.pop("written")))
    end = start + len(str(entry["name"]))
    person = PersonEntry(id="P1", official=True, mentions=(PersonMention(start, end, MentionKind.NAME, "P1"),),
                         first=start, **entry)  # type: ignore[arg-type]  # fmt: skip
    return People(text, (person,))


def test_officials_take_the_home_region_where_the_text_names_none():
    """The officials stage alone, with a hand-made inventory and home region."""
    text = "Sekda Agus Budiwiyata membuka rapat."
    people = _inventory(text, written="Agus", name="Agus Budiwiyata", role="Sekretaris Daerah", wants="region")
    (home,) = gazetteer().lookup("Bantul", levels=(PlaceLevel.REGENCY,))
    result = extract_officials(people, organisations=[], home=home)
    assert [(o.name, o.role, o.jurisdiction, o.jurisdiction_code) for o in result.officials] == [
        ("Agus Budiwiyata", "Sekretaris Daerah", "Kabupaten Bantul", "34.02")
    ]


def test_a_police_unit_post_takes_the_police_body_named_before_it():
    """The officials stage alone, with hand-made organisations: a police unit's head belongs to the
    police body named before, not to the government body named after."""
    text = "Polres Sukamaju dan Pemkab Sukamaju bekerja sama. Kasat Reskrim Budi Raharjo memaparkan kasus."
    people = _inventory(text, written="Budi", name="Budi Raharjo", role="Kepala Satuan Reserse Kriminal",
                        wants="parent")  # fmt: skip
    police = Organisation(text="Polres Sukamaju", start=0, end=15, rule="organisation", name="Polres Sukamaju",
                          kind="police", region="Kabupaten Sukamaju")  # fmt: skip
    start = text.index("Pemkab")
    government = Organisation(
        text="Pemkab Sukamaju",
        start=start,
        end=start + 15,
        rule="organisation",
        name="Pemerintah Kabupaten Sukamaju",
        kind="government",
        region="Kabupaten Sukamaju",
    )
    result = extract_officials(people, organisations=[police, government], home=None)
    assert [(o.name, o.jurisdiction) for o in result.officials] == [("Budi Raharjo", "Polres Sukamaju")]
