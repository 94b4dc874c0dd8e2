"""Bytes -> text: BOMs, UTF-8, UTF-16, a cp1252 fallback, and a clear refusal of binary files."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from pipeline.ingest.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
)
#: Share of control characters (other than tab and line breaks) above which a text is binary.
_MAX_CONTROL_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    #: Set when the bytes were not clean in any encoding tried: what was done about it.
    problem: str | None = None


def decode_bytes(data: bytes) -> Decoded:
    """Decode an article file. Raises `InputError` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                return Decoded(data.decode(encoding, errors="replace"), encoding, "invalid bytes replaced")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError("binary_file", f"the file is {kind}, not text")
    if b"\x00" in data[:4096]:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise InputError("binary_file", "the file contains NUL bytes and is not UTF-16 text")
        return utf16
    try:
        decoded = Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        decoded = _fallback(data)
    if _control_share(decoded.text) > _MAX_CONTROL_SHARE:
        raise InputError("binary_file", "the file is mostly control characters, not text")
    return decoded


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM: NULs on every other byte of mostly-ASCII text."""
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.6 * half and even_nuls < 0.1 * half:
        encoding = "utf-16-le"
    elif even_nuls > 0.6 * half and odd_nuls < 0.1 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return None


def _fallback(data: bytes) -> Decoded:
    """Bytes that are not valid UTF-8: mostly-UTF-8 with a few bad bytes, or cp1252."""
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    multibyte = sum(1 for char in lenient if ord(char) > 0x7F and char != "\ufffd")
    if multibyte > bad:
        return Decoded(lenient, "utf-8", f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
    text = data.decode("cp1252", errors="replace")
    return Decoded(text, "cp1252", "not valid UTF-8; decoded as cp1252")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20_000]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\t\n\r\f\v")
    return controls / len(sample)
