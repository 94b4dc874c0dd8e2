"""Triggers that real releases use and the lexicon lacked: a courtesy call is a visit."""

from __future__ import annotations


def test_a_courtesy_call_is_a_visit(extract):
    text = (
        "Ketua Pengadilan Negeri Sukamaju Hendra Wijaya menemui Bupati Sukamaju untuk bersilaturahmi, "
        "Rabu (8/10/2025).\n\nPertemuan itu juga membahas pelayanan publik."
    )
    event = extract(text).event
    assert event.type is not None and event.trigger is not None
    start = text.index("bersilaturahmi")
    assert (event.type.value, event.trigger.text, event.trigger.start) == ("kunjungan_kerja", "bersilaturahmi", start)
