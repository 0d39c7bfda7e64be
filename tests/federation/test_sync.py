"""Two Accord nodes on loopback, each over its own SQLite store and served by uvicorn: node B
pulls from node A's Federation collection with the token of A's peer organisation for B, and A
pushes to B's. What A shares with the federation arrives; what it keeps never crosses; a
second sync adds nothing; a change of sharing on A is honoured at the next sync."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from accord.errors import InputError
from accord.service.sync import retry_delay
from accord.sharing import ENTITY_TYPES, SYSTEM
from accord.stix.markings import TLP_MARKING_IDS
from accord.store.model import Sharing
from accord.store.peers import AuthKind, Credentials, Direction
from accord.vocab import TLP, Distribution
from tests.federation.conftest import DOCUMENTS, Node
from tests.web.test_http import free_port

Nodes = Callable[..., tuple[Node, Node]]
GREEN_FEDERATION = Sharing(TLP.GREEN, Distribution.FEDERATION)
GREEN_COMMUNITY = Sharing(TLP.GREEN, Distribution.COMMUNITY)
KEPT = Sharing(TLP.AMBER, Distribution.OWNER)


def ingest(node: Node, org: str, name: str, sharing: Sharing) -> int:
    """Ingest a sample document for `org`; its source id."""
    report = node.service.ingest_path(DOCUMENTS / name, owner=node.owner(org), sharing=sharing)
    assert report.error is None and report.document == "added", report
    (source,) = [s for s in node.service.store.sources(viewer=SYSTEM)
                 if s.label == name and s.owner_org == node.orgs[org]]  # fmt: skip
    return source.id


def token(value: str) -> Credentials:
    return Credentials(AuthKind.BEARER, secret=value)


def test_what_a_shares_with_the_federation_reaches_b_and_nothing_else(nodes: Nodes) -> None:
    a, b = nodes()
    shared = ingest(a, "Org A", "s01_aktau-caspian-border-services-wire.txt", GREEN_FEDERATION)
    kept = ingest(a, "Org A", "s02_osce-dushanbe-returnees-roundtable.txt", KEPT)
    community = ingest(a, "Org A", "s03_bishkek-eu-cyber-dialogue-press-statements.txt",
                       GREEN_COMMUNITY)  # fmt: skip
    b.service.add_peer("node-a", a.collection(), org="Org B", actor=SYSTEM,
                       credentials=token(a.tokens["Node B"]))  # fmt: skip

    (first,) = b.service.sync(["node-a"])
    assert first.ok, first.error
    assert first.pulled > 0 and first.written > 0 and first.rejected == 0
    assert all(b.has(i) for i in a.fact_ids(shared))
    assert not any(b.has(i) for i in a.fact_ids(kept) | a.fact_ids(community))
    pulled = b.service.store.sources(viewer=SYSTEM, ids=[first.source_id or 0])
    assert [(s.owner_org, s.distribution) for s in pulled] == [(b.orgs["Org B"], "owner")]

    sources = b.source_count()
    (second,) = b.service.sync(["node-a"])
    assert second.ok and second.pulled == 0 and second.written == 0
    assert second.source_id is None and b.source_count() == sources  # no new source

    a.service.share(str(kept), GREEN_FEDERATION, viewer=a.owner("Org A"))
    (third,) = b.service.sync(["node-a"])
    assert third.ok and third.written > 0
    assert all(b.has(i) for i in a.fact_ids(kept))
    assert not any(b.has(i) for i in a.fact_ids(community))
    # the shared facts arrive in their new version, marked as they now are
    report_id = next(i for i in a.fact_ids(kept) if i.startswith("report--"))
    assert b.service.store.get(report_id, viewer=SYSTEM) == a.service.store.get(
        report_id, viewer=SYSTEM
    )

    (fourth,) = b.service.sync(["node-a"])
    assert fourth.ok and fourth.written == 0 and fourth.source_id is None
    status = b.service.peer("node-a", actor=SYSTEM)
    assert status.failures == 0 and status.last_error is None
    assert status.pull_checkpoint is not None and status.last_success is not None


@pytest.mark.postgres
def test_a_node_over_postgresql_pulls_and_pushes(nodes: Nodes, pg_url: str) -> None:
    """Node B's store is PostgreSQL: the pull's write and checkpoint commit together there,
    and B pushes back to A what A's peer organisation there may see."""
    a, b = nodes(pg_url)
    shared = ingest(a, "Org A", "s01_aktau-caspian-border-services-wire.txt", GREEN_FEDERATION)
    kept = ingest(a, "Org A", "s02_osce-dushanbe-returnees-roundtable.txt", KEPT)
    b.service.add_peer("node-a", a.collection(), org="Org B", peer_org="Node A", actor=SYSTEM,
                       direction=Direction.BOTH, credentials=token(a.tokens["Node B"]),
                       sharing=GREEN_FEDERATION)  # fmt: skip
    (run,) = b.service.sync(["node-a"])
    assert run.ok, run.error
    assert all(b.has(i) for i in a.fact_ids(shared))
    assert not any(b.has(i) for i in a.fact_ids(kept))
    peer = b.service.peer("node-a", actor=SYSTEM)
    assert peer.pull_checkpoint is not None and peer.failures == 0
    # what B pulled is B's, for the federation: A's peer organisation for B sees it, so B
    # pushes it, and A holds it already
    assert run.pushed == run.written and run.push_refused == 0
    (again,) = b.service.sync(["node-a"])
    assert again.ok and again.written == 0 and again.pushed == 0


