"""Administration: organisations, users, API tokens, sharing groups and the audit log. Every
call goes to the service's Directory, which decides who may act on which organisation; the
capability named here is the least a caller must hold to reach the route at all."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from starlette.responses import Response

from accord.errors import InputError
from accord.web import responses
from accord.web.deps import Administrator, Cursor, GroupAdmin, Limit, Reader, Service
from accord.web.models import MAX_NAME, GroupIn, OrganisationIn, RoleIn, TokenIn, UserIn

router = APIRouter(tags=["administration"])

Name = Annotated[str, Path(min_length=1, max_length=MAX_NAME)]
OptionalName = Annotated[str | None, Query(min_length=1, max_length=MAX_NAME)]


def _out(record: Any) -> dict[str, Any]:
    return asdict(record)


# --- organisations ----------------------------------------------------------------------------
@router.get("/organisations", summary="List organisations")
def list_organisations(service: Service, actor: Reader) -> Response:
    found = service.directory.organisations(actor=actor)
    return responses.json({"organisations": [_out(o) for o in found]})


@router.post("/organisations", summary="Add an organisation", status_code=201)
def add_organisation(service: Service, actor: Administrator, body: OrganisationIn) -> Response:
    made = service.directory.add_organisation(body.name, actor=actor, kind=body.kind)
    return responses.json(_out(made), 201)


# --- users ------------------------------------------------------------------------------------
@router.get("/users", summary="List users")
def list_users(service: Service, actor: Administrator, org: OptionalName = None) -> Response:
    """The users of the caller's organisation (or of `org`, which must be it)."""
    return responses.json({"users": [_out(u) for u in service.directory.users(org, actor=actor)]})


@router.post("/users", summary="Add a user", status_code=201)
def add_user(service: Service, actor: Administrator, body: UserIn) -> Response:
    account = service.directory.add_user(body.username, body.org, body.role, body.password,
                                         actor=actor)  # fmt: skip
    return responses.json(_out(account), 201)


@router.put("/users/{username}/role", summary="Change a user's role")
def set_role(service: Service, actor: Administrator, username: Name, body: RoleIn) -> Response:
    return responses.json(_out(service.directory.set_role(username, body.role, actor=actor)))


@router.post("/users/{username}/disable", summary="Disable a user")
def disable_user(service: Service, actor: Administrator, username: Name) -> Response:
    """The user can no longer log in, and their tokens stop working."""
    return responses.json(_out(service.directory.disable_user(username, actor=actor)))


# --- tokens -----------------------------------------------------------------------------------
@router.get("/tokens", summary="List API tokens")
def list_tokens(service: Service, actor: Reader, username: OptionalName = None) -> Response:
    """The caller's tokens, or (an admin) those of a user of their organisation. Never the
    secrets: only their ids, dates and state."""
    found = service.directory.tokens(username, actor=actor)
    return responses.json({"tokens": [_out(t) for t in found]})


@router.post("/tokens", summary="Create an API token", status_code=201)
def create_token(service: Service, actor: Reader, body: TokenIn) -> Response:
    """A new token for the caller (or, by an admin, for a user of their organisation). The
    token string is in this answer only: it cannot be shown again."""
    username = body.username or actor.name
    if actor.user_id is None and body.username is None:
        raise InputError("name the user the token is for")
    token_id, bearer = service.directory.create_token(username, body.expires_days, actor=actor)
    return responses.json({"id": token_id, "username": username, "token": bearer}, 201)


@router.delete("/tokens/{token_id}", summary="Revoke an API token")
def revoke_token(service: Service, actor: Reader, token_id: Name) -> Response:
    return responses.json(_out(service.directory.revoke_token(token_id, actor=actor)))


# --- sharing groups ---------------------------------------------------------------------------
@router.get("/groups", summary="List sharing groups")
def list_groups(service: Service, actor: Reader) -> Response:
    found = service.directory.groups(actor=actor)
    return responses.json({
        "groups": [{**_out(group), "members": [_out(o) for o in members]}
                   for group, members in found],
    })  # fmt: skip


@router.post("/groups", summary="Add a sharing group", status_code=201)
def add_group(service: Service, actor: GroupAdmin, body: GroupIn) -> Response:
    owner = body.owner_org or actor.org_name
    if owner is None:
        raise InputError("name the organisation that owns the group (owner_org)")
    return responses.json(_out(service.directory.add_group(body.name, owner, actor=actor)), 201)


@router.put("/groups/{group}/members/{org}", summary="Add a member to a sharing group")
def add_member(service: Service, actor: GroupAdmin, group: Name, org: Name) -> Response:
    added = service.directory.add_group_member(group, org, actor=actor)
    return responses.json({"group": group, "org": org, "changed": added})


@router.delete("/groups/{group}/members/{org}", summary="Remove a member from a sharing group")
def remove_member(service: Service, actor: GroupAdmin, group: Name, org: Name) -> Response:
    removed = service.directory.remove_group_member(group, org, actor=actor)
    return responses.json({"group": group, "org": org, "changed": removed})


# --- audit ------------------------------------------------------------------------------------
@router.get("/audit", summary="Read the audit log")
def audit(
    service: Service,
    actor: Administrator,
    action: Annotated[str | None, Query(max_length=100)] = None,
    by: Annotated[str | None, Query(max_length=MAX_NAME, description="The actor's name.")] = None,
    since: Annotated[str | None, Query(max_length=40, description="A timestamp.")] = None,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> Response:
    """The events of the caller's organisation, newest first; follow `next`."""
    events, next_cursor = service.audit(viewer=actor, action=action, actor=by, since=since,
                                        limit=limit, cursor=cursor)  # fmt: skip
    return responses.json({"events": events, "next": next_cursor})
