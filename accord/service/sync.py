"""Use cases of federation (docs/taxii.md, "Federation: accord sync"): peers configured, and
syncs with them run now or when due.

- **Pull** reads the remote collection after the pull checkpoint (the remote's last
  X-TAXII-Date-Added-Last), every page, and stores what is new in batches (PULL_BATCH), each
  one source owned by the peer's local organisation, shared as the peer's sharing says, in
  one transaction with its checkpoint. A version that conflicts with a stored one is
  reported, not fatal. Nothing new: no source, no write.
- **Push** sends, in envelopes, the rows after the push checkpoint (a local TAXII cursor) that
  the peer organisation (kind ``peer``, the remote node as this node knows it) may see within
  the local organisation's OWNER scope, with the objects they reference that it may see
  there; the checkpoint moves with each envelope the remote acknowledges. What is pushed is
  read through the store's scoped predicate, as the peer itself would read it over TAXII:
  never more.
- A failed run is recorded with its one-line error and retried after 30 s, doubling with
  each failure, at most the peer's interval; a success resets the count.
- A run claims its peer in the store until it is recorded, so that runs of one peer never
  overlap, whichever process starts them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import orjson

from accord.clock import format_timestamp
from accord.errors import (
    AccordError,
    ForbiddenError,
    InputError,
    NotFoundError,
    RemoteError,
)
from accord.federation.client import Auth, TaxiiClient, collection_url
from accord.service.sharing import SharingCases
from accord.sharing import (
    ENTITY_TYPES,
    MAX_DISTRIBUTION,
    SYSTEM,
    VISIBLE,
    Capability,
    Principal,
    Scope,
    ScopeKind,
    permits,
    user,
)
from accord.stix.bundle import CheckedBundle, check_bundle
from accord.stix.markings import marked_tlp, strictest
from accord.stix.timestamps import sort_key, timestamp_error
from accord.store.collections import TaxiiQuery
from accord.store.directory import Organisation
from accord.store.model import MAX_PAGE, NewSource, Sharing
from accord.store.peers import (
    AuthKind,
    Credentials,
    Direction,
    NewPeer,
    Peer,
    RunOutcome,
)
from accord.vocab import TLP, OrgKind, Role

if TYPE_CHECKING:
    from accord.service import Accord

log = logging.getLogger("accord.sync")
Obj = dict[str, Any]
Progress = Callable[[str], None]
"""Called with one line about a run in progress (a page pulled, an envelope pushed)."""

ENVELOPE = 1000  # objects per page pulled and per envelope pushed
# A pull is stored in batches of at least this many objects, each in one transaction with its
# checkpoint, so that a large remote collection is not held in memory whole. A batch ends
# before a page, with the checkpoint 1 µs before that page's first date_added: a run resumed
# from there may receive again the last few objects stored (which are then left as they are),
# but never skips one added at the same time as the page's first.
PULL_BATCH = 10_000
FIRST_RETRY = 30  # seconds after a first failure; doubles with each one after
RESERVED_NAMES = frozenset({"status"})  # `accord sync status` is a command
CLAIM_SECONDS = 3600  # a run claims its peer this long at least (a crashed run's claim lapses)


@dataclass(slots=True)
class SyncReport:
    """What one sync run with one peer did."""

    peer: str
    direction: str
    error: str | None = None
    pulled: int = 0  # objects received
    added: int = 0
    new_versions: int = 0
    history: int = 0
    unchanged: int = 0  # received, and stored already
    rejected: int = 0  # refused here (invalid, conflicting, above the sharing's TLP)
    pushed: int = 0  # objects the remote accepted
    push_refused: int = 0  # objects the remote refused
    envelopes: int = 0
    source_id: int | None = None  # the source what was pulled is stored under
    problems: list[str] = field(default_factory=list)  # the first few, one line each
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def written(self) -> int:
        return self.added + self.new_versions + self.history

    def as_dict(self) -> dict[str, Any]:
        return {
            "peer": self.peer, "direction": self.direction, "ok": self.ok, "error": self.error,
            "pulled": self.pulled, "added": self.added, "new_versions": self.new_versions,
            "history": self.history, "unchanged": self.unchanged, "rejected": self.rejected,
            "pushed": self.pushed, "push_refused": self.push_refused,
            "envelopes": self.envelopes, "source_id": self.source_id,
            "problems": self.problems, "seconds": round(self.seconds, 3),
        }  # fmt: skip


def _just_before(stamp: str | None) -> str | None:
    """A timestamp 1 µs before `stamp` (a remote's X-TAXII-Date-Added-First), its fraction cut
    to microseconds first, so that any server reads it; None for no valid timestamp."""
    if stamp is None or timestamp_error(stamp):
        return None
    return format_timestamp(_at(sort_key(stamp)[:26] + "Z") - timedelta(microseconds=1))


def _later(stamp: str, checkpoint: str | None) -> bool:
    """Whether `stamp` is past `checkpoint` (None: no checkpoint yet; an unreadable one is not
    passed)."""
    if checkpoint is None:
        return True
    return not timestamp_error(checkpoint) and sort_key(stamp) > sort_key(checkpoint)


def _at(stamp: str) -> datetime:
    return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def retry_delay(failures: int, interval: int) -> int:
    """Seconds to wait after the `failures`-th failure in a row: 30 s doubling, at most the
    interval."""
    return int(min(FIRST_RETRY * 2 ** min(failures - 1, 20), interval))


@dataclass(frozen=True, slots=True)
class PeerChange:
    """What :meth:`SyncCases.update_peer` changes in a peer; None (False) leaves a setting as
    it is."""

    url: str | None = None
    direction: Direction | None = None
    peer_org: str | int | None = None  # by name or id; kind peer
    interval: int | None = None  # seconds
    credentials: Credentials | None = field(default=None, repr=False)
    sharing: Sharing | None = None  # of what is pulled from now on
    restart_pull: bool = False  # forget the pull checkpoint: the next pull asks for everything
    restart_push: bool = False  # forget the push checkpoint: the next push offers everything
    due_now: bool = False


# The setting each changed column is reported as, in the audit log (never a secret's value).
_SETTING = {
    "url": "url", "direction": "direction", "peer_org_id": "peer_org", "tlp": "sharing",
    "distribution": "sharing", "share_groups": "sharing", "auth": "credentials",
    "auth_user": "credentials", "auth_secret": "credentials",
    "interval_seconds": "interval", "pull_checkpoint": "pull_checkpoint",
    "push_checkpoint": "push_checkpoint",
}  # fmt: skip


def pull_ref(peer_name: str) -> str:
    """The ref of the sources a peer's pulls are stored under."""
    return f"taxii-peer:{peer_name.lower()}"


class SyncCases(SharingCases):
    """Mixed into :class:`accord.service.Accord`; audits through SharingCases."""

    # --- configuration --------------------------------------------------------------------
    def add_peer(
        self,
        name: str,
        url: str,
        *,
        org: str,
        actor: Principal,
        peer_org: str | None = None,
        direction: Direction = Direction.PULL,
        interval: int = 900,
        credentials: Credentials | None = None,
        sharing: Sharing | None = None,
    ) -> Peer:
        """Configure a remote collection to sync with. `org` owns what is pulled and is the
        organisation whose sources are pushed; `peer_org` (kind ``peer``) stands for the
        remote node, and what it may see is what is pushed: needed to push."""
        name = name.strip()
        if not name or not name.isprintable() or len(name) > 100 or name.lower() in RESERVED_NAMES:
            raise InputError(f"{name!r}: give the peer a short printable name (not 'status')")
        local = self.store.get_organisation(org)
        _authorise(actor, local.id, "configure peers")
        if local.kind is not OrgKind.MEMBER:
            raise InputError(f"{local.name} is a peer organisation: pulled data is owned by a "
                             "member organisation of this node")  # fmt: skip
        remote_org = None if peer_org is None else self._peer_org(peer_org)
        sharing = sharing or Sharing()
        self._check_settings(local, remote_org, direction, interval, sharing)
        now = format_timestamp(self.clock.now())
        peer = self.store.add_peer(NewPeer(
            name, _collection_url(url), direction, local.id,
            remote_org.id if remote_org else None, sharing, credentials or Credentials(),
            interval, now,
        ))  # fmt: skip
        self.record(actor, "peer.add", peer.name, {
            "url": peer.url, "direction": str(direction), "org": local.name,
            "peer_org": remote_org.name if remote_org else None, "auth": str(peer.auth),
            "tlp": str(sharing.tlp), "distribution": str(sharing.distribution),
        })  # fmt: skip
        return peer

    def _peer_org(self, key: str | int) -> Organisation:
        found = self.store.get_organisation(key)
        if found.kind is not OrgKind.PEER:
            raise InputError(
                f"{found.name} is a member organisation; --peer-org names the "
                "organisation of kind 'peer' that stands for the remote node"
            )
        return found

    def _check_settings(
        self, local: Organisation, remote_org: Organisation | None, direction: Direction,
        interval: int, sharing: Sharing,
    ) -> None:  # fmt: skip
        if interval < 1:
            raise InputError("the interval must be at least one second")
        if direction.pushes and remote_org is None:
            raise InputError("pushing needs --peer-org: what is pushed is what that peer "
                             "organisation may see")  # fmt: skip
        for group in sharing.groups:
            if not self.store.in_group(local.id, group):
                raise InputError(f"no sharing group {group} that {local.name} belongs to")

    def update_peer(self, name: str, change: PeerChange, *, actor: Principal) -> Peer:
        """Change a peer's settings: what `change` leaves at None stays as it is. A new URL is
        another collection, so both checkpoints are forgotten with it; a new URL, direction
        or credentials, or `change.due_now`, make the peer due at once (what failed may work
        now); a new interval counts from the last attempt. New sharing applies to what is
        pulled from now on: what is stored keeps its own (`accord share`)."""
        peer = self.peer(name, actor=actor, action="configure a peer")
        local = self.store.get_organisation(peer.org_id)
        remote_org = (self.store.get_organisation(peer.peer_org_id)
                      if peer.peer_org_id is not None else None)  # fmt: skip
        if change.peer_org is not None:
            remote_org = self._peer_org(change.peer_org)
        direction = change.direction or peer.direction
        interval = peer.interval if change.interval is None else change.interval
        sharing = change.sharing or peer.sharing
        self._check_settings(local, remote_org, direction, interval, sharing)
        columns: dict[str, Any] = {}
        if change.url is not None and (url := _collection_url(change.url)) != peer.url:
            columns |= {"url": url, "pull_checkpoint": None, "push_checkpoint": None}
        if direction is not peer.direction:
            columns["direction"] = str(direction)
        if remote_org is not None and remote_org.id != peer.peer_org_id:
            columns["peer_org_id"] = remote_org.id
        if sharing != peer.sharing:
            columns |= {"tlp": str(sharing.tlp), "distribution": str(sharing.distribution),
                        "share_groups": orjson.dumps(list(sharing.groups)).decode()}  # fmt: skip
        if change.credentials is not None:
            cred = change.credentials
            columns |= {"auth": str(cred.kind), "auth_user": cred.user, "auth_secret": cred.secret}
        if change.restart_pull:
            columns["pull_checkpoint"] = None
        if change.restart_push:
            columns["push_checkpoint"] = None
        now = self.clock.now()
        if interval != peer.interval:
            columns["interval_seconds"] = interval
            if not peer.failures:  # a failing peer keeps its back-off
                since = _at(peer.last_attempt) if peer.last_attempt else now
                columns["next_due"] = format_timestamp(since + timedelta(seconds=interval))
        if change.due_now or {"url", "direction", "auth", "auth_secret"} & columns.keys():
            columns["next_due"] = format_timestamp(now)
        updated = self.store.update_peer(peer.id, columns)
        changed = sorted({_SETTING.get(c, c) for c in columns} - {"next_due"})
        self.record(actor, "peer.update", peer.name, {
            "changed": changed, "url": updated.url, "direction": str(updated.direction),
            "peer_org": updated.peer_org_name, "auth": str(updated.auth),
            "interval_seconds": updated.interval, "tlp": str(updated.sharing.tlp),
            "distribution": str(updated.sharing.distribution), "next_due": updated.next_due,
        })  # fmt: skip
        return updated

    def peers(self, *, actor: Principal) -> list[Peer]:
        """The peers `actor` may see: all to the operator, its organisation's to an admin."""
        _authorise(actor, actor.org_id, "list peers")
        return [p for p in self.store.peers() if actor.is_system or p.org_id == actor.org_id]

    def peer(self, name: str, *, actor: Principal, action: str = "read a peer") -> Peer:
        """A peer by name, for the operator or an admin of its organisation. To anyone of
        another organisation it does not exist (404), as what is not shared with it."""
        found = self.store.get_peer(name)
        if not actor.is_system and actor.org_id != found.org_id:
            raise NotFoundError("peer", name)
        _authorise(actor, found.org_id, action)
        return found

    def remove_peer(self, name: str, *, actor: Principal) -> Peer:
        self.peer(name, actor=actor, action="remove a peer")
        removed = self.store.remove_peer(name)
        self.record(actor, "peer.remove", removed.name)
        return removed

    # --- runs -----------------------------------------------------------------------------
    def sync(
        self,
        names: Sequence[str] = (),
        *,
        actor: Principal = SYSTEM,
        due_only: bool = False,
        progress: Progress | None = None,
    ) -> list[SyncReport]:
        """Sync with the named peers (none named: all of them, or with `due_only` those whose
        next run is due), one after another; every run is recorded and audited."""
        if names:
            chosen = [self.peer(name, actor=actor) for name in names]
        else:
            chosen = self.peers(actor=actor)
        if due_only:
            now = self.clock.now()
            chosen = [p for p in chosen if _at(p.next_due) <= now]
        return [self.sync_peer(peer, actor=actor, progress=progress) for peer in chosen]

    def seconds_until_due(self) -> float | None:
        """Seconds until the next peer is due (0 when one is), None without peers."""
        peers = self.store.peers()
        if not peers:
            return None
        now = self.clock.now()
        return max(0.0, min((_at(p.next_due) - now).total_seconds() for p in peers))

    def sync_peer(
        self, peer: Peer, *, actor: Principal = SYSTEM, progress: Progress | None = None
    ) -> SyncReport:
        """One run with one peer: pull, then push, as its direction says."""
        report = SyncReport(peer.name, str(peer.direction))
        now = self.clock.now()
        until = format_timestamp(now + timedelta(seconds=max(peer.interval, CLAIM_SECONDS)))
        if not self.store.claim_peer(peer.id, now=format_timestamp(now), until=until):
            held = self.store.get_peer(peer.id).running_until
            report.error = f"a sync with this peer is already running (claimed until {held})"
            return report
        started = time.perf_counter()
        recorded = False
        try:
            try:
                self._run(peer, report, progress or _quiet)
            except AccordError as exc:  # the peer's credentials or URL could not be used
                report.error = " ".join(str(exc).split())
            report.seconds = time.perf_counter() - started
            self._record_run(peer, report, actor)  # and release the claim
            recorded = True
        finally:
            if not recorded:  # interrupted: the next run may start at once
                self.store.release_peer(peer.id)
        return report

    def _run(self, peer: Peer, report: SyncReport, progress: Progress) -> None:
        credentials = self.store.peer_credentials(peer.id)
        errors = []
        with TaxiiClient(peer.url, _auth(credentials)) as client:
            for wanted, step in ((peer.direction.pulls, self._pull),
                                 (peer.direction.pushes, self._push)):  # fmt: skip
                if not wanted:
                    continue
                try:
                    step(peer, client, report, progress)
                except AccordError as exc:
                    errors.append(f"{step.__name__.strip('_')}: {exc}")
                except Exception as exc:  # a bug must not stop the other peers' syncs
                    log.exception("sync with %s failed", peer.name)
                    errors.append(f"{step.__name__.strip('_')}: internal error: "
                                  f"{type(exc).__name__}: {exc}")  # fmt: skip
        if errors:
            report.error = " ".join("; ".join(errors).split())

    def _record_run(self, peer: Peer, report: SyncReport, actor: Principal) -> None:
        now = self.clock.now()
        delay = peer.interval if report.ok else retry_delay(peer.failures + 1, peer.interval)
        self.store.record_run(peer.id, RunOutcome(
            format_timestamp(now), format_timestamp(now + timedelta(seconds=delay)),
            report.error, report.pulled, report.written, report.pushed,
            report.rejected + report.push_refused,
        ))  # fmt: skip
        detail = {k: v for k, v in report.as_dict().items() if k not in ("peer", "problems")}
        self.record(actor, "peer.sync", peer.name, detail,
                    outcome="ok" if report.ok else "failed")  # fmt: skip

    # --- pull -----------------------------------------------------------------------------
    def _pull(
        self, peer: Peer, client: TaxiiClient, report: SyncReport, progress: Progress
    ) -> None:
        objects: list[Obj] = []
        stored = checkpoint = peer.pull_checkpoint
        for page in client.pages(added_after=peer.pull_checkpoint, limit=ENVELOPE):
            if len(objects) >= PULL_BATCH:
                resume = _just_before(page.date_added_first)
                if resume is not None and _later(resume, stored):
                    self._store_batch(peer, objects, resume, stored, report)
                    objects, stored = [], resume
            objects.extend(page.objects)
            report.pulled += len(page.objects)
            checkpoint = page.last_added or checkpoint
            progress(f"{peer.name}: pulled {report.pulled} objects")
        if objects:
            self._store_batch(peer, objects, checkpoint, stored, report)

    def _store_batch(
        self, peer: Peer, objects: list[Obj], checkpoint: str | None, stored: str | None,
        report: SyncReport,
    ) -> None:  # fmt: skip
        """Check and store one batch of what was pulled, in one transaction with the checkpoint
        just past it (`stored`: the checkpoint already stored)."""
        checked = check_bundle(f"peer {peer.name}", None, objects)
        kept, refused = _within(checked, peer.sharing)
        report.rejected += checked.rejected + len(refused)
        report.unchanged += checked.duplicates
        room = max(0, 20 - len(report.problems))
        report.problems.extend(([str(p) for p in checked.problems[:10]] + refused[:10])[:room])
        with self.store.held_write():  # the write and the checkpoint commit together
            self._store_pulled(peer, kept, report)
            if checkpoint is not None and checkpoint != stored:
                self.store.set_pull_checkpoint(peer.id, checkpoint)

    def _store_pulled(self, peer: Peer, kept: CheckedBundle, report: SyncReport) -> None:
        # What the organisation holds already, from any source of its own, is not written
        # again: a pull never widens the sharing of what it holds, and a peer synced both
        # ways does not take back, as new, what was pushed to it.
        held = self.store.held_by(peer.org_id, list(zip(
            (o["id"] for o in kept.objects), kept.versions, strict=True)))  # fmt: skip
        fresh = [at for at, obj in enumerate(kept.objects)
                 if held.get((obj["id"], kept.versions[at])) != obj]  # fmt: skip
        report.unchanged += len(kept.objects) - len(fresh)
        if not fresh:
            return  # nothing new: no source, no write
        objects = [kept.objects[at] for at in fresh]
        tlp = strictest([peer.sharing.tlp, *_marked(objects)]) or peer.sharing.tlp
        result = self.store.put_objects(
            objects, [kept.versions[at] for at in fresh],
            date_added=format_timestamp(self.clock.now()), skip_conflicts=True,
            source=NewSource("bundle", pull_ref(peer.name), f"TAXII sync from {peer.name}",
                             peer.org_id, replace(peer.sharing, tlp=tlp)),
        )  # fmt: skip
        if report.source_id is None:
            report.source_id = result.source_id
        report.added += result.added
        report.new_versions += result.new_versions
        report.history += result.history
        report.unchanged += result.unchanged
        report.rejected += result.rejected
        report.problems.extend(str(p) for p in result.problems[: max(0, 20 - len(report.problems))])

    # --- push -----------------------------------------------------------------------------
    def _push(
        self, peer: Peer, client: TaxiiClient, report: SyncReport, progress: Progress
    ) -> None:
        viewer, scope = _push_view(peer)
        cursor = peer.push_checkpoint
        while True:
            page = self.store.collection_page(
                TaxiiQuery(versions=["all"], limit=ENVELOPE, cursor=cursor),
                viewer=viewer, scope=scope,
            )  # fmt: skip
            if not page.entries:
                return
            objects = [orjson.loads(e.raw or b"{}") for e in page.entries]
            objects.extend(self._referenced(objects, viewer, scope))
            self.audited_reads(viewer, sorted({o["id"] for o in objects}))
            status = client.add_objects(objects)
            report.envelopes += len(status.get("ids", [])) or 1
            report.pushed += _count(status, "success_count")
            report.push_refused += _count(status, "failure_count")
            report.problems.extend(_failures(status)[: max(0, 20 - len(report.problems))])
            cursor = page.last_cursor
            if cursor is not None:
                self.store.set_push_checkpoint(peer.id, cursor)
            progress(f"{peer.name}: pushed {report.pushed} objects")
            if page.next_cursor is None:
                return

    def _referenced(self, objects: list[Obj], viewer: Principal, scope: Scope) -> list[Obj]:
        """What the envelope references and does not hold, that the peer may see: any object
        within `scope`, and entities and definitions (an identity, a marking-definition) it
        may see anywhere, since they hold only identifying data. A receiver gets what its
        facts name even when it was stored before the push checkpoint, or first brought by
        another organisation's source; another organisation's facts are never sent."""
        have = {o["id"] for o in objects}
        wanted = sorted({ref for o in objects for ref in _refs(o)} - have)
        found = self._latest_seen(wanted, viewer, scope)
        entities = [i for i in wanted if i not in found and i.split("--")[0] in ENTITY_TYPES]
        found.update(self._latest_seen(entities, viewer, VISIBLE))
        return [orjson.loads(raw) for _, raw in found.values()]

    def _latest_seen(
        self, ids: list[str], viewer: Principal, scope: Scope
    ) -> dict[str, tuple[str, bytes]]:
        """The latest version `viewer` may see within `scope` of each of `ids`, by id."""
        found: dict[str, tuple[str, bytes]] = {}
        for start in range(0, len(ids), 500):
            page = self.store.collection_page(
                TaxiiQuery(ids=ids[start : start + 500], versions=["all"], limit=MAX_PAGE),
                viewer=viewer, scope=scope,
            )  # fmt: skip
            for entry in page.entries:
                if entry.raw is not None and entry.version >= found.get(entry.id, ("", b""))[0]:
                    found[entry.id] = (entry.version, entry.raw)
        return found


# --- the background loop ---------------------------------------------------------------------


class SyncLoop:
    """Runs due syncs in a background thread until stopped: it sleeps until the next peer is
    due (at most `idle` seconds, to notice peers added meanwhile), never polls busily, and
    stops within a moment of :meth:`stop`."""

    def __init__(self, service: Accord, *, idle: float = 60.0) -> None:
        self._service = service
        self._idle = idle
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="accord-sync", daemon=True)

    def start(self) -> SyncLoop:
        self._thread.start()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                for report in self._service.sync(due_only=True):
                    if report.ok:
                        log.info("sync %s: pulled %d (%d written), pushed %d", report.peer,
                                 report.pulled, report.written, report.pushed)  # fmt: skip
                    else:
                        log.warning("sync %s failed: %s", report.peer, report.error)
                wait = self._service.seconds_until_due()
            except Exception:  # the store went away, a bug: keep serving, try again later
                log.exception("the sync loop failed; trying again in %.0f s", self._idle)
                wait = self._idle
            self._stop.wait(self._idle if wait is None else min(max(wait, 1.0), self._idle))


