"""Use cases for principals: organisations, users, API tokens, sharing groups, and logging in.

Who may do what is decided in one place, :func:`_authorise`. SYSTEM (the operator at the
command line) may do everything. Otherwise an act needs a capability (accord.sharing
.CAPABILITIES) and, except for creating organisations, is confined to the actor's own
organisation: an admin manages the users and tokens of their organisation and the groups it
owns, never another's. Every user may create, list and revoke their own tokens.

Every write reports itself through :meth:`Directory._done`, the one place the audit log will
be written from.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from accord.clock import Clock, SystemClock, format_timestamp
from accord.errors import AuthError, ForbiddenError, InputError
from accord.sharing import ANONYMOUS, Capability, Principal, user
from accord.sharing.secrets import (
    check_password_hash_needs_rehash,
    dummy_password_hash,
    hash_password,
    hash_token_secret,
    new_token,
    parse_token,
    same_secret,
    verify_password,
)
from accord.store import Store
from accord.store.directory import Organisation, SharingGroup, Token, User
from accord.store.shared import audit_row
from accord.vocab import OrgKind, Role


def _authorise(
    actor: Principal,
    action: str,
    capability: Capability,
    *,
    org_id: int | None = None,
    own_user_id: int | None = None,
) -> None:
    """Raise ForbiddenError unless `actor` may do `action`: SYSTEM always; a user acting on
    their own account (`own_user_id`) always; otherwise a user holding `capability` who, when
    the act concerns organisation `org_id`, belongs to it."""
    if actor.is_system:
        return
    if own_user_id is not None and actor.user_id == own_user_id:
        return
    if not actor.can(capability):
        who = actor.role or actor.kind.value
        raise ForbiddenError(action, f"a {who} may not {capability}")
    if org_id is not None and actor.org_id != org_id:
        raise ForbiddenError(action, "it concerns another organisation")


def principal_of(account: User) -> Principal:
    return user(account.username, org_id=account.org_id, role=account.role,
                org_name=account.org_name, user_id=account.id,
                peer=account.org_kind is OrgKind.PEER)  # fmt: skip


class Directory:
    """Principals over one store; `clock` dates every record and decides expiry."""

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self.store = store
        self.clock = clock or SystemClock()

    def _now(self) -> str:
        return format_timestamp(self.clock.now())

    def _done(
        self,
        actor: Principal,
        action: str,
        target: str | None,
        detail: Mapping[str, object],
        outcome: str = "ok",
        name: str | None = None,
    ) -> None:
        """Every write and login, refused or not, is written to the audit log here. `detail`
        never holds a secret."""
        row = audit_row(self._now(), actor, action, target, dict(detail) or None, outcome, name)
        self.store.append_audit([row])

    # --- organisations --------------------------------------------------------------------
    def add_organisation(
        self, name: str, *, actor: Principal, kind: OrgKind = OrgKind.MEMBER
    ) -> Organisation:
        """A member organisation of this node, or (`kind` peer) another node, which sees
        only what is shared with the federation or with its sharing groups."""
        _authorise(actor, "add organisation", Capability.ADMINISTER)
        org = self.store.add_organisation(_name("organisation", name), created=self._now(),
                                          kind=kind)  # fmt: skip
        self._done(actor, "org.add", str(org.id), {"name": org.name, "kind": str(kind)})
        return org

    def organisations(self, *, actor: Principal) -> list[Organisation]:
        _authorise(actor, "list organisations", Capability.READ)
        return self.store.organisations()

    # --- users ----------------------------------------------------------------------------
    def add_user(
        self, username: str, org: str, role: Role, password: str, *, actor: Principal
    ) -> User:
        organisation = self.store.get_organisation(org)
        _authorise(actor, "add user", Capability.ADMINISTER, org_id=organisation.id)
        account = self.store.add_user(
            _name("user name", username), org_id=organisation.id, role=_role(role),
            password_hash=hash_password(password), created=self._now(),
        )  # fmt: skip
        detail = {"username": account.username, "org": organisation.name, "role": str(role)}
        self._done(actor, "user.add", str(account.id), detail)
        return account

    def users(self, org: str | None = None, *, actor: Principal) -> list[User]:
        org_id = self.store.get_organisation(org).id if org is not None else actor.org_id
        if actor.is_system and org is None:
            return self.store.users()
        _authorise(actor, "list users", Capability.ADMINISTER, org_id=org_id)
        return self.store.users(org_id=org_id)

    def set_role(self, username: str, role: Role, *, actor: Principal) -> User:
        account = self.store.get_user(username)
        _authorise(actor, "set role", Capability.ADMINISTER, org_id=account.org_id)
        changed = self.store.set_user_role(account.id, _role(role))
        self._done(actor, "user.role", str(account.id), {"role": str(role)})
        return changed

    def disable_user(self, username: str, *, actor: Principal) -> User:
        account = self.store.get_user(username)
        _authorise(actor, "disable user", Capability.ADMINISTER, org_id=account.org_id)
        changed = self.store.disable_user(account.id)
        self._done(actor, "user.disable", str(account.id), {})
        return changed

    # --- tokens ---------------------------------------------------------------------------
    def create_token(
        self, username: str, expires_days: int | None = None, *, actor: Principal
    ) -> tuple[str, str]:
        """A new API token for `username`: (its id, the token string, shown only now)."""
        account = self.store.get_user(username)
        _authorise(actor, "create token", Capability.ADMINISTER, org_id=account.org_id,
                   own_user_id=account.id)  # fmt: skip
        if account.disabled:
            raise InputError(f"user {account.username} is disabled")
        if expires_days is not None and expires_days < 1:
            raise InputError("a token expires after one day at the soonest")
        now = self.clock.now()
        expires = None if expires_days is None else now + timedelta(days=expires_days)
        token_id, bearer = new_token()
        parsed = parse_token(bearer)
        assert parsed is not None  # new_token makes only strings that parse
        self.store.add_token(
            token_id, user_id=account.id, secret_hash=hash_token_secret(parsed[1]),
            created=format_timestamp(now),
            expires=None if expires is None else format_timestamp(expires),
        )  # fmt: skip
        self._done(actor, "token.create", token_id,
                   {"username": account.username, "expires_days": expires_days})  # fmt: skip
        return token_id, bearer

    def revoke_token(self, token_id: str, *, actor: Principal) -> Token:
        token = self.store.get_token(token_id)
        owner = self.store.get_user(token.user_id)
        _authorise(actor, "revoke token", Capability.ADMINISTER, org_id=owner.org_id,
                   own_user_id=owner.id)  # fmt: skip
        revoked = self.store.revoke_token(token_id, at=self._now())
        self._done(actor, "token.revoke", token_id, {"username": owner.username})
        return revoked

    def tokens(self, username: str | None = None, *, actor: Principal) -> list[Token]:
        if username is None:
            if actor.is_system:
                return self.store.tokens()
            if actor.user_id is None:
                raise ForbiddenError("list tokens", "no user")
            username_or_id: int | str = actor.user_id
        else:
            username_or_id = username
        owner = self.store.get_user(username_or_id)
        _authorise(actor, "list tokens", Capability.ADMINISTER, org_id=owner.org_id,
                   own_user_id=owner.id)  # fmt: skip
        return self.store.tokens(user_id=owner.id)

    # --- authentication -------------------------------------------------------------------
    def authenticate_password(self, username: str, password: str) -> Principal:
        """The user's principal; AuthError("invalid credentials") whatever is wrong. An
        unknown user costs an argon2 verification too, so timing does not tell names."""
        found = self.store.user_credentials(username)
        if found is None:
            verify_password(dummy_password_hash(), password)
            self._done(ANONYMOUS, "login", None, {}, "denied", name=username[:100])
            raise AuthError()
        account, password_hash = found
        if not verify_password(password_hash, password) or account.disabled:
            self._done(ANONYMOUS, "login", str(account.id), {}, "denied", name=username[:100])
            raise AuthError()
        if check_password_hash_needs_rehash(password_hash):
            self.store.set_password_hash(account.id, hash_password(password))
        principal = principal_of(account)
        self._done(principal, "login", str(account.id), {})
        return principal

    def authenticate_token(self, bearer: str) -> Principal:
        """The principal of a live token; AuthError("invalid credentials") for a malformed,
        unknown, expired or revoked token and for a disabled user alike."""
        parsed = parse_token(bearer)
        if parsed is None:
            self._done(ANONYMOUS, "token.use", None, {"reason": "malformed"}, "denied")
            raise AuthError()
        token_id, secret = parsed
        found = self.store.find_token(hash_token_secret(secret), now=self._now())
        # The row was found by the hash of 256 secret bits; the id must match too, compared
        # in constant time so a forged id learns nothing.
        if found is None or not same_secret(found[0].id, token_id):
            self._done(ANONYMOUS, "token.use", token_id[:64], {}, "denied")
            raise AuthError()
        token, account = found
        now = self._now()
        principal = principal_of(account)
        # Used to the minute: one write a minute per token (its last_used and its audit
        # event), not one per request, which would queue every read behind the one writer.
        # Refused uses are each recorded.
        if token.last_used is None or token.last_used[:16] != now[:16]:
            row = audit_row(now, principal, "token.use", token.id, None, "ok")
            self.store.touch_token(token.id, at=now, audit=[row])
        return principal

    # --- sharing groups -------------------------------------------------------------------
    def add_group(self, name: str, owner_org: str, *, actor: Principal) -> SharingGroup:
        owner = self.store.get_organisation(owner_org)
        _authorise(actor, "add group", Capability.GROUPS, org_id=owner.id)
        group = self.store.add_group(_name("group", name), owner_org=owner.id,
                                     created=self._now())  # fmt: skip
        self._done(actor, "group.add", str(group.id), {"name": group.name, "owner": owner.name})
        return group

    def add_group_member(self, group: str, org: str, *, actor: Principal) -> bool:
        """Make `org` a member of `group`; False when it already was."""
        return self._membership(group, org, actor=actor, add=True)

    def remove_group_member(self, group: str, org: str, *, actor: Principal) -> bool:
        """Take `org` out of `group`; False when it was not a member."""
        return self._membership(group, org, actor=actor, add=False)

    def _membership(self, group: str, org: str, *, actor: Principal, add: bool) -> bool:
        found = self.store.get_group(group)
        member = self.store.get_organisation(org)
        action = "add group member" if add else "remove group member"
        _authorise(actor, action, Capability.GROUPS, org_id=found.owner_org)
        change = self.store.add_group_member if add else self.store.remove_group_member
        changed = change(found.id, member.id)
        if changed:
            self._done(actor, "group.member." + ("add" if add else "remove"), str(found.id),
                       {"org": member.name})  # fmt: skip
        return changed

    def groups(self, *, actor: Principal) -> list[tuple[SharingGroup, list[Organisation]]]:
        """Every sharing group with its member organisations."""
        _authorise(actor, "list groups", Capability.READ)
        return [(g, self.store.group_members(g.id)) for g in self.store.groups()]


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise InputError(f"no role {value!r}: one of {', '.join(Role)}") from None


def _name(what: str, name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InputError(f"a {what} cannot be empty")
    return cleaned
