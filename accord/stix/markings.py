"""TLP 2.0 as STIX 2.1 marking-definitions: the five levels under the ids FIRST and OASIS
published for them, and the TLP 2.0 extension-definition they use. Objects Accord writes from
a document carry the marking of their source's level."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from accord.vocab import TLP

TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
_PUBLISHED = "2022-10-01T00:00:00.000Z"
_TLP2_AUTHOR = "identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01"

TLP_MARKING_IDS: dict[TLP, str] = {
    TLP.CLEAR: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    TLP.GREEN: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    TLP.AMBER: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    TLP.AMBER_STRICT: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    TLP.RED: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}
TLP_BY_MARKING = {marking: tlp for tlp, marking in TLP_MARKING_IDS.items()}
# The TLP 1.0 marking-definitions STIX 2.1 predefines (§7.2.1.4); WHITE is TLP 2.0's CLEAR.
TLP1_MARKING_IDS: dict[str, TLP] = {
    "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": TLP.CLEAR,
    "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": TLP.GREEN,
    "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": TLP.AMBER,
    "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": TLP.RED,
}
_STRICTNESS = {tlp: rank for rank, tlp in enumerate(TLP)}


def marked_tlp(obj: dict[str, Any]) -> TLP | None:
    """The strictest TLP level (2.0 or 1.0) among an object's object_marking_refs."""
    refs = obj.get("object_marking_refs")
    if not isinstance(refs, list):
        return None
    found = [TLP_BY_MARKING.get(r) or TLP1_MARKING_IDS.get(r) for r in refs if isinstance(r, str)]
    return strictest(t for t in found if t is not None)


def strictest(levels: Iterable[TLP]) -> TLP | None:
    return max(levels, key=_STRICTNESS.__getitem__, default=None)


def tlp_marking(tlp: TLP) -> dict[str, Any]:
    """The marking-definition of one TLP 2.0 level."""
    return {
        "type": "marking-definition",
        "spec_version": "2.1",
        "id": TLP_MARKING_IDS[tlp],
        "created": _PUBLISHED,
        "name": f"TLP:{tlp.upper()}",
        "extensions": {
            TLP2_EXTENSION: {"extension_type": "property-extension", "tlp_2_0": str(tlp)}
        },
    }


def tlp2_extension_definition() -> dict[str, Any]:
    """The extension-definition TLP 2.0 marking-definitions name."""
    return {
        "type": "extension-definition",
        "spec_version": "2.1",
        "id": TLP2_EXTENSION,
        "created": _PUBLISHED,
        "modified": _PUBLISHED,
        "created_by_ref": _TLP2_AUTHOR,
        "name": "TLP 2.0",
        "description": "TLP 2.0 marking-definitions as a STIX property-extension",
        "schema": "https://github.com/oasis-open/cti-stix-common-objects/tree/master/"
        "extension-definition-specifications/tlp-2.0",
        "version": "1.0.0",
        "extension_types": ["property-extension"],
    }


def remark(obj: dict[str, Any], tlp: TLP) -> dict[str, Any]:
    """`obj` with its TLP marking (if any) replaced by `tlp`'s, other markings kept."""
    refs = [r for r in obj.get("object_marking_refs", []) if r not in TLP_BY_MARKING]
    return {**obj, "object_marking_refs": [TLP_MARKING_IDS[tlp], *refs]}
