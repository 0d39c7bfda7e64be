"""Meetings: the event a document reports (held or planned), bilateral meetings on its
sidelines, meetings recalled from before, and meetings announced for later.

A sentence reports a meeting when it holds a meeting word ("meeting", "talks", "session",
"visit", "videoconference", "met", "received", ...; `meetings_cues`). The first such sentence
names the main event; the sentences after it add to it (its date, its venue, the talks of a
visit) or report other meetings: talks on its sidelines, a meeting governed by a future word
("will be held", "agreed to meet again", "the next round"), a meeting recalled ("last met in
Ankara"). One event reported in several sentences stays one meeting.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import regex

from accord.extraction import meetings_cues as cue
from accord.extraction.findings import Meeting, Person
from accord.extraction.meetings_context import Context, DateSpan
from accord.extraction.meetings_parts import (
    Lead,
    bilateral_clauses,
    format_of,
    main_dates,
    main_venue,
    make_meeting,
    sentence_dates,
    sentence_place,
    states_listed,
)
from accord.vocab import DateGranularity, MeetingFormat, MeetingStatus

__all__ = ["Context", "DateSpan", "find_meetings"]


def find_meetings(context: Context) -> list[Meeting]:
    main: Meeting | None = None
    others: list[Meeting] = []
    reporting = _reporting(context)
    first = _first(context, reporting)
    for index in reporting:
        if index < first:
            continue
        sidelines = context.finds(cue.SIDELINES, index) is not None
        if main is None and sidelines and not _planned(context, index):
            others.extend(_bilaterals(context, index, None))
        elif main is None:
            main = _main(context, index)
        elif _planned(context, index):
            main, others = _add_planned(context, index, main, others)
        elif _talks(context, index) or _talks_with_another(context, index, main):
            main, talks = _merge_talks(main, _bilaterals(context, index, main), sidelines)
            others.extend(talks)
        elif earlier := _earlier(context, index, main):
            others.extend(earlier)
        elif attended := _attended(context, index, main):
            others.extend(attended)
        else:
            main = _attendees_added(context, index, main)
    if main is not None and others:
        main = _without_others_people(context, main, others)
    if main is not None:
        main = _without_absentees(context, main)
    return _distinct(context, ([main] if main else []) + others)


def _without_others_people(context: Context, main: Meeting, others: list[Meeting]) -> Meeting:
    """The main event without the people named only in the sentences of other meetings they
    take part in ("a day earlier, the minister had a telephone conversation with ..."): they
    took part in those, not in it."""
    people = {p.name: p for p in context.persons}

    def only_elsewhere(name: str) -> bool:
        elsewhere = [span for m in others if name in m.participants for span in m.spans]
        spans = people[name].spans if name in people else ()
        return bool(spans and elsewhere) and all(
            any(s <= a and b <= e for s, e in elsewhere) for a, b in spans
        )

    kept = tuple(name for name in main.participants if not only_elsewhere(name))
    return main if len(kept) == len(main.participants) else replace(main, participants=kept)


def _without_absentees(context: Context, main: Meeting) -> Meeting:
    """The main event without the people a sentence says did not attend ("Armenian Prime
    Minister Nikol Pashinyan did not attend")."""
    absent = set()
    for index, (s, e) in enumerate(context.sentences):
        if (found := context.finds(cue.ABSENT, index)) is None:
            continue
        words = context.text[s:e]  # the clause of the words, not the whole sentence
        start = max(words.rfind(";", 0, found.start()), words.rfind(",", 0, found.start()),
                    words.rfind(" but ", 0, found.start()), 0)  # fmt: skip
        ends = [
            at for at in (words.find(";", found.end()), words.find(",", found.end())) if at >= 0
        ]
        absent |= {p.name for p in context.named_in(s + start, s + min(ends, default=len(words)))}
    kept = tuple(name for name in main.participants if name not in absent)
    return main if len(kept) == len(main.participants) else replace(main, participants=kept)


def _reporting(context: Context) -> list[int]:
    """The sentences with a meeting word, headings after the headline left out ("Meetings on
    the margins")."""
    found = []
    for index in sorted({*context.holding(cue.EVENT), *context.holding(cue.NEXT)}):
        s, e = context.sentences[index]
        reports = context.finds(cue.EVENT, index) or context.finds(cue.NEXT, index)
        if reports and (index == 0 or len(context.text[s:e].split()) >= 6):
            found.append(index)
    return found


def _first(context: Context, reporting: list[int]) -> int:
    """The sentence that names the main event: the first to report a meeting, unless it is a
    headline and the lead, just after it, reports the same event more fully."""
    if not reporting:
        return 0
    first = reporting[0]
    lead = len(reporting) > 1 and reporting[1] <= first + 5
    return reporting[1] if lead and _headline(context, first) else first


def _headline(context: Context, index: int) -> bool:
    """The sentence is a line of its own without a full stop: a headline."""
    s, e = context.sentences[index]
    line = context.text[s:e].strip()
    alone = context.text[max(0, s - 1) : s] in ("", "\n")
    return alone and not line.endswith(".") and context.text[e : e + 2].strip(" ").startswith("\n")


def _planned(context: Context, index: int) -> bool:
    return bool(
        context.finds(cue.PLANNED, index)
        or (index == 0 and context.finds(cue.HEADLINE_FUTURE, index))
    )


def _talks(context: Context, index: int) -> bool:
    """A sentence that reports its own meeting between people: on the sidelines, or two
    named people meeting ("A held talks with B", "A and B also met")."""
    if context.finds(cue.SIDELINES, index):
        return True
    return (
        bool(context.finds(cue.TALKS, index))
        and len(context.named_in(*context.sentences[index])) >= 2
    )


def _talks_with_another(context: Context, index: int, main: Meeting) -> bool:
    """ "Later, the delegation met with Deputy Foreign Minister Aloev": talks of one named
    person with a party the text names no one for, when that person is not in the main
    event's talks (its two people, who are named)."""
    if main.format is not MeetingFormat.BILATERAL or len(main.participants) != 2:
        return False
    named = context.named_in(*context.sentences[index])
    return (
        len(named) == 1
        and named[0].name not in main.participants
        and bool(context.finds(cue.TALKS, index))
    )


def _main(context: Context, index: int) -> Meeting:
    s, e = context.sentences[index]
    lead = Lead.of(context, index)
    here = context.named_in(*context.body(s, e))
    fmt = format_of(context, lead, here)
    planned = _planned(context, index)
    # a future event is not the held one the text's people are named in: its own people, when
    # it names two or more (as for any planned meeting)
    everyone = (here if len(here) >= 2 else []) if planned else list(context.persons)
    people = here if len(here) >= 2 and fmt is MeetingFormat.BILATERAL else everyone
    countries = {p.country for p in people if p.country}
    if fmt is MeetingFormat.MULTILATERAL or len(countries) < 2:
        # the states of people of unknown country, or of delegations no one is named for
        countries |= set(context.countries_in(*context.body(s, e))) | states_listed(context, lead)
    venue = None if context.finds(cue.VIDEO, index) else main_venue(context, lead)
    if planned and (future := context.finds(cue.PLANNED, index)):
        # "... on the eve of the meeting, which will be held in Dushanbe": the city after
        venue = sentence_place(context, s, e, after=s + future.start()) or venue
    return make_meeting(fmt, planned, people, countries, main_dates(context, lead), venue, (s, e))


_PRONOUN_SUBJECT = regex.compile(r"(?:^|,\s+|\bthen\s+)(?:he|she)\s", regex.IGNORECASE)


def _add_planned(
    context: Context, index: int, main: Meeting, others: list[Meeting]
) -> tuple[Meeting, list[Meeting]]:
    """A planned meeting; when the main event is itself planned and the sentence speaks of
    no "next" meeting, it says more about the main one (its dates, venue, people)."""
    s, e = context.sentences[index]
    words = context.text[s:e]
    found = context.finds(cue.PLANNED, index) or context.finds(cue.HEADLINE_FUTURE, index)
    at = s + (found.start() if found else 0)
    people = context.named_in(s, e)
    if len(people) == 1 and _PRONOUN_SUBJECT.search(words, 0, at - s):
        # "In Mogadishu, he is scheduled to hold talks with X": he is the one the text has
        # named most so far (the visitor it is about), the first of them on a tie
        earlier = [p for p in context.named_in(0, s) if p is not people[0]]
        if earlier:
            he = max(earlier, key=lambda p: sum(a < s for a, _ in p.spans))  # (first on a tie)
            people = [he, *people]
    people = people if len(people) >= 2 else []
    place = None if context.finds(cue.VIDEO, index) else sentence_place(context, s, e, after=at)
    dates = sentence_dates(context, s, e, after=at)
    if not (dates or place) and cue.RECURRING.search(words, at - s):
        return main, others  # "a working group, which will meet twice a year": a schedule
    # the next round of a forum is a forum's ("the sides agreed to hold the next round of the
    # Dialogue": the sides are its members, not two parties)
    forum = main.format is MeetingFormat.MULTILATERAL and context.finds(cue.NEXT, index)
    fmt = MeetingFormat.MULTILATERAL if forum else cue.sentence_format(words) or main.format
    planned = make_meeting(fmt, True, people, _same_parties(main, fmt), dates, place, (s, e))
    second = _second_planned(context, index, found, place, fmt)
    same = main.status is MeetingStatus.PLANNED and not context.finds(cue.NEXT, index)
    if same and not _elsewhen(main, planned):
        return _fill(main, planned), [*others, *second]
    return main, [*others, planned, *second]


def _second_planned(
    context: Context,
    index: int,
    first: regex.Match[str] | None,
    place: str | None,
    fmt: MeetingFormat,
) -> list[Meeting]:
    """A second planned meeting the sentence names after the first, somewhere else: "... the
    Council, which will meet in Freetown on 30 June, and to the Summit, scheduled to be held
    in Abuja next month"."""
    if first is None or place is None:
        return []
    s, e = context.sentences[index]
    words = context.text[s:e]
    for found in cue.PLANNED.finditer(words, first.end()):
        at = s + found.start()
        other = sentence_place(context, s, e, after=at)
        if other is None or other == place:
            continue
        dates = [d for d in sentence_dates(context, s, e, after=at) if d.start >= at]
        return [make_meeting(fmt, True, [], set(), dates, other, (s, e))]
    return []


def _elsewhen(a: Meeting, b: Meeting) -> bool:
    """Another day or another place than the other meeting's: not the same event ("the summit
    will be preceded by a meeting of the foreign ministers on 9 October")."""
    other_day = a.start is not None and b.start is not None and a.start != b.start
    return other_day or (a.location is not None and b.location not in (None, a.location))


def _fill(meeting: Meeting, more: Meeting) -> Meeting:
    """`meeting` with what it lacks taken from `more`, a second report of the same event."""
    return replace(
        meeting,
        start=meeting.start or more.start,
        end=meeting.end or more.end,
        location=meeting.location or more.location,
        participants=meeting.participants or more.participants,
        spans=meeting.spans + more.spans,
    )


def _bilaterals(context: Context, index: int, main: Meeting | None) -> list[Meeting]:
    """ "A held bilateral meetings with B, C and D": one meeting each; "A and B met": one;
    "the Kazakh minister met his Kyrgyz counterpart": one between two states. They take the
    day and the place the sentence gives, else those of the main event."""
    s, e = context.sentences[index]
    dates = sentence_dates(context, s, e)
    if not dates and context.finds(cue.SAME_DAY, index):
        dates = context.last_day_before(s)
    # talks on the sidelines are where the main event is; a city they name is often a topic
    place = main.location if main else (sentence_place(context, s, e) or context.dateline[0])
    if context.finds(cue.VIDEO, index):
        place = None  # by video or telephone: no venue
    found: list[Meeting] = []
    for a, b, pairs in bilateral_clauses(context, s, e):
        for pair in pairs or [_signatories_after(context, index)]:
            countries = _pair_states(context, pair, a, b)
            found.append(make_meeting(MeetingFormat.BILATERAL, False, pair, countries, dates,
                                      place, (a, b)))  # fmt: skip
    if main is not None and not dates and main.start is not None and main.start == main.end:
        # the sidelines of a one-day event are that day; of a longer one, no day in particular;
        # "a day earlier", "the next day": the day before or after it
        day = main.start
        if day.granularity is DateGranularity.DAY:
            shift = (context.finds(cue.DAY_AFTER, index) is not None) - (
                context.finds(cue.DAY_BEFORE, index) is not None
            )
            day = replace(day, value=day.value + timedelta(days=shift))
        found = [replace(m, start=day, end=day) for m in found]
    return found


_SIGNED_BY = regex.compile(r"\b(?:was|were)\s+signed\s+by\b")


def _signatories_after(context: Context, index: int) -> list[Person]:
    """Talks that name no one ("Serbia and Austria signed an agreement"), when the next
    sentence names the two who signed it ("The agreement was signed by A for Serbia and by B
    for Austria"): those two."""
    if index + 1 >= len(context.sentences):
        return []
    s, e = context.sentences[index + 1]
    people = context.named_in(s, e)
    return people if len(people) == 2 and _SIGNED_BY.search(context.text, s, e) else []


def _pair_states(context: Context, pair: list[Person], s: int, e: int) -> set[str]:
    """The states of two people in talks; those the clause names when the people do not say
    ("the Finnish minister", "his Kyrgyz counterpart"), as long as there are two at most."""
    countries = {p.country for p in pair if p.country}
    named = countries | set(context.countries_in(s, e))
    return named if len(countries) < 2 and len(named) <= 2 else countries


def _merge_talks(
    main: Meeting, talks: list[Meeting], sidelines: bool
) -> tuple[Meeting, list[Meeting]]:
    """Talks between people who are already the main event's (a visit's talks, a caption of
    the meeting) are the main event, not another meeting; they may place it. Not talks on
    the sidelines (`sidelines`: the sentence says so)."""
    if main.format is not MeetingFormat.BILATERAL or sidelines:
        return main, talks
    inside = set(main.participants)
    same = [m for m in talks if set(m.participants) <= inside]
    if not same:
        return main, talks
    location = main.location or same[0].location
    return replace(main, location=location), [m for m in talks if m not in same]


def _earlier(context: Context, index: int, main: Meeting) -> list[Meeting]:
    """An earlier meeting recalled in passing ("the previous conference in Bishkek", "they
    last met in Ankara", "launched at the 2004 summit in Istanbul"): held, placed where the
    sentence puts it, multilateral unless the words or the main event say two parties."""
    s, e = context.sentences[index]
    words = context.text[s:e]
    recalled = context.finds(cue.EARLIER, index) or (
        context.finds(cue.LAST, index) and context.finds(cue.OWN_EVENT, index)
    )
    if not (recalled or (context.finds(cue.HELD_AT, index) and context.names_past_year(s, e))):
        return []
    places = [p for p in context.places_in(s, e) if p != main.location]
    if not places:
        return []
    fmt = MeetingFormat.MULTILATERAL if cue.MANY.search(words) else None
    fmt = fmt or (MeetingFormat.BILATERAL if cue.BILATERAL.search(words) else main.format)
    return [make_meeting(fmt, False, [], _same_parties(main, fmt),
                         [], places[0], (s, e))]  # fmt: skip


def _same_parties(main: Meeting, fmt: MeetingFormat) -> set[str]:
    """The states of another meeting of the same parties (the next round of bilateral talks,
    a trilateral's next meeting); none for a forum's, whose members the text does not list."""
    same = fmt is main.format and (fmt is MeetingFormat.BILATERAL or 2 <= len(main.countries) <= 3)
    return set(main.countries) if same else set()


def _attended(context: Context, index: int, main: Meeting) -> list[Meeting]:
    """ "On Thursday, she took part in the session of the Commission at NATO Headquarters":
    another meeting when it has a day or a place of its own; else it is the main event."""
    if not context.finds(cue.ATTENDED, index):
        return []
    s, e = context.sentences[index]
    words = context.text[s:e]
    dates = [d for d in sentence_dates(context, s, e) if d.granularity == "day"]
    place = sentence_place(context, s, e)
    own_day = bool(dates) and (main.start is None or dates[0].value != main.start.value)
    if not (own_day or (place and place != main.location)):
        return []
    people = context.named_in(s, e)
    fmt = cue.sentence_format(words) or main.format
    countries = {p.country for p in people if p.country} | set(main.countries)
    return [make_meeting(fmt, False, people, countries, dates, place or main.location, (s, e))]


def _attendees_added(context: Context, index: int, main: Meeting) -> Meeting:
    """ "The meeting was attended by ...": the people the sentence names take part in the main
    event (when it is no meeting of its own, which _attended reads)."""
    if not (context.finds(cue.ATTENDED_BY, index) or context.finds(cue.ATTENDED, index)):
        return main
    s, e = context.sentences[index]
    new = [p.name for p in context.named_in(s, e) if p.name not in main.participants]
    if not new:
        return main
    countries = {p.country for p in context.named_in(s, e) if p.country}
    return replace(
        main,
        participants=(*main.participants, *new),
        countries=tuple(sorted(set(main.countries) | countries)),
        spans=(*main.spans, (s, e)),
    )


def _distinct(context: Context, meetings: list[Meeting]) -> list[Meeting]:
    """One meeting per event: reports of the same bilateral talks (the same two people on the
    same day) and two sentences about the same "next" meeting are one."""
    kept: list[Meeting] = []
    for meeting in meetings:
        twin = next((k for k in kept if _same(context, k, meeting)), None)
        if twin is None:
            kept.append(meeting)
        else:
            kept[kept.index(twin)] = _fill(twin, meeting)
    return kept


def _same(context: Context, a: Meeting, b: Meeting) -> bool:
    if a.format is not b.format or a.status is not b.status:
        return False
    if len(a.participants) >= 2 and set(a.participants) == set(b.participants):
        return a.start == b.start
    if a.status is MeetingStatus.PLANNED and not (a.participants or b.participants):
        # "before the next meeting" then "the next meeting will take place in Baku"
        unplaced = a.location is None or b.location is None or a.location == b.location
        undated = a.start is None or b.start is None or a.start == b.start
        return unplaced and undated and all(_says_next(context, m) for m in (a, b))
    return False


def _says_next(context: Context, meeting: Meeting) -> bool:
    return any(cue.NEXT.search(context.text[s:e]) for s, e in meeting.spans)
