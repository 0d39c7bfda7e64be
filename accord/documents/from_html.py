"""HTML: the main text through trafilatura (offline), the title and date from the page's
metadata; the standard-library reading in `page_text` when trafilatura finds nothing or the
page is too large for it."""

from __future__ import annotations

from datetime import date
from typing import Any

import trafilatura
from trafilatura.settings import Document as Extracted

from accord.documents.markup import drop_scripts
from accord.documents.model import Parsed
from accord.documents.page_text import page_text
from accord.errors import FileReadError

# htmldate reads the page's own markup only (meta tags, <time>, JSON-LD), prefers the
# original over the modified date, and does not hunt for dates in the running text.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}
# Characters of markup (scripts dropped) beyond which the page is read plainly: trafilatura
# takes 0.6 s per MB on ordinary pages and up to 2.5 s per MB on pathological ones; the
# plain reading takes 0.05 to 0.5 s per MB. A news page is well under 1 MB.
MAX_MAIN_TEXT_MARKUP = 3_000_000


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _paragraphs(text: str) -> str:
    """trafilatura ends each block with one newline; the house form is a blank line."""
    return "\n\n".join(line for line in text.split("\n") if line.strip())


def _with_title(text: str, title: str | None) -> str:
    """The text opening with its headline, as plain-text documents do, so the headline can
    be evidence too."""
    if not title or text.lstrip().startswith(title):
        return text
    return f"{title}\n\n{text}"


def _extract(markup: str, source: str) -> Extracted | None:
    try:
        found = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise FileReadError(source, "the HTML could not be parsed") from exc
    return found if isinstance(found, Extracted) and found.text else None


def read_html(markup: str, source: str) -> Parsed:
    """The main text of a page (headline first), its title and its stated date."""
    markup = drop_scripts(markup)
    found = _extract(markup, source) if len(markup) <= MAX_MAIN_TEXT_MARKUP else None
    if found is None:
        text, title = page_text(markup)
        if not text:
            raise FileReadError(source, "the HTML page has no readable text")
        return Parsed(_with_title(text, title), title, None)
    title = found.title or None
    text = _paragraphs(found.text or "")
    return Parsed(_with_title(text, title), title, _iso_date(found.date))
