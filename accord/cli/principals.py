"""``accord org ...``, ``accord user ...``, ``accord token ...``, ``accord group ...``.

The command line is the node's operator: it acts as SYSTEM. Passwords and tokens are never
logged; a token is printed once, alone on stdout, so ``TOKEN=$(accord token create ...)``
captures exactly it.
"""

from __future__ import annotations

import sys
from dataclasses import asdict

import click

from accord.admin import Directory
from accord.cli.main import AppContext, cli, echo_json
from accord.sharing import SYSTEM
from accord.store.directory import Organisation, Token, User
from accord.vocab import OrgKind, Role

JSON = click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
ROLE = click.Choice([str(role) for role in Role])


def _directory(app: AppContext) -> Directory:
    return app.service().directory


def _user_line(account: User) -> str:
    state = "disabled" if account.disabled else "active"
    return f"{account.username}\t{account.org_name}\t{account.role}\t{state}"


def _token_line(token: Token) -> str:
    state = f"revoked {token.revoked}" if token.revoked else "live"
    fields = (token.id, token.username, token.created, token.expires or "never", state,
              token.last_used or "never used")  # fmt: skip
    return "\t".join(fields)


# --- organisations ------------------------------------------------------------------------
@cli.group("org")
def org() -> None:
    """Organisations: the parties that own sources and hold users."""


def _org_line(organisation: Organisation) -> str:
    return (
        f"{organisation.id}\t{organisation.name}\t{organisation.kind}\t{organisation.identity_id}"
    )


@org.command("add")
@click.argument("name")
@click.option("--peer", is_flag=True,
              help="Another node, not a member: it sees only what is shared with the "
              "federation or with its sharing groups.")  # fmt: skip
@JSON
@click.pass_obj
def org_add(app: AppContext, name: str, peer: bool, as_json: bool) -> None:
    """Add an organisation (its STIX identity id derives from its name)."""
    kind = OrgKind.PEER if peer else OrgKind.MEMBER
    organisation = _directory(app).add_organisation(name, actor=SYSTEM, kind=kind)
    if as_json:
        echo_json(asdict(organisation))
    else:
        click.echo(_org_line(organisation))


@org.command("list")
@JSON
@click.pass_obj
def org_list(app: AppContext, as_json: bool) -> None:
    """List the organisations: id, name, STIX identity id."""
    organisations = _directory(app).organisations(actor=SYSTEM)
    if as_json:
        echo_json([asdict(o) for o in organisations])
        return
    for organisation in organisations:
        click.echo(_org_line(organisation))


# --- users --------------------------------------------------------------------------------
@cli.group("user")
def user() -> None:
    """Users: people of an organisation, each with a role."""


def _read_password(password: str | None, from_stdin: bool) -> str:
    if password is not None and from_stdin:
        raise click.UsageError("give --password or --password-stdin, not both")
    if from_stdin:
        return sys.stdin.readline().removesuffix("\n").removesuffix("\r")
    if password is not None:
        return password
    value: str = click.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
    return value


@user.command("add")
@click.argument("username")
@click.option("--org", "org_name", required=True, metavar="NAME", help="The user's organisation.")
@click.option("--role", required=True, type=ROLE, help="What the user may do.")
@click.option(
    "--password",
    metavar="TEXT",
    help="The password (visible to other local users and kept in shell history: prefer "
    "--password-stdin or the prompt).",
)
@click.option("--password-stdin", is_flag=True, help="Read the password from stdin's first line.")
@JSON
@click.pass_obj
def user_add(
    app: AppContext,
    username: str,
    org_name: str,
    role: str,
    password: str | None,
    password_stdin: bool,
    as_json: bool,
) -> None:
    """Add a user. Without --password or --password-stdin the password is asked for twice."""
    secret = _read_password(password, password_stdin)
    account = _directory(app).add_user(username, org_name, Role(role), secret, actor=SYSTEM)
    if as_json:
        echo_json(asdict(account))
    else:
        click.echo(_user_line(account))


@user.command("list")
@click.option("--org", "org_name", metavar="NAME", help="Only this organisation's users.")
@JSON
@click.pass_obj
def user_list(app: AppContext, org_name: str | None, as_json: bool) -> None:
    """List users: name, organisation, role, active or disabled."""
    accounts = _directory(app).users(org_name, actor=SYSTEM)
    if as_json:
        echo_json([asdict(a) for a in accounts])
        return
    for account in accounts:
        click.echo(_user_line(account))


