"""The REST API's peers (``/api/v1/peers``) on node B over loopback: an admin of Org B
configures, changes, runs and removes its peer of node A; the credentials never come back;
an admin of another organisation does not see the peer at all, and an analyst may not
configure one."""

from __future__ import annotations

from typing import Any

import httpx

from accord.sharing import SYSTEM
from accord.vocab import Role
from tests.federation.conftest import PASSWORD, Node
from tests.federation.test_cli import Nodes
from tests.federation.test_sync import GREEN_FEDERATION, ingest


def _user(node: Node, username: str, org: str, role: Role) -> str:
    directory = node.service.directory
    directory.add_user(username, org, role, PASSWORD, actor=SYSTEM)
    return directory.create_token(username, actor=SYSTEM)[1]


def _caller(node: Node, token: str) -> Any:
    def call(method: str, path: str, **kwargs: Any) -> httpx.Response:
        return httpx.request(method, f"{node.base}/api/v1{path}", timeout=30,
                             headers={"Authorization": f"Bearer {token}"}, **kwargs)  # fmt: skip

    return call


def test_an_admin_configures_runs_and_removes_its_peer(nodes: Nodes) -> None:
    a, b = nodes()
    ingest(a, "Org A", "s01_aktau-caspian-border-services-wire.txt", GREEN_FEDERATION)
    b.service.directory.add_organisation("Org D", actor=SYSTEM)
    admin = _caller(b, _user(b, "b_admin", "Org B", Role.ADMIN))
    other = _caller(b, _user(b, "d_admin", "Org D", Role.ADMIN))
    analyst = _caller(b, _user(b, "b_analyst", "Org B", Role.ANALYST))
    secret = a.tokens["Node B"]
    body = {"name": "node-a", "url": a.collection(), "org": "Org B", "interval_seconds": 600,
            "credentials": {"kind": "bearer", "secret": "wrong"}}  # fmt: skip

    assert analyst("POST", "/peers", json=body).status_code == 403
    assert other("POST", "/peers", json=body).status_code == 403  # not its organisation
    made = admin("POST", "/peers", json=body)
    assert made.status_code == 201, made.text
    assert made.json()["auth"] == "bearer" and "wrong" not in made.text
    assert admin("POST", "/peers", json=body).status_code == 409

    failed = admin("POST", "/peers/node-a/sync")
    assert failed.status_code == 200 and failed.json()["ok"] is False
    changed = admin("PATCH", "/peers/node-a", json={
        "credentials": {"kind": "bearer", "secret": secret}, "interval_seconds": 3600,
        "sharing": {"tlp": "green", "distribution": "community"},
    })  # fmt: skip
    assert changed.status_code == 200, changed.text
    assert secret not in changed.text
    state = changed.json()
    assert (state["interval_seconds"], state["tlp"], state["distribution"], state["failures"]) \
        == (3600, "green", "community", 1)  # fmt: skip
    synced = admin("POST", "/peers/node-a/sync")
    assert synced.status_code == 200 and synced.json()["ok"], synced.text
    assert synced.json()["added"] > 0
    listed = admin("GET", "/peers").json()["peers"]
    assert [p["name"] for p in listed] == ["node-a"] and listed[0]["failures"] == 0
    assert secret not in admin("GET", "/peers/node-a").text

    # Another organisation's admin: the peer is not there for it, whatever it tries.
    assert other("GET", "/peers").json()["peers"] == []
    for method, path in (("GET", "/peers/node-a"), ("PATCH", "/peers/node-a"),
                         ("POST", "/peers/node-a/sync"), ("DELETE", "/peers/node-a")):  # fmt: skip
        answer = other(method, path, **({"json": {"due_now": True}} if method == "PATCH" else {}))
        assert answer.status_code == 404, (method, path, answer.text)
    assert analyst("GET", "/peers").status_code == 403

    # Bad input: a one-line error, and the peer as it was.
    for bad in ({"interval_seconds": 0}, {"direction": "sideways"}, {"colour": "red"},
                {"url": "ftp://example.org/x/"}, {"direction": "push"}):  # fmt: skip
        refused = admin("PATCH", "/peers/node-a", json=bad)
        assert refused.status_code in (400, 422), (bad, refused.text)
    assert admin("GET", "/peers/node-a").json() == listed[0]

    assert admin("DELETE", "/peers/node-a").status_code == 200
    assert admin("GET", "/peers/node-a").status_code == 404
    events = b.service.audit(viewer=SYSTEM, action="peer.update")[0]
    assert len(events) == 1 and secret not in str(events)
