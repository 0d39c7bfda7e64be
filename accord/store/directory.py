"""Principals in the store: organisations, users, API tokens and sharing groups.

Each method is one statement or one transaction, with the same SQL on both engines. Names are
unique case aside (migration 0002: ``COLLATE NOCASE`` in SQLite, a unique index on
``lower(name)`` in PostgreSQL) and looked up with ``lower(name) = lower(?)``, which folds case
exactly as the engine's own unique constraint does. A taken name is found by ``ON CONFLICT DO
NOTHING``: the insert returns no row for a unique violation and nothing else, so a conflict is
told from every other failure without reading an error message. A new organisation and a
change of a group's members re-derive ``source_audience`` (accord.store.audience) in the same
transaction. Policy (who may do what) is in :mod:`accord.admin`; this module only keeps the
records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from accord.errors import ConflictError, NotFoundError
from accord.stix.extensions import identity_id
from accord.store.audience import refresh_all, refresh_groups
from accord.store.shared import insert_audit
from accord.vocab import OrgKind, Role

if TYPE_CHECKING:
    from accord.store.base import Row, WriteTx


@dataclass(frozen=True, slots=True)
class Organisation:
    id: int
    name: str
    identity_id: str  # the STIX identity the organisation writes as
    created: str
    kind: OrgKind = OrgKind.MEMBER


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    org_id: int
    org_name: str
    role: Role
    disabled: bool
    created: str
    org_kind: OrgKind = OrgKind.MEMBER


@dataclass(frozen=True, slots=True)
class Token:
    """An API token as listed: never its secret, nor the secret's hash."""

    id: str
    user_id: int
    username: str
    created: str
    expires: str | None
    revoked: str | None
    last_used: str | None


@dataclass(frozen=True, slots=True)
class SharingGroup:
    id: int
    name: str
    owner_org: int
    owner_name: str
    created: str


_ORG = "SELECT g.id, g.name, g.identity_id, g.created, g.kind FROM organisations g"
_USER_COLUMNS = "u.id, u.username, u.org_id, g.name, u.role, u.disabled, u.created, g.kind"
_USER_FROM = "FROM users u JOIN organisations g ON g.id = u.org_id"
_USER = f"SELECT {_USER_COLUMNS} {_USER_FROM}"
# Token rows without the secret hash, which is only ever matched, never read back.
_KEYS = (
    "SELECT t.id, t.user_id, u.username, t.created, t.expires, t.revoked, t.last_used "
    "FROM api_tokens t JOIN users u ON u.id = t.user_id"
)
_GROUP = (
    "SELECT s.id, s.name, s.owner_org, g.name, s.created "
    "FROM sharing_groups s JOIN organisations g ON g.id = s.owner_org"
)


def _org(row: Row) -> Organisation:
    return Organisation(int(row[0]), row[1], row[2], row[3], OrgKind(row[4]))


def _user(row: Row) -> User:
    return User(
        int(row[0]),
        row[1],
        int(row[2]),
        row[3],
        Role(row[4]),
        bool(row[5]),
        row[6],
        OrgKind(row[7]),
    )


def _token(row: Row) -> Token:
    return Token(row[0], int(row[1]), *row[2:7])


def _group(row: Row) -> SharingGroup:
    return SharingGroup(int(row[0]), row[1], int(row[2]), row[3], row[4])


def _by_key(column: str, key: int | str) -> tuple[str, list[Any]]:
    """A WHERE clause finding a record by its id (an int) or its name (a str, case aside)."""
    if isinstance(key, int):
        return f"WHERE {column.split('.')[0]}.id = ?", [key]
    return f"WHERE lower({column}) = lower(?)", [key]


