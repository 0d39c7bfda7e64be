"""Accord nodes served over real HTTP on loopback, each with its own SQLite store, for the
federation tests: node A's members are "Org A" and "Org C", and "Node B" is the peer
organisation standing for node B there; node B's member is "Org B", and "Node A" stands for
node A there. Each peer organisation has a user with an API token, which the other node uses
to authenticate."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn

from accord.service import Accord
from accord.settings import Settings
from accord.sharing import SYSTEM, Principal, operator_for
from accord.store import open_store
from accord.vocab import OrgKind, Role
from accord.web import create_app
from tests.web.test_http import free_port

FEDERATION = "6b4de219-9281-482c-86e5-944892303cb6"
COMMUNITY = "735eda95-03b4-4bbb-b45a-8737233d00ba"
DOCUMENTS = Path(__file__).resolve().parents[2] / "accord" / "samples" / "documents"
PASSWORD = "correct horse battery staple"


@dataclass
class Node:
    base: str
    service: Accord
    orgs: dict[str, int]
    tokens: dict[str, str] = field(default_factory=dict)
    server: uvicorn.Server | None = None

    def collection(self, collection_id: str = FEDERATION) -> str:
        return f"{self.base}/taxii2/accord/collections/{collection_id}/"

    def owner(self, org: str) -> Principal:
        """The operator writing for `org` (`accord ingest --org`)."""
        return operator_for(self.orgs[org], org)

    def fact_ids(self, source_id: int) -> set[str]:
        """The ids of the facts (not entities) a source wrote."""
        rows = self.service.store._read(
            "SELECT o.id FROM objects o WHERE o.source_id = ? AND o.type NOT IN "
            "('identity', 'location', 'threat-actor', 'extension-definition', "
            "'marking-definition')",
            [source_id],
        )
        return {row[0] for row in rows}

    def has(self, object_id: str) -> bool:
        return bool(self.service.store.known_ids([object_id], viewer=SYSTEM))

    def source_count(self) -> int:
        return len(self.service.store.sources(viewer=SYSTEM))


def start(
    tmp_path: Path, name: str, members: list[str], peers: list[str], url: str | None = None
) -> Node:
    url = url or f"sqlite:///{tmp_path / f'{name}.db'}"
    service = Accord(open_store(url, upgrade=True))
    directory = service.directory
    orgs = {}
    for org in members:
        orgs[org] = directory.add_organisation(org, actor=SYSTEM).id
    node = Node("", service, orgs)
    for org in peers:
        orgs[org] = directory.add_organisation(org, actor=SYSTEM, kind=OrgKind.PEER).id
        username = org.lower().replace(" ", "_")
        directory.add_user(username, org, Role.ANALYST, PASSWORD, actor=SYSTEM)
        node.tokens[org] = directory.create_token(username, actor=SYSTEM)[1]
    settings = Settings(data_dir=tmp_path, database_url=url, max_upload_bytes=20 * 1024 * 1024)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings, service), host="127.0.0.1",
                                           port=port, log_level="warning"))  # fmt: skip
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, f"node {name} did not start"
    node.base, node.server = f"http://127.0.0.1:{port}", server
    return node


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[Callable[..., tuple[Node, Node]]]:
    """Start nodes A and B (B over the store at `b_url` when given)."""
    started: list[Node] = []

    def make(b_url: str | None = None) -> tuple[Node, Node]:
        a = start(tmp_path, "a", ["Org A", "Org C"], ["Node B"])
        b = start(tmp_path, "b", ["Org B"], ["Node A"], b_url)
        started.extend([a, b])
        return a, b

    yield make
    for node in started:
        assert node.server is not None
        node.server.should_exit = True
    time.sleep(0.2)
    for node in started:
        node.service.store.close()
