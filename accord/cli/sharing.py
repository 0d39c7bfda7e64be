"""``accord sources``, ``accord share``, ``accord delete``, ``accord audit``: the operator's
view of sources and sharing (the CLI acts as SYSTEM, the node's operator)."""

from __future__ import annotations

import click

from accord.cli.main import AppContext, cli, echo_json
from accord.sharing import SYSTEM, Principal, operator_for
from accord.store.model import Sharing
from accord.vocab import TLP, Distribution

TLP_CHOICE = click.Choice([str(t) for t in TLP], case_sensitive=False)
DISTRIBUTION_CHOICE = click.Choice([str(d) for d in Distribution], case_sensitive=False)


def sharing_options(default_tlp: str = "amber") -> list[click.Option]:
    """The --org, --tlp, --distribution and --group options, for every command that writes."""
    return [
        click.Option(["--org"], metavar="NAME",
                     help="The organisation that owns what is written [default: the operator]."),
        click.Option(["--tlp"], type=TLP_CHOICE, default=default_tlp, show_default=True,
                     help="The TLP 2.0 level."),
        click.Option(["--distribution"], type=DISTRIBUTION_CHOICE, default="owner",
                     show_default=True, help="Who it goes to (docs/sharing.md)."),
        click.Option(["--group", "groups"], multiple=True, metavar="GROUP",
                     help="A sharing group by name or number, with --distribution groups "
                     "(repeatable)."),
    ]  # fmt: skip


def make_sharing(app: AppContext, tlp: str, distribution: str, groups: tuple[str, ...]) -> Sharing:
    store = app.store() if groups else None
    ids = tuple(
        store.get_group(int(g) if g.isdigit() else g).id for g in groups if store is not None
    )
    return Sharing(TLP(tlp.lower()), Distribution(distribution.lower()), ids)


def owner_for(app: AppContext, org: str | None) -> Principal:
    """SYSTEM, or the operator writing for organisation `org` (by name or number)."""
    if org is None:
        return SYSTEM
    found = app.store().get_organisation(int(org) if org.isdigit() else org)
    return operator_for(found.id, found.name)


@cli.command("sources")
@click.option("--json", "as_json", is_flag=True, help="Print the sources as JSON.")
@click.pass_obj
def sources(app: AppContext, as_json: bool) -> None:
    """List the sources (documents ingested, bundles imported) with their owner and sharing."""
    found = app.service().sources(viewer=SYSTEM)
    if as_json:
        echo_json([source.as_dict() for source in found])
        return
    for s in found:
        groups = ",".join(map(str, s.groups)) or "-"
        owner = s.owner_org if s.owner_org is not None else "operator"
        click.echo(f"{s.id}\t{s.kind}\t{owner}\tTLP:{s.tlp.upper()}\t{s.distribution}\t"
                   f"{groups}\t{s.label or s.ref}")  # fmt: skip


@click.command("share")
@click.argument("key", metavar="SOURCE")
@click.option("--json", "as_json", is_flag=True, help="Print the new sharing as JSON.")
@click.pass_obj
def share(
    app: AppContext, key: str, tlp: str, distribution: str, groups: tuple[str, ...],
    as_json: bool,
) -> None:  # fmt: skip
    """Give a source new sharing. SOURCE is a source number (see `accord sources`), or the
    id or sha256 of a document. What was extracted from it follows at once."""
    updated = app.service().share(key, make_sharing(app, tlp, distribution, groups),
                                  viewer=SYSTEM)  # fmt: skip
    if as_json:
        echo_json(updated.as_dict())
    else:
        click.echo(f"source {updated.id}: TLP:{updated.tlp.upper()}, {updated.distribution}")


share.params[1:1] = sharing_options()[1:]  # the operator may share any source
cli.add_command(share)


@cli.command("delete")
@click.argument("key", metavar="SOURCE")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def delete(app: AppContext, key: str, yes: bool) -> None:
    """Delete a source (a source number, or a document's id or sha256) and every version
    that only it holds. Entities that other sources name stay."""
    if not yes:
        click.confirm(f"delete {key} and what only it holds?", abort=True, err=True)
    count = app.service().delete_document(key, viewer=SYSTEM)
    click.echo(f"deleted {key}: {count} versions", err=True)


@cli.command("audit")
@click.option("--action", help="Only this action (e.g. source.share, read.restricted).")
@click.option("--actor", help="Only this user (or 'system').")
@click.option("--since", metavar="TIME", help="Only events at or after this time (RFC 3339).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="Print the events as JSON.")
@click.pass_obj
def audit(
    app: AppContext, action: str | None, actor: str | None, since: str | None, limit: int,
    as_json: bool,
) -> None:  # fmt: skip
    """Read the audit log, newest first: writes, sharing changes, logins and token use,
    and reads of TLP:RED and AMBER+STRICT content."""
    events, _ = app.service().audit(viewer=SYSTEM, action=action, actor=actor, since=since,
                                    limit=limit)  # fmt: skip
    if as_json:
        echo_json(events)
        return
    for e in events:
        click.echo(f"{e['at']}\t{e['actor']}\t{e['action']}\t{e['outcome']}\t{e['target'] or '-'}")
