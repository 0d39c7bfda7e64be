"""STIX 2.1 timestamps: RFC 3339 in UTC ("Z"), with any number of fractional digits."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

# Field ranges are in the pattern; only days 29-31 need a calendar to confirm.
_TIMESTAMP = re.compile(
    r"(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z"
)


def timestamp_error(value: object) -> str | None:
    """Why `value` is not a STIX timestamp, or None when it is one."""
    if not isinstance(value, str):
        return f"must be a string timestamp, not {type(value).__name__}"
    return _timestamp_text_error(value)


@lru_cache(maxsize=16384)  # bundles repeat the same timestamps many times over
def _timestamp_text_error(value: str) -> str | None:
    match = _TIMESTAMP.fullmatch(value)
    if match is None:
        return f"{value!r} is not an RFC 3339 UTC timestamp (YYYY-MM-DDTHH:MM:SS[.s+]Z)"
    if match[3] > "28":
        try:
            date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError as exc:
            return f"{value!r} is not a real date: {exc}"
    return None


def sort_key(value: str) -> str:
    """A fixed-width form (nanoseconds) that sorts as time does, whatever the input precision.

    ``2020-01-01T00:00:00Z`` and ``2020-01-01T00:00:00.000Z`` are the same instant and the same
    key. `value` must already have passed :func:`timestamp_error`.
    """
    fraction = value[20:-1] if len(value) > 20 else ""
    return f"{value[:19]}.{fraction[:9].ljust(9, '0')}Z"


def from_sort_key(key: str) -> str:
    """A sort key back as a STIX timestamp, with as many fractional digits as it needs (at
    least milliseconds), so that a client echoing it back means the same instant."""
    fraction = key[20:29].rstrip("0")
    digits = 3 if len(fraction) <= 3 else 6 if len(fraction) <= 6 else 9
    return f"{key[:19]}.{fraction.ljust(digits, '0')}Z"
