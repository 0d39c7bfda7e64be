"""Identity across documents: name rules, merging references, and ingesting into a real store."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from accord.resolve import Resolver, resolve
from accord.resolve import names as rn
from accord.resolve.refs import rewrite
from accord.service import Accord
from accord.sharing import ANONYMOUS, SYSTEM
from accord.stix import extensions as ext
from accord.store import ObjectQuery, Store, open_store
from tests.factories import checked, identity, relationship, threat_actor

# --- name rules ----------------------------------------------------------------------------------

SAME_PERSON = [
    ("N. P. Patrushev", "Nikolai Patrushev"),
    ("Patrushev N. P.", "Nikolai Patrushev"),
    ("Nikolai Platonovich Patrushev", "Nikolai Patrushev"),
    ("Patrushev", "Nikolai Patrushev"),
    ("Ilham Alyiev", "Ilham Aliyev"),
    ("Ilham Heydar oglu Aliyev", "Ilham Aliyev"),
    ("Fogh Rasmussen", "Anders Fogh Rasmussen"),
    ("Wang Jianguo", "Jianguo Wang"),
    ("Sergei Lavrov", "SERGEI LAVROV"),
    ("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"),
    ("Dr. Ashraf Ghani", "Ashraf Ghani"),
]
TWO_PERSONS = [
    ("Jan Kowalski", "Anna Kowalski"),
    ("Nikolai Platonovich Patrushev", "Nikolai Pavlovich Patrushev"),
    ("I. Alyiev", "Ilham Aliyev"),  # a spelling variant needs a full given name in common
    ("Ilham Aliyev", "Ilham Alimov"),
    ("Sergei Ivanov", "Svetlana Ivanova"),
    ("Li Wei", "Lu Wei"),  # short surnames must be equal
    ("Nikolai Patrushev", "Dmitry Patrushev"),
]


@pytest.mark.parametrize(("left", "right"), SAME_PERSON)
def test_names_of_one_person_are_compatible(left: str, right: str) -> None:
    assert rn.person_compatible(left, right)
    assert rn.person_compatible(right, left)


@pytest.mark.parametrize(("left", "right"), TWO_PERSONS)
def test_names_of_two_persons_are_not(left: str, right: str) -> None:
    assert not rn.person_compatible(left, right)
    assert not rn.person_compatible(right, left)


@pytest.mark.parametrize(
    ("left", "right", "close"),
    [("alyiev", "aliyev", True), ("patrushev", "patrushew", True), ("aliyev", "alimov", False),
     ("ivanov", "divanov", False), ("li", "lu", False), ("rasmussen", "rasmusen", True)],
)  # fmt: skip
def test_surname_spellings(left: str, right: str, close: bool) -> None:
    assert rn.surnames_close(left, right) is close


@pytest.mark.parametrize(
    ("left", "right"),
    [(["CSTO"], ["Collective Security Treaty Organisation"]),
     (["the CSTO"], ["Collective Security Treaty Organization"]),
     (["Centre for Eastern Studies"], ["Center for Eastern Studies"]),
     (["EBCC"], ["Eastern Border Coordination Council"]),
     (["Shanghai Cooperation Organisation"], ["SCO"]),
     (["The Border Guard Service"], ["border guard service"])],
)  # fmt: skip
def test_names_of_one_organisation_are_compatible(left: list[str], right: list[str]) -> None:
    assert rn.organisation_compatible(left, right)
    assert rn.organisation_compatible(right, left)


@pytest.mark.parametrize(
    ("left", "right"),
    [(["NATO"], ["CSTO"]),
     (["Security Council"], ["Security Council of the Russian Federation"]),
     (["Ebcc"], ["Eastern Border Coordination Council"]),  # not written as an acronym
     (["Collective Security Treaty Organisation"], ["Commonwealth of Independent States"])],
)  # fmt: skip
def test_names_of_two_organisations_are_not(left: list[str], right: list[str]) -> None:
    assert not rn.organisation_compatible(left, right)


def test_places_must_share_a_country_as_well_as_a_name() -> None:
    assert rn.place_compatible(["St. Petersburg"], "RU", ["Saint Petersburg"], "RU")
    assert rn.place_compatible(["St Petersburg"], "RU", ["st. petersburg"], "ru")
    assert not rn.place_compatible(["St. Petersburg"], "RU", ["St. Petersburg"], "US")


def test_threat_actors_share_a_name_an_alias_or_a_gazetteer_entry() -> None:
    assert rn.threat_actor_compatible(["Al Qaida"], ["al-Qaeda"])
    assert rn.threat_actor_compatible(["Sandworm", "Voodoo Bear"], ["voodoo bear"])
    assert not rn.threat_actor_compatible(["Sandworm"], ["Turla"])


def test_blocks_are_few_and_small() -> None:
    patrushev = rn.person_blocks("N. P. Patrushev")
    assert patrushev.words == ("Patrushev",) and patrushev.prefixes == ()
    assert rn.person_blocks("Ilham Alyiev").prefixes == ("Ilham Al",)
    csto = rn.organisation_blocks(["CSTO"]).ids
    assert ext.identity_id("organization", "Collective Security Treaty Organization") == csto[0]
    assert (
        ext.identity_id("organization", "EBCC")
        in rn.organisation_blocks(["Eastern Border Coordination Council"]).ids
    )


# --- merging references --------------------------------------------------------------------------


def test_rewrite_drops_merged_objects_and_points_every_ref_at_the_stored_ones() -> None:
    new, old = "identity--new", "identity--old"
    objects = [
        {"type": "identity", "id": new, "name": "N. P. Patrushev"},
        {"type": "x-accord-role", "id": "x-accord-role--1", "holder_ref": new},
        {"type": "relationship", "id": "relationship--1", "source_ref": new, "target_ref": "x"},
        {"type": "note", "id": "note--1", "nested": {"deep": [{"speaker_ref": new}]}},
        {"type": "report", "id": "report--1", "object_refs": [new, old, "relationship--1"]},
    ]
    before = copy.deepcopy(objects)
    merged = rewrite(objects, {new: old})
    assert objects == before  # pure: the input is left alone
    assert [obj["id"] for obj in merged] == [obj["id"] for obj in objects[1:]]
    assert merged[0]["holder_ref"] == old and merged[1]["source_ref"] == old
    assert merged[2]["nested"]["deep"][0]["speaker_ref"] == old
    assert merged[3]["object_refs"] == [old, "relationship--1"]


# --- ingesting documents into a real store -------------------------------------------------------

FIRST = """Security Council secretary meets CSTO partners

