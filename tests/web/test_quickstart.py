"""`accord quickstart` (behind `make run`): demo credentials that work against the API, and a
second run that imports nothing and prints a new token but no password."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from accord.cli import cli
from accord.service import Accord
from accord.settings import Settings
from accord.store import open_store
from accord.web import create_app

TOKEN = re.compile(r"API token \(30 days\): (accord_\S+)")


def test_quickstart_prints_working_demo_credentials(tmp_path: Path) -> None:
    args = ["--data-dir", str(tmp_path), "quickstart"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert "demo organisation: Demo Organisation" in first.output
    password = re.search(r"demo admin: demo-admin, password (\S+) \(shown this once\)",
                         first.output)  # fmt: skip
    assert password is not None
    token = TOKEN.search(first.output)
    assert token is not None
    assert "http://127.0.0.1:8000/api/v1/documents" in first.output

    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert "sample documents: 0 ingested, 12 already stored" in again.output
    assert password.group(1) not in again.output
    second = TOKEN.search(again.output)
    assert second is not None and second.group(1) != token.group(1)

    settings = Settings(data_dir=tmp_path)
    service = Accord(open_store(settings.effective_database_url))
    try:
        client = TestClient(create_app(settings, service))
        for bearer in (token.group(1), second.group(1)):
            response = client.get("/api/v1/documents", params={"limit": 100},
                                  headers={"Authorization": f"Bearer {bearer}"})  # fmt: skip
            assert response.status_code == 200
            docs = response.json()["documents"]
            assert len(docs) == 12
            assert {d["sharing"]["distribution"] for d in docs} == {"community"}
        assert service.directory.authenticate_password("demo-admin", password.group(1))
    finally:
        service.store.close()
