"""Meetings: the event a document reports (held or planned), bilateral meetings on its
sidelines, and meetings announced for later.

Read from meeting words ("meeting", "talks", "session", "conference", "forum", "visit",
"videoconference", "consultations") and verbs ("met", "held bilateral meetings with", "will
host", "is scheduled"), with dates from the sentence and places from the sentence or the
dateline. A meeting of two parties (two states, or a state and an organisation) is bilateral.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import regex

from accord.extraction.entities import Found
from accord.extraction.findings import Meeting, Person, Span, When
from accord.vocab import DateGranularity, MeetingFormat, MeetingStatus

_EVENT = regex.compile(
    r"\b(?:meetings?|met|talks|sessions?|conferences?|forums?|summits?|consultations?|"
    r"videoconferences?|video ?conference|workshops?|round ?tables?|signing ceremony|visit(?:ed|s)?|"
    r"confer(?:red)?|hosted|received)\b",
    regex.IGNORECASE,
)
_FUTURE = regex.compile(
    r"\b(?:will|shall|is to|are to|to be held|is scheduled|are scheduled|scheduled (?:for|to)|"
    r"is expected|are expected|is planned|are planned|next (?:meeting|round|session)|"
    r"upcoming|forthcoming|due to be held|tomorrow|follow-up)\b",
    regex.IGNORECASE,
)
_BILATERAL = regex.compile(
    r"\bbilateral (?:meetings?|talks)\b|\bmet (?:separately |privately )?(?:with\b)?|"
    r"\bheld talks with\b",
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

    def places_in(self, s: int, e: int) -> list[str]:
        orgs = [(f.start, f.end) for f in self.entities if f.kind == "organisation"]
        return [
            f.key for f in self.entities
            if f.kind == "place" and s <= f.start < e
            and not any(a <= f.start and f.end <= b for a, b in orgs)
        ]  # fmt: skip

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
            main = _main(context, s, e)
    meetings = ([main] if main else []) + others
    return _inherit(meetings, main)


def _main(context: Context, s: int, e: int) -> Meeting:
    words = context.text[s:e]
    people = list(context.persons)
    places = context.places_in(s, e)
    venue = None if _VIDEO.search(words) else (context.dateline_place or next(iter(places), None))
    countries = set(context.countries_in(s, e)) | {p.country for p in people if p.country}
    return _meeting(_format(people, countries), False, people, countries,
                    context.dates_in(s, e), venue, (s, e))  # fmt: skip


def _format(people: Sequence[Person], countries: set[str]) -> MeetingFormat:
    parties = {p.country for p in people if p.country}
    if any(p.country is None for p in people):
        parties.add("organisation")
    if not people:
        parties = set(countries)
    return MeetingFormat.BILATERAL if len(parties) == 2 else MeetingFormat.MULTILATERAL


def _bilaterals(context: Context, index: int, main: Meeting | None) -> list[Meeting]:
    s, e = context.sentences[index]
    people = context.persons_in(s, e)
    if len(people) < 2 and index + 1 < len(context.sentences):
        people = people + [p for p in context.persons_in(*context.sentences[index + 1])
                           if p not in people]  # fmt: skip
    place = main.location if main else context.dateline_place
    countries = context.countries_in(s, e)
    if len(people) < 2:
        return [_meeting(MeetingFormat.BILATERAL, False, [], countries, [], place, (s, e))]
    host, guests = people[0], people[1:] if len(people) > 2 else people[1:2]
    return [
        _meeting(MeetingFormat.BILATERAL, False, [host, guest],
                 {c for c in (host.country, guest.country) if c}, [], place, (s, e))
        for guest in guests
    ]  # fmt: skip


def _planned(context: Context, s: int, e: int) -> Meeting:
    places = context.places_in(s, e)
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
