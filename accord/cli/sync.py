"""``accord peer ...`` and ``accord sync ...``: federation with other nodes over TAXII 2.1
(docs/taxii.md, "Federation: accord sync"). The command line is the node's operator.

A peer's token or password is read from stdin (``--token-stdin``, ``--password-stdin``),
never from an argument (which ``ps`` and shell histories show), and never printed."""

from __future__ import annotations

import re
import sys
from typing import Any

import click

from accord.cli import exits
from accord.cli.main import AppContext, cli, echo_json
from accord.cli.sharing import DISTRIBUTION_CHOICE, TLP_CHOICE, make_sharing
from accord.service.sync import PeerChange, SyncReport
from accord.sharing import SYSTEM
from accord.store.model import Sharing
from accord.store.peers import AuthKind, Credentials, Direction, Peer
from accord.vocab import TLP, Distribution

JSON = click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$", re.IGNORECASE)


def parse_interval(text: str) -> int:
    """``90``, ``90s``, ``15m``, ``6h`` or ``1d`` in seconds."""
    found = _INTERVAL.match(text)
    if not found or int(found.group(1)) < 1:
        raise click.BadParameter(f"{text!r}: give a duration such as 30s, 15m, 6h or 1d")
    return int(found.group(1)) * _UNITS[(found.group(2) or "s").lower()]


def _secret(what: str) -> str:
    value = sys.stdin.readline().rstrip("\r\n")
    if not value:
        raise click.UsageError(f"no {what} on stdin")
    return value


def _credentials(token_stdin: bool, username: str | None, password_stdin: bool) -> Credentials:
    if token_stdin and (username or password_stdin):
        raise click.UsageError("give either --token-stdin or --user with --password-stdin")
    if token_stdin:
        return Credentials(AuthKind.BEARER, secret=_secret("token"))
    if username is not None or password_stdin:
        if username is None or not password_stdin:
            raise click.UsageError("--user and --password-stdin go together")
        return Credentials(AuthKind.BASIC, user=username, secret=_secret("password"))
    return Credentials()


# --- peers -------------------------------------------------------------------------------------
@cli.group("peer")
def peer() -> None:
    """Peers: remote TAXII 2.1 collections this node pulls from and pushes to."""


@peer.command("add")
@click.argument("name")
@click.option("--url", required=True, help="The remote collection: .../collections/{id}/.")
@click.option("--org", required=True, metavar="ORG",
              help="The local organisation that owns what is pulled and whose sources are "
              "pushed.")  # fmt: skip
@click.option("--peer-org", metavar="PEERORG",
              help="The local organisation of kind peer standing for the remote node: what it "
              "may see is what is pushed (needed to push).")  # fmt: skip
@click.option("--pull", "direction", flag_value="pull", default=True,
              help="Pull from the remote [default].")  # fmt: skip
@click.option("--push", "direction", flag_value="push", help="Push to the remote.")
@click.option("--both", "direction", flag_value="both", help="Pull, then push.")
@click.option("--every", "every", default="15m", show_default=True, metavar="DURATION",
              help="How often `accord serve` syncs: 30s, 15m, 6h, 1d.")  # fmt: skip
@click.option("--token-stdin", is_flag=True, help="Read a bearer token from stdin.")
@click.option("--user", "username", metavar="USER", help="Authenticate with HTTP Basic as USER.")
@click.option("--password-stdin", is_flag=True, help="Read the Basic password from stdin.")
@click.option(
    "--tlp",
    type=TLP_CHOICE,
    default="amber",
    show_default=True,
    help="The TLP of what is pulled (raised to the strictest marking pulled).",
)
@click.option(
    "--distribution",
    type=DISTRIBUTION_CHOICE,
    default="owner",
    show_default=True,
    help="Who on this node sees what is pulled (docs/sharing.md).",
)
@click.option(
    "--group",
    "groups",
    multiple=True,
    metavar="GROUP",
    help="A sharing group, with --distribution groups (repeatable).",
)
@JSON
@click.pass_obj
def peer_add(
    app: AppContext, name: str, url: str, org: str, peer_org: str | None, direction: str,
    every: str, token_stdin: bool, username: str | None, password_stdin: bool, tlp: str,
    distribution: str, groups: tuple[str, ...], as_json: bool,
) -> None:  # fmt: skip
    """Configure a peer NAME: a remote collection to sync with."""
    interval = parse_interval(every)
    credentials = _credentials(token_stdin, username, password_stdin)
    added = app.service().add_peer(
        name, url, org=org, peer_org=peer_org, direction=Direction(direction),
        interval=interval, credentials=credentials,
        sharing=make_sharing(app, tlp, distribution, groups), actor=SYSTEM,
    )  # fmt: skip
    if as_json:
        echo_json(added.as_dict())
    else:
        click.echo(f"peer {added.name}: {added.direction} {added.url} every {added.interval} s")


