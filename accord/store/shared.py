"""Store methods over sources: listing documents and sources, a document's findings, the
sources that name an entity, changing sharing, deleting, and the audit log. Every read
composes the viewer's predicate (accord.sharing) into its SQL, as everywhere in the store."""

from __future__ import annotations

import abc
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

import orjson

from accord.errors import ForbiddenError, NotFoundError
from accord.sharing import AUDITED_TLP, ENTITY_TYPES, Principal, visible_predicate
from accord.store.model import (
    Document,
    PutResult,
    Sharing,
    SourceInfo,
    decode_cursor,
    encode_cursor,
)
from accord.store.sources import delete_source, update_sharing
from accord.vocab import TLP, Distribution

if TYPE_CHECKING:
    from accord.store.base import Row, WriteTx

_SOURCE_COLUMNS = (
    "s.id, s.kind, s.ref, s.label, s.owner_org, s.tlp, s.distribution, s.created, s.modified"
)
# A document listed, with '' for its text (lists stay small; get_document gives the text).
_LISTED_DOCUMENT = (
    "d.id, d.sha256, '', d.title, d.source, d.published, d.media_type, d.date_added, "
    "d.source_id, d.owner_org"
)
_AUDITED = tuple(str(t) for t in AUDITED_TLP)


def insert_audit(tx: WriteTx, events: Sequence[tuple[Any, ...]]) -> None:
    """Append audit rows (see append_audit) in transaction `tx`."""
    tx.executemany(
        "INSERT INTO audit_log (at, actor, org_id, action, target, outcome, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        events,
    )


