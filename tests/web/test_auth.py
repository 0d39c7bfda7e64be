"""Bearer tokens: no token, a malformed, unknown, revoked token or a disabled user's all get the
same 401; a valid token is its user; a reader may read but not upload; no secret is logged."""

from __future__ import annotations

import logging

import pytest

from tests.web.conftest import Node, sample, upload

ROUTES = ["/me", "/objects", "/documents", "/search?q=border", "/stats", "/sources",
          "/organisations", "/groups", "/tokens"]  # fmt: skip


def assert_401(response: object) -> None:
    assert response.status_code == 401, response.text  # type: ignore[attr-defined]
    assert response.headers["www-authenticate"] == "Bearer"  # type: ignore[attr-defined]
    assert response.json()["type"] == "urn:accord:problem:unauthorized"  # type: ignore[attr-defined]


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer ", "Basic YWxpY2U6cGFzcw==", "Bearer nonsense",
     "Bearer accord_0000000000000000_" + "x" * 43, "token-a_admin"],
)  # fmt: skip
def test_without_a_valid_token_every_route_is_401(
    node: Node, route: str, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization is not None else {}
    assert_401(node.client.get(f"/api/v1{route}", headers=headers))


def test_every_refused_token_reads_the_same(node: Node) -> None:
    """Malformed, unknown, revoked: one answer, so a refusal tells nothing about a token."""
    node.revoke("a_reader")
    forged = node.tokens["a_editor"][:-4] + "AAAA"
    bodies = {node.client.get("/api/v1/me", headers={"Authorization": f"Bearer {t}"}).content
              for t in ("nonsense", "accord_1_2", forged, node.tokens["a_reader"])}  # fmt: skip
    assert len(bodies) == 1


def test_a_token_is_its_user(node: Node) -> None:
    me = node.call("a_editor", "GET", "/me").json()
    assert (me["name"], me["org_id"], me["role"]) == ("a_editor", node.orgs["A"], "editor")
    assert node.call("a_editor", "GET", "/me").json() == me  # and again


def test_a_revoked_token_is_401(node: Node) -> None:
    assert node.call("a_analyst", "GET", "/me").status_code == 200
    node.revoke("a_analyst")
    assert_401(node.call("a_analyst", "GET", "/me"))


def test_a_token_revoked_through_the_api_stops_working(node: Node) -> None:
    made = node.call("a_reader", "POST", "/tokens", json={"expires_days": 30})
    assert made.status_code == 201, made.text
    bearer = made.json()["token"]
    headers = {"Authorization": f"Bearer {bearer}"}
    assert node.client.get("/api/v1/me", headers=headers).json()["name"] == "a_reader"
    listed = node.call("a_reader", "GET", "/tokens").json()["tokens"]
    assert made.json()["id"] in {t["id"] for t in listed}
    assert bearer not in node.call("a_reader", "GET", "/tokens").text  # ids, never secrets
    assert node.call("a_reader", "DELETE", f"/tokens/{made.json()['id']}").status_code == 200
    assert_401(node.client.get("/api/v1/me", headers=headers))


def test_a_disabled_users_token_is_401(node: Node) -> None:
    assert node.call("a_admin", "POST", "/users/a_analyst/disable").status_code == 200
    assert_401(node.call("a_analyst", "GET", "/me"))


def test_a_reader_may_read_but_not_upload(node: Node) -> None:
    assert node.call("a_reader", "GET", "/documents").status_code == 200
    response = upload(node, "a_reader", "wire.txt", sample("s01"))
    assert response.status_code == 403
    problem = response.json()
    assert problem["type"] == "urn:accord:problem:forbidden"
    assert "reader" in problem["detail"]
    assert node.call("a_admin", "GET", "/stats").json()["objects"] == 0


def test_no_secret_reaches_the_log(node: Node, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    made = node.call("a_admin", "POST", "/users", json={
        "username": "newcomer", "org": "Organisation A", "role": "reader",
        "password": "a long secret passphrase"})  # fmt: skip
    assert made.status_code == 201, made.text
    assert "password" not in made.text and "passphrase" not in made.text
    token = node.call("a_admin", "POST", "/tokens", json={"username": "newcomer"}).json()
    node.client.get("/api/v1/me", headers={"Authorization": f"Bearer {token['token']}"})
    node.client.get("/api/v1/me", headers={"Authorization": "Bearer accord_aa_wrongsecret"})
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    for secret in ("a long secret passphrase", token["token"], node.tokens["a_admin"],
                   "wrongsecret"):  # fmt: skip
        assert secret not in logged
