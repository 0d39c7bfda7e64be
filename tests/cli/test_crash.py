"""A crash mid-import (SIGKILL) leaves the store exactly as it was before the import."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import orjson

from accord.sharing import SYSTEM
from accord.store import ObjectQuery, open_store
from tests.factories import bundle, identity

PROGRESS = re.compile(r": (\d+)/(\d+) objects written")


def snapshot(url: str) -> tuple[list[bytes], object]:
    store = open_store(url)
    try:
        rows = list(store.iter_query(ObjectQuery(versions="all"), viewer=SYSTEM))
        return rows, store.stats(viewer=SYSTEM)
    finally:
        store.close()


def accord(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "accord", "--db", url, *args]


def test_sigkill_half_way_through_an_import_changes_nothing(store_url: str, tmp_path: Path) -> None:
    small = tmp_path / "small.json"
    small.write_bytes(orjson.dumps(bundle(identity("Already here"))))
    subprocess.run(accord(store_url, "import", str(small)), check=True, capture_output=True)
    before = snapshot(store_url)

    large = tmp_path / "large.json"
    large.write_bytes(orjson.dumps(bundle(*[identity(f"Org {n}") for n in range(60_000)])))
    killed_at = None
    with subprocess.Popen(
        accord(store_url, "import", "--progress", str(large)),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    ) as process:  # fmt: skip
        assert process.stderr is not None
        for line in process.stderr:
            match = PROGRESS.search(line)
            if match and 0 < int(match[1]) < int(match[2]):
                os.kill(process.pid, signal.SIGKILL)
                killed_at = int(match[1])
                break
        process.wait(timeout=60)
    assert killed_at is not None, "the import ended before it could be killed half-way"
    assert process.returncode == -signal.SIGKILL

    assert snapshot(store_url) == before
    done = subprocess.run(accord(store_url, "import", "--json", str(large)), capture_output=True)
    assert done.returncode == 0, done.stderr
    assert orjson.loads(done.stdout)["reports"][0]["added"] == 60_000
