"""Threat actors whose names the capitalised chunks cannot hold whole: names with lowercase
particles ("Hizb ut-Tahrir", "Jund al-Khilafah") and names written with a spaced dash ("Islamic
State – Khorasan Province") and names whose last word, the kind of group, is written in lower
case ("the Sinaloa cartel", "the Kinahan gang"). They are found as phrases, their lower-case
forms taken in the one Aho-Corasick pass over the folded text that finds the other stages'
literals (accord.documents.cues), and take the place of what the chunks read inside them
("Islamic State" and a place "Khorasan Province")."""

from __future__ import annotations

from functools import cache

from accord.documents.cues import Vocabulary, fold
from accord.extraction.entities import Found
from accord.extraction.gazetteers.threat_actors import (
    find_threat_actor,
    is_case_only,
    threat_actors,
)
from accord.extraction.spans import SpanIndex

_DASHES = ("-", "\u2013", "\u2014")  # a spaced dash, as the data writes it and as texts do
# the kinds of group a name may end with, which texts often write in lower case
_KIND_WORDS = frozenset({
    "Cartel", "Gang", "Clan", "Mafia", "Triad", "Brotherhood", "Syndicate", "Network",
    "Organization", "Organisation", "Group", "Brigade", "Brigades", "Army", "Front",
})  # fmt: skip


def _chunk_cannot_hold(form: str) -> bool:
    """A word begun in lower case after the first ("ut-Tahrir"), or a spaced dash."""
    words = form.split()
    return any(f" {dash} " in form for dash in _DASHES) or any(
        word[:1].islower() for word in words[1:]
    )


@cache
def _forms() -> dict[str, str]:
    """The lower-case forms the chunks cannot hold (each spaced dash written every way), and
    those ending with a kind of group, with the group each names, of every group whose
    lookup finds that form."""
    forms: dict[str, str] = {}
    for actor in threat_actors():
        for form in (actor.name, *actor.aliases):
            if is_case_only(form) or not (_chunk_cannot_hold(form) or _kind_last(form)):
                continue
            if find_threat_actor(form) != actor:
                continue  # a form left out of the lookup (ambiguous, a country's, a word)
            for dash in _DASHES:
                spelled = form
                for other in _DASHES:
                    spelled = spelled.replace(f" {other} ", f" {dash} ")
                forms[fold(spelled)] = actor.name
    return forms


def _kind_last(form: str) -> bool:
    return form.rsplit(" ", 1)[-1] in _KIND_WORDS and " " in form


@cache
def _vocabulary() -> Vocabulary:
    return Vocabulary([tuple(_forms())])


def threat_phrases(text: str, entities: list[Found], persons: SpanIndex) -> list[Found]:
    """The entities, with the threat actors the chunks could not read whole, each replacing
    what was found inside it (one that a longer entity holds, or that a person's name
    crosses, is left to them)."""
    forms = _forms()
    if not forms:
        return entities
    folded = fold(text)
    places = _vocabulary().places(folded)
    candidates = sorted(
        (at, at + len(form), forms[form])
        for form in places.keys() & forms.keys()
        for at in places[form]
    )
    if not candidates:
        return entities
    known = SpanIndex((f.start, f.end) for f in entities)
    found: list[Found] = []
    for start, end, name in sorted(candidates, key=lambda c: (c[0], c[0] - c[1])):
        if found and found[-1].end > start:
            continue  # the longest of those that begin at one place, then the next after it
        if not _whole_words(folded, start, end) or not text[start].isupper():
            continue
        written = text[start:end]
        if _kind_last(written) and not _chunk_cannot_hold(written):
            continue  # written as the chunks read it ("Sinaloa Cartel"): theirs
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
