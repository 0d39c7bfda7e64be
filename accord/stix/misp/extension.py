"""What MISP has that STIX lacks, kept through one property-extension (STIX 2.1 §7.3): the
MISP uuid, distribution, sharing group, threat level, analysis, attribute category and type,
an object's attributes and a galaxy cluster's meta. Nothing MISP said is dropped."""

from __future__ import annotations

from typing import Any

from accord.stix.extensions import ACCORD_IDENTITY_ID, stix_id

MISP_EXTENSION = "extension-definition--ad9d16d7-635e-464b-b2c2-9366ca512985"
_DEFINED = "2026-12-01T00:00:00.000Z"  # when the definition was written; fixed for good
FIXED_EPOCH = "2000-01-01T00:00:00.000Z"
"""`created` of what MISP gives no time for (organisations, galaxy clusters): fixed, so that
every event naming the same organisation gives the same version of it."""

_DESCRIPTION = (
    "What a MISP event said that STIX 2.1 has no property for. Properties (each only when "
    "MISP gave it): uuid (the MISP element's uuid), kind (event, attribute, object, "
    "galaxy-cluster, sighting, organisation, object-reference), event_uuid, distribution "
    "(MISP level 0-5), sharing_group (name and uuid), threat_level (1 high - 4 undefined), "
    "analysis (0 initial, 1 ongoing, 2 complete), published, timestamp (epoch seconds), "
    "category, misp_type, to_ids, comment, value, first_seen, last_seen, object_name, "
    "meta_category, template_uuid, attributes (an object's attributes: object_relation, "
    "misp_type, category, value, to_ids, uuid, comment, distribution), "
    "relationship_type (as MISP wrote it), galaxy (type, name, uuid, namespace), meta "
    "(a galaxy cluster's meta, as MISP wrote it), source, authors, version, sighting_type "
    "(0 sighting, 1 false positive, 2 expiration), data (an attachment's base64 content), "
    "extends_uuid, related_events (uuid, info, date of the events MISP correlated), org and "
    "orgc (name, uuid)."
)


def misp_extension_definition() -> dict[str, Any]:
    return {
        "type": "extension-definition",
        "spec_version": "2.1",
        "id": MISP_EXTENSION,
        "created_by_ref": ACCORD_IDENTITY_ID,
        "created": _DEFINED,
        "modified": _DEFINED,
        "name": "accord-misp",
        "description": _DESCRIPTION,
        "schema": "https://accord.invalid/schemas/accord-misp.json",
        "version": "1.0.0",
        "extension_types": ["property-extension"],
    }


def entry(**properties: object) -> dict[str, dict[str, Any]]:
    """The ``extensions`` value carrying `properties`; None and empty values are left out."""
    kept = {k: v for k, v in properties.items() if v is not None and v != "" and v != []}
    return {MISP_EXTENSION: {"extension_type": "property-extension", **kept}}


def misp_id(type_name: str, *parts: str) -> str:
    """The STIX id of what a MISP uuid (or other MISP key) names: the same on every import."""
    return stix_id(type_name, "misp", *parts)
