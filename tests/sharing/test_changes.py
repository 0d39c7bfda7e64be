"""Sharing and unsharing, deletion, the TLP cap and the audit log, on both engines."""

from __future__ import annotations

import pytest

from accord.errors import ForbiddenError, InputError, NotFoundError
from accord.service import Accord
from accord.sharing import SYSTEM, user
from accord.store import ObjectQuery, Store
from accord.store.model import Sharing
from accord.vocab import TLP, Distribution, Role
from tests.sharing.model import Src, World, build_store, entity_id, facts, report_id, viewer

A, B, C = 1, 2, 3


def world() -> World:
    # Group 1: owned by A, members A and B. A's first source names person 0; B's names 0 too.
    return World(3, [(A, frozenset({A, B}))], [
        Src(A, "amber", "owner", (), frozenset({0})),
        Src(B, "green", "owner", (), frozenset({0, 1})),
    ])  # fmt: skip


def ids(service: Accord, org: int) -> set[str]:
    return set(service.query(ObjectQuery(limit=1000), viewer=viewer(org)).ids)


@pytest.fixture
def setup(store: Store) -> tuple[Accord, World]:
    w = world()
    build_store(store, w)
    return Accord(store), w


def editor(org: int) -> object:
    return user(f"editor{org}", org_id=org, role=Role.EDITOR)


def test_sharing_and_unsharing_hold_at_the_next_read(setup: tuple[Accord, World]) -> None:
    service, w = setup
    mine = {o["id"] for o in facts(w.sources[0])}
    assert not mine & ids(service, B)
    service.share(report_id(w.sources[0]), Sharing(TLP.AMBER, Distribution.GROUPS, (1,)),
                  viewer=editor(A))  # fmt: skip
    assert mine <= ids(service, B)
    assert not mine & ids(service, C)  # not a member of the group
    service.share(report_id(w.sources[0]), Sharing(TLP.AMBER, Distribution.COMMUNITY),
                  viewer=editor(A))  # fmt: skip
    assert mine <= ids(service, C)
    service.share(report_id(w.sources[0]), Sharing(), viewer=editor(A))  # back to owner-only
    assert not mine & ids(service, B) and not mine & ids(service, C)


def test_only_the_owner_may_share_and_others_cannot_learn_of_unshared_sources(
    setup: tuple[Accord, World],
) -> None:
    service, w = setup
    key = report_id(w.sources[0])
    with pytest.raises(NotFoundError) as hidden:  # B cannot see it: not found, not forbidden
        service.share(key, Sharing(TLP.CLEAR, Distribution.COMMUNITY), viewer=editor(B))
    with pytest.raises(NotFoundError) as never:
        service.share("report--00000000-0000-4000-8000-000000000000", Sharing(),
                      viewer=editor(B))  # fmt: skip
    assert str(hidden.value).replace(key, "?") == str(never.value).split(": ")[0] + ": ?"
    service.share(key, Sharing(TLP.GREEN, Distribution.COMMUNITY), viewer=editor(A))
    with pytest.raises(ForbiddenError):  # B sees it now, but A owns it
        service.share(key, Sharing(), viewer=editor(B))
    with pytest.raises(ForbiddenError):  # a reader may not share even its own
        service.share(report_id(w.sources[1]), Sharing(), viewer=viewer(B))


def test_tlp_caps_the_distribution() -> None:
    with pytest.raises(InputError, match="RED may not be distributed to community"):
        Sharing(TLP.RED, Distribution.COMMUNITY)
    with pytest.raises(InputError, match="AMBER may not be distributed to federation"):
        Sharing(TLP.AMBER, Distribution.FEDERATION)
    with pytest.raises(InputError, match="at least one sharing group"):
        Sharing(TLP.RED, Distribution.GROUPS)
    assert Sharing(TLP.AMBER_STRICT, Distribution.GROUPS, (1,)).groups == (1,)


def test_groups_a_source_is_shared_with_must_be_its_owners(setup: tuple[Accord, World]) -> None:
    service, _ = setup
    with pytest.raises(InputError, match="no sharing group 1 that the owner belongs to"):
        # C is not in group 1 and does not own it
        service.store.put_objects([], [], date_added="2026-05-02T00:00:00.000Z",
                                  source=_source(C, Sharing(TLP.RED, Distribution.GROUPS, (1,))))  # fmt: skip


def _source(org: int, sharing: Sharing) -> object:
    from accord.store.model import NewSource

    return NewSource("bundle", "bundle--x", None, org, sharing)


