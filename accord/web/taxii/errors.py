"""The one error table at the TAXII edge: every error becomes a TAXII 2.1 error resource
(§3.6.1) in the TAXII media type. The same classes map to the same statuses as on the REST
surface (accord.web.errors); only the body differs. No class name, traceback or secret
reaches a client."""

from __future__ import annotations

import logging

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response

from accord.errors import AccordError
from accord.web.errors import HTTP_KINDS, INTERNAL, kind_for
from accord.web.taxii.media import TAXII

log = logging.getLogger("accord.web.taxii")

_TITLES = {
    400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
    405: "Method not allowed", 406: "Not acceptable", 409: "Conflict",
    413: "Request too large", 415: "Unsupported media type", 422: "Unprocessable request",
    500: "Internal error", 503: "Store unavailable",
}  # fmt: skip
CHALLENGE = 'Basic realm="Accord TAXII", Bearer'


def error_body(status: int, description: str) -> bytes:
    return orjson.dumps({
        "title": _TITLES.get(status, "Error"), "description": description,
        "http_status": str(status),
    })  # fmt: skip


def taxii_error(status: int, description: str, headers: dict[str, str] | None = None) -> Response:
    if status == 401:
        headers = {"WWW-Authenticate": CHALLENGE, **(headers or {})}
    return Response(error_body(status, description), status, headers, TAXII)


def _accord_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AccordError)
    kind = kind_for(exc)
    if kind.status >= 500:
        log.error("%s %s failed: %s", request.method, request.url.path, type(exc).__name__)
    return taxii_error(kind.status, kind.detail or str(exc))


def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    kind = HTTP_KINDS.get(exc.status_code)
    detail = exc.detail if isinstance(exc.detail, str) else None
    return taxii_error(exc.status_code, detail or (kind.title if kind else "error"),
                       dict(exc.headers or {}))  # fmt: skip


def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    where = ", ".join(
        ".".join(str(part) for part in error.get("loc", ())) for error in exc.errors()[:3]
    )
    return taxii_error(400, f"the request is not valid: {where}")


def _unexpected(request: Request, exc: Exception) -> Response:
    log.error("%s %s failed unexpectedly", request.method, request.url.path, exc_info=exc)
    return taxii_error(500, INTERNAL.detail or INTERNAL.title)


def install(app: FastAPI) -> None:
    app.add_exception_handler(AccordError, _accord_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
