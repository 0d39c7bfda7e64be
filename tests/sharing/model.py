"""A reference model of the sharing rules in plain Python, written from docs/sharing.md and
independent of accord.sharing, and worlds to check the store against it.

A world has organisations, sharing groups with members, and sources (documents), each with an
owner, a TLP level, a distribution and groups. Each source names some of a small pool of
entities (persons) and writes facts: a campaign and a relationship from it to each entity it
names, and a document."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from accord.sharing import user
from accord.store import Document, Store
from accord.store.model import NewSource, Sharing
from accord.vocab import TLP, Distribution, Role
from tests.factories import checked

ENTITIES = 3
T0 = "2026-05-01T00:00:00.000Z"
# Which TLP levels may go how wide (TLP 2.0, as docs/sharing.md states it).
WIDEST = {
    "clear": "federation", "green": "federation", "amber": "community",
    "amber+strict": "groups", "red": "groups",
}  # fmt: skip
ORDER = ["owner", "groups", "community", "federation"]


@dataclass(frozen=True)
class Src:
    owner: int
    tlp: str
    distribution: str
    groups: tuple[int, ...]
    names: frozenset[int]
    key: str = field(default_factory=lambda: uuid.uuid4().hex)
    # definitions the source names once its facts are marked anew (TLP marking-definitions)
    definitions: frozenset[str] = frozenset()


# TAXII collection scopes (docs/taxii.md): which sources a scope holds, for reader `org`.
SCOPES = ("visible", "owner", "groups", "community", "federation")


@dataclass
class World:
    orgs: int
    groups: list[tuple[int, frozenset[int]]]  # (owner, members), group id = index + 1
    sources: list[Src]
    peers: frozenset[int] = frozenset()  # organisations that are other nodes

    # --- the rules --------------------------------------------------------------------------
    def sees_source(self, org: int, src: Src) -> bool:
        if src.owner == org:
            return True
        if org in self.peers:  # another node: the federation only, under CLEAR or GREEN
            if src.distribution == "federation" and src.tlp in ("clear", "green"):
                return True
        elif src.distribution in ("community", "federation") and src.tlp in (
            "clear",
            "green",
            "amber",
        ):
            return True
        if src.distribution == "groups":
            return any(org in self.groups[g - 1][1] for g in src.groups)
        return False

    def sees_entity(self, org: int, entity: int) -> bool:
        return any(entity in s.names and self.sees_source(org, s) for s in self.sources)

    def in_scope(self, src: Src, scope: str, org: int, group: int | None = None) -> bool:
        if scope == "owner":
            return src.owner == org
        if scope == "groups":
            return src.distribution == "groups" and group in src.groups
        if scope == "community":
            return src.distribution in ("community", "federation")
        if scope == "federation":
            return src.distribution == "federation"
        return True

    def scoped_ids(self, org: int, scope: str, group: int | None = None) -> set[str]:
        """What `org` reads from a collection of `scope`: the facts and definitions of the
        sources it sees within the scope, and the entities those name."""
        ids: set[str] = set()
        for src in self.sources:
            if self.sees_source(org, src) and self.in_scope(src, scope, org, group):
                ids.update(obj["id"] for obj in facts(src))
                ids.update(src.definitions)
                ids.update(entity_id(k) for k in src.names)
        return ids


def entity_id(k: int) -> str:
    return f"identity--{uuid.uuid5(uuid.NAMESPACE_URL, f'person {k}')}"


def person(k: int) -> dict[str, Any]:
    return {
        "type": "identity", "spec_version": "2.1", "id": entity_id(k), "created": T0,
        "modified": T0, "name": f"Person {k} common", "identity_class": "individual",
    }  # fmt: skip


def facts(src: Src) -> list[dict[str, Any]]:
    campaign = f"campaign--{uuid.UUID(hex=src.key)}"
    out: list[dict[str, Any]] = [{
        "type": "campaign", "spec_version": "2.1", "id": campaign, "created": T0,
        "modified": T0, "name": f"Campaign {src.key[:6]} common",
    }]  # fmt: skip
    for k in sorted(src.names):
        rel = uuid.uuid5(uuid.UUID(hex=src.key), str(k))
        out.append({
            "type": "relationship", "spec_version": "2.1", "id": f"relationship--{rel}",
            "created": T0, "modified": T0, "relationship_type": "related-to",
            "source_ref": entity_id(k), "target_ref": campaign,
        })  # fmt: skip
    return out


def report_id(src: Src) -> str:
    return f"report--{uuid.UUID(hex=src.key)}"


def viewer(org: int, world: World | None = None) -> Any:
    peer = world is not None and org in world.peers
    return user(f"user{org}", org_id=org, role=Role.READER, peer=peer)


# --- worlds ---------------------------------------------------------------------------------


@st.composite
def worlds(draw: st.DrawFn) -> World:
    orgs = draw(st.integers(2, 4))
    org = st.integers(1, orgs)
    groups = draw(st.lists(st.tuples(org, st.frozensets(org, max_size=orgs)), max_size=3))
    sources = draw(st.lists(_source(orgs, groups), min_size=1, max_size=5))
    peers = draw(st.frozensets(org, max_size=orgs - 1))
    return World(orgs, groups, sources, peers)


def _source(orgs: int, groups: list[tuple[int, frozenset[int]]]) -> st.SearchStrategy[Src]:
    @st.composite
    def build(draw: st.DrawFn) -> Src:
        owner = draw(st.integers(1, orgs))
        tlp = draw(st.sampled_from(list(WIDEST)))
        widest = ORDER.index(WIDEST[tlp])
        distribution = draw(st.sampled_from(ORDER[: widest + 1]))
        own = [g + 1 for g, (o, members) in enumerate(groups) if o == owner or owner in members]
        chosen: tuple[int, ...] = ()
        if distribution == "groups":
            if not own:
                distribution = "owner"
            else:
                chosen = tuple(sorted(draw(st.sets(st.sampled_from(own), min_size=1))))
        names = draw(st.frozensets(st.integers(0, ENTITIES - 1)))
        return Src(owner, tlp, distribution, chosen, names)

    return build()


def build_store(store: Store, world: World) -> None:
    """Write the world into an empty store: organisations, groups and members directly (the
    principals have their own tests), sources through the store's own write path."""
    with store._write() as tx:
        for org in range(1, world.orgs + 1):
            tx.execute(
                "INSERT INTO organisations (id, name, identity_id, created, kind) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    org,
                    f"Org {org}",
                    f"identity--{uuid.uuid5(uuid.NAMESPACE_URL, str(org))}",
                    T0,
                    "peer" if org in world.peers else "member",
                ],
            )
        for gid, (owner, members) in enumerate(world.groups, start=1):
            tx.execute(
                "INSERT INTO sharing_groups (id, name, owner_org, created) VALUES (?, ?, ?, ?)",
                [gid, f"Group {gid}", owner, T0],
            )
            for member in sorted(members):
                tx.execute(
                    "INSERT INTO group_members (org_id, group_id) VALUES (?, ?)", [member, gid]
                )
    for src in world.sources:
        put_source(store, src)


