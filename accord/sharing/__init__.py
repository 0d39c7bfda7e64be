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
it. :func:`audience_rule` is the rules as one condition; the store evaluates it whenever a
source's sharing, a group's membership or the set of organisations changes, and keeps which
organisations see which source in ``source_audience``. :func:`visible_predicate` is what every
read composes into its WHERE clause: a probe of that table per row.
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
    peer: bool = False  # of an organisation that is another node (sees federation only)

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


def operator_for(org_id: int, org_name: str | None = None) -> Principal:
    """The node's operator writing on behalf of an organisation (``accord ingest --org``):
    it may do everything SYSTEM may, and what it writes is owned by that organisation."""
    return Principal(PrincipalKind.SYSTEM, "system", org_id, org_name)


def user(
    name: str,
    *,
    org_id: int,
    role: Role,
    org_name: str | None = None,
    user_id: int | None = None,
    peer: bool = False,
) -> Principal:
    return Principal(PrincipalKind.USER, name, org_id, org_name, role, user_id, peer)


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


def _federation_tlps() -> tuple[str, ...]:
    return tuple(str(t) for t in TLP if permits(t, Distribution.FEDERATION))


def audience_rule(
    org: str = "g.id", source: str = "s", kind: str = "g.kind"
) -> tuple[str, tuple[object, ...]]:
    """The sharing rules as one SQL condition: organisation `org` (a column; `kind` its
    ``member`` or ``peer`` kind) may see source `source` (an alias of ``sources``). The store
    evaluates it when sharing changes and keeps the result in ``source_audience``, which
    reads probe. Member organisations are the community; peers (other nodes) see only what
    is shared with the federation, or with a sharing group they belong to."""
    community, federation = _community_tlps(), _federation_tlps()
    s = source
    sql = (
        f"({s}.owner_org = {org} "
        f"OR ({kind} = 'member' AND {s}.distribution IN ('community', 'federation') "
        f"AND {s}.tlp IN ({_marks(community)})) "
        f"OR ({kind} = 'peer' AND {s}.distribution = 'federation' "
        f"AND {s}.tlp IN ({_marks(federation)})) "
        f"OR ({s}.distribution = 'groups' AND EXISTS (SELECT 1 FROM source_groups sg "
        f"JOIN group_members gm ON gm.group_id = sg.group_id "
        f"WHERE sg.source_id = {s}.id AND gm.org_id = {org})))"
    )
    return sql, (*community, *federation)


class ScopeKind(StrEnum):
    """How far a TAXII collection reaches (docs/taxii.md)."""

    VISIBLE = "visible"  # everything its reader may see
    OWNER = "owner"  # the sources of one organisation (None: the operator's)
    GROUPS = "groups"  # the sources shared with one sharing group
    COMMUNITY = "community"  # the sources shared with the community or the federation
    FEDERATION = "federation"  # the sources shared with the federation


@dataclass(frozen=True, slots=True)
class Scope:
    """A part of the store, by the sharing of its sources: a read within a scope returns
    what its viewer may see *and* comes from a source in the scope (or, for an entity, is
    named by one the viewer may see)."""

    kind: ScopeKind = ScopeKind.VISIBLE
    org_id: int | None = None  # for OWNER
    group_id: int | None = None  # for GROUPS

    def __post_init__(self) -> None:
        if (self.kind is ScopeKind.GROUPS) != (self.group_id is not None):
            raise ValueError("a sharing group is named exactly by a 'groups' scope")

    def condition(self, s: str = "s") -> tuple[str, tuple[object, ...]]:
        """The scope as a condition over `s`, an alias of ``sources``."""
        kind = self.kind
        if kind is ScopeKind.VISIBLE:
            return "1=1", ()
        if kind is ScopeKind.OWNER:
            if self.org_id is None:
                return f"{s}.owner_org IS NULL", ()
            return f"{s}.owner_org = ?", (self.org_id,)
        if kind is ScopeKind.GROUPS:
            return (
                f"({s}.distribution = 'groups' AND EXISTS (SELECT 1 FROM source_groups sgs "
                f"WHERE sgs.source_id = {s}.id AND sgs.group_id = ?))",
                (self.group_id,),
            )
        if kind is ScopeKind.COMMUNITY:
            return f"{s}.distribution IN ('community', 'federation')", ()
        return f"{s}.distribution = 'federation'", ()


VISIBLE = Scope()


def _sees(org_id: int, source_column: str) -> tuple[str, tuple[object, ...]]:
    return (
        "EXISTS (SELECT 1 FROM source_audience a "
        f"WHERE a.org_id = ? AND a.source_id = {source_column})",
        (org_id,),
    )


