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
    r"Bank|Course|Fund|Mechanism|Platform|Framework|Network|System|Task Force|"
    r"Package|Arrangement"
)
_CAP = r"\p{Lu}[\p{L}\p{M}'\u2019-]*"
# A title may carry its acronym in parentheses: "Science for Peace and Security (SPS) Programme".
_TITLE = regex.compile(
    rf"(?:(?:{_CAP}|\([\p{{Lu}}\p{{N}}&-]{{2,12}}\))\s+){{0,6}}(?:{_INSTRUMENT_WORDS})\b"
    rf"(?:\s+(?:on|of|for|between|against|to|in|and|the)(?=\s+(?:the\s+)?\p{{Lu}})"
    rf"(?:\s+the)?|\s+{_CAP})*"
)


# Commitments and proposals whose object is a verb phrase: "agreed to exchange financial
# intelligence", "proposed that Europol deploy a guest officer", "the decision to transform
# the CST into ...". The trigger gives the status.
_COMMITMENT = regex.compile(
    r"\b(?:(?P<agreed>agreed|decided|decision|committed|pledged|undertook|resolved)|"
    r"(?P<ongoing>helping|helps|assisting|assists)|"
    r"(?P<proposed>propos(?:ed|al|ing)|suggest(?:ed|ion)|called for|offered|intends?|"
    r"intention|plans?|planned|necessary|need))"
    r"(?:\s+(?:on|in|at|by)\s+\p{Lu}\w+)?"
    r"(?:\s+to\s+|\s+that\s+(?:the\s+)?(?-i:\p{Lu}[\p{L}-]*\s+){1,3}(?:should\s+|would\s+)?)"
    r"(?:(?:continue|jointly|further|also|go on|gradually)\s+(?:to\s+)?)?",
    regex.IGNORECASE,
)
# A second infinitive under the same commitment: "agreed to set up ..., and to exchange ...".
_AND_TO = regex.compile(r"\band\s+to\s+", regex.IGNORECASE)
# Verbs of cooperative action with a lasting object (exchange, patrol, deploy, establish, train,
# legislate), as opposed to one-off acts (meet, hold, discuss, note, welcome, examine).
_LASTING_VERBS = (
    r"exchange|share|deploy|send|station|second|transform|establish|create|set up|launch|"
    r"build|construct|train|fund|finance|equip|extend|expand|enlarge|link|compile|introduce|"
    r"develop|revive|step up|harmoni[sz]e|moderni[sz]e|upgrade|clear|remove|offer|support|"
    r"strengthen the cooperation|conduct joint|carry out joint|grant|open|install|"
    r"amend|draft|conduct|carry out|organi[sz]e joint|provide"
)
_ACTION = regex.compile(
    rf"(?:{_LASTING_VERBS})\b(?!\s+(?:it|them|this|these|those)\b)"
    r"[^,;:.!?()\u201c\u201d\"]{3,110}",
    regex.IGNORECASE,
)
# Nominalised instruments: "creation of an Anti-drugs Centre", "modernisation of three border
# crossing points", "removal of unexploded ordnance".
_NOMINAL = regex.compile(
    r"\b(?:(?:comprehensive\s+)?analysis|creation|establishment|setting up|modernis|moderniz|"
    r"construction|removal|clearance|deployment|harmoni[sz]ation|reconstruction|"
    r"refurbishment|introduction)\w*(?:\s+in\s+[^,;.]{3,40}?)?\s+of\s+"
    r"[^,;:.!?()\u201c\u201d\"]{3,100}",
    regex.IGNORECASE,
)
_TOPIC_OF = regex.compile(
    r"\b(?:on|about|regarding|concerning|to)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$",
    regex.IGNORECASE,
)
_NOMINAL_KINDS: tuple[tuple[str, InitiativeKind], ...] = (
    (r"analysis|law|legislat|code", InitiativeKind.LAW),
    (r"centre|center", InitiativeKind.CENTRE),
    (r"forces?\b", InitiativeKind.FORCE),
    (r"construction|modernis|moderniz|removal|clearance|reconstruction|refurbish",
     InitiativeKind.PROJECT),
)  # fmt: skip
# Where a clause or a purpose adjunct begins: the instrument ends there.
_CLAUSE_END = regex.compile(
    r"\s+(?:and\s+to|and\s+(?:would|will|should)|so\s+that|in\s+order|which|who|that|"
    r"while|because|as\s+well\s+as|but|and\s+(?:agreed|decided|noted|welcomed|said)|"
    r"(?:was|were|is|are|has|have|had|will|would)\s+(?:been\s+|be\s+)?\w+ed)\b",
    regex.IGNORECASE,
)
# Named operations and exercises whose code name is quoted: exercise "Sea Sweeper 25".
_CODE_NAME = regex.compile(
    r"\b(?:operation|exercise)\s+[\"\u201c][^\"\u201d]{2,40}[\"\u201d]|"
    r"[\"\u201c][^\"\u201d]{2,40}[\"\u201d]\s+(?:operation|exercise)\b",
    regex.IGNORECASE,
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
        for offset, phrase, kind, titled, own in _instruments(words):
            start = s + offset
            if any(a <= start < b for a, b in organisations) or phrase.lower() in seen:
                continue
            if (status is None and own is None and not titled) or _anaphoric(phrase):
                continue
            seen.add(phrase.lower())
            found.append(Initiative(
                phrase, kind, own or status or InitiativeStatus.IN_PROGRESS,
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


_Candidate = tuple[int, str, InitiativeKind, bool, InitiativeStatus | None]


def _instruments(sentence: str) -> list[_Candidate]:
    """(offset, phrase, kind, titled, own status) for each instrument named in the sentence.
    Verb-phrase and nominalised instruments come first: they contain the instrument noun a
    head would find, and their trigger states the status more precisely than the sentence."""
    results = _commitments(sentence) + _nominals(sentence) + _code_names(sentence)
    taken = [(start, start + len(phrase)) for start, phrase, *_ in results]
    for title in _TITLE.finditer(sentence):
        if any(a <= title.start() < b for a, b in taken):
            continue
        words = title.group().split()
        kind = next((_HEADS[w.lower()] for w in words if w.lower() in _HEADS),
                    InitiativeKind.PROGRAMME)  # fmt: skip
        results.append((title.start(), title.group(), kind, True, None))
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
            results.append((start, phrase, _HEADS[head.group().lower()], False, None))
            taken.append((start, end))
    return results


def _commitments(sentence: str) -> list[_Candidate]:
    """Instruments written as the verb phrase a commitment or proposal governs, when the verb
    is one of lasting cooperative action; "agreed to meet again" names no instrument."""
    results: list[_Candidate] = []
    for trigger in _COMMITMENT.finditer(sentence):
        status = _trigger_status(trigger)
        starts = [trigger.end()] + [m.end() for m in _AND_TO.finditer(sentence, trigger.end())]
        for start in starts:
            action = _ACTION.match(sentence, start)
            phrase = _clause(action.group()) if action else ""
            if action and len(phrase.split()) >= 2:
                results.append((action.start(), phrase, _action_kind(phrase), False, status))
    return results


def _trigger_status(trigger: regex.Match[str]) -> InitiativeStatus:
    """A commitment agrees, a helping hand is already at work, anything else only proposes."""
    if trigger.group("agreed"):
        return InitiativeStatus.AGREED
    if trigger.group("ongoing"):
        return InitiativeStatus.IN_PROGRESS
    return InitiativeStatus.PROPOSED


def _nominals(sentence: str) -> list[_Candidate]:
    """Instruments named by a nominalised action on an object: "creation of a centre". Not
    when an instrument noun is inside (the head names it more shortly), nor as the subject
    matter of something else ("a meeting on the clearance of ...")."""
    results: list[_Candidate] = []
    for match in _NOMINAL.finditer(sentence):
        phrase = _clause(match.group())
        before = sentence[: match.start()]
        if _HEAD.search(phrase) or _TOPIC_OF.search(before):
            continue
        start = _phrase_start(sentence, match.start())
        phrase = sentence[start : match.start()] + phrase
        kind = next((k for pattern, k in _NOMINAL_KINDS
                     if regex.search(pattern, phrase, regex.IGNORECASE)),
                    InitiativeKind.PROGRAMME)  # fmt: skip
        results.append((start, phrase, kind, False, None))
    return results


def _code_names(sentence: str) -> list[_Candidate]:
    """Operations and exercises named by a quoted code name, with their modifiers."""
    results: list[_Candidate] = []
    for match in _CODE_NAME.finditer(sentence):
        start = _phrase_start(sentence, match.start())
        phrase = sentence[start : match.end()]
        results.append((start, phrase, InitiativeKind.PROGRAMME, True, None))
    return results


def _clause(phrase: str) -> str:
    """The phrase up to where a new clause or a purpose adjunct begins, at most 14 words."""
    end = _CLAUSE_END.search(phrase)
    words = (phrase[: end.start()] if end else phrase).split()[:14]
    return " ".join(words).strip()


def _action_kind(phrase: str) -> InitiativeKind:
    """An institutional transformation is an organisation; an instrument noun in the phrase
    gives its kind; sharing and exchanging build a platform; other joint action a programme."""
    if regex.match(r"transform\w*\b.*\binto\b", phrase, regex.IGNORECASE):
        return InitiativeKind.ORGANIZATION
    head = _HEAD.search(phrase)
    if head is not None:
        return _HEADS[head.group().lower()]
    if regex.match(r"(?:exchange|share|link|compile)", phrase, regex.IGNORECASE):
        return InitiativeKind.PLATFORM
    return InitiativeKind.PROGRAMME


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