def sharing_of(src: Src) -> Sharing:
    return Sharing(TLP(src.tlp), Distribution(src.distribution), src.groups)


def put_source(store: Store, src: Src) -> None:
    objects, versions = checked(*[person(k) for k in sorted(src.names)], *facts(src))
    digest = hashlib.sha256(src.key.encode()).hexdigest()
    store.put_objects(
        objects, versions, date_added=T0,
        source=NewSource("document", report_id(src), f"{src.key}.txt", src.owner,
                         sharing_of(src)),
        document=Document(report_id(src), digest, f"text of {src.key}", title=src.key),
    )  # fmt: skip


@dataclass(frozen=True)
class Change:
    """Share source number `source` anew (as its owner would), and flip organisation
    `member`'s membership of group `group` (when there are groups)."""

    source: int
    tlp: str
    distribution: str
    group: int
    member: int

    def apply(self, service: Any, world: World) -> World:
        import dataclasses

        from accord.store.audience import refresh_groups

        groups = list(world.groups)
        if groups:
            gid = self.group % len(groups) + 1
            owner, members = groups[gid - 1]
            member = self.member % world.orgs + 1
            with service.store._write() as tx:
                if member in members:
                    tx.execute("DELETE FROM group_members WHERE org_id = ? AND group_id = ?",
                               [member, gid])  # fmt: skip
                    members = members - {member}
                else:
                    tx.execute("INSERT INTO group_members (org_id, group_id) VALUES (?, ?)",
                               [member, gid])  # fmt: skip
                    members = members | {member}
                refresh_groups(tx, [gid])
            groups[gid - 1] = (owner, members)
        sources = list(world.sources)
        i = self.source % len(sources)
        src = sources[i]
        own = [g + 1 for g, (o, m) in enumerate(groups) if o == src.owner or src.owner in m]
        distribution, chosen = self.distribution, ()
        if ORDER.index(distribution) > ORDER.index(WIDEST[self.tlp]):
            distribution = WIDEST[self.tlp]
        if distribution == "groups":
            chosen = tuple(own[:1])
            distribution = "groups" if chosen else "owner"
        from accord.stix.markings import TLP2_EXTENSION, TLP_MARKING_IDS

        definitions = src.definitions
        if self.tlp != src.tlp:  # the facts are versioned with the new marking
            definitions |= {TLP2_EXTENSION, TLP_MARKING_IDS[TLP(self.tlp)]}
        new = dataclasses.replace(src, tlp=self.tlp, distribution=distribution, groups=chosen,
                                  definitions=definitions)  # fmt: skip
        owner = user("owner", org_id=src.owner, role=Role.EDITOR)
        service.share(report_id(src), sharing_of(new), viewer=owner)
        sources[i] = new
        return World(world.orgs, groups, sources, world.peers)


def changes() -> st.SearchStrategy[Change]:
    return st.builds(
        Change, st.integers(0, 10), st.sampled_from(list(WIDEST)), st.sampled_from(ORDER),
        st.integers(0, 10), st.integers(0, 10),
    )  # fmt: skip
