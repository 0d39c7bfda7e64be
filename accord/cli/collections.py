"""``accord collection ...``: the node's TAXII 2.1 collections, each a sharing scope
(docs/taxii.md)."""

from __future__ import annotations

import click

from accord.cli.main import AppContext, cli, echo_json
from accord.sharing import SYSTEM, ScopeKind
from accord.store.collections import Collection
from accord.vocab import TLP

JSON = click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")


@cli.group("collection")
def collection() -> None:
    """TAXII collections: what each holds is what its reader may see within its scope."""


def _as_dict(c: Collection) -> dict[str, object]:
    return {"id": c.id, "title": c.title, "description": c.description, "scope": str(c.scope),
            "group_id": c.group_id, "tlp": str(c.tlp), "created": c.created}  # fmt: skip


def _line(c: Collection) -> str:
    scope = f"{c.scope}:{c.group_id}" if c.group_id is not None else str(c.scope)
    return f"{c.id}\t{c.title}\t{scope}\tTLP:{c.tlp.upper()}"


@collection.command("add")
@click.argument("title")
@click.option("--scope", required=True, type=click.Choice([str(k) for k in ScopeKind]),
              help="visible: all the reader may see; owner: the reader's organisation's own; "
              "groups: shared with --group; community; federation.")  # fmt: skip
@click.option("--group", "group_name", help="The sharing group of a 'groups' collection.")
@click.option("--tlp", type=click.Choice([str(t) for t in TLP]), default=str(TLP.AMBER),
              show_default=True,
              help="The level of objects written with no TLP marking.")  # fmt: skip
@click.option("--description", help="What the collection is for.")
@JSON
@click.pass_obj
def collection_add(
    app: AppContext, title: str, scope: str, group_name: str | None, tlp: str,
    description: str | None, as_json: bool,
) -> None:  # fmt: skip
    """Add a TAXII collection."""
    made = app.service().add_collection(
        title, scope=ScopeKind(scope), group=group_name, tlp=TLP(tlp), description=description,
        actor=SYSTEM,
    )  # fmt: skip
    if as_json:
        echo_json(_as_dict(made))
    else:
        click.echo(_line(made))


@collection.command("list")
@JSON
@click.pass_obj
def collection_list(app: AppContext, as_json: bool) -> None:
    """List the TAXII collections (id, title, scope, default TLP)."""
    found = [view.collection for view in app.service().collections(viewer=SYSTEM)]
    if as_json:
        echo_json([_as_dict(c) for c in found])
    else:
        for c in found:
            click.echo(_line(c))
