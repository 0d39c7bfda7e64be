"""The TAXII 2.1 endpoints (OASIS TAXII Version 2.1, Committee Specification). Each handler
names the section it implements. Handlers parse, call one service function and format the
answer; what a caller sees is decided by the store's scoped predicate."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Path, Request
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response

from accord.errors import ForbiddenError, NotFoundError
from accord.service.taxii import CollectionView
from accord.settings import Settings
from accord.stix.timestamps import from_sort_key
from accord.store.collections import Entry, Envelope, TaxiiPage
from accord.web.deps import Service, get_settings
from accord.web.taxii.deps import Caller, Filters, negotiate
from accord.web.taxii.media import STIX, TAXII, readable

API_ROOT = "accord"
router = APIRouter(dependencies=[Depends(negotiate)])
Root = Annotated[str, Path(max_length=100)]
Key = Annotated[str, Path(max_length=200)]


def _json(value: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(value), status, headers, TAXII)


def _root(api_root: str) -> None:
    if api_root != API_ROOT:
        raise NotFoundError("API root", api_root)


def _version(entry: Entry) -> str:
    return from_sort_key(entry.version) if entry.version else from_sort_key(entry.date_added)


def _headers(first: str | None, last: str | None) -> dict[str, str]:
    """X-TAXII-Date-Added-First and -Last (§3.3.1): the first and last date_added served
    (sort keys as stored)."""
    if first is None or last is None:
        return {}
    return {"X-TAXII-Date-Added-First": from_sort_key(first),
            "X-TAXII-Date-Added-Last": from_sort_key(last)}  # fmt: skip


def _page_headers(page: TaxiiPage) -> dict[str, str]:
    if not page.entries:
        return {}
    return _headers(page.entries[0].date_added, page.entries[-1].date_added)


def _paging(next_cursor: str | None) -> bytes:
    if next_cursor is None:
        return b'{"more":false'
    return b'{"more":true,"next":"' + next_cursor.encode() + b'"'


def _envelope(page: Envelope) -> Response:
    """The envelope, joined once from the stored JSON of each version (§3.7)."""
    if page.objects:
        body = b"".join((_paging(page.next_cursor), b',"objects":[', b",".join(page.objects),
                         b"]}"))  # fmt: skip
    else:
        body = _paging(page.next_cursor) + b"}"
    return Response(body, 200, _headers(page.first_added, page.last_added), TAXII)


def _collection(view: CollectionView) -> dict[str, Any]:
    c = view.collection
    body: dict[str, Any] = {"id": c.id, "title": c.title}
    if c.description:
        body["description"] = c.description
    body.update(can_read=view.access.can_read, can_write=view.access.can_write,
                media_types=[STIX])  # fmt: skip
    return body


@router.get("/", summary="Server discovery")
def discovery(request: Request, caller: Caller) -> Response:
    """TAXII 2.1 §4.1 Server Discovery: the node and its one API root."""
    root = f"{_base(request)}/{API_ROOT}/"
    return _json({
        "title": "Accord", "description": "Security-cooperation knowledge, shared by TLP 2.0",
        "default": root, "api_roots": [root],
    })  # fmt: skip


def _base(request: Request) -> str:
    url = request.url
    return f"{url.scheme}://{url.netloc}{request.scope.get('root_path', '')}".rstrip("/")


@router.get("/{api_root}/", summary="API root information")
def api_root(
    api_root: Root, caller: Caller, settings: Annotated[Settings, Depends(get_settings)]
) -> Response:
    """TAXII 2.1 §4.2 Get API Root Information."""
    _root(api_root)
    return _json({
        "title": "Accord", "description": "Collections are sharing scopes: each holds what "
        "its reader may see within it.", "versions": [TAXII],
        "max_content_length": settings.max_upload_bytes,
    })  # fmt: skip


@router.get("/{api_root}/status/{status_id}/", summary="Status of a write")
def status(api_root: Root, status_id: Key, service: Service, caller: Caller) -> Response:
    """TAXII 2.1 §4.3 Get Status: to the organisation that wrote, else 404."""
    _root(api_root)
    return _json(service.taxii_status(status_id, viewer=caller))


@router.get("/{api_root}/collections/", summary="Collections")
def collections(api_root: Root, service: Service, caller: Caller) -> Response:
    """TAXII 2.1 §5.1 Get Collections: those that exist for the caller."""
    _root(api_root)
    views = service.collections(viewer=caller)
    return _json({"collections": [_collection(v) for v in views]} if views else {})


@router.get("/{api_root}/collections/{collection_id}/", summary="A collection")
def collection(api_root: Root, collection_id: Key, service: Service, caller: Caller) -> Response:
    """TAXII 2.1 §5.2 Get A Collection."""
    _root(api_root)
    return _json(_collection(service.collection(collection_id, viewer=caller)))


@router.get("/{api_root}/collections/{collection_id}/manifest/", summary="Object manifests")
def manifest(
    api_root: Root, collection_id: Key, service: Service, caller: Caller, query: Filters
) -> Response:
    """TAXII 2.1 §5.3 Get Object Manifests: id, date_added, version and media type of each
    object version the filters match."""
    _root(api_root)
    page = service.collection_manifest(collection_id, query, viewer=caller)
    body = _paging(page.next_cursor)
    if page.entries:
        body += b',"objects":' + orjson.dumps([
            {"id": e.id, "date_added": from_sort_key(e.date_added), "version": _version(e),
             "media_type": _media(e)} for e in page.entries
        ])  # fmt: skip
    return Response(body + b"}", 200, _page_headers(page), TAXII)


def _media(entry: Entry) -> str:
    return f"application/stix+json;version={entry.spec_version or '2.1'}"


@router.get("/{api_root}/collections/{collection_id}/objects/", summary="Objects")
def get_objects(
    api_root: Root, collection_id: Key, service: Service, caller: Caller, query: Filters
) -> Response:
    """TAXII 2.1 §5.4 Get Objects: an envelope of the object versions the filters match, in
    date_added order, paged by ``limit`` and ``next``."""
    _root(api_root)
    return _envelope(service.collection_objects(collection_id, query, viewer=caller))


@router.post("/{api_root}/collections/{collection_id}/objects/", summary="Add objects",
             status_code=202)  # fmt: skip
async def add_objects(
    api_root: Root, collection_id: Key, request: Request, service: Service, caller: Caller
) -> Response:
    """TAXII 2.1 §5.5 Add Objects: an envelope in, a status resource out (202). The writer's
    organisation owns what is stored; the collection's scope says how it is shared."""
    _root(api_root)
    if not readable(request.headers.get("content-type")):
        raise HTTPException(415, "send a TAXII envelope as application/taxii+json;version=2.1")
    body = await request.body()
    status = await run_in_threadpool(service.add_to_collection, collection_id, body, viewer=caller)
    return _json(status, 202)


