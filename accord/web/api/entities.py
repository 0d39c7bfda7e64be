"""``/entities/{id}``: the caller's assembled view of a person, organisation or place."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from accord.web import responses
from accord.web.api.objects import ObjectId
from accord.web.deps import Reader, Service

router = APIRouter(tags=["entities"])


@router.get("/entities/{entity_id}", summary="An entity as the caller may see it")
def entity(service: Service, viewer: Reader, entity_id: ObjectId) -> Response:
    """The entity with the facts about it the caller may see (roles, affiliations, meetings,
    initiatives, quotes, related objects) and the sources that name it."""
    return responses.json(service.entity(entity_id, viewer=viewer))
