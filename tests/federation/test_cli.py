"""``accord peer add|list|remove``, ``accord sync`` and ``accord sync status``, through
click's CliRunner on node B's store, syncing with node A over loopback."""

from __future__ import annotations

from collections.abc import Callable

import orjson
from click.testing import CliRunner, Result

from accord.cli import cli, exits
from accord.cli.sync import parse_interval
from accord.sharing import SYSTEM
from tests.federation.conftest import COMMUNITY, Node
from tests.federation.test_sync import GREEN_FEDERATION, ingest
from tests.web.test_http import free_port

Nodes = Callable[[], tuple[Node, Node]]


def runner(node: Node) -> Callable[..., Result]:
    def run(*args: str, stdin: str | None = None) -> Result:
        return CliRunner().invoke(cli, ["--db", node.service.store.url, *args], input=stdin)

    return run


def test_peer_add_list_sync_and_status(nodes: Nodes) -> None:
    a, b = nodes()
    ingest(a, "Org A", "s01_aktau-caspian-border-services-wire.txt", GREEN_FEDERATION)
    run = runner(b)
    secret = a.tokens["Node B"]
    added = run("peer", "add", "node-a", "--url", a.collection(), "--org", "Org B",
                "--every", "10m", "--token-stdin", "--json", stdin=secret + "\n")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert secret not in added.output
    assert orjson.loads(added.stdout)["interval_seconds"] == 600

    listed = run("peer", "list", "--json")
    assert listed.exit_code == 0 and secret not in listed.output
    (peer,) = orjson.loads(listed.stdout)
    assert peer["name"] == "node-a" and peer["auth"] == "bearer" and peer["direction"] == "pull"
    assert "secret" not in listed.stdout and peer["org"] == "Org B"
    assert "node-a\tpull" in run("peer", "list").stdout

    synced = run("sync", "node-a", "--json")
    assert synced.exit_code == 0, synced.output
    (report,) = orjson.loads(synced.stdout)
    assert report["ok"] and report["added"] > 0
    again = run("sync")
    assert again.exit_code == 0 and "node-a: pulled 0" in again.stdout

    status = run("sync", "status", "--json")
    assert status.exit_code == 0, status.output
    (state,) = orjson.loads(status.stdout)
    assert state["failures"] == 0 and state["last_error"] is None
    assert state["last_success"] is not None and state["pull_checkpoint"] is not None
    assert set(state) >= {"last_attempt", "next_due", "push_checkpoint"}
    assert secret not in status.output

    audit = run("audit", "--action", "peer.sync", "--json")
    assert audit.exit_code == 0 and secret not in audit.output
    assert len(orjson.loads(audit.stdout)) == 2

    assert run("peer", "remove", "node-a").exit_code == 0
    assert orjson.loads(run("peer", "list", "--json").stdout) == []


def test_a_failing_sync_exits_non_zero_and_shows_in_status(nodes: Nodes) -> None:
    _, b = nodes()
    run = runner(b)
    url = f"http://127.0.0.1:{free_port()}/taxii2/accord/collections/x/"
    added = run("peer", "add", "down", "--url", url, "--org", "Org B", "--user", "someone",
                "--password-stdin", stdin="hunter2 but longer\n")  # fmt: skip
    assert added.exit_code == 0, added.output
    failed = run("sync", "down")
    assert failed.exit_code == exits.REMOTE
    assert "down: failed: pull:" in failed.stdout and "cannot connect" in failed.stdout
    (state,) = orjson.loads(run("sync", "status", "--json").stdout)
    assert state["failures"] == 1 and "cannot connect" in state["last_error"]
    assert state["next_due"] > state["last_attempt"]
    assert "hunter2" not in run("sync", "status").output
    assert run("sync", "nobody").exit_code == exits.NOT_FOUND


