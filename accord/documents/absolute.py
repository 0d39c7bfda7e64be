"""Calendar dates written out: "07 october 2010", "March 21, 2024", "21.03.2024", "5-6 October",
"from 19 to 21 July", "in March 2025", "in 2023".

A date written without its year takes the anchor's year and counts as relative; without an
anchor its value is None. Each finder returns every candidate; `dates.find_dates` settles
overlaps.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date

from accord.documents.calendar_words import (
    DAY,
    MONTH,
    SP,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    is_capitalised,
    month_number,
    safe_date,
)
from accord.documents.cues import Cue, Lines
from accord.documents.model import DateMention, Granularity

_START = r"(?<![\w.:/-])"
# "and" joins a range only after "between": "5 October and 6 November" is two dates.
_RANGE = rf"{SP}*(?:[-\u2013\u2014]|to\b|until\b|till\b|through\b|(?(between)and\b|(?!))){SP}*"
_PLAIN_RANGE = rf"{SP}*(?:[-\u2013\u2014]|to\b|until\b|till\b|through\b){SP}*"
_OPEN = rf"(?:(?P<wd>{WEEKDAY}),?{SP}+(?:the{SP}+)?)?(?:from{SP}+|(?P<between>between){SP}+)?"
_FLAGS = re.IGNORECASE | re.VERBOSE

DAY_MONTH = re.compile(
    rf"""{_START}{_OPEN}
    (?P<d1>{DAY})(?:{SP}+(?:of{SP}+)?(?P<m1>{MONTH}),?)?
    (?:{_RANGE}(?P<d2>{DAY}))?
    {SP}+(?:of{SP}+)?(?P<m2>{MONTH})
    (?:,?{SP}+(?P<y>{YEAR}))?""",
    _FLAGS,
)
MONTH_DAY = re.compile(
    rf"""{_START}{_OPEN}
    (?P<m1>{MONTH}){SP}+(?P<d1>{DAY})
    (?:{_RANGE}(?:(?P<m2>{MONTH}){SP}+)?(?P<d2>{DAY}))?
    (?:,?{SP}+(?P<y>{YEAR}))?""",
    _FLAGS,
)
NUMERIC = re.compile(
    rf"{_START}(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{YEAR})(?![./-]\d)"
)
ISO = re.compile(
    rf"{_START}(?P<y>{YEAR})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?![\d.])"
)
MONTH_YEAR = re.compile(
    rf"{_START}(?P<m1>{MONTH})(?:{_PLAIN_RANGE}(?P<m2>{MONTH}))?,?{SP}+(?P<y>{YEAR})", _FLAGS
)
MONTH_ALONE = re.compile(
    rf"""(?:\b(?:in|during|since|until|till|by|before|after|from|early|late|mid|of){SP}+
    |\bmid-|(?P<mod>\b(?:last|next|this){SP}+))
    (?P<m1>{MONTH})(?!{SP}*,?{SP}*\d)""",
    _FLAGS,
)
YEAR_ONLY = re.compile(
    rf"""\b(?:in|during|since|until|till|by|before|after|from|throughout|for|early|late
    |mid|between|the{SP}+year)(?:{SP}|-)+(?P<y>{YEAR})(?:{_PLAIN_RANGE}(?P<y2>{YEAR}|\d\d(?!\d)))?""",
    _FLAGS,
)


def _mention(
    match: re.Match[str],
    start: int,
    values: tuple[date | None, date | None],
    granularity: Granularity,
    relative: bool,
) -> DateMention:
    end = match.end()
    return DateMention(
        start, end, match.string[start:end], values[0], values[1], granularity, relative
    )


def _year(written: str | None, anchor: date | None) -> int | None:
    if written:
        return int(written)
    return anchor.year if anchor else None


def _day_range(
    year: int | None, months: tuple[int, int], days: tuple[int, int | None]
) -> tuple[date | None, date | None] | None:
    """First and last day of a day range; None when a day does not exist."""
    if year is None:
        return (None, None)
    first = safe_date(year, months[0], days[0])
    last = safe_date(year, months[1], days[1]) if days[1] is not None else None
    if first is None or (days[1] is not None and last is None):
        return None
    if last is not None and first > last:  # "30 December - 2 January 2024"
        first = safe_date(year - 1, months[0], days[0])
    return (first, last)


def _day_number(text: str) -> int:
    return int(text.rstrip("stndrhSTNDRH"))


def _spelled(match: re.Match[str], anchor: date | None, month_first: bool) -> DateMention | None:
    """A date with its month spelled out, in either order, maybe a range."""
    first_word = match["m1"] if month_first else match["m1"] or match["m2"]
    last_word = (match["m2"] or match["m1"]) if month_first else match["m2"]
    if not match["y"] and not is_capitalised(last_word):
        return None  # "5 may be": without a year, only a capitalised month counts
    months = (month_number(first_word), month_number(last_word))
    days = (_day_number(match["d1"]), _day_number(match["d2"]) if match["d2"] else None)
    values = _day_range(_year(match["y"], anchor), months, days)
    if values is None:
        return None
    return _mention(match, match.start(), values, "day", not match["y"])


def _day_month(match: re.Match[str], anchor: date | None) -> DateMention | None:
    return _spelled(match, anchor, month_first=False)


def _month_day(match: re.Match[str], anchor: date | None) -> DateMention | None:
    return _spelled(match, anchor, month_first=True)


def _numeric(match: re.Match[str], anchor: date | None) -> DateMention | None:
    """21.03.2024 and 21-03-2024 are day first; 03/21/2024 is month first only when the
    second number cannot be a month."""
    day, month = int(match["a"]), int(match["b"])
    if match["sep"] == "/" and month > 12 >= day:
        day, month = month, day
    value = safe_date(int(match["y"]), month, day)
    return _mention(match, match.start(), (value, None), "day", False) if value else None


def _iso(match: re.Match[str], anchor: date | None) -> DateMention | None:
    value = safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return _mention(match, match.start(), (value, None), "day", False) if value else None


def _month_year(match: re.Match[str], anchor: date | None) -> DateMention | None:
    if not is_capitalised(match["m1"]):
        return None
    year = int(match["y"])
    first = date(year, month_number(match["m1"]), 1)
    last = date(year, month_number(match["m2"]), 1) if match["m2"] else None
    if last is not None and first > last:
        first = date(year - 1, first.month, 1)
    return _mention(match, match.start(), (first, last), "month", False)


def _month_alone(match: re.Match[str], anchor: date | None) -> DateMention | None:
    """'in March', 'last March', 'next May': the year comes from the anchor."""
    if not is_capitalised(match["m1"]):
        return None
    start = match.start("mod") if match["mod"] else match.start("m1")
    if anchor is None:
        return _mention(match, start, (None, None), "month", True)
    month = month_number(match["m1"])
    modifier = (match["mod"] or "").strip().lower()
    year = anchor.year
    if modifier == "last" and month >= anchor.month:
        year -= 1
    elif modifier == "next" and month <= anchor.month:
        year += 1
    return _mention(match, start, (date(year, month, 1), None), "month", True)


def _year_only(match: re.Match[str], anchor: date | None) -> DateMention | None:
    first = int(match["y"])
    last: int | None = None
    if match["y2"]:
        last = int(match["y2"]) if len(match["y2"]) == 4 else first // 100 * 100 + int(match["y2"])
        if last < first:
            return None
    end_value = date(last, 1, 1) if last else None
    return _mention(match, match.start("y"), (date(first, 1, 1), end_value), "year", False)


Finder = Callable[[re.Match[str], date | None], DateMention | None]

# What every match of a pattern holds: a month's name (each begins with its three letters) and
# a digit. No pattern matches across a line break (SP stays on its line), so a pattern only runs
# over the lines that hold its cues.
MONTH_CUE: Cue = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                  "dec")  # fmt: skip
DIGIT_CUE: Cue = tuple("0123456789")

# And the literals one of which every match begins with (after the look-behind): a weekday,
# "from" or "between" (the optional opening), else the day's digit or the month's name; the
# year's first two digits. A pattern with them is only tried where they are.
WEEKDAY_CUE: Cue = tuple(WEEKDAYS)
_OPENING: Cue = (*WEEKDAY_CUE, "from", "between")

FINDERS: tuple[tuple[re.Pattern[str], Finder, tuple[Cue, ...], Cue | None], ...] = (
    (DAY_MONTH, _day_month, (MONTH_CUE, DIGIT_CUE), (*_OPENING, *DIGIT_CUE)),
    (MONTH_DAY, _month_day, (MONTH_CUE, DIGIT_CUE), (*_OPENING, *MONTH_CUE)),
    (NUMERIC, _numeric, (DIGIT_CUE,), DIGIT_CUE),
    (ISO, _iso, (DIGIT_CUE,), ("18", "19", "20")),
    (MONTH_YEAR, _month_year, (MONTH_CUE, DIGIT_CUE), MONTH_CUE),
    (MONTH_ALONE, _month_alone, (MONTH_CUE,), None),
    (YEAR_ONLY, _year_only, (DIGIT_CUE,), None),
)


# Patterns whose matches begin with the word (or two: "the year") before a month's name or a
# year, with only spaces or a hyphen between: they are only tried where those words begin.
_WORDS_BEFORE: dict[re.Pattern[str], tuple[Cue, int]] = {
    MONTH_ALONE: (MONTH_CUE, 1),
    YEAR_ONLY: (("18", "19", "20"), 2),
}


def absolute_mentions(
    text: str, anchor: date | None, lines: Lines | None = None
) -> Iterator[DateMention]:
    """Every calendar-date candidate in `text`, overlapping ones included."""
    lines = lines or Lines(text)
    for pattern, finder, cues, first in FINDERS:
        before = _WORDS_BEFORE.get(pattern)
        if before is not None:
            matches = lines.after_words(pattern, cues, *before)
        else:
            matches = lines.matches(pattern, cues, first)
        for match in matches:
            mention = finder(match, anchor)
            if mention is not None:
                yield mention
