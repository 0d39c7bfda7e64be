"""Values that go in and out of a store: queries, pages, results. Immutable where they can be."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import orjson

from accord.errors import InputError, Problem

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
