"""Capitalised chunks: runs of capitalised words joined by the small words that names of
institutions and places use ("of the", "for", "and", "under"). Every proper name in the text
lies inside one; gazetteer look-ups and name patterns work on their sub-spans."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

import regex

from accord.extraction import folded
from accord.extraction.sentences import ABBREVIATIONS

CONNECTORS = frozenset({
    "of", "the", "and", "for", "on", "in", "under", "de", "du", "la", "al", "el", "to", "at",
    "against", "with", "&", "del", "da", "do", "dos", "das",
})  # fmt: skip
# What may stand between the words of one name: a space, a hyphen, and the possessive of
# "People's Republic" (other possessives begin a new name: "India's Border Security Force").
_JOINERS = regex.compile(r"[ \t]+|-")
_JOINED_POSSESSIVES = frozenset({"People", "Peoples", "Workers"})


class _Classes(NamedTuple):
    """The character classes the patterns below are written in."""

    letter: str
    mark: str
    capital: str
    small: str  # a letter that is not a capital
    digit: str


_UNICODE = _Classes(r"\p{L}", r"\p{M}", r"\p{Lu}", r"\p{Ll}\p{Lt}\p{Lm}\p{Lo}", r"\d")
# The same classes in the class-folded text (accord.extraction.folded: no literal of the
# patterns is a stand-in).
_FOLDED = _Classes(
    folded.LETTER_CLASS,
    folded.MARK_CLASS,
    folded.CAPITAL_CLASS,
    folded.LOWER_CLASS + folded.OTHER_LETTER,
    folded.DIGIT_CLASS,
)


def _word(c: _Classes) -> str:
    """_WORD."""
    letter, letters = f"[{c.letter}]", f"[{c.letter}{c.mark}]"
    return rf"{letter}{letters}*(?:['’.\-]{letter}{letters}*)*\.?|[{c.digit}]+(?:[.,][{c.digit}]+)*"


_WORD = regex.compile(_word(_UNICODE))


# One _WORD token each, read as _WORD reads it (atomic, so never cut shorter): one that does
# not begin with a capital and has no hyphen (a digit run too), and of those one that is a
# run-breaker (_breaker): no connector, no possessive.
def _lower(c: _Classes) -> str:
    letter, letters = f"[{c.letter}]", f"[{c.letter}{c.mark}]"
    return (
        rf"(?>(?![{c.capital}]|[dl]['’][{c.capital}]){letter}{letters}*+(?:['’.]{letter}{letters}*+)*+(?!-{letter})\.?"
        rf"|[{c.digit}]++(?:[.,][{c.digit}]++)*+)"
    )


_CONNECTOR = "|".join(sorted((c for c in CONNECTORS if c.isalpha()), key=len, reverse=True))


# Where a stretch of words that chunks() need not see one by one begins: a run-breaker,
# looked at first for a letter that is not a capital, or a digit (so that a capitalised word
# is not tried against the connectors).
def _stretch(c: _Classes) -> str:
    breaker = (
        rf"(?!(?:{_CONNECTOR})(?![{c.letter}{c.mark}]|['’.\-][{c.letter}]))"
        rf"(?>{_lower(c)}(?<!['’]s))"
    )
    return rf"(?=[{c.small}{c.digit}]){breaker}"


# A stretch: the breaker, then lowercase words, with whatever is between them.
def _stretch_run(c: _Classes) -> str:
    return rf"(?P<stretch>{_stretch(c)}(?:[^{c.letter}{c.digit}]*+{_lower(c)})*+)"


# A stretch, else one word as _WORD reads it.
_TOKENS = regex.compile(rf"{_stretch_run(_UNICODE)}|(?:{_WORD.pattern})")
# A stretch, else a segment: the words up to the next stretch, with what is between them.
# Stdlib re over the class-folded text: about three times as fast as regex's \p classes.
_SEGMENTS = re.compile(
    rf"{_stretch_run(_FOLDED)}"
    rf"|(?>{_word(_FOLDED)})(?:[^{_FOLDED.letter}{_FOLDED.digit}]*+"
    rf"(?!{_stretch(_FOLDED)})(?>{_word(_FOLDED)}))*+"
)


class Word(NamedTuple):
    text: str
    start: int
    end: int
    # Capitalised, or an Arabic article before a capital ("al-Qaeda", "ash-Shabaab"). Set once
    # by words(): every chunk and body rule asks it.
    capitalised: bool


def words(text: str) -> list[Word]:
    return list(_every(text))


def _every(text: str) -> Iterator[Word]:
    for match in _WORD.finditer(text):
        word = match.group()
        end = match.end()
        if word[-1] in "s.":  # most words need neither the possessive nor the full stop taken off
            word, end = _trimmed(word, end)
            bare = word.rstrip(".")
        else:
            bare = word
        capitalised = bare[:1].isupper() or _articled(bare)
        yield Word(bare, match.start(), end, capitalised)


@lru_cache(maxsize=65536)  # the same words recur within and across documents
def _reading(word: str) -> tuple[str, int, bool] | None:
    """A word's Word, as its text, how many characters come off its end, and whether it is
    capitalised; None for a run-breaker."""
    if _breaker(word):
        return None
    end = len(word)
    if word[-1] in "s.":
        trimmed, end = _trimmed(word, end)
        bare = trimmed.rstrip(".")
    else:
        bare = word
    capitalised = bare[:1].isupper() or _articled(bare)
    return bare, len(word) - end, capitalised


def _articled(word: str) -> bool:
    """An article before a capital: Arabic ("al-Qaeda", "ash-Shabaab"), or French and Italian
    elided ("d'Ivoire" of "Côte d'Ivoire", "l'Intérieur")."""
    if "-" in word:
        return _ARTICLE.match(word) is not None
    return len(word) > 2 and word[0] in "dl" and word[1] in "'’" and word[2].isupper()


def _breaker(word: str) -> bool:
    """Whether the word's Word would be neither capitalised nor a connector, told without
    making it: lowercase (or a number), no hyphen (no "al-" article), and no connector once a
    full stop is taken off; a possessive is left to the full reading."""
    if word[0].isupper() or "-" in word or _articled(word):
        return False
    last = word[-1]
    if last == ".":
        return word.rstrip(".") not in CONNECTORS
    if last == "s" and word.endswith(("'s", "’s")):
        return False
    return word not in CONNECTORS


def _trimmed(word: str, end: int) -> tuple[str, int]:
    """The word without a possessive "'s", and where it ends: before a full stop that is not
    part of an initial or abbreviation."""
    for suffix in ("'s", "’s"):
        if word.endswith(suffix) and len(word) > 3:
            word, end = word[: -len(suffix)], end - len(suffix)
    return word, end - (1 if word.endswith(".") and not _initialish(word) else 0)


_ARTICLE = regex.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|wal)-\p{Lu}")
_OPENERS = frozenset({"The", "A", "An", "In", "On", "It", "This", "He", "She", "They", "We"})


def _joined(text: str, previous: Word, word: Word) -> bool:
    between = text[previous.end : word.start]
    if between != " " and _JOINERS.fullmatch(between) is None:
        possessive = between[:2] in ("'s", "’s") and _JOINERS.fullmatch(between[2:]) is not None
        return possessive and previous.text in _JOINED_POSSESSIVES
    return not _sentence_end(text, previous, word)


def _sentence_end(text: str, word: Word, following: Word) -> bool:
    """A full stop after a word that is not an initial or abbreviation ends the sentence, and so
    does one before a word that opens sentences."""
    if text[word.end - 1 : word.end] == "." and following.text in _OPENERS:
        return True  # "… of the EU. The European Commission …"
    return text[word.end : word.end + 1] == "."  # left out of the word: it abbreviates nothing


_ABBREVIATED = frozenset(ABBREVIATIONS)


def _initialish(word: str) -> bool:
    """Whether the full stop that ends the word closes an initial ("N.", "Yu."), a dotted
    abbreviation ("U.S.") or an abbreviated word ("Gen."), not a sentence ("the Sulu Sea.")."""
    bare = word[:-1]
    return (
        word.count(".") > 1
        or bare in _ABBREVIATED
        or (bare[:1].isupper() and (len(bare) == 1 or (len(bare) == 2 and bare[1].islower())))
    )


def chunks(text: str, all_words: list[Word] | None = None) -> Iterator[list[Word]]:
    """Maximal runs of capitalised words and connectors, starting and ending capitalised."""
    if all_words is None:
        yield from chunks_in(text, 0, len(text))
        return
    run: list[Word] = []
    for word in all_words:
        if word.capitalised or (run and word.text in CONNECTORS):
            if run and not _joined(text, run[-1], word):
                yield from _close(run)
                run = []
            if word.capitalised or run:
                run.append(word)
        elif run:
            yield from _close(run)
            run = []
    yield from _close(run)


def segments(text: str) -> Iterator[tuple[int, int]]:
    """Where the runs of chunks() lie: the spans between stretches of words that no run holds.
    Every run lies in one, and the runs of a segment are those of its text alone
    (chunks(text) is the runs of chunks_in(text, start, end) over the segments)."""
    for match in _SEGMENTS.finditer(folded.class_folded(text)):
        if match.lastgroup != "stretch":
            yield match.span()


def chunks_in(text: str, start: int, end: int) -> Iterator[list[Word]]:
    """The runs of chunks(text) in text[start:end], the span of a segment or of the whole
    text: chunks(text, words(text)), with the words read as they come and only those that
    may be in a run made. A stretch of words that cannot (a run-breaker and the lowercase
    words after it, connectors too, since no run is open after a breaker) is one match that
    ends the run, and so does any word that is neither capitalised nor joins an open run."""
    run: list[Word] = []
    for match in _TOKENS.finditer(text, start, end):
        reading = None if match.lastgroup == "stretch" else _reading(match.group())
        if reading is not None and (reading[2] or (run and reading[0] in CONNECTORS)):
            bare, cut, capitalised = reading
            word = Word(bare, match.start(), match.end() - cut, capitalised)
            if run and not _joined(text, run[-1], word):
                yield from _close(run)
                run = []
            if capitalised or run:
                run.append(word)
        elif run:
            yield from _close(run)
            run = []
    yield from _close(run)


def _close(run: list[Word]) -> Iterator[list[Word]]:
    while run and not run[-1].capitalised:
        run = run[:-1]
    if run:
        yield run


def sub_spans(run: list[Word], longest: int = 12) -> Iterator[tuple[int, int]]:
    """(i, j) word ranges inside a run that start and end with a capitalised word, longest
    first."""
    size = len(run)
    for length in range(min(size, longest), 0, -1):
        for i in range(0, size - length + 1):
            j = i + length
            if run[i].capitalised and run[j - 1].capitalised:
                yield i, j
