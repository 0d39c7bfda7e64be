"""Merging incoming objects into stored ones: dropping them and pointing every reference to
them at the objects they merged into. Pure: new objects are returned, none is changed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

Obj = dict[str, Any]


def rewrite(objects: Sequence[Obj], merged: Mapping[str, str]) -> list[Obj]:
    """The objects without those `merged` maps away, and every reference (a ``*_ref`` or
    ``*_refs`` property at any depth: ``holder_ref``, ``source_ref``, a report's
    ``object_refs``) to a merged id pointing at the id it merged into; a list of refs keeps
    one of each."""
    if not merged:
        return list(objects)
    return [_rewritten(obj, merged) for obj in objects if obj.get("id") not in merged]


def _rewritten(obj: Obj, merged: Mapping[str, str]) -> Obj:
    return {key: _value(key, value, merged) for key, value in obj.items()}


def _value(key: str, value: Any, merged: Mapping[str, str]) -> Any:
    if isinstance(value, dict):
        return _rewritten(value, merged)
    is_ref = key.endswith(("_ref", "_refs"))
    if isinstance(value, list):
        items = [_value(key, item, merged) for item in value]
        if is_ref and all(isinstance(item, str) for item in items):
            return list(dict.fromkeys(items))
        return items
    if is_ref and isinstance(value, str):
        return merged.get(value, value)
    return value


def duplicate_relationships(objects: Sequence[Obj]) -> dict[str, str]:
    """Relationships that say what an earlier one of `objects` says (same type, source and
    target, as merging may make them) -> that earlier one."""
    first: dict[tuple[Any, Any, Any], str] = {}
    duplicates: dict[str, str] = {}
    for obj in objects:
        if obj.get("type") != "relationship":
            continue
        key = (obj.get("relationship_type"), obj.get("source_ref"), obj.get("target_ref"))
        if key in first:
            duplicates[obj["id"]] = first[key]
        else:
            first[key] = obj["id"]
    return duplicates
