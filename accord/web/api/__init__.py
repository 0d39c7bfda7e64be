"""The routers of ``/api/v1``, one per resource."""

from __future__ import annotations

from fastapi import APIRouter

from accord.web.api import (
    admin,
    documents,
    entities,
    kinds,
    objects,
    peers,
    search,
    sharing,
    system,
)

PARTS = (
    system.router, documents.router, sharing.router, objects.router, entities.router,
    search.router, kinds.meetings, kinds.initiatives, admin.router,
    peers.router,
)  # fmt: skip

router = APIRouter()
for part in PARTS:
    router.include_router(part)
