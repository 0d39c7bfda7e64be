"""Countries, places and organisations named in a text: gazetteer look-ups over the sub-spans
of capitalised chunks, longest first, plus institution names recognised by their form
("<...> Council of the Kyrgyz Republic", "State Investigation and Protection Agency")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from accord.extraction import gazetteers as gz
from accord.extraction.chunks import CONNECTORS, Word, chunks, sub_spans, words
from accord.extraction.lexicon import TITLE_WORDS
from accord.extraction.names import common_word

# Head nouns that make a capitalised name an institution (meetings and instruments excluded).
BODY_HEADS = frozenset({
    "Council", "Councils", "Ministry", "Committee", "Agency", "Service", "Office", "Department",
    "Centre", "Center", "Administration", "Directorate", "Troops", "Forces", "Force", "Police",
    "Guard", "Academy", "University", "Institute", "Commission", "Secretariat", "Staff",
    "Mission", "Organization", "Organisation", "Bureau", "Unit", "Structure", "Government",
    "Parliament", "Assembly", "Court", "Union", "Alliance", "Headquarters", "Navy", "Army",
    "Command", "Authority", "Board", "Branch", "Corps", "Fund", "Bank", "Association",
    "Cabinet", "Presidency", "Inspectorate", "Division", "Section", "Group", "Gendarmerie",
    "Customs", "Prosecutor's", "Embassy", "Consulate", "Team", "Brigade", "Detachment",
    "Coast", "Ministries", "Agencies", "Services", "Committees", "Commissions", "Offices",
    "Departments", "Centres", "Centers", "Institutes", "Academies", "Universities",
})  # fmt: skip
_GROUPS = frozenset({"Group", "Team", "Unit", "Force", "Forces"})  # also threat actors, tasks


# Capitalised words that are place names somewhere but, standing alone in this genre, never are.
_NEVER_PLACES = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Republic", "Kingdom", "Federation", "Union", "State", "States",
    "President", "Minister", "Council", "General", "Colonel", "Major", "Chief", "Deputy",
    "Security", "Police", "Border", "Mission", "Office", "Centre", "Center", "National",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Found:
    kind: str  # "country" | "place" | "organisation"
    key: str  # ISO code, place name, or organisation name
    start: int
    end: int
    surface: str
    country: str | None = None
    parent: str | None = None


def find_entities(text: str) -> list[Found]:
    """Every country, place and organisation mention, in text order."""
    found: list[Found] = []
    all_words = words(text)
    for run in chunks(text, all_words):
        found.extend(_in_run(text, run))
    return sorted(found, key=lambda f: (f.start, -f.end))


def _in_run(text: str, run: list[Word]) -> list[Found]:
    found: list[Found] = []
    taken: dict[str, list[tuple[int, int]]] = {"country": [], "place": [], "organisation": []}
    for i, j in sub_spans(run, longest=20):
        start, end = run[i].start, run[j - 1].end
        surface = text[start:end]
        for item in _look_up(surface, start, end, run[i:j]):
            spans = taken[item.kind]
            if any(s < end and start < e for s, e in spans):
                continue
            spans.append((start, end))
            found.append(item)
    return found


def _look_up(surface: str, start: int, end: int, span: list[Word]) -> list[Found]:
    results: list[Found] = []
    code = gz.find_country(surface)
    if code:
        results.append(Found("country", code, start, end, surface))
        return results
    organisation = gz.find_organisation(surface)
    if organisation is not None:
        results.append(
            Found("organisation", organisation.name, start, end, surface,
                  organisation.country, organisation.parent)
        )  # fmt: skip
        return results
    place = gz.find_place(surface) if len(span) <= 5 else None
    if place is not None and (len(span) > 1 or _single_word_place(surface, place)):
        results.append(Found("place", place.name, start, end, surface, place.country))
    body = _body(surface, span)
    if body is not None:
        results.append(body)
    return results


def _single_word_place(word: str, place: gz.Place) -> bool:
    """One word that names a place somewhere is taken for one unless it is an everyday English
    word ("Federal", "Central", "Summit") naming a place of under a million people."""
    if word in _NEVER_PLACES:
        return False
    if place.kind not in ("city", "region"):
        return True  # seas, ranges, supranational regions, venues: written by hand
    return place.population >= 1_000_000 or not common_word(word, 4.0)


def _body(surface: str, span: list[Word]) -> Found | None:
    """An institution named by its form: two or more words, a body head noun among them, no
    title word before the name starts."""
    if len(span) < 2 or span[0].text in TITLE_WORDS or span[0].text in ("The", "A", "An"):
        return None
    if not any(word.text in BODY_HEADS for word in span):
        return None
    if span[-1].text in CONNECTORS or _is_country_phrase(surface):
        return None
    pairs = zip(span, span[1:], strict=False)
    if any(a.text == "and" and b.text == "the" for a, b in pairs):
        return None  # two names joined: "the CIS ATC and the SCO RATS"
    return Found("organisation", surface, span[0].start, span[-1].end, surface,
                 _country_inside(span), None)  # fmt: skip


def _is_country_phrase(surface: str) -> bool:
    return gz.find_country(surface) is not None


def _country_inside(span: list[Word]) -> str | None:
    for i, j in sub_spans(span, longest=5):
        code = gz.find_country(" ".join(w.text for w in span[i:j]))
        if code:
            return code
    return None


CountryOf = Callable[[str], str | None]


def country_in(text: str) -> str | None:
    """The first country named in a short text (a role, an organisation name)."""
    for found in find_entities(text):
        if found.kind == "country":
            return found.key
        if found.kind == "organisation" and found.country:
            return found.country
    return None
