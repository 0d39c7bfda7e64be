"""Dates that only an anchor pins down: "today", "yesterday", "last year", "next month",
"two weeks ago", "on Friday", "last Monday".

A weekday on its own resolves to the most recent such day on or before the anchor (reports
are written after the fact; callers that know better may move it). "last Friday" is strictly
before the anchor and "next Friday" strictly after. Without an anchor every value is None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from accord.documents.calendar_words import (
    NUMBER,
    NUMBER_WORDS,
    SP,
    WEEKDAY,
    WEEKDAYS,
    add_months,
    is_capitalised,
    weekday_near,
)
from accord.documents.cues import Cue, Lines
from accord.documents.model import DateMention, Granularity

Finder = Callable[[re.Match[str], date | None], DateMention | None]

_FLAGS = re.IGNORECASE | re.VERBOSE

DAY_WORD = re.compile(
    rf"\b(?:the{SP}+day{SP}+(?P<shift>before|after){SP}+)?(?P<word>today|tonight|yesterday|tomorrow)\b",
    _FLAGS,
)
WORD_BEFORE = re.compile(rf"(?P<word>[A-Z][\w'\u2019.-]*){SP}+$")
# Capitalised words that may open a sentence before a date word; any other capitalised word
# makes it part of a name ("Kazakhstan Today", "the Good Friday Agreement").
_OPENERS = frozenset(
    {"on", "by", "since", "until", "till", "from", "before", "after", "and", "or", "but",
     "every", "each", "that", "the", "of", "late", "early", "as", "so", "then"}
)  # fmt: skip
PERIOD = re.compile(rf"\b(?P<mod>this|current|last|next){SP}+(?P<unit>week|month|year)\b", _FLAGS)
AGO = re.compile(rf"\b(?P<n>{NUMBER}){SP}+(?P<unit>day|week|month|year)s?{SP}+ago\b", _FLAGS)
WEEKDAY_ALONE = re.compile(
    rf"(?:\b(?P<mod>last|next|this|past){SP}+)?(?<![\w-])(?P<wd>{WEEKDAY})", _FLAGS
)

_DAY_SHIFT = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_MOD_SHIFT = {"this": 0, "current": 0, "last": -1, "next": 1}


def _mention(
    match: re.Match[str],
    start: int,
    values: tuple[date | None, date | None],
    granularity: Granularity,
) -> DateMention:
    end = match.end()
    return DateMention(start, end, match.string[start:end], values[0], values[1], granularity, True)


def _in_a_name(text: str, start: int) -> bool:
    """Whether the capitalised word at `start` continues a name: "Kazakhstan Today",
    "Good Friday" (but not "On Friday")."""
    found = WORD_BEFORE.search(text, max(0, start - 40), start)
    return found is not None and found["word"].lower() not in _OPENERS


def _day_word(match: re.Match[str], anchor: date | None) -> DateMention | None:
    if is_capitalised(match["word"]) and _in_a_name(match.string, match.start()):
        return None
    if anchor is None:
        return _mention(match, match.start(), (None, None), "day")
    shift = _DAY_SHIFT[match["word"].lower()]
    shift += {"before": -1, "after": 1}.get((match["shift"] or "").lower(), 0)
    return _mention(match, match.start(), (anchor + timedelta(days=shift), None), "day")


def _shifted(anchor: date, unit: str, amount: int) -> tuple[tuple[date, date | None], Granularity]:
    """The period `amount` units from the anchor's own: a week is its Monday to Sunday."""
    if unit == "year":
        return (date(anchor.year + amount, 1, 1), None), "year"
    if unit == "month":
        return (add_months(anchor, amount), None), "month"
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=amount)
        return (monday, monday + timedelta(days=6)), "day"
    return (anchor + timedelta(days=amount), None), "day"


def _period(match: re.Match[str], anchor: date | None) -> DateMention:
    unit = match["unit"].lower()
    if anchor is None:
        granularity: Granularity = (
            "day" if unit == "week" else "year" if unit == "year" else "month"
        )
        return _mention(match, match.start(), (None, None), granularity)
    values, granularity = _shifted(anchor, unit, _MOD_SHIFT[match["mod"].lower()])
    return _mention(match, match.start(), values, granularity)


def _ago(match: re.Match[str], anchor: date | None) -> DateMention:
    unit, written = match["unit"].lower(), match["n"].lower()
    count = int(written) if written.isdigit() else NUMBER_WORDS[written]
    granularity: Granularity = "year" if unit == "year" else "month" if unit == "month" else "day"
    if anchor is None:
        return _mention(match, match.start(), (None, None), granularity)
    if unit == "year":
        return _mention(match, match.start(), (date(anchor.year - count, 1, 1), None), "year")
    if unit == "month":
        return _mention(match, match.start(), (add_months(anchor, -count), None), "month")
    days = count * 7 if unit == "week" else count
    return _mention(match, match.start(), (anchor - timedelta(days=days), None), "day")


def _weekday(match: re.Match[str], anchor: date | None) -> DateMention | None:
    modifier = (match["mod"] or "").lower()
    if not is_capitalised(match["wd"]) or (
        not modifier and _in_a_name(match.string, match.start())
    ):
        return None
    start = match.start("mod") if modifier in ("last", "next", "past") else match.start("wd")
    if anchor is None:
        return _mention(match, start, (None, None), "day")
    direction = {"last": "before", "past": "before", "next": "after"}.get(modifier, "on-or-before")
    value = weekday_near(anchor, WEEKDAYS[match["wd"].lower()], direction)
    return _mention(match, start, (value, None), "day")


# What every match of a pattern holds (no pattern matches across a line break): see
# absolute.FINDERS.
_DAY_WORDS: Cue = ("today", "tonight", "yesterday", "tomorrow")
_UNITS: Cue = ("week", "month", "year")
_WEEKDAY_NAMES: Cue = tuple(WEEKDAYS)
# And the literals one of which every match begins with, where they are few enough to try
# the pattern only there (see absolute.FINDERS).
FINDERS: tuple[tuple[re.Pattern[str], Finder, tuple[Cue, ...], Cue | None], ...] = (
    (DAY_WORD, _day_word, (_DAY_WORDS,), None),
    (PERIOD, _period, (_UNITS,), ("this", "current", "last", "next")),
    (AGO, _ago, (("ago",), ("day", "week", "month", "year")), None),
    (WEEKDAY_ALONE, _weekday, (_WEEKDAY_NAMES,), ("last", "next", "this", "past", *WEEKDAYS)),
)


def relative_mentions(
    text: str, anchor: date | None, lines: Lines | None = None
) -> Iterator[DateMention]:
    """Every relative-date candidate in `text`."""
    lines = lines or Lines(text)
    for pattern, finder, cues, first in FINDERS:
        for match in lines.matches(pattern, cues, first):
            mention = finder(match, anchor)
            if mention is not None:
                yield mention