@router.get("/{api_root}/collections/{collection_id}/objects/{object_id}/",
            summary="An object")  # fmt: skip
def get_object(
    api_root: Root, collection_id: Key, object_id: Key, service: Service, caller: Caller,
    query: Filters,
) -> Response:  # fmt: skip
    """TAXII 2.1 §5.6 Get An Object: the versions of one object the filters match."""
    _root(api_root)
    return _envelope(service.collection_object(collection_id, object_id, query, viewer=caller))


@router.delete("/{api_root}/collections/{collection_id}/objects/{object_id}/",
               summary="Delete an object")  # fmt: skip
def delete_object(
    api_root: Root, collection_id: Key, object_id: Key, service: Service, caller: Caller
) -> Response:
    """TAXII 2.1 §5.7 Delete An Object: refused (403). Accord keeps every version; what a
    source brought is removed with its source (``accord delete``, ``DELETE
    /api/v1/documents/{id}``)."""
    _root(api_root)
    service.collection(collection_id, viewer=caller)  # 404 first, for a hidden collection
    raise ForbiddenError(
        "delete objects over TAXII", "versions are kept; delete the source they came from instead"
    )


@router.get("/{api_root}/collections/{collection_id}/objects/{object_id}/versions/",
            summary="Object versions")  # fmt: skip
def versions(
    api_root: Root, collection_id: Key, object_id: Key, service: Service, caller: Caller,
    query: Filters,
) -> Response:  # fmt: skip
    """TAXII 2.1 §5.8 Get Object Versions: the version timestamps of one object, oldest
    first by date_added."""
    _root(api_root)
    page = service.object_versions(collection_id, object_id, query, viewer=caller)
    body = (
        _paging(page.next_cursor)
        + b',"versions":'
        + orjson.dumps([_version(e) for e in page.entries])
    )
    return Response(body + b"}", 200, _page_headers(page), TAXII)


__all__ = ["API_ROOT", "router"]
