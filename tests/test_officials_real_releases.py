"""Officials as real releases write them (issue 12): material between the title and the name,
courts and secretariats as bodies, region aliases written out, local name forms. Every case is
an invented sentence with the exact (name, role, jurisdiction) expected."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short form of the region in parentheses between the title and the name
        (
            "Gubernur Provinsi Jawa Tengah (Prov. Jateng) H. Bambang Suryo Wibowo membuka pameran.",
            ("Bambang Suryo Wibowo", "Gubernur", "Provinsi Jawa Tengah"),
        ),
        # an address word, a degree before and after, and an abbreviated first name with its point
        (
            "Penjabat Walikota Tual Bapak Ir. Yosef. M. Renwarin, M.Si meninjau pelabuhan.",
            ("Yosef. M. Renwarin", "Penjabat Wali Kota", "Kota Tual"),
        ),
        # an honorific glued to the name
        (
            "Acara dihadiri oleh Bupati Bantul H.Abdul Rahman Hakim di pendopo.",
            ("Abdul Rahman Hakim", "Bupati", "Kabupaten Bantul"),
        ),
        # courts are bodies: the role is the post in the court, the jurisdiction the court
        (
            "Ketua PA Sumenep, Moh. Hasan, S.Ag., M.H.I., bertindak sebagai pembina apel.",
            ("Moh. Hasan", "Ketua Pengadilan Agama", "Pengadilan Agama Sumenep"),
        ),
        (
            "Ketua Pengadilan Tinggi Agama (PTA) Gorontalo, Dr. H. Ahmad Fauzi, SH.MH, menerima tamu.",
            ("Ahmad Fauzi", "Ketua Pengadilan Tinggi Agama", "Pengadilan Tinggi Agama Gorontalo"),
        ),
        # a region alias in the name of a police body is written out
        (
            "Kabid Humas Polda Sulsel Kombes Pol Rudi Hartanto membenarkan hal itu.",
            ("Rudi Hartanto", "Kepala Bidang Hubungan Masyarakat", "Polda Sulawesi Selatan"),
        ),
        # the DPRD secretariat, and `selaku` before the title
        (
            "Hal itu disampaikan Agus Salim selaku Kepala Subbagian Protokol Setwan Banten.",
            ("Agus Salim", "Kepala Subbagian Protokol", "Sekretariat DPRD Provinsi Banten"),
        ),
        # the regional office of a ministry: `Kantor` + the ministry + its region is one body
        (
            "Kepala Kantor Kementerian Agama Kota Pariaman Dr. H. Zulkifli Rahman membuka manasik.",
            ("Zulkifli Rahman", "Kepala Kantor Kementerian Agama", "Kantor Kementerian Agama Kota Pariaman"),
        ),
        # its head as one word, and `Kakan` before the ministry's short name
        (
            "Kegiatan dibuka Kakankemenag Kabupaten Blora, H. Nur Hamid, pagi tadi.",
            ("Nur Hamid", "Kepala Kantor Kementerian Agama", "Kantor Kementerian Agama Kabupaten Blora"),
        ),
        (
            "Kakan Kemenag Kota Makassar H. Abdul Rauf membuka acara.",
            ("Abdul Rauf", "Kepala Kantor Kementerian Agama", "Kantor Kementerian Agama Kota Makassar"),
        ),
        # the sections of the office by their short names
        (
            "Hadir pula Kasi Bimas Islam Kemenag Blora, Ahmad Sururi, dalam pertemuan itu.",
            ("Ahmad Sururi", "Kepala Seksi Bimbingan Masyarakat Islam", "Kantor Kementerian Agama Kabupaten Blora"),
        ),
        (
            "Laporan dibacakan Kasubag TU Kemenag Blora, Siti Aminah, di aula.",
            ("Siti Aminah", "Kepala Subbagian Tata Usaha", "Kantor Kementerian Agama Kabupaten Blora"),
        ),
        # a post of a district office: the district named after the unit is the jurisdiction
        (
            "Kepala Seksi Pemerintahan Kecamatan Sukasada I Ketut Wirawan memimpin rapat.",
            ("I Ketut Wirawan", "Kepala Seksi Pemerintahan", "Kecamatan Sukasada"),
        ),
        # a field's short form and more unit words after it; an abbreviated first name
        (
            "Tamu diterima Kasubag Humas dan Protokol Sekretariat DPRD Sampang Moch. Hadi Susanto di lobi.",
            (
                "Moch. Hadi Susanto",
                "Kepala Subbagian Hubungan Masyarakat dan Protokol",
                "Sekretariat DPRD Kabupaten Sampang",
            ),
        ),
        (
            "Kasubag Rumah Tangga dan Perlengkapan Setwan Jateng Dwi Haryanto menyiapkan ruang sidang.",
            (
                "Dwi Haryanto",
                "Kepala Subbagian Rumah Tangga dan Perlengkapan",
                "Sekretariat DPRD Provinsi Jawa Tengah",
            ),
        ),
    ],
)
def test_officials_of_real_release_forms(officials, text, expected):
    assert officials(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Polres Bantul menggelar apel pagi ini.", ["Polres Bantul"]),  # the region as written
        ("Polda Sulteng menggelar apel pagi ini.", ["Polda Sulawesi Tengah"]),  # an alias written out
    ],
)
def test_a_body_named_by_its_region(run_stages, text, expected):
    state = run_stages(text, through="organisations")
    assert [o.name for o in state.organisations] == expected