MOSCOW, 12 March 2021 — Nikolai Patrushev, Secretary of the Security Council of the Russian \
Federation, met the Secretary General of the Collective Security Treaty Organisation (CSTO) in \
Moscow on Friday.
"""
SECOND = """Patrushev speaks at the CSTO

MINSK, 2 April 2021 — N. P. Patrushev, Secretary of the Security Council of the Russian \
Federation, addressed a meeting of the CSTO in Minsk on Tuesday.
"""
JAN = """Polish envoy in Vilnius

VILNIUS, 3 May 2022 — Jan Kowalski, the Polish ambassador, met officials in Vilnius.
"""
ANNA = """Polish diplomat in Riga

RIGA, 5 May 2022 — Anna Kowalski, a Polish diplomat, met officials in Riga.
"""
MEETING = """Patrushev and Kowalski meet in Moscow

MOSCOW, 12 March 2021 — Nikolai Patrushev, Secretary of the Security Council of the Russian \
Federation, met Jan Kowalski, the Polish ambassador, in Moscow on 12 March 2021.
"""
SAME_MEETING = """Russian and Polish officials hold talks

MOSCOW, 12 March 2021 — N. P. Patrushev met the Polish ambassador, Jan Kowalski, in Moscow on \
Friday to discuss border security.
"""
OTHER_MEETING = """Lavrov receives Wang Yi

