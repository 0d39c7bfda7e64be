"""The store's records of principals, on every engine: uniqueness case aside, look-ups by id
or name, tokens found only while live, sharing-group membership."""

from __future__ import annotations

import pytest

from accord.errors import ConflictError, NotFoundError
from accord.stix.extensions import identity_id
from accord.store import Store
from accord.vocab import Role

T0 = "2026-03-01T10:00:00.000000Z"
T1 = "2026-03-02T10:00:00.000000Z"
T2 = "2026-03-03T10:00:00.000000Z"


def test_an_organisation_is_found_by_id_or_name_case_aside(store: Store) -> None:
    org = store.add_organisation("Ministry of Testland", created=T0)
    assert org.identity_id == identity_id("organization", "Ministry of Testland")
    assert store.get_organisation(org.id) == org
    assert store.get_organisation("MINISTRY OF TESTLAND") == org
    assert store.organisations() == [org]
    with pytest.raises(NotFoundError, match="organisation not found: Nowhere"):
        store.get_organisation("Nowhere")
    with pytest.raises(NotFoundError):
        store.get_organisation(org.id + 1)


@pytest.mark.parametrize(
    "taken", ["Ministry of Testland", "ministry of testland", "MINISTRY OF TESTLAND"]
)
def test_an_organisation_name_is_unique_case_aside(store: Store, taken: str) -> None:
    store.add_organisation("Ministry of Testland", created=T0)
    with pytest.raises(ConflictError, match="organisation already exists"):
        store.add_organisation(taken, created=T1)
    assert len(store.organisations()) == 1


def test_user_names_and_group_names_are_unique_case_aside(store: Store) -> None:
    org = store.add_organisation("Council", created=T0)
    store.add_user("Alice", org_id=org.id, role=Role.ADMIN, password_hash="h", created=T0)
    with pytest.raises(ConflictError, match="user already exists: aLICE"):
        store.add_user("aLICE", org_id=org.id, role=Role.READER, password_hash="h", created=T1)
    store.add_group("Border Working Group", owner_org=org.id, created=T0)
    with pytest.raises(ConflictError, match="sharing group already exists"):
        store.add_group("border working group", owner_org=org.id, created=T1)
    assert [u.username for u in store.users()] == ["Alice"]
    assert [g.name for g in store.groups()] == ["Border Working Group"]


def test_users_are_listed_by_organisation_and_changed_in_place(store: Store) -> None:
    a = store.add_organisation("A", created=T0)
    b = store.add_organisation("B", created=T0)
    ann = store.add_user("ann", org_id=a.id, role=Role.READER, password_hash="h1", created=T0)
    store.add_user("bob", org_id=b.id, role=Role.EDITOR, password_hash="h2", created=T0)
    assert [u.username for u in store.users(org_id=a.id)] == ["ann"]
    assert (ann.org_name, ann.role, ann.disabled) == ("A", Role.READER, False)
    assert store.set_user_role(ann.id, Role.ANALYST).role is Role.ANALYST
    assert store.disable_user(ann.id).disabled is True
    assert store.set_password_hash(ann.id, "h3") == store.get_user("ANN")
    assert store.user_credentials("Ann") == (store.get_user(ann.id), "h3")
    assert store.user_credentials("nobody") is None
    with pytest.raises(NotFoundError):
        store.set_user_role(ann.id + 100, Role.ADMIN)


def test_a_token_is_found_only_while_live(store: Store) -> None:
    org = store.add_organisation("A", created=T0)
    ann = store.add_user("ann", org_id=org.id, role=Role.READER, password_hash="h", created=T0)
    store.add_token("t-forever", user_id=ann.id, secret_hash="s1", created=T0, expires=None)
    store.add_token("t-expiring", user_id=ann.id, secret_hash="s2", created=T0, expires=T1)
    found = store.find_token("s1", now=T2)
    assert found is not None and found[0].id == "t-forever" and found[1] == ann
    assert store.find_token("s2", now=T0) is not None
    assert store.find_token("s2", now=T1) is None  # expired at T1 exactly
    assert store.find_token("unknown", now=T0) is None
    store.touch_token("t-forever", at=T1)
    assert store.get_token("t-forever").last_used == T1
    assert store.revoke_token("t-forever", at=T1).revoked == T1
    assert store.revoke_token("t-forever", at=T2).revoked == T1  # the first revocation stands
    assert store.find_token("s1", now=T1) is None
    store.add_token("t-new", user_id=ann.id, secret_hash="s3", created=T1, expires=None)
    store.disable_user(ann.id)
    assert store.find_token("s3", now=T1) is None
    assert [t.id for t in store.tokens(user_id=ann.id)] == ["t-expiring", "t-forever", "t-new"]
    with pytest.raises(NotFoundError):
        store.revoke_token("nope", at=T1)


def test_group_membership_is_idempotent(store: Store) -> None:
    a = store.add_organisation("A", created=T0)
    b = store.add_organisation("B", created=T0)
    group = store.add_group("G", owner_org=a.id, created=T0)
    assert (group.owner_org, group.owner_name) == (a.id, "A")
    assert store.get_group("g") == store.get_group(group.id) == group
    assert store.add_group_member(group.id, b.id) is True
    assert store.add_group_member(group.id, b.id) is False
    assert store.add_group_member(group.id, a.id) is True
    assert [o.name for o in store.group_members(group.id)] == ["A", "B"]
    assert store.remove_group_member(group.id, b.id) is True
    assert store.remove_group_member(group.id, b.id) is False
    assert store.group_members(group.id) == [a]
    with pytest.raises(NotFoundError, match="sharing group not found"):
        store.get_group("H")
