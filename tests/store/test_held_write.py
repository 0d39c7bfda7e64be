"""`held_write`: the single writer held across reads and writes (every engine)."""

from __future__ import annotations

import threading
import time

import pytest

from accord.errors import NotFoundError
from accord.sharing import SYSTEM
from accord.store import Store, open_store
from accord.store.postgres import PostgresStore
from tests.factories import checked, identity

AT = "2026-05-01T00:00:00.000Z"


def put(store: Store, name: str) -> str:
    obj = identity(name)
    objects, versions = checked(obj)
    store.put_objects(objects, versions, date_added=AT)
    return str(obj["id"])


def test_writes_inside_a_hold_commit_together_or_not_at_all(store: Store) -> None:
    with store.held_write():
        kept = put(store, "Kept")
        also = put(store, "Also kept")
    gone: list[str] = []

    def fail_after_a_write() -> None:
        with store.held_write():
            gone.append(put(store, "Rolled back"))
            raise RuntimeError("after the write, before the commit")

    with pytest.raises(RuntimeError):
        fail_after_a_write()
    assert gone and store.known_ids([kept, also, *gone], viewer=SYSTEM) == {kept, also}
    assert store.stats(viewer=SYSTEM).objects == 2


def test_another_writer_waits_for_the_hold_to_end(store_url: str) -> None:
    holder, other = open_store(store_url), open_store(store_url)
    written: list[str] = []
    try:
        with holder.held_write():
            seen_inside = holder.stats(viewer=SYSTEM).objects
            writer = threading.Thread(target=lambda: written.append(put(other, "Waiting")))
            writer.start()
            time.sleep(0.5)  # long enough for an unblocked write to commit
            waited = writer.is_alive() and not written
            put(holder, "Holder")
        writer.join(timeout=15)
        assert seen_inside == 0 and waited
        assert holder.stats(viewer=SYSTEM).objects == 2
    finally:
        holder.close()
        other.close()


def test_reads_inside_a_hold_see_what_it_wrote(store: Store) -> None:
    with store.held_write():
        object_id = put(store, "Read back")
        assert store.get(object_id, viewer=SYSTEM)["name"] == "Read back"
        assert store.known_ids([object_id], viewer=SYSTEM) == {object_id}


def test_an_in_memory_store_reads_inside_its_hold() -> None:
    store = open_store("sqlite:///:memory:")
    try:
        with store.held_write():
            object_id = put(store, "Read back")
            assert store.get(object_id, viewer=SYSTEM)["name"] == "Read back"
        with pytest.raises(NotFoundError):
            store.get("identity--00000000-0000-4000-8000-000000000000", viewer=SYSTEM)
    finally:
        store.close()


@pytest.mark.postgres
def test_reads_inside_a_hold_need_no_second_connection(pg_url: str) -> None:
    """Writers waiting for the hold each keep a pooled connection; the holder's reads must not
    need one more, or a pool full of waiting writers would starve the one that holds."""
    store = PostgresStore(pg_url, max_connections=2)
    written: list[str] = []
    try:
        with store.held_write():
            waiting = threading.Thread(target=lambda: written.append(put(store, "Waiting")))
            waiting.start()
            time.sleep(0.5)  # the waiting writer has taken the pool's second connection
            started = time.perf_counter()
            assert store.stats(viewer=SYSTEM).objects == 0
            put(store, "Holder")
            assert store.stats(viewer=SYSTEM).objects == 1  # its own write, not yet committed
            assert time.perf_counter() - started < 5
        waiting.join(timeout=15)
        assert written and store.stats(viewer=SYSTEM).objects == 2
    finally:
        store.close()
