"""``accord db ...`` and ``accord quickstart``."""

from __future__ import annotations

from importlib import resources

import click

from accord.cli import exits
from accord.cli.main import AppContext, cli, echo_json
from accord.cli.objects import stats
from accord.store import open_store

SAMPLE = "security-council-meeting.json"


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
@click.pass_context
def quickstart(ctx: click.Context) -> None:
    """Initialise the store, import the bundled sample (a security-council meeting), ingest
    the sample documents (twelve written for Accord), and print what the store holds. Safe
    to run again: nothing is imported twice."""
    app: AppContext = ctx.obj
    service = app.service(upgrade=True)
    with resources.as_file(resources.files("accord.samples").joinpath(SAMPLE)) as path:
        report = service.import_path(path)
    if report.error:
        click.echo(f"accord: error: {report.error}", err=True)
        ctx.exit(exits.INPUT)
    click.echo(
        f"sample {SAMPLE}: {report.added} added, {report.new_versions} new versions, "
        f"{report.history} older versions kept, {report.unchanged} already there"
    )
    with resources.as_file(resources.files("accord.samples").joinpath("documents")) as folder:
        reports = [service.ingest_path(path) for path in sorted(folder.glob("*.txt"))]
    for failure in (r for r in reports if r.error):
        click.echo(f"accord: error: {failure.error}", err=True)
    added = sum(1 for r in reports if r.document == "added")
    stored = sum(1 for r in reports if r.document == "already stored")
    click.echo(f"sample documents: {added} ingested, {stored} already stored")
    ctx.invoke(stats, as_json=False)
    if any(r.error for r in reports):
        ctx.exit(exits.INPUT)
