"""Countries: every ISO 3166-1 entry from ``pycountry`` with the names, adjectives and demonyms
of ``countries.psv``, and their lookup tables."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

import pycountry

from accord.extraction.gazetteers.records import Country
from accord.extraction.gazetteers.text import (
    _bare,
    _is_acronym,
    _items,
    _psv,
    _unique,
    _variants,
    normalise,
    surface_key,
)


@cache
def _country_rows() -> dict[str, tuple[bool, list[str], list[str], list[str]]]:
    rows: dict[str, tuple[bool, list[str], list[str], list[str]]] = {}
    for code, sovereign, names, adjectives, demonyms in _psv("countries.psv", 5):
        if code in rows:
            raise ValueError(f"countries.psv: {code} twice")
        rows[code] = (sovereign == "1", _items(names), _items(adjectives), _items(demonyms))
    return rows


def _pycountry_names(record: object) -> list[str]:
    names = []
    for attribute in ("common_name", "name", "official_name"):
        value = getattr(record, attribute, None)
        if not isinstance(value, str) or "," in value or "(" in value:
            continue
        if value.startswith("the "):
            value = value[4:]
        names.append(value)
    return names


@cache
def countries() -> tuple[Country, ...]:
    """Every ISO 3166-1 entry that pycountry knows, sorted by code."""
    rows = _country_rows()
    result = []
    for record in sorted(pycountry.countries, key=lambda r: str(r.alpha_2)):
        code = str(record.alpha_2)
        sovereign, names, adjectives, demonyms = rows.get(code, (False, [], [], []))
        result.append(
            Country(
                code=code,
                names=_unique([_bare(n) for n in names] + _pycountry_names(record)),
                adjectives=_unique(_bare(a) for a in adjectives),
                demonyms=_unique(_bare(d) for d in demonyms),
                sovereign=sovereign,
            )
        )
    return tuple(result)


def _country_forms() -> Iterator[tuple[str, str]]:
    """(form as marked in the data, code) for every name, adjective and demonym."""
    rows = _country_rows()
    for country in countries():
        _, names, adjectives, demonyms = rows.get(country.code, (False, [], [], []))
        marked = {_bare(form): form for form in [*names, *adjectives, *demonyms]}
        for form in (*country.names, *country.adjectives, *country.demonyms):
            yield marked.get(form, form), country.code


def _unambiguous(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    found: dict[str, set[str]] = defaultdict(set)
    for key, value in pairs:
        found[key].add(value)
    return {key: next(iter(values)) for key, values in found.items() if len(values) == 1}


@cache
def country_lookup() -> dict[str, str]:
    """normalise(name, adjective or demonym) -> ISO code. Forms that name more than one country
    ("Congo", "Congolese", "Virgin Islands") and forms only safe with their exact capitalisation
    ("US") are left out; "Georgia" is GE, "Korea" is KR, "Macedonia" is MK."""
    pairs: list[tuple[str, str]] = []
    for marked, code in _country_forms():
        if marked.startswith(("~", "=")):
            continue
        pairs.extend((normalise(v), code) for v in _variants(marked))
    return _unambiguous(pairs)


@cache
def country_cased_lookup() -> dict[str, str]:
    """surface_key(form) -> ISO code for the forms to match with their exact capitalisation:
    acronyms ("USA", "UAE", "DPRK") and forms only safe so ("US", "CAR")."""
    pairs: list[tuple[str, str]] = []
    for marked, code in _country_forms():
        form = _bare(marked)
        if marked.startswith("=") or (not marked.startswith("~") and _is_acronym(form)):
            pairs.extend((surface_key(v), code) for v in _variants(form))
    return _unambiguous(pairs)


@lru_cache(maxsize=65536)  # names recur within and across documents; the tables are fixed
def find_country(surface: str) -> str | None:
    """The ISO code of a name, adjective or demonym as it stands in text, or None."""
    code = country_cased_lookup().get(surface_key(surface))
    if code is None and surface[:1].isupper():
        code = country_lookup().get(normalise(surface))
    return code
