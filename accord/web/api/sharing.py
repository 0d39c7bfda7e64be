"""Sharing: the sources the caller may see, and sharing or unsharing one of its own."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from accord.web import responses
from accord.web.api.documents import DocumentKey
from accord.web.deps import Reader, Service, Sharer
from accord.web.models import SharingIn

router = APIRouter(tags=["sharing"])


@router.get("/sources", summary="List sources")
def list_sources(service: Service, viewer: Reader) -> Response:
    """The sources (documents, bundles) the caller may see, with their sharing."""
    return responses.json({"sources": [s.as_dict() for s in service.sources(viewer=viewer)]})


@router.put("/documents/{key}/sharing", summary="Share a document")
def share(service: Service, viewer: Sharer, key: DocumentKey, sharing: SharingIn) -> Response:
    """Give a document (or any source) of the caller's organisation new sharing; every fact
    derived from it follows at once."""
    return responses.json(service.share(key, sharing.to_sharing(), viewer=viewer).as_dict())


@router.delete("/documents/{key}/sharing", summary="Unshare a document")
def unshare(service: Service, viewer: Sharer, key: DocumentKey) -> Response:
    """Take a document back to its organisation alone, keeping its TLP level."""
    return responses.json(service.unshare(key, viewer=viewer).as_dict())
