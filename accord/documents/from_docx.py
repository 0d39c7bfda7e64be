"""Word .docx through python-docx: paragraphs and tables in document order, the title and
creation date from its core properties."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from accord.documents.model import Parsed
from accord.errors import FileReadError

MAX_UNPACKED = 200 * 1024 * 1024  # bytes; a larger .docx unpacked is a zip bomb, not a report


def _unpacked_size(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(info.file_size for info in archive.infolist())


def _table_text(table: Table) -> str:
    rows = (" | ".join(" ".join(cell.text.split()) for cell in row.cells) for row in table.rows)
    return "\n".join(rows)


def _blocks(document: docx.document.Document) -> list[str]:
    blocks = []
    for item in document.iter_inner_content():
        text = item.text if isinstance(item, Paragraph) else _table_text(item)
        if text.strip():
            blocks.append(text)
    return blocks


def read_docx(data: bytes, source: str) -> Parsed:
    """The text (a blank line between paragraphs), core-property title and creation date."""
    try:
        if _unpacked_size(data) > MAX_UNPACKED:
            raise FileReadError(source, "the .docx unpacks to more than 200 MB; refused")
        document = docx.Document(io.BytesIO(data))
        blocks = _blocks(document)
        properties = document.core_properties
        title = " ".join((properties.title or "").split()) or None
        created: date | None = properties.created.date() if properties.created else None
    except FileReadError:
        raise
    except Exception as exc:  # python-docx, lxml and zipfile raise many kinds on damaged files
        raise FileReadError(source, "a damaged .docx that cannot be read") from exc
    if not blocks:
        raise FileReadError(source, "the .docx has no text")
    return Parsed("\n\n".join(blocks), title, created)
