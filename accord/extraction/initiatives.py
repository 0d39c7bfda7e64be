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
    "code": InitiativeKind.LAW, "analysis": InitiativeKind.LAW,
    "list": InitiativeKind.PROGRAMME, "laboratory": InitiativeKind.CENTRE,
    "patrols": InitiativeKind.PROGRAMME, "monitoring": InitiativeKind.PROGRAMME,
    "assessment": InitiativeKind.PROGRAMME, "framework": InitiativeKind.PROGRAMME,
    "account": InitiativeKind.PROGRAMME, "data bank": InitiativeKind.PLATFORM,
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
        (
            InitiativeStatus.COMPLETED,
            r"\bcompleted\b|\bfinished\b|\bconcluded\b|"
            r"\bhas (?:just )?been (?:created|established|set up)\b|"
            r"\bwas (?:created|established)\b",
        ),
        (
            InitiativeStatus.IN_PROGRESS,
            r"\bunder ?way\b|\bongoing\b|\bcontinu\w+\b|"
            r"\bis being\b|\bare being\b|\bimplement(?:ing|ation)\b|\bin progress\b",
        ),
        (
            InitiativeStatus.AGREED,
            r"\bagreed\b|\bapproved\b|\badopted\b|\bendorsed\b|"
            r"\bdecided\b",
        ),
        (
            InitiativeStatus.PROPOSED,
            r"\bpropos\w+\b|\bsuggest\w*\b|\bcalled for\b|"
            r"\bshould\b|\bcould\b|\bwould\b|\bplan(?:s|ned)? to\b|\bconsider\w*\b|\binitiative\b",
        ),
    )
)
_INSTRUMENT_WORDS = (
    r"Agreement|Treaty|Memorandum|Protocol|Convention|Programme|Program|Plan|Roadmap|"
    r"Strategy|Concept|Operation|Exercise|Initiative|Project|Process|List|Record|Account|"
    r"Bank|Course|Fund|Mechanism|Platform|Framework|Network|System|Task Force"
)
_CAP = r"\p{Lu}[\p{L}\p{M}'\u2019-]*"
_TITLE = regex.compile(
    rf"(?:{_CAP}\s+){{0,5}}(?:{_INSTRUMENT_WORDS})\b"
    rf"(?:\s+(?:on|of|for|between|against|to|in|and|the)(?=\s+(?:the\s+)?\p{{Lu}})"
    rf"(?:\s+the)?|\s+{_CAP})*"
)


def find_initiatives(
    text: str, entities: Sequence[Found], sentences: Sequence[tuple[int, int]]
) -> list[Initiative]:
    found: list[Initiative] = []
    seen: set[str] = set()
    organisations = [(f.start, f.end) for f in entities if f.kind == "organisation"]
    for s, e in sentences:
        words = text[s:e]
        status = _status(words)
        for offset, phrase, kind, titled in _instruments(words):
            start = s + offset
            if any(a <= start < b for a, b in organisations) or phrase.lower() in seen:
                continue
            if (status is None and not titled) or _anaphoric(phrase):
                continue
            seen.add(phrase.lower())
            found.append(Initiative(
                phrase, kind, status or InitiativeStatus.IN_PROGRESS,
                _parties(entities, s, e), ((start, start + len(phrase)),),
            ))  # fmt: skip
    return found


def _anaphoric(phrase: str) -> bool:
    """ "the agreement", "The Memorandum": a reference back to an instrument named before."""
    words = regex.sub(r"^(?:the|this|that|these|a|an)\s+", "", phrase, flags=regex.IGNORECASE)
    return len(words.split()) == 1


def _status(sentence: str) -> InitiativeStatus | None:
    for status, pattern in _STATUS:
        if pattern.search(sentence):
            return status
    return None


def _instruments(sentence: str) -> list[tuple[int, str, InitiativeKind, bool]]:
    """(offset, phrase, kind, titled) for each instrument named in the sentence."""
    results = []
    taken: list[tuple[int, int]] = []
    for title in _TITLE.finditer(sentence):
        words = title.group().split()
        kind = next((_HEADS[w.lower()] for w in words if w.lower() in _HEADS),
                    InitiativeKind.PROGRAMME)  # fmt: skip
        results.append((title.start(), title.group(), kind, True))
        taken.append(title.span())
    for head in _HEAD.finditer(sentence):
        if any(a <= head.start() < b for a, b in taken):
            continue
        start = _phrase_start(sentence, head.start())
        tail = regex.match(r"(?:\s+(?:on|of|for|between|against|in|to)\s+[^,;.:]{1,80})?",
                           sentence[head.end():])  # fmt: skip
        end = head.end() + (tail.end() if tail else 0)
        phrase = " ".join(sentence[start:end].split()[:14]).strip()
        if len(phrase) > 3:
            results.append((start, phrase, _HEADS[head.group().lower()], False))
            taken.append((start, end))
    return results


_MODIFIER_STOP = frozenset({
    "that", "which", "who", "and", "or", "but", "to", "of", "in", "on", "for", "with", "by",
    "at", "from", "as", "than", "would", "will", "could", "should", "can", "may", "must", "is",
    "are", "was", "were", "be", "been", "has", "have", "had", "its", "their", "our", "his",
    "her", "this", "these", "those", "s", "through", "out", "up", "about", "said", "also",
    "not", "no", "all", "both", "each", "such", "under", "into", "over", "after", "before",
    "including", "between", "while", "during", "against", "upon", "within", "two", "three",
})  # fmt: skip
_KEEP_EDS = frozenset({"coordinated", "integrated", "unified", "specialized", "specialised",
                       "advanced", "combined", "extended", "enhanced", "automated"})  # fmt: skip


def _phrase_start(sentence: str, head: int) -> int:
    """Where the noun phrase ending at `head` begins: back over up to four modifiers, not over
    verbs, conjunctions, prepositions or pronouns; articles are left out."""
    start = head
    for match in reversed(list(regex.finditer(r"[\p{L}-]+", sentence[:head]))[-4:]):
        word = match.group().lower()
        gap = sentence[match.end() : start]
        if gap.strip() or word in _MODIFIER_STOP or word in ("a", "an", "the"):
            break
        if word.endswith("ed") and word not in _KEEP_EDS:
            break
        start = match.start()
    return start


def _parties(entities: Sequence[Found], start: int, end: int) -> tuple[str, ...]:
    parties: list[str] = []
    for found in entities:
        inside = start <= found.start < end and found.kind in ("country", "organisation")
        if inside and found.key not in parties:
            parties.append(found.key)
    return tuple(parties)
