"""The OpenAPI description, fuzzed by schemathesis: no request, however odd, gets a 5xx."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.web.conftest import Node, make_node, running

EXAMPLES = 8  # per operation: the whole run stays well under a minute


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fuzzed(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Node]:
    """A node over each engine, taking uploads of up to 64 KiB."""
    if request.param == "sqlite":
        url, populated = request.getfixturevalue("fresh_sqlite")
    else:
        url, populated = request.getfixturevalue("pg_url"), None
    with running(make_node(url, tmp_path, populated, max_upload_bytes=64 * 1024)) as node:
        yield node


def test_no_route_answers_5xx(fuzzed: Node) -> None:
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", fuzzed.app)
    headers = fuzzed.headers("a_admin")
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 30

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        def check(case: Any) -> None:
            response = case.call(headers=headers)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.query or ''}: "
                                f"{response.status_code} {response.text[:200]}")  # fmt: skip

        check()
    assert failures == []
