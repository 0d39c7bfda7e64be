"""accord ingest: documents and their findings into the store, once, atomically."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner, Result

from accord.cli import cli, exits
from accord.sharing import SYSTEM
from accord.store import ObjectQuery, open_store

TEXT = (
    "Border chiefs meet in Termez\n\n12 May 2025\n\n"
    "The Chairman of the State Border Committee of the Republic of Uzbekistan, Colonel Timur "
    "Rashidov, received the Deputy Director of the Border Service of the National Security "
    "Committee of the Republic of Kazakhstan, Aidos Nurlanovich Seitkali, for talks in Termez.\n"
)
SECOND = (
    "Follow-up in Astana\n\n20 June 2025\n\n"
    "Colonel Timur Rashidov met officials of the OSCE Programme Office in Dushanbe in Astana "
    "to discuss drug trafficking across the Amu Darya.\n"
)


@pytest.fixture
def run(sqlite_url: str):
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, ["--db", sqlite_url, *args])

    return invoke


def test_a_document_is_stored_with_its_findings_once(run, tmp_path: Path, sqlite_url: str) -> None:
    path = tmp_path / "termez.txt"
    path.write_text(TEXT)
    first = orjson.loads(run("ingest", "--json", str(path)).stdout)["reports"][0]
    assert first["document"] == "added" and first["added"] > 5
    again = run("ingest", str(path))
    assert again.exit_code == exits.OK and "already stored" in again.stdout
    store = open_store(sqlite_url)
    try:
        assert store.stats(viewer=SYSTEM).documents == 1
        reports = store.query(ObjectQuery(types=["report"]), viewer=SYSTEM).objects()
        assert [r["name"] for r in reports] == ["Border chiefs meet in Termez"]
    finally:
        store.close()


def test_a_person_named_in_two_documents_is_one_identity(
    run, tmp_path: Path, sqlite_url: str
) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text(SECOND)
    assert run("ingest", str(tmp_path)).exit_code == exits.OK
    store = open_store(sqlite_url)
    try:
        people = store.query(ObjectQuery(types=["identity"]), viewer=SYSTEM).objects()
        rashidov = [p for p in people if p["name"] == "Timur Rashidov"]
        assert len(rashidov) == 1
        assert len(store.versions(rashidov[0]["id"], viewer=SYSTEM)) == 1
        roles = store.query(ObjectQuery(types=["x-accord-role"]), viewer=SYSTEM).objects()
        assert {r["holder_ref"] for r in roles} >= {rashidov[0]["id"]}
    finally:
        store.close()


def test_a_broken_document_writes_nothing(run, tmp_path: Path, sqlite_url: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    result = run("ingest", str(broken), str(good))
    assert result.exit_code == exits.INPUT
    assert "broken.pdf" in result.stderr
    store = open_store(sqlite_url)
    try:
        assert store.stats(viewer=SYSTEM).documents == 1
    finally:
        store.close()
