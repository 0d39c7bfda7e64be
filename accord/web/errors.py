"""The one error table at the REST edge: every error becomes an RFC 9457 problem.

Accord's errors carry no HTTP codes (accord.errors); this table gives each class its status
and problem type. FastAPI's own errors (a malformed request, an unknown path, a method the
path does not have) and anything unexpected are answered in the same shape. A problem names
what went wrong for the client; it never holds a class name, a traceback, SQL or a secret.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response

from accord.errors import (
    AccordError,
    AuthError,
    BundleError,
    ConfigError,
    ConflictError,
    ForbiddenError,
    InputError,
    NotFoundError,
    StoreError,
)

log = logging.getLogger("accord.web")

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "urn:accord:problem:"


class PayloadTooLargeError(InputError):
    """A request body larger than the server accepts (``max_upload_bytes``)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"the request body is larger than the {limit} bytes this server accepts")


class RefusedError(InputError):
    """An upload the service refused whole; `report` says what was found in it."""

    def __init__(self, reason: str, report: dict[str, Any]) -> None:
        self.report = report
        super().__init__(reason)


@dataclass(frozen=True, slots=True)
class Kind:
    """How one class of error is answered. `detail` None: the error's own message."""

    status: int
    name: str
    title: str
    detail: str | None = None

    @property
    def type(self) -> str:
        return PROBLEM_BASE + self.name


# Most specific first: the first class an error is an instance of decides.
TABLE: tuple[tuple[type[AccordError], Kind], ...] = (
    (PayloadTooLargeError, Kind(413, "payload-too-large", "Payload too large")),
    (RefusedError, Kind(422, "refused", "Upload refused")),
    (BundleError, Kind(422, "invalid-bundle", "Invalid bundle")),
    (InputError, Kind(400, "invalid-input", "Invalid input")),
    (AuthError, Kind(401, "unauthorized", "Unauthorized")),
    (ForbiddenError, Kind(403, "forbidden", "Forbidden")),
    (NotFoundError, Kind(404, "not-found", "Not found")),
    (ConflictError, Kind(409, "conflict", "Conflict")),
    (StoreError, Kind(503, "store-unavailable", "Store unavailable",
                      "the store could not complete the request; try again later")),
    (ConfigError, Kind(500, "internal", "Internal error", "the server is misconfigured")),
)  # fmt: skip
INTERNAL = Kind(500, "internal", "Internal error", "the server could not complete the request")
# FastAPI's and Starlette's own errors, by status.
HTTP_KINDS: dict[int, Kind] = {
    400: Kind(400, "bad-request", "Bad request"),
    401: Kind(401, "unauthorized", "Unauthorized"),
    404: Kind(404, "not-found", "Not found", "no such resource"),
    405: Kind(405, "method-not-allowed", "Method not allowed"),
    413: Kind(413, "payload-too-large", "Payload too large"),
    415: Kind(415, "unsupported-media-type", "Unsupported media type"),
    422: Kind(422, "invalid-request", "Invalid request"),
}


def kind_for(error: AccordError) -> Kind:
    for cls, kind in TABLE:
        if isinstance(error, cls):
            return kind
    return INTERNAL


def problem(
    kind: Kind,
    request: Request,
    detail: str | None = None,
    extra: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body: dict[str, Any] = {
        "type": kind.type,
        "title": kind.title,
        "status": kind.status,
        "detail": kind.detail or detail or kind.title,
        "instance": request.url.path,
    }
    body.update(extra or {})
    if kind.status == 401:
        headers = {"WWW-Authenticate": "Bearer", **(headers or {})}
    return Response(orjson.dumps(body), kind.status, headers, PROBLEM_JSON)


def _accord_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AccordError)
    kind = kind_for(exc)
    if kind.status >= 500:
        log.error("%s %s failed: %s", request.method, request.url.path, type(exc).__name__)
    extra: dict[str, Any] = {}
    if isinstance(exc, BundleError):
        extra["problems"] = [
            {"object_id": p.object_id, "index": p.index, "property": p.property,
             "reason": p.reason}
            for p in exc.problems
        ]  # fmt: skip
    if isinstance(exc, RefusedError):
        extra["report"] = exc.report
    return problem(kind, request, str(exc), extra)


def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    kind = HTTP_KINDS.get(exc.status_code) or Kind(exc.status_code, "http", "HTTP error")
    detail = exc.detail if isinstance(exc.detail, str) else None
    return problem(kind, request, detail, headers=dict(exc.headers or {}))


def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"location": [str(part) for part in error.get("loc", ())], "reason": error.get("msg", "")}
        for error in exc.errors()
    ]
    where = ", ".join(".".join(e["location"]) for e in errors[:3])
    return problem(
        HTTP_KINDS[422], request, f"the request is not valid: {where}", {"errors": errors}
    )


def _unexpected(request: Request, exc: Exception) -> Response:
    log.error("%s %s failed unexpectedly", request.method, request.url.path, exc_info=exc)
    return problem(INTERNAL, request)


def install(app: FastAPI) -> None:
    app.add_exception_handler(AccordError, _accord_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
