"""Bytes to text: byte-order marks, UTF-8, UTF-16 without a mark, then a guess by
charset-normalizer; anything that decodes to control characters is not a text document."""

from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer

from accord.errors import FileReadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SAMPLE = 1 << 20  # bytes charset-normalizer looks at; the chosen codec then decodes it all
_PROBE = 1 << 16  # characters checked for control characters
MAX_CONTROL_SHARE = 0.01  # more than this share of control characters is binary data
_ALLOWED_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x85")
NOT_TEXT = "not a text document (binary data)"


def _by_bom(data: bytes, source: str) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                reason = f"not valid {codec} despite its byte-order mark"
                raise FileReadError(source, reason) from exc
    return None


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: ASCII text then has a NUL in every other byte."""
    head = data[:4096]
    pairs = len(head) // 2
    if pairs == 0:
        return None
    odd = head[1::2].count(0) / pairs
    even = head[0::2].count(0) / pairs
    codec = "utf-16-le" if odd > 0.4 > even else "utf-16-be" if even > 0.4 > odd else None
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _letter_share(text: str) -> float:
    """The share of letters among the non-ASCII characters: a wrong single-byte codec turns
    letters into symbols ("Łódź" in cp1252 reads "£ódŸ")."""
    wide = [c for c in text if ord(c) > 127]
    return sum(c.isalpha() for c in wide) / len(wide) if wide else 1.0


def _sample(data: bytes) -> bytes:
    """The first SAMPLE bytes, cut after a newline so no multi-byte character is split."""
    if len(data) <= SAMPLE:
        return data
    cut = data.rfind(b"\n", 0, SAMPLE)
    return data[: cut + 1] if cut > 0 else data[:SAMPLE]


def _guess(data: bytes, source: str) -> str:
    """charset-normalizer's calmest readings, ranked by how many letters they give, then
    Windows-1252 (the most common legacy codec for English text), then its own order."""
    sample = _sample(data)
    results = list(charset_normalizer.from_bytes(sample))
    if not results:
        raise FileReadError(source, NOT_TEXT)
    least = min(result.chaos for result in results)
    calm = [result for result in results if result.chaos == least]
    best = max(
        calm,
        key=lambda r: (_letter_share(str(r)[:_PROBE]), "cp1252" in r.could_be_from_charset),
    )
    codec = "cp1252" if "cp1252" in best.could_be_from_charset else best.encoding
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise FileReadError(source, f"{NOT_TEXT}: it is not consistently {codec}") from exc


def _looks_binary(text: str) -> bool:
    probe = text[:_PROBE]
    if not probe:
        return False
    odd = sum(
        1
        for c in probe
        if c == "\ufffd" or (c not in _ALLOWED_CONTROLS and unicodedata.category(c) == "Cc")
    )
    return odd / len(probe) > MAX_CONTROL_SHARE or "\x00" in text


def decode_text(data: bytes, source: str) -> str:
    """The text `data` encodes, or FileReadError when it is not text."""
    text = _by_bom(data, source)
    if text is None and b"\x00" in data[:8192]:  # UTF-16, or binary
        text = _utf16(data)
        if text is None:
            raise FileReadError(source, NOT_TEXT)
    if text is None:
        text = _utf8(data)
    if text is None:
        text = _guess(data, source)
    if _looks_binary(text):
        raise FileReadError(source, NOT_TEXT)
    return text
