"""Over real HTTP: uvicorn on a free loopback port, in a thread and as `accord serve`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from tests.web.conftest import Node, sample


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(base: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"{base} did not come up")


@pytest.fixture
def served(node: Node) -> Iterator[tuple[str, Node]]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(node.app, host="127.0.0.1", port=port,
                                           log_level="warning"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_up(base)
        yield base, node
    finally:
        server.should_exit = True
        thread.join(10)


def test_upload_read_and_refuse_over_http(served: tuple[str, Node]) -> None:
    base, node = served
    with httpx.Client(base_url=f"{base}/api/v1", timeout=60) as client:
        analyst = {"Authorization": f"Bearer {node.tokens['a_analyst']}"}
        made = client.post("/documents", headers=analyst,
                           files={"file": ("wire.txt", sample("s01"), "text/plain")})  # fmt: skip
        assert made.status_code == 201, made.text
        docs = client.get("/documents", headers=analyst).json()["documents"]
        assert [d["source"] for d in docs] == ["wire.txt"]
        page = client.get("/objects", params={"limit": 5}, headers=analyst).json()
        assert len(page["objects"]) == 5 and page["next"]
        rest = client.get("/objects", params={"limit": 1000, "next": page["next"]},
                          headers=analyst).json()  # fmt: skip
        ids = [o["id"] for o in page["objects"] + rest["objects"]]
        assert len(ids) == len(set(ids)) == made.json()["objects"]
        other = {"Authorization": f"Bearer {node.tokens['b_analyst']}"}
        assert client.get(f"/documents/{docs[0]['id']}", headers=other).status_code == 404
        refused = client.get("/documents")
        assert refused.status_code == 401
        assert refused.headers["content-type"] == "application/problem+json"
        huge = client.post("/documents", headers={**analyst, "content-type": "application/json"},
                           content=b"x" * (22 * 1024 * 1024))  # fmt: skip
        assert huge.status_code == 413
        assert client.get("/openapi.json").json()["info"]["title"] == "Accord"


def test_accord_serve(tmp_path: Path) -> None:
    """The command itself: it serves the configured store until stopped."""
    env = {**os.environ, "ACCORD_DATA_DIR": str(tmp_path), "ACCORD_LOG_LEVEL": "WARNING"}
    accord = [sys.executable, "-m", "accord"]
    run = lambda *args: subprocess.run([*accord, *args], env=env, check=True,  # noqa: E731
                                       capture_output=True, text=True).stdout  # fmt: skip
    run("db", "upgrade")
    run("org", "add", "Org A")
    subprocess.run([*accord, "user", "add", "alice", "--org", "Org A", "--role", "reader",
                    "--password-stdin"], env=env, check=True, input="a long passphrase\n",
                   capture_output=True, text=True)  # fmt: skip
    token = run("token", "create", "--user", "alice").strip()
    port = free_port()
    server = subprocess.Popen([*accord, "serve", "--port", str(port)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        wait_up(base)
        me = httpx.get(f"{base}/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert (me.status_code, me.json()["name"]) == (200, "alice")
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/api/v1" in output
    assert token not in output
