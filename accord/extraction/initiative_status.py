"""The status of a cooperation instrument, read from the words of its sentence: drafted,
signed, completed, under way, agreed or proposed. The strongest status word of the sentence
holds for all its instruments, except that a weaker one is the verb's nearest before each
("agreed on a roadmap and discussed the implementation of ..."); with no status word, an
exercise reported as held is completed and anything else under way."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from accord.documents.cues import Present, cue_of
from accord.vocab import InitiativeStatus


# Not a verb of the sentence's own: one governed by "to", a modal, "be" or a negation. (After
# the verb, so that the look-behind is only tried where the verb is.)
def _own_verb(verbs: str) -> str:
    return (
        rf"\b(?:{verbs})\b(?<!\b(?:to|be|will|would|could|should|shall|may|might|can|not|never)"
        rf"\s+(?:{verbs}))(?!\s+by\b)"
    )


# Each status's words, as alternatives: searched one by one (each from its literal, which the
# regex module finds fast) they cost a tenth of what one alternation of them all costs.
# fmt: off
_WORDS: tuple[tuple[InitiativeStatus, tuple[str, ...]], ...] = (
    (
        InitiativeStatus.DRAFT,
        (r"\bdraft(?:ed|ing)?\b", r"\bunder negotiation\b", r"\bbeing negotiated\b"),
    ),
    (InitiativeStatus.SIGNED, (r"\bsign(?:ed|ing)\b", r"\bratified\b")),
    (
        InitiativeStatus.COMPLETED,
        (
            r"\bcompleted\b", r"\bfinished\b", r"\bconcluded\b", r"\bended\b",
            r"\bhas (?:just )?been (?:created|established|set up)\b",
            r"\bwas (?:created|established)\b",
            # created by the sentence's own verb: "the sides set up a working group", not
            # "agreed to set up", "will be established", "a project set up by the Council"
            _own_verb("set up|established|created|founded|formed|inaugurated"),
        ),
    ),
    (
        InitiativeStatus.IN_PROGRESS,
        (
            r"\bunder ?way\b", r"\bongoing\b", r"\bcontinu\w+\b",
            r"\bis being\b", r"\bare being\b", r"\bimplement(?:s|ing|ation)\b",
            r"\bin progress\b",
            # an instrument at work: it serves (right after its subject: not "could serve",
            # "could, for instance, serve"), remains, was activated, is in force; or launched
            # by the sentence's own verb: begun, and going on
            r"(?<=[a-z])(?<!could)(?<!would)(?<!should)(?<!might)(?<!may)(?<!can)(?<!will)"
            r"(?<!\bto) serves? as\b",
            r"\bremains? (?:the|a|an|in)\b", r"\bactivated\b",
            r"\bthrough which\b", r"\bin force\b", r"\bin operation\b", r"\bin use\b",
            r"\bthe launch of\b",
            # an instrument others follow: "draws on the main provisions of the strategy"
            r"\bprovisions of\b", r"\bdraws? on\b", r"\bin (?:line|accordance) with\b",
            r"\bpursuant to\b",
            _own_verb("launched"),
        ),
    ),
    (
        InitiativeStatus.AGREED,
        (r"\bagreed\b", r"\bapproved\b", r"\badopted\b", r"\bendorsed\b", r"\bdecided\b"),
    ),
    (
        InitiativeStatus.PROPOSED,
        (
            r"\bpropos\w+\b", r"\bsuggest\w*\b", r"\bcalled for\b",
            r"\bshould\b", r"\bcould\b", r"\bwould\b", r"\bplan(?:s|ned)? to\b",
            r"\bconsider\w*\b", r"\binitiative\b",
        ),
    ),
)
# fmt: on
_STATUS: tuple[tuple[InitiativeStatus, regex.Pattern[str]], ...] = tuple(
    (status, regex.compile("|".join(words), regex.IGNORECASE)) for status, words in _WORDS
)
STATUS_CUES = tuple((status, pattern, cue_of(pattern.pattern, pattern.flags))
                     for status, pattern in _STATUS)  # fmt: skip
_EACH = tuple(
    (status, cue, tuple(regex.compile(word, regex.IGNORECASE) for word in words))
    for (status, words), (_, _, cue) in zip(_WORDS, STATUS_CUES, strict=True)
)


def sentence_status(sentence: str, present: Present, index: int) -> InitiativeStatus | None:
    """The strongest status a status word of the sentence (parts[index] of `present`) says."""
    for status, cue, words in _EACH:
        if present.holds(cue, index) and any(word.search(sentence) for word in words):
            return status
    return None


# Events among instruments, and the past verbs that report them as held.
_EVENT = regex.compile(r"\b(?:exercises?|drills?|operations?|training|course)\b",
                       regex.IGNORECASE)  # fmt: skip
_HELD = regex.compile(
    r"\b(?:held|conducted|carried out|took place|staged|took part|ran from|ran for|ran in)\b",
    regex.IGNORECASE,
)


def _unstated(phrase: str, sentence: str) -> InitiativeStatus:
    """The status of an instrument whose sentence has no status word: an exercise or an
    operation the sentence says was held is completed; anything else is under way."""
    if _EVENT.search(phrase) and _HELD.search(sentence):
        return InitiativeStatus.COMPLETED
    return InitiativeStatus.IN_PROGRESS


# The name an event goes by: what is quoted in it, else its capitalised words after the
# event noun ("Operation Blue Caravel", the exercise “Boreal Shield 2025”).
_EVENT_NAME = regex.compile(
    r"[\"“‘']([^\"”’'\n]{3,60})[\"”’']|\b(?:Operation|Exercise)\s+((?:\p{Lu}[\p{L}-]*\s*){1,4})"
)


def held_later(text: str, sentences: Sequence[tuple[int, int]], phrase: str, after: int) -> bool:
    """Whether a named exercise or operation whose own sentence gave no status (a headline:
    "... in exercise “Boreal Shield 2025”") is reported as held in a sentence after `after`
    that names it ("took part this week in “Boreal Shield 2025”", "Operation Blue Caravel ran
    from 3 to 21 February")."""
    if not _EVENT.search(phrase):
        return False
    named = _EVENT_NAME.search(phrase)
    if named is None:
        return False
    name = (named.group(1) or named.group(2)).strip()
    at = text.find(name, after)
    while at >= 0:
        sentence = next(((s, e) for s, e in sentences if s <= at < e), None)
        if sentence is None:
            return False
        if _HELD.search(text, *sentence):
            return True
        at = text.find(name, sentence[1])
    return False


_WEAK = frozenset({InitiativeStatus.IN_PROGRESS, InitiativeStatus.AGREED,
                   InitiativeStatus.PROPOSED})  # fmt: skip


def _status_before(
    sentence: str, offset: int, present: Present, index: int
) -> InitiativeStatus | None:
    """The status word nearest before the instrument in its clause ("agreed on a roadmap ...
    and discussed the implementation of ..."): the verb that governs it."""
    clause = max(sentence.rfind(";", 0, offset), sentence.rfind(" and ", 0, offset) + 4, 0)
    best: tuple[int, InitiativeStatus] | None = None
    for status, pattern, cue in STATUS_CUES:
        if not present.holds(cue, index):
            continue
        for match in pattern.finditer(sentence, clause, offset):
            if best is None or match.end() > best[0]:
                best = (match.end(), status)
    return best[1] if best else None


def instrument_status(
    sentence: str,
    offset: int,
    phrase: str,
    stated: InitiativeStatus | None,
    present: Present,
    index: int,
) -> InitiativeStatus:
    """The status of the instrument `phrase` at `offset` in the sentence, whose strongest
    status word says `stated` (None: it has none)."""
    near = _status_before(sentence, offset, present, index) if stated in _WEAK else None
    return near or stated or _unstated(phrase, sentence)
