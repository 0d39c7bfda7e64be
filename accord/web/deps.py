"""What routes depend on: the service, the settings, the caller (from its bearer token) and
the capability a route needs. Routes name these in their signatures; none of them checks
anything in its body."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from accord.errors import AuthError, ForbiddenError
from accord.service import Accord
from accord.settings import Settings
from accord.sharing import Capability, Principal

_bearer = HTTPBearer(auto_error=False, description="An API token: `accord token create`.")


async def get_service(request: Request) -> Accord:
    service: Accord = request.app.state.service
    return service


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


Service = Annotated[Accord, Depends(get_service)]


def principal(
    service: Service,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller, from ``Authorization: Bearer <token>``; 401 without a valid token."""
    if credentials is None or not credentials.credentials:
        raise AuthError("a bearer token is required")
    return service.directory.authenticate_token(credentials.credentials)


def requires(capability: Capability) -> Callable[[Principal], Principal]:
    """A dependency that yields the caller when its role holds `capability`, else 403."""
    return _REQUIRES[capability]


def _requires(capability: Capability) -> Callable[[Principal], Principal]:
    def dependency(caller: Annotated[Principal, Depends(principal)]) -> Principal:
        if not caller.can(capability):
            role = caller.role or caller.kind.value
            raise ForbiddenError(str(capability), f"a {role} may not {capability}")
        return caller

    dependency.__name__ = f"requires_{capability}"
    return dependency


_REQUIRES = {capability: _requires(capability) for capability in Capability}


Reader = Annotated[Principal, Depends(requires(Capability.READ))]
Ingester = Annotated[Principal, Depends(requires(Capability.INGEST))]
Sharer = Annotated[Principal, Depends(requires(Capability.SHARE))]
GroupAdmin = Annotated[Principal, Depends(requires(Capability.GROUPS))]
Administrator = Annotated[Principal, Depends(requires(Capability.ADMINISTER))]

MAX_LIMIT = 1000
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (1-1000).")]
Cursor = Annotated[
    str | None,
    Query(alias="next", max_length=200, description="The `next` cursor of the previous page."),
]
