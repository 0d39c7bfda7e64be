"""``/search``: full-text search over what the caller may see."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from accord.web import responses
from accord.web.deps import Reader, Service

router = APIRouter(tags=["search"])


@router.get("/search", summary="Search objects")
def search(
    service: Service,
    viewer: Reader,
    q: Annotated[
        str, Query(min_length=1, max_length=500, description='Words, "phrases", prefix*.')
    ],
    type: Annotated[list[str], Query(max_length=50)] = [],  # noqa: B006
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
) -> Response:
    """The best matches first, each with the object. Ranks are not shown: the engines score a
    match against every stored row, visible or not, so a score would tell of rows the caller
    may not see."""
    hits = service.search(q, viewer=viewer, types=type, limit=limit)
    return responses.json(
        {"hits": [{"id": h.id, "type": h.type, "name": h.name, "object": h.object} for h in hits]}
    )
