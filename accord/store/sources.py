"""Sources in a write transaction: recording where a write came from, who else holds what it
brought, changing a source's sharing, and deleting a source with everything only it holds.
Shared by both engines; SQL uses ``?`` placeholders."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from accord.errors import InputError
from accord.sharing import ENTITY_TYPES
from accord.store.audience import add_mentions, refresh_entities, refresh_sources
from accord.store.model import NewSource, Sharing

if TYPE_CHECKING:
    from accord.store.base import WriteTx

_ENTITY = frozenset(ENTITY_TYPES)


def insert_source(tx: WriteTx, source: NewSource, now: str) -> int:
    """A new source row; its id."""
    sharing = source.sharing
    rows = tx.fetch(
        "INSERT INTO sources (kind, ref, label, owner_org, tlp, distribution, created, modified) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [source.kind, source.ref, source.label, source.owner_org, str(sharing.tlp),
         str(sharing.distribution), now, now],
    )  # fmt: skip
    source_id = int(rows[0][0])
    _set_groups(tx, source_id, sharing.groups, source.owner_org)
    refresh_sources(tx, [source_id], now)
    return source_id


def _set_groups(tx: WriteTx, source_id: int, groups: Sequence[int], owner_org: int | None) -> None:
    """Name the groups a source is shared with: groups its owner belongs to or owns (the
    operator may name any)."""
    tx.execute("DELETE FROM source_groups WHERE source_id = ?", [source_id])
    if not groups:
        return
    marks = ", ".join("?" * len(groups))
    if owner_org is None:
        sql, params = f"SELECT g.id FROM sharing_groups g WHERE g.id IN ({marks})", list(groups)
    else:
        sql = (
            f"SELECT g.id FROM sharing_groups g WHERE g.id IN ({marks}) AND (g.owner_org = ? "
            "OR g.id IN (SELECT gm.group_id FROM group_members gm WHERE gm.org_id = ?))"
        )
        params = [*groups, owner_org, owner_org]
    found = {int(gid) for (gid,) in tx.fetch(sql, params)}
    missing = sorted(set(groups) - found)
    if missing:
        raise InputError(
            f"no sharing group {', '.join(map(str, missing))} that the owner belongs to"
        )
    tx.executemany(
        "INSERT INTO source_groups (source_id, group_id) VALUES (?, ?)",
        [(source_id, gid) for gid in sorted(set(groups))],
    )


def record_mentions(
    tx: WriteTx,
    source_id: int,
    objects: Iterable[dict[str, Any]],
    evidence: dict[str, bytes] | None = None,
) -> None:
    """Every entity among `objects` is named by this source; `evidence` holds, by entity id,
    the source's own provenance of it."""
    evidence = evidence or {}
    ids = dict.fromkeys(obj["id"] for obj in objects if obj["type"] in _ENTITY)
    ids.update(dict.fromkeys(evidence))
    tx.executemany(
        "INSERT INTO mentions (object_id, source_id, evidence) VALUES (?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        # Text, not bytes: PostgreSQL would keep bytes in the TEXT column as their hex form.
        [(object_id, source_id, _text(evidence.get(object_id))) for object_id in ids],
    )
    add_mentions(tx, source_id)


def _text(raw: bytes | None) -> str | None:
    return raw.decode() if raw is not None else None


def record_holders(tx: WriteTx, source_id: int, same: Sequence[tuple[int, int]]) -> None:
    """Versions brought again, identical, by this source (their seqs): it holds them too."""
    tx.executemany(
        "INSERT INTO object_holders (seq, source_id) SELECT ?, ? WHERE NOT EXISTS "
        "(SELECT 1 FROM objects o WHERE o.seq = ? AND o.source_id = ?) ON CONFLICT DO NOTHING",
        [(seq, source_id, seq, source_id) for seq, _ in same],
    )


def update_sharing(
    tx: WriteTx, source_id: int, sharing: Sharing, now: str, owner_org: int | None
) -> None:
    tx.execute(
        "UPDATE sources SET tlp = ?, distribution = ?, modified = ? WHERE id = ?",
        [str(sharing.tlp), str(sharing.distribution), now, source_id],
    )
    _set_groups(tx, source_id, sharing.groups, owner_org)
    refresh_sources(tx, [source_id], now)


def delete_source(tx: WriteTx, source_id: int) -> int:
    """Delete a source, its document, and every version that no other source holds; versions
    other sources hold pass to one of them, entities stay (others may name them). Returns
    the number of versions deleted."""
    # Versions another source holds too: hand them over.
    tx.execute(
        "UPDATE objects SET source_id = (SELECT MIN(h.source_id) FROM object_holders h "
        "WHERE h.seq = objects.seq AND h.source_id <> ?) WHERE source_id = ? AND EXISTS "
        "(SELECT 1 FROM object_holders h WHERE h.seq = objects.seq AND h.source_id <> ?)",
        [source_id, source_id, source_id],
    )
    tx.execute(
        "DELETE FROM object_holders WHERE source_id = ? OR seq IN "
        "(SELECT o.seq FROM objects o JOIN object_holders h ON h.seq = o.seq "
        "WHERE h.source_id = o.source_id)",
        [source_id],
    )
    types = ", ".join("?" * len(ENTITY_TYPES))
    tx.execute(
        f"UPDATE objects SET source_id = NULL WHERE source_id = ? AND type IN ({types})",
        [source_id, *ENTITY_TYPES],
    )
    ids = [row[0] for row in tx.fetch(
        "SELECT DISTINCT o.id FROM objects o WHERE o.source_id = ?", [source_id]
    )]  # fmt: skip
    for table in ("object_markings", *_SEARCH_TABLES.get(tx.engine, ())):
        tx.execute(
            f"DELETE FROM {table} WHERE seq IN (SELECT o.seq FROM objects o WHERE o.source_id = ?)",
            [source_id],
        )
    deleted = tx.execute("DELETE FROM objects WHERE source_id = ?", [source_id])
    _relatest(tx, ids)
    tx.execute("DELETE FROM documents WHERE source_id = ?", [source_id])
    named = [str(oid) for (oid,) in tx.fetch(
        "SELECT m.object_id FROM mentions m WHERE m.source_id = ?", [source_id]
    )]  # fmt: skip
    for table in ("mentions", "source_groups", "source_audience"):
        tx.execute(f"DELETE FROM {table} WHERE source_id = ?", [source_id])
    tx.execute("DELETE FROM sources WHERE id = ?", [source_id])
    refresh_entities(tx, named)
    return deleted


# Full-text rows keyed by seq that must go with their object (SQLite's contentless FTS5 table
# needs no deletion: a row whose object is gone matches nothing).
_SEARCH_TABLES = {"postgres": ("object_search",)}


def _relatest(tx: WriteTx, ids: list[str]) -> None:
    """After versions were deleted, the newest remaining version of each id is its latest."""
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        tx.execute(
            f"UPDATE objects SET latest = (version = (SELECT MAX(o2.version) FROM objects o2 "
            f"WHERE o2.id = objects.id)) WHERE id IN ({marks})",
            chunk,
        )
