"""Keeping ``source_audience`` (which organisations see which source) equal to what the
sharing rules say. Every change that can alter it calls one of these in the same
transaction: a new source, a change of sharing, a new organisation, a change of a sharing
group's members."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from accord.sharing import audience_rule

if TYPE_CHECKING:
    from accord.store.base import WriteTx

_CHUNK = 500


def refresh_sources(tx: WriteTx, source_ids: Sequence[int]) -> None:
    """Re-derive the audience of these sources."""
    rule, params = audience_rule("g.id", "s")
    for start in range(0, len(source_ids), _CHUNK):
        chunk = list(source_ids[start : start + _CHUNK])
        marks = ", ".join("?" * len(chunk))
        tx.execute(f"DELETE FROM source_audience WHERE source_id IN ({marks})", chunk)
        tx.execute(
            "INSERT INTO source_audience (org_id, source_id) SELECT g.id, s.id "
            f"FROM sources s JOIN organisations g ON {rule} WHERE s.id IN ({marks})",
            [*params, *chunk],
        )


def refresh_all(tx: WriteTx) -> None:
    """Re-derive every source's audience (a new organisation joins every community)."""
    rule, params = audience_rule("g.id", "s")
    tx.execute("DELETE FROM source_audience")
    tx.execute(
        "INSERT INTO source_audience (org_id, source_id) SELECT g.id, s.id "
        f"FROM sources s JOIN organisations g ON {rule}",
        list(params),
    )


def refresh_groups(tx: WriteTx, group_ids: Sequence[int]) -> None:
    """Re-derive the audience of every source shared with these groups (their members
    changed)."""
    if not group_ids:
        return
    marks = ", ".join("?" * len(group_ids))
    sources = [int(sid) for (sid,) in tx.fetch(
        f"SELECT DISTINCT sg.source_id FROM source_groups sg WHERE sg.group_id IN ({marks})",
        list(group_ids),
    )]  # fmt: skip
    refresh_sources(tx, sources)
