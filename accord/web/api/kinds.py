"""``/meetings`` and ``/initiatives``: the objects of one Accord type, listed and fetched."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from accord.errors import NotFoundError
from accord.stix.extensions import INITIATIVE_TYPE, MEETING_TYPE
from accord.store import ObjectQuery
from accord.web import responses
from accord.web.api.objects import ObjectId, Stamp
from accord.web.deps import Cursor, Limit, Reader, Service


def kind_router(path: str, stix_type: str, noun: str) -> APIRouter:
    router = APIRouter(tags=[path])
    article = "an" if noun[0] in "aeiou" else "a"

    @router.get(f"/{path}", summary=f"List {path}", name=f"list_{path}")
    def listing(
        service: Service,
        viewer: Reader,
        added_after: Stamp = None,
        limit: Limit = 100,
        cursor: Cursor = None,
    ) -> Response:
        query = ObjectQuery(types=[stix_type], added_after=added_after, limit=limit,
                            cursor=cursor)  # fmt: skip
        result = service.query(query, viewer=viewer)
        return responses.page(path, result.items, result.next_cursor)

    @router.get(f"/{path}/{{object_id}}", summary=f"Get {article} {noun}", name=f"get_{noun}")
    def one(service: Service, viewer: Reader, object_id: ObjectId) -> Response:
        found = service.query(ObjectQuery(types=[stix_type], ids=[object_id], limit=1),
                              viewer=viewer)  # fmt: skip
        if not found.items:
            raise NotFoundError(noun, object_id)
        return Response(found.items[0], media_type=responses.JSON)

    listing.__doc__ = f"The {path} the caller may see, oldest first ({stix_type})."
    one.__doc__ = f"The latest version of one {noun}."
    return router


meetings = kind_router("meetings", MEETING_TYPE, "meeting")
initiatives = kind_router("initiatives", INITIATIVE_TYPE, "initiative")
