"""A node for the REST tests: two organisations, a user of every role in A, an analyst and an
editor in B, a token each, and the app over them (driven in-process by TestClient)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from accord.service import Accord
from accord.settings import Settings
from accord.sharing import SYSTEM
from accord.store import open_store
from accord.vocab import Role
from accord.web import create_app

SAMPLES = Path(__file__).resolve().parents[2] / "accord" / "samples" / "documents"
USERS = {
    "a_reader": ("A", Role.READER),
    "a_analyst": ("A", Role.ANALYST),
    "a_editor": ("A", Role.EDITOR),
    "a_admin": ("A", Role.ADMIN),
    "b_analyst": ("B", Role.ANALYST),
    "b_editor": ("B", Role.EDITOR),
}


@dataclass
class Node:
    service: Accord
    app: FastAPI
    client: TestClient
    tokens: dict[str, str]
    orgs: dict[str, int]
    token_ids: dict[str, str] = field(default_factory=dict)

    def headers(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    def call(self, who: str | None, method: str, path: str, **kwargs: Any) -> Any:
        headers = self.headers(who) if who else {}
        return self.client.request(method, f"/api/v1{path}", headers=headers, **kwargs)

    def revoke(self, who: str) -> None:
        self.service.directory.revoke_token(self.token_ids[who], actor=SYSTEM)


PASSWORD = "correct horse battery staple"


def populate(service: Accord) -> tuple[dict[str, int], dict[str, str], dict[str, str]]:
    """Organisations A and B, the users of USERS, a token each: (org ids, tokens, token ids)."""
    directory = service.directory
    orgs = {name: directory.add_organisation(f"Organisation {name}", actor=SYSTEM).id
            for name in ("A", "B")}  # fmt: skip
    tokens, token_ids = {}, {}
    for name, (org, role) in USERS.items():
        directory.add_user(name, f"Organisation {org}", role, PASSWORD, actor=SYSTEM)
        token_ids[name], tokens[name] = directory.create_token(name, actor=SYSTEM)
    return orgs, tokens, token_ids


Populated = tuple[dict[str, int], dict[str, str], dict[str, str]]


def make_node(
    url: str, tmp_path: Path, populated: Populated | None = None, **settings: Any
) -> Node:
    service = Accord(open_store(url, upgrade=True))
    orgs, tokens, token_ids = populated or populate(service)
    app = create_app(Settings(data_dir=tmp_path, database_url=url, **settings), service)
    client = TestClient(app, raise_server_exceptions=False)
    return Node(service, app, client, tokens, orgs, token_ids)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Populated]:
    """A populated SQLite store made once: hashing the users' passwords (argon2) is slow."""
    path = tmp_path_factory.mktemp("template") / "accord.db"
    service = Accord(open_store(f"sqlite:///{path}", upgrade=True))
    try:
        return path, populate(service)
    finally:
        service.store.close()


@pytest.fixture
def fresh_sqlite(sqlite_template: tuple[Path, Populated], tmp_path: Path) -> tuple[str, Populated]:
    """A copy of the template: (its URL, what it holds)."""
    template, populated = sqlite_template
    target = tmp_path / "accord.db"
    shutil.copyfile(template, target)
    return f"sqlite:///{target}", populated


@contextmanager
def running(node: Node) -> Iterator[Node]:
    try:
        yield node
    finally:
        node.client.close()
        node.service.store.close()


@pytest.fixture
def node(fresh_sqlite: tuple[str, Populated], tmp_path: Path) -> Iterator[Node]:
    url, populated = fresh_sqlite
    with running(make_node(url, tmp_path, populated)) as made:
        yield made


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_node(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Node]:
    """The node over SQLite and over PostgreSQL (when ACCORD_TEST_DATABASE_URL is set)."""
    if request.param == "sqlite":
        url, populated = request.getfixturevalue("fresh_sqlite")
        made = make_node(url, tmp_path, populated)
    else:
        made = make_node(request.getfixturevalue("pg_url"), tmp_path)
    with running(made) as node:
        yield node


def sample(name: str) -> bytes:
    return next(SAMPLES.glob(f"{name}*.txt")).read_bytes()


def upload(node: Node, who: str, name: str, data: bytes, **sharing: Any) -> Any:
    form = {k: v for k, v in sharing.items()}
    return node.call(
        who, "POST", "/documents", files={"file": (name, data, "text/plain")}, data=form
    )
