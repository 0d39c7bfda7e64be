"""TAXII error cases over real HTTP: each answered with the right status and a TAXII error
resource in the TAXII media type, and nothing written by a refused request."""

from __future__ import annotations

import uuid

import httpx
import orjson
import pytest

from accord.sharing import SYSTEM, ScopeKind
from tests.web.taxii.conftest import COMMUNITY, FEDERATION, PASSWORD, Served
from tests.web.taxii.test_client import GREEN, indicator

TAXII = "application/taxii+json;version=2.1"


def error_of(response: httpx.Response, status: int) -> dict[str, str]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == TAXII
    body: dict[str, str] = response.json()
    assert body["http_status"] == str(status) and body["title"] and body["description"]
    assert "Traceback" not in response.text and "Error:" not in body["description"]
    return body


def post(served: Served, who: str, collection: str, body: bytes,
         content_type: str = TAXII) -> httpx.Response:  # fmt: skip
    return httpx.post(f"{served.collection_url(collection)}objects/", content=body,
                      headers=served.headers(who, **{"Content-Type": content_type}),
                      timeout=60)  # fmt: skip


def stored(served: Served) -> int:
    return served.service.stats(viewer=SYSTEM).versions


def test_wrong_media_types(served: Served) -> None:
    headers = {**served.headers("a_analyst"), "Accept": "application/xml"}
    error_of(httpx.get(f"{served.root}collections/", headers=headers), 406)
    headers["Accept"] = "application/taxii+json;version=2.0"
    error_of(httpx.get(f"{served.root}collections/", headers=headers), 406)
    for accept in ("application/taxii+json", "*/*", "application/json, */*;q=0.1"):
        headers["Accept"] = accept
        assert httpx.get(f"{served.root}collections/", headers=headers).status_code == 200
    envelope = orjson.dumps({"objects": [indicator(1, object_marking_refs=[GREEN])]})
    before = stored(served)
    error_of(post(served, "a_analyst", FEDERATION, envelope, "application/json"), 415)
    error_of(post(served, "a_analyst", FEDERATION, envelope, "text/plain"), 415)
    assert stored(served) == before


def test_unknown_and_hidden_collections_are_alike(served: Served) -> None:
    unknown = str(uuid.uuid4())
    body = error_of(served.get("p_node", f"collections/{unknown}/"), 404)
    hidden = error_of(served.get("p_node", f"collections/{COMMUNITY}/"), 404)
    assert hidden["description"].replace(COMMUNITY, "") == body["description"].replace(
        unknown, "")  # fmt: skip
    error_of(served.get("p_node", f"collections/{COMMUNITY}/objects/"), 404)
    error_of(served.get("p_node", f"collections/{COMMUNITY}/manifest/"), 404)
    error_of(httpx.get(f"{served.base}/taxii2/nowhere/", headers=served.headers("a_analyst")),
             404)  # fmt: skip


def test_group_collection_exists_for_its_members_only(served: Served) -> None:
    service = served.service
    group = service.directory.add_group("Rail security", "Organisation A", actor=SYSTEM)
    made = service.store.add_collection("Rail", scope=ScopeKind.GROUPS, group_id=group.id,
                                        created="2026-06-01T00:00:00.000000000Z")  # fmt: skip
    assert served.get("a_analyst", f"collections/{made.id}/").status_code == 200
    error_of(served.get("b_analyst", f"collections/{made.id}/"), 404)
    titles = {c["title"] for c in served.get("b_analyst", "collections/").json()["collections"]}
    assert "Rail" not in titles
    service.directory.add_group_member("Rail security", "Organisation B", actor=SYSTEM)
    assert served.get("b_analyst", f"collections/{made.id}/").status_code == 200


def test_no_rights_is_403(served: Served) -> None:
    envelope = orjson.dumps({"objects": [indicator(1, object_marking_refs=[GREEN])]})
    before = stored(served)
    error_of(post(served, "a_reader", FEDERATION, envelope), 403)
    assert stored(served) == before
    made = post(served, "a_analyst", FEDERATION, envelope).json()
    assert made["success_count"] == 1
    oid = made["successes"][0]["id"]
    deleted = httpx.delete(f"{served.collection_url(FEDERATION)}objects/{oid}/",
                           headers=served.headers("a_analyst"))  # fmt: skip
    error_of(deleted, 403)
    assert served.get("a_analyst", f"collections/{FEDERATION}/objects/{oid}/").status_code == 200


