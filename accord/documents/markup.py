"""Linear-time clean-up of HTML before any parser sees it.

Parsers are quadratic on some inputs: trafilatura on a page of thousands of scripts, the
standard-library parser on thousands of start tags that never close ("<a <a <a ..."). Both
passes here touch each character a bounded number of times.
"""

from __future__ import annotations

import re

_RAW_OPEN = re.compile(r"<(?:(?P<tag>script|style)\b|!--)", re.IGNORECASE)
# A "<" with no ">" before the next "<": not a tag, whatever follows it. The lookahead stops
# at the next "<", so the scans never overlap.
_STRAY_LT = re.compile(r"<(?![^<>]*>)")


def _element_end(markup: str, lowered: str, opening: re.Match[str]) -> tuple[int, bool]:
    """Where the script, style or comment `opening` starts ends (the text length if never),
    and whether it is a JSON-LD script (kept: it carries the publication date)."""
    if not opening["tag"]:
        close = lowered.find("-->", opening.end())
        return (len(markup), False) if close < 0 else (close + 3, False)
    tag_end = markup.find(">", opening.end())
    if tag_end < 0:
        return len(markup), False
    json_ld = "ld+json" in lowered[opening.end() : tag_end]
    close = lowered.find(f"</{opening['tag'].lower()}", tag_end)
    if close < 0:
        return len(markup), False
    end = markup.find(">", close)
    return (len(markup) if end < 0 else end + 1), json_ld


def drop_scripts(markup: str) -> str:
    """The markup without scripts, styles and comments (an unclosed one runs to the end)."""
    lowered = markup.lower()
    kept: list[str] = []
    position = 0
    while (opening := _RAW_OPEN.search(markup, position)) is not None:
        end, keep = _element_end(markup, lowered, opening)
        kept.append(markup[position : end if keep else opening.start()])
        position = end
    kept.append(markup[position:])
    return "".join(kept)


def escape_stray_brackets(markup: str) -> str:
    """Every "<" that cannot open a tag written as "&lt;", so a parser reads it as text."""
    return _STRAY_LT.sub("&lt;", markup)
