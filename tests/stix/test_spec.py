"""Checks the STIX 2.1 tables in accord.stix.spec against the stix2 library and real data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from stix2.registry import STIX2_OBJ_MAPS

from accord.stix import spec

DATA = Path("/work/shared/data")
ATTACK = DATA / "enterprise-attack.json"
OASIS_STIX21 = DATA / "interop" / "stix21"

# Where the stix2 library (3.0.x) and the STIX 2.1 specification disagree, the spec wins.
# Each entry is the set of names the library accepts that the specification does not define.
LIBRARY_EXTRAS: dict[str, frozenset[str]] = {
    # Spec section 4.6: the Incident stub has only name and description. stix2's
    # Incident class also declares kill_chain_phases.
    "incident": frozenset({"kill_chain_phases"}),
}

_REGISTRY: dict[str, dict[str, Any]] = STIX2_OBJ_MAPS["2.1"]


def _stix2_classes() -> dict[str, Any]:
    """Every STIX Object class stix2 registers for 2.1 (bundle is not a STIX Object)."""
    classes = {**_REGISTRY["objects"], **_REGISTRY["observables"]}
    classes.pop("bundle", None)
    return classes


def test_stix2_library_registers_exactly_the_spec_types() -> None:
    assert set(_stix2_classes()) == set(spec.PROPERTIES)


@pytest.mark.parametrize("type_name", sorted(_stix2_classes()))
def test_properties_match_stix2_library(type_name: str) -> None:
    declared = frozenset(_stix2_classes()[type_name]._properties)
    expected = declared - LIBRARY_EXTRAS.get(type_name, frozenset())
    assert spec.PROPERTIES[type_name] == expected


def test_library_extras_really_are_extras() -> None:
    # Flags an entry above that a newer stix2 release has made stale.
    for type_name, extras in LIBRARY_EXTRAS.items():
        assert extras <= frozenset(_stix2_classes()[type_name]._properties)
        assert not extras & spec.PROPERTIES[type_name]


def test_predefined_extensions_match_stix2_library() -> None:
    assert set(_REGISTRY["extensions"]) == spec.PREDEFINED_EXTENSIONS


def test_type_sets_are_disjoint_and_cover_properties() -> None:
    groups = [spec.SDO_TYPES, spec.SRO_TYPES, spec.SCO_TYPES, spec.META_TYPES]
    assert sum(len(g) for g in groups) == len(spec.PROPERTIES)
    assert frozenset().union(*groups) == frozenset(spec.PROPERTIES)
    assert (len(spec.SDO_TYPES), len(spec.SRO_TYPES), len(spec.SCO_TYPES)) == (19, 2, 18)
    assert len(spec.META_TYPES) == 3


def test_common_properties_are_included() -> None:
    for type_name in spec.SDO_TYPES | spec.SRO_TYPES:
        assert spec.PROPERTIES[type_name] >= spec.COMMON_SDO_SRO, type_name
        assert "defanged" not in spec.PROPERTIES[type_name]
    for type_name in spec.SCO_TYPES:
        assert spec.PROPERTIES[type_name] >= spec.COMMON_SCO, type_name
        assert not {"created", "modified", "created_by_ref"} & spec.PROPERTIES[type_name]


def test_meta_objects() -> None:
    marking = spec.PROPERTIES["marking-definition"]
    assert "modified" not in marking
    assert {"name", "definition_type", "definition", "extensions"} <= marking
    assert "lang" not in spec.PROPERTIES["language-content"]
    assert {"object_ref", "object_modified", "contents"} <= spec.PROPERTIES["language-content"]
    ext_def = spec.PROPERTIES["extension-definition"]
    assert not {"confidence", "lang", "extensions"} & ext_def
    assert {"schema", "version", "extension_types", "extension_properties"} <= ext_def


def test_reserved_names_are_not_standard() -> None:
    reserved = {"severity", "username", "phone_number", "phone_numbers", "action"}
    for type_name, props in spec.PROPERTIES.items():
        assert not reserved & props, type_name


def test_requires_created_modified() -> None:
    expected = spec.SDO_TYPES | spec.SRO_TYPES | {"language-content", "extension-definition"}
    assert expected == spec.REQUIRES_CREATED_MODIFIED
    for type_name in spec.REQUIRES_CREATED_MODIFIED:
        assert {"created", "modified"} <= spec.PROPERTIES[type_name]


@pytest.mark.parametrize(
    ("type_name", "expected"),
    [
        ("attack-pattern", "sdo"),
        ("malware-analysis", "sdo"),
        ("observed-data", "sdo"),
        ("relationship", "sro"),
        ("sighting", "sro"),
        ("ipv4-addr", "sco"),
        ("windows-registry-key", "sco"),
        ("x509-certificate", "sco"),
        ("marking-definition", "meta"),
        ("language-content", "meta"),
        ("extension-definition", "meta"),
        ("x-mitre-tactic", "custom"),
        ("x-mitre-collection", "custom"),
        ("bundle", "custom"),
        ("Indicator", "custom"),
        ("", "custom"),
    ],
)
def test_category(type_name: str, expected: str) -> None:
    assert spec.category(type_name) == expected
    assert spec.is_custom_type(type_name) is (expected == "custom")


# --- Real data --------------------------------------------------------------------------


def _objects(document: Any) -> Iterator[dict[str, Any]]:
    """Top-level objects of a bundle (with or without "type"), a bare object, or a list."""
    if isinstance(document, list):
        for item in document:
            yield from _objects(item)
    elif isinstance(document, dict):
        if isinstance(document.get("objects"), list) and document.get("type") in (None, "bundle"):
            yield from (o for o in document["objects"] if isinstance(o, dict))
        else:
            yield document


def _non_standard(objects: Iterator[dict[str, Any]]) -> list[tuple[str, str, str]]:
    problems = []
    for obj in objects:
        type_name = obj.get("type")
        if not isinstance(type_name, str) or spec.is_custom_type(type_name):
            continue
        for prop in obj:
            if prop not in spec.PROPERTIES[type_name] and not prop.startswith("x_"):
                problems.append((str(obj.get("id")), type_name, prop))
    return problems


def test_checker_flags_non_standard_properties() -> None:
    objects: list[dict[str, Any]] = [
        {"type": "incident", "id": "incident--1", "kill_chain_phases": [], "x_ok": 1},
        {"type": "course-of-action", "id": "course-of-action--1", "action": "x"},
        {"type": "x-custom", "id": "x-custom--1", "anything": 1},
    ]
    assert _non_standard(iter(objects)) == [
        ("incident--1", "incident", "kill_chain_phases"),
        ("course-of-action--1", "course-of-action", "action"),
    ]


def test_enterprise_attack_properties_are_standard_or_x_() -> None:
    if not ATTACK.is_file():
        pytest.skip(f"{ATTACK} is absent")
    objects = list(_objects(orjson.loads(ATTACK.read_bytes())))
    assert len(objects) > 1000
    assert any(not spec.is_custom_type(str(o.get("type"))) for o in objects)
    assert _non_standard(iter(objects)) == []


_OASIS_FILES = sorted(OASIS_STIX21.rglob("*.json")) if OASIS_STIX21.is_dir() else []


@pytest.mark.skipif(not _OASIS_FILES, reason=f"no JSON files under {OASIS_STIX21}")
@pytest.mark.parametrize("path", _OASIS_FILES, ids=lambda p: str(p.relative_to(OASIS_STIX21)))
def test_oasis_examples_properties_are_standard_or_x_(path: Path) -> None:
    objects = list(_objects(orjson.loads(path.read_bytes())))
    assert objects
    assert _non_standard(iter(objects)) == []
