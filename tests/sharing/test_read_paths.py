"""Every read path of the store and the service, checked against the reference model
(tests/sharing/model.py) on worlds hypothesis generates: what a viewer gets is exactly what
the model says it may see — as items, counts, search hits, names in an entity view, and the
same error as for an id that does not exist."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings

from accord.errors import NotFoundError
from accord.service import Accord
from accord.sharing import SYSTEM, Scope, ScopeKind
from accord.store import ObjectQuery, Store, open_store
from accord.store.collections import TaxiiQuery
from tests.sharing.model import (
    ENTITIES,
    SCOPES,
    Change,
    Src,
    World,
    build_store,
    changes,
    entity_id,
    facts,
    report_id,
    viewer,
    worlds,
)

MISSING = "campaign--00000000-0000-4000-8000-00000000dead"


def expected_ids(world: World, org: int) -> set[str]:
    ids = {entity_id(k) for k in range(ENTITIES) if world.sees_entity(org, k)}
    for src in world.sources:
        if world.sees_source(org, src):
            ids.update(obj["id"] for obj in facts(src))
            ids.update(src.definitions)
    return ids


def all_ids(world: World) -> set[str]:
    ids = {entity_id(k) for k in range(ENTITIES) if any(k in s.names for s in world.sources)}
    for src in world.sources:
        ids.update(obj["id"] for obj in facts(src))
        ids.update(src.definitions)
    return ids


def not_found_text(call: Callable[[str], Any], key: str) -> str | None:
    """The error text of `call(key)` with the key taken out, or None when it found something."""
    try:
        call(key)
    except NotFoundError as exc:
        return str(exc).replace(key, "<key>")
    return None


class Checker:
    """Runs every read path for one viewer and counts the cases checked."""

    def __init__(self, service: Accord, world: World, cases: Counter[str]) -> None:
        self.service, self.store, self.world, self.cases = service, service.store, world, cases

    def check(self, org: int) -> None:
        who, want = viewer(org, self.world), expected_ids(self.world, org)
        for name, path in (
            ("query", self.query), ("get", self.get), ("versions", self.versions),
            ("search", self.search), ("stats", self.stats), ("known_ids", self.known_ids),
            ("name_prefix", self.name_prefix), ("export", self.export),
            ("documents", self.documents), ("get_document", self.get_document),
            ("sources", self.sources), ("mentions", self.mentions), ("entity", self.entity),
            ("taxii_scopes", self.taxii_scopes), ("taxii_collections", self.taxii_collections),
        ):  # fmt: skip
            path(org, who, want)
            self.cases[name] += 1

    def taxii_scopes(self, org: int, who: Any, want: set[str]) -> None:
        """The store's TAXII read within every scope, against the model's scopes."""
        scopes = [(kind, None) for kind in SCOPES if kind != "groups"]
        scopes += [("groups", gid) for gid in range(1, len(self.world.groups) + 1)]
        for kind, gid in scopes:
            scope = Scope(ScopeKind(kind), org_id=org if kind == "owner" else None,
                          group_id=gid)  # fmt: skip
            page = self.store.collection_page(TaxiiQuery(limit=10_000), viewer=who, scope=scope)
            got = {e.id for e in page.entries}
            assert got == self.world.scoped_ids(org, kind, gid), (kind, gid)
            assert got <= want

    def taxii_collections(self, org: int, who: Any, want: set[str]) -> None:
        """The node's own collections through the service: a peer has no community
        collection (the same error as for one that does not exist)."""
        missing = not_found_text(lambda k: self.service.collection(k, viewer=who), MISSING)
        for view in self.service.store.collections():
            kind = view.scope.value
            text = not_found_text(lambda k: self.service.collection(k, viewer=who), view.id)
            if kind == "community" and org in self.world.peers:
                assert text is not None and text.replace(view.id, "") == missing
                continue
            assert text is None
            want = self.world.scoped_ids(org, kind)
            page = self.service.collection_objects(view.id, TaxiiQuery(limit=10_000),
                                                   viewer=who)  # fmt: skip
            assert set(page.ids) == want
            assert len(page.objects) == len(page.ids)
            assert {orjson.loads(raw)["id"] for raw in page.objects} == want
            manifest = self.service.collection_manifest(view.id, TaxiiQuery(limit=10_000),
                                                        viewer=who)  # fmt: skip
            assert {e.id for e in manifest.entries} == want

    def query(self, org: int, who: Any, want: set[str]) -> None:
        page = self.service.query(ObjectQuery(limit=10_000), viewer=who)
        assert set(page.ids) == want

    def get(self, org: int, who: Any, want: set[str]) -> None:
        missing = not_found_text(lambda k: self.store.get(k, viewer=who), MISSING)
        for object_id in all_ids(self.world):
            text = not_found_text(lambda k: self.service.get(k, viewer=who), object_id)
            assert (text is None) == (object_id in want), object_id
            assert text in (None, missing)  # the same words as for an id never stored

    def versions(self, org: int, who: Any, want: set[str]) -> None:
        for object_id in all_ids(self.world):
            text = not_found_text(lambda k: self.service.versions(k, viewer=who), object_id)
            assert (text is None) == (object_id in want), object_id

    def search(self, org: int, who: Any, want: set[str]) -> None:
        hits = {hit.id for hit in self.service.search("common", viewer=who, limit=1000)}
        assert hits == {i for i in want if i.startswith(("identity--", "campaign--"))}

    def stats(self, org: int, who: Any, want: set[str]) -> None:
        stats = self.service.stats(viewer=who)
        assert stats.objects == len(want)
        seen = sum(self.world.sees_source(org, s) for s in self.world.sources)
        assert stats.documents == seen

    def known_ids(self, org: int, who: Any, want: set[str]) -> None:
        assert self.store.known_ids(sorted(all_ids(self.world)), viewer=who) == want

    def name_prefix(self, org: int, who: Any, want: set[str]) -> None:
        found = {o["id"] for o in self.store.find_by_name_prefix("identity", "Person", viewer=who)}
        assert found == {i for i in want if i.startswith("identity--")}

    def export(self, org: int, who: Any, want: set[str]) -> None:
        out = io.BytesIO()
        self.service.export(ObjectQuery(), out, viewer=who)
        assert {o["id"] for o in orjson.loads(out.getvalue())["objects"]} == want

    def _visible_sources(self, org: int) -> list[Src]:
        return [s for s in self.world.sources if self.world.sees_source(org, s)]

    def documents(self, org: int, who: Any, want: set[str]) -> None:
        docs, _ = self.service.documents(viewer=who, limit=1000)
        assert {d["id"] for d in docs} == {report_id(s) for s in self._visible_sources(org)}

    def get_document(self, org: int, who: Any, want: set[str]) -> None:
        for src in self.world.sources:
            key = report_id(src)
            text = not_found_text(lambda k: self.service.document(k, viewer=who), key)
            assert (text is None) == self.world.sees_source(org, src)
            if text is None:
                view = self.service.document(key, viewer=who)
                assert {f["id"] for f in view["facts"]} == {o["id"] for o in facts(src)}
                assert {e["object"]["id"] for e in view["entities"]} == {
                    entity_id(k) for k in src.names
                } | src.definitions

    def sources(self, org: int, who: Any, want: set[str]) -> None:
        refs = {s.ref for s in self.service.sources(viewer=who)}
        assert refs == {report_id(s) for s in self._visible_sources(org)}

    def mentions(self, org: int, who: Any, want: set[str]) -> None:
        for k in range(ENTITIES):
            got = {sid for _, sid, _ in self.store.mentions(viewer=who, object_id=entity_id(k))}
            refs = (
                {s.ref for s in self.store.sources(viewer=SYSTEM, ids=sorted(got))}
                if got
                else set()
            )
            assert refs == {report_id(s) for s in self._visible_sources(org) if k in s.names}

    def entity(self, org: int, who: Any, want: set[str]) -> None:
        for k in range(ENTITIES):
            key = entity_id(k)
            text = not_found_text(lambda k: self.service.entity(k, viewer=who), key)
            assert (text is None) == (key in want)
            if text is None:
                view = self.service.entity(key, viewer=who)
                shown = {
                    o["id"]
                    for kind in (
                        "roles",
                        "quotes",
                        "affiliations",
                        "meetings",
                        "initiatives",
                        "related",
                    )
                    for o in view[kind]
                }
                mine = {
                    f["id"]
                    for s in self._visible_sources(org)
                    for f in facts(s)
                    if f["type"] == "relationship" and f["source_ref"] == key
                }
                assert shown == mine  # every fact it may see about the entity, and no other
                assert {s["source"]["ref"] for s in view["sources"]} == {
                    report_id(s) for s in self._visible_sources(org) if k in s.names
                }


def run(examples: int, fresh_url: Callable[[], str] = lambda: "sqlite:///:memory:") -> Counter[str]:
    cases: Counter[str] = Counter()

    @settings(max_examples=examples, deadline=None,
              suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    @given(world=worlds(), change=changes())
    def check(world: World, change: Change) -> None:
        store = open_store(fresh_url())
        try:
            build_store(store, world)
            service = Accord(store)
            for org in range(1, world.orgs + 1):
                Checker(service, world, cases).check(org)
            # Then the world changes (a source is shared anew, a group gains or loses a
            # member) and every path must follow at once.
            ((checkpoint,),) = store._read("SELECT MAX(o.date_added) FROM objects o")
            changed = change.apply(service, world)
            for org in range(1, changed.orgs + 1):
                Checker(service, changed, cases).check(org)
                # What an organisation came to see is added again: a TAXII client polling
                # from a checkpoint taken before the change receives it.
                gained = expected_ids(changed, org) - expected_ids(world, org)
                page = store.collection_page(
                    TaxiiQuery(added_after=checkpoint, limit=10_000),
                    viewer=viewer(org, changed), scope=Scope(),
                )  # fmt: skip
                assert gained <= {e.id for e in page.entries}, (org, gained)
                cases["taxii_added_again"] += 1
        finally:
            store.close()

    check()
    return cases


def test_every_read_path_matches_the_model() -> None:
    cases = run(40)
    assert sum(cases.values()) >= 2000, cases


@pytest.mark.postgres
def test_every_read_path_matches_the_model_on_postgresql(pg_url: str) -> None:
    """The same on PostgreSQL, fewer worlds: each gets a schema of its own."""
    import uuid

    import psycopg

    from tests.conftest import PG_URL, pg_schema_url

    assert PG_URL is not None
    schemas: list[str] = []

    def fresh() -> str:
        schemas.append(f"accord_model_{uuid.uuid4().hex[:12]}")
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schemas[-1]}")
        return pg_schema_url(schemas[-1])

    try:
        cases = run(12, fresh)
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            for schema in schemas:
                conn.execute(f"DROP SCHEMA {schema} CASCADE")
    assert sum(cases.values()) >= 300, cases


@pytest.mark.slow
def test_every_read_path_matches_the_model_at_length() -> None:
    cases = run(300)
    assert sum(cases.values()) >= 10_000, cases


def test_system_sees_everything(store: Store) -> None:
    from tests.sharing.model import Src

    world = World(2, [], [Src(1, "red", "owner", (), frozenset({0})),
                          Src(2, "amber", "owner", (), frozenset({1}))])  # fmt: skip
    build_store(store, world)
    page = store.query(ObjectQuery(limit=100), viewer=SYSTEM)
    assert set(page.ids) == all_ids(world)
