"""Document text in, findings out: the stages of extraction in the order they depend on each
other. Pure: no I/O, no clock."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache

import regex

from accord.documents.cues import Present, Vocabulary, finditer_at, prefix_cue_of
from accord.extraction import gazetteers as gz
from accord.extraction.entities import (
    Found,
    bare_names,
    country_in,
    defined_acronyms,
    find_entities,
    in_full,
)
from accord.extraction.findings import (
    Country,
    Findings,
    Location,
    Organisation,
    Person,
    ThreatActor,
)
from accord.extraction.gazetteers.threat_actors import find_threat_actor
from accord.extraction.initiatives import find_initiatives
from accord.extraction.lexicon import VENUE_WORDS
from accord.extraction.meetings import Context, DateSpan, find_meetings
from accord.extraction.name_words import common_word, is_given_name
from accord.extraction.names import find_names
from accord.extraction.persons import group_persons
from accord.extraction.quotes import find_quotes
from accord.extraction.sentences import sentences
from accord.extraction.spans import SpanIndex
from accord.extraction.threat_phrases import threat_phrases
from accord.extraction.topics import find_topics


def extract(text: str, published: date | None = None) -> Findings:
    mentions = find_names(text, _is_place_or_country)
    persons, refers = group_persons(text, mentions, country_in)
    person_spans = _written_in_full(text, persons)
    covered = SpanIndex(person_spans)
    entities = _overshadowed([f for f in find_entities(text, person_spans)
                              if not _inside(f, covered)])  # fmt: skip
    entities = _without_code_names(text, threat_phrases(text, entities, covered))
    entities = _without_currencies(text, entities)
    entities = _unknown_places(text, entities, covered)
    bare = bare_names(entities)
    entities = defined_acronyms(text, in_full(entities, bare))
    persons = _serving(_respective(text, persons, entities), bare, entities)
    dates = _dates(text, published)
    context = Context(text, sentences(text), persons, entities, dates,
                      _dateline_place(text, entities))  # fmt: skip
    officials = _home_officials(persons, context.dateline[0])
    if officials != persons:
        persons = officials
        context = replace(context, persons=persons)
    return Findings(
        published=published,
        persons=tuple(persons),
        organisations=_organisations(entities),
        threat_actors=_threat_actors(entities),
        countries=_countries(entities),
        locations=_locations(entities),
        meetings=tuple(find_meetings(context)),
        topics=find_topics(text, groups=_group_mentions(entities)),
        quotes=tuple(find_quotes(text, mentions, refers, persons)),
        initiatives=tuple(find_initiatives(text, entities, context.sentences)),
    )


def _written_in_full(text: str, persons: list[Person]) -> list[tuple[int, int]]:
    """The persons' spans, and every other place the text writes a full name of theirs, where
    no mention was read ("Spokesperson Lin Jian's Regular Press Conference"): no word of it is
    a place's or a body's."""
    spans = [(a, b) for person in persons for a, b in person.spans]
    known = set(spans)
    for person in persons:
        if " " not in person.name:
            continue
        at = text.find(person.name)
        while at >= 0:
            span = (at, at + len(person.name))
            if span not in known:
                spans.append(span)
            at = text.find(person.name, span[1])
    return spans


@lru_cache(maxsize=65536)  # the same words and names recur within and across documents
def _is_place_or_country(word: str) -> bool:
    """A place, a country, or a named group or institution: never a person's name."""
    return (
        gz.find_country(word) is not None
        or gz.find_place(word) is not None
        or (" " in word and (find_threat_actor(word) is not None
                             or gz.find_organisation(word) is not None))
    )  # fmt: skip


