"""``accord import`` of MISP events and feeds: the format recognised or insisted on, the
sharing that applied said, one-line errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner, Result

from accord.cli import cli, exits
from tests.stix.misp_events import event


@pytest.fixture
def run(sqlite_url: str):
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, ["--db", sqlite_url, *args])

    return invoke


def write(path: Path, value: Any) -> Path:
    path.write_bytes(orjson.dumps(value))
    return path


def test_a_misp_event_imports_with_its_own_sharing(run, tmp_path: Path) -> None:
    path = write(tmp_path / "event.json", event(distribution="1"))
    result = run("import", str(path))
    assert result.exit_code == exits.OK, result.output
    assert "TLP:GREEN, community" in result.stdout
    assert (
        "TLP from the MISP event's tlp tag, distribution from the MISP event's distribution 1"
    ) in result.stdout
    again = orjson.loads(run("import", "--json", str(path)).stdout)["reports"][0]
    assert (again["format"], again["added"], again["error"]) == ("misp", 0, None)


def test_the_command_line_overrides_part_of_the_sharing(run, tmp_path: Path) -> None:
    path = write(tmp_path / "event.json", event(distribution="1"))
    result = run("import", "--tlp", "red", str(path))
    assert result.exit_code == exits.OK, result.output
    assert "TLP:RED, owner" in result.stdout
    assert "TLP from the command line" in result.stdout
    assert "note: TLP:RED allows at most groups: community narrowed to owner" in result.stdout
    sources = orjson.loads(run("sources", "--json").stdout)
    assert [(s["tlp"], s["distribution"]) for s in sources] == [("red", "owner")]


def test_format_misp_and_stix_insist(run, tmp_path: Path) -> None:
    path = write(tmp_path / "event.json", event())
    refused = run("import", "--format", "stix", str(path))
    assert refused.exit_code == exits.INPUT
    assert refused.stderr.strip().splitlines() == [
        f"accord: error: {path}: not a STIX bundle: it is a MISP event (try --format misp); "
        "nothing was written"
    ]
    bundle = write(tmp_path / "bundle.json", {"type": "bundle", "id":
                   "bundle--0b8a6f5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b", "objects": []})  # fmt: skip
    assert run("import", "--format", "misp", str(bundle)).exit_code == exits.INPUT
    assert run("import", "--format", "misp", str(path)).exit_code == exits.OK


def test_a_malformed_event_is_one_line_and_writes_nothing(run, tmp_path: Path) -> None:
    data = event()
    data["Event"]["distribution"] = "7"
    path = write(tmp_path / "event.json", data)
    result = run("import", str(path))
    assert result.exit_code == exits.INPUT
    assert result.stderr.strip().splitlines() == [
        f"accord: error: {path}: MISP event: event: distribution 7 is not a MISP level (0-5); "
        "nothing was written"
    ]
    assert orjson.loads(run("stats", "--json").stdout)["objects"] == 0


def test_a_feed_directory_imports_the_events_its_manifest_lists(run, tmp_path: Path) -> None:
    feed = tmp_path / "feed"
    feed.mkdir()
    data = event(distribution="1")
    key = data["Event"]["uuid"]
    write(feed / f"{key}.json", data)
    write(feed / "manifest.json", {key: {"info": data["Event"]["info"], "Orgc": {}}})
    result = run("import", "--json", str(feed))
    assert result.exit_code == exits.OK, result.output
    reports = orjson.loads(result.stdout)["reports"]
    assert [r["source"] for r in reports] == [str(feed / f"{key}.json")]
    missing = write(feed / "manifest.json", {**{key: {"info": "x"}},
                    "00000000-0000-4000-8000-000000000001": {"info": "gone"}})  # fmt: skip
    result = run("import", str(missing))
    assert result.exit_code == exits.INPUT
    assert "00000000-0000-4000-8000-000000000001.json: no such file" in result.stderr


def test_a_tree_holding_a_feed_imports_its_events_not_its_manifest(run, tmp_path: Path) -> None:
    feed = tmp_path / "tree" / "feed"
    feed.mkdir(parents=True)
    data = event(distribution="1")
    key = data["Event"]["uuid"]
    write(feed / f"{key}.json", data)
    write(feed / "manifest.json", {key: {"info": data["Event"]["info"], "Orgc": {}}})
    result = run("import", "--json", str(tmp_path / "tree"))
    assert result.exit_code == exits.OK, result.output
    assert [r["format"] for r in orjson.loads(result.stdout)["reports"]] == ["misp"]


def test_a_group_alone_means_distribution_groups(run, tmp_path: Path) -> None:
    assert run("org", "add", "A").exit_code == exits.OK
    assert run("group", "add", "Trusted CERTs", "--owner", "A").exit_code == exits.OK
    path = write(tmp_path / "event.json", event(distribution="0"))
    result = run("import", "--org", "A", "--group", "Trusted CERTs", str(path))
    assert result.exit_code == exits.OK, result.output
    (source,) = orjson.loads(run("sources", "--json").stdout)
    assert (source["tlp"], source["distribution"], len(source["groups"])) == ("green", "groups", 1)
    assert "TLP from the MISP event's tlp tag, distribution from the command line" in result.stdout


def test_the_misp_sharing_groups_file_is_named_not_imported(run) -> None:
    path = (
        Path(__file__).resolve().parents[2].parent
        / "shared/data/interop/misp/pymisp-sharing_groups.json"
    )
    if not path.exists():
        pytest.skip(f"{path} is absent")
    result = run("import", str(path))
    assert result.exit_code == exits.INPUT
    assert "a list of MISP sharing groups" in result.stderr


def test_ingest_gives_a_misp_event_its_own_sharing_as_import_does(run, tmp_path: Path) -> None:
    write(tmp_path / "event.json", event(distribution="1"))
    (tmp_path / "note.txt").write_text(
        "Moscow, 3 May 2026. The Secretary of the Security Council met his Kazakh counterpart.\n"
    )
    result = run("ingest", str(tmp_path))
    assert result.exit_code == exits.OK, result.output
    assert "TLP:GREEN, community" in result.stdout
    sources = orjson.loads(run("sources", "--json").stdout)
    by_kind = {s["kind"]: (s["tlp"], s["distribution"]) for s in sources}
    # the event as its distribution and tlp tag say; the document as the default says
    assert by_kind == {"bundle": ("green", "community"), "document": ("amber", "owner")}


def test_ingest_options_given_override_a_misp_event_and_share_documents(
    run, tmp_path: Path
) -> None:
    write(tmp_path / "event.json", event(distribution="1"))
    (tmp_path / "note.txt").write_text("Minsk, 4 May 2026. The ministers held talks.\n")
    result = run("ingest", "--tlp", "clear", "--distribution", "federation", str(tmp_path))
    assert result.exit_code == exits.OK, result.output
    sources = orjson.loads(run("sources", "--json").stdout)
    assert sorted((s["kind"], s["tlp"], s["distribution"]) for s in sources) == [
        ("bundle", "clear", "federation"), ("document", "clear", "federation"),
    ]  # fmt: skip
