"""docs/taxii.md lists every TAXII route with the section of the specification it
implements, and each handler's docstring names that same section."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute

from accord.web.taxii import PREFIX
from accord.web.taxii.routes import router

TAXII_MD = Path(__file__).resolve().parents[3] / "docs" / "taxii.md"
ROW = re.compile(r"^\| `(GET|POST|DELETE)` \| `([^`]+)` \| (§[\d.]+) ", re.M)
SECTION = re.compile(r"TAXII 2\.1 (§[\d.]+)")


def _normalise(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


def test_every_route_is_documented_with_its_section() -> None:
    documented = {(m, _normalise(p)): s for m, p, s in ROW.findall(TAXII_MD.read_text())}
    served = {}
    for route in router.routes:
        assert isinstance(route, APIRoute)
        found = SECTION.search(route.endpoint.__doc__ or "")
        assert found, f"{route.endpoint.__name__} names no TAXII 2.1 section"
        for method in route.methods:
            served[(method, _normalise(PREFIX + route.path))] = found.group(1)
    assert documented == served
