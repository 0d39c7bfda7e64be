"""MISP core JSON to STIX 2.1, pure: the real MISP samples (../shared/data/interop/misp) and
small events of our own. What comes out is counted against what went in, and every object
passes Accord's checks and the OASIS validator."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pytest

from accord.errors import FileReadError
from accord.stix.bundle import check_bundle
from accord.stix.markings import TLP_MARKING_IDS
from accord.stix.misp import MISP_EXTENSION, convert_event, is_event, is_manifest
from accord.stix.oasis import oasis_problems
from accord.vocab import TLP, Distribution
from tests.stix.misp_events import event, with_sharing_group

ROOT = Path(__file__).resolve().parents[2]
MISP = ROOT.parent / "shared" / "data" / "interop" / "misp"
EVENT_FILES = ["pymisp-existing_event.json", "pymisp-galaxy_1.json", "pymisp-image_event.json",
               "pymisp-sighting_2.json", "misp-core-event.json",
               "feed/56bf399d-c46c-4fdb-a9cf-d9bb02de0b81.json"]  # fmt: skip
# What the test takes to be a detection pattern in MISP: its own list, not the converter's.
DETECTABLE = {"md5", "sha1", "sha256", "filename", "domain", "hostname", "ip-src", "ip-dst",
              "url", "regkey", "yara", "email-src"}  # fmt: skip


def sample(name: str) -> Any:
    path = MISP / name
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared/data/interop)")
    return orjson.loads(path.read_bytes())


def body(data: Any) -> dict[str, Any]:
    return data.get("Event", data)


def expected_indicators(data: Any) -> int:
    e = body(data)
    alone = sum(1 for a in e.get("Attribute", []) if a.get("to_ids") and a["type"] in DETECTABLE)
    objects = sum(1 for o in e.get("Object", [])
                  if any(a.get("to_ids") and a["type"] in DETECTABLE for a in o["Attribute"]))  # fmt: skip
    return alone + objects


def of(objects: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [o for o in objects if o["type"] == kind]


@pytest.mark.parametrize("name", EVENT_FILES)
def test_every_real_event_converts_to_valid_stix(name: str) -> None:
    data = sample(name)
    assert is_event(data)
    converted = convert_event(name, data)
    checked = check_bundle(name, None, converted.objects)
    assert checked.problems == []
    assert checked.duplicates == 0
    for index, obj in enumerate(converted.objects):
        assert oasis_problems(obj, index) == [], obj["id"]
    (report,) = of(converted.objects, "report")
    assert report["name"] == body(data)["info"]
    assert len(of(converted.objects, "indicator")) == expected_indicators(data)


def test_the_counts_of_the_sednit_event() -> None:
    data = sample("pymisp-existing_event.json")
    objects = convert_event("e", data).objects
    # 7 domain attributes marked to_ids, 37 file objects and 12 domain-ip objects
    assert len(of(objects, "indicator")) == 7 + 37 + 12
    assert len(of(objects, "relationship")) == 20  # the 20 ObjectReferences
    clusters = [o for o in objects if o["type"] in ("threat-actor", "tool", "malware")]
    assert len(clusters) == 14
    (actor,) = of(objects, "threat-actor")
    assert actor["name"] == "Sofacy" and "Fancy Bear" in actor["aliases"]
    assert actor["extensions"][MISP_EXTENSION]["meta"]["country"] == ["RU"]
    (report,) = of(objects, "report")
    assert report["object_marking_refs"] == [TLP_MARKING_IDS[TLP.CLEAR]]  # tlp:white
    assert 'workflow:state="incomplete"' in report["labels"]
    assert {"source_name": "misp-link", "url": "https://www.welivesecurity.com/2017/12/21/"
            "sednit-update-fancy-bear-spent-year/", "external_id": "5a3c2fda-78f4-44b7-8366-"
            "46da02de0b81"} in report["external_references"]  # fmt: skip
    kept = report["extensions"][MISP_EXTENSION]
    assert (kept["uuid"], kept["distribution"], kept["threat_level"], kept["analysis"]) == (
        "5a3c2fcd-8328-42bb-a95e-4f4402de0b81",
        3,
        3,
        0,
    )


def test_regin_event_numeric_strings_and_non_detection_attributes() -> None:
    data = sample("misp-core-event.json")
    converted = convert_event("regin", data)
    objects = converted.objects
    assert len(of(objects, "indicator")) == 27 + 3  # md5 and regkey marked to_ids
    observed = of(objects, "observed-data")
    assert len(observed) == 6  # six filenames not marked to_ids
    files = of(objects, "file")
    assert {f["name"] for f in files} >= {"abiosdsk.sys", "ser8uart.sys", "usbclass.sys"}
    regkeys = [o["pattern"] for o in of(objects, "indicator") if "registry" in o["pattern"]]
    assert (
        "[windows-registry-key:key = 'HKLM\\\\System\\\\CurrentControlSet\\\\Control\\\\']"
        in regkeys
    )
    assert converted.event_scope.distribution is Distribution.FEDERATION
    assert converted.event_scope.tlp is None  # no tlp tag


def test_sightings_and_false_positives() -> None:
    objects = convert_event("s", sample("pymisp-sighting_2.json")).objects
    (sighting,) = of(objects, "sighting")
    (opinion,) = of(objects, "opinion")  # type 1: a false positive
    assert opinion["opinion"] == "strongly-disagree"
    assert of(objects, "indicator") == []  # target-external is no observable: a note
    target = next(o for o in of(objects, "note") if o["content"] == "testvalue")
    assert sighting["sighting_of_ref"] == target["id"]
    assert opinion["object_refs"] == [
        next(o["id"] for o in of(objects, "note") if o["content"] == "Value to test")
    ]
    (malware,) = of(objects, "malware")  # the Asprox botnet cluster, whose uuid is empty
    assert malware["aliases"] == ["Badsrc", "Aseljo", "Danmec", "Hydraflux"]


def test_conversion_is_deterministic_and_ids_come_from_misp_uuids() -> None:
    data = sample("pymisp-image_event.json")
    first, second = (
        convert_event("a", data).objects,
        convert_event("b", copy.deepcopy(data)).objects,
    )
    assert first == second
    other = copy.deepcopy(data)
    other["Event"]["uuid"] = "5c706a30-8ad4-4fcc-9e17-4d3d02de0b82"
    (report,) = of(first, "report")
    (moved,) = of(convert_event("c", other).objects, "report")
    assert report["id"] != moved["id"]


def test_own_event_every_part_mapped() -> None:
    converted = convert_event("own", event())
    objects = converted.objects
    kinds = Counter(o["type"] for o in objects)
    assert kinds["indicator"] == 3  # domain, md5, the file object
    assert kinds["observed-data"] == 1 and kinds["ipv4-addr"] == 1
    assert kinds["note"] == 1 and kinds["sighting"] == 1 and kinds["threat-actor"] == 1
    file_indicator = next(o for o in objects if o["type"] == "indicator" and o["name"] == "file")
    assert file_indicator["pattern"] == (
        "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'"
        " AND file:name = 'invoice.exe']"
    )
    relations = {a["object_relation"] for a in
                 file_indicator["extensions"][MISP_EXTENSION]["attributes"]}  # fmt: skip
    assert relations == {"sha256", "filename", "state"}  # the text attribute is kept too
    (reference,) = [
        o for o in of(objects, "relationship") if o["relationship_type"] == "communicates-with"
    ]
    domain = next(o for o in objects if o["type"] == "indicator" and "domain-name" in o["pattern"])
    assert (reference["source_ref"], reference["target_ref"]) == (
        file_indicator["id"],
        domain["id"],
    )
    assert all(o["object_marking_refs"] == [TLP_MARKING_IDS[TLP.GREEN]]
               for o in objects if o["type"] in ("indicator", "note", "report"))  # fmt: skip
    assert converted.event_scope.distribution is Distribution.COMMUNITY
    assert converted.scopes == {}


@pytest.mark.parametrize(("level", "expected"), [
    ("0", Distribution.OWNER), ("1", Distribution.COMMUNITY), ("2", Distribution.FEDERATION),
    ("3", Distribution.FEDERATION), (0, Distribution.OWNER), (3, Distribution.FEDERATION),
])  # fmt: skip
def test_distribution_levels(level: Any, expected: Distribution) -> None:
    assert convert_event("e", event(distribution=level)).event_scope.distribution is expected


def test_a_sharing_group_is_named() -> None:
    scope = convert_event("e", with_sharing_group("Trusted CERTs")).event_scope
    assert (scope.distribution, scope.group) == (Distribution.GROUPS, "Trusted CERTs")


def test_the_pymisp_sharing_group_shape_is_read(shared_dir: Path) -> None:
    groups = orjson.loads((MISP / "pymisp-sharing_groups.json").read_bytes())
    data = event(distribution="4")
    data["Event"]["SharingGroup"] = groups[0]
    assert convert_event("e", data).event_scope.group == "PrivateTrustedGroup"


def test_an_attribute_narrower_than_the_event_keeps_its_own_scope() -> None:
    data = event(distribution="3")
    data["Event"]["Attribute"][1]["distribution"] = "0"
    data["Event"]["Attribute"][1]["Tag"] = [{"name": "tlp:red"}]
    converted = convert_event("e", data)
    md5 = next(o for o in converted.objects if o["type"] == "indicator" and "MD5" in o["pattern"])
    scope = converted.scopes[md5["id"]]
    assert (scope.distribution, scope.tlp) == (Distribution.OWNER, TLP.RED)
    assert md5["object_marking_refs"] == [TLP_MARKING_IDS[TLP.RED]]


MALFORMED = {
    "no uuid": lambda e: e["Event"].pop("uuid"),
    "attribute without value": lambda e: e["Event"]["Attribute"][0].pop("value"),
    "bad distribution": lambda e: e["Event"].update(distribution="9"),
    "attributes not a list": lambda e: e["Event"].update(Attribute={"a": 1}),
    "bad timestamp": lambda e: e["Event"].update(timestamp="yesterday"),
    "sharing group without a name": lambda e: e["Event"].update(distribution="4"),
    "bad date": lambda e: e["Event"].update(timestamp="0", date="2023-02-30"),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_event_is_one_line_error(name: str) -> None:
    data = event()
    MALFORMED[name](data)
    with pytest.raises(FileReadError) as raised:
        convert_event("bad.json", data)
    message = str(raised.value)
    assert message.startswith("bad.json: MISP event") and "\n" not in message


def test_formats_are_told_apart() -> None:
    assert is_event(event()) and is_event(event()["Event"])
    assert not is_event({"type": "bundle", "id": "bundle--1", "objects": []})
    assert is_manifest({"56bf399d-c46c-4fdb-a9cf-d9bb02de0b81": {"info": "x", "Orgc": {}}})
    assert not is_manifest(event())


def test_a_cve_is_a_vulnerability_and_org_an_identity() -> None:
    data = event()
    data["Event"]["Attribute"].append(
        {"uuid": "3f0e8a52-8a3e-4c1b-9e0d-2b6c1e4d5f60", "type": "vulnerability",
         "category": "External analysis", "value": "cve-2021-44228", "to_ids": False})  # fmt: skip
    data["Event"]["Org"] = {"name": "Holder", "uuid": "7a1e2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b"}
    objects = convert_event("e", data).objects
    (vulnerability,) = of(objects, "vulnerability")
    assert vulnerability["name"] == "CVE-2021-44228"
    assert {o["name"] for o in of(objects, "identity")} >= {"Test CERT", "Holder"}
    assert check_bundle("e", None, objects).problems == []


def test_an_attachment_keeps_its_bytes_in_an_artifact() -> None:
    data = sample("pymisp-image_event.json")
    (attachment,) = [a for a in data["Event"]["Attribute"] if a["type"] == "attachment"]
    objects = convert_event("img", data).objects
    (artifact,) = of(objects, "artifact")
    assert artifact["payload_bin"] == attachment["data"]
    (holder,) = [f for f in of(objects, "file") if f.get("content_ref") == artifact["id"]]
    assert holder["name"] == attachment["value"]
    assert check_bundle("img", None, objects).problems == []


def test_first_and_last_seen_bound_the_indicator() -> None:
    data = event()
    data["Event"]["Attribute"][0].update(first_seen="2023-11-01T10:00:00.000000+02:00",
                                         last_seen="2023-11-10T00:00:00+00:00")  # fmt: skip
    data["Event"]["Attribute"][2].update(first_seen="2023-10-01T00:00:00Z", last_seen="garbage")
    objects = convert_event("e", data).objects
    domain = next(o for o in of(objects, "indicator") if "domain-name" in o["pattern"])
    assert (domain["valid_from"], domain["valid_until"]) == (
        "2023-11-01T08:00:00.000000Z",
        "2023-11-10T00:00:00.000000Z",
    )
    (observed,) = of(objects, "observed-data")
    assert observed["first_observed"] == observed["last_observed"] == "2023-10-01T00:00:00.000000Z"
    assert observed["extensions"][MISP_EXTENSION]["last_seen"] == "garbage"
    for index, obj in enumerate(objects):
        assert oasis_problems(obj, index) == []


def test_a_bare_event_without_organisation_or_attributes_converts() -> None:
    objects = convert_event(
        "e", {"uuid": "3f0e8a52-8a3e-4c1b-9e0d-2b6c1e4d5f61", "info": "x"}
    ).objects
    (report,) = of(objects, "report")
    assert "created_by_ref" not in report and report["object_refs"]
    assert check_bundle("e", None, objects).problems == []
    for index, obj in enumerate(objects):
        assert oasis_problems(obj, index) == []


def test_related_events_are_kept_and_proposals_noted() -> None:
    data = sample("pymisp-existing_event.json")
    converted = convert_event("e", data)
    (report,) = of(converted.objects, "report")
    related = report["extensions"][MISP_EXTENSION]["related_events"]
    assert len(related) == len(data["RelatedEvent"]) == 20
    assert related[0]["uuid"] == data["RelatedEvent"][0]["Event"]["uuid"]
    regin = convert_event("r", sample("misp-core-event.json"))
    assert not any(
        "proposals" in note for note in regin.notes
    )  # its ShadowAttribute lists are empty
