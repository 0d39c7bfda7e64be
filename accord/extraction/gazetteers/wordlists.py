"""The word lists: regional adjectives, state-body patterns and the block list of common words
that are also place names."""

from __future__ import annotations

from functools import cache

from accord.extraction.gazetteers.text import _data_lines, _unique


@cache
def regional_adjectives() -> frozenset[str]:
    """Adjectives of supranational regions and seas ("Central Asian", "Latin American",
    "Euro-Atlantic", "Caspian"): neither countries nor locations. A matcher that tries them
    before the country forms keeps "American" in "Latin American" from giving US."""
    return frozenset(_data_lines("regional_adjectives.txt"))


@cache
def state_body_patterns() -> tuple[str, ...]:
    """Head nouns and phrases of the names of national state bodies, longest first. A pattern
    ending in a preposition ("Agency for", "Department of") expects the name to go on."""
    patterns = _unique(_data_lines("state_bodies.txt"))
    return tuple(sorted(patterns, key=lambda p: (-len(p.split()), -len(p), p)))


@cache
def common_word_blocklist() -> frozenset[str]:
    """Capitalised English words (and given names) that are also place names and must not be
    matched as places on their own: "Police", "Mobile", "Reading", "Of", "Victoria"..."""
    return frozenset(_data_lines("blocklist.txt"))