# A place the gazetteers lack, read from how it is written: "near Khurvaleti", "met in
# Ergneti", "the village of Zardiaanti", "Charkesar in Uzbekistan".
_PLACE_AFTER = regex.compile(
    r"\b(?:near|(?:met|meeting|held|took place|talks|residents|born|based)\s+in|"
    r"(?:village|town|settlement|villages|residents)\s+of)\s+"
    r"(?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?)\b(?!\s+\p{Lu})"
)
_PLACE_IN_COUNTRY = regex.compile(
    r"\b(?P<name>(?:\p{Lu}\p{Ll}+[ \t]+){0,2}\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?)[ \t]+in[ \t]+"
    r"(?P<country>\p{Lu}[\p{L}-]+)\b"
)
# The word before a name that the name goes on from: a capitalised word or a particle
# ("Clan del Golfo in Colombia" is not a place "Golfo").
_NAME_GOES_ON = regex.compile(
    r"(?:\p{Lu}[\p{L}-]*|del|de|da|di|al|el|bin|ibn|van|von|la|le)[ \t]+\Z"
)


_PLACE_FIRST = prefix_cue_of(_PLACE_AFTER.pattern)
_PLACE_WORDS = Vocabulary([_PLACE_FIRST])
_IN_STATE = regex.compile(r"in[ \t]+\p{Lu}[\p{L}-]*")  # the "in <State>" of _PLACE_IN_COUNTRY


def _place_after(text: str) -> Iterator[regex.Match[str]]:
    """_PLACE_AFTER.finditer(text), tried only where one of its first words begins (found in
    the one pass over the text that finds the other stages' literals)."""
    if _PLACE_FIRST is None:  # the pattern's first words could not be read
        return _PLACE_AFTER.finditer(text)
    return finditer_at(_PLACE_AFTER, text, Present(text, (), _PLACE_WORDS).starts(_PLACE_FIRST))


def _place_in_country(text: str) -> Iterator[regex.Match[str]]:
    """_PLACE_IN_COUNTRY.finditer(text), searched only just before each "in" between spaces:
    a match's name is at most three words, so it begins within the three words before."""
    end = 0
    for at in _spaced_in(text):
        state = _IN_STATE.match(text, at)
        if state is None:
            continue
        start = at - 1
        for _ in range(3):  # back over three words and the spaces before each
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            while start > 0 and text[start - 1] not in " \t\n":
                start -= 1
        start = max(start, end)
        if start < at:  # the character after the State's name is kept, for its \b
            found = _PLACE_IN_COUNTRY.search(text, start, state.end() + 1)
            if found is not None:
                end = found.end()
                yield found


def _spaced_in(text: str) -> list[int]:
    """Where each "in" with a space or tab before it begins, in order."""
    found = []
    for before in (" in", "\tin"):
        at = text.find(before)
        while at >= 0:
            found.append(at + 1)
            at = text.find(before, at + 1)
    return sorted(found) if "\tin" in text else found


# A building named after someone or something: "the Palacio de López", "Palais des Nations"
_VENUE = regex.compile(
    rf"\b(?P<name>(?:{'|'.join(sorted(VENUE_WORDS))})[ \t]+"
    r"(?:(?:de|del|do|da|dos|das|des|du|della|di|la|le)[ \t]+)+\p{Lu}\p{L}+"
    r"(?:[ \t]+\p{Lu}\p{L}+)?)"
)


def _venues(text: str) -> Iterator[regex.Match[str]]:
    """_VENUE.finditer(text), searched only where one of the venue words is."""
    if not any(word in text for word in VENUE_WORDS):
        return iter(())
    return _VENUE.finditer(text)


# "headquartered in Lungi, Sierra Leone": a place, then the state it lies in
_PLACE_BEFORE_STATE = regex.compile(
    r"\b(?:in|at|near|from|to)[ \t]+(?P<name>\p{Lu}\p{Ll}+(?:[ \t-]\p{Lu}\p{Ll}+)?),[ \t]+"
    r"(?P<country>(?:the[ \t]+)?\p{Lu}[\p{L}-]+(?:[ \t]+\p{Lu}[\p{L}-]+){0,2})\b"
)


def _place_before_state(text: str) -> Iterator[regex.Match[str]]:
    """_PLACE_BEFORE_STATE.finditer(text), tried only at the "in", "at" ... before each
    ", " that a capitalised word follows."""
    seen = -1
    at = text.find(", ")
    while at >= 0:
        window = max(0, at - 40, seen)
        before = _PREPOSITION_BEFORE.search(text, window, at)
        if before is not None:
            found = _PLACE_BEFORE_STATE.match(text, before.start())
            if found is not None:
                seen = found.end()
                yield found
        at = text.find(", ", at + 2)


