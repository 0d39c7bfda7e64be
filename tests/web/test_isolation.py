"""What organisation B sees of organisation A's unshared document: nothing. Not an item, a
count, a search hit, a name in an entity view, nor a 404 that differs from the one for an id
that does not exist. Every read route is looked at, before and after A ingests."""

from __future__ import annotations

import re
import uuid
from typing import Any

from tests.web.conftest import Node, sample, upload

ENTITY_TYPES = ("identity", "location", "threat-actor")
# Words of A's document (s11: a NATO-funded laboratory in Moldova); s06 (B's) names Romania too.
SEARCHES = ["Brandtner", "Zgardan", "laboratory", "Moldova", "Romania", "cyber*",
            '"Military Academy"']  # fmt: skip


def get(node: Node, who: str, path: str) -> tuple[int, bytes]:
    response = node.call(who, "GET", path)
    assert response.status_code < 500, (path, response.text)
    return response.status_code, response.content


def listing_paths() -> list[str]:
    paths = ["/documents", "/sources", "/stats", "/meetings", "/initiatives",
             "/objects?versions=all&limit=1000", "/objects?limit=1", "/me"]  # fmt: skip
    paths += [f"/search?q={q}&limit=1000" for q in SEARCHES]
    return paths


def visible_ids(node: Node, who: str) -> list[str]:
    body = node.call(who, "GET", "/objects?versions=all&limit=1000").json()
    assert body["next"] is None
    return sorted({o["id"] for o in body["objects"]})


def views(node: Node, who: str, ids: list[str]) -> dict[str, tuple[int, bytes]]:
    """Every read route, as `who` sees it."""
    paths = listing_paths()
    for object_id in ids:
        paths += [f"/objects/{object_id}", f"/objects/{object_id}/versions"]
        if object_id.startswith(ENTITY_TYPES):
            paths.append(f"/entities/{object_id}")
    return {path: get(node, who, path) for path in paths}


def absent(key: str) -> str:
    """A key of the same form and length that nothing has."""
    if "--" in key:
        return f"{key.split('--')[0]}--{uuid.uuid4()}"
    if key.isdigit():
        return "9" * len(key)
    return (uuid.uuid4().hex * 2)[: len(key)]


def same_404(node: Node, who: str, method: str, path: str, real: str, **kwargs: Any) -> None:
    """The answer for `real` (which `who` may not see) is the answer for a key that does not
    exist, byte for byte once the key is taken out."""
    answers = []
    for key in (real, absent(real)):
        response = node.call(who, method, path.format(key), **kwargs)
        body = response.json()
        assert set(body) == {"type", "title", "status", "detail", "instance"}
        masked = {k: v.replace(key, "<KEY>") if k in ("detail", "instance") else v
                  for k, v in body.items()}  # fmt: skip
        answers.append((response.status_code, dict(response.headers), masked))
    assert answers[0][0] == 404, (path, answers[0])
    assert answers[0] == answers[1], path


