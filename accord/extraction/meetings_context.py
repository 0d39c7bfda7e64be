"""What a meeting is read from: the document's sentences, persons, places and dates, with
the questions the meeting rules ask of them (who is named in a sentence, which places and days
it gives, what the dateline says)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property

import regex

from accord.documents.cues import Present, finditer_at
from accord.extraction import meetings_cues as cue
from accord.extraction.entities import Found
from accord.extraction.findings import Person, Span
from accord.extraction.spans import SpanIndex

_PLACE_KINDS = ("city", "venue", None)
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
_NAME_WORD = regex.compile(r"[\p{L}'-]+")


_SUBJECT = regex.compile(
    r"\b(?:on|about|over|regarding|concerning|(?:situation|settlement|crisis|conflict|peace)\s+in)"
    r"\s+(?:the\s+)?\Z"
)
_SUBJECT_WORDS = ("on", "about", "over", "regarding", "concerning", "in")  # what _SUBJECT needs


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
    def dateline(self) -> tuple[str | None, int, DateSpan | None, int]:
        """The dateline's place, where its prefix ends ("AKTAU, 4 June (Kazinform) –"), the
        date of a dateline that is a line of its own ("Manado, Indonesia, 8 July 2025"), and
        where the dateline begins."""
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
            return place, end, day if own_line else None, found.start()
        return None, 0, None, 0

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

    @cached_property
    def _present(self) -> Present:
        """Which sentences hold the literals of the sentence patterns (one pass for all)."""
        return Present(self.text, self.sentences, cue.vocabulary())

    def holding(self, pattern: regex.Pattern[str]) -> Sequence[int]:
        """The numbers of the sentences that may hold a match of the pattern, in order."""
        literals = cue.literals(pattern)
        if literals is None:
            return range(len(self.sentences))
        return sorted(self._present.holding(literals))

    def finds(self, pattern: regex.Pattern[str], index: int) -> regex.Match[str] | None:
        """pattern.search(sentence): not run over a sentence without the literals that every
        match holds, and only tried where a match can begin when every match begins with a
        literal."""
        literals = cue.literals(pattern)
        if literals is not None and not self._present.holds(literals, index):
            return None
        s, e = self.sentences[index]
        words = self.text[s:e]
        first = cue.first_literals(pattern)
        if first is None:
            return pattern.search(words)
        # every match begins with one of them: tried there only, leftmost first, as search does
        return next(finditer_at(pattern, words, self._present.starts_in(first, index)), None)

    def body(self, s: int, e: int) -> Span:
        """The sentence without the dateline's prefix (a headline above the dateline is left
        whole)."""
        start, end = self.dateline[3], self.dateline[1]
        return (max(s, end), e) if s < end and e > start else (s, e)

    def named_in(self, s: int, e: int) -> list[Person]:
        """Persons mentioned in [s, e): by a mention, or by their surname alone."""
        starts, owners, surnames = self._mentions
        found = {id(p): p for p in owners[bisect_left(starts, s) : bisect_left(starts, e)]}
        for word in _NAME_WORD.findall(self.text[s:e]):
            for person in surnames.get(word, ()):
                found[id(person)] = person
        return sorted(found.values(), key=lambda p: self._first(p, s, e))

    @cached_property
    def _mentions(self) -> tuple[list[int], list[Person], dict[str, list[Person]]]:
        """The persons' mentions by start, and the persons by surname."""
        mentions = sorted((a, i) for i, p in enumerate(self.persons) for a, _ in p.spans)
        surnames: dict[str, list[Person]] = {}
        for person in self.persons:
            if len(person.name.split()) > 1:
                surnames.setdefault(person.name.split()[-1], []).append(person)
        return [a for a, _ in mentions], [self.persons[i] for _, i in mentions], surnames

    def _first(self, person: Person, s: int, e: int) -> int:
        inside = [a for a, _ in person.spans if s <= a < e]
        return min(inside) if inside else max(s, self.text.find(person.name.split()[-1], s, e))

    @cached_property
    def _venues(self) -> tuple[list[int], list[Found]]:
        """The places a meeting can be in (cities and venues, not regions, nor places inside
        an organisation's name), by start, for bisection: long documents stay near-linear."""
        orgs = SpanIndex((f.start, f.end) for f in self.entities if f.kind == "organisation")
        places = sorted(
            (f for f in self.entities if f.kind == "place" and f.detail in _PLACE_KINDS
             and not orgs.encloses(f.start, f.end)),
            key=lambda f: f.start,
        )  # fmt: skip
        return [f.start for f in places], places

    @cached_property
    def _countries(self) -> tuple[list[int], list[Found]]:
        """The states named as parties: not those a meeting is about ("consultations on the
        situation in Afghanistan", "envoys on Afghanistan")."""
        found = sorted(
            (f for f in self.entities if f.kind == "country" and not self._subject(f.start)),
            key=lambda f: f.start,
        )
        return [f.start for f in found], found

    def _subject(self, start: int) -> bool:
        """Whether the state named at `start` is what the words before it are about."""
        before = self.text[max(0, start - 40) : start]
        return any(word in before for word in _SUBJECT_WORDS) and bool(_SUBJECT.search(before))

    def places_in(self, s: int, e: int, after: int | None = None) -> list[str]:
        """Places a meeting can be in, in [s, e) outside the dateline, those after `after`
        first."""
        s, e = self.body(s, e)
        starts, places = self._venues
        found = places[bisect_left(starts, s) : bisect_left(starts, e)]
        if after is not None:
            found.sort(key=lambda f: (f.start < after, abs(f.start - after)))
        return [f.key for f in found]

    def countries_in(self, s: int, e: int) -> list[str]:
        starts, found = self._countries
        return sorted({f.key for f in found[bisect_left(starts, s) : bisect_left(starts, e)]})

    def dates_in(self, s: int, e: int) -> list[DateSpan]:
        s, e = self.body(s, e)
        starts = self._date_starts
        found = self.resolved[bisect_left(starts, s) : bisect_left(starts, e)]
        return [d for d in found if d.value is not None]

    @cached_property
    def _date_starts(self) -> list[int]:
        return [d.start for d in self.resolved]

    @cached_property
    def resolved(self) -> list[DateSpan]:
        """The dates, with weekdays left open (no publication date was found) resolved
        against the first date of the document's head: the last such day on or before it."""
        dates = sorted(self.dates, key=lambda d: d.start)
        head = next((d for d in dates if d.start < 600 and d.value is not None), None)
        if head is None or head.value is None:
            return dates
        return [_weekday(d, self.text, head.value) for d in dates]

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