_PREPOSITION_BEFORE = regex.compile(
    r"\b(?:in|at|near|from|to)[ \t]+\p{Lu}\p{Ll}+(?:[ \t-]\p{Lu}\p{Ll}+)?\Z"
)

# A place the gazetteers lack, named by its kind in lower case after it: "the Makran coast",
# "the Transnistrian region" (the kind is part of the name), or a crossing, a county or a
# department by its own name ("the Leușeni–Albița border crossing", "Mandera, Wajir and Lamu
# counties", "the Palanca and Giurgiulești crossing points").
_KIND_IN_NAME = ("region", "valley", "coast", "basin", "area", "corridor", "delta", "plateau")
_KIND_AFTER_NAME = (
    "border crossing", "border crossings", "crossing point", "crossing points", "checkpoint",
    "checkpoints", "counties", "departments", "districts", "provinces", "border post",
    "border posts",
)  # fmt: skip
_NAMES_BEFORE = regex.compile(
    r"(?P<names>\p{Lu}\p{Ll}+(?:[ \t]*[\u2013/-][ \t]*\p{Lu}\p{Ll}+|"
    r"(?:,[ \t]+|[ \t]+and[ \t]+)\p{Lu}\p{Ll}+)*)[ \t]+\Z"
)
_ONE_NAME = regex.compile(r"\p{Lu}\p{Ll}+")


def _places_by_kind(text: str) -> Iterator[tuple[int, int, None]]:
    """The spans of the places named before a kind of place in lower case (_KIND_IN_NAME: the
    name with its kind; _KIND_AFTER_NAME: each name alone). Not where the name opens a
    sentence ("Region by region, ...")."""
    for kind in (*_KIND_IN_NAME, *_KIND_AFTER_NAME):
        at = text.find(" " + kind)
        while at >= 0:
            end = at + 1 + len(kind)
            if end == len(text) or not text[end].isalpha():
                before = _NAMES_BEFORE.search(text, max(0, at - 80), at + 1)
                if before is not None and not _opens_sentence(text, before.start()):
                    yield from _kind_spans(text, before, kind, end)
            at = text.find(" " + kind, end)


def _opens_sentence(text: str, at: int) -> bool:
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] in '.!?\n:;"\u201c'


def _kind_spans(
    text: str, before: regex.Match[str], kind: str, end: int
) -> Iterator[tuple[int, int, None]]:
    start = before.start("names")
    if kind in _KIND_IN_NAME:
        if " and " not in before["names"] and "," not in before["names"]:
            yield (start, end, None)
        return
    for name in _ONE_NAME.finditer(text, start, before.end("names")):
        yield (name.start(), name.end(), None)


def _unknown_places(text: str, entities: list[Found], persons: SpanIndex) -> list[Found]:
    """The entities, with the places of unknown names that the words around them show to
    be places (a word known as anything else, a person's, or an everyday word is not), and
    the buildings named with a venue word, over the places their words name ("Palacio de
    López" is neither Palacio in Spain nor López)."""
    venues = [venue.span("name") for venue in _venues(text)]
    if venues:
        inside = SpanIndex(venues)
        entities = [f for f in entities if f.kind != "place" or not inside.encloses(f.start, f.end)]
        entities = sorted(
            [*entities, *(Found("place", text[a:b], a, b, text[a:b], None, None, "venue")
                          for a, b in venues
                          if not any(f.start < b and a < f.end for f in entities))],
            key=lambda f: (f.start, -f.end),
        )  # fmt: skip
    known = SpanIndex((f.start, f.end) for f in entities)
    countries = {(f.start, f.end): f.key for f in entities if f.kind == "country"}
    added: list[Found] = []
    named = [
        (*found.span("name"), found.span("country") if "country" in found.groupdict() else None)
        for found in (*_place_before_state(text), *_place_after(text), *_place_in_country(text))
    ]  # a place with its state first: "based in Lungi, Sierra Leone"
    taken: set[tuple[int, int]] = set()
    for start, end, state in (*named, *_places_by_kind(text)):
        name = text[start:end]
        if known.overlaps(start, end) or persons.overlaps(start, end) or (start, end) in taken:
            continue
        words = [w for w in name.split() if w not in _KIND_IN_NAME]
        if not words or any(common_word(w, 3.0) or is_given_name(w) for w in words):
            continue
        if gz.find_country(name) or gz.find_organisation(name):
            continue
        if _NAME_GOES_ON.search(text, max(0, start - 30), start):
            continue
        country = None
        if state is not None:
            country = countries.get(state)
            if country is None:  # "X in Y", "in X, Y": a place only when Y is a state
                continue
        taken.add((start, end))
        added.append(Found("place", name, start, end, name, country, None, "unknown"))
    if not added:
        return entities
    return sorted([*entities, *added], key=lambda f: (f.start, -f.end))


