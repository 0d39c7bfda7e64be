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
