"""What extraction finds in one document. Every finding carries the character spans of its
evidence in the document's normalised text. Immutable values: the STIX mapping and the
evaluation record are both built from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from accord.vocab import (
    DateGranularity,
    InitiativeKind,
    InitiativeStatus,
    MeetingFormat,
    MeetingStatus,
    Topic,
)

Span = tuple[int, int]
"""(start, end) character offsets into the document text, end exclusive."""


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # the fullest form the text gives
    country: str | None
    roles: tuple[str, ...]
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class ThreatActor:
    name: str
    aliases: tuple[str, ...]
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class When:
    """A date with its granularity: a month or a year is not a day."""

    value: date
    granularity: DateGranularity = DateGranularity.DAY


@dataclass(frozen=True, slots=True)
class Meeting:
    format: MeetingFormat
    status: MeetingStatus
    start: When | None
    end: When | None
    location: str | None
    participants: tuple[str, ...]  # person names as in `persons`
    countries: tuple[str, ...]
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class TopicFinding:
    topic: Topic
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str  # a person name as in `persons`
    text: str
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Initiative:
    text: str
    kind: InitiativeKind
    status: InitiativeStatus
    parties: tuple[str, ...]  # organisation names or country codes
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Findings:
    published: date | None = None
    persons: tuple[Person, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    threat_actors: tuple[ThreatActor, ...] = ()
    countries: tuple[Country, ...] = ()
    locations: tuple[Location, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    topics: tuple[TopicFinding, ...] = ()
    quotes: tuple[Quote, ...] = ()
    initiatives: tuple[Initiative, ...] = field(default=())
