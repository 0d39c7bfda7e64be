"""The SQLite engine, Accord's default: one file, WAL, one writer, pooled readers."""

from __future__ import annotations

import os
import queue
import re
import sqlite3
import struct
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from accord.clock import SystemClock, format_timestamp
from accord.errors import InputError, SchemaError, StoreError
from accord.store.base import Row, SqlStore
from accord.store.migrate import Migration
from accord.store.rows import COLUMN_COUNT, ObjectRow, marking_refs, search_text

_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",  # durable at checkpoints; WAL keeps the file consistent
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 10000",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -65536",  # 64 MiB
    # Reads map the file instead of copying each page from the OS cache into SQLite's own;
    # a store larger than its connection's page cache is read about a fifth faster.
    "PRAGMA mmap_size = 1073741824",  # 1 GiB of the file at most
)
# The writer leaves checkpoints (copying the WAL back into the database, with its fsyncs) to
# a thread of its own once the WAL holds this much, and waits for one itself only past the
# second size: a commit that ran the checkpoint waited on the disk for it (about two fifths
# of the time of a TAXII POST of 1,000 objects on a slow disk).
_CHECKPOINT_BYTES = 4 * 1024 * 1024  # as SQLite's own default, 1,000 pages of 4 KiB
_CHECKPOINT_WAIT_BYTES = 64 * 1024 * 1024
# The WAL-index header at the start of the -shm file (https://sqlite.org/walformat.html, in
# native byte order): iVersion (u32) at 0, szPage (u16) at 14, mxFrame (u32) at 16, and
# nBackfill (u32), the frames already copied back, at 96.
_WAL_INDEX_VERSION = 3007000
_SHM_HEADER = 100
_SHM_BACKFILL = 96
_WAL_FRAME_HEADER = 24
_INSERT = f"INSERT INTO objects VALUES ({', '.join('?' * COLUMN_COUNT)})"
_IDLE_READERS = 8


class SQLiteTx:
    """A write transaction on the writer connection."""

    engine = "sqlite"

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self._conn.execute(sql, params).fetchall()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self._conn.execute(sql, params).rowcount

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self._conn.executemany(sql, rows)

    def stage(self, keys: list[tuple[int, str, str]]) -> None:
        self._conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS incoming "
            "(pos INTEGER PRIMARY KEY, id TEXT NOT NULL, version TEXT NOT NULL)"
        )
        self._conn.execute("DELETE FROM temp.incoming")
        self._conn.executemany("INSERT INTO temp.incoming VALUES (?, ?, ?)", keys)

    def insert(self, rows: list[ObjectRow], objects: Sequence[dict[str, Any]]) -> None:
        self._conn.executemany(_INSERT, rows)
        markings: list[tuple[int, str]] = []
        texts: list[tuple[int, str, str, str]] = []
        for row, obj in zip(rows, objects, strict=True):
            seq = row[0]
            markings.extend((seq, ref) for ref in marking_refs(obj))
            text = search_text(obj)
            if text is not None:
                texts.append((seq, *text))
        self._conn.executemany("INSERT INTO object_markings VALUES (?, ?)", markings)
        self._conn.executemany(
            "INSERT INTO objects_fts (rowid, name, description, aliases) VALUES (?, ?, ?, ?)",
            texts,
        )