def test_a_pushes_only_what_its_peer_organisation_may_see(nodes: Nodes) -> None:
    a, b = nodes()
    shared = ingest(a, "Org A", "s01_aktau-caspian-border-services-wire.txt", GREEN_FEDERATION)
    kept = ingest(a, "Org A", "s02_osce-dushanbe-returnees-roundtable.txt", KEPT)
    community = ingest(a, "Org A", "s03_bishkek-eu-cyber-dialogue-press-statements.txt",
                       GREEN_COMMUNITY)  # fmt: skip
    others = ingest(a, "Org C", "s04_thai-cybercrime-chief-scam-compounds-interview.txt",
                    GREEN_FEDERATION)  # fmt: skip
    group = a.service.directory.add_group("A and B", "Org A", actor=SYSTEM)
    a.service.directory.add_group_member("A and B", "Node B", actor=SYSTEM)
    grouped = ingest(a, "Org A", "s05_tajik-mfa-eu-border-videoconference-readout.txt",
                     Sharing(TLP.GREEN, Distribution.GROUPS, (group.id,)))  # fmt: skip
    a.service.add_peer("node-b", b.collection(), org="Org A", peer_org="Node B",
                       direction=Direction.PUSH, actor=SYSTEM,
                       credentials=token(b.tokens["Node A"]))  # fmt: skip

    (run,) = a.service.sync(["node-b"])
    assert run.ok, run.error
    assert run.pushed > 0 and run.push_refused == 0 and run.envelopes >= 1
    assert all(b.has(i) for i in a.fact_ids(shared) | a.fact_ids(grouped))
    never = a.fact_ids(kept) | a.fact_ids(community) | a.fact_ids(others)
    assert not any(b.has(i) for i in never)
    # on B, what A pushed is owned by B's organisation for node A, for the federation
    (source,) = [s for s in b.service.store.sources(viewer=SYSTEM) if s.kind == "bundle"]
    assert source.owner_org == b.orgs["Node A"] and source.distribution == "federation"

    (again,) = a.service.sync(["node-b"])
    assert again.ok and again.pushed == 0 and again.envelopes == 0
    a.service.share(str(kept), GREEN_FEDERATION, viewer=a.owner("Org A"))
    (after,) = a.service.sync(["node-b"])
    assert after.ok and after.pushed > 0
    assert all(b.has(i) for i in a.fact_ids(kept))
    assert not any(b.has(i) for i in a.fact_ids(community) | a.fact_ids(others))


