"""What both SQL engines share: classifying incoming versions, building reads from the viewer's
predicate, and keyset paging. Engines supply connections, bulk writes and full-text search.

SQL here uses ``?`` placeholders; the PostgreSQL engine rewrites them. Every read composes
:func:`accord.sharing.visible_predicate` into its WHERE clause: nothing is filtered afterwards.
"""

from __future__ import annotations

import abc
import string
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from typing import Any, Protocol

import orjson

from accord.errors import BundleError, InputError, NotFoundError, SchemaError
from accord.sharing import Principal, counting_sql, visible_predicate
from accord.stix.timestamps import sort_key, timestamp_error
from accord.store import migrate
from accord.store.audience import next_date_added
from accord.store.collections import CollectionMethods
from accord.store.directory import DirectoryMethods
from accord.store.migrate import Migration
from accord.store.model import (
    NODE_SOURCE,
    Document,
    NewSource,
    ObjectQuery,
    Page,
    Progress,
    PutResult,
    SearchHit,
    Stats,
    decode_cursor,
    encode_cursor,
)
from accord.store.peers import PeerMethods
from accord.store.rows import ObjectRow
from accord.store.shared import SharedMethods
from accord.store.sources import insert_source, record_holders, record_mentions
from accord.store.versions import compare_stored, final_latest, version_rows

Row = tuple[Any, ...]


class WriteTx(Protocol):
    """What a write transaction offers the shared code; SQL uses ``?`` placeholders."""

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...
    def execute(self, sql: str, params: Sequence[Any] = ()) -> int: ...
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...
    def stage(self, keys: list[tuple[int, str, str]]) -> None:
        """Fill the temporary table ``incoming(pos, id, version)`` with these keys only."""

    def insert(self, rows: list[ObjectRow], objects: Sequence[dict[str, Any]]) -> None:
        """Insert object rows and their markings and search entries."""

    engine: str  # 'sqlite' or 'postgres'


CHUNK = 5000  # rows per executemany: bounds memory and paces the progress callback


