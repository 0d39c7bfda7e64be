"""A bounded load on Accord's REST API over loopback: `clients` threads, each with its own
HTTP connection, cycling through read requests until `seconds` have passed; latencies and
errors counted. The server runs in its own process (`accord serve`), as it would in use."""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

ACCORD = Path(sys.executable).with_name("accord")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(url: str, port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [str(ACCORD), "--db", url, "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={"ACCORD_LOG_LEVEL": "WARNING", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not answer within 60 s")


def drive(
    base: str, token: str, paths: Sequence[str], clients: int, seconds: float
) -> dict[str, Any]:
    """Run the load; every status >= 500, and every failed connection, is an error (a 404 for
    an id the caller may not see is an answer, not an error)."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(number: int) -> None:
        mine: list[float] = []
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"},
                          timeout=30) as http:  # fmt: skip
            i = number
            while time.monotonic() < stop_at:
                path = paths[i % len(paths)]
                i += 1
                started = time.perf_counter()
                try:
                    status = http.get(path).status_code
                    if status >= 500:
                        with lock:
                            errors.append(f"{status} {path}")
                except httpx.HTTPError as exc:
                    with lock:
                        errors.append(f"{type(exc).__name__} {path}")
                mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "clients": clients, "seconds": round(wall, 1), "requests": len(latencies),
        "requests_per_second": len(latencies) / wall,
        "p50_ms": 1000 * statistics.median(ordered) if ordered else None,
        "p99_ms": 1000 * ordered[int(0.99 * (len(ordered) - 1))] if ordered else None,
        "errors": len(errors), "error_samples": errors[:5],
    }  # fmt: skip