@peer.command("set")
@click.argument("name")
@click.option("--url", help="Another remote collection (both checkpoints are forgotten).")
@click.option("--peer-org", metavar="PEERORG",
              help="Another organisation of kind peer standing for the remote node.")  # fmt: skip
@click.option("--pull", "direction", flag_value="pull", help="Pull only.")
@click.option("--push", "direction", flag_value="push", help="Push only.")
@click.option("--both", "direction", flag_value="both", help="Pull, then push.")
@click.option("--every", metavar="DURATION", help="How often `accord serve` syncs: 15m, 6h...")
@click.option("--token-stdin", is_flag=True, help="Read a new bearer token from stdin.")
@click.option("--user", "username", metavar="USER", help="Authenticate with HTTP Basic as USER.")
@click.option("--password-stdin", is_flag=True, help="Read the Basic password from stdin.")
@click.option("--no-auth", is_flag=True, help="Send no credentials from now on.")
@click.option("--tlp", type=TLP_CHOICE, help="The TLP of what is pulled from now on.")
@click.option("--distribution", type=DISTRIBUTION_CHOICE,
              help="Who on this node sees what is pulled from now on.")  # fmt: skip
@click.option("--group", "groups", multiple=True, metavar="GROUP",
              help="The sharing groups of what is pulled from now on (repeatable; replaces "
              "the peer's).")  # fmt: skip
@click.option("--restart-pull", is_flag=True,
              help="Forget the pull checkpoint: the next pull asks for all again.")  # fmt: skip
@click.option("--restart-push", is_flag=True,
              help="Forget the push checkpoint: the next push offers all again.")  # fmt: skip
@click.option("--now", "due_now", is_flag=True, help="Make the peer due at once.")
@JSON
@click.pass_obj
def peer_set(
    app: AppContext, name: str, url: str | None, peer_org: str | None, direction: str | None,
    every: str | None, token_stdin: bool, username: str | None, password_stdin: bool,
    no_auth: bool, tlp: str | None, distribution: str | None, groups: tuple[str, ...],
    restart_pull: bool, restart_push: bool, due_now: bool, as_json: bool,
) -> None:  # fmt: skip
    """Change some of peer NAME's settings; what is not given stays as it is. A new URL,
    direction or credentials make the peer due at once. New sharing applies to what is
    pulled from now on (`accord share` changes what is stored)."""
    interval = None if every is None else parse_interval(every)
    credentials = None
    if no_auth:
        if token_stdin or username or password_stdin:
            raise click.UsageError("--no-auth goes without --token-stdin, --user and "
                                   "--password-stdin")  # fmt: skip
        credentials = Credentials()
    elif token_stdin or username or password_stdin:
        credentials = _credentials(token_stdin, username, password_stdin)
    service = app.service()
    sharing = None
    if tlp or distribution or groups:
        now = service.peer(name, actor=SYSTEM).sharing
        chosen = Distribution(distribution.lower()) if distribution else now.distribution
        if groups:
            ids = make_sharing(app, "clear", "groups", groups).groups
        else:  # the peer's groups stay while its distribution is 'groups'
            ids = now.groups if chosen is Distribution.GROUPS else ()
        sharing = Sharing(TLP(tlp.lower()) if tlp else now.tlp, chosen, ids)
    updated = service.update_peer(name, PeerChange(
        url=url, direction=Direction(direction) if direction else None, peer_org=peer_org,
        interval=interval, credentials=credentials, sharing=sharing,
        restart_pull=restart_pull, restart_push=restart_push, due_now=due_now,
    ), actor=SYSTEM)  # fmt: skip
    if as_json:
        echo_json(updated.as_dict())
    else:
        click.echo(f"peer {updated.name}: {updated.direction} {updated.url} every "
                   f"{updated.interval} s, next due {updated.next_due}")  # fmt: skip


def _peer_line(p: Peer) -> str:
    return "\t".join([p.name, str(p.direction), p.url, p.org_name, p.peer_org_name or "-",
                      str(p.auth), f"{p.interval}s"])  # fmt: skip


