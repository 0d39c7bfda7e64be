"""Hard-wrapped text back into paragraphs. Text pulled from many PDFs ends every printed line
with a line break, also inside paragraphs. Extraction reads a line break as the end of a
heading, a dateline or a list item, so a name or a sentence cut by the wrap is lost. Pure.

A page is unwrapped only when it looks printed: many of its lines are about one width (the
width of the page's long lines, at least `MIN_WIDTH` and at most `MAX_WIDTH` characters). A
text whose paragraphs are one line each does not look printed, and it is left as it is. Inside
a wrapped page, a line break is kept when:

- a blank line is on either side of it (a paragraph break);
- the next line is a list item ("•", "-", "1.", "(a)") or is indented more than this one;
- this line is a heading written in capitals;
- the next line does not start in lower case, and this line is short: under `SHORT` of the
  width, or under `SENTENCE_SHORT` when it ends a sentence. This is the end of a paragraph,
  a heading or a dateline.

Every other line break is joined with a space. A line that ends in a hyphen after a letter is
joined with no space: the hyphen is dropped before a lower-case letter, where it split a word
("secur-" + "ity"), and kept before anything else ("Kazakh-" + "Kyrgyz", "2021-" + "2025").
"""

from __future__ import annotations

import re
from itertools import pairwise

MIN_WIDTH = 40  # narrower than this, lines are headings, lists or a table, not print
MAX_WIDTH = 150  # wider than this, a line is a paragraph, not a printed line
SHORT = 0.7  # a line shorter than this share of the width ends where its paragraph ends
SENTENCE_SHORT = 0.85  # ... and so does one that ends a sentence and is shorter than this
_SENTENCE_END = frozenset('.!?:"”’)')
_ITEM = re.compile(r"[-–—•·*▪◦‣●○]\s|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s|\(\w{1,3}\)\s")
_DASH_END = re.compile(r"\S[-–—]$")  # a hyphen or dash right after a word


def unwrap_lines(text: str) -> str:
    """The text with its line breaks inside paragraphs joined (see the module docstring).
    Text that does not look hard-wrapped comes back unchanged."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    width = printed_width(lines)
    if width is None:
        return text
    out = [lines[0]]
    for previous, line in pairwise(lines):
        joint = _joint(previous, line, width)
        if joint is None:
            out.append(line)
        else:
            kept = out[-1][:-1] if joint == "-" else out[-1]
            out[-1] = kept + ("" if joint in ("-", "=") else " ") + line.lstrip()
    return "\n".join(out)


def printed_width(lines: list[str]) -> int | None:
    """The width of the page's printed lines, or None when the lines do not look printed:
    fewer than three of about that width, or fewer than two lines in five are."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if len(lengths) < 3:
        return None
    width = lengths[(len(lengths) - 1) * 9 // 10]  # the 90th percentile: one long line aside
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    full = sum(length >= SHORT * width for length in lengths)
    return width if full >= 3 and full * 5 >= len(lengths) * 2 else None


def _joint(previous: str, line: str, width: int) -> str | None:
    """How `previous` and the next `line` join: None (the break is kept), " " (a space),
    "-" (drop the hyphen, no space) or "=" (no space, keep the hyphen)."""
    before, after = previous.strip(), line.strip()
    if not before or not after or _ITEM.match(after):
        return None
    if _indent(line) > _indent(previous) and not _ITEM.match(before):
        return None
    if before.upper() == before and any(ch.isalpha() for ch in before):
        return None  # a heading in capitals
    if _DASH_END.search(before):  # a word cut by a hyphen, or a compound or range at the end
        split = before[-1] == "-" and before[-2].isalpha() and after[0].islower()
        return "-" if split else "="
    if after[0].islower():
        return " "
    short = SENTENCE_SHORT if before[-1] in _SENTENCE_END else SHORT
    return None if len(before) < short * width else " "


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())
