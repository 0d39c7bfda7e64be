"""Peers in the store: the remote TAXII 2.1 collections this node syncs with, their schedules,
checkpoints and the outcome of their last run (migration 0004). Shared by both engines; SQL
uses ``?`` placeholders. Policy (who may configure peers, what is pushed) is the service's.

A peer's credentials are kept because they must be presented to the remote; they are read
back only by :meth:`PeerMethods.peer_credentials`, never with the rest of a peer, so that
listing, printing or logging a :class:`Peer` cannot show them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import orjson

from accord.errors import ConflictError, InputError, NotFoundError
from accord.store.model import Sharing
from accord.vocab import TLP, Distribution

if TYPE_CHECKING:
    from accord.store.base import Row, WriteTx


class Direction(StrEnum):
    PULL = "pull"
    PUSH = "push"
    BOTH = "both"

    @property
    def pulls(self) -> bool:
        return self is not Direction.PUSH

    @property
    def pushes(self) -> bool:
        return self is not Direction.PULL


class AuthKind(StrEnum):
    NONE = "none"
    BEARER = "bearer"
    BASIC = "basic"


@dataclass(frozen=True, slots=True)
class Credentials:
    """How this node authenticates to a peer. The secret never appears in its repr."""

    kind: AuthKind = AuthKind.NONE
    user: str | None = None
    secret: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if (self.kind is AuthKind.NONE) != (self.secret is None):
            raise InputError("a token or a password is given exactly with bearer or basic auth")
        if (self.kind is AuthKind.BASIC) != (self.user is not None):
            raise InputError("a user name is given exactly with basic auth")


@dataclass(frozen=True, slots=True)
class NewPeer:
    name: str
    url: str
    direction: Direction
    org_id: int
    peer_org_id: int | None
    sharing: Sharing
    credentials: Credentials = field(repr=False)
    interval: int  # seconds
    created: str


@dataclass(frozen=True, slots=True)
class Peer:
    """A configured peer as listed: everything but its credentials' secret."""

    id: int
    name: str
    url: str
    direction: Direction
    org_id: int
    org_name: str
    peer_org_id: int | None
    peer_org_name: str | None
    sharing: Sharing
    auth: AuthKind
    auth_user: str | None
    interval: int
    pull_checkpoint: str | None
    push_checkpoint: str | None
    last_attempt: str | None
    last_success: str | None
    failures: int
    last_error: str | None
    next_due: str
    running_until: str | None  # a run's claim
    last_pulled: int
    last_written: int
    last_pushed: int
    last_rejected: int
    created: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "url": self.url, "direction": str(self.direction),
            "org": self.org_name, "peer_org": self.peer_org_name,
            "tlp": str(self.sharing.tlp), "distribution": str(self.sharing.distribution),
            "groups": list(self.sharing.groups), "auth": str(self.auth),
            "auth_user": self.auth_user, "interval_seconds": self.interval,
            "pull_checkpoint": self.pull_checkpoint, "push_checkpoint": self.push_checkpoint,
            "last_attempt": self.last_attempt, "last_success": self.last_success,
            "failures": self.failures, "last_error": self.last_error, "next_due": self.next_due,
            "running_until": self.running_until,
            "last_run": {"pulled": self.last_pulled, "written": self.last_written,
                         "pushed": self.last_pushed, "rejected": self.last_rejected},
            "created": self.created,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class RunOutcome:
    """What one sync run of a peer did, to record with it."""

    at: str
    next_due: str
    error: str | None = None  # one line; None when the run succeeded
    pulled: int = 0
    written: int = 0
    pushed: int = 0
    rejected: int = 0


SETTABLE = frozenset({
    "url", "direction", "peer_org_id", "tlp", "distribution", "share_groups", "auth",
    "auth_user", "auth_secret", "interval_seconds", "next_due", "pull_checkpoint",
    "push_checkpoint",
})  # fmt: skip
"""The columns :meth:`PeerMethods.update_peer` may set (names it writes into its SQL)."""

_PEER = (
    "SELECT p.id, p.name, p.url, p.direction, p.org_id, g.name, p.peer_org_id, pg.name, "
    "p.tlp, p.distribution, p.share_groups, p.auth, p.auth_user, p.interval_seconds, "
    "p.pull_checkpoint, p.push_checkpoint, p.last_attempt, p.last_success, p.failures, "
    "p.last_error, p.next_due, p.running_until, p.last_pulled, p.last_written, p.last_pushed, "
    "p.last_rejected, p.created FROM peers p JOIN organisations g ON g.id = p.org_id "
    "LEFT JOIN organisations pg ON pg.id = p.peer_org_id"
)


def _peer(row: Row) -> Peer:
    groups = tuple(int(g) for g in orjson.loads(row[10]))
    sharing = Sharing(TLP(row[8]), Distribution(row[9]), groups)
    peer_org = None if row[6] is None else int(row[6])
    return Peer(
        int(row[0]), row[1], row[2], Direction(row[3]), int(row[4]), row[5], peer_org, row[7],
        sharing, AuthKind(row[11]), row[12], int(row[13]), row[14], row[15], row[16],
        row[17], int(row[18]), row[19], row[20], row[21], int(row[22]), int(row[23]),
        int(row[24]), int(row[25]), row[26],
    )  # fmt: skip