def visible_predicate(viewer: Principal, alias: str = "o", scope: Scope = VISIBLE) -> Predicate:
    """The rows of the table aliased `alias` that `viewer` may see: ``o`` is ``objects``,
    ``d`` is ``documents`` and ``s`` is ``sources``; within `scope` (objects only)."""
    if scope.kind is not ScopeKind.VISIBLE:
        if alias != "o":
            raise ValueError("a scope narrows reads of objects only")
        return _scoped(viewer, scope)
    if viewer.is_system:
        return Predicate("1=1", (), "SYSTEM sees everything")
    if viewer.org_id is None:
        return Predicate("1=0", (), f"{viewer.kind.value} {viewer.name!r} has no organisation")
    org = viewer.org_id
    reason = (
        f"{viewer.name!r} of organisation {org}: its own sources, sources shared with the "
        "community or the federation under CLEAR, GREEN or AMBER, and sources shared with "
        "its sharing groups"
    )
    if alias == "s":
        sql, params = _sees(org, "s.id")
        return Predicate(sql, params, reason)
    if alias != "o":
        sql, params = _sees(org, f"{alias}.source_id")
        return Predicate(sql, params, reason)
    own, _ = _sees(org, "o.source_id")
    # A version another source brought too; an entity any visible source names (kept in
    # entity_audience). CROSS JOIN keeps SQLite's planner reading the row's few holders
    # first, then probing the audience, instead of the reverse.
    sql = (
        f"({own} OR EXISTS (SELECT 1 FROM object_holders h CROSS JOIN source_audience a "
        "WHERE h.seq = o.seq AND a.source_id = h.source_id AND a.org_id = ?) "
        f"OR (o.type IN ({_marks(ENTITY_TYPES)}) AND EXISTS (SELECT 1 FROM entity_audience ea "
        "WHERE ea.org_id = ? AND ea.object_id = o.id)))"
    )
    return Predicate(sql, (org, org, *ENTITY_TYPES, org), reason)


def _scoped(viewer: Principal, scope: Scope) -> Predicate:
    """The objects `viewer` may see that come from a source within `scope`: written or held
    by one, or, for an entity, named by one. The same three parts as the unscoped predicate,
    each joined to the source to test the scope."""
    cond, cond_params = scope.condition("s")
    sees_params: tuple[object, ...] = ()
    if viewer.is_system:
        sees = "1=1"
    elif viewer.org_id is None:
        return Predicate("1=0", (), f"{viewer.kind.value} {viewer.name!r} has no organisation")
    else:
        sees, sees_params = _sees(viewer.org_id, "s.id")
    test, params = f"{cond} AND {sees}", (*cond_params, *sees_params)
    sql = (
        f"(EXISTS (SELECT 1 FROM sources s WHERE s.id = o.source_id AND {test}) "
        "OR EXISTS (SELECT 1 FROM object_holders h CROSS JOIN sources s "
        f"WHERE h.seq = o.seq AND s.id = h.source_id AND {test}) "
        f"OR (o.type IN ({_marks(ENTITY_TYPES)}) AND EXISTS (SELECT 1 FROM mentions m "
        f"CROSS JOIN sources s WHERE m.object_id = o.id AND s.id = m.source_id AND {test})))"
    )
    reason = f"what {viewer.name!r} may see, from sources within the {scope.kind} scope"
    return Predicate(sql, (*params, *params, *ENTITY_TYPES, *params), reason)


def counting_sql(viewer: Principal) -> tuple[str, tuple[object, ...]]:
    """``SELECT type, latest, revoked, count`` over the versions `viewer` may see, grouped by
    the first three. For an organisation's user it is summed from three disjoint parts that
    indexes drive (versions of its visible sources; versions held by its visible sources but
    written by others; entities it sees only through sources that name them), so that it
    costs what the viewer sees, not what the store holds."""
    if viewer.is_system:
        return "SELECT o.type, o.latest, o.revoked, COUNT(*) FROM objects o GROUP BY 1, 2, 3", ()
    if viewer.org_id is None:
        return "SELECT o.type, o.latest, o.revoked, COUNT(*) FROM objects o WHERE 1=0 " \
               "GROUP BY 1, 2, 3", ()  # fmt: skip
    org = viewer.org_id
    own, _ = _sees(org, "o.source_id")
    held = (
        "EXISTS (SELECT 1 FROM object_holders h2 CROSS JOIN source_audience a2 "
        "WHERE h2.seq = o.seq AND a2.source_id = h2.source_id AND a2.org_id = ?)"
    )
    sql = (
        "SELECT t, l, r, SUM(n) FROM ("
        "SELECT o.type AS t, o.latest AS l, o.revoked AS r, COUNT(*) AS n "
        "FROM source_audience a CROSS JOIN objects o "
        "WHERE a.org_id = ? AND o.source_id = a.source_id GROUP BY 1, 2, 3 "
        "UNION ALL SELECT o.type, o.latest, o.revoked, COUNT(DISTINCT o.seq) "
        "FROM source_audience a CROSS JOIN object_holders h CROSS JOIN objects o "
        f"WHERE a.org_id = ? AND h.source_id = a.source_id AND o.seq = h.seq AND NOT {own} "
        "GROUP BY 1, 2, 3 "
        "UNION ALL SELECT o.type, o.latest, o.revoked, COUNT(*) "
        "FROM entity_audience ea CROSS JOIN objects o "
        f"WHERE ea.org_id = ? AND o.id = ea.object_id AND NOT {own} AND NOT {held} "
        "GROUP BY 1, 2, 3) parts GROUP BY t, l, r"
    )
    return sql, (org, org, org, org, org, org)
