"""Importing MISP events through the service: every real sample, feeds, re-import, the
mapping of distribution levels, sharing groups and tlp tags onto sources, TLP caps, the
split of narrower attributes, command-line overrides, and what other organisations see."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from accord.admin import Directory
from accord.service import Accord, bundle_paths
from accord.service.imports import SharingChoice
from accord.sharing import SYSTEM, operator_for, user
from accord.store import ObjectQuery, Store
from accord.store.model import Sharing
from accord.vocab import TLP, Distribution, Role
from tests.stix.misp_events import event, with_sharing_group

MISP = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "interop" / "misp"
EVENTS = ["pymisp-existing_event.json", "pymisp-galaxy_1.json", "pymisp-image_event.json",
          "pymisp-sighting_2.json", "misp-core-event.json"]  # fmt: skip


@pytest.fixture
def world(store: Store) -> tuple[Accord, dict[str, int]]:
    """Organisations A, B and C; the group "Trusted CERTs" of A with B as a member."""
    directory = Directory(store)
    orgs = {name: directory.add_organisation(name, actor=SYSTEM).id for name in "ABC"}
    directory.add_group("Trusted CERTs", "A", actor=SYSTEM)
    directory.add_group_member("Trusted CERTs", "B", actor=SYSTEM)
    return Accord(store), orgs


def write(tmp_path: Path, data: Any, name: str = "event.json") -> Path:
    path = tmp_path / name
    path.write_bytes(orjson.dumps(data))
    return path


def viewer(orgs: dict[str, int], name: str) -> Any:
    return user(f"reader-{name}", org_id=orgs[name], role=Role.READER)


def seen(service: Accord, who: Any, kind: str) -> set[str]:
    return set(service.query(ObjectQuery(types=[kind], limit=1000), viewer=who).ids)


def sources(service: Accord) -> list[tuple[str, str, tuple[int, ...]]]:
    return [(str(s.tlp), str(s.distribution), s.groups) for s in service.sources(viewer=SYSTEM)]


def real(name: str) -> Path:
    path = MISP / name
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared/data/interop)")
    return path


@pytest.mark.parametrize("name", EVENTS)
def test_every_real_event_imports_and_again_adds_nothing(
    world: tuple[Accord, dict[str, int]], name: str
) -> None:
    service, orgs = world
    path = real(name)
    report = service.import_path(path, owner=operator_for(orgs["A"]))
    assert report.error is None, report.error
    assert (report.format, report.rejected) == ("misp", 0)
    assert report.added + report.unchanged == report.objects > 0
    assert report.added > 0
    again = service.import_path(path, owner=operator_for(orgs["A"]))
    assert (again.error, again.added, again.new_versions, again.history) == (None, 0, 0, 0)
    assert again.unchanged == again.objects == report.objects


def test_a_feed_directory_and_its_manifest_list_the_events(shared_dir: Path) -> None:
    feed = real("feed")
    expected = [feed / "56bf399d-c46c-4fdb-a9cf-d9bb02de0b81.json"]
    assert list(bundle_paths([feed])) == expected
    assert list(bundle_paths([feed / "manifest.json"])) == expected


def test_a_feed_event_imports_with_its_tlp(world: tuple[Accord, dict[str, int]]) -> None:
    service, orgs = world
    (path,) = bundle_paths([real("feed")])
    report = service.import_path(path, owner=operator_for(orgs["A"]))
    assert report.error is None and report.added == 7
    # tlp:white is CLEAR; a feed event has no distribution: owner only
    assert sources(service) == [("clear", "owner", ())]
    assert report.sharing_from == {"tlp": "the MISP event's tlp tag", "distribution": "default"}


@pytest.mark.parametrize(("level", "expected"), [
    ("0", "owner"), ("1", "community"), ("2", "federation"), ("3", "federation"),
])  # fmt: skip
def test_each_distribution_level_becomes_the_sources(
    world: tuple[Accord, dict[str, int]], tmp_path: Path, level: str, expected: str
) -> None:
    service, orgs = world
    report = service.import_path(write(tmp_path, event(distribution=level)),
                                 owner=operator_for(orgs["A"]))  # fmt: skip
    assert report.error is None, report.error
    assert sources(service) == [("green", expected, ())]
    assert report.notes == []


def test_a_sharing_group_maps_to_the_accord_group_of_that_name(
    world: tuple[Accord, dict[str, int]], tmp_path: Path
) -> None:
    service, orgs = world
    group = service.store.get_group("Trusted CERTs").id
    path = write(tmp_path, with_sharing_group("Trusted CERTs"))
    report = service.import_path(path, owner=operator_for(orgs["A"]))
    assert report.error is None, report.error
    assert sources(service) == [("green", "groups", (group,))]
    report_ids = seen(service, viewer(orgs, "A"), "report")
    assert report_ids and seen(service, viewer(orgs, "B"), "report") == report_ids
    assert seen(service, viewer(orgs, "C"), "report") == set()


def test_an_unknown_sharing_group_refuses_the_event(
    world: tuple[Accord, dict[str, int]], tmp_path: Path
) -> None:
    service, orgs = world
    path = write(tmp_path, with_sharing_group("Nobody Here"))
    report = service.import_path(path, owner=operator_for(orgs["A"]))
    assert report.error is not None and "'Nobody Here'" in report.error
    assert "\n" not in report.error
    assert service.stats(viewer=SYSTEM).objects == 0 and service.sources(viewer=SYSTEM) == []


def test_attributes_that_inherit_go_with_the_event(
    world: tuple[Accord, dict[str, int]], tmp_path: Path
) -> None:
    service, orgs = world
    service.import_path(write(tmp_path, event(distribution="1")), owner=operator_for(orgs["A"]))
    b = viewer(orgs, "B")
    assert len(seen(service, b, "indicator")) == 3  # distribution 5 everywhere: the event's


def test_an_owner_only_event_is_invisible_to_another_organisation(
    world: tuple[Accord, dict[str, int]], tmp_path: Path
) -> None:
    service, orgs = world
    service.import_path(write(tmp_path, event(distribution="0")), owner=operator_for(orgs["A"]))
    a, b = viewer(orgs, "A"), viewer(orgs, "B")
    assert len(seen(service, a, "report")) == 1 and len(seen(service, a, "indicator")) == 3
    for kind in ("report", "indicator", "sighting", "note", "relationship", "observed-data"):
        assert seen(service, b, kind) == set(), kind


def test_a_narrower_attribute_is_its_own_source(
    world: tuple[Accord, dict[str, int]], tmp_path: Path
) -> None:
    service, orgs = world
    data = event(distribution="1")
    data["Event"]["Attribute"][1]["distribution"] = "0"  # the md5: this organisation only
    report = service.import_path(write(tmp_path, data), owner=operator_for(orgs["A"]))
    assert report.error is None, report.error
    assert sorted(sources(service)) == [("green", "community", ()), ("green", "owner", ())]
    assert [s["objects"] for s in report.sharing][1] == 1
    assert any("more narrowly" in note for note in report.notes)
    a, b = viewer(orgs, "A"), viewer(orgs, "B")
    assert len(seen(service, a, "indicator")) == 3 and len(seen(service, b, "indicator")) == 2
    (report_object,) = service.query(ObjectQuery(types=["report"]), viewer=b).objects()
    assert set(report_object["object_refs"]) <= seen_all(service, b)
    again = service.import_path(write(tmp_path, data), owner=operator_for(orgs["A"]))
    assert (again.added, again.unchanged) == (0, report.objects)
    # shared otherwise, the same event gives the same objects: nothing conflicts, nothing new
    for choice in (SharingChoice(distribution=Distribution.OWNER),
                   SharingChoice(distribution=Distribution.FEDERATION)):  # fmt: skip
        other = service.import_path(write(tmp_path, data), owner=operator_for(orgs["A"]),
                                    sharing=choice)  # fmt: skip
        assert (other.error, other.added) == (None, 0)
    assert ("green", "federation", ()) in sources(service)
    assert len(seen(service, viewer(orgs, "B"), "indicator")) == 2  # the md5 stays A's


def seen_all(service: Accord, who: Any) -> set[str]:
    return set(service.query(ObjectQuery(limit=1000), viewer=who).ids)


@pytest.mark.parametrize(("tag", "level", "expected"), [
    ("tlp:amber", "3", ("amber", "community")),
    ("tlp:red", "1", ("red", "owner")),
    ("tlp:amber+strict", "2", ("amber+strict", "owner")),
    ("tlp:clear", "3", ("clear", "federation")),
])  # fmt: skip
def test_the_tlp_tag_caps_the_distribution(
    world: tuple[Accord, dict[str, int]], tmp_path: Path, tag: str, level: str,
    expected: tuple[str, str],
) -> None:  # fmt: skip
    service, orgs = world
    path = write(tmp_path, event(distribution=level, tags=(tag,)))
    report = service.import_path(path, owner=operator_for(orgs["A"]))
    assert report.error is None, report.error
    assert sources(service) == [(*expected, ())]
    assert any("narrowed" in note for note in report.notes) == (
        expected[1] != {"3": "federation", "2": "federation", "1": "community"}[level]
    )


def test_a_red_event_for_a_sharing_group_stays_with_the_group(
    world: tuple[Accord, dict[str, int]], tmp_path: Path
) -> None:
    service, orgs = world
    data = with_sharing_group("Trusted CERTs")
    data["Event"]["Tag"] = [{"name": "tlp:red"}]
    service.import_path(write(tmp_path, data), owner=operator_for(orgs["A"]))
    group = service.store.get_group("Trusted CERTs").id
    assert sources(service) == [("red", "groups", (group,))]


def test_no_tlp_tag_is_amber(world: tuple[Accord, dict[str, int]], tmp_path: Path) -> None:
    service, orgs = world
    report = service.import_path(write(tmp_path, event(distribution="0", tags=())),
                                 owner=operator_for(orgs["A"]))  # fmt: skip
    assert sources(service) == [("amber", "owner", ())]
    assert report.sharing_from["tlp"] == "default"


def test_the_users_sharing_overrides_the_events(
    world: tuple[Accord, dict[str, int]], tmp_path: Path
) -> None:
    service, orgs = world
    owner = operator_for(orgs["A"])
    path = write(tmp_path, event(distribution="3", tags=("tlp:clear",)))
    report = service.import_path(path, owner=owner, sharing=SharingChoice(tlp=TLP.RED))
    assert sources(service)[-1] == ("red", "owner", ())  # the event's federation, capped
    assert report.sharing_from == {"tlp": "given",
                                   "distribution": "the MISP event's distribution 3"}  # fmt: skip
    service.import_path(path, owner=owner,
                        sharing=SharingChoice(distribution=Distribution.COMMUNITY))  # fmt: skip
    assert sources(service)[-1] == ("clear", "community", ())
    service.import_path(path, owner=owner, sharing=Sharing(TLP.GREEN, Distribution.OWNER))
    assert sources(service)[-1] == ("green", "owner", ())


def test_a_given_distribution_the_events_tlp_forbids_is_refused(
    world: tuple[Accord, dict[str, int]], tmp_path: Path
) -> None:
    service, orgs = world
    path = write(tmp_path, event(distribution="0", tags=("tlp:red",)))
    report = service.import_path(path, owner=operator_for(orgs["A"]),
                                 sharing=SharingChoice(distribution=Distribution.COMMUNITY))  # fmt: skip
    assert report.error is not None and "TLP:RED" in report.error
    assert service.sources(viewer=SYSTEM) == []


def test_a_malformed_event_writes_nothing(
    world: tuple[Accord, dict[str, int]], tmp_path: Path
) -> None:
    service, orgs = world
    data = event()
    data["Event"]["Object"][0]["Attribute"][1]["uuid"] = "not-a-uuid"
    report = service.import_path(write(tmp_path, data), owner=operator_for(orgs["A"]))
    assert report.error == (f"{tmp_path / 'event.json'}: MISP event: object #0 attribute #1: "
                            "uuid 'not-a-uuid' is not a UUID")  # fmt: skip
    assert (report.added, report.sharing) == (0, [])
    assert service.stats(viewer=SYSTEM).objects == 0 and service.sources(viewer=SYSTEM) == []


def test_a_conflict_in_a_later_part_writes_no_part(
    world: tuple[Accord, dict[str, int]], tmp_path: Path
) -> None:
    """A split event is one transaction: when its second source cannot be written, its
    first is not either."""
    service, orgs = world
    data = event(distribution="1")
    data["Event"]["Attribute"][1]["distribution"] = "0"
    first = service.import_path(write(tmp_path, data), owner=operator_for(orgs["A"]))
    assert first.error is None
    changed = event(distribution="1")
    changed["Event"]["Attribute"][1]["distribution"] = "0"
    changed["Event"]["Attribute"][1]["comment"] = "same timestamp, other content"
    changed["Event"]["info"] = "Renamed, with a newer timestamp"
    changed["Event"]["timestamp"] = "1700009999"
    before = service.stats(viewer=SYSTEM).versions
    report = service.import_path(write(tmp_path, changed, "changed.json"),
                                 owner=operator_for(orgs["A"]))  # fmt: skip
    assert report.error is not None and "different content" in report.error
    assert service.stats(viewer=SYSTEM).versions == before
    assert len(service.sources(viewer=SYSTEM)) == 2


def test_a_search_result_of_several_events_imports_them_together(
    world: tuple[Accord, dict[str, int]], tmp_path: Path
) -> None:
    service, orgs = world
    second = event(distribution="0", tags=("tlp:red",))
    second["Event"]["uuid"] = "6f1d3a2b-4c5e-4d6f-8a9b-1c2d3e4f5a6b"
    for attribute in second["Event"]["Attribute"]:
        attribute["uuid"] = attribute["uuid"][:-4] + "beef"
    second["Event"]["Object"] = []
    second["Event"]["Attribute"][0].pop("Sighting")  # the same sighting uuid would conflict
    path = write(tmp_path, {"response": [event(distribution="1"), second]})
    report = service.import_path(path, owner=operator_for(orgs["A"]))
    assert report.error is None, report.error
    assert sorted(sources(service)) == [("green", "community", ()), ("red", "owner", ())]
    assert report.sharing_from["tlp"] == "the MISP event's tlp tag"
    assert report.sharing_from["distribution"] == "each event's"
    assert len(seen(service, viewer(orgs, "B"), "report")) == 1
    broken = {"response": [event(), {"Event": {"uuid": "nope", "info": "x"}}]}
    refused = service.import_path(write(tmp_path, broken, "broken.json"),
                                  owner=operator_for(orgs["A"]))  # fmt: skip
    assert refused.error is not None and "uuid 'nope'" in refused.error
    assert len(service.sources(viewer=SYSTEM)) == 2


def test_an_attribute_for_a_sharing_group_in_a_community_event(
    world: tuple[Accord, dict[str, int]], tmp_path: Path
) -> None:
    service, orgs = world
    data = event(distribution="1")
    md5 = data["Event"]["Attribute"][1]
    md5.update(distribution="4", sharing_group_id="3",
               SharingGroup={"id": "3", "name": "Trusted CERTs"})  # fmt: skip
    report = service.import_path(write(tmp_path, data), owner=operator_for(orgs["A"]))
    assert report.error is None, report.error
    group = service.store.get_group("Trusted CERTs").id
    assert sorted(sources(service)) == [("green", "community", ()), ("green", "groups", (group,))]
    indicators = {name: len(seen(service, viewer(orgs, name), "indicator")) for name in "ABC"}
    assert indicators == {"A": 3, "B": 3, "C": 2}
    assert all(len(seen(service, viewer(orgs, name), "report")) == 1 for name in "ABC")
