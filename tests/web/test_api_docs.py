"""docs/api.md lists every route of the app, with the capability its dependency asks for."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from accord.web import PREFIX
from accord.web.api import PARTS
from tests.web.conftest import Node

API_MD = Path(__file__).resolve().parents[2] / "docs" / "api.md"
ROW = re.compile(r"^\| `(GET|POST|PUT|PATCH|DELETE)` \| `([^`]+)` \| ([a-z]+) \|", re.M)


def capability(dependant: Dependant) -> str:
    for sub in dependant.dependencies:
        name = getattr(sub.call, "__name__", "")
        if name.startswith("requires_"):
            return name.removeprefix("requires_")
        found = capability(sub)
        if found != "none":
            return found
    return "none"


def app_routes() -> dict[tuple[str, str], str]:
    routes: dict[tuple[str, str], str] = {}
    for router in PARTS:
        for route in router.routes:
            assert isinstance(route, APIRoute)
            for method in route.methods:
                routes[(method, PREFIX + route.path)] = capability(route.dependant)
    return routes


def documented() -> dict[tuple[str, str], str]:
    return {(m, p): c for m, p, c in ROW.findall(API_MD.read_text())}


def test_every_route_is_documented_with_its_capability() -> None:
    assert documented() == app_routes()


def test_the_routers_are_all_the_app_serves(node: Node) -> None:
    paths: dict[str, Any] = node.app.openapi()["paths"]
    served = {(m.upper(), p) for p, item in paths.items() for m in item}
    assert served == set(app_routes())
