"""Opening, initialising and upgrading databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from accord.errors import ConfigError, SchemaError, StoreError
from accord.store import migrate, open_store
from accord.store.migrate import Migration


def test_a_fresh_database_is_initialised_at_the_latest_version(store_url: str) -> None:
    store = open_store(store_url)
    try:
        version, latest = store.schema_status()
        assert version == latest == migrate.latest_version(store.engine)
    finally:
        store.close()


def test_an_older_schema_needs_an_explicit_upgrade(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(store_url).close()
    shipped = migrate.migrations

    def with_one_more(engine: str) -> list[Migration]:
        return [*shipped(engine), Migration(99, "test_extra", "CREATE TABLE extra (x INTEGER);")]

    monkeypatch.setattr(migrate, "migrations", with_one_more)
    with pytest.raises(SchemaError, match="accord db upgrade"):
        open_store(store_url)
    store = open_store(store_url, upgrade=True)
    try:
        assert store.schema_status() == (99, 99)
    finally:
        store.close()


def test_a_newer_schema_is_refused(store_url: str) -> None:
    store = open_store(store_url)
    store._apply(Migration(500, "from_the_future", "SELECT 1;"))
    store.close()
    with pytest.raises(SchemaError, match="newer than this Accord"):
        open_store(store_url)


def test_a_failing_migration_changes_nothing(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(sqlite_url).close()
    shipped = migrate.migrations
    broken = Migration(90, "broken", "CREATE TABLE half (x INTEGER); THIS IS NOT SQL;")
    monkeypatch.setattr(migrate, "migrations", lambda engine: [*shipped(engine), broken])
    with pytest.raises(SchemaError, match="migration 90"):
        open_store(sqlite_url, upgrade=True)
    path = sqlite_url.removeprefix("sqlite:///")
    tables = {n for (n,) in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert "half" not in tables


def test_a_sqlite_file_of_another_application_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(SchemaError, match="not Accord's"):
        open_store(f"sqlite:///{path}")


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="not a database"):
        open_store(f"sqlite:///{path}")


@pytest.mark.parametrize("url", ["mysql://x/y", "sqlite://", "nonsense"])
def test_unsupported_urls_are_config_errors(url: str) -> None:
    with pytest.raises(ConfigError):
        open_store(url)


def test_in_memory_sqlite_works_for_quick_use() -> None:
    store = open_store("sqlite:///:memory:")
    try:
        assert store.schema_status()[0] >= 1
    finally:
        store.close()


def test_upgrading_to_sharing_keeps_everything_for_the_operator_alone(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store from before sharing (schema 1) upgrades with its objects and documents; they
    become the operator's, shared with nobody, as they were."""
    from accord.sharing import SYSTEM, user
    from accord.store import ObjectQuery
    from accord.vocab import Role

    shipped = migrate.migrations
    monkeypatch.setattr(migrate, "migrations", lambda engine: shipped(engine)[:1])
    old = open_store(store_url)
    with old._write() as tx:
        tx.execute(
            "INSERT INTO objects (seq, id, version, type, date_added, latest, json) "
            "VALUES (1, 'identity--6f1b8f5e-51b3-4f3c-9d8b-1f7a5e1c2d3e', 'v', 'identity', "
            "'2026-01-01T00:00:00.000000Z', ?, ?)",
            [True, '{"type": "identity", "id": "identity--6f1b8f5e-51b3-4f3c-9d8b-1f7a5e1c2d3e"}'],
        )
        tx.execute(
            "INSERT INTO documents (id, sha256, date_added, text) "
            "VALUES ('report--1', 'ab', '2026-01-01T00:00:00.000000Z', 'old text')"
        )
    old.close()
    monkeypatch.setattr(migrate, "migrations", shipped)
    store = open_store(store_url, upgrade=True)
    try:
        assert store.schema_status()[0] == migrate.latest_version(store.engine)
        assert store.query(ObjectQuery(), viewer=SYSTEM).ids == [
            "identity--6f1b8f5e-51b3-4f3c-9d8b-1f7a5e1c2d3e"
        ]
        assert store.get_document("report--1", viewer=SYSTEM).text == "old text"
        someone = user("u", org_id=1, role=Role.ADMIN)
        assert store.query(ObjectQuery(), viewer=someone).ids == []
        assert store.documents(viewer=someone)[0] == []
    finally:
        store.close()
