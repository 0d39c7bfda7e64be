"""Persistence behind one protocol, two engines (SQLite, PostgreSQL), one contract suite.

Every version of every object is kept; every read takes a keyword-only ``viewer``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from accord.errors import ConfigError
from accord.store.base import SqlStore
from accord.store.model import Document, ObjectQuery, Page, PutResult, SearchHit, Stats

Store = SqlStore

__all__ = [
    "Document", "ObjectQuery", "Page", "PutResult", "SearchHit", "Stats", "Store", "open_store",
]  # fmt: skip


def open_store(url: str, *, upgrade: bool = False) -> Store:
    """Open the store at `url`: ``sqlite:///path/file.db``, ``sqlite:///:memory:`` or
    ``postgresql://user@host/db``. A fresh database is initialised; an older schema raises
    SchemaError unless `upgrade` is set."""
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        from accord.store.sqlite import SQLiteStore

        # sqlite:///relative.db, sqlite:////absolute.db, sqlite:///:memory: (as SQLAlchemy)
        path = url.removeprefix("sqlite:///")
        if path == url or not path:
            raise ConfigError(f"{url!r}: give a file, as in sqlite:///path/to/accord.db")
        return SQLiteStore(path, upgrade=upgrade)
    if scheme in ("postgresql", "postgres"):
        from accord.store.postgres import PostgresStore

        return PostgresStore(url, upgrade=upgrade)
    raise ConfigError(f"unsupported database URL {url!r}: use sqlite:/// or postgresql://")
