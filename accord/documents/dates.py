"""Date expressions in text, and the date a document gives itself.

    find_dates(text, anchor=...)   every date expression, with offsets, value and granularity
    publication_date(text)         the document's own date line, as the extraction spec reads it

Both are pure. English only.
"""

from __future__ import annotations

from datetime import date
from itertools import chain

from accord.documents import absolute, relative
from accord.documents.absolute import absolute_mentions
from accord.documents.cues import Lines, Vocabulary
from accord.documents.datelines import (
    HEADER_LINES,
    LABELLED_LINES,
    Line,
    is_date_line,
    is_dateline_lead,
    is_labelled,
    is_updated,
    split_lines,
)
from accord.documents.model import DateMention
from accord.documents.relative import relative_mentions

MAX_DATE_LINE = 200  # characters; a longer line is prose, not a date line
# Every literal the date patterns are cued by, found in one pass over a text.
_VOCABULARY = Vocabulary(
    cue for _, _, cues, first in (*absolute.FINDERS, *relative.FINDERS) for cue in (*cues, first)
)


def find_dates(text: str, *, anchor: date | None = None) -> list[DateMention]:
    """Every date expression in `text`, in order, none overlapping (the longest wins where
    two start together, the earlier where they cross). Relative ones resolve against
    `anchor`; without it their value is None."""
    lines = Lines(text, _VOCABULARY)
    candidates = sorted(
        chain(absolute_mentions(text, anchor, lines), relative_mentions(text, anchor, lines)),
        key=lambda m: (m.start, -(m.end - m.start)),
    )
    chosen: list[DateMention] = []
    for mention in candidates:
        if not chosen or mention.start >= chosen[-1].end:
            chosen.append(mention)
    return chosen


def _line_date(line: Line, header: bool) -> DateMention | None:
    """The date a line states as the document's own, if it is a date line; with offsets
    into the whole text. Only a line's first MAX_DATE_LINE characters are read: a dateline
    opens its line, and a longer line is no date line."""
    short = len(line.text) <= MAX_DATE_LINE
    if not (short or header) or (not header and not is_labelled(line.text)):
        return None
    head = line.text[:MAX_DATE_LINE]
    mentions = [m for m in find_dates(head) if m.granularity != "year"]
    if not (short and is_date_line(head, mentions)) and not (
        header and is_dateline_lead(head, mentions)
    ):
        return None
    first = mentions[0]
    return DateMention(
        first.start + line.offset,
        first.end + line.offset,
        first.text,
        first.value,
        first.end_value,
        first.granularity,
        first.relative,
    )


def _candidates(text: str, title_line_index: int | None) -> list[tuple[bool, DateMention]]:
    """(is a "Last updated" line, its date) for each date line near the top of the text."""
    found: list[tuple[bool, DateMention]] = []
    seen = 0
    for line in split_lines(text):
        if not line.text.strip() or line.index == title_line_index:
            continue
        seen += 1
        if seen > LABELLED_LINES:
            break
        mention = _line_date(line, header=seen <= HEADER_LINES)
        if mention is not None:
            found.append((is_updated(line.text), mention))
    return found


def _pinned(mention: DateMention) -> bool:
    return mention.granularity == "day" and not mention.relative and mention.value is not None


def publication_mention(text: str, title_line_index: int | None = None) -> DateMention | None:
    """The date line that gives the document's own date, as `publication_date` picks it."""
    candidates = _candidates(text, title_line_index)
    own = [mention for updated, mention in candidates if not updated]
    if own:
        return next((m for m in own if _pinned(m)), None)
    return next((m for updated, m in candidates if updated and _pinned(m)), None)


def publication_date(text: str, title_line_index: int | None = None) -> date | None:
    """The document's own date of publication, when it states one.

    Read from a date line near the top (the first ~12 non-empty lines, or a labelled
    "Date:"/"Published:" line further down) or an agency dateline ("CITY, Month D (Agency)
    -"). The line at `title_line_index`, the headline, is never read as one. A date line
    without a year, or giving only a month, pins nothing down and gives None; a range gives
    its first day; a "Last updated" line counts only when no other date line is given.
    """
    mention = publication_mention(text, title_line_index)
    return mention.value if mention is not None else None
