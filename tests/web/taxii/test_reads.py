"""TAXII reads over real HTTP: what each reader gets from each collection, stable paging
while objects are added, the date-added headers, version matching, and a source shared
later reaching a client that polls from its checkpoint."""

from __future__ import annotations

from pathlib import Path

import httpx
import orjson

from accord.sharing import SYSTEM, user
from accord.store.model import Sharing
from accord.vocab import TLP, Distribution, Role
from tests.web.taxii.conftest import COMMUNITY, FEDERATION, VISIBLE, Served
from tests.web.taxii.test_client import GREEN, import_bundle, indicator

TAXII = "application/taxii+json;version=2.1"


def ids(served: Served, who: str, collection: str, **params: str) -> list[str]:
    """Every object id a reader pages through, in order."""
    found: list[str] = []
    params = {"limit": "7", **params}
    while True:
        page = served.get(who, f"collections/{collection}/objects/", **params)
        assert page.status_code == 200, page.text
        body = page.json()
        found.extend(o["id"] for o in body.get("objects", []))
        if not body["more"]:
            return found
        params["next"] = body["next"]


def test_each_reader_gets_what_it_may_see_in_each_scope(any_served: Served, tmp_path: Path) -> None:
    served = any_served
    federated = [indicator(n, object_marking_refs=[GREEN]) for n in range(5)]
    community = [indicator(10 + n) for n in range(4)]
    kept = [indicator(20 + n) for n in range(3)]
    org = "Organisation A"
    import_bundle(served, tmp_path, federated, org, Sharing(TLP.GREEN, Distribution.FEDERATION))
    import_bundle(served, tmp_path, community, org, Sharing(TLP.AMBER, Distribution.COMMUNITY))
    import_bundle(served, tmp_path, kept, org, Sharing())
    f, c, k = ({o["id"] for o in group} for group in (federated, community, kept))
    assert set(ids(served, "a_analyst", VISIBLE)) == f | c | k
    assert set(ids(served, "a_analyst", FEDERATION)) == f
    assert set(ids(served, "a_analyst", COMMUNITY)) == f | c
    assert set(ids(served, "b_analyst", VISIBLE)) == f | c
    assert set(ids(served, "b_analyst", COMMUNITY)) == f | c
    assert set(ids(served, "p_node", VISIBLE)) == f
    assert set(ids(served, "p_node", FEDERATION)) == f
    for who in ("b_analyst", "p_node"):
        for object_id in k:
            got = served.get(who, f"collections/{VISIBLE}/objects/{object_id}/")
            assert got.status_code == 404
            assert served.get(who, f"collections/{VISIBLE}/objects/{object_id}/versions/"
                              ).status_code == 404  # fmt: skip
        manifest = served.get(who, f"collections/{VISIBLE}/manifest/", limit="1000").json()
        assert not {m["id"] for m in manifest.get("objects", [])} & k


def test_paging_is_stable_while_objects_are_added(any_served: Served, tmp_path: Path) -> None:
    served = any_served
    first = [indicator(n, object_marking_refs=[GREEN]) for n in range(30)]
    import_bundle(served, tmp_path, first, "Organisation A",
                  Sharing(TLP.GREEN, Distribution.FEDERATION))  # fmt: skip
    page = served.get("p_node", f"collections/{FEDERATION}/objects/", limit="10").json()
    later = [indicator(100 + n, object_marking_refs=[GREEN]) for n in range(12)]
    posted = httpx.post(
        f"{served.collection_url(FEDERATION)}objects/",
        content=orjson.dumps({"objects": later}),
        headers=served.headers("b_analyst", **{"Content-Type": TAXII}),
    )
    assert posted.json()["success_count"] == 12
    rest = ids(served, "p_node", FEDERATION, next=page["next"])
    seen = [o["id"] for o in page["objects"]] + rest
    assert len(seen) == len(set(seen))
    assert seen == [o["id"] for o in first] + [o["id"] for o in later]


def test_date_added_headers_and_added_after(any_served: Served, tmp_path: Path) -> None:
    served = any_served
    objects = [indicator(n, object_marking_refs=[GREEN]) for n in range(6)]
    import_bundle(served, tmp_path, objects[:3], "Organisation A",
                  Sharing(TLP.GREEN, Distribution.FEDERATION))  # fmt: skip
    import_bundle(served, tmp_path, objects[3:], "Organisation A",
                  Sharing(TLP.GREEN, Distribution.FEDERATION))  # fmt: skip
    manifest = served.get("p_node", f"collections/{FEDERATION}/manifest/").json()["objects"]
    response = served.get("p_node", f"collections/{FEDERATION}/objects/")
    assert response.headers["X-TAXII-Date-Added-First"] == manifest[0]["date_added"]
    assert response.headers["X-TAXII-Date-Added-Last"] == manifest[-1]["date_added"]
    assert manifest[0]["date_added"] < manifest[3]["date_added"]
    after = served.get("p_node", f"collections/{FEDERATION}/objects/",
                       added_after=manifest[2]["date_added"]).json()  # fmt: skip
    assert [o["id"] for o in after["objects"]] == [o["id"] for o in objects[3:]]
    empty = served.get("p_node", f"collections/{FEDERATION}/objects/",
                       added_after=manifest[-1]["date_added"])  # fmt: skip
    assert empty.json() == {"more": False} and "X-TAXII-Date-Added-First" not in empty.headers


