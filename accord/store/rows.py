"""How an object becomes a row: the indexed columns pulled out of its JSON."""

from __future__ import annotations

from typing import Any

import orjson

from accord.stix.timestamps import sort_key

ObjectRow = tuple[
    int, str, str, str, str | None, str | None, str | None, bool, str | None,
    str | None, str | None, str, bool, bytes, int | None,
]  # fmt: skip
"""seq, id, version, type, created, spec_version, created_by_ref, revoked, name, source_ref,
target_ref, date_added, latest, json, source_id: the column order of ``objects``. The version
is the object's modified time (created, or '', when it has none), fixed-width so it sorts.
`source_ref` is the object a row is about: a relationship's source, a sighting's sighting_of,
a role's holder, a quote's speaker (so that an entity's facts are found by index)."""

COLUMN_COUNT = 15


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def object_row(
    obj: dict[str, Any], version: str, seq: int, date_added: str, latest: bool, source_id: int
) -> ObjectRow:
    """The row of an object that passed check_object, which guarantees the types of the
    timestamps, references and spec_version read here; only `name` is free-form."""
    get = obj.get
    created, name = get("created"), get("name")
    if created is not None:
        created = version if created == get("modified") else sort_key(created)
    return (
        seq,
        obj["id"],
        version,
        obj["type"],
        created,
        get("spec_version"),
        get("created_by_ref"),
        get("revoked") is True,
        name if isinstance(name, str) else None,
        get("source_ref") or get("sighting_of_ref") or get("holder_ref") or get("speaker_ref"),
        get("target_ref"),
        date_added,
        latest,
        orjson.dumps(obj),
        source_id,
    )


# Search finds named things. Relationships and sightings are reached through the objects they
# join; their descriptions (in ATT&CK, 60 % of all text) stay out of the index.
UNSEARCHED_TYPES = frozenset({"relationship", "sighting"})


def search_text(obj: dict[str, Any]) -> tuple[str, str, str] | None:
    """(name, description, aliases) for full-text search, or None when there is nothing."""
    if obj["type"] in UNSEARCHED_TYPES:
        return None
    name = _text(obj.get("name")) or ""
    description = _text(obj.get("description")) or ""
    aliases = obj.get("aliases")
    alias_text = (
        " ".join(a for a in aliases if isinstance(a, str)) if isinstance(aliases, list) else ""
    )
    if not (name or description or alias_text):
        return None
    return name, description, alias_text


def marking_refs(obj: dict[str, Any]) -> list[str]:
    refs = obj.get("object_marking_refs")
    return [ref for ref in refs if isinstance(ref, str)] if isinstance(refs, list) else []
