"""Sentences with their character spans.

A full stop, question or exclamation mark ends a sentence when white space and a capital (or
a quotation mark, bracket or digit) follow, unless it closes an abbreviation, an initial or a
title ("Mr.", "N.", "U.S.", "Lt.Gen."); a line break always ends one (headlines, datelines,
transcript turns). A regular expression does this in one pass: spaCy's tokenizer, which the
first version used, cost a quarter of extraction's time for the same result."""

from __future__ import annotations

import regex

from accord.extraction.findings import Span

_ABBREVIATIONS = (
    r"Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Maj|Capt|Adm|Brig|Sgt|Insp|Hon|Rev|St|Sr|Jr|No|Nos|Art|"
    r"Vol|Fig|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|etc|approx|vs|cf|e\.g|i\.e|"
    r"U\.S|U\.K|U\.N|E\.U|H\.E|Smt|Ph\.D|Co|Inc|Ltd|Dept|Govt|Min|Amb"
)
# Every boundary begins with white space: the look-ahead first spares the look-behinds
# everywhere else.
_BOUNDARY = regex.compile(
    rf"(?=[ \t\n])(?:(?<=[.!?][\"'”’)\]]?)(?<!\b(?:{_ABBREVIATIONS})\.)(?<!\b\p{{Lu}}\p{{Ll}}?\.)"
    rf"[ \t]+(?=[\p{{Lu}}\d\"“‘'(\[])|[ \t]*\n\s*)"
)


def sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        _add(text, start, boundary.start(), spans)
        start = boundary.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