@peer.command("list")
@JSON
@click.pass_obj
def peer_list(app: AppContext, as_json: bool) -> None:
    """List the peers (never their credentials)."""
    found = app.service().peers(actor=SYSTEM)
    if as_json:
        echo_json([p.as_dict() for p in found])
        return
    for p in found:
        click.echo(_peer_line(p))


@peer.command("remove")
@click.argument("name")
@click.pass_obj
def peer_remove(app: AppContext, name: str) -> None:
    """Remove a peer. What was pulled from it stays, as its own sources."""
    removed = app.service().remove_peer(name, actor=SYSTEM)
    click.echo(f"removed peer {removed.name}", err=True)


# --- sync ----------------------------------------------------------------------------------------
class SyncGroup(click.Group):
    """``accord sync [NAME...]`` runs syncs; ``accord sync status`` shows them. A first
    argument that is not a subcommand is a peer name."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "run", sync_run, args
        return super().resolve_command(ctx, args)


def _run_options(command: Any) -> Any:
    command = click.option("--json", "as_json", is_flag=True, help="Print the reports as JSON.")(
        command
    )
    return click.option(
        "--progress/--no-progress", "progress", default=None,
        help="Report pages and envelopes on stderr [default: on a terminal].",
    )(command)  # fmt: skip


@cli.group(
    "sync",
    cls=SyncGroup,
    invoke_without_command=True,
    subcommand_metavar="[NAME]... | status [--json]",
)
@_run_options
@click.pass_context
def sync(ctx: click.Context, as_json: bool, progress: bool | None) -> None:
    """Sync with peers now: `accord sync` syncs with every peer, `accord sync NAME...` with
    those named. Exits with 8 when a sync failed."""
    ctx.meta["accord.sync"] = (as_json, progress)
    if ctx.invoked_subcommand is None:
        _sync(ctx, (), as_json, progress)


@click.command("run")
@click.argument("names", nargs=-1, metavar="NAME...")
@_run_options
@click.pass_context
def sync_run(ctx: click.Context, names: tuple[str, ...], as_json: bool,
             progress: bool | None) -> None:  # fmt: skip
    """Sync with the peers named."""
    outer_json, outer_progress = ctx.meta.get("accord.sync", (False, None))
    _sync(ctx, names, as_json or outer_json, progress if progress is not None else outer_progress)


def _sync(ctx: click.Context, names: tuple[str, ...], as_json: bool, progress: bool | None) -> None:
    app: AppContext = ctx.obj
    show = sys.stderr.isatty() if progress is None else progress
    reports = app.service().sync(names, actor=SYSTEM, progress=_progress if show else None)
    if as_json:
        echo_json([r.as_dict() for r in reports])
    else:
        for report in reports:
            click.echo(_report_line(report))
    if not reports and not as_json:
        click.echo("no peers: add one with `accord peer add`", err=True)
    if any(not r.ok for r in reports):
        ctx.exit(exits.REMOTE)


def _progress(line: str) -> None:
    click.echo(line, err=True)


def _report_line(r: SyncReport) -> str:
    if not r.ok:
        return f"{r.peer}: failed: {r.error}"
    parts = []
    if r.direction != "push":
        parts.append(f"pulled {r.pulled} ({r.added} added, {r.new_versions} new versions, "
                     f"{r.unchanged} unchanged, {r.rejected} rejected)")  # fmt: skip
    if r.direction != "pull":
        parts.append(f"pushed {r.pushed} in {r.envelopes} envelopes ({r.push_refused} refused)")
    return f"{r.peer}: {'; '.join(parts)} in {r.seconds:.1f} s"


@sync.command("status")
@JSON
@click.pass_context
def sync_status(ctx: click.Context, as_json: bool) -> None:
    """Show each peer's last attempt, last success, failures, last error, next run and
    checkpoints."""
    app: AppContext = ctx.obj
    outer_json, _ = ctx.meta.get("accord.sync", (False, None))
    found = app.service().peers(actor=SYSTEM)
    if as_json or outer_json:
        echo_json([_status(p) for p in found])
        return
    for p in found:
        state = f"failing ({p.failures}): {p.last_error}" if p.failures else "ok"
        click.echo("\t".join([p.name, state, f"last success {p.last_success or 'never'}",
                              f"next {p.next_due}"]))  # fmt: skip


def _status(p: Peer) -> dict[str, Any]:
    keys = ("name", "direction", "url", "last_attempt", "last_success", "failures",
            "last_error", "next_due", "running_until", "pull_checkpoint", "push_checkpoint",
            "last_run")  # fmt: skip
    full = p.as_dict()
    return {key: full[key] for key in keys}


__all__ = ["parse_interval", "peer", "sync"]
