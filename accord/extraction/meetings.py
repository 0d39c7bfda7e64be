"""Meetings: the event a document reports (held or planned), bilateral meetings on its
sidelines, and meetings announced for later.

Read from meeting words ("meeting", "talks", "session", "conference", "forum", "visit",
"videoconference", "consultations") and verbs ("met", "held", "hosted", "received", "will
host", "is scheduled"), with dates from the sentence and places from "in <place>".
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
    r"\b(?:meetings?|talks|sessions?|conferences?|forums?|summits?|consultations?|"
    r"videoconferences?|video conference|workshops?|round tables?|signing ceremony|visit)\b",
    regex.IGNORECASE,
)
_FUTURE = regex.compile(
    r"\b(?:will|shall|is to|are to|to be held|is scheduled|are scheduled|scheduled for|"
    r"is expected|are expected|is planned|are planned|next (?:meeting|round|session)|"
    r"upcoming|forthcoming|due to be held|will be held|will take place|follow-up)\b",
    regex.IGNORECASE,
)
_BILATERAL = regex.compile(
    r"\b(?:bilateral (?:meetings?|talks)|met (?:separately |privately )?with|"
    r"held talks with|received)\b",
    regex.IGNORECASE,
)
_SIDELINES = regex.compile(r"\bon the (?:sidelines|margins)\b", regex.IGNORECASE)
_SENTENCE = regex.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_VIDEO = regex.compile(r"\bvideo ?conference\b|\bby video\b", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateSpan:
    start: int
    end: int
    value: date | None
    end_value: date | None
    granularity: str


def find_meetings(
    text: str,
    persons: Sequence[Person],
    entities: Sequence[Found],
    dates: Sequence[DateSpan],
    dateline_place: str | None,
) -> list[Meeting]:
    meetings: list[Meeting] = []
    main_done = False
    for sentence in _SENTENCE.finditer(text):
        s, e = sentence.span()
        words = sentence.group()
        if not _EVENT.search(words):
            continue
        in_sentence = [p for p in persons if any(s <= a < e for a, _ in p.spans)]
        places = [f for f in entities if f.kind == "place" and s <= f.start < e]
        countries = sorted({f.key for f in entities if f.kind == "country" and s <= f.start < e})
        when = [d for d in dates if s <= d.start < e]
        planned = bool(_FUTURE.search(words))
        if _BILATERAL.search(words) and len(in_sentence) >= 2:
            meetings.extend(_bilaterals(in_sentence, places, dateline_place, (s, e)))
            continue
        if _SIDELINES.search(words) and len(countries) == 2:
            meetings.append(_meeting(MeetingFormat.BILATERAL, False, [], countries, [],
                                     places, dateline_place, (s, e)))  # fmt: skip
            continue
        if planned:
            meetings.append(_meeting(MeetingFormat.MULTILATERAL, True, [], [], when, places,
                                     None, (s, e)))  # fmt: skip
        elif not main_done:
            main_done = True
            participants = list(persons)
            all_countries = sorted({f.key for f in entities if f.kind == "country"})
            fmt = MeetingFormat.BILATERAL if len(all_countries) == 2 else MeetingFormat.MULTILATERAL
            venue = None if _VIDEO.search(words) else dateline_place
            meetings.append(_meeting(fmt, False, participants, all_countries, when, places,
                                     venue, (s, e)))  # fmt: skip
    return meetings


def _bilaterals(
    people: list[Person], places: list[Found], dateline: str | None, span: Span
) -> list[Meeting]:
    host, others = people[0], people[1:]
    return [
        _meeting(MeetingFormat.BILATERAL, False, [host, other],
                 sorted({c for c in (host.country, other.country) if c}), [], places,
                 dateline, span)
        for other in others
    ]  # fmt: skip


def _meeting(
    fmt: MeetingFormat,
    planned: bool,
    people: Sequence[Person],
    countries: Sequence[str],
    dates: Sequence[DateSpan],
    places: Sequence[Found],
    fallback_place: str | None,
    span: Span,
) -> Meeting:
    start = end = None
    for mention in dates:
        if mention.value is not None:
            granularity = DateGranularity(mention.granularity)
            start = When(mention.value, granularity)
            end = When(mention.end_value or mention.value, granularity)
            break
    location = places[0].key if places else fallback_place
    people_countries = {p.country for p in people if p.country}
    return Meeting(
        format=fmt,
        status=MeetingStatus.PLANNED if planned else MeetingStatus.HELD,
        start=start,
        end=end,
        location=location,
        participants=tuple(p.name for p in people),
        countries=tuple(sorted(set(countries) | people_countries)),
        spans=(span,),
    )
