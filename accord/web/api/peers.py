"""Peers and syncs (docs/taxii.md, "Federation"): the remote TAXII 2.1 collections this node
pulls from and pushes to. An organisation's admin configures and runs its own peers; the
service decides (accord.service.sync). Credentials are written, never read back."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from starlette.responses import Response

from accord.web import responses
from accord.web.deps import Administrator, Service
from accord.web.models import PeerIn, PeerUpdateIn

router = APIRouter(tags=["federation"])

PeerName = Annotated[str, Path(min_length=1, max_length=100)]


@router.get("/peers", summary="List peers")
def list_peers(service: Service, actor: Administrator) -> Response:
    """The peers of the caller's organisation, with their schedule, checkpoints and last run
    (never their credentials)."""
    return responses.json({"peers": [p.as_dict() for p in service.peers(actor=actor)]})


@router.post("/peers", summary="Add a peer", status_code=201)
def add_peer(service: Service, actor: Administrator, body: PeerIn) -> Response:
    """Configure a remote collection to sync with, for an organisation of the caller's."""
    added = service.add_peer(
        body.name, body.url, org=body.org, actor=actor, peer_org=body.peer_org,
        direction=body.direction, interval=body.interval_seconds,
        credentials=body.credentials.to_credentials(), sharing=body.sharing.to_sharing(),
    )  # fmt: skip
    return responses.json(added.as_dict(), 201)


@router.get("/peers/{name}", summary="Read a peer")
def read_peer(service: Service, actor: Administrator, name: PeerName) -> Response:
    return responses.json(service.peer(name, actor=actor).as_dict())


@router.patch("/peers/{name}", summary="Change a peer")
def update_peer(
    service: Service, actor: Administrator, name: PeerName, body: PeerUpdateIn
) -> Response:
    """Change some of a peer's settings; what the body leaves out stays as it is. A new URL
    forgets both checkpoints; a new URL, direction or credentials make the peer due at once."""
    return responses.json(service.update_peer(name, body.to_change(), actor=actor).as_dict())


@router.delete("/peers/{name}", summary="Remove a peer")
def remove_peer(service: Service, actor: Administrator, name: PeerName) -> Response:
    """What was pulled from the peer stays, as its own sources."""
    return responses.json(service.remove_peer(name, actor=actor).as_dict())


@router.post("/peers/{name}/sync", summary="Sync with a peer now")
def sync_peer(service: Service, actor: Administrator, name: PeerName) -> Response:
    """Run one sync with the peer and answer its report once it ends: `ok` false and a
    one-line `error` when it failed (recorded like a scheduled run's failure), or when
    another run of the same peer holds it."""
    (report,) = service.sync([name], actor=actor)
    return responses.json(report.as_dict())