def test_a_push_sends_the_entities_its_facts_reference(nodes: Nodes) -> None:
    """Entities another organisation's federation source brought first are older than the
    push checkpoint, and not Org A's; the facts that name them still arrive with them. That
    organisation's facts (a meeting Org A's document was resolved to) are not sent."""
    a, b = nodes()
    name = "s01_aktau-caspian-border-services-wire.txt"
    ingest(a, "Org C", name, GREEN_FEDERATION)
    a.service.add_peer("node-b", b.collection(), org="Org A", peer_org="Node B",
                       direction=Direction.PUSH, actor=SYSTEM,
                       credentials=token(b.tokens["Node A"]))  # fmt: skip
    (empty,) = a.service.sync(["node-b"])
    assert empty.ok and empty.pushed == 0  # nothing of Org A's yet
    mine = ingest(a, "Org A", name, GREEN_FEDERATION)  # same text: same entities
    (run,) = a.service.sync(["node-b"])
    assert run.ok, run.error
    facts = [a.service.store.get(i, viewer=SYSTEM) for i in a.fact_ids(mine)]
    refs = {r for f in facts for k, v in f.items() if k.endswith("_refs") for r in v}
    refs |= {v for f in facts for k, v in f.items() if k.endswith("_ref")}
    entities = {r for r in refs if r.split("--")[0] in ENTITY_TYPES}
    assert entities and all(b.has(r) for r in entities)
    assert not any(b.has(r) for r in refs - entities - a.fact_ids(mine))


def test_a_failed_sync_is_visible_and_backs_off(tmp_path: Path, nodes: Nodes) -> None:
    a, _ = nodes()
    closed = free_port()
    url = f"http://127.0.0.1:{closed}/taxii2/accord/collections/x/"
    a.service.add_peer("down", url, org="Org A", actor=SYSTEM, interval=3600)
    (run,) = a.service.sync(["down"])
    assert not run.ok and run.error is not None and "\n" not in run.error
    assert "cannot connect" in run.error
    peer = a.service.peer("down", actor=SYSTEM)
    assert peer.failures == 1 and peer.last_error == run.error and peer.last_success is None
    assert peer.last_attempt is not None
    waited = _seconds(peer.last_attempt, peer.next_due)
    assert 29 <= waited <= 31
    a.service.sync(["down"])
    peer = a.service.peer("down", actor=SYSTEM)
    assert peer.failures == 2 and 59 <= _seconds(peer.last_attempt or "", peer.next_due) <= 61
    assert [retry_delay(n, 3600) for n in (1, 2, 3, 8, 30)] == [30, 60, 120, 3600, 3600]


def test_wrong_credentials_fail_with_the_remote_s_reason(nodes: Nodes) -> None:
    a, b = nodes()
    b.service.add_peer("node-a", a.collection(), org="Org B", actor=SYSTEM,
                       credentials=token("not-a-token"))  # fmt: skip
    (run,) = b.service.sync()
    assert not run.ok and run.error is not None and "HTTP 401" in run.error
    assert "not-a-token" not in run.error
    audit, _ = b.service.audit(viewer=SYSTEM, action="peer.sync")
    assert audit and "not-a-token" not in repr(audit)
    assert b.service.peer("node-a", actor=SYSTEM).failures == 1

    with b.service.store._write() as tx:  # the operator fixes the token
        tx.execute("UPDATE peers SET auth_secret = ?", [a.tokens["Node B"]])
    (fixed,) = b.service.sync()
    assert fixed.ok, fixed.error
    peer = b.service.peer("node-a", actor=SYSTEM)
    assert peer.failures == 0 and peer.last_error is None and peer.last_success is not None
    assert _seconds(peer.last_attempt or "", peer.next_due) == pytest.approx(900, abs=1)


def test_peer_configuration_is_checked(nodes: Nodes) -> None:
    a, _ = nodes()
    with pytest.raises(InputError, match="--peer-org"):
        a.service.add_peer("p", a.collection(), org="Org A", direction=Direction.PUSH,
                           actor=SYSTEM)  # fmt: skip
    with pytest.raises(InputError, match="member organisation"):
        a.service.add_peer("p", a.collection(), org="Org A", peer_org="Org C",
                           direction=Direction.BOTH, actor=SYSTEM)  # fmt: skip
    with pytest.raises(InputError, match="status"):
        a.service.add_peer("status", a.collection(), org="Org A", actor=SYSTEM)
    with pytest.raises(Exception, match="credentials in the URL"):
        a.service.add_peer("p", a.collection().replace("http://", "http://u:pw@"),
                           org="Org A", actor=SYSTEM)  # fmt: skip


