"""Who is asking, and what they may see, as a SQL predicate the store compiles into every read.

The rules (docs/sharing.md):

- Every object and document comes from a *source* (a document ingested, a bundle imported),
  which has an owner organisation, a TLP 2.0 level and a distribution.
- A source is visible to its owner organisation; to every organisation on the node when its
  distribution is ``community`` or ``federation`` and its TLP allows that (CLEAR, GREEN, AMBER);
  and to the member organisations of the sharing groups it is shared with when its distribution
  is ``groups``. TLP caps the distribution: RED and AMBER+STRICT never go past named groups,
  AMBER never past the node.
- A fact (every object that is not an entity) is visible when the source that wrote it is.
- An entity (:data:`ENTITY_TYPES`) is visible when any source that names it is.
- ``SYSTEM`` (the operator at the command line) sees everything; a principal with no
  organisation sees nothing.

This module is pure: it compiles those rules to SQL text over the store's tables and never runs
it. Group membership is read by the predicate itself, so a change of membership or of a
source's sharing holds from the next query on.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum

from accord.vocab import TLP, Distribution, Role


class PrincipalKind(Enum):
    SYSTEM = "system"
    USER = "user"
    ANONYMOUS = "anonymous"


@dataclass(frozen=True, slots=True)
class Principal:
    """A viewer: the operator (SYSTEM), a user of an organisation, or nobody."""

    kind: PrincipalKind
    name: str
    org_id: int | None = None
    org_name: str | None = None
    role: Role | None = None
    user_id: int | None = None

    @property
    def is_system(self) -> bool:
        return self.kind is PrincipalKind.SYSTEM

    def can(self, capability: Capability) -> bool:
        """Whether this principal holds `capability` (SYSTEM holds them all)."""
        if self.is_system:
            return True
        return self.role is not None and self.role in CAPABILITIES[capability]


SYSTEM = Principal(PrincipalKind.SYSTEM, "system")
ANONYMOUS = Principal(PrincipalKind.ANONYMOUS, "anonymous")


def user(
    name: str, *, org_id: int, role: Role, org_name: str | None = None, user_id: int | None = None
) -> Principal:
    return Principal(PrincipalKind.USER, name, org_id, org_name, role, user_id)


class Capability(StrEnum):
    """What a role lets a user do; every write route names the capability it needs."""

    READ = "read"  # read what is shared with the organisation: objects, documents, search
    INGEST = "ingest"  # add documents and import bundles, owned by the organisation
    SHARE = "share"  # change the sharing of the organisation's sources, delete them
    GROUPS = "groups"  # create sharing groups owned by the organisation, name their members
    ADMINISTER = "administer"  # organisations, users, every token, the audit log


_ALL = frozenset(Role)
CAPABILITIES: dict[Capability, frozenset[Role]] = {
    Capability.READ: _ALL,
    Capability.INGEST: frozenset({Role.ANALYST, Role.EDITOR, Role.ADMIN}),
    Capability.SHARE: frozenset({Role.EDITOR, Role.ADMIN}),
    Capability.GROUPS: frozenset({Role.ADMIN}),
    Capability.ADMINISTER: frozenset({Role.ADMIN}),
}

# The widest distribution each TLP level permits (TLP 2.0: RED is for named recipients only,
# AMBER+STRICT for the recipient organisation only, AMBER for the recipients' organisations,
# GREEN for the community, CLEAR for anyone).
MAX_DISTRIBUTION: dict[TLP, Distribution] = {
    TLP.CLEAR: Distribution.FEDERATION,
    TLP.GREEN: Distribution.FEDERATION,
    TLP.AMBER: Distribution.COMMUNITY,
    TLP.AMBER_STRICT: Distribution.GROUPS,
    TLP.RED: Distribution.GROUPS,
}
_WIDTH = {d: n for n, d in enumerate(Distribution)}
# Levels whose every read is written to the audit log.
AUDITED_TLP = frozenset({TLP.RED, TLP.AMBER_STRICT})

ENTITY_TYPES = (
    "identity", "location", "threat-actor", "extension-definition", "marking-definition",
)  # fmt: skip
"""Objects that hold only identifying data and that many sources name: visible through any of
them (the ``mentions`` table). Every other type is a fact, visible through its own source."""


def permits(tlp: TLP, distribution: Distribution) -> bool:
    """Whether a source marked `tlp` may be distributed as widely as `distribution`."""
    return _WIDTH[distribution] <= _WIDTH[MAX_DISTRIBUTION[tlp]]


def _community_tlps() -> tuple[str, ...]:
    return tuple(str(t) for t in TLP if permits(t, Distribution.COMMUNITY))


@dataclass(frozen=True, slots=True)
class Predicate:
    """A SQL boolean expression over a table of the store, with its parameters,
    and the reason it grants what it grants (so every decision can say why)."""

    sql: str
    params: tuple[object, ...]
    reason: str


def _marks(values: tuple[str, ...]) -> str:
    return ", ".join("?" * len(values))


def visible_sources(org_id: int, alias: str = "vs") -> tuple[str, tuple[object, ...]]:
    """``SELECT vs.id FROM sources vs WHERE ...``: the sources organisation `org_id` may see."""
    community = _community_tlps()
    a = alias
    sql = (
        f"SELECT {a}.id FROM sources {a} WHERE {a}.owner_org = ? "
        f"OR ({a}.distribution IN ('community', 'federation') "
        f"AND {a}.tlp IN ({_marks(community)})) "
        f"OR ({a}.distribution = 'groups' AND {a}.id IN (SELECT sg.source_id "
        "FROM source_groups sg JOIN group_members gm ON gm.group_id = sg.group_id "
        "WHERE gm.org_id = ?))"
    )
    return sql, (org_id, *community, org_id)


def visible_predicate(viewer: Principal, alias: str = "o") -> Predicate:
    """The rows of the table aliased `alias` that `viewer` may see: ``o`` is ``objects``,
    ``d`` is ``documents`` and ``s`` is ``sources``."""
    if viewer.is_system:
        return Predicate("1=1", (), "SYSTEM sees everything")
    if viewer.org_id is None:
        return Predicate("1=0", (), f"{viewer.kind.value} {viewer.name!r} has no organisation")
    sources, params = visible_sources(viewer.org_id)
    reason = (
        f"{viewer.name!r} of organisation {viewer.org_id}: its own sources, sources shared "
        "with the community or the federation under CLEAR, GREEN or AMBER, and sources shared "
        "with its sharing groups"
    )
    if alias == "s":
        return Predicate(f"s.id IN ({sources})", params, reason)
    if alias == "o":
        sql = (
            f"(o.source_id IN ({sources}) OR EXISTS (SELECT 1 FROM object_holders h "
            f"WHERE h.seq = o.seq AND h.source_id IN ({sources})) "
            f"OR (o.type IN ({_marks(ENTITY_TYPES)}) AND EXISTS (SELECT 1 FROM mentions m "
            f"WHERE m.object_id = o.id AND m.source_id IN ({sources}))))"
        )
        return Predicate(sql, (*params, *params, *ENTITY_TYPES, *params), reason)
    return Predicate(f"{alias}.source_id IN ({sources})", params, reason)