def test_b_sees_nothing_of_as_unshared_document(any_node: Node) -> None:
    node = any_node
    assert upload(node, "b_analyst", "constanta.txt", sample("s06")).status_code == 201
    b_ids = visible_ids(node, "b_analyst")
    before = views(node, "b_analyst", b_ids)

    assert upload(node, "a_analyst", "lab.txt", sample("s11")).status_code == 201
    (doc,) = node.call("a_reader", "GET", "/documents").json()["documents"]
    a_view = node.call("a_reader", "GET", f"/documents/{doc['id']}").json()
    a_ids = visible_ids(node, "a_reader")
    only_a = sorted(set(a_ids) - set(b_ids))
    shared = sorted(set(a_ids) & set(b_ids))
    assert len(only_a) > 20 and a_view["facts"]
    assert any(i.startswith(ENTITY_TYPES) for i in shared), "no entity named by both documents"

    # Every list, count, search and entity view of B's is as it was, byte for byte.
    after = views(node, "b_analyst", b_ids)
    assert after == before
    assert visible_ids(node, "b_analyst") == b_ids

    # Nothing of A's document is in anything B is shown: not its ids, title, file or text.
    secrets = [doc["id"], doc["sha256"], doc["title"], "lab.txt", "Brandtner", "Zgardan",
               "Organisation A", *only_a]  # fmt: skip
    for path, (_, body) in after.items():
        for secret in secrets:
            assert secret.encode() not in body, (path, secret)

    # Asking for A's things by id: the 404 for an id that does not exist.
    for key in (doc["id"], doc["sha256"], str(doc["sharing"]["id"])):
        same_404(node, "b_analyst", "GET", "/documents/{}", key)
        same_404(node, "b_editor", "DELETE", "/documents/{}", key)
        same_404(node, "b_editor", "PUT", "/documents/{}/sharing", key,
                 json={"tlp": "green", "distribution": "community"})  # fmt: skip
        same_404(node, "b_editor", "DELETE", "/documents/{}/sharing", key)
    for object_id in only_a:
        same_404(node, "b_analyst", "GET", "/objects/{}", object_id)
        same_404(node, "b_analyst", "GET", "/objects/{}/versions", object_id)
        if object_id.startswith(ENTITY_TYPES):
            same_404(node, "b_analyst", "GET", "/entities/{}", object_id)
        for kind in ("meeting", "initiative"):
            if object_id.startswith(f"x-accord-{kind}--"):
                same_404(node, "b_analyst", "GET", f"/{kind}s/{{}}", object_id)

    # Shared, B sees it (the checks above are not vacuous); unshared, B's view is as before.
    shared_now = node.call("a_editor", "PUT", f"/documents/{doc['id']}/sharing",
                           json={"tlp": "green", "distribution": "community"})  # fmt: skip
    assert shared_now.status_code == 200, shared_now.text
    assert node.call("b_analyst", "GET", f"/documents/{doc['id']}").status_code == 200
    assert b"Brandtner" in get(node, "b_analyst", "/search?q=Brandtner&limit=1000")[1]
    entity = next(i for i in shared if i.startswith(ENTITY_TYPES))
    assert get(node, "b_analyst", f"/entities/{entity}") != before[f"/entities/{entity}"]
    assert get(node, "b_analyst", "/stats") != before["/stats"]
    assert node.call("a_editor", "DELETE", f"/documents/{doc['id']}/sharing").status_code == 200
    assert views(node, "b_analyst", b_ids) == before


def test_the_entity_view_holds_only_the_viewers_facts(any_node: Node) -> None:
    node = any_node
    upload(node, "b_analyst", "constanta.txt", sample("s06"))
    upload(node, "a_analyst", "lab.txt", sample("s11"))
    a_facts = {o["id"] for o in node.call("a_reader", "GET", "/objects?limit=1000").json()[
        "objects"] if not o["id"].startswith(ENTITY_TYPES)}  # fmt: skip
    for object_id in visible_ids(node, "b_analyst"):
        if object_id.startswith(ENTITY_TYPES):
            view = node.call("b_analyst", "GET", f"/entities/{object_id}")
            assert view.status_code == 200
            found = set(re.findall(rb'"([a-z0-9-]+--[0-9a-f-]{36})"', view.content))
            b_only = found - {i.encode() for i in visible_ids(node, "b_analyst")}
            assert not (b_only & {i.encode() for i in a_facts}), object_id


def test_an_admin_reads_only_their_organisations_audit_events(node: Node) -> None:
    assert upload(node, "b_analyst", "constanta.txt", sample("s06")).status_code == 201
    assert upload(node, "a_analyst", "lab.txt", sample("s11")).status_code == 201
    events = node.call("a_admin", "GET", "/audit?limit=1000").json()["events"]
    assert events and {e["org_id"] for e in events} == {node.orgs["A"]}
    assert "constanta" not in node.call("a_admin", "GET", "/audit?limit=1000").text
    mine = node.call("a_admin", "GET", "/audit", params={"by": "a_analyst"}).json()["events"]
    assert mine and {e["actor"] for e in mine} == {"a_analyst"}
