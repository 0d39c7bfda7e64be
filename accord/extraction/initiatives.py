"""Cooperation instruments and their status: agreements, treaties, centres, forces,
programmes, projects, platforms, laws and institutional changes, as proposed, drafted,
agreed, signed, under way or completed.

The name is the shortest span that names the instrument: a capitalised title ("Agreement on
Joint Response to Emergency Situations") or the noun phrase around the instrument noun. The
status comes from the words of its sentence; the parties are the organisations and countries
named there.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from accord.extraction.entities import Found
from accord.extraction.findings import Initiative
from accord.vocab import InitiativeKind, InitiativeStatus

_HEADS: dict[str, InitiativeKind] = {
    "agreement": InitiativeKind.AGREEMENT, "treaty": InitiativeKind.AGREEMENT,
    "memorandum": InitiativeKind.AGREEMENT, "protocol": InitiativeKind.AGREEMENT,
    "convention": InitiativeKind.AGREEMENT, "accord": InitiativeKind.AGREEMENT,
    "centre": InitiativeKind.CENTRE, "center": InitiativeKind.CENTRE,
    "force": InitiativeKind.FORCE, "forces": InitiativeKind.FORCE,
    "task force": InitiativeKind.FORCE, "team": InitiativeKind.FORCE,
    "programme": InitiativeKind.PROGRAMME, "program": InitiativeKind.PROGRAMME,
    "operation": InitiativeKind.PROGRAMME, "exercise": InitiativeKind.PROGRAMME,
    "exercises": InitiativeKind.PROGRAMME, "plan": InitiativeKind.PROGRAMME,
    "roadmap": InitiativeKind.PROGRAMME, "action plan": InitiativeKind.PROGRAMME,
    "training": InitiativeKind.PROGRAMME, "course": InitiativeKind.PROGRAMME,
    "project": InitiativeKind.PROJECT, "projects": InitiativeKind.PROJECT,
    "platform": InitiativeKind.PLATFORM, "hotline": InitiativeKind.PLATFORM,
    "mechanism": InitiativeKind.PLATFORM, "database": InitiativeKind.PLATFORM,
    "network": InitiativeKind.PLATFORM, "system": InitiativeKind.PLATFORM,
    "working group": InitiativeKind.PLATFORM, "exchange": InitiativeKind.PLATFORM,
    "law": InitiativeKind.LAW, "laws": InitiativeKind.LAW, "legislation": InitiativeKind.LAW,
    "code": InitiativeKind.LAW,
}  # fmt: skip
_HEAD = regex.compile(
    r"\b(" + "|".join(sorted(map(regex.escape, _HEADS), key=len, reverse=True)) + r")\b",
    regex.IGNORECASE,
)
_STATUS: tuple[tuple[InitiativeStatus, regex.Pattern[str]], ...] = tuple(
    (status, regex.compile(pattern, regex.IGNORECASE))
    for status, pattern in (
        (InitiativeStatus.DRAFT, r"\bdraft(?:ed|ing)?\b"),
        (InitiativeStatus.SIGNED, r"\bsign(?:ed|ing)\b|\bratified\b"),
        (InitiativeStatus.COMPLETED, r"\bcompleted\b|\bfinished\b|\bconcluded\b|"
         r"\bhas (?:just )?been (?:created|established|set up)\b|\bwas (?:created|established)\b"),
        (InitiativeStatus.IN_PROGRESS, r"\bunder ?way\b|\bongoing\b|\bcontinu\w+\b|"
         r"\bis being\b|\bare being\b|\bimplement(?:ing|ation)\b|\bin progress\b"),
        (InitiativeStatus.AGREED, r"\bagreed\b|\bapproved\b|\badopted\b|\bendorsed\b|"
         r"\bdecided\b"),
        (InitiativeStatus.PROPOSED, r"\bpropos\w+\b|\bsuggest\w*\b|\bcalled for\b|"
         r"\bshould\b|\bcould\b|\bwould\b|\bplan(?:s|ned)? to\b|\bconsider\w*\b|\binitiative\b"),
    )
)
_SENTENCE = regex.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_TITLE = regex.compile(
    r"\b(?:Agreement|Treaty|Memorandum|Protocol|Convention|Programme|Program|Plan|Roadmap|"
    r"Strategy|Concept|Operation|Exercise|Initiative|Project)\b"
    r"(?:\s+(?:on|of|for|between|against|to|in|and|the|\p{Lu}[\p{L}\p{M}'’-]*))*"
    r"(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)"
)
_PHRASE_START = regex.compile(
    r"(?:\b(?:a|an|the|new|joint|common|unified|single|regional|draft|direct)\s+)*"
    r"(?:[\p{L}-]+\s+){0,3}$",
    regex.IGNORECASE,
)


def find_initiatives(text: str, entities: Sequence[Found]) -> list[Initiative]:
    found: list[Initiative] = []
    seen: set[str] = set()
    for sentence in _SENTENCE.finditer(text):
        words = sentence.group()
        status = _status(words)
        if status is None:
            continue
        for phrase, kind in _instruments(words):
            key = phrase.lower()
            if key in seen:
                continue
            seen.add(key)
            s, e = sentence.span()
            parties = _parties(entities, s, e)
            start = s + words.find(phrase)
            found.append(Initiative(phrase, kind, status, parties, ((start, start + len(phrase)),)))
    return found


def _status(sentence: str) -> InitiativeStatus | None:
    for status, pattern in _STATUS:
        if pattern.search(sentence):
            return status
    return None


def _instruments(sentence: str) -> list[tuple[str, InitiativeKind]]:
    results = []
    for title in _TITLE.finditer(sentence):
        head = title.group().split()[0].lower()
        results.append((title.group(), _HEADS.get(head, InitiativeKind.PROGRAMME)))
    if results:
        return results
    for head in _HEAD.finditer(sentence):
        start = head.start() - len(_PHRASE_START.search(sentence[: head.start()]).group())
        tail = regex.match(r"(?:\s+(?:on|of|for|between|against|in|to)\s+[^,;.]{1,80})?",
                           sentence[head.end():])  # fmt: skip
        phrase = sentence[start : head.end() + (tail.end() if tail else 0)].strip()
        phrase = regex.sub(r"^(?:a|an|the)\s+", "", phrase, flags=regex.IGNORECASE)
        results.append((phrase, _HEADS[head.group().lower()]))
        break
    return results


def _parties(entities: Sequence[Found], start: int, end: int) -> tuple[str, ...]:
    parties: list[str] = []
    for found in entities:
        if start <= found.start < end and found.kind in ("country", "organisation"):
            if found.key not in parties:
                parties.append(found.key)
    return tuple(parties)
