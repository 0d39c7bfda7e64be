"""Threat actors whose names the capitalised chunks cannot hold whole: names with lowercase
particles ("Hizb ut-Tahrir", "Jund al-Khilafah") and names written with a spaced dash
("Islamic State – Khorasan Province"). They are found as phrases, in one pass of an
Aho-Corasick automaton over the folded text, and take the place of what the chunks read
inside them ("Islamic State" and a place "Khorasan Province")."""

from __future__ import annotations

from functools import cache
from typing import Any

import ahocorasick

from accord.documents.cues import fold
from accord.extraction.entities import Found
from accord.extraction.gazetteers.threat_actors import (
    find_threat_actor,
    is_case_only,
    threat_actors,
)
from accord.extraction.spans import SpanIndex

_DASH_CHARACTERS = "\u2010\u2011\u2012\u2013\u2014\u2212"
_DASHES = str.maketrans(_DASH_CHARACTERS, "-" * len(_DASH_CHARACTERS))


def _chunk_cannot_hold(form: str) -> bool:
    """A word begun in lower case after the first ("ut-Tahrir"), or a spaced dash."""
    words = form.split()
    return " - " in form or any(word[:1].islower() for word in words[1:])


@cache
def _automaton() -> Any:
    """The lower-case forms the chunks cannot hold, of every group whose form finds it."""
    automaton = ahocorasick.Automaton()
    count = 0
    for actor in threat_actors():
        for form in (actor.name, *actor.aliases):
            form = form.translate(_DASHES)
            if is_case_only(form) or not _chunk_cannot_hold(form):
                continue
            if find_threat_actor(form) != actor:
                continue  # a form left out of the lookup (ambiguous, a country's, a word)
            key = fold(form)
            automaton.add_word(key, (len(key), actor.name))
            count += 1
    if count:
        automaton.make_automaton()
    return automaton if count else None


def threat_phrases(text: str, entities: list[Found], persons: SpanIndex) -> list[Found]:
    """The entities, with the threat actors the chunks could not read whole, each replacing
    what was found inside it (one that a longer entity holds, or that a person's name
    crosses, is left to them)."""
    automaton = _automaton()
    if automaton is None:
        return entities
    folded = fold(text)
    for dash in _DASH_CHARACTERS:  # a pass each at C speed, where translate() is slow
        if dash in folded:
            folded = folded.replace(dash, "-")
    candidates = sorted(
        (last + 1 - size, last + 1, name) for last, (size, name) in automaton.iter(folded)
    )
    known = SpanIndex((f.start, f.end) for f in entities)
    found: list[Found] = []
    for start, end, name in sorted(candidates, key=lambda c: (c[0], c[0] - c[1])):
        if found and found[-1].end > start:
            continue  # the longest of those that begin at one place, then the next after it
        if not _whole_words(folded, start, end) or not text[start].isupper():
            continue
        if persons.overlaps(start, end) or any(
            s < start or end < e for s, e in known.overlapping(start, end)
        ):
            continue
        found.append(Found("threat", name, start, end, text[start:end]))
    if not found:
        return entities
    spans = SpanIndex((f.start, f.end) for f in found)
    kept = [f for f in entities if not spans.overlaps(f.start, f.end)]
    return sorted([*kept, *found], key=lambda f: (f.start, -f.end))


def _whole_words(folded: str, start: int, end: int) -> bool:
    before = folded[start - 1] if start > 0 else " "
    after = folded[end] if end < len(folded) else " "
    return not (before.isalnum() or after.isalnum())