def test_deleting_a_source_takes_its_facts_and_leaves_shared_entities(
    setup: tuple[Accord, World],
) -> None:
    service, w = setup
    first, second = w.sources
    service.share(report_id(first), Sharing(TLP.GREEN, Distribution.COMMUNITY), viewer=editor(A))
    with pytest.raises(ForbiddenError):
        service.delete_document(report_id(first), viewer=editor(B))
    service.delete_document(report_id(first), viewer=editor(A))
    left = set(service.query(ObjectQuery(limit=1000), viewer=SYSTEM).ids)
    assert not {o["id"] for o in facts(first)} & left
    assert entity_id(0) in left  # B's source names it too
    assert entity_id(0) in ids(service, B) and entity_id(0) not in ids(service, A)
    with pytest.raises(NotFoundError):
        service.document(report_id(first), viewer=SYSTEM)
    assert {s.ref for s in service.sources(viewer=SYSTEM)} == {report_id(second)}


def test_reads_of_red_content_and_sharing_changes_are_audited(
    setup: tuple[Accord, World],
) -> None:
    service, w = setup
    first = w.sources[0]
    campaign = next(o["id"] for o in facts(first) if o["type"] == "campaign")
    service.share(report_id(first), Sharing(TLP.RED, Distribution.GROUPS, (1,)), viewer=editor(A))
    service.get(campaign, viewer=viewer(B))
    service.get(entity_id(1), viewer=viewer(B))  # B's own GREEN entity: not audited
    events, _ = service.audit(viewer=SYSTEM, limit=100)
    reads = [e for e in events if e["action"] == "read.restricted"]
    assert [(e["actor"], e["target"]) for e in reads] == [("user2", campaign)]
    shares = [e for e in events if e["action"] == "source.share"]
    assert shares[0]["detail"]["tlp"] == "red" and shares[0]["detail"]["was"]["tlp"] == "amber"
    with pytest.raises(ForbiddenError):
        service.audit(viewer=editor(A))


def test_the_audit_log_refuses_changes(store: Store) -> None:
    from accord.errors import StoreError

    store.append_audit([("2026-05-01T00:00:00Z", "system", None, "test", None, "ok", None)])
    for sql in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(StoreError, match="append-only"), store._write() as tx:
            tx.execute(sql)
    assert len(store.audit(viewer=SYSTEM)[0]) == 1


def test_a_document_s_facts_carry_its_current_tlp(setup: tuple[Accord, World]) -> None:
    """Accord wrote a document's facts, so a change of level versions them with the new
    marking: what a reader is served never claims a laxer level than the one in force."""
    from accord.stix.markings import TLP_MARKING_IDS

    service, w = setup
    first = w.sources[0]
    campaign = next(o["id"] for o in facts(first) if o["type"] == "campaign")
    before = service.versions(campaign, viewer=SYSTEM)
    service.share(report_id(first), Sharing(TLP.GREEN, Distribution.COMMUNITY), viewer=editor(A))
    service.share(report_id(first), Sharing(TLP.RED, Distribution.GROUPS, (1,)), viewer=editor(A))
    served = service.get(campaign, viewer=viewer(B))
    assert served["object_marking_refs"] == [TLP_MARKING_IDS[TLP.RED]]
    assert len(service.versions(campaign, viewer=SYSTEM)) == len(before) + 2
    marking = service.get(TLP_MARKING_IDS[TLP.RED], viewer=viewer(B))
    assert marking["name"] == "TLP:RED"
    # the same level again writes nothing new
    service.share(report_id(first), Sharing(TLP.RED, Distribution.GROUPS, (1,)), viewer=editor(A))
    assert len(service.versions(campaign, viewer=SYSTEM)) == len(before) + 2


def test_an_administrator_reads_only_its_organisation_s_audit_events(
    setup: tuple[Accord, World],
) -> None:
    service, w = setup
    service.get(entity_id(0), viewer=viewer(A))
    service.share(report_id(w.sources[0]), Sharing(TLP.RED, Distribution.GROUPS, (1,)),
                  viewer=editor(A))  # fmt: skip
    service.share(report_id(w.sources[1]), Sharing(TLP.AMBER, Distribution.COMMUNITY),
                  viewer=editor(B))  # fmt: skip
    admin_a = user("admin", org_id=A, role=Role.ADMIN)
    events, _ = service.audit(viewer=admin_a)
    assert events and {e["org_id"] for e in events} == {A}
    everything, _ = service.audit(viewer=SYSTEM)
    assert {e["org_id"] for e in everything} >= {A, B}