@pytest.mark.parametrize("body", [
    b"", b"not json", b"[1, 2]", b'{"objects": 5}', b'{"objects": [1', b"\xff\xfe",
])  # fmt: skip
def test_malformed_envelope_is_400_and_writes_nothing(served: Served, body: bytes) -> None:
    before = stored(served)
    error_of(post(served, "a_analyst", FEDERATION, body), 400)
    assert stored(served) == before


def test_oversized_request_is_413(served: Served) -> None:
    before = stored(served)
    huge = b'{"objects": [' + b" " * (3 * 1024 * 1024) + b"]}"
    error_of(post(served, "a_analyst", FEDERATION, huge), 413)
    assert stored(served) == before


def test_credentials(served: Served) -> None:
    bare = httpx.get(f"{served.root}collections/", headers={"Accept": TAXII})
    error_of(bare, 401)
    assert "Basic" in bare.headers["www-authenticate"]
    wrong = httpx.get(f"{served.root}collections/", headers={"Accept": TAXII},
                      auth=("a_analyst", "not the password"))  # fmt: skip
    error_of(wrong, 401)
    token = httpx.get(f"{served.root}collections/", headers={"Accept": TAXII},
                      auth=("anyone", served.tokens["a_analyst"]))  # fmt: skip
    assert token.status_code == 200
    right = httpx.get(f"{served.root}collections/", headers={"Accept": TAXII},
                      auth=("a_analyst", PASSWORD))  # fmt: skip
    assert right.status_code == 200


@pytest.mark.parametrize("params", [
    {"match[colour]": "red"}, {"added_after": "yesterday"}, {"next": "bm9wZQ"},
    {"limit": "0"}, {"limit": "many"}, {"match[version]": "newest"},
])  # fmt: skip
def test_bad_parameters_are_400(served: Served, params: dict[str, str]) -> None:
    error_of(served.get("a_analyst", f"collections/{FEDERATION}/objects/", **params), 400)


def test_status_is_for_its_writer_only(served: Served) -> None:
    envelope = orjson.dumps({"objects": [indicator(1, object_marking_refs=[GREEN])]})
    status = post(served, "a_analyst", FEDERATION, envelope).json()
    assert served.get("a_analyst", f"status/{status['id']}/").json()["id"] == status["id"]
    error_of(served.get("b_analyst", f"status/{status['id']}/"), 404)
    error_of(served.get("b_analyst", f"status/{uuid.uuid4()}/"), 404)


def test_each_object_succeeds_or_fails_on_its_own(served: Served) -> None:
    good = indicator(1, object_marking_refs=[GREEN])
    red = indicator(
        2, object_marking_refs=["marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"]
    )
    broken = {**indicator(3), "created": "last week"}
    conflicting = {**good, "name": "another name under the same version"}
    first = post(served, "a_analyst", FEDERATION, orjson.dumps({"objects": [good]})).json()
    assert first["success_count"] == 1
    status = post(served, "a_analyst", FEDERATION,
                  orjson.dumps({"objects": [good, red, broken, good]})).json()  # fmt: skip
    assert (status["total_count"], status["success_count"], status["failure_count"]) == (4, 2, 2)
    assert [s["id"] for s in status["successes"]] == [good["id"]] * 2  # stored, and repeated
    reasons = {f["id"]: f["message"] for f in status["failures"]}
    assert "TLP:RED may not be distributed to federation" in reasons[red["id"]]
    assert "created" in reasons[broken["id"]]
    again = post(served, "a_analyst", FEDERATION, orjson.dumps({"objects": [conflicting]})).json()
    assert again["failure_count"] == 1
    assert "already stored with different content" in again["failures"][0]["message"]
    inside = post(
        served,
        "a_analyst",
        FEDERATION,
        orjson.dumps({"objects": [conflicting, {**conflicting, "name": "a third"}]}),
    )
    assert "earlier object in this" in inside.json()["failures"][0]["message"]
    assert served.get("a_analyst", f"collections/{FEDERATION}/objects/{red['id']}/"
                      ).status_code == 404  # fmt: skip
