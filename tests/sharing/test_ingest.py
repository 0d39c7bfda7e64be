"""Ingesting documents as organisations: facts owned and marked by their source, the same text
held by two organisations as two sets of facts, and name variants resolved only among the
entities the owner may see."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.admin import Directory
from accord.service import Accord
from accord.sharing import SYSTEM, operator_for, user
from accord.stix.markings import TLP_MARKING_IDS
from accord.store import ObjectQuery, Store
from accord.store.model import Sharing
from accord.vocab import TLP, Distribution, Role

FULL = ("MOSCOW, 3 March 2026. Russian Security Council Secretary Nikolai Patrushev met "
        "the Secretary of the Security Council of Armenia, Armen Grigoryan, in Moscow.\n")  # fmt: skip
VARIANT = ("YEREVAN, 9 March 2026. N. P. Patrushev held talks with Armen Grigoryan on "
           "border security in Yerevan.\n")  # fmt: skip


@pytest.fixture
def world(store: Store, tmp_path: Path) -> tuple[Accord, dict[str, int]]:
    directory = Directory(store)
    orgs = {name: directory.add_organisation(name, actor=SYSTEM).id for name in ("A", "B")}
    for name, text in (("full.txt", FULL), ("variant.txt", VARIANT)):
        (tmp_path / name).write_text(text)
    return Accord(store), orgs


def names(service: Accord, org: int) -> set[str]:
    who = user("u", org_id=org, role=Role.READER)
    page = service.query(ObjectQuery(types=["identity"], limit=1000), viewer=who)
    return {o["name"] for o in page.objects() if o.get("identity_class") == "individual"}


def test_a_variant_name_is_not_resolved_into_an_entity_the_owner_cannot_see(
    world: tuple[Accord, dict[str, int]], tmp_path: Path
) -> None:
    service, orgs = world
    service.ingest_path(tmp_path / "full.txt", owner=operator_for(orgs["A"]))
    service.ingest_path(tmp_path / "variant.txt", owner=operator_for(orgs["B"]))
    assert "Nikolai Patrushev" not in names(service, orgs["B"])
    assert "Nikolai Patrushev" in names(service, orgs["A"])


def test_a_variant_is_resolved_once_the_fuller_name_is_shared(
    world: tuple[Accord, dict[str, int]], tmp_path: Path
) -> None:
    service, orgs = world
    community = Sharing(TLP.GREEN, Distribution.COMMUNITY)
    service.ingest_path(tmp_path / "full.txt", owner=operator_for(orgs["A"]), sharing=community)
    service.ingest_path(tmp_path / "variant.txt", owner=operator_for(orgs["B"]))
    persons = names(service, orgs["B"])
    assert "Nikolai Patrushev" in persons and "N. P. Patrushev" not in persons


def test_two_organisations_holding_one_text_hold_two_sets_of_facts(
    world: tuple[Accord, dict[str, int]], tmp_path: Path
) -> None:
    service, orgs = world
    for org in ("A", "B"):
        report = service.ingest_path(tmp_path / "full.txt", owner=operator_for(orgs[org]))
        assert report.document == "added", report.error
    again = service.ingest_path(tmp_path / "full.txt", owner=operator_for(orgs["A"]))
    assert again.document == "already stored"
    a, b = (user("u", org_id=orgs[o], role=Role.READER) for o in ("A", "B"))
    meetings = ObjectQuery(types=["x-accord-meeting"], limit=100)
    mine, theirs = (set(service.query(meetings, viewer=v).ids) for v in (a, b))
    assert mine and theirs and not mine & theirs
    # each fact carries its source's marking: AMBER, the default
    (meeting,) = service.query(meetings, viewer=a).objects()
    assert meeting["object_marking_refs"] == [TLP_MARKING_IDS[TLP.AMBER]]
    assert len(service.documents(viewer=SYSTEM)[0]) == 2
