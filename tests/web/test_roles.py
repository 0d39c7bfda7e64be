"""Every write route against every role: what each may do is this hand-written table, and the
app's routes are exactly the ones it lists."""

from __future__ import annotations

import itertools
from typing import Any

import orjson
import pytest

from accord.sharing import SYSTEM
from tests.factories import bundle, identity
from tests.web.conftest import PASSWORD, Node, upload

ROLES = ("reader", "analyst", "editor", "admin")
OK, DENIED = "allowed", 403

# (method, path) -> role -> "allowed" or 403. Written by hand from docs/api.md, not derived.
EXPECTED: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/documents"): {"reader": DENIED, "analyst": OK, "editor": OK, "admin": OK},
    ("DELETE", "/documents/{key}"): {"reader": DENIED, "analyst": DENIED, "editor": OK,
                                     "admin": OK},
    ("PUT", "/documents/{key}/sharing"): {"reader": DENIED, "analyst": DENIED, "editor": OK,
                                          "admin": OK},
    ("DELETE", "/documents/{key}/sharing"): {"reader": DENIED, "analyst": DENIED, "editor": OK,
                                             "admin": OK},
    ("POST", "/organisations"): {"reader": DENIED, "analyst": DENIED, "editor": DENIED,
                                 "admin": OK},
    ("POST", "/users"): {"reader": DENIED, "analyst": DENIED, "editor": DENIED, "admin": OK},
    ("PUT", "/users/{username}/role"): {"reader": DENIED, "analyst": DENIED, "editor": DENIED,
                                        "admin": OK},
    ("POST", "/users/{username}/disable"): {"reader": DENIED, "analyst": DENIED,
                                            "editor": DENIED, "admin": OK},
    # Every user manages their own tokens.
    ("POST", "/tokens"): {"reader": OK, "analyst": OK, "editor": OK, "admin": OK},
    ("DELETE", "/tokens/{token_id}"): {"reader": OK, "analyst": OK, "editor": OK, "admin": OK},
    ("POST", "/groups"): {"reader": DENIED, "analyst": DENIED, "editor": DENIED, "admin": OK},
    ("PUT", "/groups/{group}/members/{org}"): {"reader": DENIED, "analyst": DENIED,
                                               "editor": DENIED, "admin": OK},
    ("DELETE", "/groups/{group}/members/{org}"): {"reader": DENIED, "analyst": DENIED,
                                                  "editor": DENIED, "admin": OK},
    ("POST", "/peers"): {"reader": DENIED, "analyst": DENIED, "editor": DENIED, "admin": OK},
    ("PATCH", "/peers/{name}"): {"reader": DENIED, "analyst": DENIED, "editor": DENIED,
                                 "admin": OK},
    ("DELETE", "/peers/{name}"): {"reader": DENIED, "analyst": DENIED, "editor": DENIED,
                                  "admin": OK},
    # Runs a sync; this one fails to connect, which its report says in a 200.
    ("POST", "/peers/{name}/sync"): {"reader": DENIED, "analyst": DENIED, "editor": DENIED,
                                     "admin": OK},
}  # fmt: skip
# A collection no server answers at (nothing listens on port 9 of loopback here).
NOWHERE = "http://127.0.0.1:9/taxii2/accord/collections/x/"

_names = itertools.count()


def a_source(node: Node) -> str:
    """A fresh source of organisation A (a one-object bundle), by its number."""
    raw = orjson.dumps(bundle(identity(f"Agency {next(_names)}")))
    assert upload(node, "a_analyst", "feed.json", raw).status_code == 201
    return str(max(s["id"] for s in node.call("a_reader", "GET", "/sources").json()["sources"]))


def a_group(node: Node) -> str:
    """A sharing group owned by A with B as a member."""
    directory = node.service.directory
    name = f"Group {next(_names)}"
    directory.add_group(name, "Organisation A", actor=SYSTEM)
    directory.add_group_member(name, "Organisation B", actor=SYSTEM)
    return name


