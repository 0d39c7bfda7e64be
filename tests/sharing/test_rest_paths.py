"""Every REST read route checked against the reference model (tests/sharing/model.py) on
hypothesis worlds, over the real app with real API tokens: what a user of an organisation is
served is what the model says it may see, and a 404 for what it may not see reads as the 404
for what does not exist."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from accord.admin import Directory
from accord.service import Accord
from accord.settings import Settings
from accord.sharing import SYSTEM
from accord.sharing.secrets import hash_password
from accord.store import open_store
from accord.vocab import Role
from accord.web import create_app
from tests.sharing.model import ENTITIES, World, build_store, entity_id, report_id, worlds
from tests.sharing.test_read_paths import MISSING, all_ids, expected_ids

HASH = hash_password("a password for the model test")  # argon2 once, not per user


def tokens(store: Any, world: World) -> dict[int, str]:
    directory = Directory(store)
    found = {}
    for org in range(1, world.orgs + 1):
        store.add_user(f"reader{org}", org_id=org, role=Role.READER, password_hash=HASH,
                       created="2026-05-01T00:00:00.000Z")  # fmt: skip
        found[org] = directory.create_token(f"reader{org}", actor=SYSTEM)[1]
    return found


def missing_body(http: TestClient, path: str, key: str) -> str:
    response = http.get(path.format(key))
    assert response.status_code == 404, path
    return response.text.replace(key, "<key>")


def check(http: TestClient, world: World, org: int, cases: Counter[str]) -> None:
    want = expected_ids(world, org)
    listed = http.get("/api/v1/objects", params={"limit": 1000}).json()["objects"]
    assert {o["id"] for o in listed} == want
    stats = http.get("/api/v1/stats").json()
    assert stats["objects"] == len(want)
    hits = http.get("/api/v1/search", params={"q": "common", "limit": 1000}).json()["hits"]
    assert {h["id"] for h in hits} == {
        i for i in want if i.startswith(("identity--", "campaign--"))
    }
    for path in ("/api/v1/objects/{}", "/api/v1/objects/{}/versions"):
        gone = missing_body(http, path, MISSING)
        for object_id in all_ids(world):
            response = http.get(path.format(object_id))
            assert (response.status_code == 200) == (object_id in want), (path, object_id)
            if response.status_code != 200:
                assert response.text.replace(object_id, "<key>") == gone
    seen = {report_id(s) for s in world.sources if world.sees_source(org, s)}
    docs = http.get("/api/v1/documents", params={"limit": 1000}).json()["documents"]
    assert {d["id"] for d in docs} == seen
    assert {s["ref"] for s in http.get("/api/v1/sources").json()["sources"]} == seen
    gone = missing_body(
        http, "/api/v1/documents/{}", "report--00000000-0000-4000-8000-0000000000aa"
    )
    for src in world.sources:
        response = http.get(f"/api/v1/documents/{report_id(src)}")
        assert (response.status_code == 200) == (report_id(src) in seen)
        if response.status_code != 200:
            assert response.text.replace(report_id(src), "<key>") == gone
    for k in range(ENTITIES):
        response = http.get(f"/api/v1/entities/{entity_id(k)}")
        assert (response.status_code == 200) == (entity_id(k) in want)
        if response.status_code == 200:
            named = {s["source"]["ref"] for s in response.json()["sources"]}
            assert named == {report_id(s) for s in world.sources
                             if k in s.names and world.sees_source(org, s)}  # fmt: skip
    cases.update(("objects", "stats", "search", "object", "versions", "documents", "sources",
                  "document", "entity"))  # fmt: skip


def run(examples: int, tmp: Path) -> Counter[str]:
    cases: Counter[str] = Counter()
    config = Settings.load(env={}, data_dir=tmp)

    @settings(max_examples=examples, deadline=None,
              suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    @given(world=worlds())
    def each(world: World) -> None:
        store = open_store("sqlite:///:memory:")
        try:
            build_store(store, world)
            bearer = tokens(store, world)
            with TestClient(create_app(config, Accord(store))) as http:
                for org, token in bearer.items():
                    http.headers["Authorization"] = f"Bearer {token}"
                    check(http, world, org, cases)
        finally:
            store.close()

    each()
    return cases


def test_every_rest_read_route_matches_the_model(tmp_path: Path) -> None:
    cases = run(25, tmp_path)
    assert sum(cases.values()) >= 500, cases


@pytest.mark.slow
def test_every_rest_read_route_matches_the_model_at_length(tmp_path: Path) -> None:
    cases = run(150, tmp_path)
    assert sum(cases.values()) >= 3000, cases
