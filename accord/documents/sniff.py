"""What a byte string is, read from its content first and its name or media type second."""

from __future__ import annotations

import io
import re
import zipfile

from accord.documents.model import MEDIA_DOCX, MEDIA_HTML, MEDIA_PDF, MEDIA_TEXT
from accord.errors import FileReadError

# Formats Accord does not read, by their first bytes, so the message can name them.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF media file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office file (.doc/.xls); save it as .docx or PDF"),
    (b"{\\rtf", "an RTF file; save it as .docx, PDF or plain text"),
    (b"\x7fELF", "an executable"),
    (b"MZ\x90\x00", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)
_HTML_START = re.compile(
    r"^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|table|h[1-6])\b",
    re.IGNORECASE | re.DOTALL,
)
_ANY_TAG = re.compile(r"<(?:[a-z][a-z0-9]*|/[a-z][a-z0-9]*|!--)[\s>/]", re.IGNORECASE)
_EXTENSIONS = {
    ".txt": MEDIA_TEXT,
    ".text": MEDIA_TEXT,
    ".html": MEDIA_HTML,
    ".htm": MEDIA_HTML,
    ".xhtml": MEDIA_HTML,
    ".pdf": MEDIA_PDF,
    ".docx": MEDIA_DOCX,
}
_HTML_TYPES = {MEDIA_HTML, "application/xhtml+xml"}


def media_type_for_name(name: str) -> str | None:
    """The media type a file name's extension suggests, if it suggests one."""
    dot = name.rfind(".")
    return _EXTENSIONS.get(name[dot:].lower()) if dot >= 0 else None


def _zip_kind(data: bytes, source: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise FileReadError(source, "a damaged ZIP archive, not a readable document") from exc
    if "word/document.xml" in names:
        return MEDIA_DOCX
    raise FileReadError(source, "not a text document (a ZIP archive, not a Word .docx)")


def sniff_binary(data: bytes, source: str) -> str | None:
    """PDF or .docx by their magic bytes; FileReadError naming any other known binary
    format; None for what may be text (the decoder finds out)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return MEDIA_PDF
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data, source)
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            raise FileReadError(source, f"not a text document ({what})")
    return None


def is_html(text: str, hint: str | None = None) -> bool:
    """Whether decoded text is HTML: it opens with an HTML tag, or `hint` says HTML and a
    tag appears near the top."""
    head = text[:2048]
    return bool(_HTML_START.match(head) or (hint in _HTML_TYPES and _ANY_TAG.search(head)))
