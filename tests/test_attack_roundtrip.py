"""The real MITRE ATT&CK Enterprise bundle: import, export, equal as JSON values."""

from __future__ import annotations

import io
from pathlib import Path

import orjson

from accord.service import Accord
from accord.sharing import SYSTEM
from accord.store import ObjectQuery, Store


def test_attack_round_trip(store: Store, attack_path: Path) -> None:
    original = orjson.loads(attack_path.read_bytes())["objects"]
    service = Accord(store)
    report = service.import_path(attack_path)
    assert report.error is None and report.problems == []
    assert report.added == len(original) == 24_772

    out = io.BytesIO()
    count = service.export(ObjectQuery(versions="all"), out, viewer=SYSTEM)
    exported = orjson.loads(out.getvalue())["objects"]
    assert count == len(original)
    by_id = {(o["id"], o.get("modified")): o for o in original}
    assert {(o["id"], o.get("modified")): o for o in exported} == by_id

    again = service.import_path(attack_path)
    assert (again.added, again.unchanged) == (0, len(original))
    assert store.stats(viewer=SYSTEM).versions == len(original)
