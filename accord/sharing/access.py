"""Who may list, read and write a TAXII collection, and how what is written to one is shared.

A collection is a sharing scope (:class:`accord.sharing.Scope`): reading it returns what the
reader may see within the scope, whatever the collection. Listing and the ``can_read`` and
``can_write`` flags only say which scopes make sense for the reader: a peer (another node)
has no part in this node's community, and a sharing group's collection is for its members.
Pure: the store supplies whether the reader is in the group."""

from __future__ import annotations

from dataclasses import dataclass

from accord.sharing import Capability, Principal, Scope, ScopeKind
from accord.vocab import Distribution


@dataclass(frozen=True, slots=True)
class Access:
    listed: bool  # the collection exists for this reader (else: 404)
    can_read: bool
    can_write: bool


NONE = Access(False, False, False)

_DISTRIBUTION = {
    ScopeKind.VISIBLE: Distribution.OWNER,
    ScopeKind.OWNER: Distribution.OWNER,
    ScopeKind.GROUPS: Distribution.GROUPS,
    ScopeKind.COMMUNITY: Distribution.COMMUNITY,
    ScopeKind.FEDERATION: Distribution.FEDERATION,
}


def collection_access(viewer: Principal, kind: ScopeKind, *, in_group: bool) -> Access:
    """What `viewer` may do with a collection of scope `kind` (`in_group`: whether its
    organisation belongs to, or owns, the collection's sharing group)."""
    if viewer.is_system:
        return Access(True, True, True)
    if viewer.org_id is None:
        return NONE
    if kind is ScopeKind.COMMUNITY and viewer.peer:
        return NONE
    if kind is ScopeKind.GROUPS and not in_group:
        return NONE
    return Access(True, viewer.can(Capability.READ), viewer.can(Capability.INGEST))


def reading_scope(viewer: Principal, kind: ScopeKind, group_id: int | None) -> Scope:
    """The scope a reader reads a collection in: an ``owner`` collection is each reader's
    own organisation's sources."""
    if kind is ScopeKind.OWNER:
        return Scope(kind, org_id=viewer.org_id)
    return Scope(kind, group_id=group_id)


def written_distribution(kind: ScopeKind) -> Distribution:
    """How what is written to a collection of scope `kind` is distributed."""
    return _DISTRIBUTION[kind]