class SQLiteStore(SqlStore):
    engine = "sqlite"

    def __init__(self, path: str, *, upgrade: bool = False) -> None:
        self.url = f"sqlite:///{path}"
        self._path = path
        self._memory = path == ":memory:"
        if not self._memory:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._writer = self._connect()
        self._checkpointer = None if self._memory else _Checkpointer(self._path, self._writer)
        self._idle: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._closed = False
        try:
            self._prepare_schema(upgrade)
        except BaseException:
            self.close()
            raise

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
            for pragma in _PRAGMAS:
                conn.execute(pragma)
        except sqlite3.Error as exc:
            raise StoreError(f"{self._path}: cannot open SQLite database: {exc}") from exc
        return conn

    def close(self) -> None:
        if getattr(self, "_closed", True):
            return
        self._closed = True
        if self._checkpointer is not None:
            self._checkpointer.close()
        while not self._idle.empty():
            self._idle.get_nowait().close()
        self._writer.close()

    @contextmanager
    def _reader(self) -> Iterator[sqlite3.Connection]:
        if self._memory:  # one connection holds an in-memory database: share the writer's
            with self._lock:
                yield self._writer
            return
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            conn = self._connect()
        try:
            yield conn
        finally:
            if self._idle.qsize() < _IDLE_READERS:
                self._idle.put(conn)
            else:
                conn.close()

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        held = self._held_tx()
        if isinstance(held, SQLiteTx):  # inside held_write(): read in its transaction
            try:
                return held.fetch(sql, params)
            except sqlite3.Error as exc:
                raise StoreError(f"SQLite read failed: {exc}") from exc
        with self._reader() as conn:
            try:
                return conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(f"SQLite read failed: {exc}") from exc

    @contextmanager
    def _write(self) -> Iterator[SQLiteTx]:
        held = self._held_tx()
        if isinstance(held, SQLiteTx):  # inside held_write(): join its transaction
            yield held
            return
        with self._lock:
            conn = self._writer
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(f"SQLite cannot start a write: {exc}") from exc
            try:
                yield SQLiteTx(conn)
                conn.execute("COMMIT")
                if self._checkpointer is not None:
                    self._checkpointer.committed()
            except sqlite3.Error as exc:
                conn.execute("ROLLBACK")
                raise StoreError(f"SQLite write failed, nothing was written: {exc}") from exc
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def _applied_versions(self) -> list[int] | None:
        try:
            tables = {
                name for (name,) in self._writer.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }  # fmt: skip
            if "schema_migrations" not in tables:
                if tables:
                    raise SchemaError(f"{self._path} is a SQLite database, but not Accord's")
                return None
            return [v for (v,) in self._writer.execute("SELECT version FROM schema_migrations")]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self._path}: not a usable SQLite database: {exc}") from exc

    def _apply(self, migration: Migration) -> None:
        applied_at = format_timestamp(SystemClock().now())
        script = (
            "BEGIN IMMEDIATE;\n"
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
            "name TEXT NOT NULL, applied_at TEXT NOT NULL);\n"
            f"{migration.sql}\n;"
            "INSERT INTO schema_migrations VALUES "
            f"({migration.version}, '{migration.name}', '{applied_at}');\nCOMMIT;"
        )
        with self._lock:
            try:
                self._writer.executescript(script)
            except sqlite3.Error as exc:
                if self._writer.in_transaction:
                    self._writer.execute("ROLLBACK")
                raise SchemaError(
                    f"migration {migration.version} ({migration.name}) failed: {exc}"
                ) from exc

    def _search_sql(self, text: str) -> tuple[str, str, list[Any], str]:
        return (
            "objects_fts f JOIN objects o ON o.seq = f.rowid",
            "objects_fts MATCH ?",
            [fts5_query(text)],
            "bm25(objects_fts)",
        )


_TERM = re.compile(r'"[^"]*"?|[^\s"]+')


def fts5_query(text: str) -> str:
    """Translate what a user types into an FTS5 query: words and "phrases" must all match,
    ``word*`` matches a prefix, ``OR`` between terms matches either. No FTS5 syntax leaks
    through, so no input can make the query fail."""
    parts: list[str] = []
    for term in _TERM.findall(text):
        if term == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        prefix = term.endswith("*") and not term.startswith('"')
        words = term.strip('"*')
        if words and re.search(r"\w", words):
            quoted = '"' + words.replace('"', '""') + '"'
            parts.append(quoted + ("*" if prefix else ""))
    while parts and parts[-1] == "OR":
        parts.pop()
    if not parts:
        raise InputError(f"nothing to search for in {text!r}")
    return " ".join(parts)


