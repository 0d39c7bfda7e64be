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
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Any, Protocol, TypeVar

import ahocorasick

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


class Vocabulary:
    """The literals of a set of cues. Every vocabulary's literals go into one Aho-Corasick
    automaton: one pass over a text finds every place of every literal, for all the
    vocabularies that ask about the text (dates, topics, initiatives, meetings), where one
    str.find per literal would read it again each."""

    def __init__(self, cues: Iterable[Cue | None]) -> None:
        self.words = frozenset(word for cue in cues if cue for word in cue)
        _Literals.every |= self.words

    def places(self, folded: str) -> dict[str, list[int]]:
        """Where each literal begins in the folded text, in order (the dictionary may hold
        other vocabularies' literals too; it is shared, not to be changed)."""
        if not self.words:
            return {}
        return _places(folded, _Literals.every)


class _Literals:
    every: frozenset[str] = frozenset()  # of every vocabulary made


@lru_cache(maxsize=1)  # the stages of one extraction ask about the same text in turn
def _places(folded: str, words: frozenset[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for end, (word, back) in _automaton(words).iter(folded):
        found.setdefault(word, []).append(end - back)
    return found


@lru_cache(maxsize=1)  # made again only when a vocabulary brings new literals
def _automaton(words: frozenset[str]) -> Any:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, (word, len(word) - 1))
    automaton.make_automaton()
    return automaton


class Present:
    """Which parts of a text (its sentences, say) hold the literals of a cue, found once for
    the whole text (with the vocabulary given, in one pass), so that a pattern is only run
    over those parts."""

    def __init__(
        self, text: str, parts: Sequence[tuple[int, int]], vocabulary: Vocabulary | None = None
    ) -> None:
        self.folded = fold(text)
        self._parts = parts
        self._starts = [start for start, _ in parts]
        self._holding: dict[Cue, set[int]] = {}
        self._starts_of: dict[Cue, list[int]] = {}
        self._vocabulary = vocabulary
        self._places = vocabulary.places(self.folded) if vocabulary else {}

    def has(self, cue: Cue) -> bool:
        """Whether the whole text holds a literal of the cue."""
        if self._vocabulary is not None and self._vocabulary.words.issuperset(cue):
            return not self._places.keys().isdisjoint(cue)  # the pass found each one there is
        return any(self._where(word) for word in cue)

    def found(self) -> AbstractSet[str]:
        """Literals the text holds: all of the vocabulary given (and maybe others). has(cue),
        for a cue of that vocabulary, is whether one of its literals is among them."""
        return self._places.keys() if self._vocabulary is not None else frozenset()

    def holds(self, cue: Cue | None, part: int) -> bool:
        """Whether parts[part] holds a literal of the cue (None: no cue, always)."""
        return cue is None or part in self.holding(cue)

    def holding(self, cue: Cue) -> set[int]:
        """The numbers of the parts that hold a literal of the cue."""
        holding = self._holding.get(cue)
        if holding is None:
            holding = self._holding[cue] = self._find(cue)
        return holding

    def starts(self, cue: Cue) -> list[int]:
        """Where the literals of the cue begin in the whole text, in order."""
        found = self._starts_of.get(cue)
        if found is None:
            places = [self._where(word) for word in cue]
            found = places[0] if len(places) == 1 else sorted({p for at in places for p in at})
            self._starts_of[cue] = found
        return found

    def starts_in(self, cue: Cue, part: int) -> list[int]:
        """Where the literals of the cue begin in parts[part], from the part's start."""
        start, end = self._parts[part]
        every = self.starts(cue)
        return [at - start for at in every[bisect_left(every, start) : bisect_left(every, end)]]

    def _where(self, word: str) -> list[int]:
        if self._vocabulary is not None and word in self._vocabulary.words:
            return self._places.get(word, [])
        found = []
        at = self.folded.find(word)
        while at >= 0:
            found.append(at)
            at = self.folded.find(word, at + 1)
        return found

    def _find(self, cue: Cue) -> set[int]:
        holding = set()
        for word in cue:
            for at in self._where(word):
                part = bisect_right(self._starts, at) - 1
                if part >= 0 and at + len(word) <= self._parts[part][1]:
                    holding.add(part)
        return holding


class _Finder(Protocol[_M]):
    def finditer(self, string: str, pos: int, endpos: int) -> Iterator[_M]: ...


class _Matcher(Protocol[_M]):
    def match(self, string: str, pos: int) -> _M | None: ...


def finditer_at(pattern: _Matcher[_M], text: str, starts: Sequence[int]) -> Iterator[_M]:
    """pattern.finditer(text), for a pattern whose every match begins at one of `starts`
    (sorted): a match is tried at each start, leftmost first, and the next after its end, as
    finditer does. Each match is at least one character long (it begins with a literal)."""
    end = 0
    for start in starts:
        if start >= end:
            found = pattern.match(text, start)
            if found is not None:
                yield found
                end = found.end()  # type: ignore[attr-defined]


class _Searcher(_Finder[_M], _Matcher[_M], Protocol[_M]):
    pass


_MANY_STARTS = 200  # past so many places to try, scanning the lines is cheaper


def _word_before(text: str, at: int) -> int:
    """Where the word (a run of \\w) before `at` begins, past the spaces and hyphens between."""
    while at > 0 and (text[at - 1] == "-" or (text[at - 1].isspace() and text[at - 1] != "\n")):
        at -= 1
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_"):
        at -= 1
    return at


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

    def __init__(self, text: str, vocabulary: Vocabulary | None = None) -> None:
        self.text = text
        self.spans = line_spans(text)
        self.present = Present(text, self.spans, vocabulary)

    def matches(
        self, pattern: _Searcher[_M], cues: tuple[Cue, ...], first: Cue | None = None
    ) -> Iterator[_M]:
        """finditer() below; and when `first` holds literals one of which every match begins
        with, and they are not too often in the text, the pattern is only tried where they
        are (finditer_at)."""
        if first is not None:
            starts = self.present.starts(first)
            if len(starts) <= _MANY_STARTS:
                return finditer_at(pattern, self.text, starts)
        return self.finditer(pattern, cues)

    def after_words(
        self, pattern: _Searcher[_M], cues: tuple[Cue, ...], cue: Cue, words: int
    ) -> Iterator[_M]:
        """finditer() below, for a pattern whose every match begins with one of the `words`
        words that stand before a literal of `cue`, parted from it and from each other by
        spaces (not line breaks) and hyphens only ("in March", "mid-March", "the year 2020"):
        the pattern is only tried where those words begin."""
        starts: set[int] = set()
        for at in self.present.starts(cue):
            for _ in range(words):
                at = _word_before(self.text, at)
                starts.add(at)
        if len(starts) > _MANY_STARTS:
            return self.finditer(pattern, cues)
        return finditer_at(pattern, self.text, sorted(starts))

    def finditer(self, pattern: _Finder[_M], cues: tuple[Cue, ...]) -> Iterator[_M]:
        """pattern.finditer(text), for a pattern whose matches stay on one line and hold a
        literal of each cue. Each line is searched up to and with its line break, so that
        look-arounds see what they would see in the whole text."""
        size = len(self.text)
        if not cues:
            yield from pattern.finditer(self.text, 0, size)
            return
        lines = set.intersection(*(self.present.holding(cue) for cue in cues))
        for index in sorted(lines):
            start, end = self.spans[index]
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


def prefix_cue_of(pattern: str, flags: int = 0) -> Cue | None:
    """Lower-case literals one of which every match of `pattern` begins with, or None."""
    try:
        parser: Any = importlib.import_module("re._parser")
        parsed = parser.parse(_PROPERTY.sub(r"\\w", pattern), flags & re.VERBOSE)
        return _prefix(list(parsed.data))
    except Exception:  # see above: no cue is always safe
        return None


def _prefix(items: list[tuple[Any, Any]]) -> Cue | None:
    """The literals one of which a sequence of parse items begins with (after zero-width
    items such as \\b)."""
    run = ""
    for op, value in items:
        name = str(op)
        if name == "LITERAL" and chr(value).isascii():
            run += chr(value).lower()
            continue
        if name in _ZERO_WIDTH and not run:
            continue
        following = _item_prefix(name, value) if name not in _ZERO_WIDTH else None
        if run:  # "a(?:viation|irport)": the literals go on into the group
            return tuple(run + word for word in following) if following else (run,)
        return following
    return (run,) if run else None


def _item_prefix(name: str, value: Any) -> Cue | None:
    return _inner(name, value, _prefix)


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
    return _inner(name, value, _sequence)


def _inner(
    name: str, value: Any, read: Callable[[list[tuple[Any, Any]]], Cue | None]
) -> Cue | None:
    """What `read` finds inside a group, a repeat taken at least once, or a branch whose
    every alternative gives a cue."""
    if name == "SUBPATTERN":
        return read(list(value[-1].data))
    if name in _REPEATS and value[0] >= 1:
        return read(list(value[2].data))
    if name == "BRANCH":
        branches = [read(list(branch.data)) for branch in value[1]]
        if all(branches):
            return tuple(dict.fromkeys(word for cue in branches if cue for word in cue))
    return None
