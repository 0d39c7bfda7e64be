"""Paging a TAXII collection in TAXII order, (date_added, seq), by the keyset cursor: every
row once, in order, whether the cursor falls inside a run of rows added together or at its
end, and when rows are added again (a later date_added, an earlier seq). A sharing change
adds rows again at its own time, which must be stored as a sort key like every date_added:
the cursor of a page that ends on one is read back as one. The cursor page is read as two
ranges of the order index (the rest of the cursor's date_added, then every later one):
bench/taxii.py found the single row-value range quadratic on SQLite."""

from __future__ import annotations

import pytest

from accord.sharing import SYSTEM, Principal, Scope, ScopeKind, user
from accord.store import Store
from accord.store.collections import TaxiiQuery, encode_taxii_cursor
from accord.store.model import NewSource, Sharing
from accord.store.sqlite import SQLiteStore
from accord.vocab import TLP, Distribution, OrgKind, Role
from tests.factories import checked, new_id, relationship

T1, T2, T3, T4 = (f"2026-05-0{day}T00:00:00.000Z" for day in (1, 2, 3, 4))
FEDERATION = Scope(ScopeKind.FEDERATION)
SHARED = Sharing(TLP.GREEN, Distribution.FEDERATION)
KEPT = Sharing(TLP.AMBER, Distribution.OWNER)


def facts(count: int) -> list[dict[str, object]]:
    return [relationship(new_id("indicator"), new_id("malware")) for _ in range(count)]


def put(store: Store, objects: list[dict[str, object]], at: str, owner: int,
        sharing: Sharing) -> int:  # fmt: skip
    objs, versions = checked(*objects)
    source = NewSource("bundle", new_id("bundle"), None, owner, sharing)
    result = store.put_objects(objs, versions, date_added=at, source=source)
    assert result.source_id is not None
    return result.source_id


def page_through(store: Store, viewer: Principal, scope: Scope, limit: int,
                 **filters: object) -> list[str]:  # fmt: skip
    seen: list[str] = []
    query = TaxiiQuery(limit=limit, **filters)  # type: ignore[arg-type]
    while True:
        page = store.collection_page(query, viewer=viewer, scope=scope)
        assert len(page.entries) <= limit
        seen += [entry.id for entry in page.entries]
        if page.next_cursor is None:
            return seen
        assert len(page.entries) == limit
        query = TaxiiQuery(limit=limit, cursor=page.next_cursor, **filters)  # type: ignore[arg-type]


@pytest.fixture
def world(store: Store) -> tuple[Store, Principal, dict[str, list[str]]]:
    """Batch A (25 facts) written owner-only at T1, batch B (25) shared with the federation at
    T2, batch C (10) kept by its owner at T3; then A shared with the federation at T4, so its
    rows are added again: after B in TAXII order, though their seq is lower."""
    owner = store.add_organisation("Owner", created=T1).id
    peer = store.add_organisation("Peer", created=T1, kind=OrgKind.PEER).id
    batches = {name: facts(n) for name, n in (("a", 25), ("b", 25), ("c", 10))}
    source_a = put(store, batches["a"], T1, owner, KEPT)
    put(store, batches["b"], T2, owner, SHARED)
    put(store, batches["c"], T3, owner, KEPT)
    store.share(source_a, SHARED, viewer=SYSTEM, now=T4)
    viewer = user("p_node", org_id=peer, role=Role.ANALYST, peer=True)
    return store, viewer, {name: [str(o["id"]) for o in objs] for name, objs in batches.items()}


@pytest.mark.parametrize("limit", [1, 7, 25, 26, 50, 1000])
def test_pages_give_every_row_once_in_taxii_order(
    world: tuple[Store, Principal, dict[str, list[str]]], limit: int
) -> None:
    store, peer, ids = world
    assert page_through(store, peer, FEDERATION, limit) == ids["b"] + ids["a"]
    everything = page_through(store, SYSTEM, Scope(), limit)
    assert everything == ids["b"] + ids["c"] + ids["a"]


