"""The error table at the REST edge: every error class answers with its status and an RFC 9457
problem, FastAPI's own errors too, and nothing internal leaks."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from accord.errors import (
    AccordError,
    AuthError,
    BundleError,
    ConfigError,
    ConflictError,
    FileReadError,
    ForbiddenError,
    InputError,
    NotFoundError,
    Problem,
    SchemaError,
    StoreError,
)
from accord.web.errors import PayloadTooLargeError
from tests.web.conftest import Node

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}

# (error raised by a route, status, problem type, the detail, or None: the error's message)
CASES: list[tuple[Exception, int, str, str | None]] = [
    (InputError("limit must be positive"), 400, "invalid-input", None),
    (FileReadError("x.json", "not JSON"), 400, "invalid-input", None),
    (BundleError("b.json", [Problem("identity--1", "name", "missing")]), 422, "invalid-bundle",
     None),
    (PayloadTooLargeError(10), 413, "payload-too-large", None),
    (AuthError(), 401, "unauthorized", None),
    (ForbiddenError("share", "a reader may not share"), 403, "forbidden", None),
    (NotFoundError("object", "identity--x"), 404, "not-found", None),
    (ConflictError("organisation", "Org A"), 409, "conflict", None),
    (StoreError("connection to 10.0.0.5 refused: password authentication failed"), 503,
     "store-unavailable", "the store could not complete the request; try again later"),
    (SchemaError("relation objects does not exist"), 503, "store-unavailable",
     "the store could not complete the request; try again later"),
    (ConfigError("secret_key=hunter2 is unsafe"), 500, "internal", "the server is misconfigured"),
    (AccordError("something odd"), 500, "internal", "the server could not complete the request"),
    (RuntimeError("Traceback: secret at 0xdeadbeef"), 500, "internal",
     "the server could not complete the request"),
]  # fmt: skip


@pytest.fixture
def raising(node: Node) -> Node:
    errors: dict[str, Exception] = {str(n): exc for n, (exc, *_) in enumerate(CASES)}

    def boom(n: str) -> Any:
        raise errors[n]

    node.app.add_api_route("/test/boom/{n}", boom)
    return node


def body(response: Any) -> dict[str, Any]:
    assert response.headers["content-type"] == "application/problem+json"
    value = orjson.loads(response.content)
    assert set(value) >= PROBLEM_KEYS
    assert value["status"] == response.status_code
    return value


@pytest.mark.parametrize("n", range(len(CASES)), ids=[type(c[0]).__name__ for c in CASES])
def test_each_error_class_has_its_status_and_problem(raising: Node, n: int) -> None:
    error, status, name, detail = CASES[n]
    response = raising.client.get(f"/test/boom/{n}")
    problem = body(response)
    assert response.status_code == status
    assert problem["type"] == f"urn:accord:problem:{name}"
    assert problem["detail"] == (detail if detail is not None else str(error))
    assert problem["instance"] == f"/test/boom/{n}"
    text = response.text
    for leak in ("Traceback", "Error", "hunter2", "10.0.0.5", "relation", "0xdeadbeef"):
        assert leak not in text or leak in str(detail or error), leak
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"
    if isinstance(error, BundleError):
        assert problem["problems"] == [
            {"object_id": "identity--1", "index": None, "property": "name", "reason": "missing"}
        ]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/v1/no-such-route", 404),
        ("GET", "/elsewhere", 404),
        ("PATCH", "/api/v1/objects", 405),
        ("GET", "/api/v1/objects?limit=0", 422),
        ("GET", "/api/v1/objects?limit=abc", 422),
        ("GET", "/api/v1/objects?versions=some", 422),
        ("GET", "/api/v1/objects?next=not-a-cursor", 400),
        ("GET", "/api/v1/objects?added_after=yesterday", 400),
        ("GET", "/api/v1/search?q=", 422),
        ("GET", "/api/v1/search?q=%20", 400),
        ("GET", "/api/v1/documents?limit=100000", 422),
        ("PUT", "/api/v1/documents/1/sharing", 422),
    ],
)
def test_framework_errors_and_bad_parameters_are_problems(
    node: Node, method: str, path: str, status: int
) -> None:
    response = node.client.request(method, path, headers=node.headers("a_editor"))
    assert response.status_code == status, response.text
    problem = body(response)
    assert problem["instance"] == path.split("?")[0]


def test_validation_problems_name_the_parameter_but_do_not_echo_it(node: Node) -> None:
    response = node.call("a_analyst", "GET", "/objects?limit=secret-value")
    problem = body(response)
    assert problem["errors"][0]["location"] == ["query", "limit"]
    assert "secret-value" not in response.text


def test_a_nul_character_is_refused_as_input_on_every_engine(any_node: Node) -> None:
    """PostgreSQL keeps no NUL in text; a request holding one is the caller's mistake (400 or
    422), never a store failure."""
    for path in ("/objects?type=a%00b", "/objects/identity--a%00b", "/search?q=a%00b",
                 "/entities/x%00", "/documents/a%00b", "/users?org=a%00", "/meetings/a%00"):  # fmt: skip
        response = any_node.call("a_admin", "GET", path)
        assert response.status_code == 400, (path, response.text)
        assert body(response)["detail"] == "the request's path or query holds a NUL character"
    for path, payload in (("/organisations", {"name": "a\u0000b"}),
                          ("/groups", {"name": "a\u0000b"}),
                          ("/tokens", {"username": "a\u0000"})):  # fmt: skip
        response = any_node.call("a_admin", "POST", path, json=payload)
        assert response.status_code == 422, (path, response.text)