# The quoted code name of an operation or exercise: "the joint exercise “Peace Mission-2025”",
# "the “Kanal” operation". Read only around the nouns, found in the shared pass of literals.
_CODE_NOUNS = ("operation", "exercise", "drill", "manoeuvres", "maneuvers")
_CODE_WORDS = Vocabulary([_CODE_NOUNS])
_NAME_AFTER = regex.compile(r"[\p{L}]*\s+[\"“‘']([^\"”’'\n]{2,60})[\"”’']")
_NAME_BEFORE = regex.compile(r"[\"“‘']([^\"”’'\n]{2,60})[\"”’']\s+\Z")


def _without_code_names(text: str, entities: list[Found]) -> list[Found]:
    """No organisation or place is named by an operation's or exercise's code name ("Peace
    Mission" of the exercise “Peace Mission-2025”)."""
    present = Present(text, (), _CODE_WORDS)
    spans = []
    for noun in _CODE_NOUNS:
        for at in present.starts((noun,)):
            if at > 0 and text[at - 1].isalpha():  # "cooperation" holds no operation
                continue
            after = _NAME_AFTER.match(text, at + len(noun))
            if after is not None:
                spans.append(after.span(1))
            before = _NAME_BEFORE.search(text, max(0, at - 66), at)
            if before is not None:
                spans.append(before.span(1))
    if not spans:
        return entities
    names = SpanIndex(spans)
    return [
        f for f in entities
        if f.kind not in ("organisation", "place") or not names.encloses(f.start, f.end)
    ]  # fmt: skip


# A state's name or adjective before its currency names a sum, not the state: "2.4 million US
# dollars", "US$ 5 million", "500 million Russian roubles".
_CURRENCY = regex.compile(
    r"\$|[ \t]+(?:dollars?|roubles?|rubles?|rupees?|yen|yuan|renminbi|soms?|tenge|manats?|"
    r"dinars?|riyals?|rials?|dirhams?|francs?|pounds?|lira|liras|lari|drams?|somoni|euros?|"
    r"pesos?|rand|krona|kronor|kroner|zloty|hryvnias?|leva?|lei|forints?|taka|afghanis?)\b",
    regex.IGNORECASE,
)


def _without_currencies(text: str, entities: list[Found]) -> list[Found]:
    return [
        f for f in entities if f.kind != "country" or _CURRENCY.match(text, f.end) is None
    ]  # fmt: skip


def _inside(found: Found, spans: SpanIndex) -> bool:
    return found.kind == "place" and spans.overlaps(found.start, found.end)


def _overshadowed(entities: list[Found]) -> list[Found]:
    """Places that are part of a country's name ("Herzegovina") or of a group's ("Sahel
    Province" in "Islamic State Sahel Province"), or that are the very words of an
    organisation's name ("Alliance"), are not places. (A place inside an organisation's name
    is: "Shanghai" in "Shanghai Cooperation Organisation".)"""
    countries = SpanIndex((f.start, f.end) for f in entities if f.kind in ("country", "threat"))
    organisations = {(f.start, f.end) for f in entities if f.kind == "organisation"}
    return [
        f for f in entities
        if f.kind != "place" or not (
            countries.encloses(f.start, f.end) or (f.start, f.end) in organisations
        )
    ]  # fmt: skip


