"""Sections of a ministry's regional office named by a word that also opens a school's name
(issue 12t): `Kasi Pendidikan Madrasah Nama` is a section head, `Madrasah` no school. Invented
sentences, exact (name, role, jurisdiction) expected."""

from __future__ import annotations


def test_a_section_named_after_madrasah_education_in_a_didampingi_chain(officials):
    text = (
        "Kepala Kantor Kemenag Kabupaten Sleman, Ahmad Fauzi didampingi Kasubbag TU Rina Wati, "
        "Kasi Pendidikan Madrasah Joko Susilo menghadiri apel pagi."
    )
    assert officials(text) == [
        ("Ahmad Fauzi", "Kepala Kantor Kementerian Agama", "Kantor Kementerian Agama Kabupaten Sleman"),
        ("Rina Wati", "Kepala Subbagian Tata Usaha", "Kantor Kementerian Agama Kabupaten Sleman"),
        ("Joko Susilo", "Kepala Seksi Pendidikan Madrasah", "Kantor Kementerian Agama Kabupaten Sleman"),
    ]


def test_a_section_of_madrasah_education_with_its_office_after_it(officials):
    text = "Apel dihadiri Kasi Pendidikan Madrasah Kemenag Kabupaten Sleman Joko Susilo."
    assert officials(text) == [
        ("Joko Susilo", "Kepala Seksi Pendidikan Madrasah", "Kantor Kementerian Agama Kabupaten Sleman")
    ]