def _seconds(start: str, end: str) -> float:
    from accord.service.sync import _at

    return (_at(end) - _at(start)).total_seconds()


def _bundle(path: Path, objects: list[dict[str, object]]) -> Path:
    import orjson

    path.write_bytes(orjson.dumps({"type": "bundle", "id": f"bundle--{uuid.uuid4()}",
                                   "objects": objects}))  # fmt: skip
    return path


def _note(note_id: str, content: str, *marks: str) -> dict[str, object]:
    note: dict[str, object] = {
        "type": "note", "spec_version": "2.1", "id": note_id, "content": content,
        "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z",
        "object_refs": [IDENTITY["id"]],
    }  # fmt: skip
    if marks:
        note["object_marking_refs"] = list(marks)
    return note


IDENTITY = {
    "type": "identity", "spec_version": "2.1", "id": f"identity--{uuid.uuid4()}",
    "name": "Federated Testing Agency", "identity_class": "organization",
    "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z",
}  # fmt: skip


def test_conflicts_and_markings_above_the_sharing_are_reported_not_fatal(
    tmp_path: Path, nodes: Nodes
) -> None:
    a, b = nodes()
    conflicting, amber, fine = (f"note--{uuid.uuid4()}" for _ in range(3))
    sent = _bundle(tmp_path / "a.json", [
        IDENTITY, _note(conflicting, "as A has it"), _note(fine, "plain"),
        _note(amber, "for the community at most", TLP_MARKING_IDS[TLP.AMBER]),
    ])  # fmt: skip
    imported = a.service.import_path(sent, owner=a.owner("Org A"), sharing=GREEN_FEDERATION)
    assert imported.error is None and imported.added == 4
    mine = _bundle(tmp_path / "b.json", [IDENTITY, _note(conflicting, "as B has it")])
    assert b.service.import_path(mine, owner=b.owner("Org B")).error is None
    b.service.add_peer("node-a", a.collection(), org="Org B", actor=SYSTEM,
                       sharing=Sharing(TLP.GREEN, Distribution.FEDERATION),
                       credentials=token(a.tokens["Node B"]))  # fmt: skip

    (run,) = b.service.sync(["node-a"])
    assert run.ok, run.error
    assert run.pulled == 4 and run.rejected == 2 and run.written == 1 and run.unchanged == 1
    assert any(conflicting in p for p in run.problems)
    assert any(amber in p and "TLP:AMBER" in p for p in run.problems)
    assert b.service.store.get(conflicting, viewer=SYSTEM)["content"] == "as B has it"
    assert b.has(fine) and not b.has(amber)
    (source,) = b.service.store.sources(viewer=SYSTEM, ids=[run.source_id or 0])
    assert source.distribution == "federation" and source.tlp == "green"
    assert b.service.peer("node-a", actor=SYSTEM).last_rejected == 2


def test_a_peer_synced_both_ways_does_not_echo(nodes: Nodes) -> None:
    """A pushes to B's Federation collection and pulls from it: what comes back is what A
    holds already, so it is not written again, makes no source and is not pushed again."""
    a, b = nodes()
    ingest(a, "Org A", "s01_aktau-caspian-border-services-wire.txt", GREEN_FEDERATION)
    a.service.add_peer("node-b", b.collection(), org="Org A", peer_org="Node B",
                       direction=Direction.BOTH, actor=SYSTEM,
                       credentials=token(b.tokens["Node A"]))  # fmt: skip
    sources = a.source_count()
    (first,) = a.service.sync(["node-b"])
    assert first.ok, first.error
    assert first.pushed > 0 and first.pulled == 0  # the pull ran before the push
    (second,) = a.service.sync(["node-b"])
    assert second.ok and second.pulled == first.pushed and second.written == 0
    assert second.unchanged == second.pulled and second.source_id is None
    assert second.pushed == 0 and a.source_count() == sources
    (third,) = a.service.sync(["node-b"])
    assert third.ok and third.pulled == 0 and third.pushed == 0


