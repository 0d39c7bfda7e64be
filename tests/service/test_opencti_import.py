"""OpenCTI exports (../shared/data/interop/opencti): the flattened x_opencti_* form and the
extension-definition form (bundles, and the bare object lists of its stream) keep every
property byte for byte; what breaks STIX 2.1 is named object by object, OpenCTI's internal
ids as such; the objects' TLP markings become the source's TLP when none is given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from accord.service import Accord
from accord.service.imports import SharingChoice
from accord.sharing import SYSTEM
from accord.stix.formats import OPENCTI_EXTENSION, OPENCTI_SCO_EXTENSION
from accord.stix.markings import TLP_MARKING_IDS, tlp_marking
from accord.store import ObjectQuery, Store
from accord.vocab import TLP
from tests.factories import bundle, identity

INTEROP = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "interop"
OPENCTI = INTEROP / "opencti"


def real(name: str) -> Path:
    path = OPENCTI / name
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared/data/interop)")
    return path


def objects_of(path: Path) -> list[dict[str, Any]]:
    data = orjson.loads(path.read_bytes())
    return data if isinstance(data, list) else list(data["objects"])


def stored(service: Accord, object_id: str) -> bytes:
    (raw,) = service.query(ObjectQuery(ids=[object_id]), viewer=SYSTEM).items
    return raw


@pytest.mark.parametrize("name", [
    "opencti-20241003_Report_to_test_orga_sharing_full.json",
    "stream-objects/stream-event-stix2-reports.json",
    "stream-objects/stream-event-stix2-observables.json",
])  # fmt: skip
def test_clean_exports_import_whole_and_byte_for_byte(store: Store, name: str) -> None:
    service = Accord(store)
    path = real(name)
    report = service.import_path(path)
    assert (report.error, report.rejected, report.format) == (None, 0, "stix")
    expected = objects_of(path)
    assert report.added == report.objects == len(expected)
    for obj in expected:
        assert stored(service, obj["id"]) == orjson.dumps(obj)
    assert service.import_path(path).added == 0


def test_the_flattened_form_keeps_its_x_opencti_properties(store: Store) -> None:
    service = Accord(store)
    path = real("opencti-20241003_Report_to_test_orga_sharing_full.json")
    report = service.import_path(path)
    indicator = next(o for o in objects_of(path) if o["type"] == "indicator")
    got = service.get(indicator["id"], viewer=SYSTEM)
    assert {k: v for k, v in got.items() if k.startswith("x_opencti_")} == {
        k: v for k, v in indicator.items() if k.startswith("x_opencti_")
    }
    assert "x_opencti_score" in got
    granted = sum(1 for o in objects_of(path) if o.get("x_opencti_granted_refs"))
    assert any(f"{granted} objects carry x_opencti_granted_refs" in n for n in report.notes)


def test_both_opencti_extensions_are_kept(store: Store) -> None:
    service = Accord(store)
    path = real("stream-objects/stream-event-stix2-observables.json")
    service.import_path(path)
    (directory,) = objects_of(path)
    got = service.get(directory["id"], viewer=SYSTEM)
    assert got["extensions"][OPENCTI_EXTENSION]["type"] == "Directory"
    assert got["extensions"][OPENCTI_SCO_EXTENSION] == {
        "extension_type": "property-extension",
        "description": "test",
        "score": 50,
    }
    report = objects_of(real("stream-objects/stream-event-stix2-reports.json"))[0]
    service.import_path(real("stream-objects/stream-event-stix2-reports.json"))
    files = service.get(report["id"], viewer=SYSTEM)["extensions"][OPENCTI_EXTENSION]["files"]
    assert files[0]["mime_type"] == "text/csv"


def test_internal_ids_are_named_object_by_object(store: Store) -> None:
    service = Accord(store)
    report = service.import_path(real("client-python-bundle_with_internal_ids.json"))
    assert report.error is not None and service.stats(viewer=SYSTEM).objects == 0
    by_property = {p.property: p.reason for p in report.problems
                   if p.object_id == "relationship--10e8c71d-a1b4-4e35-bca8-2e4a3785ea04"}  # fmt: skip
    assert by_property["source_ref"].startswith(
        "'82316ffd-a0ec-4519-a454-6566f8f5676c' is an OpenCTI internal id (the internal id of "
        "malware--faa5b705-cf44-4e50-8472-29e5fec43c3c)"
    )
    assert (
        "(the internal id of identity--67ffc076-1fba-5164-9df5-b7523092931e)"
        in by_property["created_by_ref"]
    )
    skipped = service.import_path(real("client-python-bundle_with_internal_ids.json"),
                                  skip_invalid=True)  # fmt: skip
    # the identity is sound; both malware lack spec_version, the relationship is broken
    assert (skipped.added, skipped.rejected) == (1, 3)
    identity_id = "identity--67ffc076-1fba-5164-9df5-b7523092931e"
    kept = next(o for o in objects_of(real("client-python-bundle_with_internal_ids.json"))
                if o["id"] == identity_id)  # fmt: skip
    assert stored(service, identity_id) == orjson.dumps(kept)


def test_the_pycti_test_bundle_imports_but_what_breaks_stix(store: Store) -> None:
    """pycti's test data breaks STIX 2.1 in ten objects (the README lists some); the rest
    imports with --skip-invalid, each refused object named."""
    service = Accord(store)
    path = real("client-python-DATA-TEST-STIX2_v2.json")
    assert service.import_path(path).error is not None
    report = service.import_path(path, skip_invalid=True)
    refused = {p.object_id for p in report.problems}
    assert refused == {
        "incident--0b626d41-1d8d-4b96-86fa-ad49cea2cfd4",  # first_seen, last_seen: 2.0 names
        "intrusion-set--18854f55-ac7c-4634-bd9a-352dd07613b7",  # start_time, stop_time
        "location--bc9f5d2c-7209-4b24-903e-587c7cf00ab1",  # a stray identity_class
        "marking-definition--78ca4366-f5b8-4764-83f7-34ce38198e27",  # modified
        "marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168",  # modified
        "observed-data--7d258c31-9a26-4543-aecb-2abc5ed366be",  # no created, modified
        "relationship--10f2228d-cc68-45e3-bce2-53b1841b01c2",  # modified before created
        "relationship--efc9bbb8-e606-4fb1-83ae-d74690fd0416",  # no spec_version
        "software--b0debdba-74e7-4463-ad2a-34334ee66d8d",  # an SCO with created, modified
    }
    assert report.added == len(objects_of(path)) - len(refused) == report.objects - report.rejected
    # TLP:WHITE (the TLP 1.0 id) and the unknown "TLP:TEST": at least AMBER
    assert [s["tlp"] for s in report.sharing] == ["amber"]
    assert any("'TLP:TEST' is no TLP 2.0 level" in n for n in report.notes)


def test_an_incident_with_a_reserved_property_is_refused(store: Store) -> None:
    report = Accord(store).import_path(real("stream-objects/stream-event-stix2-incidents.json"))
    assert report.error is not None
    assert [(p.object_id, p.property) for p in report.problems] == [
        ("incident--a731f96e-4d1a-5333-81df-46c93e19abb8", "severity")
    ]


def test_the_tlp2_wrapper_without_a_type_imports(store: Store) -> None:
    path = (
        INTEROP
        / "stix21"
        / "tlp2"
        / "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d.json"
    )
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert b'"type": "bundle"' not in path.read_bytes() and b"\t" in path.read_bytes()
    report = Accord(store).import_path(path)
    assert (report.error, report.added) == (None, 1)


def test_the_objects_tlp_markings_become_the_sources_tlp(store: Store, tmp_path: Path) -> None:
    service = Accord(store)
    marked = {**identity("Watched"), "type": "identity"}
    fact = {"type": "note", "spec_version": "2.1", "id": "note--0b8a6f5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b",
            "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
            "content": "x", "object_refs": [marked["id"]],
            "object_marking_refs": [TLP_MARKING_IDS[TLP.RED]]}  # fmt: skip
    path = tmp_path / "red.json"
    path.write_bytes(orjson.dumps(bundle(tlp_marking(TLP.RED), marked, fact)))
    report = service.import_path(path)
    assert [s["tlp"] for s in report.sharing] == ["red"]
    assert report.sharing_from["tlp"] == "the objects' TLP markings"
    given = service.import_path(path, sharing=SharingChoice(tlp=TLP.AMBER_STRICT))
    assert [s["tlp"] for s in given.sharing] == ["amber+strict"]
    plain = tmp_path / "plain.json"
    plain.write_bytes(orjson.dumps(bundle(identity("Unmarked"))))
    assert [s["tlp"] for s in service.import_path(plain).sharing] == ["amber"]
