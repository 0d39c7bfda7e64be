"""Bounds on every request, checked before a route sees it: a body that says (or turns out)
to be larger than the bound is refused with 413 before it is held whole, and a path or query
holding a NUL character (which no name, id or search can contain) with 400."""

from __future__ import annotations

from collections.abc import Callable

import orjson
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.web.errors import HTTP_KINDS, PROBLEM_JSON

# Room for a multipart form's boundaries and fields, or a JSON body's quoting, around the
# document itself (which is held to max_upload_bytes on its own).
ENVELOPE = 1024 * 1024


def too_large(limit: int) -> str:
    return f"the request body is larger than the {limit} bytes this server accepts"


Render = Callable[[int, str], tuple[str, bytes]]
"""(status, detail) -> (content type, body) of a refusal."""


def problem_body(status: int, detail: str, path: str) -> tuple[str, bytes]:
    kind = HTTP_KINDS[status]
    return PROBLEM_JSON, orjson.dumps({
        "type": kind.type, "title": kind.title, "status": status, "detail": detail,
        "instance": path.replace("\x00", ""),
    })  # fmt: skip


class BodyLimit:
    """ASGI middleware: at most `limit` bytes of request body. Refusals are problems unless
    `render` makes them otherwise; paths under `exempt` are left to their own bound."""

    def __init__(
        self, app: ASGIApp, limit: int, render: Render | None = None, exempt: str | None = None
    ) -> None:
        self.app = app
        self.limit = limit
        self.render = render
        self.exempt = exempt

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (
            self.exempt is not None and scope.get("path", "").startswith(self.exempt)
        ):
            await self.app(scope, receive, send)
            return
        if "\x00" in scope.get("path", "") or b"%00" in scope.get("query_string", b""):
            await self._refuse(scope, send, 400,
                               "the request's path or query holds a NUL character")  # fmt: skip
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, send, 413, too_large(self.limit))
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

    async def _refuse(self, scope: Scope, send: Send, status: int, detail: str) -> None:
        """Answer without reading the request."""
        if self.render is not None:
            content_type, body = self.render(status, detail)
        else:
            content_type, body = problem_body(status, detail, scope.get("path", ""))
        await _send(send, status, content_type, body)


async def _send(send: Send, status: int, content_type: str, body: bytes) -> None:
    await send({
        "type": "http.response.start", "status": status,
        "headers": [(b"content-type", content_type.encode()),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close")],
    })  # fmt: skip
    await send({"type": "http.response.body", "body": body})
