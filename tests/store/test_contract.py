"""The store contract: every engine must pass every test here."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest

from accord.errors import BundleError, InputError, NotFoundError
from accord.sharing import ANONYMOUS, SYSTEM, Principal, PrincipalKind
from accord.store import Document, ObjectQuery, Store
from accord.vocab import Role
from tests.factories import AUTHOR, TLP_GREEN, checked, identity, relationship, threat_actor

T0 = "2026-04-01T00:00:00.000Z"
T1 = "2026-04-02T00:00:00.000Z"
OUTSIDER = Principal(PrincipalKind.USER, "bob", org_id=99, role=Role.ADMIN)


def put(store: Store, *objects: dict[str, Any], at: str = T0, **kwargs: Any):
    objs, versions = checked(*objects)
    return store.put_objects(objs, versions, date_added=at, **kwargs)


def all_ids(store: Store, query: ObjectQuery) -> list[str]:
    return [obj["id"] for obj in _objects(store, query)]


def _objects(store: Store, query: ObjectQuery) -> list[dict[str, Any]]:
    import orjson

    return [orjson.loads(raw) for raw in store.iter_query(query, viewer=SYSTEM)]


def test_put_then_get_returns_the_object_as_given(store: Store) -> None:
    council = identity(description="Coordinates border security")
    result = put(store, council)
    assert (result.added, result.unchanged) == (1, 0)
    assert store.get(council["id"], viewer=SYSTEM) == council


def test_same_objects_twice_add_nothing(store: Store) -> None:
    objects = [identity(), identity("Ministry of Interior")]
    put(store, *objects)
    again = put(store, *objects, at=T1)
    assert (again.added, again.new_versions, again.history, again.unchanged) == (0, 0, 0, 2)
    assert store.stats(viewer=SYSTEM).versions == 2


def test_newer_modified_adds_a_version_and_becomes_latest(store: Store) -> None:
    first = identity("Council", modified="2026-03-01T10:00:00.000Z")
    second = {**first, "modified": "2026-03-05T10:00:00.000Z", "name": "Council (renamed)"}
    put(store, first)
    result = put(store, second, at=T1)
    assert result.new_versions == 1
    assert store.get(first["id"], viewer=SYSTEM)["name"] == "Council (renamed)"
    assert [v["modified"] for v in store.versions(first["id"], viewer=SYSTEM)] == [
        first["modified"], second["modified"],
    ]  # fmt: skip


def test_older_version_is_kept_as_history_without_replacing_latest(store: Store) -> None:
    newer = identity("Council v2", modified="2026-03-05T10:00:00.000Z")
    older = {**newer, "modified": "2026-03-01T10:00:00.000Z", "name": "Council v1"}
    put(store, newer)
    result = put(store, older, at=T1)
    assert (result.history, result.new_versions) == (1, 0)
    assert store.get(newer["id"], viewer=SYSTEM)["name"] == "Council v2"
    assert len(store.versions(newer["id"], viewer=SYSTEM)) == 2


def test_several_versions_in_one_bundle_mark_only_the_newest_latest(store: Store) -> None:
    base = identity("v1", modified="2026-03-01T10:00:00.000Z")
    versions = [
        {**base, "name": f"v{n}", "modified": f"2026-03-0{n}T10:00:00.000Z"} for n in (3, 1, 2)
    ]
    put(store, *versions)
    assert store.get(base["id"], viewer=SYSTEM)["name"] == "v3"
    latest_only = all_ids(store, ObjectQuery(ids=[base["id"]]))
    assert latest_only == [base["id"]]
    assert len(all_ids(store, ObjectQuery(ids=[base["id"]], versions="all"))) == 3


def test_equal_instants_written_differently_are_one_version(store: Store) -> None:
    obj = identity(modified="2026-03-01T10:00:00Z", created="2026-03-01T10:00:00Z")
    same = {**obj, "modified": "2026-03-01T10:00:00.000Z"}
    put(store, obj)
    with pytest.raises(BundleError, match="already stored with different content"):
        put(store, same, at=T1)


def test_conflicting_content_for_a_stored_version_rejects_the_whole_write(store: Store) -> None:
    obj = identity("Original")
    put(store, obj)
    fresh = identity("Brand new")
    with pytest.raises(BundleError) as caught:
        put(store, {**obj, "name": "Tampered"}, fresh, at=T1)
    assert caught.value.problems[0].object_id == obj["id"]
    with pytest.raises(NotFoundError):
        store.get(fresh["id"], viewer=SYSTEM)
    assert store.get(obj["id"], viewer=SYSTEM)["name"] == "Original"


def test_skip_conflicts_writes_the_rest_and_reports_the_conflict(store: Store) -> None:
    obj = identity("Original")
    put(store, obj)
    fresh = identity("Brand new")
    result = put(store, {**obj, "name": "Tampered"}, fresh, at=T1, skip_conflicts=True)
    assert (result.added, result.rejected) == (1, 1)
    assert result.problems[0].object_id == obj["id"]
    assert store.get(fresh["id"], viewer=SYSTEM)["name"] == "Brand new"


def test_an_error_during_the_write_leaves_the_store_unchanged(store: Store) -> None:
    put(store, identity("Before"))
    before = store.stats(viewer=SYSTEM)
    many = [identity(f"Org {n}") for n in range(12_000)]  # more than one chunk

    def fail(done: int, total: int) -> None:
        raise RuntimeError("crash half-way")

    objs, versions = checked(*many)
    with pytest.raises(RuntimeError):
        store.put_objects(objs, versions, date_added=T1, progress=fail)
    assert store.stats(viewer=SYSTEM) == before
    assert put(store, *many, at=T1).added == 12_000


def test_keyset_pages_cover_everything_once_even_while_objects_arrive(store: Store) -> None:
    first_batch = [identity(f"Org {n}") for n in range(25)]
    put(store, *first_batch)
    seen: list[str] = []
    page = store.query(ObjectQuery(limit=10), viewer=SYSTEM)
    seen += [o["id"] for o in page.objects()]
    late = [identity(f"Late {n}") for n in range(5)]
    put(store, *late, at=T1)
    while page.next_cursor:
        page = store.query(ObjectQuery(limit=10, cursor=page.next_cursor), viewer=SYSTEM)
        seen += [o["id"] for o in page.objects()]
    assert seen == [o["id"] for o in first_batch + late]


def test_bad_cursor_and_limit_are_input_errors(store: Store) -> None:
    with pytest.raises(InputError, match="cursor"):
        store.query(ObjectQuery(cursor="not-a-cursor"), viewer=SYSTEM)
    with pytest.raises(InputError, match="limit"):
        ObjectQuery(limit=0)
    with pytest.raises(InputError, match="added_after"):
        store.query(ObjectQuery(added_after="yesterday"), viewer=SYSTEM)


def test_filters_by_indexed_columns(store: Store) -> None:
    council = identity("Council", object_marking_refs=[TLP_GREEN])
    ministry = identity("Ministry")
    link = relationship(council["id"], ministry["id"])
    put(store, council, ministry, link)
    assert all_ids(store, ObjectQuery(types=["relationship"])) == [link["id"]]
    assert all_ids(store, ObjectQuery(source_refs=[council["id"]])) == [link["id"]]
    assert all_ids(store, ObjectQuery(target_refs=[ministry["id"]])) == [link["id"]]
    assert all_ids(store, ObjectQuery(marking_refs=[TLP_GREEN])) == [council["id"]]
    assert set(all_ids(store, ObjectQuery(created_by_refs=[AUTHOR]))) == {
        council["id"], ministry["id"],
    }  # fmt: skip
    assert all_ids(store, ObjectQuery(spec_versions=["2.0"])) == []


def test_added_after_and_modified_after(store: Store) -> None:
    early = identity(
        "Early", modified="2026-01-01T00:00:00.000Z", created="2026-01-01T00:00:00.000Z"
    )
    late = identity("Late", modified="2026-06-01T00:00:00.000Z")
    put(store, early, at="2026-04-01T00:00:00Z")
    put(store, late, at="2026-04-03T00:00:00Z")
    assert all_ids(store, ObjectQuery(added_after="2026-04-02T00:00:00Z")) == [late["id"]]
    assert all_ids(store, ObjectQuery(modified_after="2026-03-01T00:00:00Z")) == [late["id"]]


def test_date_added_never_goes_back_even_if_the_clock_does(store: Store) -> None:
    put(store, identity("First"), at="2026-05-01T00:00:00Z")
    put(store, identity("Second"), at="2026-04-01T00:00:00Z")
    assert all_ids(store, ObjectQuery(added_after="2026-04-15T00:00:00Z")) != []
    assert len(all_ids(store, ObjectQuery(added_after="2026-04-15T00:00:00Z"))) == 2


def test_revoked_objects_can_be_left_out(store: Store) -> None:
    live, gone = identity("Live"), identity("Gone", revoked=True)
    put(store, live, gone)
    assert all_ids(store, ObjectQuery(include_revoked=False)) == [live["id"]]
    assert store.stats(viewer=SYSTEM).revoked == 1


def test_search_finds_names_descriptions_and_aliases(store: Store) -> None:
    council = threat_actor("Black Caravan Network", aliases=["Karavan"])
    report = identity("Ministry", description="Talks on drug trafficking along the border")
    put(store, council, report)
    assert [h.id for h in store.search("caravan", viewer=SYSTEM)] == [council["id"]]
    assert [h.id for h in store.search("karavan", viewer=SYSTEM)] == [council["id"]]
    assert [h.id for h in store.search("trafficking border", viewer=SYSTEM)] == [report["id"]]
    assert store.search("trafficking caravan", viewer=SYSTEM) == []


def test_search_ranks_name_matches_first_and_filters_types(store: Store) -> None:
    named = identity("Border Police")
    described = identity("Ministry", description="works with the border police")
    put(store, described, named)
    hits = store.search("border police", viewer=SYSTEM)
    assert hits[0].id == named["id"]
    assert store.search("border", viewer=SYSTEM, types=["relationship"]) == []


@pytest.mark.parametrize("text", ['"unbalanced', "a AND OR NOT (", "*", "-x", "NEAR(a b)"])
def test_search_takes_any_text_without_failing(store: Store, text: str) -> None:
    put(store, identity("Some name"))
    with contextlib.suppress(InputError):  # "nothing to search for" is fine; a crash is not
        store.search(text, viewer=SYSTEM)


def test_search_only_sees_latest_versions(store: Store) -> None:
    first = identity("Old Name", modified="2026-03-01T10:00:00.000Z")
    put(store, first, {**first, "name": "New Name", "modified": "2026-03-02T10:00:00.000Z"})
    assert store.search("old", viewer=SYSTEM) == []
    assert [h.name for h in store.search("new", viewer=SYSTEM)] == ["New Name"]


def test_stats_counts_latest_objects_by_type(store: Store) -> None:
    a, b = identity("A"), identity("B")
    put(store, a, b, relationship(a["id"], b["id"]), {**a, "modified": "2026-03-09T00:00:00.000Z"})
    stats = store.stats(viewer=SYSTEM)
    assert (stats.objects, stats.versions) == (3, 4)
    assert stats.by_type == {"identity": 2, "relationship": 1}


def test_documents_are_stored_once_per_text(store: Store) -> None:
    doc = Document(id="document--1", sha256="ab" * 32, text="The council met.", title="Met")
    assert store.put_document(doc, date_added=T0) is True
    assert store.put_document(doc, date_added=T1) is False
    assert store.get_document("document--1", viewer=SYSTEM).text == "The council met."
    assert store.get_document("ab" * 32, viewer=SYSTEM).title == "Met"
    assert store.stats(viewer=SYSTEM).documents == 1


@pytest.mark.parametrize("viewer", [OUTSIDER, ANONYMOUS])
def test_a_viewer_without_rights_sees_nothing_on_any_read_path(
    store: Store, viewer: Principal
) -> None:
    obj = identity("Secret council", description="classified")
    put(store, obj)
    store.put_document(Document("document--2", "cd" * 32, "secret text"), date_added=T0)
    with pytest.raises(NotFoundError):
        store.get(obj["id"], viewer=viewer)
    with pytest.raises(NotFoundError):
        store.versions(obj["id"], viewer=viewer)
    with pytest.raises(NotFoundError):
        store.get_document("document--2", viewer=viewer)
    assert store.query(ObjectQuery(), viewer=viewer).items == []
    assert list(store.iter_query(ObjectQuery(versions="all"), viewer=viewer)) == []
    assert store.search("secret", viewer=viewer) == []
    stats = store.stats(viewer=viewer)
    assert (stats.objects, stats.versions, stats.documents, stats.by_type) == (0, 0, 0, {})


def test_unknown_ids_are_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="identity--"):
        store.get("identity--00000000-0000-4000-8000-000000000000", viewer=SYSTEM)


def test_relationships_are_found_through_their_ends_not_by_full_text(store: Store) -> None:
    a, b = identity("Caspian Partnership"), identity("Border Service")
    link = {**relationship(a["id"], b["id"]), "description": "cooperation on smuggling"}
    put(store, a, b, link)
    assert store.search("smuggling", viewer=SYSTEM) == []
    assert all_ids(store, ObjectQuery(source_refs=[a["id"]])) == [link["id"]]


def test_control_characters_survive_storage(store: Store) -> None:
    odd = identity("Nul\x00in the name", description="tab\there, bell\x07, emoji \U0001f6e1")
    put(store, odd)
    assert store.get(odd["id"], viewer=SYSTEM) == odd
