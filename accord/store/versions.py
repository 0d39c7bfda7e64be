"""Sorting incoming versions against stored ones: pure functions over what the store read,
shared by every engine."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson

from accord.errors import Problem
from accord.store.model import PutResult
from accord.store.rows import ObjectRow, object_row


def compare_stored(
    objects: Sequence[dict[str, Any]], same: list[tuple[int, bytes]], result: PutResult
) -> set[int]:
    """Positions already stored: identical ones count as unchanged, others as conflicts."""
    skip = set()
    for pos, raw in same:
        skip.add(pos)
        if orjson.loads(raw) == objects[pos]:
            result.unchanged += 1
        else:
            result.rejected += 1
            result.problems.append(
                Problem(
                    objects[pos]["id"],
                    "modified",
                    "a version with this id and modified is already stored with different content",
                    pos,
                )
            )
    return skip


def final_latest(
    objects: Sequence[dict[str, Any]],
    versions: Sequence[str],
    fresh: list[int] | None,
    stored_latest: dict[str, str],
) -> dict[str, str]:
    """The newest version of every id written, counting stored and incoming versions."""
    final: dict[str, str] = {}
    for pos in range(len(objects)) if fresh is None else fresh:
        object_id, version = objects[pos]["id"], versions[pos]
        current = final.get(object_id, stored_latest.get(object_id))
        final[object_id] = version if current is None or version > current else current
    return final


def version_rows(
    objects: Sequence[dict[str, Any]],
    versions: Sequence[str],
    fresh: list[int] | None,
    stored_latest: dict[str, str],
    final: dict[str, str],
    seq: int,
    date_added: str,
    result: PutResult,
    source_id: int,
) -> list[ObjectRow]:
    """The rows to insert (positions `fresh`, or all), numbered from `seq`; counts each as
    added (an id the store did not know), a new version, or history."""
    rows: list[ObjectRow] = []
    for pos in range(len(objects)) if fresh is None else fresh:
        obj, version = objects[pos], versions[pos]
        object_id = obj["id"]
        known = stored_latest.get(object_id)
        if known is None:
            result.added += 1
        elif version > known:
            result.new_versions += 1
        else:
            result.history += 1
        rows.append(
            object_row(obj, version, seq, date_added, final[object_id] == version, source_id)
        )
        seq += 1
    return rows
