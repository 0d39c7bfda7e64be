"""TAXII collections in the store: the collections themselves, the status of each write to
one, and reads of objects and manifests in TAXII order, (date_added, seq), within a sharing
scope. Shared by both engines; SQL uses ``?`` placeholders.

Paging is by keyset on (date_added, seq): stateless, and stable while objects are added,
because every row written or added again gets a date_added later than all others
(accord.store.audience.next_date_added)."""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

import orjson

from accord.errors import ConflictError, InputError, NotFoundError
from accord.sharing import AUDITED_TLP, Principal, Scope, ScopeKind, visible_predicate
from accord.stix.timestamps import sort_key, timestamp_error
from accord.store.model import MAX_PAGE
from accord.vocab import TLP

if TYPE_CHECKING:
    from accord.store.base import Row, WriteTx

VERSION_WORDS = frozenset({"first", "last", "all"})
_AUDITED = tuple(sorted(str(t) for t in AUDITED_TLP))


@dataclass(frozen=True, slots=True)
class Collection:
    id: str
    title: str
    description: str | None
    scope: ScopeKind
    group_id: int | None
    tlp: TLP  # for objects written with no TLP marking
    created: str


@dataclass(frozen=True, slots=True)
class TaxiiQuery:
    """The filters of a TAXII read (§3.4): ``match[id|type|spec_version]``, ``match[version]``
    as ``first``, ``last``, ``all`` or version timestamps, ``added_after``, ``limit`` and the
    ``next`` cursor."""

    ids: Sequence[str] = ()
    types: Sequence[str] = ()
    spec_versions: Sequence[str] = ()
    versions: Sequence[str] = ("last",)
    added_after: str | None = None
    limit: int = 1000
    cursor: str | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_PAGE:
            raise InputError(f"limit must be between 1 and {MAX_PAGE}, not {self.limit}")
        for value in self.versions:
            if value not in VERSION_WORDS and timestamp_error(value):
                raise InputError(
                    f"match[version]: {value!r} is not first, last, all or a timestamp"
                )
        if self.added_after is not None and timestamp_error(self.added_after):
            raise InputError(f"added_after: {timestamp_error(self.added_after)}")


class Entry(NamedTuple):
    """One object version in a TAXII read: its manifest fields, and its JSON when asked. A
    tuple: a page makes thousands, and a frozen dataclass costs several times as much to
    make."""

    id: str
    date_added: str  # sort keys (accord.stix.timestamps.sort_key), as stored
    version: str
    spec_version: str | None
    raw: bytes | None
    restricted: bool = False  # from a TLP:RED or AMBER+STRICT source: its read is audited


@dataclass(frozen=True, slots=True)
class TaxiiPage:
    entries: list[Entry]
    next_cursor: str | None
    last_cursor: str | None = None  # just past the last entry, more or not (None: empty)


@dataclass(frozen=True, slots=True)
class Envelope:
    """A page of object versions for a TAXII envelope (§3.7): their stored JSON, in TAXII
    order, and what the envelope's paging and headers need."""

    objects: list[bytes]  # the stored JSON of each version
    ids: list[str]  # the id of each
    restricted: list[str]  # the ids of those from a TLP:RED or AMBER+STRICT source (audited)
    first_added: str | None  # date_added of the first and the last, as sort keys
    last_added: str | None
    next_cursor: str | None
    last_cursor: str | None  # just past the last version, more or not (None: empty)


def encode_taxii_cursor(date_added: str, seq: int) -> str:
    return base64.urlsafe_b64encode(f"t1:{date_added}:{seq}".encode()).decode().rstrip("=")


def decode_taxii_cursor(cursor: str) -> tuple[str, int]:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, rest = text.partition(":")
        date_added, _, seq = rest.rpartition(":")
        if prefix != "t1" or not seq.isdigit() or len(date_added) != 30:
            raise ValueError(text)
        return date_added, int(seq)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InputError(f"invalid next {cursor!r}") from None


_COLLECTION = (
    "SELECT c.id, c.title, c.description, c.scope, c.group_id, c.tlp, c.created FROM collections c"
)


def _collection(row: Row) -> Collection:
    group = None if row[4] is None else int(row[4])
    return Collection(row[0], row[1], row[2], ScopeKind(row[3]), group, TLP(row[5]), row[6])


