"""PDF through pypdf: the text of every page, the title and creation date from its metadata.
Encrypted files are read only when they open with the empty password."""

from __future__ import annotations

import io
import re
from datetime import date

from pypdf import PasswordType, PdfReader

from accord.documents.model import Parsed
from accord.documents.unwrap import unwrap_lines
from accord.errors import FileReadError

# Titles that name the file or the program rather than the document.
_JUNK_TITLE = re.compile(
    r"^(?:untitled|microsoft word - .*|.*\.(?:docx?|pdf|rtf|odt|txt|indd|qxd))$", re.IGNORECASE
)
# Control characters pypdf sometimes leaves in extracted text (NULs among them); the page
# break \x0c is kept.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _reason(exc: Exception) -> str:
    """The first line of a library's message, short enough for a one-line error."""
    lines = str(exc).strip().splitlines()
    text = lines[0] if lines else ""
    return text[:120] or "unreadable structure"


def _open(data: bytes, source: str) -> PdfReader:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("") != PasswordType.NOT_DECRYPTED
        except Exception:  # an unsupported cipher (AES without a crypto library) included
            opened = False
        if not opened:
            raise FileReadError(source, "the PDF is encrypted; decrypt it first")
    return reader


def _title(reader: PdfReader) -> str | None:
    title = reader.metadata.title if reader.metadata else None
    title = " ".join(title.split()) if isinstance(title, str) else ""
    return title if title and not _JUNK_TITLE.match(title) else None


def _created(reader: PdfReader) -> date | None:
    try:
        created = reader.metadata.creation_date if reader.metadata else None
    except ValueError:  # a malformed date string in the metadata
        return None
    return created.date() if created else None


def read_pdf(data: bytes, source: str) -> Parsed:
    """The text of every page (a blank line between pages, lines inside a paragraph joined:
    `accord.documents.unwrap`), title and creation date."""
    try:
        reader = _open(data, source)
        pages = [unwrap_lines(page.extract_text() or "") for page in reader.pages]
        title, created = _title(reader), _created(reader)
    except FileReadError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files, not only PyPdfError
        raise FileReadError(source, f"a damaged PDF that cannot be read: {_reason(exc)}") from exc
    text = _CONTROLS.sub("", "\n\n".join(pages))
    if not text.strip():
        raise FileReadError(source, "the PDF has no text layer (a scan?); run OCR on it first")
    return Parsed(text, title, created)