class PeerMethods:
    """Mixed into :class:`accord.store.base.SqlStore`."""

    if TYPE_CHECKING:

        def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...
        def _write(self) -> AbstractContextManager[WriteTx]: ...

    def add_peer(self, peer: NewPeer) -> Peer:
        cred = peer.credentials
        with self._write() as tx:
            rows = tx.fetch(
                "INSERT INTO peers (name, url, direction, org_id, peer_org_id, tlp, "
                "distribution, share_groups, auth, auth_user, auth_secret, interval_seconds, "
                "next_due, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING RETURNING id",
                [peer.name, peer.url, str(peer.direction), peer.org_id, peer.peer_org_id,
                 str(peer.sharing.tlp), str(peer.sharing.distribution),
                 orjson.dumps(list(peer.sharing.groups)).decode(), str(cred.kind), cred.user,
                 cred.secret, peer.interval, peer.created, peer.created],
            )  # fmt: skip
        if not rows:
            raise ConflictError("peer", peer.name)
        return self.get_peer(int(rows[0][0]))

    def get_peer(self, key: int | str) -> Peer:
        """A peer by id (an int) or by name (case aside)."""
        if isinstance(key, int):
            rows = self._read(f"{_PEER} WHERE p.id = ?", [key])
        else:
            rows = self._read(f"{_PEER} WHERE lower(p.name) = lower(?)", [key])
        if not rows:
            raise NotFoundError("peer", str(key))
        return _peer(rows[0])

    def peers(self) -> list[Peer]:
        return [_peer(row) for row in self._read(f"{_PEER} ORDER BY p.name, p.id")]

    def remove_peer(self, key: str) -> Peer:
        peer = self.get_peer(key)
        with self._write() as tx:
            tx.execute("DELETE FROM peers WHERE id = ?", [peer.id])
        return peer

    def update_peer(self, peer_id: int, columns: Mapping[str, Any]) -> Peer:
        """Set some of a peer's settings (`columns`: column names among :data:`SETTABLE`,
        with their new values); the peer as it now is."""
        unknown = set(columns) - SETTABLE
        if unknown:
            raise ValueError(f"not a peer setting: {', '.join(sorted(unknown))}")
        if columns:
            names = sorted(columns)
            with self._write() as tx:
                changed = tx.execute(
                    f"UPDATE peers SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?",
                    [*(columns[n] for n in names), peer_id],
                )
            if not changed:
                raise NotFoundError("peer", str(peer_id))
        return self.get_peer(peer_id)

    def peer_credentials(self, peer_id: int) -> Credentials:
        """The credentials to present to the peer: for the sync client only."""
        rows = self._read("SELECT p.auth, p.auth_user, p.auth_secret FROM peers p WHERE p.id = ?",
                          [peer_id])  # fmt: skip
        if not rows:
            raise NotFoundError("peer", str(peer_id))
        kind, username, secret = rows[0]
        return Credentials(AuthKind(kind), username, secret)

    def set_pull_checkpoint(self, peer_id: int, checkpoint: str) -> None:
        """Record the remote's last X-TAXII-Date-Added-Last; inside ``held_write`` it commits
        with the write of what was pulled."""
        with self._write() as tx:
            tx.execute("UPDATE peers SET pull_checkpoint = ? WHERE id = ?", [checkpoint, peer_id])

    def set_push_checkpoint(self, peer_id: int, cursor: str) -> None:
        """Record the local TAXII cursor of the last row the remote acknowledged."""
        with self._write() as tx:
            tx.execute("UPDATE peers SET push_checkpoint = ? WHERE id = ?", [cursor, peer_id])

    def claim_peer(self, peer_id: int, *, now: str, until: str) -> bool:
        """Claim the next run of a peer until `until`, unless another run (in this process or
        another) holds an unexpired claim: whether it was claimed. `record_run` releases it."""
        with self._write() as tx:
            claimed = tx.execute(
                "UPDATE peers SET running_until = ? WHERE id = ? "
                "AND (running_until IS NULL OR running_until <= ?)",
                [until, peer_id, now],
            )
        return claimed > 0

    def release_peer(self, peer_id: int) -> None:
        """Give up a run's claim without recording the run (it was interrupted)."""
        with self._write() as tx:
            tx.execute("UPDATE peers SET running_until = NULL WHERE id = ?", [peer_id])

    def record_run(self, peer_id: int, outcome: RunOutcome) -> Peer:
        """Record one run, and release its claim: success resets the failure count, failure
        increments it."""
        ok = outcome.error is None
        with self._write() as tx:
            tx.execute(
                "UPDATE peers SET last_attempt = ?, next_due = ?, last_error = ?, "
                "running_until = NULL, "
                "last_success = CASE WHEN ? THEN ? ELSE last_success END, "
                "failures = CASE WHEN ? THEN 0 ELSE failures + 1 END, "
                "last_pulled = ?, last_written = ?, last_pushed = ?, last_rejected = ? "
                "WHERE id = ?",
                [outcome.at, outcome.next_due, outcome.error, ok, outcome.at, ok,
                 outcome.pulled, outcome.written, outcome.pushed, outcome.rejected, peer_id],
            )  # fmt: skip
        return self.get_peer(peer_id)

    def held_by(
        self, owner_org: int, keys: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], dict[str, Any]]:
        """The stored objects, by (id, version key), of those among `keys` that a source of
        `owner_org` already wrote or holds: what a pull for that organisation need not write
        again, if it is the same."""
        wanted = set(keys)
        found: dict[tuple[str, str], dict[str, Any]] = {}
        ids = sorted({object_id for object_id, _ in wanted})
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self._read(
                "SELECT o.id, o.version, o.json FROM objects o "
                f"WHERE o.id IN ({marks}) AND (EXISTS (SELECT 1 FROM sources s "
                "WHERE s.id = o.source_id AND s.owner_org = ?) "
                "OR EXISTS (SELECT 1 FROM object_holders h JOIN sources s ON s.id = h.source_id "
                "WHERE h.seq = o.seq AND s.owner_org = ?))",
                [*chunk, owner_org, owner_org],
            )
            found.update({(str(i), str(v)): orjson.loads(raw)
                          for i, v, raw in rows if (i, v) in wanted})  # fmt: skip
        return found
