"""Checks of everything the store relies on, each failure a Problem naming object, property and
reason. These are not a full STIX validator (``--strict`` adds the OASIS one); they guarantee
that ids, versions, timestamps and references are well formed, and that custom content is
declared the way STIX 2.1 allows: ``x-`` types, ``x_`` properties, or extension-definitions."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from accord.errors import Problem
from accord.stix import spec
from accord.stix.timestamps import sort_key, timestamp_error

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
_IDENTIFIER = re.compile(rf"([a-z0-9][a-z0-9-]{{1,248}}[a-z0-9])--{_UUID}")
_TYPE = re.compile(r"[a-z0-9][a-z0-9-]{1,248}[a-z0-9]")
_PROPERTY = re.compile(r"[a-z0-9_]{3,250}")
_EXTENSION_DEFINITION = re.compile(rf"extension-definition--{_UUID}")
_NEW_TYPE_EXTENSIONS = frozenset({"new-sdo", "new-sco", "new-sro"})

# Standard timestamp properties checked wherever the standard type has them.
_TIMESTAMP_PROPERTIES = frozenset(
    {
        "created", "modified", "published", "first_seen", "last_seen", "valid_from",
        "valid_until", "start_time", "stop_time", "first_observed", "last_observed",
        "object_modified", "submitted", "analysis_started", "analysis_ended",
    }
)  # fmt: skip


@lru_cache(maxsize=65536)  # markings, authors and relationship ends recur across a bundle
def identifier_error(value: object) -> str | None:
    """Why `value` is not a STIX identifier (``type--UUID``), or None."""
    if not isinstance(value, str):
        return f"must be an identifier string, not {type(value).__name__}"
    if _IDENTIFIER.fullmatch(value) is None or "---" in value:
        return f"{value!r} is not a STIX identifier (type--UUID, lower case, RFC 4122 UUID)"
    return None


def version_of(obj: Mapping[str, Any]) -> str:
    """The version key of a checked object: its modified time, else created, else '' (objects
    without timestamps, such as cyber observables, have exactly one version)."""
    stamp = obj.get("modified") or obj.get("created")
    return sort_key(stamp) if isinstance(stamp, str) else ""


def check_object(obj: object, index: int | None = None) -> list[Problem]:
    """Every problem with one object; an empty list when it is fit for the store."""
    if not isinstance(obj, dict):
        return [Problem(None, None, f"must be a JSON object, not {type(obj).__name__}", index)]
    problems: list[Problem] = []
    type_name = obj.get("type")
    object_id = obj.get("id")
    label = object_id if isinstance(object_id, str) else None

    def add(prop: str | None, reason: str) -> None:
        problems.append(Problem(label, prop, reason, index))

    if not isinstance(type_name, str) or _TYPE.fullmatch(type_name) is None or "--" in type_name:
        add("type", f"{type_name!r} is not a STIX type name (3-250 of a-z, 0-9, '-')")
        return problems
    id_error = identifier_error(object_id)
    if id_error:
        add("id", "missing" if object_id is None else id_error)
    elif not str(object_id).startswith(type_name + "--"):
        add("id", f"prefix does not match type {type_name!r}")
    extension_types = _check_extensions(obj.get("extensions"), type_name, add)
    _check_custom(obj, type_name, extension_types, add)
    _check_versioning(obj, type_name, extension_types, add)
    references: list[tuple[str, object]] = []
    _references(obj, "", references)
    for path, value in references:
        _check_reference(path, value, add)
    return problems


def _check_extensions(extensions: object, type_name: str, add: Any) -> set[str]:
    """Check the ``extensions`` dictionary; return the extension_type values it declares."""
    declared: set[str] = set()
    if extensions is None:
        return declared
    if not isinstance(extensions, dict) or not extensions:
        add("extensions", "must be a non-empty dictionary")
        return declared
    for key, value in extensions.items():
        if not isinstance(value, dict):
            add(f"extensions.{key}", "must be a dictionary")
            continue
        if _EXTENSION_DEFINITION.fullmatch(key):
            kind = value.get("extension_type")
            if isinstance(kind, str):
                declared.add(kind)
        elif key not in spec.PREDEFINED_EXTENSIONS and not key.startswith("x-"):
            add(
                f"extensions.{key}",
                "unknown extension: name an extension-definition--UUID, a predefined "
                "extension, or an x- custom extension",
            )
    return declared


def _check_custom(obj: dict[str, Any], type_name: str, extension_types: set[str], add: Any) -> None:
    if spec.is_custom_type(type_name):
        if not type_name.startswith("x-") and not extension_types & _NEW_TYPE_EXTENSIONS:
            add(
                "type",
                f"custom type {type_name!r} must start with 'x-' or be declared by a "
                "new-sdo/new-sco/new-sro extension-definition",
            )
        allowed: frozenset[str] | None = None  # a custom type's properties are all its own
    elif "toplevel-property-extension" in extension_types:
        allowed = None
    else:
        allowed = spec.PROPERTIES[type_name]
    for name in obj:
        if allowed is not None and name in allowed:
            continue
        if not _property_name_ok(name):
            add(name, "property names are 3-250 characters of a-z, 0-9 and '_'")
        elif allowed is not None and not name.startswith("x_"):
            add(
                name,
                f"custom property on {type_name!r}: prefix it 'x_' or declare it "
                "through an extension-definition",
            )


@lru_cache(maxsize=4096)
def _property_name_ok(name: str) -> bool:
    return name in ("id", "type") or _PROPERTY.fullmatch(name) is not None


def _needs_spec_version(obj: dict[str, Any], type_name: str, extension_types: set[str]) -> bool:
    category = spec.category(type_name)
    if category == "sco":
        return False
    if category == "custom":
        return "new-sco" not in extension_types and "created" in obj
    return True


def _check_versioning(
    obj: dict[str, Any], type_name: str, extension_types: set[str], add: Any
) -> None:
    version = obj.get("spec_version")
    if version is None:
        if _needs_spec_version(obj, type_name, extension_types):
            add("spec_version", "missing (only STIX 2.1 content is accepted)")
    elif version != "2.1":
        add("spec_version", f"{version!r} is not supported (only '2.1')")
    required: tuple[str, ...] = ()
    if type_name in spec.REQUIRES_CREATED_MODIFIED or (
        spec.category(type_name) == "custom" and "created" in obj
    ):
        required = ("created", "modified")
    elif type_name == "marking-definition":
        required = ("created",)
    for name in required:
        if name not in obj:
            add(name, "missing")
    custom = spec.is_custom_type(type_name)
    for name in _TIMESTAMP_PROPERTIES.intersection(obj) if not custom else ("created", "modified"):
        if name in obj:
            error = timestamp_error(obj[name])
            if error:
                add(name, error)
    created, modified = obj.get("created"), obj.get("modified")
    if (
        isinstance(created, str)
        and isinstance(modified, str)
        and timestamp_error(created) is None
        and timestamp_error(modified) is None
        and sort_key(modified) < sort_key(created)
    ):
        add("modified", f"{modified} is earlier than created {created}")


# Standard properties holding lists or dictionaries that never contain references.
_NO_REFERENCES = frozenset({"external_references", "kill_chain_phases", "hashes", "labels"})
_SKIP, _REFERENCE, _DESCEND = 0, 1, 2
_KEY_KINDS: dict[str, int] = {}


def _key_kind(key: str) -> int:
    """Whether a property holds references, may hold them deeper, or is none of our business
    (custom ``x_`` properties are their producer's). Memoised: property names recur."""
    kind = _KEY_KINDS.get(key)
    if kind is None:
        if key.startswith("x_") or key in _NO_REFERENCES:
            kind = _SKIP
        elif key.endswith(("_ref", "_refs")):
            kind = _REFERENCE
        else:
            kind = _DESCEND
        if len(_KEY_KINDS) < 65536:
            _KEY_KINDS[key] = kind
    return kind


def _references(value: object, path: str, found: list[tuple[str, object]]) -> None:
    """Collect every (path, value) whose property name ends in _ref or _refs, at any depth."""
    if isinstance(value, dict):
        kinds = _KEY_KINDS
        for key, item in value.items():
            kind = kinds.get(key)
            if kind is None:
                kind = _key_kind(key) if isinstance(key, str) else _SKIP
            if kind == _SKIP:
                continue
            if kind == _REFERENCE:
                found.append(((f"{path}.{key}" if path else key), item))
            elif kind == _DESCEND and item and isinstance(item, dict | list):
                _references(item, f"{path}.{key}" if path else key, found)
    elif isinstance(value, list):
        for position, item in enumerate(value):
            if item and isinstance(item, dict | list):
                _references(item, f"{path}[{position}]", found)


def _check_reference(path: str, value: object, add: Any) -> None:
    if path.endswith("_refs"):
        if not isinstance(value, list):
            add(path, "must be a list of identifiers")
            return
        for item in value:
            error = identifier_error(item)
            if error:
                add(path, error)
                return
    else:
        error = identifier_error(value)
        if error:
            add(path, error)