def test_peer_add_refuses_what_cannot_work(nodes: Nodes) -> None:
    a, _ = nodes()
    run = runner(a)
    url = a.collection()
    push = run("peer", "add", "p", "--url", url, "--org", "Org A", "--push")
    assert push.exit_code == exits.INPUT and "--peer-org" in push.output
    both = run("peer", "add", "p", "--url", url, "--org", "Org A", "--both", "--peer-org",
               "Node B", "--token-stdin", stdin="\n")  # fmt: skip
    assert both.exit_code == exits.USAGE and "no token" in both.output
    mixed = run("peer", "add", "p", "--url", url, "--org", "Org A", "--user", "u")
    assert mixed.exit_code == exits.USAGE
    assert run("peer", "add", "p", "--url", url, "--org", "Org A", "--every", "soon").exit_code \
        == exits.USAGE  # fmt: skip
    ok = run("peer", "add", "p", "--url", url, "--org", "Org A", "--both", "--peer-org",
             "Node B", "--token-stdin", stdin="tok\n")  # fmt: skip
    assert ok.exit_code == 0, ok.output
    assert run("peer", "add", "P", "--url", url, "--org", "Org A").exit_code == exits.CONFLICT
    assert a.service.peer("p", actor=SYSTEM).peer_org_name == "Node B"


def test_intervals() -> None:
    assert [parse_interval(t) for t in ("90", "30s", "15m", "6h", "1d")] == [
        90, 30, 900, 21600, 86400,
    ]  # fmt: skip


def test_peer_set_changes_what_it_is_given_and_keeps_the_rest(nodes: Nodes) -> None:
    a, b = nodes()
    ingest(a, "Org A", "s01_aktau-caspian-border-services-wire.txt", GREEN_FEDERATION)
    run = runner(b)
    secret = a.tokens["Node B"]
    added = run("peer", "add", "node-a", "--url", a.collection(), "--org", "Org B",
                "--every", "10m", "--token-stdin", stdin="not the token\n")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert run("sync", "node-a").exit_code == exits.REMOTE  # a wrong token
    (failed,) = orjson.loads(run("sync", "status", "--json").stdout)
    assert failed["failures"] == 1 and failed["next_due"] > failed["last_attempt"]

    fixed = run("peer", "set", "node-a", "--token-stdin", "--every", "1h", "--tlp", "green",
                "--distribution", "community", "--json", stdin=secret + "\n")  # fmt: skip
    assert fixed.exit_code == 0, fixed.output
    assert secret not in fixed.output
    state = orjson.loads(fixed.stdout)
    assert state["next_due"] < failed["next_due"]  # new credentials: due at once
    assert (state["interval_seconds"], state["tlp"], state["distribution"]) == (
        3600, "green", "community")  # fmt: skip
    assert (state["url"], state["org"], state["auth"]) == (a.collection(), "Org B", "bearer")
    synced = run("sync", "--json")
    assert synced.exit_code == 0, synced.output
    (report,) = orjson.loads(synced.stdout)
    assert report["added"] > 0
    pulled = [s for s in b.service.store.sources(viewer=SYSTEM) if s.ref == "taxii-peer:node-a"]
    assert [(s.tlp, s.distribution) for s in pulled] == [("green", "community")]

    again = run("peer", "set", "node-a", "--restart-pull")
    assert again.exit_code == 0, again.output
    (report,) = orjson.loads(run("sync", "--json").stdout)
    assert report["pulled"] == orjson.loads(synced.stdout)[0]["pulled"] and report["added"] == 0

    moved = run("peer", "set", "node-a", "--url", a.collection(COMMUNITY), "--json")
    assert moved.exit_code == 0, moved.output
    assert orjson.loads(moved.stdout)["pull_checkpoint"] is None  # another collection

    push = run("peer", "set", "node-a", "--push")
    assert push.exit_code == exits.INPUT and "--peer-org" in push.output
    both = run("peer", "set", "node-a", "--no-auth", "--token-stdin", stdin="x\n")
    assert both.exit_code == exits.USAGE
    assert run("peer", "set", "nobody", "--every", "1m").exit_code == exits.NOT_FOUND
    assert run("peer", "set", "node-a", "--every", "never").exit_code == exits.USAGE
    kept = b.service.peer("node-a", actor=SYSTEM)
    assert (kept.direction, kept.interval, kept.auth) == ("pull", 3600, "bearer")

    audit = run("audit", "--action", "peer.update", "--json")
    events = orjson.loads(audit.stdout)
    assert len(events) == 3 and secret not in audit.output
    assert "credentials" in audit.output and "interval" in audit.output
