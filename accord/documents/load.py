"""Load a file or a byte string into a Document: sniff the format from the content, read
it, normalise the text, find the title and the document's own date.

Every failure is an InputError (a FileReadError naming the source and the reason, on one
line), raised in bounded time: inputs over MAX_BYTES are refused before they are parsed.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from accord.documents.dates import publication_date
from accord.documents.decode import decode_text
from accord.documents.from_docx import read_docx
from accord.documents.from_html import read_html
from accord.documents.from_pdf import read_pdf
from accord.documents.headline import headline, title_line
from accord.documents.model import (
    MEDIA_DOCX,
    MEDIA_HTML,
    MEDIA_PDF,
    MEDIA_TEXT,
    Document,
    Parsed,
)
from accord.documents.normalise import normalise_text
from accord.documents.sniff import is_html, media_type_for_name, sniff_binary
from accord.errors import FileReadError

MAX_BYTES = 50 * 1024 * 1024  # 50 MB: far above any report, small enough to read in seconds


BINARY_READERS: dict[str, Callable[[bytes, str], Parsed]] = {
    MEDIA_PDF: read_pdf,
    MEDIA_DOCX: read_docx,
}


def _parse(data: bytes, source: str, hint: str | None) -> tuple[str, Parsed]:
    """The media type found and what its reader gives: binary formats by their magic
    bytes, then HTML or plain text by what the decoded text looks like."""
    kind = sniff_binary(data, source)
    if kind is not None:
        return kind, BINARY_READERS[kind](data, source)
    decoded = decode_text(data, source)
    if is_html(decoded, hint):
        return MEDIA_HTML, read_html(decoded, source)
    return MEDIA_TEXT, Parsed(decoded)


def _too_large(source: str, size: int) -> FileReadError:
    return FileReadError(
        source, f"too large ({size / 1048576:.1f} MB; the limit is {MAX_BYTES // 1048576} MB)"
    )


def _read_file(path: Path, source: str) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise FileReadError(source, "a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise FileReadError(source, "not a regular file")
        if info.st_size > MAX_BYTES:
            raise _too_large(source, info.st_size)
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)  # the file may have grown since stat()
    except FileNotFoundError as exc:
        raise FileReadError(source, "no such file") from exc
    except PermissionError as exc:
        raise FileReadError(source, "permission denied") from exc
    except OSError as exc:
        raise FileReadError(source, exc.strerror or "could not be read") from exc


def load_path(path: str | os.PathLike[str]) -> Document:
    """Load the document at `path`; its extension is only a hint, the content decides."""
    source = os.fspath(path)
    data = _read_file(Path(source), source)
    return load_bytes(data, source=source, media_type=media_type_for_name(source))


def _title(text: str, stated: str | None) -> tuple[int | None, str | None]:
    """The title and the index of its line in the text (None when it is not a line)."""
    if stated:
        return title_line(text, stated), stated
    line = headline(text)
    return (line.index, line.text.strip()) if line else (None, None)


def load_bytes(data: bytes, *, source: str, media_type: str | None = None) -> Document:
    """Load a document from bytes. `source` names it in the Document and in errors;
    `media_type` (or a file extension's) is a hint the content overrides."""
    if len(data) > MAX_BYTES:
        raise _too_large(source, len(data))
    if not data.strip():
        raise FileReadError(source, "the file is empty")
    hint = media_type.split(";")[0].strip().lower() if media_type else None
    kind, parsed = _parse(data, source, hint)
    text = normalise_text(parsed.text)
    if not text.strip():
        raise FileReadError(source, "no text in the document")
    title_index, title = _title(text, parsed.title)
    published = publication_date(text, title_index) or parsed.published
    digest = hashlib.sha256(data).hexdigest()
    return Document(text, title, published, digest, source, kind)
