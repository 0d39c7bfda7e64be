"""Passwords and API tokens: how they are hashed, made and checked. Pure: no store, no logging.

Passwords are hashed with argon2id (argon2-cffi's defaults, the RFC 9106 low-memory profile)
and kept in their PHC string form, which names the algorithm and its parameters so that a
hash made under older parameters can be recognised and replaced at the next login.

An API token is shown once as ``accord_<id>_<secret>``. The id is public (listed, used to
revoke); only the SHA-256 of the secret is kept.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from accord.errors import InputError

MIN_PASSWORD_LENGTH = 12
TOKEN_PREFIX = "accord"  # noqa: S105  (a label that makes tokens recognisable, not a secret)

_HASHER = PasswordHasher()  # argon2id by default


def hash_password(password: str) -> str:
    """The argon2id PHC string of `password`; InputError when it is too short to keep."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether `password` matches `password_hash`. A malformed hash is a mismatch, not an
    error: a login must fail the same way whatever is wrong."""
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def check_password_hash_needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with other parameters than the current ones."""
    try:
        return _HASHER.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


@cache
def dummy_password_hash() -> str:
    """A hash of no one's password, verified against when a user name is unknown, so that a
    failed login takes as long whether or not the user exists. Made once per process."""
    return _HASHER.hash(secrets.token_urlsafe(16))


def new_token() -> tuple[str, str]:
    """A fresh token: (its public id, the string shown once to the user)."""
    token_id = secrets.token_hex(8)  # hex: never holds the "_" that separates the parts
    secret = secrets.token_urlsafe(32)  # 256 random bits
    return token_id, f"{TOKEN_PREFIX}_{token_id}_{secret}"


def parse_token(bearer: str) -> tuple[str, str] | None:
    """(id, secret) of a token string, or None when it is not one."""
    prefix, _, rest = bearer.strip().partition("_")
    token_id, _, secret = rest.partition("_")  # the secret may itself hold "_"
    if prefix != TOKEN_PREFIX or not token_id or not secret:
        return None
    return token_id, secret


def hash_token_secret(secret: str) -> str:
    """The SHA-256 (hex) of a token's secret (the part after its id), as stored.

    A plain, fast hash is the right tool here, unlike for passwords: the secret is 256 random
    bits, so there is no dictionary to try and a slow hash would buy nothing against brute
    force, while every API request pays for the hash. A stolen table still yields no token.
    """
    return hashlib.sha256(secret.encode()).hexdigest()


def same_secret(a: str, b: str) -> bool:
    """Constant-time equality, so comparing a presented value leaks nothing by its timing."""
    return hmac.compare_digest(a.encode(), b.encode())
