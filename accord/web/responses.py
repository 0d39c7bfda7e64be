"""JSON out: orjson, and pages of stored objects passed through as the bytes the store holds."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import Response

JSON = "application/json"


def json(value: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(value), status, media_type=JSON)


def page(key: str, items: list[bytes], next_cursor: str | None) -> Response:
    """``{key: [...], "next": cursor}`` without decoding the stored objects."""
    body = b"".join((
        b'{"', key.encode(), b'":[', b",".join(items), b'],"next":', orjson.dumps(next_cursor),
        b"}",
    ))  # fmt: skip
    return Response(body, media_type=JSON)
