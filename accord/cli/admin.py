"""``accord db ...`` and ``accord quickstart``."""

from __future__ import annotations

import secrets
from importlib import resources

import click

from accord.admin import principal_of
from accord.cli import exits
from accord.cli.main import AppContext, cli, echo_json
from accord.cli.objects import stats
from accord.cli.serve import DEFAULT_HOST, DEFAULT_PORT, serve_api
from accord.service import Accord
from accord.sharing import SYSTEM, Principal
from accord.store import open_store
from accord.store.model import Sharing
from accord.vocab import TLP, Distribution, Role

SAMPLE = "security-council-meeting.json"
DEMO_ORG = "Demo Organisation"
DEMO_USER = "demo-admin"
DEMO_TOKEN_DAYS = 30


@cli.group("db")
def db() -> None:
    """Database schema: status and upgrades."""


@db.command("upgrade")
@click.pass_obj
def db_upgrade(app: AppContext) -> None:
    """Apply pending schema migrations (a fresh database is created)."""
    store = open_store(app.settings.effective_database_url, upgrade=True)
    try:
        version, latest = store.schema_status()
    finally:
        store.close()
    click.echo(
        f"{app.settings.effective_database_url}: schema at version {version} (latest {latest})"
    )


@db.command("status")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def db_status(app: AppContext, as_json: bool) -> None:
    """Show the schema version of the database and of this Accord."""
    version, latest = app.store().schema_status()
    if as_json:
        echo_json(
            {"url": app.settings.effective_database_url, "version": version, "latest": latest}
        )
    else:
        click.echo(f"schema version {version}, this Accord ships {latest}")


@cli.command("quickstart")
@click.option(
    "--serve",
    "then_serve",
    is_flag=True,
    help="Then serve the REST API (as `accord serve`) until Ctrl-C.",
)
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="With --serve.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535),
              help="With --serve.")  # fmt: skip
@click.pass_context
def quickstart(ctx: click.Context, then_serve: bool, host: str, port: int) -> None:
    """Initialise the store; make a demo organisation with an admin user and an API token;
    import the bundled sample (a security-council meeting) and ingest the sample documents
    (twelve written for Accord) as the demo organisation's, shared with the community under
    TLP:GREEN; print what the store holds and the demo credentials. Safe to run again:
    nothing is imported twice, and each run prints a new token (the password only when the
    user is made)."""
    app: AppContext = ctx.obj
    service = app.service(upgrade=True)
    admin, password = _demo_admin(service)
    sharing = Sharing(TLP.GREEN, Distribution.COMMUNITY)
    with resources.as_file(resources.files("accord.samples").joinpath(SAMPLE)) as path:
        report = service.import_path(path, owner=admin, sharing=sharing)
    if report.error:
        click.echo(f"accord: error: {report.error}", err=True)
        ctx.exit(exits.INPUT)
    click.echo(
        f"sample {SAMPLE}: {report.added} added, {report.new_versions} new versions, "
        f"{report.history} older versions kept, {report.unchanged} already there"
    )
    with resources.as_file(resources.files("accord.samples").joinpath("documents")) as folder:
        reports = [service.ingest_path(path, owner=admin, sharing=sharing)
                   for path in sorted(folder.glob("*.txt"))]  # fmt: skip
    for failure in (r for r in reports if r.error):
        click.echo(f"accord: error: {failure.error}", err=True)
    added = sum(1 for r in reports if r.document == "added")
    stored = sum(1 for r in reports if r.document == "already stored")
    click.echo(f"sample documents: {added} ingested, {stored} already stored")
    ctx.invoke(stats, as_json=False)
    from accord.web import PREFIX

    _, token = service.directory.create_token(DEMO_USER, DEMO_TOKEN_DAYS, actor=SYSTEM)
    click.echo(f"\ndemo organisation: {DEMO_ORG}")
    if password is not None:
        click.echo(f"demo admin: {DEMO_USER}, password {password} (shown this once)")
    else:
        click.echo(f"demo admin: {DEMO_USER} (its password was shown when it was made)")
    click.echo(f"API token ({DEMO_TOKEN_DAYS} days): {token}")
    click.echo(f"try: curl -H 'Authorization: Bearer {token}' "
               f"http://{host}:{port}{PREFIX}/documents")  # fmt: skip
    click.echo(f"TAXII 2.1: http://{host}:{port}/taxii2/ (user {DEMO_USER}, or the token as "
               "a bearer or Basic password)")  # fmt: skip
    if any(r.error for r in reports):
        ctx.exit(exits.INPUT)
    if then_serve:
        serve_api(app, host, port)


def _demo_admin(service: Accord) -> tuple[Principal, str | None]:
    """The demo organisation's admin (made, with a new password, when absent): the principal,
    and the password when it was made now."""
    directory = service.directory
    if DEMO_ORG.lower() not in {o.name.lower() for o in directory.organisations(actor=SYSTEM)}:
        directory.add_organisation(DEMO_ORG, actor=SYSTEM)
    existing = {u.username: u for u in directory.users(DEMO_ORG, actor=SYSTEM)}
    password = None
    account = existing.get(DEMO_USER)
    if account is None:
        password = secrets.token_urlsafe(12)
        account = directory.add_user(DEMO_USER, DEMO_ORG, Role.ADMIN, password, actor=SYSTEM)
    return principal_of(account), password
