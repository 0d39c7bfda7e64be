"""``accord get``, ``accord search``, ``accord stats``."""

from __future__ import annotations

import click

from accord.cli.main import AppContext, cli, echo_json
from accord.sharing import SYSTEM


@cli.command("get")
@click.argument("object_id", metavar="ID")
@click.option(
    "--versions", "all_versions", is_flag=True, help="Every stored version, oldest first."
)
@click.option("--json", "as_json", is_flag=True, help="Compact JSON on one line.")
@click.pass_obj
def get(app: AppContext, object_id: str, all_versions: bool, as_json: bool) -> None:
    """Print the latest version of one object (or all its versions)."""
    service = app.service()
    value = (
        service.versions(object_id, viewer=SYSTEM)
        if all_versions
        else service.get(object_id, viewer=SYSTEM)
    )
    if as_json:
        import orjson

        click.echo(orjson.dumps(value).decode())
    else:
        echo_json(value)


@cli.command("search")
@click.argument("text")
@click.option("--type", "types", multiple=True, metavar="TYPE", help="Only this type (repeatable).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@click.pass_obj
def search(app: AppContext, text: str, types: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Full-text search over names, descriptions and aliases (latest versions).

    Words must all match; "quoted phrases" match as phrases; word* matches a prefix;
    OR between terms matches either.
    """
    hits = app.service().search(text, viewer=SYSTEM, types=types, limit=limit)
    if as_json:
        echo_json([{"id": h.id, "type": h.type, "name": h.name, "rank": h.rank} for h in hits])
        return
    if not hits:
        click.echo("no matches", err=True)
    for hit in hits:
        click.echo(f"{hit.id}\t{hit.type}\t{hit.name or ''}")


@cli.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_obj
def stats(app: AppContext, as_json: bool) -> None:
    """What the store holds: objects by type, versions, documents."""
    figures = app.service().stats(viewer=SYSTEM)
    if as_json:
        echo_json({
            "objects": figures.objects, "versions": figures.versions,
            "revoked": figures.revoked, "documents": figures.documents,
            "by_type": figures.by_type, "last_added": figures.last_added,
        })  # fmt: skip
        return
    click.echo(f"store:     {app.settings.effective_database_url}")
    click.echo(
        f"objects:   {figures.objects} ({figures.versions} versions, {figures.revoked} revoked)"
    )
    click.echo(f"documents: {figures.documents}")
    click.echo(f"last added: {figures.last_added or '-'}")
    width = max((len(t) for t in figures.by_type), default=0)
    for type_name, count in figures.by_type.items():
        click.echo(f"  {type_name:<{width}}  {count:>8}")
