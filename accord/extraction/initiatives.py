"""Cooperation instruments and their status: agreements, treaties, centres, forces,
programmes, projects, platforms, laws and institutional changes, as proposed, drafted,
agreed, signed, under way or completed.

The name is the shortest span that names the instrument: a capitalised title ("Agreement on
Joint Response to Emergency Situations") or the noun phrase around the instrument noun. The
status comes from the words of its sentence; the parties are the organisations and countries
named there.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import cache

import regex

from accord.documents.cues import Cue, Present, Vocabulary, cue_of, finditer_at, prefix_cue_of
from accord.extraction.entities import Found
from accord.extraction.findings import Initiative
from accord.extraction.initiative_phrases import BODY_NOUN as _BODY_NOUN
from accord.extraction.initiative_phrases import HEAD as _HEAD
from accord.extraction.initiative_phrases import HEADS as _HEADS
from accord.extraction.initiative_phrases import (
    MODIFIER_STOP,
    head_phrase,
    heads_of,
    phrase_start,
)
from accord.extraction.initiative_status import (
    STATUS_CUES,
    held_later,
    instrument_status,
    sentence_status,
)
from accord.extraction.spans import SpanIndex
from accord.vocab import InitiativeKind, InitiativeStatus

# Nouns of bodies in a capitalised name: "Treaty Organisation", "European Bank".
_BODY_TITLE = regex.compile(
    r"\b(?:Organi[sz]ations?|Council|Committee|Agency|Union|Ministry|Service|(?<!Data\s)Bank)\b"
)
_INSTRUMENT_WORDS = (
    r"Agreement|Treaty|Memorandum|Protocol|Convention|Programme|Program|Plan|Roadmap|"
    r"Strategy|Concept|Operation|Exercise|Initiative|Project|Process|List|Record|Account|"
    r"Bank|Course|Fund|Mechanism|Platform|Framework|Network|System|Task Force|"
    r"Package|Arrangement"
)
_CAP = r"\p{Lu}[\p{L}\p{M}'\u2019-]*"
# A convention one is at is a gathering: "at the European Police Chiefs Convention in ..."
_GATHERING = regex.compile(r"(?:\p{Lu}[\p{L}-]*\s+)+Convention(?!\s+(?:on|of|for|against)\b)")
# A title may carry its acronym in parentheses: "Science for Peace and Security (SPS) Programme".
_TITLE = regex.compile(
    rf"(?:(?:{_CAP}|\([\p{{Lu}}\p{{N}}&-]{{2,12}}\))\s+(?:and\s+(?={_CAP}))?){{0,6}}"
    rf"(?:{_INSTRUMENT_WORDS})\b"
    rf"(?:\s+(?:on|of|for|between|against|to|in|and|the)(?=\s+(?:the\s+)?\p{{Lu}})"
    rf"(?:\s+the)?|\s+{_CAP})*"
)


# Commitments and proposals whose object is a verb phrase: "agreed to exchange financial
# intelligence", "proposed that Europol deploy a guest officer", "the decision to transform
# the CST into ...". The trigger gives the status.
_COMMITMENT = regex.compile(
    r"\b(?:(?P<agreed>agreed|decided|decision|committed|pledged|undertook|resolved|"
    r"(?:agree|decide|commit|pledge|undertake|resolve)s?)|"
    r"(?P<ongoing>helping|helps|assisting|assists)|"
    r"(?P<proposed>propos(?:ed|al|ing)|suggest(?:ed|ion)|called for|offered|intends?|"
    r"intention|plans?|planned|necessary|need))"
    r"(?:\s+(?:on|in|at|by)\s+\p{Lu}\w+|\s+(?:at|during)\s+(?:a|an|the|their|its)\s+"
    r"(?:[\w-]+\s+){0,6}?[\w-]+(?=\s+to\s))?"
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
    r"amend|draft|conduct|carry out|organi[sz]e joint|provide|"
    # the object alone, after "continue": "agreed to continue joint operations against ..."
    r"joint (?:operations|patrols|exercises|investigations|training)"
)
# (not a pronoun's action, nor a campaign's: "step up the fight against", "efforts to")
_NO_INSTRUMENT = (
    r"(?!\s+(?:it|them|this|these|those|"
    r"(?:the\s+|their\s+|its\s+)?(?:fight|struggle|battle|efforts?))\b)"
)
_ACTION = regex.compile(
    rf"(?:{_LASTING_VERBS})\b{_NO_INSTRUMENT}"
    r"[^,;:.!?()\u201c\u201d\"]{3,110}",
    regex.IGNORECASE,
)


def _gerund(verb: str) -> str:
    """The -ing form of a (phrasal) verb: "set up" -> "setting up", "create" -> "creating"."""
    first, _, rest = verb.partition(" ")
    if first.endswith("e") and not first.endswith("ee"):
        first = first[:-1]
    elif regex.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", first):
        first += first[-1]
    return " ".join(filter(None, (first + "ing", rest)))


_SIMPLE_VERBS = [v for v in _LASTING_VERBS.split("|") if regex.fullmatch(r"[a-z ]+", v)]
_GERUNDS = "|".join(sorted({_gerund(v) for v in _SIMPLE_VERBS}, key=len, reverse=True))
# A proposal whose object is a gerund: "proposed sending a liaison officer to ...".
_GERUND_PROPOSAL = regex.compile(
    rf"\b(?:propos(?:ed|es|e|ing)|suggest(?:ed|s)?|recommend(?:ed|s)?|"
    rf"consider(?:ed|s|ing)?|envisag(?:ed|es|e))\s+(?=(?:{_GERUNDS})\b)",
    regex.IGNORECASE,
)
_GERUND_ACTION = regex.compile(
    rf"(?:{_GERUNDS})\b{_NO_INSTRUMENT}"
    r"[^,;:.!?()\u201c\u201d\"]{3,110}",
    regex.IGNORECASE,
)
# Institutions and instruments reported as created in the passive: "the Committee for ... has
# just been created", "The national register ... was completed in May".
_CREATED = regex.compile(
    r"\s+(?:(?:has|have)\s+(?:just\s+|recently\s+|now\s+)?been|was|were)\s+"
    r"(?:created|established|set\s+up|founded|formed|opened|launched|completed|built|"
    r"inaugurated|introduced|commissioned|put\s+into\s+(?:operation|service))\b",
    regex.IGNORECASE,
)
# The noun phrase a relative clause of creation is about: "a new border system that" (has been
# introduced), "the centre, which" (was opened).
_RELATIVE = regex.compile(
    r"\b(?:a|an|the)\s+(?:new\s+)?((?:(?!(?:a|an|the)\s)[\w-]+\s+){0,6}?[\w-]+),?\s+"
    r"(?:that|which)\s*\Z",
    regex.IGNORECASE,
)
_NAME = regex.compile(rf"{_CAP}(?:\s+(?:(?:of|for|on|and|the|in)\s+)*{_CAP})+")
_SUBJECT_START = regex.compile(
    r"(?:^|[,;:(\u201c\"]|\s(?:and|that|which|while|but|as|when|after|since)\s)"
    r"\s*(?:(?:the|a|an|its|their|our|this|new|newly)\s+)*",
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
_NOMINAL_KINDS: tuple[tuple[regex.Pattern[str], InitiativeKind], ...] = tuple(
    (regex.compile(pattern, regex.IGNORECASE), kind) for pattern, kind in (
        (r"analysis|law|legislat|code", InitiativeKind.LAW),
        (r"centre|center", InitiativeKind.CENTRE),
        (r"forces?\b", InitiativeKind.FORCE),
        (r"construction|modernis|moderniz|removal|clearance|reconstruction|refurbish",
         InitiativeKind.PROJECT),
    )
)  # fmt: skip
# Small patterns of the readers below, compiled once.
_DETERMINER = regex.compile(r"^(?:the|this|that|these|a|an)\s+", regex.IGNORECASE)
# Kinds whose title may be a body's very name (a mechanism, a centre, a force), read as that
# body; an agreement or a programme so named, or a body reported created, is an instrument.
_BODY_KINDS = frozenset({InitiativeKind.PLATFORM, InitiativeKind.CENTRE, InitiativeKind.FORCE})
_TITLE_OBJECT = regex.compile(r"\s+(?:on|of|for|between|against|to|in)\s+")
_PLAIN_WORDS = regex.compile(r"[\p{L}\p{N}\s'-]+")
_TRANSFORM = regex.compile(r"transform\w*\b.*\binto\b", regex.IGNORECASE)
_SHARING = regex.compile(r"(?:exchange|share|link|compile)", regex.IGNORECASE)
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
# Abstract programmes named by the domains they join: "(the pace of) defence and security
# sector reform", "(consulting on) training and science cooperation".
_DOMAINS = regex.compile(
    r"\b(?:on|of|in)\s+(?P<name>[a-z-]+\s+and\s+[a-z-]+(?:\s+sector)?\s+(?:reform|cooperation))\b"
)
# A stage of an instrument named before: "the second phase of the project".
_PHASE = regex.compile(
    r"\b(?:first|second|third|fourth|fifth|next|final|new|\d+(?:st|nd|rd|th))\s+"
    r"(?:phase|stage)\s+of\s+(?:the|this|that)\s+(?P<head>project|programme|program|plan)\b",
    regex.IGNORECASE,
)
# Projects and programmes whose title is quoted: the project "Cyber Resilience for Central Asia".
_QUOTED_TITLE = regex.compile(
    r"\b(project|programme|program|initiative)\s+[\"\u201c](\p{Lu}[^\"\u201d]{4,150})[\"\u201d]",
    regex.IGNORECASE,
)


# A lowercase instrument noun right after a title: "the Trust Fund project".
_NOUN_AFTER_TITLE = regex.compile(r"\s+(project|programme|program|mechanism|platform|centre|"
                                  r"center|system|network|exercise|operation)\b")  # fmt: skip
_TITLE_CUE = cue_of(_TITLE.pattern, _TITLE.flags)
_HEAD_CUE = prefix_cue_of(_HEAD.pattern, _HEAD.flags)  # also what every head begins with


def find_initiatives(
    text: str, entities: Sequence[Found], sentences: Sequence[tuple[int, int]]
) -> list[Initiative]:
    found: list[Initiative] = []
    seen: set[str] = set()
    organisations = SpanIndex((f.start, f.end) for f in entities if f.kind == "organisation")
    bodies = {f.surface for f in entities if f.kind == "organisation"}
    ordered = sorted(entities, key=lambda f: f.start)
    starts = [f.start for f in ordered]
    present = Present(text, sentences, _vocabulary())
    for index in sorted(_naming(present, len(sentences))):
        s, e = sentences[index]
        words = text[s:e]
        candidates = _instruments(words, present, index)
        status = sentence_status(words, present, index) if candidates else None
        for offset, phrase, kind, titled, own in candidates:
            start = s + offset
            if titled:  # a title begun inside an organisation's name
                start, phrase = _title_past_name(text, organisations, start, phrase)
                if not phrase:
                    continue
            if titled and kind in _BODY_KINDS and phrase.removeprefix("The ") in bodies:
                continue  # "The Incident Prevention and Response Mechanism": the body itself
            # inside a body's name when its head noun is ("a UNODC project": not inside)
            head = None if titled else _HEAD.search(phrase)
            at = start + head.start() if head is not None else start
            inside = not _names_itself(kind, titled, phrase) and organisations.covers(at)
            if inside or phrase.lower() in seen:
                continue
            if (status is None and own is None and not titled) or _anaphoric(phrase):
                continue
            if not titled and _refers_back(phrase, found):
                continue
            seen.add(phrase.lower())
            state = own or instrument_status(words, offset, phrase, status, present, index)
            if status is None and own is None and held_later(text, sentences, phrase, e):
                state = InitiativeStatus.COMPLETED
            found.append(Initiative(
                phrase, kind, state,
                _parties(ordered[bisect_left(starts, s) : bisect_left(starts, e)]),
                ((start, start + len(phrase)),),
            ))  # fmt: skip
    return _summaries_dropped(found, sentences[0][1] if len(sentences) > 1 else 0)


def _summaries_dropped(found: list[Initiative], headline_end: int) -> list[Initiative]:
    """A headline's instrument, where the text below names one with the same head noun
    ("regional counter-terrorism plan launched" above "the Joint Plan of Action ... was
    launched"), is that one, summarised: it is not another."""
    if all(i.spans[0][0] >= headline_end for i in found):
        return found  # (as nearly always: no instrument in the headline)
    below = [heads_of(i.text) for i in found if i.spans[0][0] >= headline_end]
    return [
        item for item in found
        if item.spans[0][0] >= headline_end
        or not any(heads_of(item.text) & heads for heads in below)
    ]  # fmt: skip


@cache
def _vocabulary() -> Vocabulary:
    """Every literal the readers, titles, heads and statuses are cued by."""
    cues = [cue for _, cue in _readers()] + [_TITLE_CUE, _HEAD_CUE]
    return Vocabulary(cues + [cue for _, _, cue in STATUS_CUES])


def _naming(present: Present, count: int) -> set[int]:
    """The sentences that hold the literals of some reader or title pattern: the others name
    no instrument."""
    cues = [cue for _, cue in _readers()] + [_TITLE_CUE, _HEAD_CUE]
    if any(cue is None for cue in cues):
        return set(range(count))
    return set().union(*(present.holding(cue) for cue in cues if cue is not None))


def _title_past_name(
    text: str, organisations: SpanIndex, start: int, phrase: str
) -> tuple[int, str]:
    """A title that begins inside an organisation's name, past its first word: when the name
    ends within the title, the name is part of it ("Council of Europe Convention on
    Cybercrime", read from "Europe"); when the title ends within the name, it is only a piece
    of that name ("Response Mechanism" of the "Incident Prevention and Response Mechanism"):
    no title (an empty phrase)."""
    end = start + len(phrase)
    for name_start, name_end in organisations.overlapping(start, start + 1):
        if name_start < start:
            if name_end >= end:
                return start, ""
            return name_start, text[name_start:end]
    return start, phrase


def _names_itself(kind: InitiativeKind, titled: bool, phrase: str) -> bool:
    """Whether an instrument stands even where the entities saw an organisation: a body
    reported as created ("agreed to set up an Operational Task Force ..."), or a titled
    programme or agreement (a centre or force in an organisation's name is otherwise that
    organisation)."""
    if kind == InitiativeKind.ORGANIZATION or _CREATING.match(phrase):
        return True
    return titled and kind not in (InitiativeKind.CENTRE, InitiativeKind.FORCE)


_CREATING = regex.compile(r"(?:establish|set\s+up|create|form|found|launch)\s", regex.IGNORECASE)


def _anaphoric(phrase: str) -> bool:
    """ "the agreement", "The Memorandum", "the working group": a reference back to an
    instrument named before."""
    words = _DETERMINER.sub("", phrase)
    return len(words.split()) == 1 or words.lower() in _HEADS


def _refers_back(phrase: str, found: Sequence[Initiative]) -> bool:
    """ "the consultation plan" after "a plan of consultations on ...": a noun and its head,
    both in an instrument named before, refer back to it."""
    words = _DETERMINER.sub("", phrase).lower().split()
    if len(words) != 2 or words[1] not in _HEADS:
        return False
    stem = words[0][:6]
    return any(
        words[1] in earlier and stem in earlier
        for earlier in (i.text.lower() for i in found)
        if len(stem) >= 5
    )


_Candidate = tuple[int, str, InitiativeKind, bool, InitiativeStatus | None]


def _instruments(sentence: str, present: Present, index: int) -> list[_Candidate]:
    """(offset, phrase, kind, titled, own status) for each instrument named in the sentence
    (`index`: its number, to ask `present` which cues it holds).
    Verb-phrase and nominalised instruments come first: they contain the instrument noun a
    head would find, and their trigger states the status more precisely than the sentence."""
    results = [
        candidate
        for read, cue in _readers()
        if present.holds(cue, index)
        for candidate in read(sentence)
    ]
    taken = [(start, start + len(phrase)) for start, phrase, *_ in results]
    for title in _TITLE.finditer(sentence) if _titled(sentence, present, index) else ():
        if any(a <= title.start() < b for a, b in taken):
            continue
        if _names_a_body(sentence, title) or " " not in title.group():
            continue  # a bare "Programme" is left to the head's phrase: "Programme of ..."
        if _GATHERING.match(title.group()) and sentence.endswith(("at the ", "to the "), 0,
                                                                 title.start()):  # fmt: skip
            continue  # "at the European Police Chiefs Convention": a gathering, no treaty
        kind = _title_kind(title.group())
        phrase, end = title.group(), title.end()
        noun = _NOUN_AFTER_TITLE.match(sentence, end)
        if noun is not None:  # "a NATO Partnership Trust Fund project": the noun says the kind
            phrase, end, kind = sentence[title.start() : noun.end()], noun.end(), _HEADS[noun[1]]
        results.append((title.start(), phrase, kind, True, None))
        taken.append((title.start(), end))
    heads = present.starts_in(_HEAD_CUE, index) if _HEAD_CUE else None
    for head in _HEAD.finditer(sentence) if heads is None else finditer_at(_HEAD, sentence, heads):
        if any(a <= head.start() < b for a, b in taken):
            continue
        read = head_phrase(sentence, head)
        if read is not None:
            start, end, phrase = read
            results.append((start, phrase, _HEADS[head.group().lower()], False, None))
            taken.append((start, end))
    return results


def _title_kind(title: str) -> InitiativeKind:
    """The kind a title's head noun says: the last instrument noun before its object
    ("Cyber Training Centre" is a centre, "Specialized Data Bank of the CIS" a platform,
    "Memorandum of Understanding" an agreement); a programme when it has none."""
    name = _TITLE_OBJECT.split(title, maxsplit=1)[0]
    heads = [_HEADS[m.group().lower()] for m in _HEAD.finditer(name)]
    return heads[-1] if heads else InitiativeKind.PROGRAMME


def _titled(sentence: str, present: Present, index: int) -> bool:
    """Whether the sentence may hold a title: an instrument word written with a capital
    ("Agreement", "Task Force"), as _TITLE reads them; "plan" or "system" is not enough."""
    if _TITLE_CUE is None:
        return True
    if not present.holds(_TITLE_CUE, index):
        return False
    return any(sentence[at].isupper() for at in present.starts_in(_TITLE_CUE, index))


_Reader = Callable[[str], list[_Candidate]]


@cache
def _readers() -> tuple[tuple[_Reader, Cue | None], ...]:
    """The readers of verb-phrase and nominalised instruments, each with the literals one of
    which anything it finds holds (accord.documents.cues): a sentence without them is not
    read."""
    readers: tuple[tuple[_Reader, tuple[regex.Pattern[str], ...]], ...] = (
        (_commitments, (_COMMITMENT,)), (_gerund_proposals, (_GERUND_PROPOSAL,)),
        (_nominals, (_NOMINAL,)), (_code_names, (_CODE_NAME, _QUOTED_TITLE)),
        (_created, (_CREATED,)), (_domains, (_DOMAINS,)), (_phases, (_PHASE,)),
    )  # fmt: skip
    return tuple((read, _cue(patterns)) for read, patterns in readers)


def _cue(patterns: Sequence[regex.Pattern[str]]) -> Cue | None:
    cues = [cue_of(pattern.pattern, pattern.flags) for pattern in patterns]
    if any(cue is None for cue in cues):
        return None
    return tuple(word for cue in cues if cue for word in cue)


def _names_a_body(sentence: str, title: regex.Match[str]) -> bool:
    """A title that names an organisation, an office or a post: "Programme Office", "Collective
    Security Treaty Organisation", "European Bank for Reconstruction"."""
    name = _TITLE_OBJECT.split(title.group())[0]
    return (_BODY_NOUN.match(sentence, title.end()) is not None
            or _BODY_NOUN.search(title.group()) is not None
            or _BODY_TITLE.search(name) is not None)  # fmt: skip


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


def _gerund_proposals(sentence: str) -> list[_Candidate]:
    """Instruments written as the gerund a proposal governs: "proposed sending an officer"."""
    results: list[_Candidate] = []
    for trigger in _GERUND_PROPOSAL.finditer(sentence):
        action = _GERUND_ACTION.match(sentence, trigger.end())
        phrase = _clause(action.group()) if action else ""
        if action and len(phrase.split()) >= 2 and phrase.split()[1] not in MODIFIER_STOP:
            kind = _action_kind(phrase)
            results.append((action.start(), phrase, kind, False, InitiativeStatus.PROPOSED))
    return results


def _created(sentence: str) -> list[_Candidate]:
    """What a passive of creation has as subject: "the Committee ... has just been created".
    A named body without an instrument noun is an institutional change (an organisation)."""
    results: list[_Candidate] = []
    for verb in _CREATED.finditer(sentence):
        before = sentence[: verb.start()]
        start = max((m.end() for m in _SUBJECT_START.finditer(before)), default=0)
        subject = before[start:].strip()
        if (relative := _RELATIVE.search(before)) is not None:
            start, subject = relative.start(1), relative.group(1)  # "a system that has been"
        if not 2 <= len(subject.split()) <= 12 or not _PLAIN_WORDS.fullmatch(subject):
            continue
        head = _HEAD.search(subject)
        if head is not None:
            kind = _HEADS[head.group().lower()]
        elif _NAME.fullmatch(subject):
            kind = InitiativeKind.ORGANIZATION
        else:
            continue
        results.append((start, subject, kind, subject[0].isupper(), InitiativeStatus.COMPLETED))
    return results


def _domains(sentence: str) -> list[_Candidate]:
    """Reform and cooperation named by the two domains they join, as a programme."""
    return [(m.start("name"), m.group("name"), InitiativeKind.PROGRAMME, True, None)
            for m in _DOMAINS.finditer(sentence)]  # fmt: skip


def _phases(sentence: str) -> list[_Candidate]:
    """A phase or stage of a project or programme named before, as an instrument of its own."""
    return [(m.start(), m.group(), _HEADS[m.group("head").lower()], False, None)
            for m in _PHASE.finditer(sentence)]  # fmt: skip


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
        start = phrase_start(sentence, match.start())
        phrase = sentence[start : match.start()] + phrase
        kind = next((k for pattern, k in _NOMINAL_KINDS if pattern.search(phrase)),
                    InitiativeKind.PROGRAMME)  # fmt: skip
        results.append((start, phrase, kind, False, None))
    return results


def _code_names(sentence: str) -> list[_Candidate]:
    """Operations and exercises named by a quoted code name, with their modifiers; projects and
    programmes by their quoted title."""
    results: list[_Candidate] = []
    if '"' not in sentence and "\u201c" not in sentence:
        return results  # both patterns read an opening quotation mark
    for match in _CODE_NAME.finditer(sentence):
        start = phrase_start(sentence, match.start())
        phrase = sentence[start : match.end()]
        results.append((start, phrase, InitiativeKind.PROGRAMME, True, None))
    for match in _QUOTED_TITLE.finditer(sentence):
        kind = _HEADS.get(match.group(1).lower(), InitiativeKind.PROGRAMME)
        start = phrase_start(sentence, match.start())
        results.append((start, sentence[start : match.end()], kind, True, None))
    return results


def _clause(phrase: str) -> str:
    """The phrase up to where a new clause or a purpose adjunct begins, at most 14 words."""
    end = _CLAUSE_END.search(phrase)
    words = (phrase[: end.start()] if end else phrase).split()[:14]
    return " ".join(words).strip()


def _action_kind(phrase: str) -> InitiativeKind:
    """An institutional transformation is an organisation; an instrument noun in the phrase
    gives its kind; sharing and exchanging build a platform; other joint action a programme."""
    if _TRANSFORM.match(phrase):
        return InitiativeKind.ORGANIZATION
    head = _HEAD.search(phrase)
    if head is not None:
        return _HEADS[head.group().lower()]
    if _SHARING.match(phrase):
        return InitiativeKind.PLATFORM
    return InitiativeKind.PROGRAMME


def _parties(in_sentence: Sequence[Found]) -> tuple[str, ...]:
    """The organisations and countries named in the instrument's sentence, in order."""
    parties: list[str] = []
    for found in in_sentence:
        if found.kind in ("country", "organisation") and found.key not in parties:
            parties.append(found.key)
    return tuple(parties)
