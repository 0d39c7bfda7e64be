"""Real STIX 2.1 bundles published by OASIS (in ../shared/data/interop/stix21) import cleanly."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from accord.service import Accord
from accord.store import Store


def oasis_bundles(shared: Path) -> list[Path]:
    found = []
    for path in sorted((shared / "data" / "interop" / "stix21").rglob("*.json")):
        data = orjson.loads(path.read_bytes())
        if isinstance(data, dict) and "objects" in data:
            found.append(path)
    return found


def test_every_oasis_bundle_imports_without_problems(store: Store, shared_dir: Path) -> None:
    bundles = oasis_bundles(shared_dir)
    if not bundles:
        pytest.skip("no OASIS bundles under ../shared/data/interop/stix21")
    service = Accord(store)
    for path in bundles:
        report = service.import_path(path)
        assert report.error is None, report.error
        assert report.rejected == 0
        assert report.added + report.unchanged == report.objects > 0
