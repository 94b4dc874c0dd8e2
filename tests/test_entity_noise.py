"""Model guesses that are no place and no body: headline fragments, units without a name,
roles, events, credits and counts; a trailing dash is no part of a guess."""

from __future__ import annotations

import pytest

from pipeline.stages.entities.noise import is_noise, trimmed_end
from pipeline.vocabulary import vocabulary


def _noise(text: str, guess: str, *, place: bool = True) -> bool:
    start = text.index(guess)
    words = [word for word in guess.replace("–", " ").split() if any(c.isalpha() for c in word)]
    return is_noise(text, start, words, vocabulary(), place=place)


@pytest.mark.parametrize(
    ("text", "guess", "place"),
    [
        ("BUPATI GELAR LOMBA PERAHU HIAS\n\nWarga datang.", "GELAR LOMBA PERAHU HIAS", False),
        ("Sebanyak 24 peserta hadir.", "Sebanyak 24", True),
        ("Suasana rapat di aula.", "Suasana", True),
        ("Admin Humas menulis berita ini.", "Admin Humas", True),
        ("Editor: Sinta Maharani", "Sinta Maharani", True),
        ("Nama Disambut dalam acara.", "Nama Disambut", False),
        ("Kasubdit Wilayah hadir.", "Kasubdit Wilayah", True),
        ("Penjabat Bupati hadir.", "Penjabat Bupati", True),
        ("Rapat Paripurna dibuka pukul 09.00.", "Rapat Paripurna", False),
        ("Dipaparkan Rudi dalam rapat.", "Dipaparkan Rudi", False),
        ("Pengibaran bendera menandai pembukaan.", "Pengibaran", True),
        ("Keberangkatan rombongan pagi ini.", "Keberangkatan", True),
        ("Kabupaten menyiapkan anggaran.", "Kabupaten", True),
        ("Dinas menyiapkan anggaran.", "Dinas", False),
        ("Kecamatan baru itu diresmikan.", "Kecamatan baru", True),
        ("Warga desa adat berkumpul.", "desa adat", True),
    ],
)
def test_noise(text, guess, place):
    assert _noise(text, guess, place=place)


@pytest.mark.parametrize(
    ("text", "guess", "place"),
    [
        ("Rombongan tiba di Pekalongan siang itu.", "Pekalongan", True),
        ("Kunjungan ke Pulau Cendana berlangsung lancar.", "Pulau Cendana", True),
        ("Kegiatan di kecamatan Wanareja berjalan lancar.", "kecamatan Wanareja", True),
        ("Persatuan Guru Wanareja menggelar rapat.", "Persatuan Guru Wanareja", False),
        ("Kejaksaan Negeri Wanareja menerima tamu.", "Kejaksaan Negeri Wanareja", False),
        ("Data dari BPBD JATENG menunjukkan kenaikan.", "BPBD JATENG", False),
        ("Bantuan dari PT PLN tiba.", "PT PLN", False),
        ("Diskusi digelar bersama Yayasan Cendana.", "Yayasan Cendana", False),
        ("Personel Polri berjaga.", "Polri", False),
        ("Anggota DPR meninjau lokasi.", "DPR", False),
        ("Divisi Humas Polri menyampaikan rilis.", "Divisi Humas Polri", False),
        ("Dinas Kesehatan membuka posko.", "Dinas Kesehatan", False),
    ],
)
def test_names_are_kept(text, guess, place):
    assert not _noise(text, guess, place=place)


def test_a_trailing_dash_is_no_part_of_a_guess():
    text = "Dinas Kominfo Kab. Wanareja – Bupati membuka pelatihan."
    assert text[: trimmed_end(text, 0, text.index("–") + 1)] == "Dinas Kominfo Kab. Wanareja"


def test_the_record_lists_no_noise(extract):
    text = (
        "BUPATI GELAR LOMBA PERAHU HIAS\n\n"
        "Sebanyak 24 perahu mengikuti lomba di Pantai Cendana, Kabupaten Wanareja, Minggu (5/10/2025).\n\n"
        "Editor: Sinta Maharani"
    )
    record = extract(text)
    names = [p.text for p in record.places] + [o.name for o in record.organisations]
    assert not {"GELAR LOMBA PERAHU HIAS", "Sebanyak 24", "Sinta Maharani"} & set(names)
