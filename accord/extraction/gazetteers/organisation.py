"""Organisations (``organisations.psv``) and their lookup tables."""

from __future__ import annotations

from collections import defaultdict
from functools import cache, lru_cache

from accord.extraction.gazetteers.records import Organisation
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
def _organisation_rows() -> tuple[tuple[Organisation, tuple[str, ...]], ...]:
    """Each organisation with its aliases as marked in the data file."""
    rows = []
    for name, aliases, kind, country, parent in _psv("organisations.psv", 5):
        marked = tuple(_items(aliases))
        organisation = Organisation(
            name=name,
            aliases=_unique(_bare(a) for a in marked if _bare(a) != name),
            kind=kind,
            country=country or None,
            parent=parent or None,
        )
        rows.append((organisation, marked))
    return tuple(rows)


@cache
def organisations() -> tuple[Organisation, ...]:
    """International, regional, UN and EU bodies, national security bodies, companies of the
    energy and transport sectors and news agencies."""
    return tuple(organisation for organisation, _ in _organisation_rows())


def _organisation_index(cased: bool) -> dict[str, Organisation]:
    by_name = {o.name: o for o in organisations()}
    keyed: dict[str, set[str]] = defaultdict(set)
    primary: dict[str, set[str]] = defaultdict(set)
    for organisation, marked in _organisation_rows():
        for form in (organisation.name, *marked):
            case_only = form.startswith("=") or _is_acronym(_bare(form))
            if case_only != cased:
                continue
            for variant in _variants(_bare(form)):
                key = surface_key(variant) if cased else normalise(variant)
                keyed[key].add(organisation.name)
                if form == organisation.name:
                    primary[key].add(organisation.name)
    index = {}
    for key, names in keyed.items():
        # A form that is one organisation's own name wins over the same form used as an alias.
        chosen = primary[key] if len(primary[key]) == 1 else names
        if len(chosen) == 1:
            index[key] = by_name[next(iter(chosen))]
    return index


@cache
def organisation_lookup() -> dict[str, Organisation]:
    """normalise(name or alias) -> organisation, without acronyms and other forms that are only
    safe with their exact capitalisation, and without forms shared by two organisations."""
    return _organisation_index(cased=False)


@cache
def organisation_cased_lookup() -> dict[str, Organisation]:
    """surface_key(form) -> organisation for the forms to match with their exact capitalisation:
    acronyms ("OSCE", "EurAsEC", "U.N.") and forms only safe so ("WHO", "Trend")."""
    return _organisation_index(cased=True)


@lru_cache(maxsize=65536)  # names recur within and across documents; the tables are fixed
def find_organisation(surface: str) -> Organisation | None:
    """The organisation a name, alias or acronym as it stands in text refers to, or None."""
    found = organisation_cased_lookup().get(surface_key(surface))
    if found is None and surface[:1].isupper():
        found = organisation_lookup().get(normalise(surface))
    return found
