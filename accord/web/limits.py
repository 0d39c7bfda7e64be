"""A bound on every request body, enforced while it is read: a body that says (or turns out)
to be larger than the bound is refused with 413 before it is held whole."""

from __future__ import annotations

import orjson
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.web.errors import HTTP_KINDS, PROBLEM_JSON

# Room for a multipart form's boundaries and fields, or a JSON body's quoting, around the
# document itself (which is held to max_upload_bytes on its own).
ENVELOPE = 1024 * 1024


def too_large(limit: int) -> str:
    return f"the request body is larger than the {limit} bytes this server accepts"


class BodyLimit:
    """ASGI middleware: at most `limit` bytes of request body."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, send)
            return
        received = 0

        async def bounded() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise HTTPException(413, too_large(self.limit))
            return message

        await self.app(scope, bounded, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        kind = HTTP_KINDS[413]
        body = orjson.dumps({
            "type": kind.type, "title": kind.title, "status": 413,
            "detail": too_large(self.limit), "instance": scope.get("path", ""),
        })  # fmt: skip
        await send({
            "type": "http.response.start", "status": 413,
            "headers": [(b"content-type", PROBLEM_JSON.encode()),
                        (b"content-length", str(len(body)).encode()),
                        (b"connection", b"close")],
        })  # fmt: skip
        await send({"type": "http.response.body", "body": body})