def _countries(entities: list[Found]) -> tuple[Country, ...]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for found in entities:
        if found.kind == "country":
            spans.setdefault(found.key, []).append((found.start, found.end))
        elif found.country and found.kind == "organisation" and found.parent is None:
            continue
    return tuple(Country(code, tuple(s)) for code, s in spans.items())


def _locations(entities: list[Found]) -> tuple[Location, ...]:
    """One location per place, named in its fullest written form ("Panj River")."""
    found: dict[str, tuple[str, str | None, list[tuple[int, int]]]] = {}
    for item in entities:
        if item.kind != "place":
            continue
        surface = item.surface.removeprefix("the ")
        if surface.isupper() and len(surface) > 3:  # a dateline's "ADDIS ABABA"
            surface = item.key
        name, country, spans = found.setdefault(item.key, (surface, item.country, []))
        if len(surface) > len(name):
            found[item.key] = (surface, country, spans)
        spans.append((item.start, item.end))
    return tuple(Location(name, country, tuple(spans)) for name, country, spans in found.values())


def _organisations(entities: list[Found]) -> tuple[Organisation, ...]:
    by_name: dict[str, tuple[set[str], str | None, list[tuple[int, int]]]] = {}
    for item in entities:
        if item.kind != "organisation":
            continue
        aliases, _, spans = by_name.setdefault(item.key, (set(), item.country, []))
        if item.surface.casefold() != item.key.casefold():  # not the name in a headline's capitals
            aliases.add(item.surface)
        spans.append((item.start, item.end))
        if item.parent:
            by_name.setdefault(item.parent, (set(), None, []))
    return tuple(
        Organisation(name, tuple(sorted(aliases)), country, tuple(spans))
        for name, (aliases, country, spans) in by_name.items()
    )


def _group_mentions(entities: list[Found]) -> list[tuple[str, tuple[int, int]]]:
    """The kind ("terrorist", "criminal", ...) and span of every mention of a named group."""
    return [
        (actor.kind, (item.start, item.end))
        for item in entities
        if item.kind == "threat" and (actor := find_threat_actor(item.key)) is not None
    ]


def _threat_actors(entities: list[Found]) -> tuple[ThreatActor, ...]:
    by_name: dict[str, tuple[set[str], list[tuple[int, int]]]] = {}
    for item in entities:
        if item.kind == "threat":
            aliases, spans = by_name.setdefault(item.key, (set(), []))
            if item.surface != item.key:
                aliases.add(item.surface)
            spans.append((item.start, item.end))
    return tuple(
        ThreatActor(name, tuple(sorted(aliases)), tuple(spans))
        for name, (aliases, spans) in by_name.items()
    )


def _dates(text: str, published: date | None) -> list[DateSpan]:
    try:
        from accord.documents import find_dates
    except ImportError:  # pragma: no cover - documents package is part of Accord
        return []
    return [
        DateSpan(m.start, m.end, m.value, m.end_value, str(m.granularity))
        for m in find_dates(text, anchor=published)
    ]


def _dateline_place(text: str, entities: list[Found]) -> str | None:
    """The place of a dateline ("THE HAGUE –", "Muscat, Wednesday") near the top."""
    head = text[:400]
    for found in entities:
        if found.kind == "place" and found.start < len(head):
            return found.key
    return None


# A national office ("Vice Minister of Defence", "Secretary of the National Security
# Council", "President"), and the words of an international one, which no state holds.
_NATIONAL_OFFICE = regex.compile(
    r"\b(?:Minister|Ministry|President|Government|Presidential|National Security|General Staff|"
    r"Armed Forces|Security Council|Parliament|Speaker|Prosecutor|Procurator|Attorney General|"
    r"Ombudsman|Supreme Court|Chancellor|Cabinet Secretary|Principal Secretary|"
    r"Secretary of State|Inspector-General of Police)\b"
)
_INTERNATIONAL_OFFICE = regex.compile(
    r"\b(?:Commission|Union|Organi[sz]ation|Nations|UN|NATO|OSCE|CSTO|SCO|CIS|Secretary[- ]General|"
    r"Assembly|Bank|Europe|Interpol|INTERPOL|Europol|Mission|Alliance|Special Representative)\b"
)


