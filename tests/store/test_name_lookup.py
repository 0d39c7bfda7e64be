"""The store contract for finding objects by the start of their name (every engine)."""

from __future__ import annotations

from typing import Any

import pytest

from accord.sharing import ANONYMOUS, SYSTEM
from accord.store import Store
from tests.factories import checked, identity, threat_actor

T0 = "2026-04-01T00:00:00.000Z"
T1 = "2026-04-02T00:00:00.000Z"


def put(store: Store, *objects: dict[str, Any], at: str = T0) -> None:
    objs, versions = checked(*objects)
    store.put_objects(objs, versions, date_added=at)


def person(name: str, **extra: Any) -> dict[str, Any]:
    return identity(name, identity_class="individual", **extra)


def names(store: Store, prefix: str, type_name: str = "identity", **kwargs: Any) -> list[str]:
    """The names found, sorted here: how names sort in PostgreSQL depends on its collation."""
    found = store.find_by_name_prefix(type_name, prefix, viewer=SYSTEM, **kwargs)
    return sorted(obj["name"] for obj in found)


PEOPLE = (
    "Ilham Aliyev", "ilham alyiev", "Ilham Bey", "Ilhama Guliyeva", "Ilham", "Nikolai Patrushev",
    "Zaza Zhvania", "Öztürk Yılmaz", "Oz Levi",
)  # fmt: skip


@pytest.fixture
def people(store: Store) -> Store:
    put(store, *(person(name) for name in PEOPLE), threat_actor("Ilham Group"))
    return store


def test_names_starting_with_the_prefix_are_found_whatever_their_case(people: Store) -> None:
    assert names(people, "Ilham A") == ["Ilham Aliyev", "ilham alyiev"]
    assert names(people, "ILHAM ") == ["Ilham Aliyev", "Ilham Bey", "ilham alyiev"]
    assert names(people, "ilham") == [
        "Ilham", "Ilham Aliyev", "Ilham Bey", "Ilhama Guliyeva", "ilham alyiev",
    ]  # fmt: skip


def test_prefixes_ending_in_z_or_a_letter_beyond_ascii_find_exactly_their_names(
    people: Store,
) -> None:
    assert names(people, "Zaz") == ["Zaza Zhvania"]
    assert names(people, "Öz") == ["Öztürk Yılmaz"]
    assert names(people, "Oz ") == ["Oz Levi"]
    assert names(people, "Nikolai Patrushev") == ["Nikolai Patrushev"]
    assert names(people, "Nikolai Patrusheva") == []
    assert names(people, "") == []


def test_only_the_type_asked_for_is_found(people: Store) -> None:
    assert names(people, "Ilham G", "threat-actor") == ["Ilham Group"]
    assert names(people, "Ilham G") == []


def test_the_limit_bounds_the_answer(people: Store) -> None:
    found = names(people, "ilham", limit=2)
    assert len(found) == 2 and "Ilham" in found


def test_only_the_latest_version_is_found_under_its_latest_name(store: Store) -> None:
    first = person("Sergei Lavrov", modified="2026-03-01T10:00:00.000Z")
    put(store, first)
    put(store, {**first, "name": "Sergey Lavrov", "modified": "2026-03-05T10:00:00.000Z"}, at=T1)
    assert names(store, "Sergey") == ["Sergey Lavrov"]
    assert names(store, "Sergei") == []


def test_revoked_objects_are_not_found(store: Store) -> None:
    gone = person("Vladimir Ustinov", modified="2026-03-01T10:00:00.000Z")
    put(store, gone)
    put(store, {**gone, "revoked": True, "modified": "2026-03-05T10:00:00.000Z"}, at=T1)
    assert names(store, "Vladimir") == []


def test_a_viewer_finds_only_what_it_may_see(people: Store) -> None:
    assert people.find_by_name_prefix("identity", "Ilham", viewer=ANONYMOUS) == []
