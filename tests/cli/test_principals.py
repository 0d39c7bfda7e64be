"""``accord org|user|token|group``, driven in-process on a temporary SQLite store."""

from __future__ import annotations

import re

import orjson
import pytest
from click.testing import CliRunner, Result

from accord.admin import Directory
from accord.cli import cli, exits
from accord.store import open_store

PASSWORD = "a long enough passphrase"
TOKEN = re.compile(r"accord_[0-9a-f]{16}_[A-Za-z0-9_-]{43}")


@pytest.fixture
def run(sqlite_url: str):
    def invoke(*args: str, stdin: str | None = None) -> Result:
        return CliRunner().invoke(cli, ["--db", sqlite_url, *args], input=stdin)

    return invoke


@pytest.fixture
def council(run) -> None:
    assert run("org", "add", "Council").exit_code == 0
    added = run("user", "add", "alice", "--org", "council", "--role", "analyst",
                "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert PASSWORD not in added.output


def directory(sqlite_url: str) -> Directory:
    return Directory(open_store(sqlite_url))


def test_org_add_and_list(run) -> None:
    added = run("org", "add", "Ministry of Testland", "--json")
    assert added.exit_code == 0, added.output
    org = orjson.loads(added.stdout)
    assert org["name"] == "Ministry of Testland" and org["identity_id"].startswith("identity--")
    assert run("org", "add", "MINISTRY OF TESTLAND").exit_code == exits.CONFLICT
    listed = run("org", "list", "--json")
    assert [o["name"] for o in orjson.loads(listed.stdout)] == ["Ministry of Testland"]
    assert "Ministry of Testland" in run("org", "list").stdout


def test_user_add_reads_the_password_from_stdin(run, council, sqlite_url: str) -> None:
    d = directory(sqlite_url)
    try:
        principal = d.authenticate_password("alice", PASSWORD)
    finally:
        d.store.close()
    assert (principal.org_name, principal.role) == ("Council", "analyst")
    users = orjson.loads(run("user", "list", "--org", "Council", "--json").stdout)
    assert [(u["username"], u["role"], u["disabled"]) for u in users] == [
        ("alice", "analyst", False)
    ]


def test_user_add_prompts_twice_and_never_echoes(run, sqlite_url: str) -> None:
    run("org", "add", "Council")
    prompted = run("user", "add", "bob", "--org", "Council", "--role", "reader",
                   stdin=f"{PASSWORD}\n{PASSWORD}\n")  # fmt: skip
    assert prompted.exit_code == 0, prompted.output
    assert PASSWORD not in prompted.output and "Password" in prompted.stderr
    mismatch = run("user", "add", "carol", "--org", "Council", "--role", "reader",
                   stdin=f"{PASSWORD}\n{PASSWORD}x\n")  # fmt: skip
    assert mismatch.exit_code != 0 and PASSWORD not in mismatch.output
    names = [u["username"] for u in orjson.loads(run("user", "list", "--json").stdout)]
    assert names == ["bob"]


def test_user_add_refusals(run, council) -> None:
    short = run("user", "add", "bob", "--org", "Council", "--role", "reader", "--password", "short")
    assert short.exit_code == exits.INPUT and "at least 12 characters" in short.stderr
    taken = run(
        "user", "add", "ALICE", "--org", "Council", "--role", "reader", "--password", PASSWORD
    )
    assert taken.exit_code == exits.CONFLICT
    nowhere = run(
        "user", "add", "bob", "--org", "Nowhere", "--role", "reader", "--password", PASSWORD
    )
    assert nowhere.exit_code == exits.NOT_FOUND
    both = run("user", "add", "bob", "--org", "Council", "--role", "reader",
               "--password", PASSWORD, "--password-stdin", stdin=PASSWORD)  # fmt: skip
    assert both.exit_code == exits.USAGE
    assert run("user", "add", "bob", "--org", "Council", "--role", "boss").exit_code == exits.USAGE


def test_user_role_and_disable(run, council) -> None:
    assert "editor" in run("user", "role", "alice", "editor").stdout
    assert "disabled" in run("user", "disable", "alice").stdout
    assert run("token", "create", "--user", "alice").exit_code == exits.INPUT


def test_token_create_prints_only_the_token(run, council, sqlite_url: str) -> None:
    created = run("token", "create", "--user", "alice", "--expires", "30")
    assert created.exit_code == 0, created.output
    assert TOKEN.fullmatch(created.stdout.removesuffix("\n")), created.stdout
    assert created.stdout.count("\n") == 1 and created.stderr == ""
    bearer = created.stdout.strip()
    d = directory(sqlite_url)
    try:
        assert d.authenticate_token(bearer).name == "alice"
    finally:
        d.store.close()
    (listed,) = orjson.loads(run("token", "list", "--user", "alice", "--json").stdout)
    assert listed["expires"] is not None and listed["last_used"] is not None
    assert bearer.split("_", 2)[2] not in run("token", "list").stdout


def test_token_create_json_list_and_revoke(run, council) -> None:
    token = orjson.loads(run("token", "create", "--user", "alice", "--json").stdout)
    assert TOKEN.fullmatch(token["token"]) and token["user"] == "alice"
    assert token["expires"] is None
    revoked = run("token", "revoke", token["id"], "--json")
    assert orjson.loads(revoked.stdout)["revoked"] is not None
    assert "revoked" in run("token", "list").stdout
    assert run("token", "revoke", "nope").exit_code == exits.NOT_FOUND
    assert run("token", "create", "--user", "alice", "--expires", "0").exit_code == exits.USAGE
    assert run("token", "create", "--user", "nobody").exit_code == exits.NOT_FOUND


def test_groups_and_their_members(run) -> None:
    for name in ("Council", "Ministry", "Agency"):
        run("org", "add", name)
    assert (
        orjson.loads(run("group", "add", "Border WG", "--owner", "Council", "--json").stdout)[
            "owner_name"
        ]
        == "Council"
    )
    assert run("group", "add", "border wg", "--owner", "Ministry").exit_code == exits.CONFLICT
    assert run("group", "add", "X", "--owner", "Nowhere").exit_code == exits.NOT_FOUND
    assert "added" in run("group", "member", "add", "Border WG", "Ministry").stdout
    assert "already" in run("group", "member", "add", "border wg", "ministry").stdout
    assert run("group", "member", "add", "Border WG", "Agency").exit_code == 0
    assert "removed" in run("group", "member", "remove", "Border WG", "Agency").stdout
    assert "not a member" in run("group", "member", "remove", "Border WG", "Agency").stdout
    (group,) = orjson.loads(run("group", "list", "--json").stdout)
    assert (group["name"], group["members"]) == ("Border WG", ["Ministry"])
    assert "members Ministry" in run("group", "list").stdout


@pytest.mark.parametrize(
    "command", [["org"], ["user"], ["token"], ["group"], ["group", "member"], ["user", "add"],
                ["token", "create"], ["group", "member", "remove"]],
)  # fmt: skip
def test_every_command_has_help(run, command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.stdout
