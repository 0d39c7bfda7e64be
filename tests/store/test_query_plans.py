"""SQLite reads that must stay look-ups, not scans, as the store grows: SQLite keeps no
statistics, so its planner picks indexes by their shape, and a wrong pick makes a read (and an
ingest that does it once per meeting) cost a share of the store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from accord.sharing import SYSTEM
from accord.store import ObjectQuery
from accord.store.sqlite import SQLiteStore
from tests.factories import checked, identity, relationship


@pytest.fixture
def memory_store() -> Iterator[SQLiteStore]:
    # In memory, reads run on the writer connection, so one trace callback sees them all.
    store = SQLiteStore(":memory:")
    holder, target = identity("Holder"), identity("Meeting")
    links = [relationship(holder["id"], target["id"]) for _ in range(20)]
    objects, versions = checked(holder, target, *links)
    store.put_objects(objects, versions, date_added="2026-04-01T00:00:00.000Z")
    try:
        yield store
    finally:
        store.close()


def plan_of(store: SQLiteStore, query: ObjectQuery) -> str:
    """The query plan of the statement `store.query` runs for `query`."""
    statements: list[str] = []
    store._writer.set_trace_callback(statements.append)
    try:
        store.query(query, viewer=SYSTEM)
    finally:
        store._writer.set_trace_callback(None)
    (sql,) = [s for s in statements if "FROM objects o" in s]
    rows = store._writer.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
    return " | ".join(str(row[-1]) for row in rows)


@pytest.mark.parametrize(
    ("query", "index"),
    [
        (ObjectQuery(types=["relationship"], target_refs=["identity--x"]), "objects_target"),
        (ObjectQuery(types=["relationship"], source_refs=["identity--x"]), "objects_source"),
        (ObjectQuery(types=["identity"], ids=["identity--x"]), "(id=?"),
    ],
)
def test_reads_by_ref_or_id_use_that_index_not_the_type_index(
    memory_store: SQLiteStore, query: ObjectQuery, index: str
) -> None:
    plan = plan_of(memory_store, query)
    assert index in plan and "objects_type" not in plan, plan


def test_reads_by_type_alone_still_use_the_type_index(memory_store: SQLiteStore) -> None:
    assert "objects_type" in plan_of(memory_store, ObjectQuery(types=["relationship"]))
