"""What TAXII handlers depend on: negotiation of the TAXII media type, the caller from HTTP
Basic or bearer credentials, and the query parameters of filtering and paging (§3.4-3.5)."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated

from fastapi import Depends, Query, Request
from starlette.exceptions import HTTPException

from accord.errors import AuthError, InputError
from accord.sharing import Principal
from accord.sharing.secrets import parse_token
from accord.store.collections import TaxiiQuery
from accord.store.model import MAX_PAGE
from accord.web.deps import Service
from accord.web.taxii.media import acceptable

DEFAULT_LIMIT = 1000
_MATCH_FIELDS = frozenset({"match[id]", "match[type]", "match[version]", "match[spec_version]"})


async def negotiate(request: Request) -> None:
    """406 unless the client accepts TAXII 2.1's media type (§1.6.8)."""
    if not acceptable(request.headers.get("accept")):
        raise HTTPException(406, "this server answers in application/taxii+json;version=2.1 only")


def caller(request: Request, service: Service) -> Principal:
    """The caller, from ``Authorization: Basic`` (a user's name and password, or any name and
    an API token as the password) or ``Authorization: Bearer <token>``; 401 otherwise."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    scheme, value = scheme.lower(), value.strip()
    if scheme == "bearer" and value:
        return service.directory.authenticate_token(value)
    if scheme == "basic" and value:
        username, password = _basic(value)
        if parse_token(password) is not None:
            return service.directory.authenticate_token(password)
        return service.directory.authenticate_password(username, password)
    raise AuthError("credentials are required: HTTP Basic or a bearer token")


def _basic(value: str) -> tuple[str, str]:
    try:
        decoded = base64.b64decode(value, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise AuthError("malformed Basic credentials") from None
    username, colon, password = decoded.partition(":")
    if not colon:
        raise AuthError("malformed Basic credentials")
    return username, password


Caller = Annotated[Principal, Depends(caller)]


def _listed(value: str | None) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()] if value else []


async def taxii_query(
    request: Request,
    added_after: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
    next_: Annotated[str | None, Query(alias="next", max_length=200)] = None,
    match_id: Annotated[str | None, Query(alias="match[id]", max_length=20000)] = None,
    match_type: Annotated[str | None, Query(alias="match[type]", max_length=2000)] = None,
    match_version: Annotated[str | None, Query(alias="match[version]", max_length=2000)] = None,
    match_spec_version: Annotated[
        str | None, Query(alias="match[spec_version]", max_length=200)
    ] = None,
) -> TaxiiQuery:
    """The filters and paging of a read. A ``limit`` above the server's page size is cut to
    it, as §3.4 lets a server do; an unknown ``match[...]`` field is refused."""
    unknown = sorted(
        k for k in request.query_params if k.startswith("match[") and k not in _MATCH_FIELDS
    )
    if unknown:
        raise InputError(f"unknown filter {unknown[0]}: this server matches on "
                         "id, type, version and spec_version")  # fmt: skip
    return TaxiiQuery(
        ids=_listed(match_id), types=_listed(match_type),
        spec_versions=_listed(match_spec_version),
        versions=_listed(match_version) or ["last"], added_after=added_after,
        limit=min(limit or DEFAULT_LIMIT, MAX_PAGE), cursor=next_,
    )  # fmt: skip


Filters = Annotated[TaxiiQuery, Depends(taxii_query)]
