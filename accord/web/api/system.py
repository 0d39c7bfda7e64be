"""``/health`` (no token needed) and ``/me``: who the token belongs to."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from accord.web import responses
from accord.web.deps import Reader

router = APIRouter(tags=["system"])


@router.get("/health", summary="Whether the server is up")
def health() -> Response:
    return responses.json({"status": "ok"})


@router.get("/me", summary="The caller")
def me(viewer: Reader) -> Response:
    """The user the token belongs to: name, organisation and role."""
    return responses.json({
        "name": viewer.name, "kind": viewer.kind.value, "org_id": viewer.org_id,
        "org_name": viewer.org_name, "role": viewer.role and str(viewer.role),
        "user_id": viewer.user_id,
    })  # fmt: skip