class DirectoryMethods:
    """Mixed into :class:`accord.store.base.SqlStore`, which supplies the engine hooks."""

    if TYPE_CHECKING:

        def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...
        def _write(self) -> AbstractContextManager[WriteTx]: ...

    def _one(self, what: str, sql: str, key: int | str, column: str) -> Row:
        where, params = _by_key(column, key)
        rows = self._read(f"{sql} {where}", params)
        if not rows:
            raise NotFoundError(what, str(key))
        return rows[0]

    def _insert(
        self,
        what: str,
        key: str,
        sql: str,
        params: Sequence[Any],
        then: Callable[[WriteTx], None] | None = None,
    ) -> int:
        """Run an ``INSERT ... ON CONFLICT DO NOTHING RETURNING id``; its id, or ConflictError
        when a unique value is taken. `then` runs in the same transaction after a row went in."""
        with self._write() as tx:
            rows = tx.fetch(sql, params)
            if rows and then is not None:
                then(tx)
        if not rows:
            raise ConflictError(what, key)
        return int(rows[0][0])

    # --- organisations --------------------------------------------------------------------
    def add_organisation(
        self, name: str, *, created: str, kind: OrgKind = OrgKind.MEMBER
    ) -> Organisation:
        """A new organisation. Its identity id is the one extraction gives an organisation of
        that name (UUIDv5 over the normalised name), so what it writes and what documents say
        about it name the same identity; two names that normalise alike conflict."""
        org_id = self._insert(
            "organisation", name,
            "INSERT INTO organisations (name, identity_id, created, kind) VALUES (?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING RETURNING id",
            [name, identity_id("organization", name), created, str(kind)],
            then=refresh_all,  # a new organisation is in every community
        )  # fmt: skip
        return self.get_organisation(org_id)

    def get_organisation(self, key: int | str) -> Organisation:
        return _org(self._one("organisation", _ORG, key, "g.name"))

    def organisations(self) -> list[Organisation]:
        return [_org(row) for row in self._read(f"{_ORG} ORDER BY g.name, g.id")]

    # --- users ----------------------------------------------------------------------------
    def add_user(
        self, username: str, *, org_id: int, role: Role, password_hash: str, created: str
    ) -> User:
        user_id = self._insert(
            "user", username,
            "INSERT INTO users (username, org_id, role, password_hash, disabled, created) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
            [username, org_id, str(role), password_hash, False, created],
        )  # fmt: skip
        return self.get_user(user_id)

    def get_user(self, key: int | str) -> User:
        return _user(self._one("user", _USER, key, "u.username"))

    def users(self, *, org_id: int | None = None) -> list[User]:
        where, params = ("WHERE u.org_id = ? ", [org_id]) if org_id is not None else ("", [])
        return [_user(r) for r in self._read(f"{_USER} {where}ORDER BY u.username, u.id", params)]

    def user_credentials(self, username: str) -> tuple[User, str] | None:
        """The user and their password hash, or None when no user has that name."""
        where, params = _by_key("u.username", username)
        rows = self._read(f"SELECT {_USER_COLUMNS}, u.password_hash {_USER_FROM} {where}", params)
        return (_user(rows[0]), rows[0][8]) if rows else None

    def _update_user(self, user_id: int, assignment: str, value: Any) -> User:
        with self._write() as tx:
            changed = tx.execute(
                f"UPDATE users SET {assignment} = ? WHERE id = ?", [value, user_id]
            )
        if not changed:
            raise NotFoundError("user", str(user_id))
        return self.get_user(user_id)

    def set_user_role(self, user_id: int, role: Role) -> User:
        return self._update_user(user_id, "role", str(role))

    def disable_user(self, user_id: int) -> User:
        return self._update_user(user_id, "disabled", True)

    def set_password_hash(self, user_id: int, password_hash: str) -> User:
        return self._update_user(user_id, "password_hash", password_hash)

    # --- tokens ---------------------------------------------------------------------------
    def add_token(
        self, token_id: str, *, user_id: int, secret_hash: str, created: str, expires: str | None
    ) -> Token:
        self._insert(
            "token", token_id,
            "INSERT INTO api_tokens (id, user_id, secret_hash, created, expires) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING user_id",
            [token_id, user_id, secret_hash, created, expires],
        )  # fmt: skip
        return self.get_token(token_id)

    def get_token(self, token_id: str) -> Token:
        rows = self._read(f"{_KEYS} WHERE t.id = ?", [token_id])
        if not rows:
            raise NotFoundError("token", token_id)
        return _token(rows[0])

    def tokens(self, *, user_id: int | None = None) -> list[Token]:
        where, params = ("WHERE t.user_id = ? ", [user_id]) if user_id is not None else ("", [])
        rows = self._read(f"{_KEYS} {where}ORDER BY t.created, t.id", params)
        return [_token(row) for row in rows]

    def revoke_token(self, token_id: str, *, at: str) -> Token:
        """Revoke a token from `at` on; revoking it again keeps the first time."""
        with self._write() as tx:
            found = tx.execute(
                "UPDATE api_tokens SET revoked = COALESCE(revoked, ?) WHERE id = ?", [at, token_id]
            )
        if not found:
            raise NotFoundError("token", token_id)
        return self.get_token(token_id)

    def find_token(self, secret_hash: str, *, now: str) -> tuple[Token, User] | None:
        """The live token with this secret hash and its user; None when there is none, or it
        is revoked or expired, or its user is disabled."""
        rows = self._read(
            f"{_KEYS} WHERE t.secret_hash = ? AND t.revoked IS NULL "
            "AND (t.expires IS NULL OR t.expires > ?) AND u.disabled = ?",
            [secret_hash, now, False],
        )
        if not rows:
            return None
        token = _token(rows[0])
        return token, self.get_user(token.user_id)

    def touch_token(self, token_id: str, *, at: str, audit: Sequence[tuple[Any, ...]] = ()) -> None:
        """Record that a token was used at `at`, with its audit rows, in one transaction."""
        with self._write() as tx:
            tx.execute("UPDATE api_tokens SET last_used = ? WHERE id = ?", [at, token_id])
            insert_audit(tx, audit)

    # --- sharing groups -------------------------------------------------------------------
    def add_group(self, name: str, *, owner_org: int, created: str) -> SharingGroup:
        group_id = self._insert(
            "sharing group", name,
            "INSERT INTO sharing_groups (name, owner_org, created) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING RETURNING id",
            [name, owner_org, created],
        )  # fmt: skip
        return self.get_group(group_id)

    def get_group(self, key: int | str) -> SharingGroup:
        return _group(self._one("sharing group", _GROUP, key, "s.name"))

    def groups(self) -> list[SharingGroup]:
        return [_group(row) for row in self._read(f"{_GROUP} ORDER BY s.name, s.id")]

    def add_group_member(self, group_id: int, org_id: int) -> bool:
        """Make `org_id` a member of the group; False when it already was."""
        with self._write() as tx:
            added = tx.execute(
                "INSERT INTO group_members (org_id, group_id) VALUES (?, ?) "
                "ON CONFLICT DO NOTHING",
                [org_id, group_id],
            ) > 0  # fmt: skip
            if added:
                refresh_groups(tx, [group_id])  # who sees the group's sources changed
        return added

    def remove_group_member(self, group_id: int, org_id: int) -> bool:
        """Take `org_id` out of the group; False when it was not a member."""
        with self._write() as tx:
            removed = tx.execute(
                "DELETE FROM group_members WHERE org_id = ? AND group_id = ?", [org_id, group_id]
            ) > 0  # fmt: skip
            if removed:
                refresh_groups(tx, [group_id])
        return removed

    def group_members(self, group_id: int) -> list[Organisation]:
        return [_org(row) for row in self._read(
            f"{_ORG} JOIN group_members m ON m.org_id = g.id WHERE m.group_id = ? "
            "ORDER BY g.name, g.id",
            [group_id],
        )]  # fmt: skip