def _home_officials(persons: list[Person], dateline: str | None) -> list[Person]:
    """A person of unknown state whose role is a national office ("Minister of Defence",
    "President") serves the state the dateline is in: a text from Ulaanbaatar names its own
    ministers without saying "of Mongolia", and names a visitor's state."""
    place = gz.find_place(dateline) if dateline else None
    home = place.country if place else None
    if home is None:
        return persons
    return [
        replace(person, country=home)
        if person.country is None and any(
            _NATIONAL_OFFICE.search(role) and not _INTERNATIONAL_OFFICE.search(role)
            for role in person.roles
        )
        else person
        for person in persons
    ]  # fmt: skip


def _serving(persons: list[Person], bare: dict[str, Found], entities: list[Found]) -> list[Person]:
    """A person of unknown state whose role names a body bare ("Director of the Border
    Service") or by the acronym the text gives it ("Director of NCSC-FI") serves the state of
    the body the text names in full (`bare`: entities.bare_names)."""
    states = {name: f.country for name, f in bare.items() if f.country}
    states.update(
        (f.surface, f.country) for f in entities
        if f.kind == "organisation" and f.country and f.surface != f.key and f.surface.isupper()
    )  # fmt: skip
    if not states or all(p.country for p in persons):
        return persons
    result = []
    for person in persons:
        country = None if person.country else next(
            (states[name] for role in person.roles for name in states
             if _names_bare(role, name)), None)  # fmt: skip
        result.append(replace(person, country=country) if country else person)
    return result


def _names_bare(role: str, name: str) -> bool:
    """Whether the role holds the body's bare name as words of its own, not the start of
    another name ("Border Service" in "Director of the Border Service", not in "... Service of
    the FSB")."""
    at = role.find(name)
    while at >= 0:
        end = at + len(name)
        whole = (at == 0 or not role[at - 1].isalnum()) and not role[end : end + 1].isalnum()
        if whole and not role.startswith(" of", end):
            return True
        at = role.find(name, at + 1)
    return False


def _respective(text: str, persons: list[Person], entities: list[Found]) -> list[Person]:
    """ "The ministers of Austria, Hungary and Serbia, Gerhard Karner, Sándor Pintér and Ivica
    Dačić": two lists of one length, the states then the people, pair in order. A person of
    unknown state takes the state in the same place of the list before."""
    if not any(p.country is None for p in persons):
        return persons
    countries = [f for f in entities if f.kind == "country"]
    owners = sorted(((s, e, i) for i, p in enumerate(persons) for s, e in p.spans))
    found: dict[int, str] = {}
    index = 0
    while index < len(countries):
        run = [countries[index]]
        while index + len(run) < len(countries) and _LIST_GAP.fullmatch(
            text, run[-1].end, countries[index + len(run)].start
        ):
            run.append(countries[index + len(run)])
        index += len(run)
        if len(run) < 2:
            continue
        people = _people_after(text, run[-1].end, len(run), owners)
        for country, person in zip(run, people or (), strict=False):
            found.setdefault(person, country.key)
    return [
        replace(p, country=found[i]) if p.country is None and i in found else p
        for i, p in enumerate(persons)
    ]


_LIST_GAP = regex.compile(r",?[ \t]+and[ \t]+|,[ \t]*")


def _people_after(
    text: str, end: int, count: int, owners: list[tuple[int, int, int]]
) -> list[int] | None:
    """The persons of `count` mentions listed right after `end` (", A, B and C"), or None."""
    at = bisect_left(owners, (end, end, -1))
    if at >= len(owners) or not regex.fullmatch(r",[ \t]*", text[end : owners[at][0]]):
        return None
    people = [owners[at][2]]
    while len(people) < count and at + 1 < len(owners):
        if not _LIST_GAP.fullmatch(text, owners[at][1], owners[at + 1][0]):
            return None
        at += 1
        people.append(owners[at][2])
    return people if len(people) == count else None
