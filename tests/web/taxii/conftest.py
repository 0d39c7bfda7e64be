"""A node served over real HTTP for the TAXII tests: organisations A and B (members) and a
peer node P, users with passwords and tokens, and uvicorn on a free loopback port."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from accord.service import Accord
from accord.settings import Settings
from accord.sharing import SYSTEM
from accord.store import open_store
from accord.store.model import Sharing
from accord.vocab import TLP, Distribution, OrgKind, Role
from accord.web import create_app
from tests.web.test_http import free_port

PASSWORD = "correct horse battery staple"
FEDERATION = "6b4de219-9281-482c-86e5-944892303cb6"
COMMUNITY = "735eda95-03b4-4bbb-b45a-8737233d00ba"
VISIBLE = "4b6f0e38-b3c2-46f1-92a7-e49b94361eb9"
USERS = {
    "a_analyst": ("Organisation A", Role.ANALYST, OrgKind.MEMBER),
    "a_reader": ("Organisation A", Role.READER, OrgKind.MEMBER),
    "b_analyst": ("Organisation B", Role.ANALYST, OrgKind.MEMBER),
    "p_node": ("Peer P", Role.ANALYST, OrgKind.PEER),
}


@dataclass
class Served:
    base: str
    service: Accord
    tokens: dict[str, str]
    orgs: dict[str, int]

    @property
    def discovery(self) -> str:
        return f"{self.base}/taxii2/"

    @property
    def root(self) -> str:
        return f"{self.base}/taxii2/accord/"

    def collection_url(self, collection_id: str) -> str:
        return f"{self.root}collections/{collection_id}/"

    def headers(self, who: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}",
                "Accept": "application/taxii+json;version=2.1", **extra}  # fmt: skip

    def get(self, who: str, path: str, **params: Any) -> httpx.Response:
        return httpx.get(f"{self.root}{path}", headers=self.headers(who), params=params,
                         timeout=60)  # fmt: skip


def populate(service: Accord) -> tuple[dict[str, int], dict[str, str]]:
    directory = service.directory
    orgs: dict[str, int] = {}
    for org, _, kind in USERS.values():
        if org not in orgs:
            orgs[org] = directory.add_organisation(org, actor=SYSTEM, kind=kind).id
    tokens = {}
    for name, (org, role, _) in USERS.items():
        directory.add_user(name, org, role, PASSWORD, actor=SYSTEM)
        tokens[name] = directory.create_token(name, actor=SYSTEM)[1]
    return orgs, tokens


def share(tlp: TLP, distribution: Distribution) -> Sharing:
    return Sharing(tlp, distribution)


@contextmanager
def serving(url: str, tmp_path: Path) -> Iterator[Served]:
    service = Accord(open_store(url, upgrade=True))
    orgs, tokens = populate(service)
    app = create_app(Settings(data_dir=tmp_path, database_url=url,
                              max_upload_bytes=2 * 1024 * 1024), service)  # fmt: skip
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield Served(f"http://127.0.0.1:{port}", service, tokens, orgs)
    finally:
        server.should_exit = True
        thread.join(10)
        service.store.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """The node on SQLite."""
    with serving(f"sqlite:///{tmp_path / 'taxii.db'}", tmp_path) as node:
        yield node


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Served]:
    """The node on SQLite and on PostgreSQL (when ACCORD_TEST_DATABASE_URL is set)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'taxii.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    with serving(url, tmp_path) as node:
        yield node
