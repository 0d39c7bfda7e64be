"""The values the documents package hands on: a loaded document and a date found in text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Granularity = Literal["day", "month", "year"]

MEDIA_TEXT = "text/plain"
MEDIA_HTML = "text/html"
MEDIA_PDF = "application/pdf"
MEDIA_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True, slots=True)
class Document:
    """A document as Accord reads it.

    `text` is the normalised text (see `accord.documents.normalise`); every evidence span
    Accord records is an offset into it. `sha256` is the hex digest of the bytes as loaded,
    so loading the same file twice gives the same digest. `source` is a path or any label the
    caller gave; `media_type` is the format found from the content.
    """

    text: str
    title: str | None
    published: date | None
    sha256: str
    source: str
    media_type: str


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression in a text: `text[start:end]`.

    `value` is the first day of what it names (a month gives its 1st, a year its 1 January);
    `end_value` the first day of the last period when the expression is a range ("5-6 October"
    ends on 6 October), else None. `relative` is true when the value depends on the anchor
    date: weekdays, "yesterday", "last year", and dates written without a year. A relative
    mention found without an anchor has `value` None.
    """

    start: int
    end: int
    text: str
    value: date | None
    end_value: date | None
    granularity: Granularity
    relative: bool


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a format reader gives back before the text is normalised: the text, and the
    title and date the format's own metadata state (None when it states none)."""

    text: str
    title: str | None = None
    published: date | None = None
