"""Principals as use cases (accord.admin.Directory) on every engine, with real argon2: logging
in by password and by token, what is stored, and who may do what."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher

import accord.admin
from accord.admin import Directory, principal_of
from accord.clock import FixedClock
from accord.errors import AuthError, ConflictError, ForbiddenError, InputError, NotFoundError
from accord.sharing import ANONYMOUS, CAPABILITIES, SYSTEM, Principal, PrincipalKind
from accord.sharing.secrets import parse_token
from accord.store import Store
from accord.vocab import Role

PASSWORD = "a long enough passphrase"
START = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.moment = START

    def now(self) -> datetime:
        return self.moment


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def directory(store: Store, clock: Clock) -> Directory:
    d = Directory(store, clock)
    d.add_organisation("Council", actor=SYSTEM)
    d.add_user("alice", "council", Role.ANALYST, PASSWORD, actor=SYSTEM)
    return d


def refused(call: Callable[[], object]) -> str:
    with pytest.raises(AuthError) as caught:
        call()
    return str(caught.value)


def test_a_password_logs_in_as_the_user(directory: Directory) -> None:
    principal = directory.authenticate_password("ALICE", PASSWORD)
    assert principal.kind is PrincipalKind.USER
    assert (principal.name, principal.org_name, principal.role) == (
        "alice",
        "Council",
        Role.ANALYST,
    )
    assert principal.org_id == directory.store.get_organisation("Council").id
    assert principal.user_id == directory.store.get_user("alice").id


def test_unknown_user_wrong_password_and_disabled_user_fail_alike(
    directory: Directory, monkeypatch: pytest.MonkeyPatch
) -> None:
    verified: list[str] = []
    real = accord.admin.verify_password

    def spy(password_hash: str, password: str) -> bool:
        verified.append(password_hash)
        return real(password_hash, password)

    monkeypatch.setattr(accord.admin, "verify_password", spy)
    messages = {
        refused(lambda: directory.authenticate_password("nobody", PASSWORD)),
        refused(lambda: directory.authenticate_password("alice", PASSWORD + "x")),
        refused(lambda: directory.authenticate_password("alice", "")),
    }
    directory.disable_user("alice", actor=SYSTEM)
    messages.add(refused(lambda: directory.authenticate_password("alice", PASSWORD)))
    assert messages == {"invalid credentials"}
    # Each attempt ran argon2, the unknown user's against a dummy hash: timing tells nothing.
    assert len(verified) == 4 and all(h.startswith("$argon2id$") for h in verified)


def test_the_stored_password_is_an_argon2id_hash_and_is_renewed_when_weaker(
    directory: Directory,
) -> None:
    found = directory.store.user_credentials("alice")
    assert found is not None
    account, stored = found
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)
    directory.store.set_password_hash(account.id, weak)
    directory.authenticate_password("alice", PASSWORD)
    renewed = directory.store.user_credentials("alice")
    assert renewed is not None and renewed[1] != weak and renewed[1].startswith("$argon2id$")
    assert directory.authenticate_password("alice", PASSWORD).name == "alice"


def test_a_short_password_or_an_unknown_role_is_refused(directory: Directory) -> None:
    with pytest.raises(InputError, match="at least 12 characters"):
        directory.add_user("bob", "Council", Role.READER, "short", actor=SYSTEM)
    with pytest.raises(InputError, match="no role 'boss'"):
        directory.add_user("bob", "Council", "boss", PASSWORD, actor=SYSTEM)  # type: ignore[arg-type]
    assert [u.username for u in directory.users(actor=SYSTEM)] == ["alice"]


def test_a_token_logs_in_and_is_dated_when_used(directory: Directory, clock: Clock) -> None:
    token_id, bearer = directory.create_token("alice", actor=SYSTEM)
    clock.moment += timedelta(hours=1)
    principal = directory.authenticate_token(bearer)
    assert (principal.name, principal.role) == ("alice", Role.ANALYST)
    (token,) = directory.tokens("alice", actor=SYSTEM)
    assert token.id == token_id
    assert (token.created, token.last_used) == (
        "2026-03-01T10:00:00.000000Z",
        "2026-03-01T11:00:00.000000Z",
    )
    assert token.expires is None and token.revoked is None


def test_expired_revoked_forged_and_disabled_tokens_fail_alike(
    directory: Directory, clock: Clock
) -> None:
    _, expiring = directory.create_token("alice", 1, actor=SYSTEM)
    revoked_id, revoked = directory.create_token("alice", actor=SYSTEM)
    _, live = directory.create_token("alice", actor=SYSTEM)
    directory.revoke_token(revoked_id, actor=SYSTEM)
    assert directory.authenticate_token(expiring).name == "alice"
    clock.moment += timedelta(days=1)
    token_id, secret = parse_token(live) or ("", "")
    messages = {
        refused(lambda: directory.authenticate_token(expiring)),
        refused(lambda: directory.authenticate_token(revoked)),
        refused(lambda: directory.authenticate_token("not a token")),
        refused(lambda: directory.authenticate_token(f"accord_{token_id}_{secret}x")),
        refused(lambda: directory.authenticate_token(f"accord_{'0' * 16}_{secret}")),
    }
    assert directory.authenticate_token(live).name == "alice"
    directory.disable_user("alice", actor=SYSTEM)
    messages.add(refused(lambda: directory.authenticate_token(live)))
    assert messages == {"invalid credentials"}


def test_no_secret_is_stored(directory: Directory) -> None:
    _, bearer = directory.create_token("alice", actor=SYSTEM)
    _, secret = parse_token(bearer) or ("", "")
    directory.add_group("G", "Council", actor=SYSTEM)
    directory.authenticate_password("alice", PASSWORD)
    directory.authenticate_token(bearer)
    tables = ["organisations", "users", "api_tokens", "sharing_groups", "group_members",
              "audit_log"]  # fmt: skip
    for table in tables:
        for row in directory.store._read(f"SELECT * FROM {table}"):
            text = " ".join(map(str, row))
            assert secret not in text and PASSWORD not in text, table


def test_names_are_unique_case_aside(directory: Directory) -> None:
    with pytest.raises(ConflictError):
        directory.add_organisation("COUNCIL", actor=SYSTEM)
    with pytest.raises(ConflictError):
        directory.add_user("Alice", "Council", Role.READER, PASSWORD, actor=SYSTEM)
    directory.add_group("Border Group", "Council", actor=SYSTEM)
    with pytest.raises(ConflictError):
        directory.add_group("border  group", "Council", actor=SYSTEM)
    with pytest.raises(NotFoundError):
        directory.add_user("bob", "Nowhere", Role.READER, PASSWORD, actor=SYSTEM)


def test_groups_list_their_members(directory: Directory) -> None:
    directory.add_organisation("Ministry", actor=SYSTEM)
    directory.add_group("G", "Council", actor=SYSTEM)
    assert directory.add_group_member("G", "Ministry", actor=SYSTEM) is True
    assert directory.add_group_member("g", "ministry", actor=SYSTEM) is False
    ((group, members),) = directory.groups(actor=SYSTEM)
    assert (group.name, group.owner_name, [m.name for m in members]) == (
        "G",
        "Council",
        ["Ministry"],
    )
    assert directory.remove_group_member("G", "Ministry", actor=SYSTEM) is True
    assert directory.groups(actor=SYSTEM)[0][1] == []


# --- who may do what ------------------------------------------------------------------------
# Every write, done by a user of organisation A on: their own account ("self"), another
# user of A or something A owns ("own"), or a user or group of organisation B ("other").
# Written out by hand, not derived from CAPABILITIES, so a change there must show up here.
EXPECTED: dict[str, set[Role]] = {
    "org.add": {Role.ADMIN},
    "user.add.own": {Role.ADMIN},
    "user.add.other": set(),
    "user.role.own": {Role.ADMIN},
    "user.role.other": set(),
    "user.disable.own": {Role.ADMIN},
    "user.disable.other": set(),
    "token.create.self": {Role.READER, Role.ANALYST, Role.EDITOR, Role.ADMIN},
    "token.create.own": {Role.ADMIN},
    "token.create.other": set(),
    "token.revoke.self": {Role.READER, Role.ANALYST, Role.EDITOR, Role.ADMIN},
    "token.revoke.own": {Role.ADMIN},
    "token.revoke.other": set(),
    "group.add.own": {Role.ADMIN},
    "group.add.other": set(),
    "group.member.add.own": {Role.ADMIN},
    "group.member.add.other": set(),
    "group.member.remove.own": {Role.ADMIN},
    "group.member.remove.other": set(),
}

Act = Callable[[Directory, Principal], object]


def _token_of(d: Directory, username: str) -> str:
    return d.tokens(username, actor=SYSTEM)[0].id


ACTS: dict[str, Act] = {
    "org.add": lambda d, a: d.add_organisation("New Org", actor=a),
    "user.add.own": lambda d, a: d.add_user("new-a", "A", Role.READER, PASSWORD, actor=a),
    "user.add.other": lambda d, a: d.add_user("new-b", "B", Role.READER, PASSWORD, actor=a),
    "user.role.own": lambda d, a: d.set_role("a-role", Role.EDITOR, actor=a),
    "user.role.other": lambda d, a: d.set_role("b-role", Role.EDITOR, actor=a),
    "user.disable.own": lambda d, a: d.disable_user("a-disable", actor=a),
    "user.disable.other": lambda d, a: d.disable_user("b-disable", actor=a),
    "token.create.self": lambda d, a: d.create_token(a.name, actor=a),
    "token.create.own": lambda d, a: d.create_token("a-colleague", actor=a),
    "token.create.other": lambda d, a: d.create_token("b-colleague", actor=a),
    "token.revoke.self": lambda d, a: d.revoke_token(_token_of(d, a.name), actor=a),
    "token.revoke.own": lambda d, a: d.revoke_token(_token_of(d, "a-colleague"), actor=a),
    "token.revoke.other": lambda d, a: d.revoke_token(_token_of(d, "b-colleague"), actor=a),
    "group.add.own": lambda d, a: d.add_group("New A group", "A", actor=a),
    "group.add.other": lambda d, a: d.add_group("New B group", "B", actor=a),
    "group.member.add.own": lambda d, a: d.add_group_member("GA", "B", actor=a),
    "group.member.add.other": lambda d, a: d.add_group_member("GB", "A", actor=a),
    "group.member.remove.own": lambda d, a: d.remove_group_member("GA", "C", actor=a),
    "group.member.remove.other": lambda d, a: d.remove_group_member("GB", "C", actor=a),
}
ROLES = sorted({role for roles in CAPABILITIES.values() for role in roles})


def _world(store: Store) -> Directory:
    """Organisations A, B and C; users in A and B to act on; groups GA (owned by A) and GB
    (owned by B), both with C as a member; every user holds a token. Users are added through
    the store with one precomputed hash, to keep the matrix fast."""
    d = Directory(store, FixedClock(START))
    for name in ("A", "B", "C"):
        d.add_organisation(name, actor=SYSTEM)
    hashed = accord.admin.hash_password(PASSWORD)
    for org in ("A", "B"):
        org_id = store.get_organisation(org).id
        people = [f"{org.lower()}-{what}" for what in ("role", "disable", "colleague")]
        people += [f"{org.lower()}-{role}" for role in ROLES]
        for username in people:
            store.add_user(username, org_id=org_id, role=Role.READER, password_hash=hashed,
                           created="2026-03-01T10:00:00.000000Z")  # fmt: skip
        d.add_group(f"G{org}", org, actor=SYSTEM)
        d.add_group_member(f"G{org}", "C", actor=SYSTEM)
    for account in store.users():
        d.create_token(account.username, actor=SYSTEM)
    return d


def _allowed(directory: Directory, actor: Principal) -> dict[str, bool]:
    done = {}
    for name, act in ACTS.items():
        try:
            act(directory, actor)
        except ForbiddenError:
            done[name] = False
        else:
            done[name] = True
    return done


def test_the_expected_table_covers_every_role_and_act() -> None:
    assert set(EXPECTED) == set(ACTS)
    assert all(roles <= set(ROLES) for roles in EXPECTED.values())
    # ADMINISTER and GROUPS being admin-only is what the table assumes.
    assert {c: r for c, r in CAPABILITIES.items() if c in ("administer", "groups")} == {
        "groups": {Role.ADMIN}, "administer": {Role.ADMIN}
    }  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_do_exactly_what_the_table_says(store: Store, role: Role) -> None:
    directory = _world(store)
    account = store.get_user(f"a-{role}")
    actor = principal_of(store.set_user_role(account.id, role))
    expected = {name: role in roles for name, roles in EXPECTED.items()}
    assert _allowed(directory, actor) == expected


def test_system_may_do_everything_and_anonymous_nothing(store: Store) -> None:
    directory = _world(store)
    # Only a user's id makes an act their own: a name alone, as an anonymous caller has, does not.
    nobody = Principal(ANONYMOUS.kind, f"a-{Role.READER}")
    assert set(_allowed(directory, nobody).values()) == {False}
    directory = Directory(store, FixedClock(START))
    store.add_user("a-system", org_id=store.get_organisation("A").id, role=Role.READER,
                   password_hash="x", created="2026-03-01T10:00:00.000000Z")  # fmt: skip
    system = Principal(SYSTEM.kind, "a-system")  # SYSTEM acting on "self"
    assert set(_allowed(directory, system).values()) == {True}


def test_who_may_list_what(store: Store) -> None:
    directory = _world(store)
    reader = principal_of(store.get_user(f"a-{Role.READER}"))
    admin = principal_of(store.set_user_role(store.get_user(f"a-{Role.ADMIN}").id, Role.ADMIN))
    for actor in (reader, admin):
        assert len(directory.organisations(actor=actor)) == 3
        assert len(directory.groups(actor=actor)) == 2
        assert [t.username for t in directory.tokens(actor=actor)] == [actor.name]
    with pytest.raises(ForbiddenError):
        directory.users(actor=reader)
    with pytest.raises(ForbiddenError):
        directory.tokens("a-colleague", actor=reader)
    assert {u.org_name for u in directory.users(actor=admin)} == {"A"}
    assert [t.username for t in directory.tokens("a-colleague", actor=admin)] == ["a-colleague"]
    with pytest.raises(ForbiddenError):
        directory.users("B", actor=admin)
    with pytest.raises(ForbiddenError):
        directory.tokens("b-colleague", actor=admin)
    with pytest.raises(ForbiddenError):
        directory.organisations(actor=ANONYMOUS)
    assert len(directory.users(actor=SYSTEM)) == len(store.users())


def test_membership_and_new_organisations_change_who_sees_at_once(store: Store) -> None:
    from accord.store.model import NewSource, Sharing
    from accord.vocab import TLP, Distribution
    from tests.factories import identity

    d = Directory(store, FixedClock(START))
    a = d.add_organisation("A", actor=SYSTEM)
    b = d.add_organisation("B", actor=SYSTEM)
    group = d.add_group("G", "A", actor=SYSTEM)
    grouped, public = identity("Grouped"), identity("Public")
    for obj, sharing in (
        (grouped, Sharing(TLP.AMBER, Distribution.GROUPS, (group.id,))),
        (public, Sharing(TLP.GREEN, Distribution.COMMUNITY)),
    ):
        source = NewSource("bundle", obj["id"], owner_org=a.id, sharing=sharing)
        store.put_objects([obj], [obj["modified"]], date_added="2026-03-01T10:00:00Z",
                          source=source)  # fmt: skip

    def sees(org_id: int, obj: dict[str, object]) -> bool:
        viewer = Principal(PrincipalKind.USER, "someone", org_id=org_id, role=Role.READER)
        try:
            store.get(str(obj["id"]), viewer=viewer)
        except NotFoundError:
            return False
        return True

    assert not sees(b.id, grouped) and sees(b.id, public)
    d.add_group_member("G", "B", actor=SYSTEM)
    assert sees(b.id, grouped)
    d.remove_group_member("G", "B", actor=SYSTEM)
    assert not sees(b.id, grouped)
    c = d.add_organisation("C", actor=SYSTEM)
    assert sees(c.id, public) and not sees(c.id, grouped)


def test_logins_token_use_and_administration_are_audited(
    directory: Directory, store: Store
) -> None:
    _, bearer = directory.create_token("alice", actor=SYSTEM)
    directory.authenticate_password("alice", PASSWORD)
    refused(lambda: directory.authenticate_password("alice", "wrong password here"))
    refused(lambda: directory.authenticate_password("mallory", PASSWORD))
    directory.authenticate_token(bearer)
    refused(lambda: directory.authenticate_token(bearer[:-2] + "xx"))
    events, _ = store.audit(viewer=SYSTEM, limit=100)
    seen = [(e["actor"], e["action"], e["outcome"]) for e in reversed(events)]
    assert seen == [
        ("system", "org.add", "ok"),
        ("system", "user.add", "ok"),
        ("system", "token.create", "ok"),
        ("alice", "login", "ok"),
        ("alice", "login", "denied"),
        ("mallory", "login", "denied"),
        ("alice", "token.use", "ok"),
        ("anonymous", "token.use", "denied"),
    ]
    text = str(events)
    assert PASSWORD not in text and parse_token(bearer)[1] not in text
