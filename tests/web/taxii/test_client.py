"""The OASIS TAXII client (taxii2-client) and stix2's TAXIICollectionSource against a node
served over real HTTP: discovery, the API root, collections, paging through a collection of
25,000 objects, adding objects and polling their status."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import orjson
import pytest
import stix2
from taxii2client.v21 import ApiRoot, Collection, Server, as_pages

from accord.sharing import user
from accord.store.model import Sharing
from accord.vocab import TLP, Distribution, Role
from tests.web.taxii.conftest import FEDERATION, PASSWORD, VISIBLE, Served

GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
BIG = 25_000


def indicator(n: int, **extra: Any) -> dict[str, Any]:
    return {
        "type": "indicator", "spec_version": "2.1", "id": f"indicator--{uuid.uuid4()}",
        "created": "2026-04-01T00:00:00.000Z", "modified": "2026-04-01T00:00:00.000Z",
        "name": f"Watched address {n}", "pattern_type": "stix",
        "pattern": f"[ipv4-addr:value = '10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}']",
        "valid_from": "2026-04-01T00:00:00Z", **extra,
    }  # fmt: skip


def import_bundle(served: Served, tmp_path: Path, objects: list[dict[str, Any]],
                  org: str, sharing: Sharing) -> None:  # fmt: skip
    path = tmp_path / f"{uuid.uuid4()}.json"
    path.write_bytes(orjson.dumps({"type": "bundle", "id": f"bundle--{uuid.uuid4()}",
                                   "objects": objects}))  # fmt: skip
    owner = user("importer", org_id=served.orgs[org], role=Role.ANALYST)
    report = served.service.import_path(path, owner=owner, sharing=sharing)
    assert report.error is None and report.added == len(objects), report


def test_discovery_api_root_and_collections(served: Served) -> None:
    server = Server(served.discovery, user="a_analyst", password=PASSWORD)
    assert server.title == "Accord"
    assert [root.url for root in server.api_roots] == [served.root]
    assert server.default is not None and server.default.url == served.root
    root = server.api_roots[0]
    assert root.versions == ["application/taxii+json;version=2.1"]
    assert root.max_content_length == 2 * 1024 * 1024
    titles = {c.title: (c.can_read, c.can_write) for c in root.collections}
    assert titles == {"Visible to me": (True, True), "Federation": (True, True),
                      "Community": (True, True)}  # fmt: skip
    peer = ApiRoot(served.root, user="p_node", password=PASSWORD)
    assert {c.title for c in peer.collections} == {"Visible to me", "Federation"}
    reader = ApiRoot(served.root, user="a_reader", password=PASSWORD)
    assert {c.can_write for c in reader.collections} == {False}


def test_paging_through_25000_objects_then_adding_and_polling(
    any_served: Served, tmp_path: Path
) -> None:
    served = any_served
    shared = [indicator(n, object_marking_refs=[GREEN]) for n in range(BIG)]
    import_bundle(served, tmp_path, shared, "Organisation A",
                  Sharing(TLP.GREEN, Distribution.FEDERATION))  # fmt: skip
    kept = [indicator(BIG + n) for n in range(50)]
    import_bundle(served, tmp_path, kept, "Organisation A", Sharing())
    collection = Collection(served.collection_url(FEDERATION), user="p_node", password=PASSWORD)
    assert collection.can_read and collection.can_write
    seen: list[str] = []
    for envelope in as_pages(collection.get_objects, per_request=1000):
        seen.extend(obj["id"] for obj in envelope.get("objects", []))
    assert len(seen) == len(set(seen)) == BIG  # every object once, in a stable order
    assert set(seen) == {o["id"] for o in shared}  # and nothing A kept for itself
    manifest = collection.get_manifest(limit=10)
    assert len(manifest["objects"]) == 10 and manifest["more"] is True
    assert [m["id"] for m in manifest["objects"]] == seen[:10]

    added = [indicator(BIG + 100 + n, object_marking_refs=[GREEN]) for n in range(20)]
    status = collection.add_objects({"objects": added}, wait_for_completion=True)
    assert status.status == "complete"
    assert (status.total_count, status.success_count, status.failure_count) == (20, 20, 0)
    assert {s["id"] for s in status.successes} == {o["id"] for o in added}
    polled = ApiRoot(served.root, user="p_node", password=PASSWORD).get_status(status.id)
    assert polled.status == "complete" and polled.success_count == 20
    newest = collection.get_objects(added_after=_last_added(collection, seen[-1]))
    assert {o["id"] for o in newest["objects"]} == {o["id"] for o in added}
    # What the peer wrote is its organisation's, shared with the federation: A sees it.
    assert (
        served.service.store.get(
            added[0]["id"], viewer=user("a", org_id=served.orgs["Organisation A"], role=Role.READER)
        )
        == added[0]
    )


def _last_added(collection: Collection, object_id: str) -> str:
    entry = collection.get_manifest(id=object_id)["objects"][0]
    return str(entry["date_added"])


def test_stix2_taxii_collection_source(served: Served, tmp_path: Path) -> None:
    objects = [indicator(n, object_marking_refs=[GREEN]) for n in range(30)]
    newer = {**objects[0], "modified": "2026-05-01T00:00:00.000Z", "name": "Watched, renamed"}
    import_bundle(served, tmp_path, [*objects, newer], "Organisation A",
                  Sharing(TLP.GREEN, Distribution.FEDERATION))  # fmt: skip
    collection = Collection(served.collection_url(VISIBLE), user="b_analyst", password=PASSWORD)
    source = stix2.TAXIICollectionSource(collection)
    got = source.get(objects[0]["id"])
    assert got is not None and got.name == "Watched, renamed"
    versions = source.all_versions(objects[0]["id"])
    assert sorted(str(v.modified) for v in versions) == [
        "2026-04-01 00:00:00+00:00", "2026-05-01 00:00:00+00:00"]  # fmt: skip
    found = source.query([stix2.Filter("type", "=", "indicator")])
    assert {o.id for o in found} == {o["id"] for o in objects}


@pytest.mark.parametrize("who", ["b_analyst", "p_node"])
def test_stix2_source_sees_nothing_kept_by_another_organisation(
    served: Served, tmp_path: Path, who: str
) -> None:
    kept = [indicator(n) for n in range(5)]
    import_bundle(served, tmp_path, kept, "Organisation A", Sharing())
    for collection_id in (VISIBLE, FEDERATION):
        collection = Collection(served.collection_url(collection_id), user=who, password=PASSWORD)
        source = stix2.TAXIICollectionSource(collection)
        assert source.get(kept[0]["id"]) is None
        assert source.query([stix2.Filter("type", "=", "indicator")]) == []
