"""SQLite checkpoints off the writer's path (accord.store.sqlite._Checkpointer): what is
committed reaches the database file through a background checkpoint, or through the writer
itself once the WAL is past its limit, and never through the commit otherwise."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import accord.store.sqlite as engine
from accord.sharing import SYSTEM
from accord.store.sqlite import SQLiteStore
from tests.factories import checked, identity

AT = "2026-05-01T00:00:00.000Z"


def put(store: SQLiteStore, count: int) -> None:
    for number in range(count):
        objects, versions = checked(identity(f"Person {number}"))
        store.put_objects(objects, versions, date_added=AT)


def in_file(path: Path) -> int:
    """Objects in the database file itself, its WAL ignored: what checkpoints copied back."""
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'objects'").fetchall():
            return 0  # not even the schema has been copied back
        return int(conn.execute("SELECT COUNT(*) FROM objects").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("start", "wait", "copied"),
    [
        (1 << 40, 1 << 40, False),  # below both sizes: the commit never checkpoints
        (1, 1 << 40, True),  # past the first: a thread of its own copies it back
        (1 << 40, 1, True),  # past the second: the writer copies it back before going on
    ],
    ids=["commit-only", "background", "writer-waits"],
)
def test_commits_reach_the_file_by_the_checkpoints_due(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start: int, wait: int, copied: bool
) -> None:
    monkeypatch.setattr(engine, "_CHECKPOINT_BYTES", start)
    monkeypatch.setattr(engine, "_CHECKPOINT_WAIT_BYTES", wait)
    path = tmp_path / "accord.db"
    store = SQLiteStore(str(path), upgrade=True)
    try:
        put(store, 5)
        assert store._checkpointer is not None
        store._checkpointer.drain()  # a checkpoint due or under way in the thread ends
        assert store.stats(viewer=SYSTEM).objects == 5  # readers see it all anyway
        assert (in_file(path) == 5) is copied
    finally:
        store.close()
    assert in_file(path) == 5  # the last connection's close copies back what is left


def test_what_the_wal_holds_is_read_off_its_index_not_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The WAL is kept and written over when it restarts, so its size says nothing of what it
    holds: the frames not yet copied back are counted from the -shm file's header."""
    monkeypatch.setattr(engine, "_CHECKPOINT_BYTES", 1 << 40)  # no background checkpoint
    path = tmp_path / "accord.db"
    store = SQLiteStore(str(path), upgrade=True)
    try:
        checkpointer = store._checkpointer
        assert checkpointer is not None
        put(store, 3)
        held = checkpointer.pending_bytes()
        busy, frames, copied = store._writer.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        assert busy == 0 and frames == copied > 0
        page = store._writer.execute("PRAGMA page_size").fetchone()[0]
        assert held == frames * (page + 24)
        assert checkpointer.pending_bytes() == 0  # all copied back; the file is still there
        wal_size = (tmp_path / "accord.db-wal").stat().st_size
        assert wal_size >= held
        put(store, 1)  # the WAL restarts from its start: one write's frames, in the same file
        assert 0 < checkpointer.pending_bytes() < held
        assert (tmp_path / "accord.db-wal").stat().st_size == wal_size
    finally:
        store.close()


def test_an_unreadable_wal_index_counts_the_whole_wal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "_CHECKPOINT_BYTES", 1 << 40)
    monkeypatch.setattr(engine, "_WAL_INDEX_VERSION", 1)  # a header this code does not know
    path = tmp_path / "accord.db"
    store = SQLiteStore(str(path), upgrade=True)
    try:
        put(store, 2)
        assert store._checkpointer is not None
        assert store._checkpointer.pending_bytes() == (tmp_path / "accord.db-wal").stat().st_size
    finally:
        store.close()
