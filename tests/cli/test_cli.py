"""The command line, driven in-process: import, export, get, search, stats, db, bad input."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner, Result

from accord.cli import cli, exits
from tests.factories import bundle, identity, relationship, threat_actor


@pytest.fixture
def run(sqlite_url: str):
    def invoke(*args: str, stdin: bytes | None = None) -> Result:
        return CliRunner().invoke(cli, ["--db", sqlite_url, *args], input=stdin)

    return invoke


def write(path: Path, value: Any) -> Path:
    path.write_bytes(value if isinstance(value, bytes) else orjson.dumps(value))
    return path


def stats(run) -> dict[str, Any]:
    result = run("stats", "--json")
    assert result.exit_code == 0, result.output
    return orjson.loads(result.stdout)


def test_import_reports_what_it_did(run, tmp_path: Path) -> None:
    a, b = identity("Council"), identity("Ministry")
    path = write(tmp_path / "b.json", bundle(a, b, relationship(a["id"], b["id"])))
    result = run("import", str(path))
    assert result.exit_code == exits.OK, result.output
    assert "3 objects: 3 added" in result.stdout
    again = run("import", "--json", str(path))
    report = orjson.loads(again.stdout)["reports"][0]
    assert (report["added"], report["unchanged"], report["error"]) == (0, 3, None)


def test_import_reads_gzip_directories_and_stdin(run, tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "one.json.gz").write_bytes(gzip.compress(orjson.dumps(bundle(identity("One")))))
    write(folder / "two.json", bundle(identity("Two")))
    write(folder / "notes.txt", b"not a bundle, not picked up")
    assert run("import", str(folder)).exit_code == 0
    piped = run("import", "-", stdin=orjson.dumps(bundle(identity("Three"))))
    assert piped.exit_code == 0, piped.output
    assert stats(run)["objects"] == 3


BAD_INPUTS = {
    "not_json.json": (b"<html>hello</html>", "not valid JSON"),
    "empty.json": (b"", "empty file"),
    "array.json": (b"[1, 2, 3]", "top level is a JSON array"),
    "object.json": (orjson.dumps(identity()), "top-level object has type 'identity'"),
    "objects_not_list.json": (b'{"type": "bundle", "objects": 5}', "must be a list"),
    "bad_bundle_id.json": (b'{"type": "bundle", "id": "bundle--1", "objects": []}', "bundle id"),
    "broken.json.gz": (gzip.compress(b'{"type": "bundle"}')[:12], "broken gzip"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_unusable_files_get_one_clear_line_and_write_nothing(
    run, tmp_path: Path, name: str
) -> None:
    content, reason = BAD_INPUTS[name]
    run("import", str(write(tmp_path / "ok.json", bundle(identity("Kept")))))
    before = stats(run)
    result = run("import", str(write(tmp_path / name, content)))
    assert result.exit_code == exits.INPUT
    first_line = result.stderr.splitlines()[0]
    assert name in first_line and reason in first_line, first_line
    assert "Traceback" not in result.output
    assert stats(run) == before


def test_truncated_bundle(run, tmp_path: Path) -> None:
    raw = orjson.dumps(bundle(*[identity(f"Org {n}") for n in range(50)]))
    result = run("import", str(write(tmp_path / "cut.json", raw[: len(raw) // 2])))
    assert result.exit_code == exits.INPUT
    assert "truncated JSON" in result.stderr
    assert stats(run)["objects"] == 0


def test_large_garbage_file(run, tmp_path: Path) -> None:
    path = write(tmp_path / "garbage.json", os.urandom(8 * 1024 * 1024))
    result = run("import", str(path))
    assert result.exit_code == exits.INPUT
    assert "garbage.json" in result.stderr.splitlines()[0]


@pytest.mark.parametrize(
    ("broken", "reason"),
    [
        ({"id": "identity--123"}, "id: 'identity--123' is not a STIX identifier"),
        ({"modified": "2026-03-01"}, "modified: '2026-03-01' is not an RFC 3339"),
    ],
)
def test_one_invalid_object_refuses_the_bundle(
    run, tmp_path: Path, broken: dict[str, Any], reason: str
) -> None:
    good = identity("Good")
    bad = {**identity("Bad"), **broken}
    result = run("import", str(write(tmp_path / "mixed.json", bundle(good, bad))))
    assert result.exit_code == exits.INPUT
    line = result.stderr.splitlines()[0]
    assert "mixed.json" in line and reason in line, line
    assert stats(run)["objects"] == 0


def test_same_id_and_modified_with_different_content_refuses_the_bundle(
    run, tmp_path: Path
) -> None:
    obj = identity("Council")
    path = write(tmp_path / "dup.json", bundle(obj, {**obj, "name": "Other"}))
    result = run("import", str(path))
    assert result.exit_code == exits.INPUT
    assert obj["id"] in result.stderr and "different content" in result.stderr
    assert stats(run)["objects"] == 0


def test_every_problem_is_reported_not_only_the_first(run, tmp_path: Path) -> None:
    bad = [{**identity(f"Bad {n}"), "created_by_ref": "nobody"} for n in range(3)]
    result = run("import", "--json", str(write(tmp_path / "bad.json", bundle(*bad))))
    report = orjson.loads(result.stdout)["reports"][0]
    assert {p["object_id"] for p in report["problems"]} == {o["id"] for o in bad}


def test_skip_invalid_imports_the_rest_and_exits_1(run, tmp_path: Path) -> None:
    good, bad = identity("Good"), {**identity("Bad"), "id": "identity--123"}
    result = run("import", "--skip-invalid", str(write(tmp_path / "m.json", bundle(good, bad))))
    assert result.exit_code == exits.REJECTED_OBJECTS
    assert "1 added" in result.stdout and "1 rejected" in result.stdout
    assert stats(run)["objects"] == 1


def test_a_refused_file_does_not_stop_the_others(run, tmp_path: Path) -> None:
    ok = write(tmp_path / "a.json", bundle(identity("A")))
    bad = write(tmp_path / "b.json", b"{")
    result = run("import", str(ok), str(bad))
    assert result.exit_code == exits.INPUT
    assert stats(run)["objects"] == 1


def test_missing_file(run, tmp_path: Path) -> None:
    result = run("import", str(tmp_path / "nowhere.json"))
    assert result.exit_code == exits.INPUT
    assert "nowhere.json: no such file" in result.stderr


def test_strict_runs_the_oasis_validator(run, tmp_path: Path) -> None:
    # Accord's checks pass this indicator; the OASIS validator knows pattern_type is required.
    indicator = {
        "type": "indicator", "spec_version": "2.1",
        "id": "indicator--6f1d8a3e-93a6-4b49-8c7f-111111111111",
        "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z",
        "pattern": "[ipv4-addr:value = '198.51.100.1']", "valid_from": "2026-01-01T00:00:00Z",
    }  # fmt: skip
    path = write(tmp_path / "i.json", bundle(indicator))
    strict = run("import", "--strict", str(path))
    assert strict.exit_code == exits.INPUT
    assert "pattern_type" in strict.stderr
    assert run("import", str(path)).exit_code == exits.OK


def test_export_gives_back_what_was_imported(run, tmp_path: Path) -> None:
    a = identity("Council", modified="2026-03-01T10:00:00.000Z")
    a2 = {**a, "name": "Council v2", "modified": "2026-03-02T10:00:00.000Z"}
    actor = threat_actor("Shamal Relay", aliases=["SR"])
    run("import", str(write(tmp_path / "in.json", bundle(a, a2, actor))))
    out = tmp_path / "out.json.gz"
    assert run("export", "--all-versions", "-o", str(out)).exit_code == 0
    exported = orjson.loads(gzip.decompress(out.read_bytes()))
    assert exported["type"] == "bundle" and exported["id"].startswith("bundle--")
    assert exported["objects"] == [a, a2, actor]
    latest = orjson.loads(run("export", "--type", "identity").stdout)["objects"]
    assert latest == [a2]


def test_get_search_and_stats(run, tmp_path: Path) -> None:
    actor = threat_actor("Black Caravan Network", description="drug trafficking network")
    run("import", str(write(tmp_path / "in.json", bundle(actor, identity("Council")))))
    got = run("get", "--json", actor["id"])
    assert orjson.loads(got.stdout) == actor
    missing = run("get", "threat-actor--6f1d8a3e-93a6-4b49-8c7f-111111111111")
    assert missing.exit_code == exits.NOT_FOUND and "not found" in missing.stderr
    hits = orjson.loads(run("search", "--json", "trafficking").stdout)
    assert [h["id"] for h in hits] == [actor["id"]]
    assert "Black Caravan Network" in run("search", "caravan").stdout
    figures = stats(run)
    assert figures["by_type"] == {"identity": 1, "threat-actor": 1}


def test_db_status_and_upgrade(run) -> None:
    assert run("db", "upgrade").exit_code == 0
    status = orjson.loads(run("db", "status", "--json").stdout)
    assert status["version"] == status["latest"] >= 1


def test_bad_database_url_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", "mysql://nope", "stats"])
    assert result.exit_code == exits.USAGE
    assert "unsupported database URL" in result.stderr


def test_every_command_has_help() -> None:
    runner = CliRunner()
    commands = [[], ["import"], ["export"], ["get"], ["search"], ["stats"], ["db"],
                ["db", "upgrade"], ["db", "status"], ["quickstart"]]  # fmt: skip
    for command in commands:
        result = runner.invoke(cli, [*command, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output, command
