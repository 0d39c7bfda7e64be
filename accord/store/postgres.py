"""The PostgreSQL engine (psycopg 3): for stores that outgrow one file or one machine."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from accord.errors import SchemaError, StoreError
from accord.store.base import Row, SqlStore
from accord.store.migrate import Migration
from accord.store.rows import ObjectRow, marking_refs, search_text

# Serialises writers across processes, so insertion order (seq) is also commit order and keyset
# cursors never skip a row committed late.
_WRITE_LOCK = 0x4163636F7264  # "Accord"
_SEARCH_LIMIT = 200_000  # characters per field fed to to_tsvector (its 1 MB limit)


def _pg(sql: str) -> str:
    return sql.replace("?", "%s")


def _clean(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL characters; the JSON keeps them escaped."""
    return value.replace("\x00", "") if isinstance(value, str) else value


class PostgresTx:
    engine = "postgres"

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self._conn = conn

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self._conn.execute(_pg(sql), params).fetchall()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self._conn.execute(_pg(sql), params).rowcount

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany(_pg(sql), rows)

    def stage(self, keys: list[tuple[int, str, str]]) -> None:
        self._conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS incoming (pos INTEGER PRIMARY KEY, "
            "id TEXT NOT NULL, version TEXT NOT NULL) ON COMMIT DELETE ROWS"
        )
        self._conn.execute("TRUNCATE incoming")
        with self._conn.cursor() as cur:
            with cur.copy("COPY incoming (pos, id, version) FROM STDIN") as copy:
                for key in keys:
                    copy.write_row(key)
            cur.execute("ANALYZE incoming")

    def insert(self, rows: list[ObjectRow], objects: Sequence[dict[str, Any]]) -> None:
        markings: list[tuple[int, str]] = []
        texts: list[tuple[int, str, str, str]] = []
        with self._conn.cursor() as cur:
            with cur.copy(f"COPY objects ({_COLUMNS}) FROM STDIN") as copy:
                for row, obj in zip(rows, objects, strict=True):
                    copy.write_row(_pg_row(row))
                    markings.extend((row[0], ref) for ref in marking_refs(obj))
                    text = search_text(obj)
                    if text is not None:
                        texts.append((row[0], *(_clean(t[:_SEARCH_LIMIT]) for t in text)))
            with cur.copy("COPY object_markings (seq, marking_ref) FROM STDIN") as copy:
                for marking in markings:
                    copy.write_row(marking)
            if texts:
                self._index_texts(cur, texts)

    @staticmethod
    def _index_texts(cur: psycopg.Cursor[Any], texts: list[tuple[int, str, str, str]]) -> None:
        cur.execute(
            "CREATE TEMP TABLE IF NOT EXISTS incoming_text (seq BIGINT, name TEXT, "
            "description TEXT, aliases TEXT) ON COMMIT DELETE ROWS"
        )
        cur.execute("TRUNCATE incoming_text")
        with cur.copy("COPY incoming_text FROM STDIN") as copy:
            for text in texts:
                copy.write_row(text)
        cur.execute(
            "INSERT INTO object_search SELECT seq, "
            "setweight(to_tsvector('english', name), 'A') || "
            "setweight(to_tsvector('english', aliases), 'B') || "
            "setweight(to_tsvector('english', description), 'C') FROM incoming_text"
        )


_COLUMNS = (
    "seq, id, version, type, created, spec_version, created_by_ref, revoked, name, "
    "source_ref, target_ref, date_added, latest, json, source_id"
)


def _pg_row(row: ObjectRow) -> list[Any]:
    """A row for COPY: JSON as text; NUL characters (escaped in the JSON) out of the indexed
    text columns, which PostgreSQL cannot hold."""
    json = row[13].decode()
    if "\\u0000" not in json:
        return [*row[:13], json, row[14]]
    return [*(_clean(value) for value in row[:13]), json, row[14]]


class PostgresStore(SqlStore):
    engine = "postgres"

    def __init__(self, url: str, *, upgrade: bool = False, max_connections: int = 8) -> None:
        self.url = url
        try:
            self._pool = ConnectionPool(
                url,
                min_size=1,
                max_size=max_connections,
                open=True,
                timeout=30,
                kwargs={"autocommit": True},
            )
            self._pool.wait(timeout=30)
        except (psycopg.Error, Exception) as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {exc}") from exc
        try:
            self._prepare_schema(upgrade)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        self._pool.close()

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        held = self._held_tx()
        try:
            if isinstance(held, PostgresTx):  # inside held_write(): on its connection
                return held.fetch(sql, params)
            with self._pool.connection() as conn:
                return conn.execute(_pg(sql), params).fetchall()
        except psycopg.Error as exc:
            raise StoreError(f"PostgreSQL read failed: {exc}") from exc

    @contextmanager
    def _write(self) -> Iterator[PostgresTx]:
        held = self._held_tx()
        if isinstance(held, PostgresTx):  # inside held_write(): join its transaction
            yield held
            return
        try:
            with self._pool.connection() as conn, conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", [_WRITE_LOCK])
                yield PostgresTx(conn)
        except psycopg.Error as exc:
            raise StoreError(f"PostgreSQL write failed, nothing was written: {exc}") from exc

    def _applied_versions(self) -> list[int] | None:
        with self._pool.connection() as conn:
            (exists,) = conn.execute("SELECT to_regclass('schema_migrations')").fetchone() or (
                None,
            )
            if exists is None:
                (tables,) = conn.execute(
                    "SELECT count(*) FROM information_schema.tables "
                    "WHERE table_schema = current_schema()"
                ).fetchone() or (0,)
                if tables:
                    raise SchemaError("the PostgreSQL schema holds tables, but not Accord's")
                return None
            return [v for (v,) in conn.execute("SELECT version FROM schema_migrations")]

    def _apply(self, migration: Migration) -> None:
        try:
            with self._pool.connection() as conn, conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", [_WRITE_LOCK])
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                    "name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
                )
                done = conn.execute(
                    "SELECT 1 FROM schema_migrations WHERE version = %s", [migration.version]
                ).fetchone()
                if done is None:  # another process may have applied it while we waited
                    conn.execute(migration.sql.encode())
                    conn.execute(
                        "INSERT INTO schema_migrations (version, name) VALUES (%s, %s)",
                        [migration.version, migration.name],
                    )
        except psycopg.Error as exc:
            raise SchemaError(
                f"migration {migration.version} ({migration.name}) failed: {exc}"
            ) from exc

    def _search_sql(self, text: str) -> tuple[str, str, list[Any], str]:
        return (
            "objects o JOIN object_search s ON s.seq = o.seq, websearch_to_tsquery('english', ?) q",
            "s.search @@ q",
            [text],
            "-ts_rank(s.search, q)",
        )
