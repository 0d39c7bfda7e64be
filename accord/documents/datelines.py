"""How a document states its own date: a line that is nothing but a date ("07 october 2010,
10:23", "  • 07 Sep. 2012 -", "Muscat, Wednesday, 22 May 2024", "Date: 21.03.2024"), or an
agency dateline opening the story ("MOSCOW, June 17 (Kazinform) - ...").

Pure helpers over one line and the date mentions found in it; `dates.publication_date`
walks the lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import count

from accord.documents.calendar_words import WEEKDAY
from accord.documents.model import DateMention

HEADER_LINES = 12  # non-empty lines at the top where a date line counts without a label
LABELLED_LINES = 40  # how far down a labelled line ("Date: ...") still counts

_UPDATED = r"(?:last\s+)?(?:updated|modified|revised)"
_LABEL = rf"(?i:(?:{_UPDATED}|published|posted|issued|released|dated?|created)(?:\s+(?:on|at))?)"
_PLACE = r"[A-Z][\w'\u2019.-]*(?:[ -](?:[A-Z][\w'\u2019.-]*|of|de|el|al))*"
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:[ap]\.?m\.?|h|hrs|[A-Z]{2,5})\b)?"
_AGENCY = r"\([^()\n]{1,60}\)"

UPDATED = re.compile(rf"\b{_UPDATED}\b", re.IGNORECASE)
LABELLED = re.compile(rf"^[\W_]*{_LABEL}\s*:?", re.IGNORECASE)
BEFORE = re.compile(
    rf"^[\W_]*(?:{_LABEL}\s*:?\s*)?(?:{_PLACE},\s*){{0,3}}(?:(?i:{WEEKDAY}),?\s*)?(?i:on\s+)?$"
)
BETWEEN = re.compile(rf"^(?:[^\w(]|{_TIME}|{_LABEL}|{_AGENCY}|(?i:at|on)\b|,\s*{_PLACE})*$")
LEAD_BEFORE = re.compile(rf"^[\W_]*(?:{_PLACE},\s*){{1,2}}$")
LEAD_AFTER = re.compile(rf"^\s*(?:{_AGENCY}\s*)?(?:[-\u2013\u2014:]|\.\s)")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: its index among all lines, where it starts, what it says."""

    index: int
    offset: int
    text: str


def split_lines(text: str) -> Iterator[Line]:
    """Every line of `text` with its index and offset, lazily: callers read the top only."""
    offset = 0
    for index in count():
        end = text.find("\n", offset)
        if end < 0:
            yield Line(index, offset, text[offset:])
            return
        yield Line(index, offset, text[offset:end])
        offset = end + 1


def _gaps(line: str, mentions: Sequence[DateMention]) -> list[str]:
    """The text before, between and after the mentions (offsets relative to the line)."""
    gaps, position = [], 0
    for mention in mentions:
        gaps.append(line[position : mention.start])
        position = mention.end
    gaps.append(line[position:])
    return gaps


def is_date_line(line: str, mentions: Sequence[DateMention]) -> bool:
    """Whether the line says nothing but dates, with at most a label, a place, a weekday,
    times, an agency in brackets and punctuation around them."""
    if not mentions:
        return False
    gaps = _gaps(line, mentions)
    return bool(BEFORE.match(gaps[0])) and all(BETWEEN.match(gap) for gap in gaps[1:])


def is_dateline_lead(line: str, mentions: Sequence[DateMention]) -> bool:
    """Whether the line opens with "PLACE, DATE (Agency) -" and goes on with the story."""
    if not mentions:
        return False
    first = mentions[0]
    return bool(LEAD_BEFORE.match(line[: first.start]) and LEAD_AFTER.match(line[first.end :]))


def is_updated(line: str) -> bool:
    """Whether the line gives a "Last updated" (or modified, revised) date."""
    return bool(UPDATED.search(line))


def is_labelled(line: str) -> bool:
    """Whether the line opens with a label such as "Date:" or "Published on"."""
    return bool(LABELLED.match(line))
