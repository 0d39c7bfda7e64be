"""Keeping ``source_audience`` (which organisations see which source) and ``entity_audience``
equal to what the sharing rules say. Every change that can alter them calls one of these in
the same transaction: a new source, a change of sharing, a new organisation, a change of a
sharing group's members.

When an organisation comes to see rows it could not see before, those rows are *added again*:
their ``date_added`` moves past every other row's. TAXII clients poll with ``added_after``
from their last checkpoint; rows re-added after it reach them, although they were first
stored long before (docs/taxii.md)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from accord.sharing import ENTITY_TYPES, audience_rule
from accord.stix.timestamps import sort_key

if TYPE_CHECKING:
    from accord.store.base import WriteTx

_CHUNK = 500
_ENTITY_MARKS = ", ".join("?" * len(ENTITY_TYPES))


def _chunks(values: Sequence[object]) -> Iterable[tuple[list[object], str]]:
    for start in range(0, len(values), _CHUNK):
        chunk = list(values[start : start + _CHUNK])
        yield chunk, ", ".join("?" * len(chunk))


def refresh_sources(tx: WriteTx, source_ids: Sequence[int], at: str | None = None) -> None:
    """Re-derive the audience of these sources, and of the entities they name; what an
    organisation comes to see is added again (at `at`, or just after the last row)."""
    rule, params = audience_rule("g.id", "s", "g.kind")
    gained: set[int] = set()
    for chunk, marks in _chunks(source_ids):
        select = (
            f"SELECT a.org_id, a.source_id FROM source_audience a WHERE a.source_id IN ({marks})"
        )
        before = set(tx.fetch(select, chunk))
        tx.execute(f"DELETE FROM source_audience WHERE source_id IN ({marks})", chunk)
        tx.execute(
            "INSERT INTO source_audience (org_id, source_id) SELECT g.id, s.id "
            f"FROM sources s JOIN organisations g ON {rule} WHERE s.id IN ({marks})",
            [*params, *chunk],
        )
        gained.update(int(sid) for _, sid in set(tx.fetch(select, chunk)) - before)
        named = tx.fetch(
            f"SELECT DISTINCT m.object_id FROM mentions m WHERE m.source_id IN ({marks})", chunk
        )
        refresh_entities(tx, [str(object_id) for (object_id,) in named], at)
    readd_sources(tx, sorted(gained), at)


def refresh_entities(tx: WriteTx, object_ids: Sequence[str], at: str | None = None) -> None:
    """Re-derive who sees these entities: whoever sees a source that names them."""
    gained: set[str] = set()
    for chunk, marks in _chunks(object_ids):
        select = (
            "SELECT ea.org_id, ea.object_id FROM entity_audience ea "
            f"WHERE ea.object_id IN ({marks})"
        )
        before = set(tx.fetch(select, chunk))
        tx.execute(f"DELETE FROM entity_audience WHERE object_id IN ({marks})", chunk)
        tx.execute(
            "INSERT INTO entity_audience (org_id, object_id) SELECT DISTINCT a.org_id, "
            "m.object_id FROM mentions m JOIN source_audience a ON a.source_id = m.source_id "
            f"WHERE m.object_id IN ({marks})",
            chunk,
        )
        gained.update(str(oid) for _, oid in set(tx.fetch(select, chunk)) - before)
    readd_entities(tx, sorted(gained), at)


def add_mentions(tx: WriteTx, source_id: int, at: str | None = None) -> None:
    """A source's mentions were recorded: its audience now sees the entities it names."""
    new = tx.fetch(
        "SELECT DISTINCT a.org_id, m.object_id FROM mentions m "
        "JOIN source_audience a ON a.source_id = m.source_id WHERE m.source_id = ? "
        "AND NOT EXISTS (SELECT 1 FROM entity_audience ea "
        "WHERE ea.org_id = a.org_id AND ea.object_id = m.object_id)",
        [source_id],
    )
    tx.executemany(
        "INSERT INTO entity_audience (org_id, object_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        new,
    )
    readd_entities(tx, sorted({str(oid) for _, oid in new}), at)


def refresh_all(tx: WriteTx) -> None:
    """Re-derive every source's and entity's audience (a new organisation joins every
    community). Nothing is added again: only the new organisation gains, and it has read
    nothing yet."""
    rule, params = audience_rule("g.id", "s", "g.kind")
    tx.execute("DELETE FROM source_audience")
    tx.execute(
        "INSERT INTO source_audience (org_id, source_id) SELECT g.id, s.id "
        f"FROM sources s JOIN organisations g ON {rule}",
        list(params),
    )
    tx.execute("DELETE FROM entity_audience")
    tx.execute(
        "INSERT INTO entity_audience (org_id, object_id) SELECT DISTINCT a.org_id, "
        "m.object_id FROM mentions m JOIN source_audience a ON a.source_id = m.source_id"
    )


def refresh_groups(tx: WriteTx, group_ids: Sequence[int], at: str | None = None) -> None:
    """Re-derive the audience of every source shared with these groups (their members
    changed)."""
    if not group_ids:
        return
    marks = ", ".join("?" * len(group_ids))
    sources = [int(sid) for (sid,) in tx.fetch(
        f"SELECT DISTINCT sg.source_id FROM source_groups sg WHERE sg.group_id IN ({marks})",
        list(group_ids),
    )]  # fmt: skip
    refresh_sources(tx, sources, at)


# --- adding again -----------------------------------------------------------------------------


def next_date_added(tx: WriteTx, at: str | None = None) -> str:
    """A date_added later than every stored row's (by one microsecond at least), and not
    earlier than `at`: rows written or added again with it sort after all others in TAXII
    order, (date_added, seq)."""
    # Stored date_added values are sort keys: the TAXII cursor and headers read them so, and
    # they compare as time only in one width (a sharing change passes a plain timestamp).
    at = sort_key(at) if at is not None else None
    ((last,),) = tx.fetch("SELECT MAX(o.date_added) FROM objects o")
    if last is None:
        return at or "1970-01-01T00:00:00.000000000Z"
    after = _plus_microsecond(str(last))
    return at if at is not None and at > after else after


def _plus_microsecond(key: str) -> str:
    """`key` (a sort key: nine fractional digits) plus 1 µs, truncated to the microsecond."""
    moment = datetime.strptime(key[:26], "%Y-%m-%dT%H:%M:%S.%f") + timedelta(microseconds=1)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f") + "000Z"


def readd_sources(tx: WriteTx, source_ids: Sequence[int], at: str | None = None) -> None:
    """Add again every version these sources wrote or hold."""
    if not source_ids:
        return
    when = next_date_added(tx, at)
    for chunk, marks in _chunks(source_ids):
        tx.execute(f"UPDATE objects SET date_added = ? WHERE source_id IN ({marks})",
                   [when, *chunk])  # fmt: skip
        tx.execute(
            "UPDATE objects SET date_added = ? WHERE seq IN "
            f"(SELECT h.seq FROM object_holders h WHERE h.source_id IN ({marks}))",
            [when, *chunk],
        )


def readd_entities(tx: WriteTx, object_ids: Sequence[str], at: str | None = None) -> None:
    """Add again every version of these entities."""
    if not object_ids:
        return
    when = next_date_added(tx, at)
    for chunk, marks in _chunks(object_ids):
        tx.execute(
            f"UPDATE objects SET date_added = ? WHERE id IN ({marks}) "
            f"AND type IN ({_ENTITY_MARKS})",
            [when, *chunk, *ENTITY_TYPES],
        )
