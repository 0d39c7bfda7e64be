"""What a meeting is read from: the document's sentences, persons, places and dates, with
the questions the meeting rules ask of them (who is named in a sentence, which places and days
it gives, what the dateline says)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property

import regex

from accord.extraction import meetings_cues as cue
from accord.extraction.entities import Found
from accord.extraction.findings import Person, Span

_PLACE_KINDS = ("city", "venue", None)
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True, slots=True)
class DateSpan:
    start: int
    end: int
    value: date | None
    end_value: date | None
    granularity: str


@dataclass(frozen=True)
class Context:
    text: str
    sentences: Sequence[Span]
    persons: Sequence[Person]
    entities: Sequence[Found]
    dates: Sequence[DateSpan]
    dateline_place: str | None  # the pipeline's guess; `dateline` reads the line itself

    @cached_property
    def dateline(self) -> tuple[str | None, int, DateSpan | None]:
        """The dateline's place, where its prefix ends ("AKTAU, 4 June (Kazinform) –"), and
        the date of a dateline that is a line of its own ("Manado, Indonesia, 8 July 2025")."""
        for found in cue.DATELINE.finditer(self.text[:700]):
            place = self._place_at(found.start(1), found.group(1))
            if place is None:
                continue
            line_end = self.text.find("\n", found.start())
            line_end = len(self.text) if line_end < 0 else line_end
            prefix = cue.DATELINE_PREFIX.match(self.text, found.start(), line_end + 1)
            own_line = prefix is None and line_end - found.start() < 80
            end = prefix.end() if prefix else (line_end if own_line else found.end())
            day = next((d for d in self.dates if found.start() <= d.start < end
                        and d.granularity == "day"), None)  # fmt: skip
            return place, end, day if own_line else None
        return None, 0, None

    def _place_at(self, start: int, surface: str) -> str | None:
        """The place a dateline names: a known city or venue; else, written in capitals as
        wires write them ("ERGNETI –", "DJIBOUTI,"), a place the gazetteer lacks or a
        city-state, but never an organisation."""
        here = [f for f in self.entities if f.start == start]
        for f in here:
            if f.kind == "place" and f.detail in _PLACE_KINDS:
                return f.key
        if surface.isupper() and len(surface) > 3 and all(f.kind == "country" for f in here):
            return surface.title()
        return None

    def body(self, s: int, e: int) -> Span:
        """The sentence without the dateline's prefix."""
        return (max(s, self.dateline[1]), e) if s < self.dateline[1] else (s, e)

    def named_in(self, s: int, e: int) -> list[Person]:
        """Persons mentioned in [s, e): by a mention, or by their surname alone."""
        words = set(regex.findall(r"[\p{L}'-]+", self.text[s:e]))
        found = [p for p in self.persons if any(s <= a < e for a, _ in p.spans)
                 or (len(p.name.split()) > 1 and p.name.split()[-1] in words)]  # fmt: skip
        return sorted(found, key=lambda p: self._first(p, s, e))

    def _first(self, person: Person, s: int, e: int) -> int:
        inside = [a for a, _ in person.spans if s <= a < e]
        return min(inside) if inside else max(s, self.text.find(person.name.split()[-1], s, e))

    def places_in(self, s: int, e: int, after: int | None = None) -> list[str]:
        """Places a meeting can be in (cities and venues, not regions, nor places inside an
        organisation's name or the dateline) in [s, e), the ones after `after` first."""
        s, e = self.body(s, e)
        orgs = [(f.start, f.end) for f in self.entities if f.kind == "organisation"]
        found = [
            f for f in self.entities
            if f.kind == "place" and s <= f.start < e and f.detail in _PLACE_KINDS
            and not any(a <= f.start and f.end <= b for a, b in orgs)
        ]  # fmt: skip
        if after is not None:
            found.sort(key=lambda f: (f.start < after, abs(f.start - after)))
        return [f.key for f in found]

    def countries_in(self, s: int, e: int) -> list[str]:
        return sorted({f.key for f in self.entities if f.kind == "country" and s <= f.start < e})

    def dates_in(self, s: int, e: int) -> list[DateSpan]:
        s, e = self.body(s, e)
        return [d for d in self.resolved if s <= d.start < e and d.value is not None]

    @cached_property
    def resolved(self) -> list[DateSpan]:
        """The dates, with weekdays left open (no publication date was found) resolved
        against the first date of the document's head: the last such day on or before it."""
        head = next((d for d in self.dates if d.start < 600 and d.value is not None), None)
        if head is None or head.value is None:
            return list(self.dates)
        return [_weekday(d, self.text, head.value) for d in self.dates]

    def last_day_before(self, s: int) -> list[DateSpan]:
        """The last day named before `s` ("later the same day")."""
        days = [d for d in self.dates_in(0, s) if d.granularity == "day"]
        return days[-1:]

    def names_past_year(self, s: int, e: int) -> bool:
        """The sentence names a year before the document's ("launched in 2004")."""
        now = self.dateline[2] or next(iter(self.dates_in(0, 600)), None)
        if now is None or now.value is None:
            return False
        s, e = self.body(s, e)
        return any(int(y) < now.value.year for y in _YEAR.findall(self.text, s, e))


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday(mention: DateSpan, text: str, now: date) -> DateSpan:
    word = text[mention.start : mention.end].strip().lower()
    if mention.value is not None or word not in _WEEKDAYS:
        return mention
    back = (now.weekday() - _WEEKDAYS.index(word)) % 7
    return replace(mention, value=now - timedelta(days=back))