def test_a_peer_runs_once_at_a_time(nodes: Nodes) -> None:
    """Another process's run holds a claim on the peer: this one does not start, and is not
    counted as a failure."""
    a, b = nodes()
    b.service.add_peer("node-a", a.collection(), org="Org B", actor=SYSTEM,
                       credentials=token(a.tokens["Node B"]))  # fmt: skip
    peer = b.service.peer("node-a", actor=SYSTEM)
    assert b.service.store.claim_peer(peer.id, now=peer.created,
                                      until="2999-01-01T00:00:00.000000Z")  # fmt: skip
    (run,) = b.service.sync(["node-a"])
    assert not run.ok and run.error is not None and "already running" in run.error
    assert b.service.peer("node-a", actor=SYSTEM).failures == 0
    b.service.store.release_peer(peer.id)
    (run,) = b.service.sync(["node-a"])
    assert run.ok, run.error


def test_a_large_pull_is_stored_in_batches_and_resumes_without_a_gap(
    nodes: Nodes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With pages of 5 objects and batches of at least 20, a pull of ~200 objects is stored in
    several transactions, each with its checkpoint: 1 µs before the first date_added of the page
    that follows the batch, so that a run resumed there skips nothing."""
    import accord.service.sync as sync

    monkeypatch.setattr(sync, "ENVELOPE", 5)
    monkeypatch.setattr(sync, "PULL_BATCH", 20)
    a, b = nodes()
    names = ["s01_aktau-caspian-border-services-wire.txt",
             "s02_osce-dushanbe-returnees-roundtable.txt",
             "s03_bishkek-eu-cyber-dialogue-press-statements.txt"]  # fmt: skip
    shared = [ingest(a, "Org A", name, GREEN_FEDERATION) for name in names]
    b.service.add_peer("node-a", a.collection(), org="Org B", actor=SYSTEM,
                       credentials=token(a.tokens["Node B"]))  # fmt: skip
    batches: list[tuple[int, str | None]] = []  # (objects, checkpoint) of each batch stored
    store_batch = sync.SyncCases._store_batch

    def recorded(self: sync.SyncCases, peer: Any, objects: list[Any], checkpoint: str | None,
                 *rest: Any) -> None:  # fmt: skip
        batches.append((len(objects), checkpoint))
        store_batch(self, peer, objects, checkpoint, *rest)

    monkeypatch.setattr(sync.SyncCases, "_store_batch", recorded)
    sources = b.source_count()
    (first,) = b.service.sync(["node-a"])
    assert first.ok, first.error
    assert first.pulled > 60 and first.written == first.pulled
    assert all(b.has(i) for source in shared for i in a.fact_ids(source))
    assert b.source_count() - sources == len(batches) > 1  # one source per batch
    assert (
        all(size >= 20 for size, _ in batches[:-1]) and sum(s for s, _ in batches) == first.pulled
    )
    checkpoints = [c for _, c in batches]
    assert None not in checkpoints and checkpoints == sorted(checkpoints)  # type: ignore[type-var]
    peer_id = b.service.peer("node-a", actor=SYSTEM).id
    assert b.service.peer("node-a", actor=SYSTEM).pull_checkpoint == checkpoints[-1]
    # A run resumed from a batch's checkpoint gets again everything stored after that batch
    # (and perhaps some of the batch's own last objects), and writes nothing new.
    monkeypatch.setattr(sync.SyncCases, "_store_batch", store_batch)
    resumed_counts = []
    for index, (_, checkpoint) in enumerate(batches[:-1]):
        b.service.store.set_pull_checkpoint(peer_id, checkpoint)  # type: ignore[arg-type]
        (resumed,) = b.service.sync(["node-a"])
        assert resumed.ok and resumed.written == 0, resumed
        assert sum(s for s, _ in batches[index + 1 :]) <= resumed.pulled <= first.pulled
        resumed_counts.append(resumed.pulled)
    assert min(resumed_counts) < first.pulled  # a checkpoint that saves some of the pull
    (last,) = b.service.sync(["node-a"])
    assert last.ok and last.pulled == 0 and last.written == 0
