"""The parts of a meeting read from a document's `Context`: the lead of the main event, its
format, venue and dates, and the pairs of people in talks."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

import regex

from accord.extraction import meetings_cues as cue
from accord.extraction.entities import Found
from accord.extraction.findings import Meeting, Person, Span, When
from accord.extraction.meetings_context import Context, DateSpan
from accord.vocab import DateGranularity, MeetingFormat, MeetingStatus


@dataclass(frozen=True, slots=True)
class Lead:
    """The main event's sentence and the next ones that say more about it."""

    index: int
    more: tuple[int, ...]  # later sentences with a meeting word, neither planned nor talks
    near: tuple[int, ...]  # the main sentence and the four after it

    @classmethod
    def of(cls, context: Context, index: int) -> Lead:
        more = [
            i for i in range(index + 1, min(index + 4, len(context.sentences)))
            if context.finds(cue.EVENT, i) and not context.finds(cue.PLANNED, i)
            and not context.finds(cue.SIDELINES, i)
        ]  # fmt: skip
        near = tuple(range(index, min(index + 5, len(context.sentences))))
        return cls(index, tuple(more), near)

    def spans(self, context: Context) -> list[Span]:
        return [context.sentences[i] for i in (self.index, *self.more)]


def format_of(context: Context, lead: Lead, here: Sequence[Person]) -> MeetingFormat:
    """The words of the main sentence or the headline, else the parties: the states of the
    people taking part, and one more for people of an organisation (no state); when the
    people name fewer than two, the states the lead names."""
    s, e = context.sentences[lead.index]
    if len(here) == 2 and cue.TALKS.search(context.text[s:e]):
        return MeetingFormat.BILATERAL  # "A received B", whatever else the sentence names
    stated_by = (context.text[s:e], _headline_words(context))
    for words in stated_by:
        if (stated := cue.sentence_format(words, forum=False)) is not None:
            return stated
    sides = {
        d for i in lead.near for d in cue.delegations(context.text[slice(*context.sentences[i])])
    }
    if len(sides) >= 2:
        return MeetingFormat.BILATERAL if len(sides) == 2 else MeetingFormat.MULTILATERAL
    if any(cue.FORUM.search(words) for words in stated_by) or states_listed(context, lead):
        return MeetingFormat.MULTILATERAL
    people = here if len(here) >= 2 else context.persons
    parties = {p.country for p in people if p.country}
    if any(p.country is None for p in people):
        parties.add("organisation")
    if len(parties) < 2:
        near = [context.sentences[i] for i in lead.near]
        parties |= {c for a, b in near for c in context.countries_in(a, b)}
    return MeetingFormat.BILATERAL if len(parties) == 2 else MeetingFormat.MULTILATERAL


def _headline_words(context: Context) -> str:
    """The headline: the first sentence of three words or more among the first three (a
    label such as "Transcript" above it is not one)."""
    for start, end in context.sentences[:3]:
        words = context.text[start:end]
        if len(words.split()) >= 3:
            return words
    return context.text[slice(*context.sentences[0])] if context.sentences else ""


def states_listed(context: Context, lead: Lead) -> set[str]:
    """Three states or more listed as those taking part ("counterparts from Denmark, Estonia
    and Finland", "delegations from ..."), near the main sentence; else none."""
    s, e = context.sentences[lead.near[0]][0], context.sentences[lead.near[-1]][1]
    found = [f for f in context.entities if f.kind == "country" and s <= f.start < e]
    run: list[Found] = []
    listed: set[str] = set()
    for f in found:
        if run and not cue.LIST_GAP.match(context.text[run[-1].end : f.start]):
            run = []
        run.append(f)
        head = context.text[max(0, run[0].start - 40) : run[0].start]
        if len({g.key for g in run}) >= 3 and cue.TAKING_PART.search(head):
            listed |= {g.key for g in run}
    return listed


def main_venue(context: Context, lead: Lead) -> str | None:
    """A named venue or a city in the main sentence, else the dateline's place, else one in
    the sentences that say more about the event, or in the headline."""
    spans = lead.spans(context)
    if lead.index == 0 and len(spans) > 1:
        spans = [*spans[1:], spans[0]]  # the lead's words are fuller than the headline's
    elif 0 < lead.index <= 6:
        spans.append(context.sentences[0])  # "OSCE workshop in Bishkek"
    dateline = context.dateline[0]
    visited = _visited(context, *spans[0])
    if dateline and visited and _place_country(context, dateline) not in (None, visited):
        dateline = None  # "ANKARA - ... will pay a visit to Azerbaijan": filed, not held, there
    return (
        _sentence_venue(context, *spans[0])
        or dateline
        or next((v for sp in spans[1:] if not _recalls(context, *sp)
                 and (v := _sentence_venue(context, *sp))), None)
    )  # fmt: skip


def _recalls(context: Context, s: int, e: int) -> bool:
    """The sentence recalls an earlier meeting ("The two ministers last met in Ankara")."""
    return cue.EARLIER.search(context.text, s, e) is not None


# A visit to a state: "an official visit to Azerbaijan", "visited Mongolia".
_VISIT_TO = regex.compile(r"\bvisit(?:s|ed|ing)?\s+(?:to\s+)?(?:the\s+)?\Z", regex.IGNORECASE)


