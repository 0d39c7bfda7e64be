"""The peers table on both engines (migration 0004), and the background loop of due syncs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from accord.errors import ConflictError, InputError, NotFoundError
from accord.service import Accord
from accord.service.sync import SyncLoop
from accord.sharing import SYSTEM
from accord.store import Store, open_store
from accord.store.model import Sharing
from accord.store.peers import AuthKind, Credentials, Direction, NewPeer, RunOutcome
from accord.vocab import TLP, Distribution, OrgKind
from tests.web.test_http import free_port

NOW = "2026-01-01T00:00:00.000000Z"


def _peer(store: Store, name: str = "Node X", **kwargs: object) -> NewPeer:
    org = store.add_organisation(f"{name} owner", created=NOW)
    remote = store.add_organisation(f"{name} remote", created=NOW, kind=OrgKind.PEER)
    values: dict[str, object] = {
        "name": name, "url": "https://x.example/taxii2/r/collections/c/",
        "direction": Direction.BOTH, "org_id": org.id, "peer_org_id": remote.id,
        "sharing": Sharing(TLP.GREEN, Distribution.COMMUNITY),
        "credentials": Credentials(AuthKind.BASIC, "me", "s3cret-value"),
        "interval": 600, "created": NOW,
    }  # fmt: skip
    values.update(kwargs)
    return NewPeer(**values)  # type: ignore[arg-type]


def test_peers_are_kept_with_their_credentials_apart(store: Store) -> None:
    added = store.add_peer(_peer(store))
    assert added.name == "Node X" and added.direction is Direction.BOTH
    assert added.org_name == "Node X owner" and added.peer_org_name == "Node X remote"
    assert added.sharing == Sharing(TLP.GREEN, Distribution.COMMUNITY)
    assert added.auth is AuthKind.BASIC and added.auth_user == "me"
    assert added.next_due == NOW and added.failures == 0
    assert "s3cret" not in repr(added) and "s3cret" not in repr(added.as_dict())
    credentials = store.peer_credentials(added.id)
    assert credentials.secret == "s3cret-value" and "s3cret" not in repr(credentials)
    assert store.get_peer("node x") == added == store.get_peer(added.id)
    assert [p.name for p in store.peers()] == ["Node X"]
    with pytest.raises(ConflictError):
        store.add_peer(_peer(store, "NODE x"))


def test_runs_and_checkpoints_are_recorded(store: Store) -> None:
    peer = store.add_peer(_peer(store))
    store.set_pull_checkpoint(peer.id, "2026-01-01T00:00:01.5Z")
    store.set_push_checkpoint(peer.id, "dDE6Y3Vyc29y")
    failed = store.record_run(peer.id, RunOutcome(NOW, "2026-01-01T00:00:30.000000Z",
                                                  "pull: cannot connect"))  # fmt: skip
    assert failed.failures == 1 and failed.last_error == "pull: cannot connect"
    assert failed.last_success is None and failed.last_attempt == NOW
    failed = store.record_run(peer.id, RunOutcome(NOW, NOW, "again"))
    assert failed.failures == 2
    done = store.record_run(
        peer.id,
        RunOutcome(
            "2026-01-02T00:00:00.000000Z",
            "2026-01-02T00:10:00.000000Z",
            pulled=5,
            written=4,
            pushed=3,
            rejected=1,
        ),
    )
    assert done.failures == 0 and done.last_error is None
    assert done.last_success == "2026-01-02T00:00:00.000000Z"
    assert (done.last_pulled, done.last_written, done.last_pushed, done.last_rejected) == (
        5, 4, 3, 1,
    )  # fmt: skip
    assert done.pull_checkpoint == "2026-01-01T00:00:01.5Z"
    assert done.push_checkpoint == "dDE6Y3Vyc29y"
    assert store.remove_peer("node x").id == peer.id
    with pytest.raises(NotFoundError):
        store.get_peer("Node X")


def test_credentials_go_with_their_kind() -> None:
    with pytest.raises(InputError):
        Credentials(AuthKind.BEARER)
    with pytest.raises(InputError):
        Credentials(AuthKind.BEARER, "user", "token")
    with pytest.raises(InputError):
        Credentials(AuthKind.NONE, secret="x")


def test_the_loop_runs_due_syncs_backs_off_and_stops(tmp_path: Path) -> None:
    service = Accord(open_store(f"sqlite:///{tmp_path / 'loop.db'}"))
    try:
        service.directory.add_organisation("Org A", actor=SYSTEM)
        url = f"http://127.0.0.1:{free_port()}/taxii2/accord/collections/x/"
        service.add_peer("down", url, org="Org A", actor=SYSTEM, interval=3600)
        loop = SyncLoop(service, idle=60).start()
        deadline = time.monotonic() + 20
        while service.peer("down", actor=SYSTEM).failures == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # backed off 30 s: no second attempt meanwhile
        assert service.peer("down", actor=SYSTEM).failures == 1
        started = time.monotonic()
        loop.stop()
        assert not loop.running and time.monotonic() - started < 5
    finally:
        service.store.close()


def test_a_run_claims_its_peer(store: Store) -> None:
    peer = store.add_peer(_peer(store))
    later = "2026-01-01T01:00:00.000000Z"
    assert store.claim_peer(peer.id, now=NOW, until=later)
    assert not store.claim_peer(peer.id, now=NOW, until=later)  # another run: refused
    assert store.get_peer(peer.id).running_until == later
    assert store.claim_peer(peer.id, now=later, until="2026-01-01T02:00:00.000000Z")  # lapsed
    store.record_run(peer.id, RunOutcome(later, later))
    assert store.get_peer(peer.id).running_until is None
    assert store.claim_peer(peer.id, now=later, until="2026-01-01T02:00:00.000000Z")
    store.release_peer(peer.id)
    assert store.claim_peer(peer.id, now=later, until="2026-01-01T02:00:00.000000Z")


def test_a_peer_is_updated_column_by_column(store: Store) -> None:
    peer = store.add_peer(_peer(store))
    store.set_pull_checkpoint(peer.id, "2026-01-01T00:00:01.5Z")
    updated = store.update_peer(peer.id, {
        "interval_seconds": 60, "auth": "bearer", "auth_user": None, "auth_secret": "tok-2",
        "share_groups": "[]", "tlp": "clear", "distribution": "federation",
    })  # fmt: skip
    assert (updated.interval, updated.auth, updated.auth_user) == (60, AuthKind.BEARER, None)
    assert updated.sharing == Sharing(TLP.CLEAR, Distribution.FEDERATION)
    assert store.peer_credentials(peer.id) == Credentials(AuthKind.BEARER, secret="tok-2")
    assert updated.pull_checkpoint == "2026-01-01T00:00:01.5Z"  # what was not named stays
    assert (updated.url, updated.direction, updated.created) == (peer.url, peer.direction,
                                                                 peer.created)  # fmt: skip
    assert store.update_peer(peer.id, {}) == updated
    with pytest.raises(ValueError, match="not a peer setting: name"):
        store.update_peer(peer.id, {"name": "other"})
    with pytest.raises(NotFoundError):
        store.update_peer(peer.id + 100, {"interval_seconds": 5})
