"""The words and regular-expression pieces date expressions are built from (English)."""

from __future__ import annotations

from datetime import date, timedelta

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

SP = r"[^\S\n]"  # a space that stays on its line: no date spans two lines
_FULL_NAMES = "|".join(list(MONTHS)[:12])
_SHORT_NAMES = "|".join(sorted(list(MONTHS)[12:], key=len, reverse=True))
# An abbreviation may take a full stop ("Sep."); a full name may not, so that the full stop
# closing "in March." is not part of the date.
MONTH = rf"(?:(?:{_FULL_NAMES})|(?:{_SHORT_NAMES})\.?)(?![a-z])"
WEEKDAY = rf"(?:{'|'.join(WEEKDAYS)})(?![a-z])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d])"
NUMBER = rf"(?:\d{{1,2}}|{'|'.join(NUMBER_WORDS)})"


def month_number(word: str) -> int:
    """The month a month name or abbreviation names ("Sep." -> 9)."""
    return MONTHS[word.lower().rstrip(".")]


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the three numbers name no day (31 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` after (or before) the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def weekday_near(anchor: date, weekday: int, direction: str) -> date:
    """The `weekday` nearest `anchor`: "on-or-before", "before" (strictly) or "after"."""
    back = (anchor.weekday() - weekday) % 7
    if direction == "on-or-before":
        return anchor - timedelta(days=back)
    if direction == "before":
        return anchor - timedelta(days=back or 7)
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)


def is_capitalised(word: str) -> bool:
    """Whether a word starts with a capital: month names in running text must, so that the
    verbs "may" and "march" are not read as months."""
    return word[:1].isupper()