@user.command("role")
@click.argument("username")
@click.argument("role", type=ROLE)
@click.pass_obj
def user_role(app: AppContext, username: str, role: str) -> None:
    """Give a user another role."""
    click.echo(_user_line(_directory(app).set_role(username, Role(role), actor=SYSTEM)))


@user.command("disable")
@click.argument("username")
@click.pass_obj
def user_disable(app: AppContext, username: str) -> None:
    """Disable a user: their password and every token of theirs stop working."""
    click.echo(_user_line(_directory(app).disable_user(username, actor=SYSTEM)))


# --- tokens -------------------------------------------------------------------------------
@cli.group("token")
def token() -> None:
    """API tokens: shown once at creation, stored only as a hash."""


@token.command("create")
@click.option("--user", "username", required=True, metavar="USERNAME", help="Whose token.")
@click.option(
    "--expires", "days", type=click.IntRange(min=1), metavar="DAYS", help="Expire after DAYS."
)
@JSON
@click.pass_obj
def token_create(app: AppContext, username: str, days: int | None, as_json: bool) -> None:
    """Create an API token and print it, alone (it cannot be shown again)."""
    directory = _directory(app)
    token_id, bearer = directory.create_token(username, days, actor=SYSTEM)
    if as_json:
        record = directory.store.get_token(token_id)
        echo_json({"id": token_id, "token": bearer, "user": record.username,
                   "created": record.created, "expires": record.expires})  # fmt: skip
        return
    click.echo(bearer)


@token.command("list")
@click.option("--user", "username", metavar="USERNAME", help="Only this user's tokens.")
@JSON
@click.pass_obj
def token_list(app: AppContext, username: str | None, as_json: bool) -> None:
    """List tokens (never their secrets): id, user, created, expires, state, last used."""
    tokens = _directory(app).tokens(username, actor=SYSTEM)
    if as_json:
        echo_json([asdict(t) for t in tokens])
        return
    for record in tokens:
        click.echo(_token_line(record))


@token.command("revoke")
@click.argument("token_id", metavar="ID")
@JSON
@click.pass_obj
def token_revoke(app: AppContext, token_id: str, as_json: bool) -> None:
    """Revoke a token by its id; it stops working at once."""
    record = _directory(app).revoke_token(token_id, actor=SYSTEM)
    if as_json:
        echo_json(asdict(record))
    else:
        click.echo(_token_line(record))


# --- sharing groups -----------------------------------------------------------------------
@cli.group("group")
def group() -> None:
    """Sharing groups: named sets of organisations a source can be shared with."""


@group.command("add")
@click.argument("name")
@click.option("--owner", required=True, metavar="ORG", help="The organisation that owns it.")
@JSON
@click.pass_obj
def group_add(app: AppContext, name: str, owner: str, as_json: bool) -> None:
    """Add a sharing group owned by an organisation (which is not made a member)."""
    found = _directory(app).add_group(name, owner, actor=SYSTEM)
    if as_json:
        echo_json(asdict(found))
    else:
        click.echo(f"{found.id}\t{found.name}\towner {found.owner_name}")


@group.group("member")
def member() -> None:
    """The member organisations of a sharing group."""


@member.command("add")
@click.argument("group_name", metavar="GROUP")
@click.argument("org_name", metavar="ORG")
@click.pass_obj
def member_add(app: AppContext, group_name: str, org_name: str) -> None:
    """Make an organisation a member of a sharing group."""
    added = _directory(app).add_group_member(group_name, org_name, actor=SYSTEM)
    click.echo(f"{org_name} {'added to' if added else 'was already a member of'} {group_name}")


@member.command("remove")
@click.argument("group_name", metavar="GROUP")
@click.argument("org_name", metavar="ORG")
@click.pass_obj
def member_remove(app: AppContext, group_name: str, org_name: str) -> None:
    """Take an organisation out of a sharing group."""
    removed = _directory(app).remove_group_member(group_name, org_name, actor=SYSTEM)
    click.echo(f"{org_name} {'removed from' if removed else 'was not a member of'} {group_name}")


@group.command("list")
@JSON
@click.pass_obj
def group_list(app: AppContext, as_json: bool) -> None:
    """List sharing groups: id, name, owner, members."""
    groups = _directory(app).groups(actor=SYSTEM)
    if as_json:
        echo_json([{**asdict(g), "members": [m.name for m in members]} for g, members in groups])
        return
    for found, members in groups:
        names = ", ".join(m.name for m in members) or "-"
        click.echo(f"{found.id}\t{found.name}\towner {found.owner_name}\tmembers {names}")
