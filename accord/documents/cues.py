"""Cheap tests for the words a pattern needs, so that a costly regular expression only runs
over the lines that may hold a match.

The tests read the text folded to lower case, with the few non-ASCII letters that
case-insensitive matching (``re`` and ``regex``) takes for an ASCII letter folded to it
("İ", "ı", "ſ", the Kelvin sign). So a literal that a case-insensitive match contains is
always found in the folded text at the same offsets: a test may let through a line without
a match, never hold back one with a match. Folding keeps every offset (no letter that
``str.lower`` would lengthen is left).
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Any, Protocol, TypeVar

_SPECIAL = "\u0130\u0131\u017f\u212a"
_FOLD = str.maketrans(dict(zip(_SPECIAL, "iisk", strict=True)))

_M = TypeVar("_M", covariant=True)
Cue = tuple[str, ...]  # lower-case literals, one of which a match contains


def fold(text: str) -> str:
    """Lower case, offsets kept, with every letter that matches an ASCII letter regardless of
    case folded to it."""
    if text.isascii() or not any(letter in text for letter in _SPECIAL):
        return text.lower()
    return text.translate(_FOLD).lower()


def present(folded: str, cue: Cue, start: int = 0, end: int | None = None) -> bool:
    """Whether one of the cue's literals occurs in folded[start:end]."""
    stop = len(folded) if end is None else end
    return any(folded.find(word, start, stop) >= 0 for word in cue)


class Present:
    """Which parts of a text (its sentences, say) hold the literals of a cue, found with one
    search of the whole text per literal, so that a pattern is only run over those parts."""

    def __init__(self, text: str, parts: Sequence[tuple[int, int]]) -> None:
        self.folded = fold(text)
        self._parts = parts
        self._starts = [start for start, _ in parts]
        self._holding: dict[Cue, set[int]] = {}

    def holds(self, cue: Cue | None, part: int) -> bool:
        """Whether parts[part] holds a literal of the cue (None: no cue, always)."""
        if cue is None:
            return True
        holding = self._holding.get(cue)
        if holding is None:
            holding = self._holding[cue] = self._find(cue)
        return part in holding

    def _find(self, cue: Cue) -> set[int]:
        holding = set()
        for word in cue:
            at = self.folded.find(word)
            while at >= 0:
                part = bisect_right(self._starts, at) - 1
                if part >= 0 and at + len(word) <= self._parts[part][1]:
                    holding.add(part)
                at = self.folded.find(word, at + 1)
        return holding


class _Finder(Protocol[_M]):
    def finditer(self, string: str, pos: int, endpos: int) -> Iterator[_M]: ...


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    spans = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


class Lines:
    """The lines of a text, with the cues each holds. For patterns whose matches never span
    a line break: a match lies on a line that holds every cue of the pattern."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = line_spans(text)
        self.present = Present(text, self.spans)

    def finditer(self, pattern: _Finder[_M], cues: tuple[Cue, ...]) -> Iterator[_M]:
        """pattern.finditer(text), for a pattern whose matches stay on one line and hold a
        literal of each cue. Each line is searched up to and with its line break, so that
        look-arounds see what they would see in the whole text."""
        size = len(self.text)
        holds = self.present.holds
        for index, (start, end) in enumerate(self.spans):
            if all(holds(cue, index) for cue in cues):
                yield from pattern.finditer(self.text, start, min(size, end + 1))


# --- the literals a pattern's matches hold ----------------------------------------------------
# Read from the parse tree of Python's own `re` (`regex` syntax that `re` lacks, the
# `\p{...}` classes, is read as a class). Anything unexpected gives None: no cue, the pattern
# always runs; so a change in that private parser may cost speed, never a match.
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})
_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}")
_SHORTEST = 3  # a cue of shorter literals would let nearly every text through


def cue_of(pattern: str, flags: int = 0) -> Cue | None:
    """Lower-case literals one of which every match of `pattern` holds, or None."""
    try:
        parser: Any = importlib.import_module("re._parser")
        parsed = parser.parse(_PROPERTY.sub(r"\\w", pattern), flags & re.VERBOSE)
        found = _sequence(list(parsed.data))
    except Exception:  # see above: no cue is always safe
        return None
    return found if found and min(map(len, found)) >= _SHORTEST else None


def _sequence(items: list[tuple[Any, Any]]) -> Cue | None:
    """The most selective cue of a sequence of parse items, each of which a match holds."""
    found: list[Cue] = []
    run = ""
    for op, value in items:
        name = str(op)
        if name == "LITERAL" and chr(value).isascii():
            run += chr(value).lower()
            continue
        if name in _ZERO_WIDTH:
            continue  # a look-around or anchor consumes nothing: the run goes on
        if run:
            found.append((run,))
            run = ""
        inner = _item(name, value)
        if inner:
            found.append(inner)
    if run:
        found.append((run,))
    return max(found, key=lambda cue: (min(map(len, cue)), -len(cue)), default=None)


def _item(name: str, value: Any) -> Cue | None:
    if name == "SUBPATTERN":
        return _sequence(list(value[-1].data))
    if name in _REPEATS and value[0] >= 1:
        return _sequence(list(value[2].data))
    if name == "BRANCH":
        branches = [_sequence(list(branch.data)) for branch in value[1]]
        if all(branches):
            return tuple(dict.fromkeys(word for cue in branches if cue for word in cue))
    return None
