"""Texts folded to character classes, so that a pattern written in Unicode classes (regex's
\\p{Lu}, \\p{L}, \\p{M}, \\d) can run as stdlib ``re`` over ASCII classes, about three times as
fast on this genre's text.

Every non-ASCII character but "’" is replaced by one that stands for its class: a capital
"X", a lowercase letter "z", another letter (titlecase, modifier, other) "ª", a mark U+0300, a
digit "0", anything else "#". The folded text has the same length; a pattern whose literals
are none of those stand-ins (or "’" only) matches it where the Unicode-class pattern matches
the text itself, with the same spans. ASCII characters and "’" are kept. Other classes (\\s,
\\w) are not kept: non-ASCII white space, for one, is folded to "#".
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

CAPITAL, LOWER, OTHER_LETTER, MARK, DIGIT, OTHER = "X", "z", "ª", "\u0300", "0", "#"
# The classes, as they read in a class-folded text.
LETTER_CLASS = f"A-Za-z{OTHER_LETTER}"  # \p{L}
CAPITAL_CLASS = "A-Z"  # \p{Lu}
LOWER_CLASS = "a-z"  # \p{Ll}
MARK_CLASS = MARK  # \p{M}
DIGIT_CLASS = "0-9"  # \d

_FOLDED = re.compile(r"[^\x00-\x7f’]")
_CLASSES = regex.compile(r"(\p{Lu})|(\p{Ll})|(\p{L})|(\p{M})|(\d)")
_STAND_INS = (CAPITAL, LOWER, OTHER_LETTER, MARK, DIGIT)
_FEW = 32  # distinct non-ASCII characters up to which replacing each beats translating


def class_folded(text: str) -> str:
    """The text with each non-ASCII character but "’" replaced by its class's stand-in."""
    if text.isascii():
        return text
    chars = set(_FOLDED.findall(text))
    if len(chars) > _FEW:  # one pass, however many distinct characters (a CJK text)
        return text.translate({ord(char): _stand_in(char) for char in chars})
    for char in chars:  # a pass each, but each pass at C speed: the usual few (’, “, é)
        text = text.replace(char, _stand_in(char))
    return text


@lru_cache(maxsize=4096)  # the few non-ASCII characters of a text recur across texts
def _stand_in(char: str) -> str:
    found = _CLASSES.fullmatch(char)
    if found is None or found.lastindex is None:
        return OTHER
    return _STAND_INS[found.lastindex - 1]
