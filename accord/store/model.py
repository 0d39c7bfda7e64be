"""Values that go in and out of a store: queries, pages, results. Immutable where they can be."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import orjson

from accord.errors import InputError, Problem
from accord.sharing import MAX_DISTRIBUTION, permits
from accord.vocab import TLP, Distribution

Progress = Callable[[int, int], None]
"""Called with (objects written so far, objects to write) during long writes."""

MAX_PAGE = 10_000


@dataclass(frozen=True, slots=True)
class ObjectQuery:
    """Filters for reading objects. Every filter is optional; they combine with AND."""

    types: Sequence[str] = ()
    ids: Sequence[str] = ()
    spec_versions: Sequence[str] = ()
    created_by_refs: Sequence[str] = ()
    source_refs: Sequence[str] = ()  # relationship source_ref, sighting sighting_of_ref
    target_refs: Sequence[str] = ()
    marking_refs: Sequence[str] = ()  # objects carrying any of these object_marking_refs
    added_after: str | None = None  # date_added > this (a STIX timestamp)
    modified_after: str | None = None  # version > this (a STIX timestamp)
    versions: Literal["latest", "all"] = "latest"
    include_revoked: bool = True
    limit: int = 1000
    cursor: str | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_PAGE:
            raise InputError(f"limit must be between 1 and {MAX_PAGE}, not {self.limit}")


@dataclass(frozen=True, slots=True)
class Page:
    """One page of objects, serialised, in insertion order; `next_cursor` is None at the end."""

    items: list[bytes]
    next_cursor: str | None
    ids: list[str] = field(default_factory=list)  # the id of each item, in order

    def objects(self) -> list[dict[str, Any]]:
        return [orjson.loads(raw) for raw in self.items]


@dataclass(slots=True)
class PutResult:
    """What one atomic write did, object by object."""

    added: int = 0  # versions of ids the store did not know
    new_versions: int = 0  # versions newer than the stored latest
    history: int = 0  # versions older than the stored latest, kept as history
    unchanged: int = 0  # already stored, identical
    rejected: int = 0  # conflicting with a stored version of the same id and modified
    problems: list[Problem] = field(default_factory=list)
    document_added: bool | None = None  # when a source document was stored with them
    source_id: int | None = None  # the source the write was recorded under

    @property
    def written(self) -> int:
        return self.added + self.new_versions + self.history


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    type: str
    name: str | None
    rank: float
    object: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Stats:
    objects: int
    versions: int
    revoked: int
    documents: int
    by_type: dict[str, int]
    last_added: str | None


@dataclass(frozen=True, slots=True)
class Document:
    """A source document as stored: its text is the normalised text every span points into."""

    id: str
    sha256: str
    text: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    media_type: str = "text/plain"
    date_added: str | None = None
    source_id: int | None = None
    owner_org: int | None = None


def encode_cursor(seq: int) -> str:
    """A stateless keyset cursor: the insertion sequence of the last row served."""
    return base64.urlsafe_b64encode(f"s1:{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, seq = text.partition(":")
        if prefix != "s1" or not seq.isdigit():
            raise ValueError(text)
        return int(seq)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InputError(f"invalid cursor {cursor!r}") from None


@dataclass(frozen=True, slots=True)
class Sharing:
    """Who a source is for: its TLP 2.0 level, its distribution and, for ``groups``, the
    sharing groups (by id). New documents default to owner-only, TLP:AMBER."""

    tlp: TLP = TLP.AMBER
    distribution: Distribution = Distribution.OWNER
    groups: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if not permits(self.tlp, self.distribution):
            raise InputError(
                f"TLP:{self.tlp.upper()} may not be distributed to {self.distribution}: "
                f"at most {MAX_DISTRIBUTION[self.tlp]}"
            )
        if self.groups and self.distribution is not Distribution.GROUPS:
            raise InputError("sharing groups are named only with distribution 'groups'")
        if self.distribution is Distribution.GROUPS and not self.groups:
            raise InputError("distribution 'groups' needs at least one sharing group")


@dataclass(frozen=True, slots=True)
class NewSource:
    """Where a write comes from: a document ingested, a bundle imported, or the node itself.
    `owner_org` None is the node's operator."""

    kind: Literal["document", "bundle", "node"]
    ref: str
    label: str | None = None
    owner_org: int | None = None
    sharing: Sharing = field(default_factory=Sharing)


NODE_SOURCE = NewSource("node", "operator", "written by the node's operator")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """A stored source as its viewer may see it."""

    id: int
    kind: str
    ref: str
    label: str | None
    owner_org: int | None
    tlp: TLP
    distribution: Distribution
    groups: tuple[int, ...]
    created: str
    modified: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "ref": self.ref, "label": self.label,
            "owner_org": self.owner_org, "tlp": str(self.tlp),
            "distribution": str(self.distribution), "groups": list(self.groups),
            "created": self.created, "modified": self.modified,
        }  # fmt: skip
