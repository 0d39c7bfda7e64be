"""Meetings: the event a document reports (held or planned), bilateral meetings on its
sidelines, and meetings announced for later.

Read from meeting words ("meeting", "talks", "session", "conference", "forum", "visit",
"videoconference", "consultations") and verbs ("met", "held bilateral meetings with", "will
host", "is scheduled"), with dates from the sentence and places from the sentence or the
dateline. A meeting of two parties (two states, or a state and an organisation) is bilateral.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

import regex

from accord.extraction.entities import Found
from accord.extraction.findings import Meeting, Person, Span, When
from accord.vocab import DateGranularity, MeetingFormat, MeetingStatus

_EVENT = regex.compile(
    r"\b(?:meetings?|meet|met|talks|sessions?|conferences?|forums?|summits?|consultations?|"
    r"videoconferences?|video ?conference|workshops?|round ?tables?|signing ceremony|"
    r"visit(?:ed|s)?|confer(?:red)?|hosted|received)\b",
    regex.IGNORECASE,
)
_FUTURE = regex.compile(
    r"\b(?:will|shall|is to|are to|to be held|is scheduled|are scheduled|scheduled (?:for|to)|"
    r"is expected|are expected|is planned|are planned|next (?:meeting|round|session)|"
    r"upcoming|forthcoming|due to|to host|tomorrow|follow-up)\b",
    regex.IGNORECASE,
)
_BILATERAL = regex.compile(
    r"\bbilateral (?:meetings?|talks)\b|\bmet (?:separately |privately )?with\b|"
    r"\bmet separately\b|\bheld talks with\b",
    regex.IGNORECASE,
)
_MANY = regex.compile(
    r"\b(?:member states|member countries|secretaries|delegations|multilateral|trilateral|"
    r"heads of (?:state|government|delegations))\b",
    regex.IGNORECASE,
)
_SIDELINES = regex.compile(r"\bon the (?:sidelines|margins)\b", regex.IGNORECASE)
_VIDEO = regex.compile(r"\bvideo ?conference\b|\bby video\b", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateSpan:
    start: int
    end: int
    value: date | None
    end_value: date | None
    granularity: str


@dataclass(frozen=True, slots=True)
class Context:
    text: str
    sentences: Sequence[Span]
    persons: Sequence[Person]
    entities: Sequence[Found]
    dates: Sequence[DateSpan]
    dateline_place: str | None

    def persons_in(self, s: int, e: int) -> list[Person]:
        return [p for p in self.persons if any(s <= a < e for a, _ in p.spans)]

    def places_in(self, s: int, e: int, after: int | None = None) -> list[str]:
        """Places a meeting can be in (cities and venues, not regions or places inside an
        organisation's name) in [s, e), the ones after `after` first."""
        orgs = [(f.start, f.end) for f in self.entities if f.kind == "organisation"]
        found = [
            f for f in self.entities
            if f.kind == "place" and s <= f.start < e and f.detail in ("city", "venue", None)
            and not any(a <= f.start and f.end <= b for a, b in orgs)
        ]  # fmt: skip
        if after is not None:
            found.sort(key=lambda f: (f.start < after, abs(f.start - after)))
        return [f.key for f in found]

    def countries_in(self, s: int, e: int) -> list[str]:
        return sorted({f.key for f in self.entities if f.kind == "country" and s <= f.start < e})

    def dates_in(self, s: int, e: int) -> list[DateSpan]:
        return [d for d in self.dates if s <= d.start < e and d.value is not None]


def find_meetings(context: Context) -> list[Meeting]:
    main: Meeting | None = None
    others: list[Meeting] = []
    for index, (s, e) in enumerate(context.sentences):
        words = context.text[s:e]
        if not _EVENT.search(words):
            continue
        if _SIDELINES.search(words) or _BILATERAL.search(words):
            others.extend(_bilaterals(context, index, main))
        elif _FUTURE.search(words):
            others.append(_planned(context, s, e))
        elif main is None:
            main = _main(context, index)
        else:
            others.extend(_earlier(context, s, e, main))
    meetings = ([main] if main else []) + others
    return _inherit(meetings, main)


def _main(context: Context, index: int) -> Meeting:
    s, e = context.sentences[index]
    words = context.text[s:e]
    people = list(context.persons)
    venue = None if _VIDEO.search(words) else _venue(context, s, e)
    countries = set(context.countries_in(s, e)) | {p.country for p in people if p.country}
    dates = context.dates_in(s, e)
    for later in context.sentences[index + 1 : index + 4]:
        if dates:
            break
        if _EVENT.search(context.text[later[0] : later[1]]) and not _FUTURE.search(
            context.text[later[0] : later[1]]
        ):
            dates = context.dates_in(*later)
    title = context.text[: context.sentences[0][1]] if context.sentences else ""
    fmt = _format(people, countries, words + " " + title)
    return _meeting(fmt, False, people, countries, dates, venue, (s, e))


def _venue(context: Context, s: int, e: int) -> str | None:
    """A named venue in the sentence ("the Kremlin", "Akorda"), else the dateline's place,
    else the first city the sentence names."""
    venues = [
        f.key for f in context.entities
        if f.kind == "place" and f.detail == "venue" and s <= f.start < e
    ]  # fmt: skip
    return (
        next(iter(venues), None)
        or context.dateline_place
        or next(iter(context.places_in(s, e)), None)
    )


def _format(people: Sequence[Person], countries: set[str], sentence: str = "") -> MeetingFormat:
    """Two parties (two states, or a state and an organisation's people) and at most three
    people: bilateral; anything else multilateral."""
    if _MANY.search(sentence):
        return MeetingFormat.MULTILATERAL
    parties = set(countries)
    if any(p.country is None for p in people):
        parties.add("organisation")
    two = len(parties) == 2 and len(people) <= 3
    return MeetingFormat.BILATERAL if two else MeetingFormat.MULTILATERAL


_CLAUSE = regex.compile(r";|\bwhile\b|,\s+and\b|\bwhereas\b")


def _bilaterals(context: Context, index: int, main: Meeting | None) -> list[Meeting]:
    """Meetings on the sidelines of the main one take its day (and place); a sentence may
    report several ("A met B, while C met D")."""
    s, e = context.sentences[index]
    clauses = _clauses(context, s, e)
    found: list[Meeting] = []
    for start, end in clauses if len(clauses) > 1 else [(s, e)]:
        found.extend(_bilaterals_in(context, index, main, start, end))
    if main is None or main.start is None:
        return found
    return [replace(m, start=main.start, end=main.start) for m in found]


def _clauses(context: Context, s: int, e: int) -> list[Span]:
    """The clauses of a sentence that each report a bilateral meeting between two people."""
    cuts = [s, *(s + m.start() for m in _CLAUSE.finditer(context.text[s:e])), e]
    clauses = list(itertools.pairwise(cuts))
    return [
        (a, b) for a, b in clauses
        if _BILATERAL.search(context.text[a:b]) and len(context.persons_in(a, b)) >= 2
    ]  # fmt: skip


def _bilaterals_in(
    context: Context, index: int, main: Meeting | None, s: int, e: int
) -> list[Meeting]:
    """ "A held bilateral meetings with B, C and D": one meeting each; "A and B met": one."""
    words = context.text[s:e]
    trigger = _BILATERAL.search(words) or _SIDELINES.search(words)
    at = s + (trigger.start() if trigger else 0)
    people = context.persons_in(s, e)
    if len(people) < 2 and index + 1 < len(context.sentences):
        people = people + [p for p in context.persons_in(*context.sentences[index + 1])
                           if p not in people]  # fmt: skip
    place = main.location if main else context.dateline_place
    if len(people) < 2:
        countries = context.countries_in(s, e)
        return [_meeting(MeetingFormat.BILATERAL, False, [], countries, [], place, (s, e))]
    before = [p for p in people if min(a for a, _ in p.spans if a >= s) < at]
    after = [p for p in people if p not in before]
    host = before[-1] if before and after else people[0]
    guests = after if before and after else people[1:2]
    return [
        _meeting(MeetingFormat.BILATERAL, False, [host, guest],
                 {c for c in (host.country, guest.country) if c}, [], place, (s, e))
        for guest in guests
    ]  # fmt: skip


_EARLIER = regex.compile(
    r"\b(?:previous|last|earlier|first|past|former|preceding)\s+(?:\w+\s+){0,2}"
    r"(?:summit|conference|meeting|session|forum|round)\b|"
    r"\b(?:summit|conference|meeting|session|forum)\s+(?:\w+\s+){0,3}(?:in|at)\s+\p{Lu}\w+"
    r"\s+in\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\s+(?:\w+\s+)?(?:summit|conference)\b",
    regex.IGNORECASE,
)


def _earlier(context: Context, s: int, e: int, main: Meeting) -> list[Meeting]:
    """An earlier meeting recalled in passing ("the previous conference in Bishkek", "the
    2004 summit in Istanbul"): held, multilateral, placed where the sentence puts it."""
    if not _EARLIER.search(context.text[s:e]):
        return []
    places = [p for p in context.places_in(s, e) if p != main.location]
    if not places:
        return []
    return [_meeting(MeetingFormat.MULTILATERAL, False, [], [], [], places[0], (s, e))]


def _planned(context: Context, s: int, e: int) -> Meeting:
    cue = _FUTURE.search(context.text[s:e])
    places = context.places_in(s, e, after=s + cue.start() if cue else None)
    return _meeting(MeetingFormat.MULTILATERAL, True, [], [], context.dates_in(s, e),
                    next(iter(places), None), (s, e))  # fmt: skip


def _inherit(meetings: list[Meeting], main: Meeting | None) -> list[Meeting]:
    """A meeting planned in a bilateral setting is bilateral between the same states."""
    if main is None or main.format is not MeetingFormat.BILATERAL:
        return meetings
    return [
        Meeting(main.format, m.status, m.start, m.end, m.location, m.participants,
                main.countries, m.spans)
        if m.status is MeetingStatus.PLANNED else m
        for m in meetings
    ]  # fmt: skip


def _meeting(
    fmt: MeetingFormat,
    planned: bool,
    people: Sequence[Person],
    countries: set[str] | Sequence[str],
    dates: Sequence[DateSpan],
    location: str | None,
    span: Span,
) -> Meeting:
    start = end = None
    for mention in dates:
        if mention.value is not None:
            granularity = DateGranularity(mention.granularity)
            start = When(mention.value, granularity)
            end = When(mention.end_value or mention.value, granularity)
            break
    return Meeting(
        format=fmt,
        status=MeetingStatus.PLANNED if planned else MeetingStatus.HELD,
        start=start,
        end=end,
        location=location,
        participants=tuple(p.name for p in people),
        countries=tuple(sorted(countries)),
        spans=(span,),
    )
