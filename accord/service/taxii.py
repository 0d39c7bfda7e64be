"""Use cases behind the TAXII 2.1 surface (accord.web.taxii): collections as sharing scopes,
reads in TAXII order, and writes answered with a status resource. What a reader gets from a
collection is what the store's scoped predicate returns; nothing is filtered here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Any

import orjson

from accord.clock import format_timestamp
from accord.errors import ForbiddenError, InputError, NotFoundError, Problem
from accord.service.collector import collector_paused
from accord.service.sharing import SharingCases, require
from accord.sharing import MAX_DISTRIBUTION, Capability, Principal, Scope, ScopeKind, permits
from accord.sharing.access import Access, collection_access, reading_scope, written_distribution
from accord.stix.bundle import CheckedBundle, check_bundle
from accord.stix.markings import marked_tlp, strictest
from accord.store.collections import Collection, Envelope, TaxiiPage, TaxiiQuery
from accord.store.model import NewSource, Sharing
from accord.vocab import TLP, Distribution

Obj = dict[str, Any]


@dataclass(frozen=True, slots=True)
class CollectionView:
    """A collection as one reader sees it."""

    collection: Collection
    access: Access


class TaxiiCases(SharingCases):
    """Mixed into :class:`accord.service.Accord`; audits through SharingCases."""

    # --- collections ----------------------------------------------------------------------
    def collections(self, *, viewer: Principal) -> list[CollectionView]:
        """The collections that exist for `viewer`, with what it may do with each."""
        views = [self._view(c, viewer) for c in self.store.collections()]
        return [view for view in views if view.access.listed]

    def collection(self, key: str, *, viewer: Principal) -> CollectionView:
        """One collection by id (or title); NotFoundError when it does not exist for
        `viewer`, alike whether absent or hidden."""
        try:
            view = self._view(self.store.get_collection(key), viewer)
        except NotFoundError:
            raise NotFoundError("collection", key) from None
        if not view.access.listed:
            raise NotFoundError("collection", key)
        return view

    def add_collection(
        self,
        title: str,
        *,
        scope: ScopeKind,
        actor: Principal,
        group: str | None = None,
        tlp: TLP = TLP.AMBER,
        description: str | None = None,
    ) -> Collection:
        """A new collection of `scope` (``groups`` names a sharing `group`, by name or id);
        the node's administrators only."""
        require(actor, Capability.ADMINISTER, "add collection")
        if not title.strip():
            raise InputError("a collection needs a title")
        group_id = self.store.get_group(group).id if group is not None else None
        made = self.store.add_collection(
            title.strip(), scope=scope, group_id=group_id, tlp=tlp, description=description,
            created=format_timestamp(self.clock.now()),
        )  # fmt: skip
        self.record(actor, "collection.add", made.id, {"title": made.title, "scope": str(scope)})
        return made

    def _view(self, collection: Collection, viewer: Principal) -> CollectionView:
        in_group = self.store.in_group(viewer.org_id, collection.group_id)
        return CollectionView(collection, collection_access(viewer, collection.scope,
                                                            in_group=in_group))  # fmt: skip

    def _readable(self, key: str, viewer: Principal) -> Collection:
        view = self.collection(key, viewer=viewer)
        if not view.access.can_read:
            raise ForbiddenError("read this collection", "the collection is not readable to you")
        return view.collection

    # --- reads ----------------------------------------------------------------------------
    def collection_objects(self, key: str, query: TaxiiQuery, *, viewer: Principal) -> Envelope:
        """One envelope page of what `viewer` may see in the collection, TAXII §5.4."""
        page = self.store.envelope_page(query, viewer=viewer, scope=self._scope(key, viewer))
        if page.restricted and not viewer.is_system:  # as audited_reads, off the page itself
            self.record_many(viewer, "read.restricted", sorted(set(page.restricted)))
        return page

    def collection_manifest(self, key: str, query: TaxiiQuery, *, viewer: Principal) -> TaxiiPage:
        """One page of the manifest of what `viewer` may see in the collection, TAXII §5.3
        (no object is read, so nothing is audited)."""
        scope = self._scope(key, viewer)
        return self.store.collection_page(query, viewer=viewer, scope=scope, objects=False)

    def collection_object(
        self, key: str, object_id: str, query: TaxiiQuery, *, viewer: Principal
    ) -> Envelope:
        """The versions of one object in the collection that match `query` (§5.6);
        NotFoundError when there are none to see."""
        page = self.collection_objects(key, replace(query, ids=[object_id]), viewer=viewer)
        if not page.objects and query.cursor is None:
            raise NotFoundError("object", object_id)
        return page

    def object_versions(
        self, key: str, object_id: str, query: TaxiiQuery, *, viewer: Principal
    ) -> TaxiiPage:
        """The manifest entries of every version of one object in the collection (§5.8);
        NotFoundError when there are none to see."""
        query = replace(query, ids=[object_id], versions=["all"])
        page = self.collection_manifest(key, query, viewer=viewer)
        if not page.entries and query.cursor is None:
            raise NotFoundError("object", object_id)
        return page

    def _scope(self, key: str, viewer: Principal) -> Scope:
        collection = self._readable(key, viewer)
        return reading_scope(viewer, collection.scope, collection.group_id)

    def taxii_status(self, status_id: str, *, viewer: Principal) -> dict[str, Any]:
        return self.store.get_status(status_id, viewer=viewer)

    # --- writes ---------------------------------------------------------------------------
    def add_to_collection(self, key: str, body: bytes, *, viewer: Principal) -> dict[str, Any]:
        """Store the objects of a TAXII envelope (§5.5), owned by the writer's organisation
        and distributed as the collection's scope says; the answer is the status resource.
        Each object succeeds or fails on its own; an envelope that is not one fails whole
        (InputError) and writes nothing. The objects, the status and the audit event are
        written in one transaction."""
        view = self.collection(key, viewer=viewer)
        if not view.access.can_write:
            raise ForbiddenError("add objects", "the collection is not writable to you")
        with collector_paused():
            return self._add(view.collection, body, viewer)

    def _add(self, collection: Collection, body: bytes, viewer: Principal) -> dict[str, Any]:
        raw_objects = _envelope_objects(body)
        checked = check_bundle("envelope", None, raw_objects)
        failures = [_failure(raw_objects, p) for p in _first_problems(checked.problems)]
        kept, refused, tlp = _within_tlp(checked, collection.tlp,
                                         written_distribution(collection.scope))  # fmt: skip
        failures.extend(refused)
        status_id = str(uuid.uuid4())
        now = format_timestamp(self.clock.now())
        with self.store.held_write():
            successes = self._store_envelope(collection, kept, tlp, viewer, status_id, now,
                                             failures)  # fmt: skip
            successes.extend(_duplicates(raw_objects, checked))
            status = {
                "id": status_id, "status": "complete", "request_timestamp": now,
                "total_count": len(raw_objects), "success_count": len(successes),
                "successes": successes, "failure_count": len(failures), "failures": failures,
                "pending_count": 0, "pendings": [],
            }  # fmt: skip
            self.store.put_status(status, collection_id=collection.id, org_id=viewer.org_id)
            self.record(viewer, "taxii.add", collection.id,
                        {"status": status_id, "succeeded": len(successes),
                         "failed": len(failures)})  # fmt: skip
        return status

    def _store_envelope(
        self, collection: Collection, kept: CheckedBundle, tlp: TLP, viewer: Principal,
        status_id: str, now: str, failures: list[dict[str, str]],
    ) -> list[dict[str, str]]:  # fmt: skip
        """Write the envelope's acceptable objects as one source marked `tlp`; their successes
        (and, added to `failures`, the versions that conflict with stored ones)."""
        if not kept.objects:
            return []
        groups = (collection.group_id,) if collection.group_id is not None else ()
        sharing = Sharing(tlp, written_distribution(collection.scope), groups)
        result = self.store.put_objects(
            kept.objects, kept.versions, date_added=now, skip_conflicts=True,
            source=NewSource("bundle", f"taxii-status--{status_id}",
                             f"TAXII: {collection.title}", viewer.org_id, sharing),
        )  # fmt: skip
        conflicted = {p.index for p in result.problems}
        successes = []
        for at, obj in enumerate(kept.objects):
            if at in conflicted:
                failures.append({"id": obj["id"], "version": _version(obj),
                                 "message": "a version with this id and modified is "
                                 "already stored with different content"})  # fmt: skip
            else:
                successes.append({"id": obj["id"], "version": _version(obj)})
        return successes