class SharedMethods(abc.ABC):
    """Mixed into SqlStore, whose engine hooks these use."""

    @abc.abstractmethod
    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    @abc.abstractmethod
    def _write(self) -> AbstractContextManager[WriteTx]: ...

    @abc.abstractmethod
    def _put_rows(
        self,
        tx: WriteTx,
        source_id: int,
        objects: Sequence[dict[str, Any]],
        versions: Sequence[str],
        date_added: str,
        result: PutResult,
    ) -> None: ...

    # --- sources ---------------------------------------------------------------------------
    def sources(
        self, *, viewer: Principal, ids: Sequence[int] = (), refs: Sequence[str] = ()
    ) -> list[SourceInfo]:
        """The sources the viewer may see (only those with these ids or refs, if given)."""
        pred = visible_predicate(viewer, alias="s")
        where, params = [pred.sql], list(pred.params)
        for column, values in (("s.id", ids), ("s.ref", refs)):
            if values:
                where.append(f"{column} IN ({', '.join('?' * len(values))})")
                params.extend(values)
        rows = self._read(
            f"SELECT {_SOURCE_COLUMNS} FROM sources s WHERE {' AND '.join(where)} ORDER BY s.id",
            params,
        )
        groups = self._groups_of([int(row[0]) for row in rows])
        return [_source(row, groups.get(int(row[0]), ())) for row in rows]

    def _groups_of(self, source_ids: list[int]) -> dict[int, tuple[int, ...]]:
        found: dict[int, list[int]] = {}
        for start in range(0, len(source_ids), 500):
            chunk = source_ids[start : start + 500]
            for source_id, group_id in self._read(
                "SELECT sg.source_id, sg.group_id FROM source_groups sg WHERE sg.source_id IN "
                f"({', '.join('?' * len(chunk))}) ORDER BY sg.group_id",
                chunk,
            ):
                found.setdefault(int(source_id), []).append(int(group_id))
        return {key: tuple(value) for key, value in found.items()}

    def get_source(self, source_id: int, *, viewer: Principal) -> SourceInfo:
        found = self.sources(viewer=viewer, ids=[source_id])
        if not found:
            raise NotFoundError("source", str(source_id))
        return found[0]

    def share(
        self,
        source_id: int,
        sharing: Sharing,
        *,
        viewer: Principal,
        now: str,
        objects: Sequence[dict[str, Any]] = (),
        versions: Sequence[str] = (),
    ) -> PutResult:
        """Give a source new sharing, and write `objects` (checked, with their `versions`) as
        new versions from it in the same transaction: the source's facts marked anew. Only
        its owner organisation (or SYSTEM) may; a source the viewer cannot see is not found,
        whoever owns it."""
        result = PutResult(source_id=source_id)
        with self._write() as tx:
            owner = _owned(tx, source_id, viewer, "share")
            update_sharing(tx, source_id, sharing, now, owner)
            if objects:
                self._put_rows(tx, source_id, objects, versions, now, result)
        return result

    def delete_source(self, source_id: int, *, viewer: Principal) -> int:
        """Delete a source and what only it holds (see accord.store.sources.delete_source)."""
        with self._write() as tx:
            _owned(tx, source_id, viewer, "delete")
            return delete_source(tx, source_id)

    # --- documents ---------------------------------------------------------------------------
    def documents(
        self, *, viewer: Principal, limit: int = 100, cursor: str | None = None
    ) -> tuple[list[Document], str | None]:
        """Documents the viewer may see, in the order they were added, keyset-paged; their
        text is left out (empty) to keep lists small."""
        pred = visible_predicate(viewer, alias="d")
        after = decode_cursor(cursor) if cursor else 0
        rows = self._read(
            f"SELECT d.seq, {_LISTED_DOCUMENT} FROM documents d "
            f"WHERE {pred.sql} AND d.seq > ? ORDER BY d.seq LIMIT ?",
            [*pred.params, after, limit + 1],
        )
        more = len(rows) > limit
        rows = rows[:limit]
        docs = [Document(*row[1:]) for row in rows]
        return docs, encode_cursor(int(rows[-1][0])) if more else None

    def source_facts(self, source_id: int, *, viewer: Principal) -> list[dict[str, Any]]:
        """The latest versions of the facts (not entities) a source wrote, as the viewer may
        see them."""
        pred = visible_predicate(viewer)
        types = ", ".join("?" * len(ENTITY_TYPES))
        rows = self._read(
            f"SELECT o.json FROM objects o WHERE o.source_id = ? AND o.latest = ? "
            f"AND o.type NOT IN ({types}) AND {pred.sql} ORDER BY o.seq",
            [source_id, True, *ENTITY_TYPES, *pred.params],
        )
        return [orjson.loads(raw) for (raw,) in rows]

    def mentions(
        self, *, viewer: Principal, source_id: int | None = None, object_id: str | None = None
    ) -> list[tuple[str, int, dict[str, Any] | None]]:
        """(entity id, source id, that source's evidence) for the entities a source names, or
        the sources that name an entity: only through sources the viewer may see."""
        pred = visible_predicate(viewer, alias="s")
        where, params = [pred.sql], list(pred.params)
        if source_id is not None:
            where.append("m.source_id = ?")
            params.append(source_id)
        if object_id is not None:
            where.append("m.object_id = ?")
            params.append(object_id)
        rows = self._read(
            "SELECT m.object_id, m.source_id, m.evidence FROM mentions m "
            f"JOIN sources s ON s.id = m.source_id WHERE {' AND '.join(where)} "
            "ORDER BY m.source_id, m.object_id",
            params,
        )
        return [(str(oid), int(sid), orjson.loads(ev) if ev else None) for oid, sid, ev in rows]

    def restricted(self, ids: Sequence[str], *, viewer: Principal) -> list[str]:
        """Which of `ids` the viewer sees through a TLP:RED or AMBER+STRICT source: reads of
        those are audited."""
        pred = visible_predicate(viewer, alias="s")
        found: list[str] = []
        marks = ", ".join("?" * len(_AUDITED))
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            found.extend(str(oid) for (oid,) in self._read(
                "SELECT DISTINCT o.id FROM objects o JOIN sources s ON s.id = o.source_id "
                f"WHERE o.id IN ({', '.join('?' * len(chunk))}) AND s.tlp IN ({marks}) "
                f"AND {pred.sql}",
                [*chunk, *_AUDITED, *pred.params],
            ))  # fmt: skip
        return found

    # --- audit -------------------------------------------------------------------------------
    def append_audit(self, events: Sequence[tuple[Any, ...]]) -> None:
        """Append (at, actor, org_id, action, target, outcome, detail JSON) rows."""
        if not events:
            return
        with self._write() as tx:
            insert_audit(tx, events)

    def audit(
        self,
        *,
        viewer: Principal,
        action: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        limit: int = 100,
        cursor: str | None = None,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """Audit events, newest first, keyset-paged: all of them for SYSTEM, those of the
        viewer's organisation for anyone else (the service checks that the viewer may read
        the log at all)."""
        where: list[str] = ["1=1"]
        params: list[Any] = []
        if not viewer.is_system:
            where.append("a.org_id = ?")
            params.append(viewer.org_id)
        for column, value in (("a.action", action), ("a.actor", actor)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if since is not None:
            where.append("a.at >= ?")
            params.append(since)
        if cursor:
            where.append("a.seq < ?")
            params.append(decode_cursor(cursor))
        rows = self._read(
            "SELECT a.seq, a.at, a.actor, a.org_id, a.action, a.target, a.outcome, a.detail "
            f"FROM audit_log a WHERE {' AND '.join(where)} ORDER BY a.seq DESC LIMIT ?",
            [*params, limit + 1],
        )
        more = len(rows) > limit
        events = [_event(row) for row in rows[:limit]]
        return events, encode_cursor(int(rows[limit - 1][0])) if more else None


def audit_row(
    at: str,
    actor: Principal,
    action: str,
    target: str | None,
    detail: dict[str, Any] | None = None,
    outcome: str = "ok",
    name: str | None = None,
) -> tuple[Any, ...]:
    """One audit event as `append_audit` takes it; `name` overrides the actor's name (for a
    refused login, the name that was tried). `detail` must hold no secret."""
    raw = orjson.dumps(detail).decode() if detail else None
    return (at, name or actor.name, actor.org_id, action, target, outcome, raw)


def _owned(tx: WriteTx, source_id: int, viewer: Principal, action: str) -> int | None:
    """The owner of a source the viewer may see and owns; NotFoundError when it may not see
    it, ForbiddenError when it sees it but another organisation owns it."""
    pred = visible_predicate(viewer, alias="s")
    rows = tx.fetch(
        f"SELECT s.owner_org FROM sources s WHERE s.id = ? AND {pred.sql}",
        [source_id, *pred.params],
    )
    if not rows:
        raise NotFoundError("source", str(source_id))
    owner = rows[0][0]
    if not viewer.is_system and owner != viewer.org_id:
        raise ForbiddenError(action, "only the organisation that owns a source may do this")
    return None if owner is None else int(owner)


def _source(row: Row, groups: tuple[int, ...]) -> SourceInfo:
    sid, kind, ref, label, owner, tlp, distribution, created, modified = row
    return SourceInfo(int(sid), kind, ref, label, None if owner is None else int(owner),
                      TLP(tlp), Distribution(distribution), groups, created, modified)  # fmt: skip


def _event(row: Row) -> dict[str, Any]:
    seq, at, actor, org_id, action, target, outcome, detail = row
    return {"seq": int(seq), "at": at, "actor": actor, "org_id": org_id, "action": action,
            "target": target, "outcome": outcome,
            "detail": orjson.loads(detail) if detail else None}  # fmt: skip
