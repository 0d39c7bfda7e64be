"""The sample bundle, imported and exported with a fixed clock and fixed ids, byte for byte.

The golden file was written by this code once and reviewed; to rewrite it after an
intended change, run with ACCORD_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import orjson

from accord.clock import FixedClock, SequentialIds
from accord.service import Accord
from accord.sharing import SYSTEM
from accord.store import ObjectQuery, open_store

GOLDEN = Path(__file__).parent / "golden" / "sample-export.json"


def test_sample_export_is_stable(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    service = Accord(store, clock=FixedClock(datetime(2026, 1, 1, tzinfo=UTC)), ids=SequentialIds())
    sample = resources.files("accord.samples").joinpath("security-council-meeting.json")
    with resources.as_file(sample) as path:
        assert service.import_path(path).error is None
        original = orjson.loads(path.read_bytes())["objects"]
    out = io.BytesIO()
    service.export(ObjectQuery(versions="all"), out, viewer=SYSTEM)
    store.close()
    if os.environ.get("ACCORD_UPDATE_GOLDEN"):
        GOLDEN.write_bytes(out.getvalue())
    assert out.getvalue() == GOLDEN.read_bytes()
    assert orjson.loads(out.getvalue())["objects"] == original