def _envelope_objects(body: bytes) -> list[Any]:
    if not body.strip():
        raise InputError("the request body is empty: send a TAXII envelope")
    try:
        envelope = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise InputError(f"the request body is not valid JSON: {exc}") from None
    if not isinstance(envelope, dict):
        raise InputError("a TAXII envelope is a JSON object with an 'objects' list")
    objects = envelope.get("objects", [])
    if not isinstance(objects, list):
        raise InputError("the envelope's 'objects' must be a list")
    return objects


def _first_problems(problems: list[Problem]) -> list[Problem]:
    """One problem per refused object (the first found), for its failure message."""
    seen: dict[int | None, Problem] = {}
    for problem in problems:
        seen.setdefault(problem.index, problem)
    return list(seen.values())


def _failure(objects: list[Any], problem: Problem) -> dict[str, str]:
    obj = objects[problem.index] if problem.index is not None else None
    object_id = problem.object_id or (obj.get("id") if isinstance(obj, dict) else None)
    failure = {"id": str(object_id or "unknown"), "message": _message(problem)}
    if isinstance(obj, dict) and _version(obj):
        failure["version"] = _version(obj)
    return failure


def _message(problem: Problem) -> str:
    return f"{problem.property}: {problem.reason}" if problem.property else problem.reason