class SqlStore(SharedMethods, DirectoryMethods, CollectionMethods, PeerMethods, abc.ABC):
    """A STIX 2.1 store over a SQL database. Subclasses: SQLiteStore, PostgresStore."""

    engine: str
    url: str
    _held: tuple[int, WriteTx] | None = None  # (thread, transaction) of held_write()

    # --- engine hooks -------------------------------------------------------------------
    @abc.abstractmethod
    def close(self) -> None: ...

    @abc.abstractmethod
    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    @abc.abstractmethod
    def _write(self) -> AbstractContextManager[WriteTx]:
        """One transaction on the single writer: committed on exit, rolled back on error."""

    @abc.abstractmethod
    def _applied_versions(self) -> list[int] | None:
        """Applied migration numbers, or None when the database has no Accord schema."""

    @abc.abstractmethod
    def _apply(self, migration: Migration) -> None: ...

    @abc.abstractmethod
    def _search_sql(self, text: str) -> tuple[str, str, list[Any], str]:
        """(FROM clause, condition matching `text`, their params, rank expression; lower
        ranks first)."""

    # --- schema ---------------------------------------------------------------------------
    def _prepare_schema(self, upgrade: bool) -> None:
        applied = self._applied_versions()
        target = migrate.latest_version(self.engine)
        if applied is None or upgrade:
            self.upgrade()
            return
        current = max(applied, default=0)
        if current > target:
            raise SchemaError(
                f"database schema is at version {current}, newer than this Accord "
                f"({target}): upgrade Accord"
            )
        if current < target:
            raise SchemaError(
                f"database schema is at version {current}, this Accord needs {target}: "
                "run `accord db upgrade`"
            )

    def upgrade(self) -> list[int]:
        """Apply every pending migration, each in its own transaction; return their numbers."""
        applied = set(self._applied_versions() or [])
        done = []
        for migration in migrate.migrations(self.engine):
            if migration.version not in applied:
                self._apply(migration)
                done.append(migration.version)
        return done

    def schema_status(self) -> tuple[int, int]:
        """(applied schema version, latest version this code ships)."""
        return max(self._applied_versions() or [0]), migrate.latest_version(self.engine)

    # --- writes ---------------------------------------------------------------------------
    def put_objects(
        self,
        objects: Sequence[dict[str, Any]],
        versions: Sequence[str],
        *,
        date_added: str,
        skip_conflicts: bool = False,
        progress: Progress | None = None,
        document: Document | None = None,
        source: NewSource = NODE_SOURCE,
        evidence: dict[str, bytes] | None = None,
    ) -> PutResult:
        """Store checked objects atomically: all of them, or (on a conflict without
        `skip_conflicts`) none, recorded as coming from `source`, a new source row.
        Identical versions already stored are counted, not rewritten: the source holds them
        too. Every entity among the objects, and every entity id in `evidence` (the source's
        provenance of entities it names but does not write), is recorded as named by it.
        A source `document` given with them is stored in the same transaction."""
        result = PutResult()
        with self._write() as tx:
            source_id = result.source_id = insert_source(tx, source, sort_key(date_added))
            if document is not None:
                result.document_added = _insert_document(
                    tx, document, sort_key(date_added), source_id, source.owner_org
                )
            self._put_rows(tx, source_id, objects, versions, date_added, result,
                           skip_conflicts=skip_conflicts, progress=progress,
                           evidence=evidence)  # fmt: skip
        return result

    def _put_rows(
        self,
        tx: WriteTx,
        source_id: int,
        objects: Sequence[dict[str, Any]],
        versions: Sequence[str],
        date_added: str,
        result: PutResult,
        *,
        skip_conflicts: bool = False,
        progress: Progress | None = None,
        evidence: dict[str, bytes] | None = None,
    ) -> None:
        """Write checked objects as versions from source `source_id`, in transaction `tx`."""
        stored_latest, skip, same = self._stored(tx, objects, versions, result)
        if result.problems and not skip_conflicts:
            raise BundleError("store", result.problems)
        conflicted = {p.index for p in result.problems}
        record_holders(tx, source_id, [(seq, pos) for pos, seq in same
                                       if pos not in conflicted])  # fmt: skip
        record_mentions(tx, source_id, objects, evidence)
        fresh = [pos for pos in range(len(objects)) if pos not in skip] if skip else None
        final = final_latest(objects, versions, fresh, stored_latest)
        seq, date_added = self._next_seq_and_date(tx, sort_key(date_added))
        rows = version_rows(
            objects, versions, fresh, stored_latest, final, seq, date_added, result, source_id
        )
        tx.executemany(
            "UPDATE objects SET latest = ? WHERE id = ? AND version = ?",
            [(False, object_id, old) for object_id, old in stored_latest.items()
             if final.get(object_id, old) != old],
        )  # fmt: skip
        kept = objects if fresh is None else [objects[pos] for pos in fresh]
        for start in range(0, len(rows), CHUNK):
            tx.insert(rows[start : start + CHUNK], kept[start : start + CHUNK])
            if progress is not None:
                progress(min(start + CHUNK, len(rows)), len(rows))

    def _stored(
        self,
        tx: WriteTx,
        objects: Sequence[dict[str, Any]],
        versions: Sequence[str],
        result: PutResult,
    ) -> tuple[dict[str, str], set[int], list[tuple[int, int]]]:
        """The stored latest version of each incoming id, the positions of incoming
        versions already stored (identical: unchanged; different: a conflict problem), and
        (position, stored seq) of those."""
        tx.stage([(pos, obj["id"], versions[pos]) for pos, obj in enumerate(objects)])
        stored_latest: dict[str, str] = dict(
            tx.fetch(
                "SELECT o.id, MAX(o.version) FROM objects o "
                "WHERE o.id IN (SELECT i.id FROM incoming i) GROUP BY o.id"
            )
        )
        same = tx.fetch(
            "SELECT i.pos, o.json, o.seq FROM incoming i "
            "JOIN objects o ON o.id = i.id AND o.version = i.version"
        )
        skip = compare_stored(objects, [(pos, raw) for pos, raw, _ in same], result)
        return stored_latest, skip, [(int(pos), int(seq)) for pos, _, seq in same]

    @staticmethod
    def _next_seq_and_date(tx: WriteTx, date_added: str) -> tuple[int, str]:
        """The next insertion number, and a date_added later than every stored row's, so
        that rows written now come after all others in TAXII order even if the clock steps
        back (accord.store.audience.next_date_added)."""
        ((last,),) = tx.fetch("SELECT MAX(o.seq) FROM objects o")
        return int(last or 0) + 1, next_date_added(tx, date_added)

    # --- held writes ----------------------------------------------------------------------
    @contextmanager
    def held_write(self) -> Iterator[None]:
        """Hold the single writer's transaction while the caller reads and then writes, so
        that what it writes may depend on what it read: no other writer commits in between.
        Writes made inside (`put_objects`, `put_document`) join this transaction, which
        commits on exit and rolls back on an error. Reads made inside run in it too: they see
        everything committed before and what was written inside, and they need no second
        connection (writers waiting for the hold may have taken the rest of a pool)."""
        if self._held_tx() is not None:  # nested: the outer hold decides
            yield
            return
        with self._write() as tx:
            self._held = (threading.get_ident(), tx)
            try:
                yield
            finally:
                self._held = None

    def _held_tx(self) -> WriteTx | None:
        """The transaction this thread holds through `held_write`, if any. Another thread's
        hold is not ours: its writes wait for the writer as usual."""
        held = self._held
        return held[1] if held is not None and held[0] == threading.get_ident() else None

    # --- reads ----------------------------------------------------------------------------
    def get(self, object_id: str, *, viewer: Principal) -> dict[str, Any]:
        """The latest version of `object_id`, or NotFoundError (also when not visible)."""
        pred = visible_predicate(viewer)
        rows = self._read(
            f"SELECT o.json FROM objects o WHERE o.id = ? AND o.latest = ? AND {pred.sql}",
            [object_id, True, *pred.params],
        )
        if not rows:
            raise NotFoundError("object", object_id)
        return self._loads(rows[0][0])

    def versions(self, object_id: str, *, viewer: Principal) -> list[dict[str, Any]]:
        """Every stored version of `object_id` the viewer may see, oldest first."""
        pred = visible_predicate(viewer)
        rows = self._read(
            f"SELECT o.json FROM objects o WHERE o.id = ? AND {pred.sql} ORDER BY o.version",
            [object_id, *pred.params],
        )
        if not rows:
            raise NotFoundError("object", object_id)
        return [self._loads(raw) for (raw,) in rows]

    def query(self, query: ObjectQuery, *, viewer: Principal) -> Page:
        """One page of objects matching `query`, in insertion order, keyset-paged."""
        pred = visible_predicate(viewer)
        where, params = [pred.sql], list(pred.params)
        self._filters(query, where, params)
        if query.cursor is not None:
            where.append("o.seq > ?")
            params.append(decode_cursor(query.cursor))
        rows = self._read(
            f"SELECT o.seq, o.json, o.id FROM objects o WHERE {' AND '.join(where)} "
            f"ORDER BY o.seq LIMIT ?",
            [*params, query.limit + 1],
        )
        more = len(rows) > query.limit
        rows = rows[: query.limit]
        items = [self._bytes(raw) for _, raw, _ in rows]
        ids = [object_id for _, _, object_id in rows]
        return Page(items, encode_cursor(rows[-1][0]) if more else None, ids)

    def iter_query(self, query: ObjectQuery, *, viewer: Principal) -> Iterator[bytes]:
        """Every matching object, serialised, page after page (for streaming exports)."""
        while True:
            page = self.query(query, viewer=viewer)
            yield from page.items
            if page.next_cursor is None:
                return
            query = _with_cursor(query, page.next_cursor)

    def _filters(self, query: ObjectQuery, where: list[str], params: list[Any]) -> None:
        # Given ids or refs, their index is the selective one; without statistics SQLite's
        # planner would take the (type, latest) index and scan every relationship instead
        # (`o.type || ''` keeps it off), so a look-up would grow with the store.
        by_key = query.ids or query.source_refs or query.target_refs
        for column, values in (
            ("type || ''" if by_key else "type", query.types),
            ("id", query.ids),
            ("spec_version", query.spec_versions),
            ("created_by_ref", query.created_by_refs),
            ("source_ref", query.source_refs),
            ("target_ref", query.target_refs),
        ):
            if values:
                where.append(f"o.{column} IN ({_marks(values)})")
                params.extend(values)
        if query.marking_refs:
            where.append(
                "o.seq IN (SELECT m.seq FROM object_markings m "
                f"WHERE m.marking_ref IN ({_marks(query.marking_refs)}))"
            )
            params.extend(query.marking_refs)
        if query.added_after is not None:
            where.append("o.date_added > ?")
            params.append(_stamp_param("added_after", query.added_after))
        if query.modified_after is not None:
            where.append("o.version > ?")
            params.append(_stamp_param("modified_after", query.modified_after))
        if query.versions == "latest":
            where.append("o.latest = ?")
            params.append(True)
        if not query.include_revoked:
            where.append("o.revoked = ?")
            params.append(False)

    def search(
        self, text: str, *, viewer: Principal, types: Sequence[str] = (), limit: int = 20
    ) -> list[SearchHit]:
        """Latest versions whose name, description or aliases match `text`, best first."""
        pred = visible_predicate(viewer)
        source, condition, params, rank = self._search_sql(text)
        where = [condition, "o.latest = ?", pred.sql]
        params = [*params, True, *pred.params]
        if types:
            where.append(f"o.type IN ({_marks(types)})")
            params.extend(types)
        rows = self._read(
            f"SELECT o.json, {rank} AS rank FROM {source} WHERE {' AND '.join(where)} "
            f"ORDER BY rank, o.seq LIMIT ?",
            [*params, limit],
        )
        hits = []
        for raw, score in rows:
            obj = self._loads(raw)
            name = obj.get("name")
            hits.append(
                SearchHit(
                    obj["id"],
                    obj["type"],
                    name if isinstance(name, str) else None,
                    float(score),
                    obj,
                )
            )
        return hits

    def find_by_name_prefix(
        self, type_name: str, prefix: str, *, viewer: Principal, limit: int = 200
    ) -> list[dict[str, Any]]:
        """Latest, unrevoked objects of `type_name` whose name starts with `prefix`, case aside
        (ASCII case only in SQLite, as its index folds it), by name: a range on the index over
        names, for finding the entities a new one may be (accord.resolve)."""
        expr, fold = _NAME_INDEX[self.engine]
        low = fold(prefix)
        if not low:
            return []
        pred = visible_predicate(viewer)
        # `o.type || ''` keeps SQLite's planner off the (type, latest) index: the range on
        # names is the selective one.
        rows = self._read(
            f"SELECT o.name, o.json FROM objects o WHERE {expr} >= ? AND {expr} < ? "
            f"AND o.name IS NOT NULL AND o.type || '' = ? AND o.latest = ? AND o.revoked = ? "
            f"AND {pred.sql} ORDER BY {expr}, o.seq LIMIT ?",
            [low, _past_prefix(low), type_name, True, False, *pred.params, limit],
        )
        return [self._loads(raw) for name, raw in rows if fold(name).startswith(low)]

    def stats(self, *, viewer: Principal) -> Stats:
        """Counts of what the viewer may see: latest objects by type, versions, revoked
        objects, documents, and when the last write it may see was made."""
        sql, params = counting_sql(viewer)
        by_type: dict[str, int] = {}
        versions = revoked = 0
        for type_name, latest, is_revoked, count in self._read(sql, params):
            versions += int(count)
            if latest:
                by_type[type_name] = by_type.get(type_name, 0) + int(count)
                revoked += int(count) if is_revoked else 0
        by_type = dict(sorted(by_type.items(), key=lambda item: (-item[1], item[0])))
        source_pred = visible_predicate(viewer, alias="s")
        ((last,),) = self._read(
            f"SELECT MAX(s.created) FROM sources s WHERE {source_pred.sql}",
            list(source_pred.params),
        )
        doc_pred = visible_predicate(viewer, alias="d")
        ((documents,),) = self._read(
            f"SELECT COUNT(*) FROM documents d WHERE {doc_pred.sql}", list(doc_pred.params)
        )
        return Stats(sum(by_type.values()), versions, revoked, int(documents), by_type, last)

    # --- documents ------------------------------------------------------------------------
    def put_document(
        self, document: Document, *, date_added: str, source: NewSource = NODE_SOURCE
    ) -> bool:
        """Store `document` as its own source unless its owner holds one with the same text
        (sha256) already; True if added."""
        with self._write() as tx:
            source_id = insert_source(tx, source, sort_key(date_added))
            added = _insert_document(tx, document, sort_key(date_added), source_id,
                                     source.owner_org)  # fmt: skip
            if not added:
                tx.execute("DELETE FROM sources WHERE id = ?", [source_id])
            return added

    def document_held(self, sha256: str, *, owner_org: int | None) -> bool:
        """Whether organisation `owner_org` (None: the operator) holds a document with this
        digest. A write-side check: it names no document the caller cannot see."""
        rows = self._read(
            "SELECT 1 FROM documents d WHERE d.sha256 = ? AND COALESCE(d.owner_org, 0) = ?",
            [sha256, owner_org or 0],
        )
        return bool(rows)

    def known_document(self, key: str, *, viewer: Principal) -> bool:
        """Whether a document with this id or sha256 is stored and visible to the viewer."""
        try:
            self.get_document(key, viewer=viewer)
        except NotFoundError:
            return False
        return True

    def known_ids(self, ids: Sequence[str], *, viewer: Principal) -> set[str]:
        """Which of `ids` the store holds (in any version) and the viewer may see."""
        pred = visible_predicate(viewer)
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            rows = self._read(
                f"SELECT DISTINCT o.id FROM objects o WHERE o.id IN ({_marks(chunk)}) "
                f"AND {pred.sql}",
                [*chunk, *pred.params],
            )
            found.update(row[0] for row in rows)
        return found

    def get_document(self, key: str, *, viewer: Principal) -> Document:
        """A document by id or sha256."""
        pred = visible_predicate(viewer, alias="d")
        rows = self._read(
            "SELECT d.id, d.sha256, d.text, d.title, d.source, d.published, d.media_type, "
            "d.date_added, d.source_id, d.owner_org FROM documents d "
            f"WHERE (d.id = ? OR d.sha256 = ?) AND {pred.sql} ORDER BY d.seq LIMIT 1",
            [key, key, *pred.params],
        )
        if not rows:
            raise NotFoundError("document", key)
        return Document(*rows[0])

    # --- helpers --------------------------------------------------------------------------
    @staticmethod
    def _bytes(raw: bytes | str) -> bytes:
        return raw.encode() if isinstance(raw, str) else bytes(raw)

    @staticmethod
    def _loads(raw: bytes | str) -> dict[str, Any]:
        value: dict[str, Any] = orjson.loads(raw)
        return value


