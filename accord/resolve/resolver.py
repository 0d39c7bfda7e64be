"""Identity across documents: the persons, organisations, places, threat actors and meetings
of a new document that the store already holds under other names become references to the
stored ones.

An incoming entity the store does not hold by id is looked for in a few small blocks of the
store (:class:`accord.resolve.names.Blocks`: the ids its names give, a word of the full-text
index, prefixes of the index over names), each an indexed, viewer-scoped read with a limit;
the candidates found are compared with it by the rules of `accord.resolve.names`. One
compatible candidate, or several that could all be one entity, and it merges into the closest;
candidates that are two entities (a Jan and an Anna Kowalski for a bare "Kowalski") leave it
new. Meetings come next, once their participants are resolved (`accord.resolve.meetings`).

The work per entity is bounded by the number of blocks and the limit on each, whatever the size
of the store, so ingesting N documents costs O(N), not O(N²). A merge is a guess about the
world made from names: the rules prefer leaving two entities over merging two people.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import combinations
from typing import Any

from accord.errors import NotFoundError
from accord.resolve.entities import Kind, kind_of
from accord.resolve.meetings import meeting_prefix, meetings_compatible, participants, same_setting
from accord.resolve.refs import duplicate_relationships, rewrite
from accord.sharing import Principal
from accord.stix import extensions as ext
from accord.store import ObjectQuery, Store

Obj = dict[str, Any]
BLOCK_LIMIT = 50  # candidates read per block
MAX_COMPATIBLE = 10  # more compatible candidates than this: the name is too vague to merge


def resolve(
    objects: Sequence[Obj],
    store: Store,
    *,
    viewer: Principal,
    meetings_viewer: Principal | None = None,
) -> tuple[list[Obj], dict[str, str]]:
    """(the objects with the entities and meetings the store holds under other ids merged into
    those, {incoming id: stored id}) — see :class:`Resolver`. Meetings are facts: they merge
    only into meetings `meetings_viewer` (by default `viewer`) may see."""
    return Resolver(store, viewer=viewer, meetings_viewer=meetings_viewer).resolve(objects)


class Resolver:
    """Resolves incoming objects against one store as one viewer sees it; `comparisons` counts
    the candidates compared with each incoming object."""

    def __init__(
        self,
        store: Store,
        *,
        viewer: Principal,
        limit: int = BLOCK_LIMIT,
        meetings_viewer: Principal | None = None,
    ) -> None:
        self.store = store
        self.viewer = viewer
        self.meetings_viewer = meetings_viewer or viewer
        self.limit = limit
        self.comparisons: Counter[str] = Counter()

    def resolve(self, objects: Sequence[Obj]) -> tuple[list[Obj], dict[str, str]]:
        """Drop the incoming entities and meetings found in the store and point every
        reference to them at the stored ones; relationships merging makes identical within the
        objects are kept once. Returns (objects, {incoming id: stored id})."""
        merged = self._entities(objects)
        resolved = rewrite(objects, merged)
        meetings = self._meetings(resolved)
        resolved = rewrite(resolved, meetings)
        return rewrite(resolved, duplicate_relationships(resolved)), merged | meetings

    # --- entities -------------------------------------------------------------------------
    def _entities(self, objects: Sequence[Obj]) -> dict[str, str]:
        entities = [(obj, kind) for obj in objects if (kind := kind_of(obj)) is not None]
        stored = self.store.known_ids([obj["id"] for obj, _ in entities], viewer=self.viewer)
        merged = {}
        for obj, kind in entities:
            if obj["id"] not in stored and (target := self.match(obj, kind)) is not None:
                merged[obj["id"]] = target
        return merged

    def match(self, obj: Obj, kind: Kind) -> str | None:
        """The id of the stored entity `obj` (of `kind`) is, or None."""
        compatible = []
        for candidate in self._candidates(obj, kind):
            self.comparisons[obj["id"]] += 1
            if kind.compatible(obj, candidate):
                compatible.append(candidate)
        chosen = _choose(obj, compatible, kind)
        return None if chosen is None else str(chosen["id"])

    def _candidates(self, obj: Obj, kind: Kind) -> list[Obj]:
        blocks = kind.blocks(obj)
        found = {candidate["id"]: candidate for candidate in self._by_ids(blocks.ids)}
        for word in blocks.words:
            hits = self.store.search(
                word, viewer=self.viewer, types=[kind.type_name], limit=self.limit
            )
            for hit in hits:
                found.setdefault(hit.id, hit.object)
        for prefix in blocks.prefixes:
            named = self.store.find_by_name_prefix(
                kind.type_name, prefix, viewer=self.viewer, limit=self.limit
            )
            for candidate in named:
                found.setdefault(candidate["id"], candidate)
        return [
            candidate for candidate in found.values()
            if candidate["id"] != obj["id"] and not candidate.get("revoked")
            and kind.accepts(candidate)
        ]  # fmt: skip

    def _by_ids(self, ids: Sequence[str]) -> list[Obj]:
        stored = self.store.known_ids(ids, viewer=self.viewer)
        found = []
        for object_id in (object_id for object_id in ids if object_id in stored):
            try:
                found.append(self.store.get(object_id, viewer=self.viewer))
            except NotFoundError:  # gone since: nothing to merge into
                continue
        return found

    # --- meetings -------------------------------------------------------------------------
    def _meetings(self, objects: Sequence[Obj]) -> dict[str, str]:
        parties = participants(objects)
        merged = {}
        for obj in objects:
            if obj.get("type") != ext.MEETING_TYPE or (prefix := meeting_prefix(obj)) is None:
                continue
            target = self._meeting(obj, prefix, parties.get(obj["id"], frozenset()))
            if target is not None:
                merged[obj["id"]] = target
        return merged

    def _meeting(self, meeting: Obj, prefix: str, parties: frozenset[str]) -> str | None:
        named = self.store.find_by_name_prefix(
            ext.MEETING_TYPE, prefix, viewer=self.meetings_viewer, limit=self.limit
        )
        for candidate in named:
            if candidate["id"] == meeting["id"] or not same_setting(meeting, candidate):
                continue
            self.comparisons[meeting["id"]] += 1
            theirs = self._participants(candidate["id"])
            if meetings_compatible(meeting, candidate, parties, theirs):
                return str(candidate["id"])
        return None

    def _participants(self, meeting_id: str) -> frozenset[str]:
        query = ObjectQuery(
            types=["relationship"], target_refs=[meeting_id], include_revoked=False, limit=1000
        )
        found = participants(self.store.query(query, viewer=self.meetings_viewer).objects())
        return found.get(meeting_id, frozenset())


def _choose(obj: Obj, compatible: list[Obj], kind: Kind) -> Obj | None:
    """The closest compatible candidate when they could all be one entity; None when there is
    none, or when they are two entities or more that the name could denote."""
    if not compatible or len(compatible) > MAX_COMPATIBLE:
        return None
    if any(not kind.compatible(a, b) for a, b in combinations(compatible, 2)):
        return None
    return max(compatible, key=lambda candidate: kind.similarity(obj, candidate))