def test_match_version(any_served: Served, tmp_path: Path) -> None:
    served = any_served
    base = indicator(1, object_marking_refs=[GREEN])
    v2 = {**base, "modified": "2026-04-02T00:00:00.000Z", "name": "second"}
    v3 = {**base, "modified": "2026-04-03T00:00:00.000Z", "name": "third"}
    import_bundle(served, tmp_path, [base, v2, v3], "Organisation A",
                  Sharing(TLP.GREEN, Distribution.FEDERATION))  # fmt: skip
    path = f"collections/{FEDERATION}/objects/{base['id']}/"

    def names(**params: str) -> list[str]:
        return [o["name"] for o in served.get("p_node", path, **params).json()["objects"]]

    assert names() == ["third"]
    assert names(**{"match[version]": "first"}) == ["Watched address 1"]
    assert names(**{"match[version]": "first,last"}) == ["Watched address 1", "third"]
    assert sorted(names(**{"match[version]": "all"})) == ["Watched address 1", "second", "third"]
    assert names(**{"match[version]": "2026-04-02T00:00:00Z"}) == ["second"]
    versions = served.get("p_node", f"{path}versions/").json()["versions"]
    assert sorted(versions) == [
        "2026-04-01T00:00:00.000Z",
        "2026-04-02T00:00:00.000Z",
        "2026-04-03T00:00:00.000Z",
    ]
    by_type = served.get("p_node", f"collections/{FEDERATION}/objects/",
                         **{"match[type]": "campaign,malware"}).json()  # fmt: skip
    assert by_type == {"more": False}


def test_a_source_shared_later_reaches_a_polling_client(any_served: Served, tmp_path: Path) -> None:
    served = any_served
    shared = [indicator(n, object_marking_refs=[GREEN]) for n in range(3)]
    kept = [indicator(10 + n, object_marking_refs=[GREEN]) for n in range(4)]
    import_bundle(served, tmp_path, kept, "Organisation A", Sharing(TLP.GREEN))
    import_bundle(served, tmp_path, shared, "Organisation A",
                  Sharing(TLP.GREEN, Distribution.FEDERATION))  # fmt: skip
    first = served.get("p_node", f"collections/{FEDERATION}/objects/")
    assert {o["id"] for o in first.json()["objects"]} == {o["id"] for o in shared}
    checkpoint = first.headers["X-TAXII-Date-Added-Last"]
    source = next(
        s
        for s in served.service.sources(viewer=SYSTEM)
        if s.owner_org == served.orgs["Organisation A"] and s.distribution == "owner"
    )
    editor = user("a_editor", org_id=served.orgs["Organisation A"], role=Role.EDITOR)
    served.service.share(str(source.id), Sharing(TLP.GREEN, Distribution.FEDERATION),
                         viewer=editor)  # fmt: skip
    polled = served.get("p_node", f"collections/{FEDERATION}/objects/", added_after=checkpoint)
    assert {o["id"] for o in polled.json()["objects"]} == {o["id"] for o in kept}
    served.service.unshare(str(source.id), viewer=editor)
    again = ids(served, "p_node", FEDERATION)
    assert set(again) == {o["id"] for o in shared}


def test_reads_of_red_content_are_audited(any_served: Served, tmp_path: Path) -> None:
    served = any_served
    red = [indicator(n) for n in range(3)]
    green = [indicator(10 + n, object_marking_refs=[GREEN]) for n in range(2)]
    import_bundle(served, tmp_path, red, "Organisation A", Sharing(TLP.RED))
    import_bundle(served, tmp_path, green, "Organisation A", Sharing(TLP.GREEN))
    assert set(ids(served, "a_analyst", VISIBLE)) == {o["id"] for o in red + green}
    served.get("a_analyst", f"collections/{VISIBLE}/manifest/")  # a manifest reads no content
    events, _ = served.service.audit(viewer=SYSTEM, action="read.restricted", limit=100)
    assert sorted(e["target"] for e in events) == sorted(o["id"] for o in red)
    assert {e["actor"] for e in events} == {"a_analyst"}
