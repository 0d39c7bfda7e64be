"""When a meeting one document reports is a meeting already stored. Pure.

A meeting's id comes from the document that reports it, so the same meeting reported by two
documents has two ids; its name, though, is made from what identifies it ("Bilateral meeting in
Moscow, 2021-03-12"), so the meetings it may be are those whose names start alike. The rule is
the one extraction is scored by (docs: extraction-spec): the format (and here the status) must
agree, and the start at the coarser granularity of the two; then, when both name two
participants or more, the participants decide (a Jaccard similarity of 0.5 or more, over ids
already resolved); otherwise the same start, to the granularity given, and the same place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from accord.extraction import normalise as nm
from accord.stix import extensions as ext

Obj = dict[str, Any]
_WIDTH = {"year": 4, "month": 7, "day": 10}  # characters of an ISO date at each granularity


def meeting_prefix(meeting: Obj) -> str | None:
    """The start shared by the names the same meeting has in other documents: its format,
    status and place and its month ("Bilateral meeting in Moscow, 2021-03"), or year when only
    the year is known. None for a meeting without a date: nothing would tell two apart."""
    name = meeting.get("name")
    if not isinstance(name, str) or not isinstance(meeting.get("start"), str):
        return None
    head, separator, date = name.rpartition(", ")
    if not separator or not date[:4].isdigit():
        return None
    return head + separator + date[: 7 if len(date) >= 7 else 4]


def same_setting(a: Obj, b: Obj) -> bool:
    """The same format and status, and starts that agree at the coarser granularity."""
    if a.get("format") != b.get("format") or a.get("status") != b.get("status"):
        return False
    start_a, start_b = a.get("start"), b.get("start")
    if not isinstance(start_a, str) or not isinstance(start_b, str):
        return False
    width = min(_width(a), _width(b))
    return start_a[:width] == start_b[:width]


def _width(meeting: Obj) -> int:
    return _WIDTH.get(str(meeting.get("start_granularity", "day")), 10)


def meetings_compatible(
    a: Obj, b: Obj, a_parties: frozenset[str], b_parties: frozenset[str]
) -> bool:
    """True when meetings `a` and `b`, with these participants, can be one meeting."""
    if not same_setting(a, b):
        return False
    if len(a_parties) > 1 and len(b_parties) > 1:
        return nm.jaccard(a_parties, b_parties) >= 0.5
    return all(a.get(key) == b.get(key) for key in ("start", "start_granularity", "location_ref"))


def participants(relationships: Iterable[Obj]) -> dict[str, frozenset[str]]:
    """Meeting id -> the ids taking part in it, from participates-in relationships."""
    found: dict[str, set[str]] = defaultdict(set)
    for obj in relationships:
        if obj.get("type") == "relationship" and obj.get("relationship_type") == (
            ext.PARTICIPATES_IN
        ):
            found[str(obj["target_ref"])].add(str(obj["source_ref"]))
    return {meeting: frozenset(parties) for meeting, parties in found.items()}
