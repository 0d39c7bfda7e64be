"""``/objects``: query with filters and keyset paging, one object, its versions; and
``/stats``."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from starlette.responses import Response

from accord.store import ObjectQuery
from accord.web import responses
from accord.web.deps import Cursor, Limit, Reader, Service

router = APIRouter(tags=["objects"])

ObjectId = Annotated[str, Path(max_length=200, description="A STIX id, type--uuid.")]
Values = Annotated[list[str], Query(max_length=100)]
Stamp = Annotated[str | None, Query(max_length=40, description="A STIX timestamp.")]


@router.get("/objects", summary="Query objects")
def query_objects(
    service: Service,
    viewer: Reader,
    type: Values = [],  # noqa: B006
    id: Values = [],  # noqa: B006
    created_by_ref: Values = [],  # noqa: B006
    source_ref: Values = [],  # noqa: B006
    target_ref: Values = [],  # noqa: B006
    marking_ref: Values = [],  # noqa: B006
    added_after: Stamp = None,
    modified_after: Stamp = None,
    versions: Literal["latest", "all"] = "latest",
    include_revoked: bool = True,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> Response:
    """The objects the caller may see that match every filter given (each filter repeated
    means any of its values), oldest first; follow `next` for the next page."""
    query = ObjectQuery(
        types=type, ids=id, created_by_refs=created_by_ref, source_refs=source_ref,
        target_refs=target_ref, marking_refs=marking_ref, added_after=added_after,
        modified_after=modified_after, versions=versions, include_revoked=include_revoked,
        limit=limit, cursor=cursor,
    )  # fmt: skip
    result = service.query(query, viewer=viewer)
    return responses.page("objects", result.items, result.next_cursor)


@router.get("/objects/{object_id}", summary="Get an object")
def get_object(service: Service, viewer: Reader, object_id: ObjectId) -> Response:
    """The latest version of one object."""
    return responses.json(service.get(object_id, viewer=viewer))


@router.get("/objects/{object_id}/versions", summary="Every version of an object")
def object_versions(service: Service, viewer: Reader, object_id: ObjectId) -> Response:
    """Every version of one object the caller may see, oldest first."""
    return responses.json({"versions": service.versions(object_id, viewer=viewer)})


@router.get("/stats", summary="What the caller may see, counted")
def stats(service: Service, viewer: Reader) -> Response:
    s = service.stats(viewer=viewer)
    return responses.json({
        "objects": s.objects, "versions": s.versions, "revoked": s.revoked,
        "documents": s.documents, "by_type": s.by_type, "last_added": s.last_added,
    })  # fmt: skip
