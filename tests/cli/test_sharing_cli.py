"""accord sources, share, delete and audit, and the sharing options of import and ingest."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from accord.cli import cli

TEXT = ("MOSCOW, 3 March 2026. Security Council Secretary Nikolai Patrushev met the "
        "Secretary of the Security Council of Armenia, Armen Grigoryan, in Moscow.\n")  # fmt: skip


def run(db: str, *args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", db, *args], input=input)
    return result.exit_code, result.output


def test_ingest_share_and_audit(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'a.db'}"
    doc = tmp_path / "talks.txt"
    doc.write_text(TEXT)
    code, _ = run(db, "ingest", str(doc), "--tlp", "red", "--distribution", "community")
    assert code == 3  # TLP:RED may not go to the community: refused, nothing written
    code, out = run(db, "sources", "--json")
    assert code == 0 and json.loads(out) == []
    code, _ = run(db, "ingest", str(doc), "--tlp", "green", "--distribution", "community")
    assert code == 0
    (source,) = json.loads(run(db, "sources", "--json")[1])
    assert (source["tlp"], source["distribution"], source["label"]) == ("green", "community",
                                                                          "talks.txt")  # fmt: skip
    code, out = run(db, "share", str(source["id"]), "--tlp", "amber+strict", "--json")
    assert code == 0 and json.loads(out)["tlp"] == "amber+strict"
    code, out = run(db, "audit", "--action", "source.share", "--json")
    (event,) = json.loads(out)
    assert event["detail"]["was"]["tlp"] == "green" and event["actor"] == "system"
    code, _ = run(db, "delete", "999", "--yes")
    assert code == 4
    code, _ = run(db, "delete", str(source["id"]), "--yes")
    assert code == 0
    assert json.loads(run(db, "sources", "--json")[1]) == []
