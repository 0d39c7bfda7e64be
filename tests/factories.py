"""Small STIX objects and bundles for tests, written for Accord."""

from __future__ import annotations

import uuid
from typing import Any

AUTHOR = "identity--1b0f5e0c-61c4-4c64-9f2b-3c2a4f6c1d01"
TLP_GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"


def new_id(type_name: str) -> str:
    return f"{type_name}--{uuid.uuid4()}"


def identity(
    name: str = "Security Council of Testland",
    *,
    object_id: str | None = None,
    modified: str = "2026-03-01T10:00:00.000Z",
    created: str = "2026-03-01T10:00:00.000Z",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "type": "identity",
        "spec_version": "2.1",
        "id": object_id or new_id("identity"),
        "created": created,
        "modified": modified,
        "name": name,
        "identity_class": "organization",
        "created_by_ref": AUTHOR,
        **extra,
    }


def relationship(source: str, target: str, kind: str = "related-to") -> dict[str, Any]:
    return {
        "type": "relationship",
        "spec_version": "2.1",
        "id": new_id("relationship"),
        "created": "2026-03-02T08:00:00.000Z",
        "modified": "2026-03-02T08:00:00.000Z",
        "relationship_type": kind,
        "source_ref": source,
        "target_ref": target,
    }


def bundle(*objects: dict[str, Any]) -> dict[str, Any]:
    return {"type": "bundle", "id": new_id("bundle"), "objects": list(objects)}


def checked(*objects: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """(objects, version keys) as the store takes them, after Accord's checks."""
    from accord.stix.bundle import check_bundle

    result = check_bundle("test", None, list(objects))
    assert not result.problems, result.problems
    return result.objects, result.versions


def threat_actor(name: str, *, aliases: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    actor = {
        "type": "threat-actor",
        "spec_version": "2.1",
        "id": new_id("threat-actor"),
        "created": "2026-03-03T08:00:00.000Z",
        "modified": "2026-03-03T08:00:00.000Z",
        "name": name,
        **extra,
    }
    if aliases:
        actor["aliases"] = aliases
    return actor
