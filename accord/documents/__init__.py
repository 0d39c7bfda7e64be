"""Documents: load text, HTML, PDF and .docx into a `Document` whose normalised text every
evidence span points into, and read date expressions out of text.

    from accord.documents import load_path, find_dates

    document = load_path("communique.pdf")
    document.published                      # the date the document gives itself, or None
    find_dates(document.text, anchor=document.published)
"""

from __future__ import annotations

from accord.documents.dates import find_dates, publication_date, publication_mention
from accord.documents.load import MAX_BYTES, load_bytes, load_path
from accord.documents.model import DateMention, Document, Granularity
from accord.documents.normalise import normalise_text

__all__ = [
    "MAX_BYTES",
    "DateMention",
    "Document",
    "Granularity",
    "find_dates",
    "load_bytes",
    "load_path",
    "normalise_text",
    "publication_date",
    "publication_mention",
]