# --- helpers ---------------------------------------------------------------------------------


def _quiet(line: str) -> None:
    return None


def _collection_url(url: str) -> str:
    """`url` checked as a peer's collection URL: a bad one is bad input, not a remote's fault."""
    try:
        return collection_url(url)
    except RemoteError as exc:
        raise InputError(str(exc)) from None


def _authorise(actor: Principal, org_id: int | None, action: str) -> None:
    """The operator configures every peer; an organisation's admin, its own."""
    if actor.is_system:
        return
    if not actor.can(Capability.ADMINISTER):
        raise ForbiddenError(action, f"a {actor.role or actor.kind.value} may not administer")
    if org_id is None or actor.org_id != org_id:
        raise ForbiddenError(action, "it concerns another organisation")


def _auth(credentials: Credentials) -> Auth:
    if credentials.kind is AuthKind.BEARER:
        return Auth(token=credentials.secret)
    if credentials.kind is AuthKind.BASIC:
        return Auth(user=credentials.user, password=credentials.secret)
    return Auth()


def _push_view(peer: Peer) -> tuple[Principal, Scope]:
    """Who reads what is pushed, and where: a principal of the peer organisation, within the
    local organisation's OWNER scope."""
    if peer.peer_org_id is None:
        raise InputError(f"peer {peer.name} has no peer organisation to push as")
    viewer = user(f"peer {peer.name}", org_id=peer.peer_org_id, role=Role.READER,
                  org_name=peer.peer_org_name, peer=True)  # fmt: skip
    return viewer, Scope(ScopeKind.OWNER, org_id=peer.org_id)