def a_peer(node: Node) -> str:
    """A peer of organisation A's, by its name."""
    name = f"peer-{next(_names)}"
    node.service.add_peer(name, NOWHERE, org="Organisation A", actor=SYSTEM)
    return name


def call(node: Node, role: str, method: str, path: str) -> Any:
    """`role` of organisation A does (method, path) to something of A's."""
    who = f"a_{role}"
    body: dict[str, Any] = {}
    params = {"username": "a_reader" if role != "reader" else "a_analyst",
              "token_id": node.token_ids[who]}  # fmt: skip
    if (method, path) == ("POST", "/documents"):
        raw = orjson.dumps(bundle(identity(f"Agency {next(_names)}")))
        return upload(node, who, "feed.json", raw)
    if "{key}" in path:
        params["key"] = a_source(node)
    if "{group}" in path:
        params.update(group=a_group(node), org="Organisation B")
    if "{name}" in path:
        params["name"] = a_peer(node)
    body = {
        ("PUT", "/documents/{key}/sharing"): {"tlp": "green", "distribution": "community"},
        ("POST", "/organisations"): {"name": f"Organisation {next(_names)}"},
        ("POST", "/users"): {"username": f"new{next(_names)}", "org": "Organisation A",
                             "role": "reader", "password": PASSWORD},
        ("PUT", "/users/{username}/role"): {"role": "editor"},
        ("POST", "/tokens"): {},
        ("POST", "/groups"): {"name": f"Group {next(_names)}"},
        ("POST", "/peers"): {"name": f"peer-{next(_names)}", "url": NOWHERE,
                             "org": "Organisation A"},
        ("PATCH", "/peers/{name}"): {"interval_seconds": 60},
    }.get((method, path))  # fmt: skip
    kwargs = {"json": body} if body is not None else {}
    return node.call(who, method, path.format(**params), **kwargs)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path"), list(EXPECTED), ids="{0[0]} {0[1]}".format)
def test_write_route_by_role(node: Node, method: str, path: str, role: str) -> None:
    response = call(node, role, method, path)
    expected = EXPECTED[(method, path)][role]
    if expected == DENIED:
        assert response.status_code == 403, response.text
        assert response.json()["type"] == "urn:accord:problem:forbidden"
    else:
        assert response.status_code in (200, 201), response.text


def routes(node: Node) -> set[tuple[str, str]]:
    """(method, path under /api/v1) of every route the app describes."""
    paths = node.app.openapi()["paths"]
    return {(method.upper(), path.removeprefix("/api/v1"))
            for path, item in paths.items() for method in item}  # fmt: skip


def test_every_write_route_is_in_the_table(node: Node) -> None:
    writes = {(m, p) for m, p in routes(node) if m != "GET"}
    assert writes == set(EXPECTED)


def test_no_write_route_answers_without_a_token(node: Node) -> None:
    for method, path in EXPECTED:
        filled = path.format(key="1", username="x", token_id="x", group="x", org="x", name="x")
        response = node.client.request(method, "/api/v1" + filled)
        assert response.status_code == 401, (method, path)


@pytest.mark.parametrize(
    ("who", "method", "path", "body"),
    [
        ("a_admin", "POST", "/users/b_analyst/disable", None),
        ("a_admin", "PUT", "/users/b_analyst/role", {"role": "reader"}),
        (
            "a_admin",
            "POST",
            "/users",
            {"username": "spy", "org": "Organisation B", "role": "admin", "password": PASSWORD},
        ),
        ("a_admin", "POST", "/tokens", {"username": "b_analyst"}),
        ("a_analyst", "POST", "/tokens", {"username": "a_reader"}),
        ("a_admin", "POST", "/groups", {"name": "Theirs", "owner_org": "Organisation B"}),
        ("a_admin", "GET", "/users?org=Organisation%20B", None),
        ("a_analyst", "GET", "/tokens?username=a_reader", None),
    ],
)
def test_no_one_administers_another_organisation_or_another_users_tokens(
    node: Node, who: str, method: str, path: str, body: dict[str, Any] | None
) -> None:
    response = node.call(who, method, path, **({"json": body} if body is not None else {}))
    assert response.status_code == 403, response.text
