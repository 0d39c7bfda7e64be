"""Accord's own STIX checks: each failure names the object, the property and the reason."""

from __future__ import annotations

from typing import Any

import pytest

from accord.stix.bundle import check_bundle
from accord.stix.timestamps import sort_key, timestamp_error
from accord.stix.validate import check_object, version_of
from tests.factories import identity, relationship

EXT_DEF = "extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e"


def problems(obj: Any) -> list[tuple[str | None, str]]:
    return [(p.property, p.reason) for p in check_object(obj)]


def test_a_good_object_has_no_problems() -> None:
    assert problems(identity()) == []


@pytest.mark.parametrize(
    ("change", "prop", "reason"),
    [
        ({"id": "identity--not-a-uuid"}, "id", "not a STIX identifier"),
        ({"id": "identity--6F1D8A3E-93A6-4B49-8C7F-111111111111"}, "id", "not a STIX identifier"),
        ({"id": "indicator--6f1d8a3e-93a6-4b49-8c7f-111111111111"}, "id", "does not match type"),
        ({"created": "2026-02-30T00:00:00Z"}, "created", "not a real date"),
        ({"modified": "2026-03-01 10:00:00"}, "modified", "not an RFC 3339 UTC"),
        ({"modified": "2026-03-01T10:00:00+01:00"}, "modified", "not an RFC 3339 UTC"),
        ({"modified": 1700000000}, "modified", "must be a string timestamp"),
        ({"modified": "2020-01-01T00:00:00Z"}, "modified", "earlier than created"),
        ({"spec_version": "2.0"}, "spec_version", "only '2.1'"),
        ({"created_by_ref": "someone"}, "created_by_ref", "not a STIX identifier"),
        ({"object_marking_refs": "marking"}, "object_marking_refs", "must be a list"),
        ({"object_marking_refs": ["tlp:green"]}, "object_marking_refs", "not a STIX identifier"),
        ({"nickname": "Sec"}, "nickname", "prefix it 'x_'"),
        ({"x_Bad-Name": 1}, "x_Bad-Name", "property names are"),
        ({"extensions": {"my-ext": {}}}, "extensions.my-ext", "unknown extension"),
        ({"id": ["identity--x"]}, "id", "must be an identifier string, not list"),
        ({"created": {"at": 1}}, "created", "must be a string timestamp, not dict"),
        ({"modified": [1]}, "modified", "must be a string timestamp, not list"),
        ({"created_by_ref": {}}, "created_by_ref", "must be an identifier string, not dict"),
        ({"object_marking_refs": [{}]}, "object_marking_refs", "not dict"),
    ],
)
def test_each_broken_rule_is_named(change: dict[str, Any], prop: str, reason: str) -> None:
    found = problems({**identity(), **change})
    assert any(p == prop and reason in r for p, r in found), found


@pytest.mark.parametrize("missing", ["type", "id", "spec_version", "created", "modified"])
def test_required_properties(missing: str) -> None:
    obj = identity()
    del obj[missing]
    found = problems(obj)
    assert found, f"removing {missing} went unnoticed"
    assert found[0][0] == missing


def test_the_problem_names_the_object_id() -> None:
    [problem] = check_object({**identity(), "nickname": "x"}, index=4)
    assert problem.object_id is not None and problem.object_id.startswith("identity--")
    assert "nickname" in str(problem) and problem.index == 4


def test_not_an_object_at_all() -> None:
    assert "must be a JSON object" in check_object(["a", "list"])[0].reason


def test_nested_references_are_checked() -> None:
    obj = identity(granular_markings=[{"marking_ref": "nope", "selectors": ["name"]}])
    assert problems(obj)[0][0] == "granular_markings[0].marking_ref"


def test_custom_x_properties_and_types_are_allowed() -> None:
    assert problems(identity(x_accord_note="fine")) == []
    custom = {
        "type": "x-accord-meeting", "id": "x-accord-meeting--6f1d8a3e-93a6-4b49-8c7f-111111111111",
        "spec_version": "2.1", "created": "2026-01-01T00:00:00Z",
        "modified": "2026-01-01T00:00:00Z", "venue": "Aktau",
    }  # fmt: skip
    assert problems(custom) == []


def test_custom_types_need_x_prefix_or_an_extension_definition() -> None:
    meeting = {
        "type": "meeting", "id": "meeting--6f1d8a3e-93a6-4b49-8c7f-111111111111",
        "spec_version": "2.1", "created": "2026-01-01T00:00:00Z",
        "modified": "2026-01-01T00:00:00Z",
    }  # fmt: skip
    assert problems(meeting)[0][0] == "type"
    declared = {**meeting, "extensions": {EXT_DEF: {"extension_type": "new-sdo"}}}
    assert problems(declared) == []


def test_toplevel_property_extension_allows_its_properties() -> None:
    obj = identity(
        rank="general", extensions={EXT_DEF: {"extension_type": "toplevel-property-extension"}}
    )
    assert problems(obj) == []


def test_observables_need_no_timestamps_and_have_one_version() -> None:
    ip = {"type": "ipv4-addr", "id": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd",
          "value": "198.51.100.3"}  # fmt: skip
    assert problems(ip) == []
    assert version_of(ip) == ""


def test_timestamps() -> None:
    assert timestamp_error("2026-02-28T23:59:59.123456789Z") is None
    assert timestamp_error("2024-02-29T00:00:00Z") is None
    assert timestamp_error("2023-02-29T00:00:00Z") is not None
    assert timestamp_error("2026-13-01T00:00:00Z") is not None
    assert sort_key("2026-01-01T00:00:00Z") == sort_key("2026-01-01T00:00:00.000Z")
    assert sort_key("2026-01-01T00:00:00.5Z") > sort_key("2026-01-01T00:00:00.49Z")


def test_bundle_check_reports_every_problem_and_keeps_the_good() -> None:
    good = identity()
    bad1 = {**identity(), "id": "identity--x"}
    bad2 = {**identity(), "modified": "never"}
    result = check_bundle("b.json", None, [good, bad1, bad2])
    assert result.objects == [good]
    assert result.rejected == 2
    assert [p.index for p in result.problems] == [1, 2]


def test_bundle_check_drops_exact_duplicates_and_flags_different_content() -> None:
    obj = identity()
    result = check_bundle("b.json", None, [obj, dict(obj), {**obj, "name": "Other"}])
    assert (len(result.objects), result.duplicates, result.rejected) == (1, 1, 1)
    assert "different content" in result.problems[0].reason


def test_relationships_pass() -> None:
    a, b = identity(), identity()
    assert problems(relationship(a["id"], b["id"])) == []
