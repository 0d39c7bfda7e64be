"""Countries, places and organisations named in a text: gazetteer look-ups over the sub-spans
of capitalised chunks, longest first, plus institution names recognised by their form
("<...> Council of the Kyrgyz Republic", "State Investigation and Protection Agency")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import regex

from accord.extraction import gazetteers as gz
from accord.extraction.bodies import HEADS, bodies, trim
from accord.extraction.chunks import Word, chunks_in, segments, sub_spans
from accord.extraction.gazetteers.threat_actors import find_threat_actor
from accord.extraction.lexicon import GEO_SUFFIXES
from accord.extraction.name_words import common_word, fold
from accord.extraction.spans import SpanIndex

# Capitalised words that are place names somewhere but, standing alone in this genre, never are.
_NEVER_PLACES = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Republic", "Kingdom", "Federation", "Union", "State", "States",
    "President", "Minister", "Council", "General", "Colonel", "Major", "Chief", "Deputy",
    "Security", "Police", "Border", "Mission", "Office", "Centre", "Center", "National",
    "Oral",  # a town of Kazakhstan, and an everyday word
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Found:
    kind: str  # "country" | "place" | "organisation" | "threat"
    key: str  # ISO code, place name, or organisation name
    start: int
    end: int
    surface: str
    country: str | None = None
    parent: str | None = None
    detail: str | None = None  # a place's kind: city, venue, region, supranational, sea...


def find_entities(text: str, persons: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """Every country, place and organisation mention, in text order. Runs are cut at the
    spans of `persons`, so that "Colonel Pichler of the Federal Criminal Police Office" gives
    the office alone."""
    found: list[Found] = []
    index = SpanIndex(persons)
    for start, end in segments(text):
        # What a segment names depends on its text and the persons' spans in it alone.
        inside = tuple((max(s, start) - start, min(e, end) - start)
                       for s, e in index.overlapping(start, end))  # fmt: skip
        found.extend(_moved(_in_segment(text[start:end], inside), start))
    if "," in text:
        found = _with_commas(text, found, index)
    found = [f for f in found if not _acronym_place(text, f)]
    return sorted(found, key=lambda f: (f.start, -f.end))


_DATELINE_AFTER = regex.compile(r"\s*(?:,|[-\u2013\u2014]\s)")


def _acronym_place(text: str, item: Found) -> bool:
    """A word of two or three capitals is an acronym ("the NIS directive"), not a place
    (the city of Niš), except where it opens a line as a dateline ("OSH, Kyrgyzstan –") or the
    place is one written by hand."""
    surface = item.surface
    if item.kind != "place" or len(surface) > 3 or not surface.isupper():
        return False
    at_line_start = item.start == 0 or text[item.start - 1] == "\n"
    if at_line_start and _DATELINE_AFTER.match(text, item.end):
        return False
    return not gz.hand_written(surface)


def _before_of(text: str, item: Found, start: int) -> Found | None:
    """A body whose name runs on into the one at `start` after "of": its words before ("Office
    for Security Policy" of "Office for Security Policy of the Federal Department of Defence,
    Civil Protection and Sport"); None for anything else."""
    if item.kind != "organisation" or item.start >= start:
        return None
    head = text[item.start : start]
    for joint in (" of the ", " of "):
        if head.endswith(joint):
            end = start - len(joint)
            name = text[item.start : end]
            return replace(item, key=name, end=end, surface=name, country=None, parent=None)
    return None


@cache
def _comma_names() -> regex.Pattern[str] | None:
    """The known bodies whose names hold a comma, which no run does: "Foreign, Commonwealth
    and Development Office", "Migration, Asylum, Refugees Regional Initiative"."""
    forms = sorted(
        {form for o in gz.organisations() for form in (o.name, *o.aliases) if ", " in form},
        key=len,
        reverse=True,
    )
    if not forms:
        return None
    return regex.compile(r"(?=\p{Lu})\b(?:" + "|".join(map(regex.escape, forms)) + r")\b")


def _with_commas(text: str, found: list[Found], persons: SpanIndex) -> list[Found]:
    pattern = _comma_names()
    for match in pattern.finditer(text) if pattern is not None else ():
        start, end = match.span()
        known = gz.find_organisation(match.group())
        if known is None or persons.overlapping(start, end):
            continue
        kept: list[Found] = []
        for item in found:
            overlaps = item.start < end and start < item.end
            left = _before_of(text, item, start) if overlaps else item
            if left is not None and left not in kept:
                kept.append(left)
        found = kept
        found.append(Found("organisation", known.name, start, end, match.group(),
                           known.country, known.parent))  # fmt: skip
    return found


@lru_cache(maxsize=16384)  # names and the words around them recur across documents
def _in_segment(segment: str, persons: tuple[tuple[int, int], ...]) -> tuple[Found, ...]:
    """What the runs of a segment (chunks.segments) name, cut at the persons' spans, with
    offsets from its start."""
    index = SpanIndex(persons)
    return tuple(
        f
        for run in chunks_in(segment, 0, len(segment))
        for part in _without_persons(run, index)
        for f in _in_run(segment, part)
    )


def _moved(found: tuple[Found, ...], base: int) -> list[Found]:
    return [
        Found(f.kind, f.key, f.start + base, f.end + base, f.surface, f.country, f.parent,
              f.detail)
        for f in found
    ]  # fmt: skip


def _without_persons(run: list[Word], persons: SpanIndex) -> list[list[Word]]:
    parts: list[list[Word]] = [[]]
    for word in run:
        if persons.covers(word.start):
            parts.append([])
        else:
            parts[-1].append(word)
    return [part for part in parts if part]


_Shape = tuple[tuple[str, int, int, bool], ...]  # a run's words, offsets from its start


def _in_run(text: str, run: list[Word]) -> list[Found]:
    """What a run names. The answer depends on the run's own text alone, so it is read once
    per distinct run (names recur within and across documents) and moved to where it is."""
    base = run[0].start
    shape = tuple((w.text, w.start - base, w.end - base, w.capitalised) for w in run)
    return _moved(_run_at_zero(text[base : run[-1].end], shape), base)


@lru_cache(maxsize=16384)
def _run_at_zero(surface: str, shape: _Shape) -> tuple[Found, ...]:
    return tuple(_read_run(surface, [Word(*word) for word in shape]))


def _read_run(text: str, run: list[Word]) -> list[Found]:
    found: list[Found] = []
    taken: dict[str, list[tuple[int, int]]] = {
        "country": [], "place": [], "organisation": [], "threat": []
    }  # fmt: skip
    for i, j in sub_spans(run, longest=20):
        start, end = run[i].start, run[j - 1].end
        for item in _look_up(text[start:end], start, end, j - i):
            spans = taken[item.kind]
            if any(s < end and start < e for s, e in spans):
                continue
            spans.append((start, end))
            found.append(item)
    found = [_with_suffix(text, run, item) for item in found if not _after_article(run, item)]
    found.extend(_hyphen_parts(run, taken["country"]))
    known = taken["organisation"] + taken["threat"]
    if len(run) < 2 or not any(word.text in HEADS for word in run):
        return found  # a body's name has two words or more, one of them its head noun
    for body in bodies(run, lambda w: gz.find_place(w) is not None):
        i, j = trim(run, *body)
        if i >= j:
            continue
        start, end = run[i].start, run[j - 1].end
        surface = text[start:end]
        clash = any(s < end and start < e and not (start <= s and e <= end) for s, e in known)
        if clash or (start, end) in known or gz.find_country(surface) is not None:
            continue
        under = surface.find(" under ")
        if under > 0 and (start, start + under) in known:
            continue  # "the European Union under the BOMCA programme": no body is under it
        if any(f.kind == "country" and f.start == start
               and surface.startswith(" to ", f.end - start) for f in found):  # fmt: skip
            continue  # "Permanent Representative of Morocco to the African Union": a post's
        # a known name that ends the body's head after its modifiers is that head, misread:
        # "Security Service" (MI5) in "the State Security Service" or "the State Security
        # Service of the Republic of Armenia" (but a parent named in it stays: "... of the
        # State Security Service of Uzbekistan")
        head = [
            (f.start, f.end)
            for f in found
            if f.kind == "organisation"
            and (f.end == end or (text.startswith(" of ", f.end) and f.end < end))
            and _modifiers(text[start : f.start])
        ]
        found = [f for f in found if (f.start, f.end) not in head or f.kind != "organisation"]
        known = [span for span in known if span not in head]
        state_of = _known_after_state(text, found, start, end)
        if state_of is not None:  # "United States Drug Enforcement Administration": that body
            found.append(state_of)
            continue
        found.append(Found("organisation", surface, start, end, surface,
                           _country_within(text, found, start, end), None))  # fmt: skip
    return found


def _known_after_state(text: str, found: list[Found], start: int, end: int) -> Found | None:
    """A known body named after its state's name ("United States Drug Enforcement
    Administration"): that body, under the whole surface."""
    state = next((f for f in found if f.kind == "country" and f.start == start), None)
    if state is None or state.end >= end:
        return None
    known = gz.find_organisation(text[state.end : end].strip())
    if known is None:
        return None
    return Found("organisation", known.name, start, end, text[start:end],
                 known.country or state.key, known.parent)  # fmt: skip


def _modifiers(words: str) -> bool:
    """Capitalised words that qualify a head noun after them ("State ", "National Police ")."""
    return bool(words.strip()) and all(
        word[:1].isupper() and word not in HEADS for word in words.split()
    )


def _country_within(text: str, found: list[Found], start: int, end: int) -> str | None:
    """The first country named inside [start, end): "... of the People's Republic of China";
    not one the body is sent to ("Delegation of the European Union to the Kyrgyz Republic")."""
    inside = [
        f for f in found
        if f.kind == "country" and start <= f.start and f.end <= end
        and _DESTINATION.search(text, start, f.start) is None
    ]  # fmt: skip
    return min(inside, key=lambda f: f.start).key if inside else None


def _with_suffix(text: str, run: list[Word], item: Found) -> Found:
    """ "Panj River", "Khatlon Region", "Gorno-Badakhshan Autonomous Region": a place written
    with its kind keeps the words as written."""
    if item.kind != "place":
        return item
    index = next((i for i, w in enumerate(run) if w.end == item.end), None)
    end = item.end
    while index is not None and index + 1 < len(run) and run[index + 1].text in GEO_SUFFIXES:
        index += 1
        end = run[index].end
    if end == item.end:
        return item
    return replace(item, end=end, surface=text[item.start : end])


def _after_article(run: list[Word], item: Found) -> bool:
    """A place's word after an Arabic article that the place leaves out: "Ain" of "Al Ain" is
    no French department."""
    index = next((i for i, w in enumerate(run) if w.start == item.start), 0)
    return item.kind == "place" and index > 0 and run[index - 1].text in ("Al", "El")


# Prefixes that make a state's adjective a region's or a continent's.
_REGION_PREFIXES = frozenset({"Inter", "Intra", "Pan", "Trans", "Latin", "Ibero"})


def _hyphen_parts(run: list[Word], taken: list[tuple[int, int]]) -> list[Found]:
    """Countries inside compounds: "Kazakh-Kyrgyz border", "NATO-Russia Council"."""
    found = []
    for word in run:
        if "-" not in word.text or any(s <= word.start < e for s, e in taken):
            continue
        offset = word.start
        parts = word.text.split("-")
        for index, part in enumerate(parts):
            code = gz.find_country(part) if part[:1].isupper() else None
            if index and parts[index - 1] in _REGION_PREFIXES:
                code = None  # "Inter-American", "Pan-African": no state's
            if code:
                found.append(Found("country", code, offset, offset + len(part), part))
            offset += len(part) + 1
    return found


def _look_up(surface: str, start: int, end: int, words: int) -> list[Found]:
    found = []
    for f in _known(surface, words):
        at, written = start, f.surface
        if f.kind == "threat" and written[:4] in ("The ", "the "):
            at, written = start + 4, written[4:]  # the group, not the article before it
        found.append(Found(f.kind, f.key, at, end, written, f.country, f.parent, f.detail))
    return found


@lru_cache(maxsize=65536)  # the same names recur within a document and across documents
def _known(surface: str, words: int) -> tuple[Found, ...]:
    """What the gazetteers know `surface` as (offsets left at 0 for the caller to set)."""
    code = gz.find_country(surface)
    if code:
        return (Found("country", code, 0, 0, surface),)
    actor = find_threat_actor(surface)
    if actor is not None:
        return (Found("threat", actor.name, 0, 0, surface),)
    organisation = gz.find_organisation(surface)
    if organisation is not None:
        return (
            Found("organisation", organisation.name, 0, 0, surface, organisation.country,
                  organisation.parent),
        )  # fmt: skip
    place = gz.find_place(surface) if words <= 5 else None
    if place is not None and (words > 1 or _single_word_place(surface, place)):
        return (Found("place", place.name, 0, 0, surface, place.country, None, place.kind),)
    return ()


def _single_word_place(word: str, place: gz.Place) -> bool:
    """One word that names a place somewhere is taken for one unless it is an everyday English
    word ("Federal", "Central", "Summit") naming a place of under a million people."""
    if word in _NEVER_PLACES:
        return False
    if place.kind not in ("city", "region") or gz.hand_written(word):
        return True  # seas, ranges, venues, and the cities written by hand ("Geneva")
    return place.population >= 1_000_000 or not common_word(word, 4.0)


def _is_country_phrase(surface: str) -> bool:
    return gz.find_country(surface) is not None


CountryOf = Callable[[str], str | None]


@lru_cache(maxsize=8192)  # roles and body names recur within and across documents
def country_in(text: str) -> str | None:
    """The first country named in a short text (a role, an organisation name), but not one
    it is sent to or deals with: "Ambassador to the Kyrgyz Republic" and "Special
    Representative for North Korea" serve another state, and "Mission to Moldova" is no
    Moldovan body."""
    for found in find_entities(text):
        if _DESTINATION.search(text, 0, found.start) is not None:
            continue
        if found.kind == "country":
            return found.key
        if found.kind == "organisation" and found.country:
            return found.country
    return None


_DESTINATION = regex.compile(r"\b(?:to|for|on)[ \t]+(?:the[ \t]+)?\Z")


def in_full(entities: list[Found], full: dict[str, Found]) -> list[Found]:
    """The entities, with a body named bare taking the name the text gives it in full: "the
    Border Service" after "the Border Service of the State Committee for National Security of
    the Kyrgyz Republic" is that service (and of its state), not a body of its own. Only a
    bare name of two words or more, that begins a single full name of the text, and is not
    itself a part of one (`full`: bare_names(entities))."""
    if not full:
        return entities
    bodies = [(f.start, f.end) for f in entities if f.kind == "organisation"]
    return [
        replace(f, key=body.key, country=body.country, parent=body.parent)
        if f.kind == "organisation"
        and f.country is None
        and (body := full.get(f.key))
        and not _enclosed(f, bodies)
        else f
        for f in entities
    ]


def _enclosed(found: Found, spans: list[tuple[int, int]]) -> bool:
    """Whether another of the spans holds the found's: a unit named inside its parent's name
    ("Office for Migration Policy" of "... of the Ministry of Interior") is a body of its own."""
    return any(s <= found.start and found.end <= e and (s, e) != (found.start, found.end)
               for s, e in spans)  # fmt: skip


def bare_names(entities: list[Found]) -> dict[str, Found]:
    """The bare name ("Border Service") of each organisation the text names in full with an
    "of" ("Border Service of the State Committee ..."), when it begins no other's."""
    heads: dict[str, set[str]] = {}
    bodies_by_key: dict[str, Found] = {}
    for found in entities:
        if found.kind != "organisation":
            continue
        for name in (found.key, found.surface) if found.key != found.surface else (found.key,):
            at = name.find(" of ")
            head = name[:at]
            if at > 0 and " " in head:
                heads.setdefault(head, set()).add(found.key)
                bodies_by_key.setdefault(found.key, found)
    return {
        head: bodies_by_key[next(iter(keys))]
        for head, keys in heads.items()
        if len(keys) == 1 and head not in keys
    }


# An acronym the text defines in brackets right after a body's name: "(AUSSOM)", "(SOMTC)".
_DEFINED = regex.compile(r"[ \t]*\((\p{Lu}[\p{Lu}\p{Ll}&-]{1,11})\)")


def defined_acronyms(text: str, entities: list[Found]) -> list[Found]:
    """The entities, with each acronym the text defines for a body ("the African Union Support
    and Stabilization Mission in Somalia (AUSSOM)") an alias of it: found in its brackets and
    wherever the text uses it alone, unless it names something else found there. An acronym
    counts when it is mostly capitals and its letters follow the name's, first letter first,
    or when it is capitals alone (an acronym of the name in another language)."""
    defined: dict[str, Found] = {}
    foreign: dict[str, Found] = {}
    for found in entities:
        if found.kind not in ("organisation", "threat"):
            continue
        match = _DEFINED.match(text, found.end)
        if match is None:
            continue
        if _abbreviates(match.group(1), found.key):
            defined.setdefault(match.group(1), found)
        elif _foreign_acronym(match.group(1)) and (
            (known := foreign.get(match.group(1))) is None or known.end == found.end
        ):
            foreign[match.group(1)] = found  # the innermost body before the brackets
    for acronym, found in foreign.items():
        defined.setdefault(acronym, found)
    if not defined:
        return entities
    entities = _as_defined(entities, defined)
    taken = SpanIndex([(f.start, f.end) for f in entities])
    named = {f.surface for f in entities}
    added = []
    for acronym, body in defined.items():
        if acronym in named:
            continue  # found already, as this body
        for match in regex.finditer(rf"(?<![\w-]){regex.escape(acronym)}(?![\w-])", text):
            if not taken.overlaps(match.start(), match.end()):
                added.append(replace(body, start=match.start(), end=match.end(), surface=acronym))
    if not added:
        return entities
    return sorted([*entities, *added], key=lambda f: f.start)


def _foreign_acronym(acronym: str) -> bool:
    """Capitals alone in brackets after a body's name are its acronym, also one of its name in
    its own language ("the Estonian Information System Authority (RIA)", "the Ministry of
    Internal Affairs (MVD)"), but not a state's code ("(US)"); so is a short name that is no
    place and no everyday word ("(Traficom)")."""
    letters = acronym.replace("-", "").replace("&", "")
    if not letters.isalpha() or gz.find_country(acronym) is not None:
        return False
    if letters.isupper():
        return 3 <= len(letters) <= 8
    # or the one word a body goes by ("the Finnish Transport and Communications Agency
    # (Traficom)"): no place's, no everyday word
    return (
        len(letters) >= 5 and letters[1:].islower() and gz.find_place(acronym) is None
        and not common_word(acronym, 3.0)
    )  # fmt: skip


def _as_defined(entities: list[Found], defined: dict[str, Found]) -> list[Found]:
    """An acronym the text defines for a body means that body wherever the text uses it, also
    where a gazetteer knows it as another's ("the Estonian Information System Authority (RIA)"
    is no news agency)."""
    return [
        replace(f, kind=body.kind, key=body.key, country=body.country, parent=body.parent)
        if f.kind in ("organisation", "threat")
        and (body := defined.get(f.surface)) is not None
        and body.key != f.key
        else f
        for f in entities
    ]


def _abbreviates(acronym: str, name: str) -> bool:
    letters = [ch for ch in fold(acronym) if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in acronym)
    if len(letters) < 2 or capitals * 2 <= len(letters):
        return False
    words = [w for w in regex.split(r"[\s-]+", fold(name)) if w]
    if not words or words[0][0] != letters[0]:
        return False
    source = "".join(words)
    at = 0
    for letter in letters:  # each letter later in the name than the one before
        at = source.find(letter, at) + 1
        if at == 0:
            return False
    return True
