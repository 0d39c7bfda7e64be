"""The headline of a plain text: its first line, when that line reads like one."""

from __future__ import annotations

from collections.abc import Iterator

from accord.documents.datelines import Line, is_date_line, is_dateline_lead, split_lines
from accord.documents.dates import find_dates

MAX_HEADLINE = 300  # characters; a longer first line is a paragraph
_LOOK = 3  # non-empty lines looked at: a section label ("Events") may stand above the headline


def _top_lines(text: str, count: int) -> Iterator[Line]:
    seen = 0
    for line in split_lines(text):
        if line.text.strip():
            yield line
            seen += 1
            if seen == count:
                return


def looks_like_headline(text: str) -> bool:
    """Short, not a date line, not a clause running on, not several sentences."""
    text = text.strip()
    if not text or len(text) >= MAX_HEADLINE or not any(c.isalpha() for c in text):
        return False
    mentions = find_dates(text)
    if is_date_line(text, mentions) or is_dateline_lead(text, mentions):
        return False
    return text[-1] not in ",;:" and not (text.endswith(".") and ". " in text)


def headline(text: str) -> Line | None:
    """The first line that is more than a one-word section label, if it reads like a
    headline."""
    for line in _top_lines(text, _LOOK):
        if len(line.text.split()) < 2:
            continue
        return line if looks_like_headline(line.text) else None
    return None


def title_line(text: str, title: str) -> int | None:
    """The index of the line near the top that is the given title, if there is one."""
    wanted = " ".join(title.split())
    for line in _top_lines(text, _LOOK + 2):
        if " ".join(line.text.split()) == wanted:
            return line.index
    return None
