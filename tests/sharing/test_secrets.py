"""Password hashing (real argon2id) and API token strings."""

from __future__ import annotations

import hashlib

import pytest
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError

from accord.errors import InputError
from accord.sharing.secrets import (
    MIN_PASSWORD_LENGTH,
    check_password_hash_needs_rehash,
    hash_password,
    hash_token_secret,
    new_token,
    parse_token,
    same_secret,
    verify_password,
)

PASSWORD = "correct horse battery staple"


def test_a_password_hash_round_trips_and_is_argon2id() -> None:
    hashed = hash_password(PASSWORD)
    assert hashed.startswith("$argon2id$")
    assert PASSWORD not in hashed
    assert verify_password(hashed, PASSWORD)
    assert not verify_password(hashed, PASSWORD + "!")
    assert hash_password(PASSWORD) != hashed  # salted
    assert not check_password_hash_needs_rehash(hashed)


def test_a_short_password_is_refused_with_the_minimum() -> None:
    with pytest.raises(InputError, match=f"at least {MIN_PASSWORD_LENGTH} characters"):
        hash_password("x" * (MIN_PASSWORD_LENGTH - 1))
    assert verify_password(hash_password("x" * MIN_PASSWORD_LENGTH), "x" * MIN_PASSWORD_LENGTH)


def test_a_malformed_or_weaker_hash_is_a_mismatch_and_needs_rehash() -> None:
    assert not verify_password("not a hash", PASSWORD)
    with pytest.raises(InvalidHashError):  # argon2 itself would raise: we must not
        PasswordHasher().verify("not a hash", PASSWORD)
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID).hash(PASSWORD)
    assert verify_password(weak, PASSWORD)
    assert check_password_hash_needs_rehash(weak)
    assert check_password_hash_needs_rehash("not a hash")


def test_a_token_is_prefixed_and_only_its_secret_is_hashed() -> None:
    token_id, bearer = new_token()
    assert bearer.startswith(f"accord_{token_id}_")
    parsed = parse_token(bearer)
    assert parsed is not None and parsed[0] == token_id
    secret = parsed[1]
    assert len(secret) >= 43  # 32 bytes, base64url
    assert hash_token_secret(secret) == hashlib.sha256(secret.encode()).hexdigest()
    other_id, other = new_token()
    assert (other_id, other) != (token_id, bearer)


@pytest.mark.parametrize(
    "text", ["", "accord", "accord_", "accord_abc", "accord_abc_", "bearer_abc_def", "abc"]
)
def test_what_is_not_a_token_does_not_parse(text: str) -> None:
    assert parse_token(text) is None


def test_a_secret_may_hold_underscores() -> None:
    assert parse_token("accord_0123abcd_a_b-c") == ("0123abcd", "a_b-c")


def test_same_secret() -> None:
    assert same_secret("abc", "abc")
    assert not same_secret("abc", "abd")
