"""Whatever a client sends to a TAXII read or write, the answer is a TAXII resource or a
TAXII error resource with a 4xx status: never a 5xx, never another body."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import orjson
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.service import Accord
from accord.settings import Settings
from accord.store import open_store
from accord.web import create_app
from tests.web.taxii.conftest import FEDERATION, populate

TAXII = "application/taxii+json;version=2.1"
PARAMS = ["added_after", "limit", "next", "match[id]", "match[type]", "match[version]",
          "match[spec_version]", "match[other]"]  # fmt: skip
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["2026-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "0", "-1", "99999999",
                     "first,last", "all", "indicator--x", "2.1", "dDE6eDox", "t1:a:b"]),
)  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str]]:
    tmp: Path = tmp_path_factory.mktemp("fuzz")
    url = f"sqlite:///{tmp / 'fuzz.db'}"
    service = Accord(open_store(url, upgrade=True))
    _, tokens = populate(service)
    app = create_app(Settings(data_dir=tmp, database_url=url), service)
    with TestClient(app, raise_server_exceptions=False) as made:
        yield made, tokens["a_analyst"]
    service.store.close()


def check(response: httpx.Response) -> None:
    assert response.status_code < 500, response.text
    assert response.headers["content-type"] == TAXII
    if response.status_code >= 400:
        assert set(response.json()) >= {"title", "http_status"}


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=st.dictionaries(st.sampled_from(PARAMS), VALUES, max_size=4),
       tail=st.sampled_from(["objects/", "manifest/", "objects/indicator--1/",
                             "objects/indicator--1/versions/"]))  # fmt: skip
def test_reads_never_fail_on_the_server(
    client: tuple[TestClient, str], params: dict[str, str], tail: str
) -> None:
    http, token = client
    response = http.get(f"/taxii2/accord/collections/{FEDERATION}/{tail}", params=params,
                        headers={"Authorization": f"Bearer {token}", "Accept": TAXII})  # fmt: skip
    check(response)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.one_of(
    st.binary(max_size=200),
    st.recursive(st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(max_size=10),
                 lambda inner: st.lists(inner, max_size=3)
                 | st.dictionaries(st.sampled_from(["objects", "id", "type", "created",
                                                    "spec_version", "modified"]), inner,
                                   max_size=4), max_leaves=12).map(
        orjson.dumps),
))  # fmt: skip
def test_writes_never_fail_on_the_server(client: tuple[TestClient, str], body: bytes) -> None:
    http, token = client
    response = http.post(f"/taxii2/accord/collections/{FEDERATION}/objects/", content=body,
                         headers={"Authorization": f"Bearer {token}", "Accept": TAXII,
                                  "Content-Type": TAXII})  # fmt: skip
    check(response)