def _visited(context: Context, s: int, e: int) -> str | None:
    """The state a sentence reports a visit to."""
    if "visit" not in context.text[s:e].lower():
        return None
    visited = (
        f.key for f in context.entities
        if f.kind == "country" and s <= f.start < e
        and _VISIT_TO.search(context.text, max(s, f.start - 30), f.start)
    )  # fmt: skip
    return next(visited, None)


def _place_country(context: Context, place: str) -> str | None:
    return next((f.country for f in context.entities if f.kind == "place" and f.key == place),
                None)  # fmt: skip


def _sentence_venue(context: Context, s: int, e: int) -> str | None:
    s, e = context.body(s, e)
    named = cue.VENUE.search(context.text, s, e)
    venues = [f.key for f in context.entities
              if f.kind == "place" and f.detail == "venue" and s <= f.start < e]  # fmt: skip
    if venues:
        return venues[0]
    if named:
        return named.group(1).strip()
    return next(iter(context.places_in(s, e)), None)


def sentence_place(context: Context, s: int, e: int, after: int | None = None) -> str | None:
    s, e = context.body(s, e)
    named = cue.VENUE.search(context.text, after or s, e)
    return named.group(1).strip() if named else next(iter(context.places_in(s, e, after)), None)


def sentence_dates(context: Context, s: int, e: int, after: int | None = None) -> list[DateSpan]:
    """The sentence's dates, those after `after` first; "on Wednesday and Thursday" is one
    span of two days."""
    dates = [_day_before(context, d) for d in context.dates_in(s, e)]
    if after is not None:
        dates.sort(key=lambda d: d.start < after)
    if len(dates) >= 2 and dates[0].granularity == dates[1].granularity == "day":
        first, second = dates[0], dates[1]
        joined = context.text[first.end : second.start].strip() in ("and", "to", "-", "–")
        if joined and first.end_value is None and first.value and second.value:
            return [replace(first, end=second.end, end_value=second.value), *dates[2:]]
    return dates


_AND_DAY = regex.compile(r"\b(\d{1,2})\s+(?:and|&)\s+$")


def _day_before(context: Context, mention: DateSpan) -> DateSpan:
    """ "on 3 and 4 June": the first day, bare, belongs to the date after it."""
    before = _AND_DAY.search(context.text, max(0, mention.start - 12), mention.start)
    if before is None or mention.value is None or mention.end_value or mention.granularity != "day":
        return mention
    day = int(before.group(1))
    if not 1 <= day < mention.value.day:
        return mention
    return replace(mention, start=before.start(), value=mention.value.replace(day=day),
                   end_value=mention.value)  # fmt: skip


def main_dates(context: Context, lead: Lead) -> list[DateSpan]:
    """The first dates the lead gives (after the main sentence, only days: "in November" there
    is more often another event's), stretched over the event's length ("a two-day meeting ...
    closed yesterday"); else a day a sentence of the text gives before the main one; else the
    date of a dateline that is its own line."""
    main_words = context.text[slice(*context.sentences[lead.index])]
    for i, (s, e) in enumerate(lead.spans(context)):
        dates = [d for d in sentence_dates(context, s, e) if not i or d.granularity == "day"]
        if dates:
            return [_stretch(dates[0], main_words + " " + context.text[s:e]), *dates[1:]]
    # a day the lead gives before the main sentence: "The heads of the border services agreed
    # on Tuesday to ... Karimov received his counterpart in Tashkent."
    for s, e in context.sentences[1 : lead.index]:
        if len(context.text[s:e].split()) >= 6:  # a sentence, not a dateline's line
            days = [d for d in sentence_dates(context, s, e) if d.granularity == "day"]
            if days:
                return [_stretch(days[0], main_words + " " + context.text[s:e])]
    day = context.dateline[2]
    return [day] if day else []


def _stretch(mention: DateSpan, words: str) -> DateSpan:
    days = cue.duration(words)
    if not days or mention.value is None or mention.end_value or mention.granularity != "day":
        return mention
    length = timedelta(days=days - 1)
    if cue.ENDING.search(words):
        return replace(mention, value=mention.value - length, end_value=mention.value)
    if cue.OPENING.search(words):
        return replace(mention, end_value=mention.value + length)
    return mention


_CLAUSE = regex.compile(r";|\bwhile\b|,\s+and\b|\bwhereas\b")


def bilateral_clauses(
    context: Context, s: int, e: int
) -> list[tuple[int, int, list[list[Person]]]]:
    """The clauses of a sentence that each report talks, with the pairs of people in each
    ("A held bilateral meetings with B and C": A-B, A-C; "A met B": A-B; one person: alone)."""
    cuts = [s, *(s + m.start() for m in _CLAUSE.finditer(context.text[s:e])), e]
    clauses = [
        (a, b)
        for a, b in itertools.pairwise(cuts)
        if cue.TALKS.search(context.text[a:b]) or cue.SIDELINES.search(context.text[a:b])
    ]
    found = []
    for a, b in clauses or [(s, e)]:
        people = context.named_in(a, b)
        words = context.text[a:b]
        trigger = cue.TALKS.search(words) or cue.SIDELINES.search(words)
        at = a + (trigger.start() if trigger else 0)
        before = [p for p in people if context._first(p, a, b) < at]
        after = [p for p in people if p not in before]
        if len(people) < 2:
            found.append((a, b, [people] if people else []))
            continue
        host = before[-1] if before and after else people[0]
        guests = after if before and after else people[1:2]
        found.append((a, b, [[host, guest] for guest in guests]))
    return found


def make_meeting(
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
