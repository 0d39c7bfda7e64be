"""Checks of everything the store relies on, each failure a Problem naming object, property and
reason. These are not a full STIX validator (``--strict`` adds the OASIS one); they guarantee
that ids, versions, timestamps and references are well formed, and that custom content is
declared the way STIX 2.1 allows: ``x-`` types, ``x_`` properties, or extension-definitions."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
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


def identifier_error(value: object) -> str | None:
    """Why `value` is not a STIX identifier (``type--UUID``), or None."""
    if not isinstance(value, str):
        return f"must be an identifier string, not {type(value).__name__}"
    return _identifier_text_error(value)


@lru_cache(maxsize=65536)  # markings, authors and relationship ends recur across a bundle
def _identifier_text_error(value: str) -> str | None:
    if _IDENTIFIER.fullmatch(value) is None or "---" in value:
        return f"{value!r} is not a STIX identifier (type--UUID, lower case, RFC 4122 UUID)"
    return None


def version_of(obj: Mapping[str, Any]) -> str:
    """The version key of a checked object: its modified time, else created, else '' (objects
    without timestamps, such as cyber observables, have exactly one version)."""
    stamp = obj.get("modified") or obj.get("created")
    return sort_key(stamp) if isinstance(stamp, str) else ""


@dataclass(frozen=True, slots=True)
class _Rules:
    """What one type asks of its objects, worked out once per type rather than per object."""

    allowed: frozenset[str] | None  # None: any property (custom types, declared extensions)
    required: tuple[str, ...]
    needs_spec_version: bool
    timestamps: frozenset[str]
    references: frozenset[str]  # top-level *_ref / *_refs properties
    containers: frozenset[str] | None  # properties that may hold references deeper; None: all


# Properties that never hold references, and need no walk.
_FLAT = frozenset({"type", "id", "spec_version", "name", "description", "revoked", "labels",
                   "confidence", "lang", "aliases", "roles", "sectors", "goals"})  # fmt: skip


def _standard_rules(type_name: str) -> _Rules:
    allowed = spec.PROPERTIES[type_name]
    if type_name in spec.REQUIRES_CREATED_MODIFIED:
        required: tuple[str, ...] = ("created", "modified")
    elif type_name == "marking-definition":
        required = ("created",)
    else:
        required = ()
    references = frozenset(p for p in allowed if p.endswith(("_ref", "_refs")))
    return _Rules(
        allowed=allowed,
        required=required,
        needs_spec_version=spec.category(type_name) != "sco",
        timestamps=_TIMESTAMP_PROPERTIES & allowed,
        references=references,
        containers=allowed - references - _FLAT - _NO_REFERENCES - _TIMESTAMP_PROPERTIES,
    )


def _custom_rules(obj: dict[str, Any], extension_types: set[str]) -> _Rules:
    """A custom type's properties are all its own; it is SDO-like when it has `created`."""
    sdo_like = "created" in obj and "new-sco" not in extension_types
    return _Rules(
        allowed=None,
        required=("created", "modified") if sdo_like else (),
        needs_spec_version=sdo_like,
        timestamps=frozenset({"created", "modified"}),
        references=frozenset(),
        containers=None,
    )


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

    if not isinstance(type_name, str) or not _type_name_ok(type_name):
        add("type", f"{type_name!r} is not a STIX type name (3-250 of a-z, 0-9, '-')")
        return problems
    id_error = identifier_error(object_id)
    if id_error:
        add("id", "missing" if object_id is None else id_error)
    elif not str(object_id).startswith(type_name + "--"):
        add("id", f"prefix does not match type {type_name!r}")
    extension_types = _check_extensions(obj["extensions"], add) if "extensions" in obj else _NONE
    rules = _RULES.get(type_name)
    if rules is None:
        _check_custom_type(type_name, extension_types, add)
        rules = _custom_rules(obj, extension_types)
    _check_properties(obj, type_name, rules, extension_types, add)
    _check_versioning(obj, rules, add)
    _check_references(obj, rules, add)
    return problems


_NONE: set[str] = set()


@lru_cache(maxsize=1024)
def _type_name_ok(type_name: str) -> bool:
    return _TYPE.fullmatch(type_name) is not None and "--" not in type_name


def _check_extensions(extensions: object, add: Any) -> set[str]:
    """Check the ``extensions`` dictionary; return the extension_type values it declares."""
    declared: set[str] = set()
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


def _check_custom_type(type_name: str, extension_types: set[str], add: Any) -> None:
    if not type_name.startswith("x-") and not extension_types & _NEW_TYPE_EXTENSIONS:
        add(
            "type",
            f"custom type {type_name!r} must start with 'x-' or be declared by a "
            "new-sdo/new-sco/new-sro extension-definition",
        )


def _check_properties(
    obj: dict[str, Any], type_name: str, rules: _Rules, extension_types: set[str], add: Any
) -> None:
    allowed = rules.allowed
    if "toplevel-property-extension" in extension_types:
        allowed = None
    for name in obj.keys() - allowed if allowed is not None else obj:
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


def _check_versioning(obj: dict[str, Any], rules: _Rules, add: Any) -> None:
    version = obj.get("spec_version")
    if version is None:
        if rules.needs_spec_version:
            add("spec_version", "missing (only STIX 2.1 content is accepted)")
    elif version != "2.1":
        add("spec_version", f"{version!r} is not supported (only '2.1')")
    for name in rules.required:
        if name not in obj:
            add(name, "missing")
    valid = True
    for name in rules.timestamps.intersection(obj):
        error = timestamp_error(obj[name])
        if error:
            add(name, error)
            valid = False
    created, modified = obj.get("created"), obj.get("modified")
    if valid and isinstance(created, str) and isinstance(modified, str):
        # Equal lengths: same precision, fixed width, so the strings compare as times do.
        if len(created) == len(modified):
            earlier = modified < created
        else:
            earlier = sort_key(modified) < sort_key(created)
        if earlier:
            add("modified", f"{modified} is earlier than created {created}")


def _check_references(obj: dict[str, Any], rules: _Rules, add: Any) -> None:
    found: list[tuple[str, object]] = []
    if rules.containers is None:
        _references(obj, "", found)
    else:
        found.extend((name, obj[name]) for name in rules.references.intersection(obj))
        for name in rules.containers.intersection(obj):
            value = obj[name]
            if value and isinstance(value, dict | list):
                _references(value, name, found)
    for path, value in found:
        _check_reference(path, value, add)


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


_RULES = {type_name: _standard_rules(type_name) for type_name in spec.PROPERTIES}