MOSCOW, 12 March 2021 — Sergei Lavrov, the Russian Foreign Minister, met Wang Yi, the Chinese \
Foreign Minister, in Moscow on Friday.
"""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path}/a.db")
    try:
        yield opened
    finally:
        opened.close()


def ingest(store: Store, tmp_path: Path, **documents: str) -> None:
    accord = Accord(store)
    for name, text in documents.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text)
        report = accord.ingest_path(path)
        assert report.error is None and report.document == "added", report.as_dict()


def latest(store: Store, type_name: str) -> list[dict[str, Any]]:
    return store.query(ObjectQuery(types=[type_name]), viewer=SYSTEM).objects()


def identities(store: Store, identity_class: str) -> dict[str, str]:
    found = latest(store, "identity")
    return {o["name"]: o["id"] for o in found if o["identity_class"] == identity_class}


def from_document(objects: list[dict[str, Any]], source: str) -> list[dict[str, Any]]:
    return [o for o in objects if o["extensions"][ext.PROVENANCE_EXTENSION]["source"] == source]


def test_a_person_and_an_organisation_named_differently_are_one_entity_each(
    store: Store, tmp_path: Path
) -> None:
    ingest(store, tmp_path, first=FIRST, second=SECOND)
    people = identities(store, "individual")
    assert "N. P. Patrushev" not in people
    patrushev = people["Nikolai Patrushev"]
    organisations = identities(store, "organization")
    assert [name for name in organisations if "Collective Security" in name] == [
        "Collective Security Treaty Organization"
    ]
    roles = from_document(latest(store, ext.ROLE_TYPE), "second.txt")
    assert roles and {role["holder_ref"] for role in roles} == {patrushev}
    relationships = from_document(latest(store, "relationship"), "second.txt")
    assert patrushev in {r["source_ref"] for r in relationships}
    assert set(people.values()).isdisjoint({r["source_ref"] for r in relationships} - {patrushev})
    (report,) = [r for r in latest(store, "report") if r["name"] == "Patrushev speaks at the CSTO"]
    assert patrushev in report["object_refs"]


def test_two_people_with_one_surname_stay_two(store: Store, tmp_path: Path) -> None:
    ingest(store, tmp_path, jan=JAN, anna=ANNA)
    people = identities(store, "individual")
    assert {"Jan Kowalski", "Anna Kowalski"} <= set(people)
    assert people["Jan Kowalski"] != people["Anna Kowalski"]


def test_one_meeting_reported_twice_is_one_meeting_and_another_stays_apart(
    store: Store, tmp_path: Path
) -> None:
    ingest(store, tmp_path, meeting=MEETING, same=SAME_MEETING, other=OTHER_MEETING)
    meetings = latest(store, ext.MEETING_TYPE)
    assert len(meetings) == 2
    patrushev = identities(store, "individual")["Nikolai Patrushev"]
    (ours,) = [
        m for m in meetings
        if any(r["source_ref"] == patrushev and r["target_ref"] == m["id"]
               for r in latest(store, "relationship"))
    ]  # fmt: skip
    second = from_document(latest(store, "relationship"), "same.txt")
    assert {r["target_ref"] for r in second if r["relationship_type"] == "participates-in"} == {
        ours["id"]
    }


# --- the resolver against stored objects ---------------------------------------------------------


def put(store: Store, *objects: dict[str, Any]) -> None:
    objs, versions = checked(*objects)
    store.put_objects(objs, versions, date_added="2026-04-01T00:00:00.000Z")


def person(name: str) -> dict[str, Any]:
    return identity(
        name, identity_class="individual", object_id=ext.identity_id("individual", name)
    )


def organisation(name: str) -> dict[str, Any]:
    return identity(name, object_id=ext.identity_id("organization", name))


def place(name: str, country: str, object_id: str | None = None) -> dict[str, Any]:
    return {
        "type": "location", "spec_version": "2.1", "id": object_id or ext.place_id(name),
        "created": "2026-03-01T10:00:00.000Z", "modified": "2026-03-01T10:00:00.000Z",
        "name": name, "country": country,
    }  # fmt: skip


def test_the_resolver_merges_spellings_and_leaves_vague_or_different_names_alone(
    store: Store,
) -> None:
    aliyev, jan, anna = person("Ilham Aliyev"), person("Jan Kowalski"), person("Anna Kowalski")
    ebcc, petersburg = organisation("EBCC"), place("St. Petersburg", "RU")
    put(store, aliyev, jan, anna, ebcc, petersburg, threat_actor("Sandworm"))
    incoming = [
        alyiev := person("Ilham Alyiev"),
        bare := person("Kowalski"),
        council := organisation("Eastern Border Coordination Council"),
        spb := place("St Petersburg", "RU"),
        elsewhere := place("St Petersburg", "US", ext.place_id("St Petersburg, FL")),
        role := {"type": ext.ROLE_TYPE, "id": "x-accord-role--1", "holder_ref": alyiev["id"]},
        link := relationship(council["id"], spb["id"], "located-at"),
    ]
    objects, merged = resolve(incoming, store, viewer=SYSTEM)
    assert merged == {
        alyiev["id"]: aliyev["id"],
        council["id"]: ebcc["id"],
        spb["id"]: petersburg["id"],
    }
    assert [o["id"] for o in objects] == [bare["id"], elsewhere["id"], role["id"], link["id"]]
    assert objects[2]["holder_ref"] == aliyev["id"]
    assert (objects[3]["source_ref"], objects[3]["target_ref"]) == (ebcc["id"], petersburg["id"])


def test_the_resolver_sees_only_what_the_viewer_may_see(store: Store) -> None:
    put(store, person("Ilham Aliyev"))
    incoming = [person("Ilham Alyiev")]
    assert resolve(incoming, store, viewer=ANONYMOUS) == (incoming, {})


# --- the cost stays linear: bounded work per entity ----------------------------------------------

SYLLABLES = [
    "ka",
    "ro",
    "mi",
    "ta",
    "vel",
    "su",
    "dor",
    "ni",
    "ga",
    "bek",
    "lo",
    "zar",
    "tu",
    "pe",
    "shan",
    "vo",
    "ri",
    "dem",
    "ko",
    "lan",
    "mur",
    "sa",
    "tek",
    "ba",
    "yel",
]


def synthetic_people(count: int, seed: int) -> list[str]:
    """Names as varied as real ones: some 600 given names, 15,625 surnames."""
    rng = random.Random(seed)
    given = [(a + b + c).title() for a in SYLLABLES for b in SYLLABLES[:8] for c in "aeo"]
    surnames = [a + b + c + "ov" for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES]
    return [f"{rng.choice(given)} {surname.title()}" for surname in rng.sample(surnames, count)]


def most_comparisons(tmp_path: Path, stored: int) -> tuple[int, int]:
    """(the most candidates compared for one incoming person, variants merged) when 60 persons
    (40 variants of stored names, 20 new) are resolved against `stored` stored persons."""
    names = synthetic_people(stored + 20, seed=7)
    store = open_store(f"sqlite:///{tmp_path}/scale-{stored}.db")
    try:
        put(store, *(person(name) for name in names[:stored]))
        variants = [f"{n[0]}. {n.split()[1]}" for n in names[:20]]
        variants += [f"{n.split()[0]} {n.split()[1][:-1]}w" for n in names[20:40]]  # -ov -> -ow
        incoming = [person(name) for name in variants + names[stored:]]
        resolver = Resolver(store, viewer=SYSTEM)
        _, merged = resolver.resolve(incoming)
        merged_variants = sum(obj["id"] in merged for obj in incoming[:40])
        return max(resolver.comparisons.values(), default=0), merged_variants
    finally:
        store.close()


def test_work_per_entity_stays_bounded_as_the_store_grows(tmp_path: Path) -> None:
    small, small_merged = most_comparisons(tmp_path, 300)
    large, large_merged = most_comparisons(tmp_path, 3000)
    assert small_merged == large_merged == 40
    assert max(small, large) <= 8  # blocks hold a handful of names, not a share of the store
