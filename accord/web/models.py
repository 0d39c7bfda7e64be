"""Request bodies, as pydantic models: FastAPI validates them and documents them in the
OpenAPI description. Each turns itself into the service's own value."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from accord.service.imports import SharingChoice
from accord.service.sync import PeerChange
from accord.store.model import Sharing
from accord.store.peers import AuthKind, Credentials, Direction
from accord.vocab import TLP, Distribution, OrgKind, Role

MAX_NAME = 200
# A name, an id, a password: anything but a NUL character, which no store keeps in text.
Text = Annotated[str, StringConstraints(pattern=r"^[^\x00]*$")]


class SharingIn(BaseModel):
    """Who a source is for: TLP 2.0, distribution, and the sharing groups for ``groups``."""

    model_config = ConfigDict(extra="forbid")

    tlp: TLP = TLP.AMBER
    distribution: Distribution = Distribution.OWNER
    groups: list[int] = Field(default_factory=list, max_length=100)

    def to_sharing(self) -> Sharing:
        return Sharing(self.tlp, self.distribution, tuple(self.groups))

    def to_choice(self) -> Sharing | SharingChoice:
        """The sharing asked for, leaving what was not given to the input (an imported MISP
        event's or bundle's own; docs/sharing.md)."""
        given = self.model_fields_set
        if {"tlp", "distribution"} <= given:
            return self.to_sharing()
        distribution = self.distribution if "distribution" in given else None
        if self.groups and distribution is None:
            distribution = Distribution.GROUPS
        return SharingChoice(self.tlp if "tlp" in given else None, distribution,
                             tuple(self.groups))  # fmt: skip


class TextUpload(SharingIn):
    """A document given as text: its file name says what it is (``.txt``, ``.html``,
    ``.json`` for a STIX bundle)."""

    filename: Text = Field(min_length=1, max_length=MAX_NAME, examples=["communique.txt"])
    text: str


class OrganisationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Text = Field(min_length=1, max_length=MAX_NAME)
    kind: OrgKind = Field(
        OrgKind.MEMBER,
        description="member: an organisation of this node; peer: another node, which sees "
        "only what is shared with the federation or with its sharing groups",
    )


class UserIn(BaseModel):
    """A new user of an organisation. The password is never logged or returned."""

    model_config = ConfigDict(extra="forbid")

    username: Text = Field(min_length=1, max_length=MAX_NAME)
    org: Text = Field(min_length=1, max_length=MAX_NAME, description="The organisation's name.")
    role: Role
    password: Text = Field(min_length=1, max_length=1000)


class RoleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Role


class TokenIn(BaseModel):
    """A new API token: for the caller, or (an admin) for a user of their organisation."""

    model_config = ConfigDict(extra="forbid")

    username: Text | None = Field(default=None, min_length=1, max_length=MAX_NAME)
    expires_days: int | None = Field(default=None, ge=1, le=3650)


class GroupIn(BaseModel):
    """A new sharing group, owned by the caller's organisation unless `owner_org` is named."""

    model_config = ConfigDict(extra="forbid")

    name: Text = Field(min_length=1, max_length=MAX_NAME)
    owner_org: Text | None = Field(default=None, min_length=1, max_length=MAX_NAME)


class CredentialsIn(BaseModel):
    """How this node authenticates to a peer. The secret (a bearer token or a Basic
    password) is stored to be presented to the peer, and never returned or logged."""

    model_config = ConfigDict(extra="forbid")

    kind: AuthKind = AuthKind.NONE
    user: Text | None = Field(default=None, min_length=1, max_length=MAX_NAME)
    secret: Text | None = Field(default=None, min_length=1, max_length=4096)

    def to_credentials(self) -> Credentials:
        return Credentials(self.kind, self.user, self.secret)


# Seconds between a peer's scheduled syncs: at least one, at most a year.
Interval = Annotated[int, Field(ge=1, le=366 * 86400)]


class PeerIn(BaseModel):
    """A new peer: a remote TAXII 2.1 collection to pull from and push to (docs/taxii.md)."""

    model_config = ConfigDict(extra="forbid")

    name: Text = Field(min_length=1, max_length=100)
    url: Text = Field(min_length=1, max_length=2000,
                      description="The remote collection: .../collections/{id}/.")  # fmt: skip
    org: Text = Field(min_length=1, max_length=MAX_NAME,
                      description="The member organisation that owns what is pulled and whose "
                      "sources are pushed.")  # fmt: skip
    peer_org: Text | None = Field(default=None, min_length=1, max_length=MAX_NAME,
                                  description="The organisation of kind peer standing for the "
                                  "remote node: what it may see is what is pushed.")  # fmt: skip
    direction: Direction = Direction.PULL
    interval_seconds: Interval = 900
    credentials: CredentialsIn = Field(default_factory=CredentialsIn)
    sharing: SharingIn = Field(default_factory=SharingIn,
                               description="The sharing of what is pulled.")  # fmt: skip


class PeerUpdateIn(BaseModel):
    """Settings of a peer to change; what is left out stays as it is."""

    model_config = ConfigDict(extra="forbid")

    url: Text | None = Field(
        default=None, min_length=1, max_length=2000,
        description="Another collection (both checkpoints are forgotten).",
    )  # fmt: skip
    peer_org: Text | None = Field(default=None, min_length=1, max_length=MAX_NAME)
    direction: Direction | None = None
    interval_seconds: Interval | None = None
    credentials: CredentialsIn | None = None
    sharing: SharingIn | None = Field(None, description="Of what is pulled from now on.")
    restart_pull: bool = Field(False, description="Forget the pull checkpoint.")
    restart_push: bool = Field(False, description="Forget the push checkpoint.")
    due_now: bool = Field(False, description="Make the peer due at once.")

    def to_change(self) -> PeerChange:
        return PeerChange(
            url=self.url, direction=self.direction, peer_org=self.peer_org,
            interval=self.interval_seconds,
            credentials=self.credentials.to_credentials() if self.credentials else None,
            sharing=self.sharing.to_sharing() if self.sharing else None,
            restart_pull=self.restart_pull, restart_push=self.restart_push, due_now=self.due_now,
        )  # fmt: skip
