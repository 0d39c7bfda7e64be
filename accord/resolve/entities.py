"""The kinds of entity that resolve across documents, over their STIX objects: which objects
are of a kind, the names an object goes by, where the entities it may be are looked for, and
when a stored one is the same entity. Pure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from accord.resolve import names as rn
from accord.stix import extensions as ext

Obj = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    type_name: str
    accepts: Callable[[Obj], bool]
    blocks: Callable[[Obj], rn.Blocks]
    compatible: Callable[[Obj, Obj], bool]
    similarity: Callable[[Obj, Obj], float]


def names_of(obj: Obj) -> list[str]:
    """The object's name, then its aliases and those its documents gave it (provenance)."""
    provenance = obj.get("extensions", {}).get(ext.PROVENANCE_EXTENSION, {})
    found = [obj.get("name"), *obj.get("aliases", ()), *provenance.get("aliases", ())]
    return list(dict.fromkeys(name for name in found if isinstance(name, str) and name.strip()))


def _named(obj: Obj) -> bool:
    return isinstance(obj.get("name"), str) and bool(obj["name"].strip())


def _identity(identity_class: str) -> Callable[[Obj], bool]:
    def accepts(obj: Obj) -> bool:
        return (
            obj.get("type") == "identity"
            and obj.get("identity_class") == identity_class
            and obj.get("id") != ext.ACCORD_IDENTITY_ID
            and _named(obj)
        )

    return accepts


def _is_place(obj: Obj) -> bool:
    """A location other than a country (countries have ids of their own, by code)."""
    country = obj.get("country")
    if obj.get("type") != "location" or not _named(obj):
        return False
    return not (isinstance(country, str) and obj.get("id") == ext.country_id(country))


def _country(obj: Obj) -> str | None:
    country = obj.get("country")
    return country if isinstance(country, str) else None


def _no_order(a: Obj, b: Obj) -> float:
    return 0.0


PERSON = Kind(
    "person", "identity", _identity("individual"),
    lambda obj: rn.person_blocks(obj["name"]),
    lambda a, b: rn.person_compatible(a["name"], b["name"]),
    lambda a, b: rn.person_similarity(a["name"], b["name"]),
)  # fmt: skip
ORGANISATION = Kind(
    "organisation", "identity", _identity("organization"),
    lambda obj: rn.organisation_blocks(names_of(obj)),
    lambda a, b: rn.organisation_compatible(names_of(a), names_of(b)),
    _no_order,
)  # fmt: skip
PLACE = Kind(
    "place", "location", _is_place,
    lambda obj: rn.place_blocks(names_of(obj), _country(obj)),
    lambda a, b: rn.place_compatible(names_of(a), _country(a), names_of(b), _country(b)),
    _no_order,
)  # fmt: skip
THREAT_ACTOR = Kind(
    "threat actor", "threat-actor", lambda obj: obj.get("type") == "threat-actor" and _named(obj),
    lambda obj: rn.threat_actor_blocks(names_of(obj)),
    lambda a, b: rn.threat_actor_compatible(names_of(a), names_of(b)),
    _no_order,
)  # fmt: skip
KINDS = (PERSON, ORGANISATION, PLACE, THREAT_ACTOR)


def kind_of(obj: Obj) -> Kind | None:
    return next((kind for kind in KINDS if kind.accepts(obj)), None)
