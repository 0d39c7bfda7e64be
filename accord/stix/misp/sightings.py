"""MISP sightings: a sighting (type 0) is a STIX sighting, a false positive (type 1) an
opinion that disagrees with what was sighted, an expiration (type 2) a note. Pure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from accord.stix.misp.extension import entry, misp_id
from accord.stix.misp.read import integer, stamp

Obj = dict[str, Any]


def sighting_objects(
    source: str,
    attribute: Obj,
    target: str,
    organisation: Callable[[object, str], str],
    common: Obj,
) -> list[Obj]:
    """The STIX objects of an attribute's sightings (`organisation` gives an identity's id)."""
    out = []
    for position, sighting in enumerate(attribute.get("Sighting") or []):
        if not isinstance(sighting, dict):
            continue
        where = f"sighting #{position} of {attribute['uuid']}"
        kind = integer(source, f"{where}: type", sighting.get("type"), 0)
        when = stamp(source, f"{where}: date_sighting", sighting.get("date_sighting"))
        if when is None:
            continue
        key = str(sighting.get("uuid") or f"{attribute['uuid']}:{position}:{when}")
        org = sighting.get("Organisation")
        who = organisation(org, where) if isinstance(org, dict) and org.get("name") else None
        made = {"created": when, "modified": when, **common}
        if who:
            made["created_by_ref"] = who
        kept = entry(kind="sighting", uuid=sighting.get("uuid") or None, sighting_type=kind,
                     source=sighting.get("source") or None)  # fmt: skip
        if kind == 1:
            out.append({"type": "opinion", "spec_version": "2.1", "id": misp_id("opinion", key),
                        **made, "opinion": "strongly-disagree",
                        "explanation": "MISP sighting: a false positive",
                        "object_refs": [target], "extensions": kept})  # fmt: skip
        elif kind == 2:
            out.append({"type": "note", "spec_version": "2.1", "id": misp_id("note", key),
                        **made, "abstract": "MISP sighting: expiration",
                        "content": f"expired as of {when}", "object_refs": [target],
                        "extensions": kept})  # fmt: skip
        else:
            obj: Obj = {"type": "sighting", "spec_version": "2.1",
                        "id": misp_id("sighting", key), **made, "first_seen": when,
                        "last_seen": when, "count": 1, "sighting_of_ref": target}  # fmt: skip
            if who:
                obj["where_sighted_refs"] = [who]
            obj["extensions"] = kept
            out.append(obj)
    return out
