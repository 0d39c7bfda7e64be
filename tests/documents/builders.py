"""Documents built in the test run: a PDF written byte by byte, a .docx through python-docx."""

from __future__ import annotations

import datetime as dt
import io

import docx
from pypdf import PdfReader, PdfWriter


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF 1.4 showing `lines` in Helvetica, with a correct cross-reference table."""
    operators = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
    operators += [f"({_pdf_string(line)}) Tj T*" for line in lines] + ["ET"]
    stream = "\n".join(operators).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def rewritten_pdf(
    data: bytes,
    *,
    metadata: dict[str, str] | None = None,
    user_password: str | None = None,
    owner_password: str | None = None,
) -> bytes:
    """The PDF with metadata added and/or encrypted (RC4, which pypdf writes without a
    crypto library)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    if metadata:
        writer.add_metadata(metadata)
    if user_password is not None:
        writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def word_document(
    heading: str,
    paragraphs: list[str],
    *,
    title: str | None = None,
    created: dt.datetime | None = None,
    table: list[list[str]] | None = None,
) -> bytes:
    """A .docx with a heading, paragraphs, an optional table after the first paragraph, and
    core properties."""
    document = docx.Document()
    document.add_heading(heading, level=1)
    for number, text in enumerate(paragraphs):
        document.add_paragraph(text)
        if number == 0 and table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for row, values in zip(grid.rows, table, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
    document.core_properties.title = title or ""
    # python-docx's template carries a creation date of its own; set it either way.
    document.core_properties.created = created or dt.datetime(2000, 1, 1)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
