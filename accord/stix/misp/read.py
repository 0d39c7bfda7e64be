"""Reading MISP's core JSON format: an event with or without its ``{"Event": ...}`` wrapper,
numbers as strings or as numbers, and a MISP feed's ``manifest.json``. Pure: bytes and
dictionaries in, plain values out; every malformed field is a one-line FileReadError."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from typing import Any

from accord.errors import FileReadError
from accord.stix.misp.scope import Scope
from accord.vocab import TLP, Distribution

Obj = dict[str, Any]

_TLP_TAGS: dict[str, TLP] = {
    "tlp:white": TLP.CLEAR, "tlp:clear": TLP.CLEAR, "tlp:green": TLP.GREEN,
    "tlp:amber": TLP.AMBER, "tlp:amber+strict": TLP.AMBER_STRICT, "tlp:red": TLP.RED,
}  # fmt: skip
_TLP_ORDER = list(TLP)  # laxest first
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
INHERIT = 5
SHARING_GROUP = 4


def is_event(data: object) -> bool:
    """A MISP event, wrapped or not: it has an info line and attributes, objects or a uuid,
    and none of a STIX object's ``type``."""
    if isinstance(data, dict) and isinstance(data.get("Event"), dict) and "type" not in data:
        return True
    return (
        isinstance(data, dict)
        and "type" not in data
        and "info" in data
        and any(key in data for key in ("Attribute", "Object", "uuid", "Orgc"))
    )


def events_of(data: object) -> list[object] | None:
    """The events of a MISP search result (``{"response": [{"Event": ...}, ...]}``, or a bare
    list of events), of a single event (a list of one), or None."""
    if is_event(data):
        return [data]
    found = data.get("response") if isinstance(data, dict) and len(data) == 1 else data
    if isinstance(found, list) and found and all(is_event(item) for item in found):
        return list(found)
    return None


def is_manifest(data: object) -> bool:
    """A MISP feed's manifest.json: event uuids mapping to their summaries."""
    return (
        isinstance(data, dict)
        and bool(data)
        and all(_is_uuid(key) and isinstance(value, dict) for key, value in data.items())
        and all("info" in value or "Orgc" in value for value in data.values())
    )


def unwrap(source: str, data: object) -> Obj:
    """The event dictionary itself, checked for what conversion relies on."""
    event = data.get("Event") if isinstance(data, dict) and "Event" in data else data
    if not isinstance(event, dict):
        raise FileReadError(source, "MISP event: 'Event' must be a JSON object")
    if not _is_uuid(event.get("uuid")):
        raise FileReadError(source, f"MISP event: uuid {event.get('uuid')!r} is not a UUID")
    if not isinstance(event.get("info", ""), str):
        raise FileReadError(source, "MISP event: 'info' must be a string")
    for key in ("Attribute", "Object", "Tag", "Galaxy"):
        if not isinstance(event.get(key, []), list):
            raise FileReadError(source, f"MISP event: '{key}' must be a list")
    return event


def manifest_uuids(source: str, data: object) -> list[str]:
    if not is_manifest(data):
        raise FileReadError(source, "not a MISP feed manifest (event uuids to summaries)")
    assert isinstance(data, dict)
    return sorted(data)


def _is_uuid(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return str(uuid.UUID(value)) == value.lower()
    except ValueError:
        return False


def require_uuid(source: str, where: str, value: object) -> str:
    if not _is_uuid(value):
        raise FileReadError(source, f"MISP event: {where}: uuid {value!r} is not a UUID")
    assert isinstance(value, str)
    return value.lower()


def integer(source: str, where: str, value: object, default: int | None = None) -> int | None:
    """A MISP number, given as a number or as a string of digits."""
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        raise FileReadError(source, f"MISP event: {where}: {value!r} is not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise FileReadError(source, f"MISP event: {where}: {value!r} is not a number")


def flag(value: object) -> bool:
    """A MISP boolean: true/false, 0/1, "0"/"1"."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true")
    return bool(value)


def stamp(source: str, where: str, value: object) -> str | None:
    """A MISP epoch timestamp as a STIX timestamp; None when absent or zero."""
    seconds = integer(source, where, value, 0)
    if not seconds:
        return None
    try:
        moment = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        raise FileReadError(source, f"MISP event: {where}: {value!r} is no time") from None
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def day(source: str, value: object) -> str | None:
    """The event's date (YYYY-MM-DD) as a STIX timestamp at midnight UTC."""
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise FileReadError(source, f"MISP event: date {value!r} is not YYYY-MM-DD")
    try:
        datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        raise FileReadError(source, f"MISP event: date {value!r} is not a real date") from None
    return f"{value}T00:00:00.000Z"


def tag_names(element: Obj) -> list[str]:
    names = []
    for tag in element.get("Tag") or []:
        name = tag.get("name") if isinstance(tag, dict) else None
        if isinstance(name, str) and name:
            names.append(name)
    return names


def tlp_of(tags: list[str]) -> TLP | None:
    """The strictest tlp:* tag among `tags` (tlp:white is TLP 2.0's CLEAR)."""
    found = [_TLP_TAGS[t.strip().lower()] for t in tags if t.strip().lower() in _TLP_TAGS]
    return max(found, key=_TLP_ORDER.index) if found else None


_LEVELS = {0: Distribution.OWNER, 1: Distribution.COMMUNITY, 2: Distribution.FEDERATION,
           3: Distribution.FEDERATION, SHARING_GROUP: Distribution.GROUPS}  # fmt: skip


def scope_of(source: str, where: str, element: Obj, *, event: bool = False) -> Scope:
    """The sharing an event, attribute or object asks for: its distribution level, its
    sharing group's name (level 4) and its tlp:* tags."""
    level = integer(source, f"{where}: distribution", element.get("distribution"))
    tlp = tlp_of(tag_names(element))
    if level is None or (level == INHERIT and not event):
        return Scope(tlp, None, None, level)
    if level not in _LEVELS:
        raise FileReadError(
            source, f"MISP event: {where}: distribution {level} is not a MISP level (0-5)"
        )
    group = _group_name(source, where, element) if level == SHARING_GROUP else None
    return Scope(tlp, _LEVELS[level], group, level)


def _group_name(source: str, where: str, element: Obj) -> str:
    group = element.get("SharingGroup")
    if isinstance(group, dict) and isinstance(group.get("SharingGroup"), dict):
        group = group["SharingGroup"]  # the /sharing_groups API's shape
    name = group.get("name") if isinstance(group, dict) else None
    if not isinstance(name, str) or not name.strip():
        number = element.get("sharing_group_id")
        raise FileReadError(
            source,
            f"MISP event: {where}: distribution 4 (sharing group {number}) but the "
            "sharing group's name is not in the export",
        )
    return name.strip()
