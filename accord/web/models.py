"""Request bodies, as pydantic models: FastAPI validates them and documents them in the
OpenAPI description. Each turns itself into the service's own value."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from accord.service.imports import SharingChoice
from accord.store.model import Sharing
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