class _Checkpointer:
    """Checkpoints of one database file, off the writer's path: with SQLite's automatic
    checkpoint turned off on the writer connection, a commit that has left the WAL past
    _CHECKPOINT_BYTES wakes a thread of its own, which runs PASSIVE checkpoints on a
    connection of its own until it has caught up, blocking neither the writer nor readers;
    past _CHECKPOINT_WAIT_BYTES (the thread cannot keep up, or readers hold the WAL back)
    the writer waits for it and checkpoints itself, as SQLite would.

    What the WAL holds is read off the WAL-index header in the ``-shm`` file (its frames, less
    those a checkpoint copied back), not off the WAL's size: the WAL file is kept and written
    over from its start when it restarts (truncated only past _CHECKPOINT_WAIT_BYTES), since a
    file truncated at every restart grows again at every commit, which cost a commit of 1,000
    ATT&CK objects about a third of its time (bench/README.md)."""

    def __init__(self, path: str, writer: sqlite3.Connection) -> None:
        self._path = path
        self._wal = f"{path}-wal"
        self._shm = f"{path}-shm"
        self._writer = writer
        self._cond = threading.Condition()
        self._due = self._running = self._stopped = False
        self._thread: threading.Thread | None = None
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute(f"PRAGMA journal_size_limit = {_CHECKPOINT_WAIT_BYTES}")

    def pending_bytes(self) -> int:
        """The bytes of WAL frames not yet copied back into the database file (0 with no
        WAL). Read without a lock: a checkpoint running meanwhile makes it an overestimate."""
        try:
            with open(self._shm, "rb") as shm:
                header = shm.read(_SHM_HEADER)
        except OSError:
            header = b""
        if len(header) == _SHM_HEADER:
            version, page, frames = struct.unpack_from("=I10xHI", header)
            (copied,) = struct.unpack_from("=I", header, _SHM_BACKFILL)
            if version == _WAL_INDEX_VERSION and frames >= copied:
                page_bytes = 65536 if page == 1 else int(page)
                return int(frames - copied) * (page_bytes + _WAL_FRAME_HEADER)
        try:  # no WAL-index this code can read: the WAL's size, an upper bound
            return os.stat(self._wal).st_size
        except OSError:  # no WAL (yet): nothing to copy back
            return 0

    def committed(self) -> None:
        """After a commit on the writer connection (holding the store's write lock)."""
        size = self.pending_bytes()
        if size >= _CHECKPOINT_WAIT_BYTES:
            self.drain()
            self._writer.execute("PRAGMA wal_checkpoint(PASSIVE)")
        elif size >= _CHECKPOINT_BYTES:
            with self._cond:
                self._due = True
                if self._thread is None and not self._stopped:
                    self._thread = threading.Thread(target=self._loop, name="accord-checkpoint",
                                                    daemon=True)  # fmt: skip
                    self._thread.start()
                self._cond.notify_all()

    def _loop(self) -> None:
        conn: sqlite3.Connection | None = None
        while True:
            with self._cond:
                while not (self._due or self._stopped):
                    self._cond.wait()
                if self._stopped:
                    break
                self._due, self._running = False, True
            try:
                conn = conn or sqlite3.connect(self._path, isolation_level=None,
                                               check_same_thread=False)  # fmt: skip
                _catch_up(conn)
            except sqlite3.Error:
                pass  # the next commit past the size tries again; a missed copy loses nothing
            finally:
                with self._cond:
                    self._running = False
                    self._cond.notify_all()
        if conn is not None:
            conn.close()

    def drain(self) -> None:
        """Wait until no checkpoint is due or under way in the thread."""
        with self._cond:
            while (self._due or self._running) and self._thread is not None \
                    and self._thread.is_alive() and not self._stopped:  # fmt: skip
                self._cond.wait(timeout=1.0)

    def close(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join()


def _catch_up(conn: sqlite3.Connection) -> None:
    """PASSIVE checkpoints until the WAL is copied back, or a reader's snapshot (or another
    checkpoint) holds the rest back."""
    copied = -1
    while True:
        busy, frames, done = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        if busy or done >= frames or done == copied:
            return
        copied = done