def _within(checked: CheckedBundle, sharing: Sharing) -> tuple[CheckedBundle, list[str]]:
    """The checked objects whose own TLP marking allows the peer's distribution, and a line
    for each of the others."""
    kept = CheckedBundle(checked.source, checked.bundle_id)
    refused = []
    for obj, version, position in zip(checked.objects, checked.versions, checked.positions,
                                      strict=True):  # fmt: skip
        tlp = marked_tlp(obj)
        if tlp is None or permits(tlp, sharing.distribution):
            kept.objects.append(obj)
            kept.versions.append(version)
            kept.positions.append(position)
        else:
            refused.append(
                f"{obj['id']}: TLP:{tlp.upper()} may not be distributed to "
                f"{sharing.distribution} (at most {MAX_DISTRIBUTION[tlp]})"
            )
    return kept, refused


def _marked(objects: list[Obj]) -> Iterator[TLP]:
    for obj in objects:
        tlp = marked_tlp(obj)
        if tlp is not None:
            yield tlp


def _refs(value: Any, key: str = "") -> Iterator[str]:
    """Every STIX id in a ``*_ref`` or ``*_refs`` property, at any depth (extensions,
    granular markings)."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _refs(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _refs(item, key)
    elif isinstance(value, str) and key.endswith(("_ref", "_refs")) and "--" in value:
        yield value


def _count(status: Obj, key: str) -> int:
    value = status.get(key, 0)
    return value if isinstance(value, int) else 0


def _failures(status: Obj) -> list[str]:
    failures = status.get("failures")
    if not isinstance(failures, list):
        return []
    return [f"{f.get('id', '?')}: {f.get('message', 'refused')}"
            for f in failures if isinstance(f, dict)]  # fmt: skip


__all__ = ["SyncCases", "SyncLoop", "SyncReport", "retry_delay"]
