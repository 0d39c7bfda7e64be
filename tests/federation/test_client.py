"""The TAXII client against a small scripted HTTP server on loopback: each way a remote can
fail comes back as one RemoteError line, and a pending status is polled until complete."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import orjson
import pytest

from accord.errors import RemoteError
from accord.federation.client import TAXII, Auth, TaxiiClient, collection_url
from tests.web.test_http import free_port

SECRET = "tok-very-secret"
STATUS = {"id": "s-1", "status": "pending", "total_count": 1, "success_count": 0,
          "failure_count": 0, "pending_count": 1}  # fmt: skip


class Script(BaseHTTPRequestHandler):
    polls: ClassVar[int] = 0
    sizes: ClassVar[list[int]] = []
    seen: ClassVar[list[tuple[str, str, str]]] = []

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def _answer(self, status: int, body: bytes, media: str = TAXII) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        if status == 302:
            self.send_header("Location", "http://elsewhere.example/")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        Script.seen.append(("GET", self.path, self.headers.get("Authorization", "")))
        kind = self.path.split("/")[1]
        if self.path == "/small/":  # an API root
            self._answer(200, orjson.dumps({"title": "t", "max_content_length": 300}))
        elif self.path.endswith("/status/s-1/"):  # polled
            Script.polls += 1
            done = Script.polls >= 2
            self._answer(
                200,
                orjson.dumps(
                    {
                        **STATUS,
                        "status": "complete" if done else "pending",
                        "success_count": int(done),
                    }
                ),
            )
        elif self.path.count("/") == 2:  # another API root
            self._answer(200, orjson.dumps({"title": "t"}))
        elif kind == "html":
            self._answer(200, b"<html>login</html>", "text/html")
        elif kind == "badjson":
            self._answer(200, b"{not json")
        elif kind == "missing":
            self._answer(404, orjson.dumps({"title": "Not found", "description":
                                            "collection not found:\nx"}))  # fmt: skip
        elif kind == "moved":
            self._answer(302, b"")
        elif kind == "status":  # .../status/s-1/ polled
            Script.polls += 1
            done = Script.polls >= 2
            self._answer(
                200,
                orjson.dumps(
                    {
                        **STATUS,
                        "status": "complete" if done else "pending",
                        "success_count": int(done),
                    }
                ),
            )
        else:
            self._answer(
                200,
                orjson.dumps(
                    {"more": False, "objects": [{"type": "identity", "id": "identity--1"}]}
                ),
            )

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = orjson.loads(self.rfile.read(length))
        Script.seen.append(("POST", self.path, self.headers.get("Content-Type", "")))
        if self.path.startswith("/small/"):
            Script.sizes.append(length)
            count = len(body["objects"])
            self._answer(
                202,
                orjson.dumps(
                    {
                        **STATUS,
                        "status": "complete",
                        "pending_count": 0,
                        "total_count": count,
                        "success_count": count,
                    }
                ),
            )
        else:
            self._answer(202, orjson.dumps(STATUS))


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), Script)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _error(url: str, auth: Auth | None = None) -> str:
    with TaxiiClient(url, auth) as client, pytest.raises(RemoteError) as caught:
        client.get_objects()
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_each_failure_is_one_line(base: str) -> None:
    assert "answered in 'text/html', not application/taxii+json" in _error(
        f"{base}/html/collections/c/"
    )
    assert "not valid JSON" in _error(f"{base}/badjson/collections/c/")
    assert "HTTP 404: Not found: collection not found: x" in _error(
        f"{base}/missing/collections/c/"
    )
    assert "HTTP 302: redirected to http://elsewhere.example/" in _error(
        f"{base}/moved/collections/c/"
    )
    assert "cannot connect" in _error(f"http://127.0.0.1:{free_port()}/r/collections/c/")


def test_credentials_are_sent_and_never_shown(base: str) -> None:
    message = _error(f"{base}/missing/collections/c/", Auth(token=SECRET))
    assert SECRET not in message and SECRET not in repr(Auth(token=SECRET))
    assert ("GET", "/missing/collections/c/objects/?match%5Bversion%5D=all",
            f"Bearer {SECRET}") in Script.seen  # fmt: skip
    with TaxiiClient(f"{base}/ok/collections/c/", Auth(user="u", password=SECRET)) as client:
        assert client.get_objects().objects == [{"type": "identity", "id": "identity--1"}]
    assert Script.seen[-1][2].startswith("Basic ")


def test_a_pending_status_is_polled_until_complete(base: str) -> None:
    with TaxiiClient(f"{base}/status/collections/c/") as client:
        status = client.add_objects([{"type": "identity", "id": "identity--1"}])
    assert status["status"] == "complete" and status["success_count"] == 1
    assert ("POST", "/status/collections/c/objects/", TAXII) in Script.seen
    assert ("GET", "/status/status/s-1/", "") in Script.seen


def test_envelopes_keep_within_the_api_root_s_max_content_length(base: str) -> None:
    objects = [{"type": "identity", "id": f"identity--{n}", "name": "x" * 40} for n in range(20)]
    with TaxiiClient(f"{base}/small/collections/c/") as client:
        status = client.add_objects(objects)
    assert status["success_count"] == 20 and status["status"] == "complete"
    assert len(Script.sizes) > 1 and all(size <= 300 for size in Script.sizes)


def test_urls_are_checked() -> None:
    assert (
        collection_url("https://n.example/t/collections/c") == "https://n.example/t/collections/c/"
    )
    for wrong in ("ftp://n.example/t/collections/c/", "https://n.example/t/",
                  "https://u:p@n.example/t/collections/c/"):  # fmt: skip
        with pytest.raises(RemoteError) as caught:
            collection_url(wrong)
        assert ":p@" not in str(caught.value)