def test_a_cursor_inside_a_run_of_rows_added_together_starts_right_after_it(
    world: tuple[Store, Principal, dict[str, list[str]]],
) -> None:
    store, peer, ids = world
    page = store.collection_page(TaxiiQuery(limit=30), viewer=peer, scope=FEDERATION)
    last = page.entries[-1]  # the 5th of A's rows, added again together at T4
    assert [e.id for e in page.entries] == ids["b"] + ids["a"][:5]
    rest = store.collection_page(TaxiiQuery(limit=100, cursor=page.next_cursor), viewer=peer,
                                 scope=FEDERATION)  # fmt: skip
    assert [e.id for e in rest.entries] == ids["a"][5:] and rest.next_cursor is None
    assert all(e.date_added == last.date_added for e in rest.entries)


def test_cursor_paging_with_added_after(
    world: tuple[Store, Principal, dict[str, list[str]]],
) -> None:
    store, peer, ids = world
    assert page_through(store, peer, FEDERATION, 4, added_after=T2) == ids["a"]
    assert page_through(store, peer, FEDERATION, 4, added_after=T4) == []


def test_the_cursor_page_is_two_ranges_of_the_order_index() -> None:
    """SQLite keeps no statistics: the plan must seek to (date_added, seq) itself, not start
    at the cursor's date_added and step over the rows already served."""
    store = SQLiteStore(":memory:")  # reads run on the writer connection: one trace sees all
    try:
        owner = store.add_organisation("Owner", created=T1).id
        put(store, facts(30), T1, owner, SHARED)
        first = store.collection_page(TaxiiQuery(limit=10), viewer=SYSTEM, scope=FEDERATION)
        assert first.next_cursor is not None
        statements: list[str] = []
        store._writer.set_trace_callback(statements.append)
        try:
            store.collection_page(TaxiiQuery(limit=10, cursor=first.next_cursor),
                                  viewer=SYSTEM, scope=FEDERATION)  # fmt: skip
        finally:
            store._writer.set_trace_callback(None)
        (sql,) = [s for s in statements if "FROM objects o" in s]
        plan = " | ".join(str(row[-1]) for row in
                          store._writer.execute(f"EXPLAIN QUERY PLAN {sql}"))  # fmt: skip
        assert "objects_added (date_added=? AND seq>?)" in plan, plan
        assert "objects_added (date_added>?)" in plan, plan
        assert "SCAN o" not in plan, plan
    finally:
        store.close()


def test_a_cursor_past_the_end_gives_an_empty_last_page(
    world: tuple[Store, Principal, dict[str, list[str]]],
) -> None:
    store, peer, _ = world
    cursor = encode_taxii_cursor("9999-12-31T23:59:59.999999000Z", 1)
    page = store.collection_page(TaxiiQuery(cursor=cursor), viewer=peer, scope=FEDERATION)
    assert page.entries == [] and page.next_cursor is None


@pytest.mark.postgres
def test_postgres_reads_a_cursor_page_in_index_order_without_sorting(pg_url: str) -> None:
    """PostgreSQL seeks to the row value in the order index: a cursor page must not sort
    every row after the cursor (a union of two ranges did, 15 s for 20,000 rows paged by 100)."""
    from accord.store import open_store

    store = open_store(pg_url, upgrade=True)
    try:
        owner = store.add_organisation("Owner", created=T1).id
        put(store, facts(3000), T1, owner, SHARED)
        put(store, facts(3000), T2, owner, SHARED)
        with store._write() as tx:
            tx.execute("ANALYZE objects")
        page = store.collection_page(TaxiiQuery(limit=100), viewer=SYSTEM, scope=FEDERATION)
        read = store._read
        statements: list[tuple[str, list[object]]] = []

        def record(sql: str, params: object = ()) -> list[object]:
            statements.append((sql, list(params)))  # type: ignore[call-overload]
            return read(sql, params)  # type: ignore[arg-type]

        store._read = record  # type: ignore[method-assign]
        try:
            store.collection_page(TaxiiQuery(limit=100, cursor=page.next_cursor), viewer=SYSTEM,
                                  scope=FEDERATION)  # fmt: skip
        finally:
            store._read = read  # type: ignore[method-assign]
        ((sql, params),) = [s for s in statements if "FROM objects o" in s[0]]
        plan = " | ".join(str(row[0]) for row in read(f"EXPLAIN {sql}", params))
        assert "objects_added" in plan and "Sort" not in plan, plan
    finally:
        store.close()