def _version(obj: Obj) -> str:
    value = obj.get("modified") or obj.get("created") or ""
    return value if isinstance(value, str) else ""


def _effective(obj: Obj, default: TLP) -> TLP:
    return marked_tlp(obj) or default


def _within_tlp(
    checked: CheckedBundle, default: TLP, distribution: Distribution
) -> tuple[CheckedBundle, list[dict[str, str]], TLP]:
    """The checked objects whose TLP level allows `distribution`, a failure for each of the
    others, and the strictest level among those kept (`default` when none is marked)."""
    kept = CheckedBundle(checked.source, checked.bundle_id)
    refused: list[dict[str, str]] = []
    levels: set[TLP] = set()
    for obj, version, position in zip(checked.objects, checked.versions, checked.positions,
                                      strict=True):  # fmt: skip
        tlp = _effective(obj, default)
        if permits(tlp, distribution):
            levels.add(tlp)
            kept.objects.append(obj)
            kept.versions.append(version)
            kept.positions.append(position)
        else:
            refused.append({
                "id": obj["id"], "version": _version(obj),
                "message": f"TLP:{tlp.upper()} may not be distributed to {distribution} "
                f"(at most {MAX_DISTRIBUTION[tlp]})",
            })  # fmt: skip
    return kept, refused, strictest(levels) or default


def _duplicates(objects: list[Any], checked: CheckedBundle) -> list[dict[str, str]]:
    """Exact repeats within the envelope succeed as their first copy did."""
    if not checked.duplicates:
        return []
    taken = set(checked.positions)
    refused = {p.index for p in checked.problems}
    return [{"id": obj["id"], "version": _version(obj)}
            for at, obj in enumerate(objects)
            if at not in taken and at not in refused and isinstance(obj, dict)]  # fmt: skip
