"""How a document states its own date: a line that is nothing but a date ("07 october 2010, 10:23",
" • 07 Sep. 2012 -", "Muscat, Wednesday, 22 May 2024", "Date: 21.03.2024", "Gazakh / Ijevan, 28
November 2025", "Verbatim record, 11 February 2026", "Astana, 3 February 2026, press service of
the Ministry ..."), or an agency dateline opening the story ("MOSCOW, June 17 (Kazinform) -
...").

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
# a place or a venue, whose name may hold small words ("House of the Estates, Helsinki")
_PLACE = (
    r"[A-Z][\w'\u2019.-]*"
    r"(?:[ -](?:[A-Z][\w'\u2019.-]*|of(?: the)?|de(?: la)?|des|du|del|di|el|al|la|le))*"
)
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:[ap]\.?m\.?|h|hrs|[A-Z]{2,5})\b)?"
_AGENCY = r"\([^()\n]{1,60}\)"
# what kind of document the line dates ("Verbatim record, 11 February 2026")
_KIND = (
    r"(?i:(?:(?:joint\s+)?press|news|media)\s+release|(?:joint\s+)?statement|communiqu[e\u00e9]"
    r"|transcript|verbatim\s+record|minutes|readout)"
)
# one place or several joined by slashes ("Gazakh / Ijevan")
_PLACES = rf"{_PLACE}(?:\s*/\s*{_PLACE})*"
# the office the line credits after its date ("..., press service of the Ministry ...")
_SOURCE = (
    r",\s*(?i:(?:the\s+)?(?:press|media|information|public\s+relations)\s+"
    r"(?:service|office|centre|center|department|division|unit|section))\b[^\n]*"
)

UPDATED = re.compile(rf"\b{_UPDATED}\b", re.IGNORECASE)
LABELLED = re.compile(rf"^[\W_]*{_LABEL}\s*:?", re.IGNORECASE)
BEFORE = re.compile(
    rf"^[\W_]*(?:{_LABEL}\s*:?\s*|{_KIND},?\s+)?(?:{_PLACES},\s*){{0,3}}"
    rf"(?:(?i:{WEEKDAY}),?\s*)?(?i:on\s+)?$"
)
BETWEEN = re.compile(rf"^(?:[^\w(]|{_TIME}|{_LABEL}|{_AGENCY}|(?i:at|on)\b|,\s*{_PLACE})*$")
SOURCE_AFTER = re.compile(rf"^(?:[^\w(]|{_TIME}|{_AGENCY})*{_SOURCE}$")
LEAD_BEFORE = re.compile(rf"^[\W_]*(?:{_PLACES},\s*){{1,2}}$")
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
    """Whether the line says nothing but dates, with at most a label or the kind of document,
    places, a weekday, times, an agency in brackets and punctuation around them, and at its
    end the press office it credits."""
    if not mentions:
        return False
    gaps = _gaps(line, mentions)
    *middle, last = gaps[1:]
    return (
        bool(BEFORE.match(gaps[0]))
        and all(BETWEEN.match(gap) for gap in middle)
        and bool(BETWEEN.match(last) or SOURCE_AFTER.match(last))
    )


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