class CollectionMethods:
    """Mixed into :class:`accord.store.base.SqlStore`."""

    if TYPE_CHECKING:
        engine: str

        def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...
        def _write(self) -> AbstractContextManager[WriteTx]: ...

    # --- collections ----------------------------------------------------------------------
    def add_collection(
        self,
        title: str,
        *,
        scope: ScopeKind,
        created: str,
        group_id: int | None = None,
        tlp: TLP = TLP.AMBER,
        description: str | None = None,
    ) -> Collection:
        Scope(scope, group_id=group_id)  # a group exactly for a 'groups' scope
        collection_id = str(uuid.uuid4())
        with self._write() as tx:
            if group_id is not None and not tx.fetch(
                "SELECT 1 FROM sharing_groups g WHERE g.id = ?", [group_id]
            ):
                raise NotFoundError("sharing group", str(group_id))
            added = tx.fetch(
                "INSERT INTO collections (id, title, description, scope, group_id, tlp, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
                [collection_id, title, description, str(scope), group_id, str(tlp), created],
            )
        if not added:
            raise ConflictError("collection", title)
        return self.get_collection(collection_id)

    def collections(self) -> list[Collection]:
        """Every collection; who may list, read and write each is accord.sharing.access's
        to say."""
        return [_collection(row) for row in self._read(f"{_COLLECTION} ORDER BY c.created, c.id")]

    def get_collection(self, key: str) -> Collection:
        """A collection by id or by title."""
        rows = self._read(f"{_COLLECTION} WHERE c.id = ? OR lower(c.title) = lower(?)",
                          [key, key])  # fmt: skip
        if not rows:
            raise NotFoundError("collection", key)
        return _collection(rows[0])

    def in_group(self, org_id: int | None, group_id: int | None) -> bool:
        """Whether organisation `org_id` belongs to, or owns, sharing group `group_id`."""
        if org_id is None or group_id is None:
            return False
        return bool(self._read(
            "SELECT 1 FROM sharing_groups g WHERE g.id = ? AND (g.owner_org = ? OR EXISTS "
            "(SELECT 1 FROM group_members gm WHERE gm.group_id = g.id AND gm.org_id = ?))",
            [group_id, org_id, org_id],
        ))  # fmt: skip

    # --- status ---------------------------------------------------------------------------
    def put_status(self, status: dict[str, Any], *, collection_id: str, org_id: int | None) -> None:
        """Keep the status resource of one write (TAXII §4.3.1), for its writer to poll."""
        with self._write() as tx:
            tx.execute(
                "INSERT INTO taxii_status (id, collection_id, org_id, status, request_timestamp, "
                "total_count, success_count, failure_count, pending_count, detail) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [status["id"], collection_id, org_id, status["status"],
                 status["request_timestamp"], status["total_count"], status["success_count"],
                 status["failure_count"], status["pending_count"],
                 orjson.dumps({k: status.get(k, []) for k in
                               ("successes", "failures", "pendings")}).decode()],
            )  # fmt: skip

    def get_status(self, status_id: str, *, viewer: Principal) -> dict[str, Any]:
        """A status resource, to the organisation that wrote it (and the operator)."""
        where, params = "t.id = ?", list[Any]([status_id])
        if not viewer.is_system:
            where += " AND t.org_id = ?"
            params.append(viewer.org_id if viewer.org_id is not None else -1)
        rows = self._read(
            "SELECT t.id, t.status, t.request_timestamp, t.total_count, t.success_count, "
            "t.failure_count, t.pending_count, t.detail FROM taxii_status t "
            f"WHERE {where}",
            params,
        )
        if not rows:
            raise NotFoundError("status", status_id)
        sid, state, at, total, ok, failed, pending, detail = rows[0]
        return {
            "id": sid, "status": state, "request_timestamp": at, "total_count": int(total),
            "success_count": int(ok), "failure_count": int(failed),
            "pending_count": int(pending), **orjson.loads(detail),
        }  # fmt: skip

    # --- reads in TAXII order -------------------------------------------------------------
    def collection_page(
        self, query: TaxiiQuery, *, viewer: Principal, scope: Scope, objects: bool = True
    ) -> TaxiiPage:
        """One page of the object versions `viewer` may see within `scope` that match
        `query`, in TAXII order; with their JSON unless `objects` is False (a manifest)."""
        columns = "o.seq, o.id, o.date_added, o.version, o.spec_version"
        if objects:  # and its source, to tell whether every read of it is audited
            columns += ", o.source_id, o.json"
        rows, more = self._page_rows(query, viewer, scope, columns)
        if not objects:
            entries = [Entry(row[1], row[2], row[3], row[4], None) for row in rows]
        else:
            audited = self._audited_sources({row[5] for row in rows} - {None})
            text = self.engine == "postgres"  # JSON in a TEXT column
            entries = [Entry(row[1], row[2], row[3], row[4], row[6].encode() if text else row[6],
                             row[5] in audited) for row in rows]  # fmt: skip
        last = encode_taxii_cursor(rows[-1][2], int(rows[-1][0])) if rows else None
        return TaxiiPage(entries, last if more else None, last)

    def envelope_page(self, query: TaxiiQuery, *, viewer: Principal, scope: Scope) -> Envelope:
        """The page of :meth:`collection_page` as a TAXII envelope needs it: the stored JSON
        of each version and little else. It reads no version columns (in SQLite they cost
        about a sixth of the page's query) and makes no entry per version."""
        rows, more = self._page_rows(query, viewer, scope, "o.seq, o.id, o.date_added, "
                                     "o.source_id, o.json")  # fmt: skip
        if not rows:
            return Envelope([], [], [], None, None, None, None)
        audited = self._audited_sources({row[3] for row in rows} - {None})
        restricted = [row[1] for row in rows if row[3] in audited] if audited else []
        if self.engine == "postgres":  # JSON in a TEXT column
            raws = [row[4].encode() for row in rows]
        else:
            raws = [row[4] for row in rows]
        first, last = rows[0], rows[-1]
        cursor = encode_taxii_cursor(last[2], int(last[0]))
        return Envelope(raws, [row[1] for row in rows], restricted, first[2], last[2],
                        cursor if more else None, cursor)  # fmt: skip

    def _page_rows(
        self, query: TaxiiQuery, viewer: Principal, scope: Scope, columns: str
    ) -> tuple[list[Row], bool]:
        """The rows of one page (`columns` begin with seq, id, date_added), and whether
        more follow."""
        pred = visible_predicate(viewer, scope=scope)
        where, params = [pred.sql], list(pred.params)
        _taxii_filters(query, where, params)
        select = f"SELECT {columns} FROM objects o WHERE {' AND '.join(where)}"
        if query.cursor is None:
            sql = f"{select} ORDER BY o.date_added, o.seq LIMIT ?"
        elif self.engine == "sqlite":
            after, seq = decode_taxii_cursor(query.cursor)
            # After the cursor: the rest of its date_added, then every later date_added, each
            # one range of the order index, merged. (SQLite starts the range of a row value,
            # (date_added, seq) > (?, ?), at the cursor's date_added, seq being the rowid, and
            # steps over every row of it served before: paging through rows added together
            # was quadratic.)
            sql = (f"{select} AND o.date_added = ? AND o.seq > ? "
                   f"UNION ALL {select} AND o.date_added > ? ORDER BY 3, 1 LIMIT ?")  # fmt: skip
            params = [*params, after, seq, *params, after]
        else:  # PostgreSQL starts the order index's range at the row value itself
            after, seq = decode_taxii_cursor(query.cursor)
            sql = (f"{select} AND (o.date_added, o.seq) > (?, ?) "
                   "ORDER BY o.date_added, o.seq LIMIT ?")  # fmt: skip
            params = [*params, after, seq]
        rows = self._read(sql, [*params, query.limit + 1])
        return rows[: query.limit], len(rows) > query.limit

    def _audited_sources(self, source_ids: set[int]) -> set[int]:
        """Those of `source_ids` whose every read is audited (TLP:RED, TLP:AMBER+STRICT): one
        look-up for a page, where a subquery per row cost a fifth of the page's read."""
        found: set[int] = set()
        ids = sorted(source_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            found.update(int(sid) for (sid,) in self._read(
                f"SELECT s.id FROM sources s WHERE s.id IN ({_marks(chunk)}) "
                f"AND s.tlp IN ({_marks(_AUDITED)})", [*chunk, *_AUDITED],
            ))  # fmt: skip
        return found


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _taxii_filters(query: TaxiiQuery, where: list[str], params: list[Any]) -> None:
    if query.ids:
        where.append(f"o.id IN ({_marks(query.ids)})")
        params.extend(query.ids)
    if query.types:
        # Off the (type, latest) index unless ids lead: TAXII order is the order index's.
        where.append(f"o.type || '' IN ({_marks(query.types)})")
        params.extend(query.types)
    if query.spec_versions:
        where.append(f"o.spec_version IN ({_marks(query.spec_versions)})")
        params.extend(query.spec_versions)
    if query.added_after is not None:
        where.append("o.date_added > ?")
        params.append(sort_key(query.added_after))
    if "all" not in query.versions:
        alternatives = []
        if "last" in query.versions:
            alternatives.append("o.latest = ?")
            params.append(True)
        if "first" in query.versions:
            alternatives.append(
                "NOT EXISTS (SELECT 1 FROM objects o2 "
                "WHERE o2.id = o.id AND o2.version < o.version)"
            )
        stamps = [sort_key(v) for v in query.versions if v not in VERSION_WORDS]
        if stamps:
            alternatives.append(f"o.version IN ({_marks(stamps)})")
            params.extend(stamps)
        where.append(f"({' OR '.join(alternatives)})")