def _insert_document(
    tx: WriteTx, document: Document, date_added: str, source_id: int, owner_org: int | None
) -> bool:
    added = tx.execute(
        "INSERT INTO documents (id, sha256, title, source, published, media_type, "
        "date_added, text, source_id, owner_org) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        [document.id, document.sha256, document.title, document.source, document.published,
         document.media_type, date_added, document.text, source_id, owner_org],
    )  # fmt: skip
    return added > 0


def _stamp_param(name: str, value: str) -> str:
    error = timestamp_error(value)
    if error:
        raise InputError(f"{name}: {error}")
    return sort_key(value)


def _ascii_lower(text: str) -> str:
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# What each engine's index on objects.name (migration 0001) sorts by, and the case folding
# that goes with it: a prefix range must use the same expression to use the index.
_NAME_INDEX: dict[str, tuple[str, Callable[[str], str]]] = {
    "sqlite": ("o.name COLLATE NOCASE", _ascii_lower),
    "postgres": ("lower(o.name)", str.lower),
}


def _past_prefix(prefix: str) -> str:
    """A bound above every string that starts with `prefix`: the prefix cut after its last
    ASCII letter or digit that has a successor, which is incremented ("ilham a" -> "ilham b").
    Unlike ``prefix + U+10FFFF`` (the fallback) this holds in linguistic collations too, which
    ignore spaces and punctuation at first. Names in the range that do not start with `prefix`
    are filtered out afterwards."""
    stem = prefix
    while stem and not (stem[-1].isascii() and stem[-1].isalnum() and stem[-1] not in "zZ9"):
        stem = stem[:-1]
    if not stem:
        return prefix + "\U0010ffff"
    return stem[:-1] + chr(ord(stem[-1]) + 1)


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _with_cursor(query: ObjectQuery, cursor: str) -> ObjectQuery:
    return replace(query, cursor=cursor)
