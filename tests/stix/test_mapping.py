"""Findings as a STIX 2.1 bundle: valid for Accord and for the OASIS validator, deterministic,
every fact its own object, every extracted object with provenance that points at its evidence,
and a bundle the store takes whole."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from accord.clock import FixedClock
from accord.extraction.findings import (
    Country,
    Findings,
    Initiative,
    Location,
    Meeting,
    Organisation,
    Person,
    Quote,
    Span,
    ThreatActor,
    TopicFinding,
    When,
)
from accord.extraction.pipeline import extract
from accord.stix import extensions as ext
from accord.stix.bundle import check_bundle
from accord.stix.mapping import to_bundle
from accord.stix.validate import check_object
from accord.vocab import (
    DateGranularity,
    InitiativeKind,
    InitiativeStatus,
    MeetingFormat,
    MeetingStatus,
    Topic,
)

CREATED = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
DOC = "doc-0001"
PROVENANCE = "extension-definition--1ef22a79-d825-4dd3-8df5-e6b89bdb1f19"
NEW_SDO_EXTENSIONS = {
    "x-accord-meeting": "extension-definition--656dcced-1589-4dad-9c70-4dbbc40bd070",
    "x-accord-initiative": "extension-definition--1c35fe41-616c-4912-859e-4b9e7818f216",
    "x-accord-quote": "extension-definition--f1257683-0816-4811-9cc5-533c25ea1187",
    "x-accord-role": "extension-definition--ffcf7a6e-f52f-41e6-9e73-dd4d00697b70",
}
META = {"identity--9d4df2ed-8db1-4f17-a8e5-4e176523bd3a", PROVENANCE, *NEW_SDO_EXTENSIONS.values()}
# Warnings the OASIS validator may give, and why they stay:
#   103: deterministic ids are UUIDv5; STIX says SDO ids SHOULD be UUIDv4.
#   202: affiliated-with and participates-in are custom relationship types.
#   223: a place with no country has itself as region, outside region-ov.
ALLOWED_WARNINGS = {"103", "202", "223"}

TEXT = (
    "ALMATY, 3 March 2025 – Minister of Defence Aigul Sarsenova of Kazakhstan received "
    "General Tomasz Nowak of the North Atlantic Treaty Organization (NATO) in Almaty. "
    '"We agreed to train deminers together across Central Asia," Sarsenova said. '
    "The two sides signed a Demining Cooperation Programme with NATO, the Republic of "
    "Uzbekistan and the Regional Mine Action Centre. "
    "They discussed the Islamic Movement of Turkestan (IMT). "
    "They will meet again on the Caspian Sea in 2026."
)


def at(phrase: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of `phrase` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return (start, start + len(phrase))


def sentence(words: str) -> Span:
    start = TEXT.index(words)
    end = TEXT.find(". ", start)
    return (start, len(TEXT) if end < 0 else end + 1)


def hand_findings() -> Findings:
    first, talks = sentence("ALMATY"), sentence("The two sides")
    return Findings(
        published=date(2025, 3, 3),
        persons=(
            Person("Aigul Sarsenova", "KZ", ("Minister of Defence",),
                   (at("Aigul Sarsenova"), at("Sarsenova", 1))),
            Person("Tomasz Nowak", None, ("General",), (at("Tomasz Nowak"),)),
        ),
        organisations=(
            Organisation("North Atlantic Treaty Organization", ("NATO",), None,
                         (at("North Atlantic Treaty Organization"), at("NATO"), at("NATO", 1))),
        ),
        threat_actors=(
            ThreatActor("Islamic Movement of Turkestan", ("IMT",),
                        (at("Islamic Movement of Turkestan"), at("IMT"))),
        ),
        countries=(Country("KZ", (at("Kazakhstan"),)), Country("UZ", (at("Uzbekistan"),))),
        locations=(
            Location("Almaty", "KZ", (at("ALMATY"), at("Almaty"))),
            Location("Central Asia", None, (at("Central Asia"),)),
            Location("Caspian Sea", None, (at("Caspian Sea"),)),
        ),
        meetings=(
            Meeting(MeetingFormat.BILATERAL, MeetingStatus.HELD, When(date(2025, 3, 3)),
                    When(date(2025, 3, 3)), "Almaty", ("Aigul Sarsenova", "Tomasz Nowak"),
                    ("KZ",), (first,)),
            Meeting(MeetingFormat.BILATERAL, MeetingStatus.PLANNED,
                    When(date(2026, 1, 1), DateGranularity.YEAR), None, None, (), ("KZ", "PL"),
                    (sentence("They will meet"),)),
        ),
        topics=(
            TopicFinding(Topic.DEMINING, (at("deminers"), at("Demining"))),
            TopicFinding(Topic.TERRORISM, (at("Islamic Movement of Turkestan"),)),
        ),
        quotes=(
            Quote("Aigul Sarsenova", "We agreed to train deminers together across Central Asia,",
                  (at("We agreed to train deminers together across Central Asia,"),)),
        ),
        initiatives=(
            Initiative("Demining Cooperation Programme", InitiativeKind.PROGRAMME,
                       InitiativeStatus.SIGNED, ("NATO", "UZ", "Regional Mine Action Centre"),
                       (talks,)),
        ),
    )  # fmt: skip


def bundle_of(findings: Findings, document_id: str = DOC, **options: Any) -> dict[str, Any]:
    arguments: dict[str, Any] = {
        "title": "Minister meets NATO general", "source": "a.txt", "created": CREATED,
    }  # fmt: skip
    arguments |= options
    return to_bundle(findings, document_id=document_id, **arguments)


def by_type(bundle: dict[str, Any], type_name: str) -> list[dict[str, Any]]:
    return [obj for obj in bundle["objects"] if obj["type"] == type_name]


def named(bundle: dict[str, Any], name: str) -> dict[str, Any]:
    [found] = [obj for obj in bundle["objects"] if obj.get("name") == name]
    return found


def relationships(bundle: dict[str, Any], kind: str) -> set[tuple[str, str]]:
    return {
        (obj["source_ref"], obj["target_ref"])
        for obj in by_type(bundle, "relationship")
        if obj["relationship_type"] == kind
    }


def extracted(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    return [obj for obj in bundle["objects"] if obj["id"] not in META and obj["type"] != "report"]


# A paragraph to a line, as the genre's documents are written (not taken from any corpus).
PIPELINE_TEXT = """Caspian ministers agree on a joint coast guard centre

BAKU, 14 June 2025 (Trend) – The Minister of Internal Affairs of the Republic of Azerbaijan, Ramil Guliyev, hosted the Secretary of the Security Council of Turkmenistan, Berdi Ovezov, for talks in Baku on Saturday.

"We will not allow drug traffickers to use the Caspian Sea as a corridor to Europe," Guliyev told reporters after the meeting. Ovezov said that the two countries would share data on drug smuggling, terrorism and illegal migration.

The two sides signed an Agreement on Maritime Border Security and agreed to establish a Joint Coast Guard Centre in Turkmenbashi. The next round of talks will be held in Ashgabat in September.
"""


@pytest.fixture(scope="module")
def pipeline_findings() -> Findings:
    return extract(PIPELINE_TEXT, date(2025, 6, 14))


@pytest.fixture(params=["hand", "pipeline"])
def case(request: pytest.FixtureRequest) -> tuple[str, Findings]:
    if request.param == "hand":
        return TEXT, hand_findings()
    return PIPELINE_TEXT, request.getfixturevalue("pipeline_findings")


# --- validity -----------------------------------------------------------------------------------


def oasis(value: dict[str, Any]) -> tuple[list[str], set[str]]:
    from stix2validator import ValidationOptions, validate_parsed_json

    result = validate_parsed_json(value, ValidationOptions(version="2.1", silent=True))
    results = result if isinstance(result, list) else [result]
    errors = [str(error) for item in results for error in item.errors]
    warnings = {m for item in results for w in item.warnings for m in re.findall(r"\{(\d+)\}", w)}
    return errors, warnings


def test_every_object_passes_accords_checks_and_the_oasis_validator(case) -> None:
    _, findings = case
    bundle = bundle_of(findings)
    for obj in bundle["objects"]:
        assert check_object(obj) == [], obj
    checked = check_bundle("a.json", bundle["id"], bundle["objects"])
    assert (checked.problems, checked.rejected, checked.duplicates) == ([], 0, 0)
    errors, warnings = oasis(bundle)
    assert errors == []
    assert warnings <= ALLOWED_WARNINGS


def test_accords_own_objects_draw_no_oasis_warning() -> None:
    for obj in [ext.accord_identity(), *ext.extension_definitions()]:
        assert oasis(obj) == ([], set()), obj["id"]


def test_an_empty_document_still_gives_a_valid_bundle() -> None:
    bundle = bundle_of(Findings(), title=None)
    [report] = by_type(bundle, "report")
    assert report["object_refs"] == ["identity--9d4df2ed-8db1-4f17-a8e5-4e176523bd3a"]
    assert report["name"] == "a.txt"
    assert report["published"] == "2026-03-01T12:00:00.000000Z"
    assert oasis(bundle)[0] == []
    assert all(check_object(obj) == [] for obj in bundle["objects"])


# --- ids ----------------------------------------------------------------------------------------


def test_the_same_findings_give_the_same_bytes(case) -> None:
    _, findings = case
    assert orjson.dumps(bundle_of(findings)) == orjson.dumps(bundle_of(findings))


def test_entities_keep_their_ids_across_documents_and_facts_do_not() -> None:
    one = bundle_of(hand_findings())
    other = Findings(
        persons=(Person("  AIGUL   SARSENOVÁ ", None, ("Minister of Defence",), ((0, 5),)),),
        countries=(Country("kz", ((6, 9),)),),
        locations=(Location("almaty", None, ((10, 16),)),),
    )
    two = bundle_of(other, document_id="doc-0002")
    for name, other_name in [("Aigul Sarsenova", "  AIGUL   SARSENOVÁ "), ("Kazakhstan", "Kazakhstan"),
                             ("Almaty", "almaty")]:  # fmt: skip
        assert named(one, name)["id"] == named(two, other_name)["id"]
    roles = [{obj["id"] for obj in by_type(bundle, "x-accord-role")} for bundle in (one, two)]
    assert roles[0] and roles[1] and not roles[0] & roles[1]
    assert one["id"] != two["id"]


def test_a_person_and_an_organisation_of_one_name_are_two_entities() -> None:
    assert ext.identity_id("individual", "Trend") != ext.identity_id("organization", "Trend")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Aigul  Sarsenova", "aigul sarsenova"),
        ("Hadžiomerović", "hadziomerovic"),
        ("ＮＡＴＯ", "nato"),  # fullwidth letters: NFKC
        ("al\u2011Qaeda", "al-qaeda"),
        ("Shaikh\u2019s\tOffice ", "shaikh's office"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
    ],
)
def test_names_are_normalised_before_they_make_ids(name: str, key: str) -> None:
    assert ext.name_key(name) == key


def test_two_findings_of_one_entity_make_one_object_with_both_spans() -> None:
    findings = Findings(
        persons=(
            Person("Aigul Sarsenova", None, (), ((0, 15),)),
            Person("AIGUL SARSENOVA", None, (), ((20, 35),)),
        )
    )
    [person] = [obj for obj in by_type(bundle_of(findings), "identity") if obj["id"] not in META]
    assert person["name"] == "Aigul Sarsenova"
    assert person["extensions"][PROVENANCE]["spans"] == [[0, 15], [20, 35]]


# --- provenance ---------------------------------------------------------------------------------


def test_every_extracted_object_carries_its_provenance(case) -> None:
    text, findings = case
    bundle = bundle_of(findings, sha256="ab" * 32)
    for obj in [*extracted(bundle), *by_type(bundle, "report")]:
        provenance = obj["extensions"][PROVENANCE]
        assert provenance["extension_type"] == "property-extension"
        assert provenance["document_id"] == DOC
        assert provenance["source"] == "a.txt"
        assert provenance["sha256"] == "ab" * 32
        assert provenance["extractor"] == ext.EXTRACTOR
    for obj in extracted(bundle):
        spans = obj["extensions"][PROVENANCE]["spans"]
        assert spans == sorted(spans) and spans
        assert all(0 <= start < end <= len(text) for start, end in spans), obj


def test_spans_point_at_the_evidence(case) -> None:
    text, findings = case
    bundle = bundle_of(findings)

    def evidence(obj: dict[str, Any]) -> list[str]:
        return [text[start:end] for start, end in obj["extensions"][PROVENANCE]["spans"]]

    for person in findings.persons:
        for found in evidence(named(bundle, person.name)):
            assert set(found.casefold().split()) <= set(person.name.casefold().split())
    for place in findings.locations:
        assert place.name.casefold() in {
            found.casefold() for found in evidence(named(bundle, place.name))
        }
    for quote in by_type(bundle, "x-accord-quote"):
        assert any(quote["text"] in found for found in evidence(quote))
    for initiative in by_type(bundle, "x-accord-initiative"):
        assert any(initiative["name"] in found for found in evidence(initiative))


def test_an_organisations_other_names_are_in_its_provenance() -> None:
    nato = named(bundle_of(hand_findings()), "North Atlantic Treaty Organization")
    assert nato["identity_class"] == "organization"
    assert "aliases" not in nato  # STIX identities have none
    assert nato["extensions"][PROVENANCE]["aliases"] == ["NATO"]


# --- the report ---------------------------------------------------------------------------------


def test_the_report_refers_to_every_extracted_object(case) -> None:
    _, findings = case
    bundle = bundle_of(findings)
    [report] = by_type(bundle, "report")
    ids = [obj["id"] for obj in extracted(bundle)]
    assert report["object_refs"] == ids
    assert len(set(ids)) == len(ids)


def test_every_reference_resolves_inside_the_bundle(case) -> None:
    _, findings = case
    bundle = bundle_of(findings)
    ids = {obj["id"] for obj in bundle["objects"]}

    def refs(value: Any, key: str = "") -> list[str]:
        if isinstance(value, dict):
            return [ref for k, v in value.items() for ref in refs(v, k)]
        if isinstance(value, list):
            return [ref for item in value for ref in refs(item, key)]
        return [value] if key.endswith(("_ref", "_refs")) else []

    assert set(refs(bundle["objects"])) <= ids


def test_the_report_names_dates_and_labels_the_document() -> None:
    [report] = by_type(bundle_of(hand_findings()), "report")
    assert report["name"] == "Minister meets NATO general"
    assert report["published"] == "2025-03-03T00:00:00Z"
    assert report["labels"] == ["demining", "terrorism"]
    assert report["report_types"] == ["threat-report"]
    assert report["created"] == report["modified"] == "2026-03-01T12:00:00.000000Z"


def test_the_author_creates_every_extracted_object() -> None:
    author = "identity--6f1d8a3e-93a6-4b49-8c7f-111111111111"
    bundle = bundle_of(hand_findings(), author_ref=author)
    assert {obj["created_by_ref"] for obj in extracted(bundle)} == {author}
    default = bundle_of(hand_findings())
    assert {obj["created_by_ref"] for obj in extracted(default)} == {ext.ACCORD_IDENTITY_ID}


# --- entities and facts -------------------------------------------------------------------------


def test_entities_are_standard_objects() -> None:
    bundle = bundle_of(hand_findings())
    assert named(bundle, "Aigul Sarsenova")["identity_class"] == "individual"
    assert "roles" not in named(bundle, "Aigul Sarsenova")  # roles are facts of their own
    assert named(bundle, "Kazakhstan")["country"] == "KZ"
    assert named(bundle, "Almaty")["country"] == "KZ"
    assert named(bundle, "Central Asia")["region"] == "central-asia"
    assert named(bundle, "Caspian Sea")["region"] == "caspian-sea"
    actor = named(bundle, "Islamic Movement of Turkestan")
    assert (actor["type"], actor["aliases"]) == ("threat-actor", ["IMT"])


def test_custom_objects_are_declared_by_extension_definitions() -> None:
    bundle = bundle_of(hand_findings())
    definitions = {obj["id"]: obj for obj in by_type(bundle, "extension-definition")}
    assert set(definitions) == {PROVENANCE, *NEW_SDO_EXTENSIONS.values()}
    assert definitions[PROVENANCE]["extension_types"] == ["property-extension"]
    for type_name, extension in NEW_SDO_EXTENSIONS.items():
        assert definitions[extension]["extension_types"] == ["new-sdo"]
        assert definitions[extension]["version"] == "1.0.0"
        objects = by_type(bundle, type_name)
        assert objects, type_name
        for obj in objects:
            assert obj["extensions"][extension] == {"extension_type": "new-sdo"}


def test_roles_and_affiliations_are_facts_of_their_own() -> None:
    bundle = bundle_of(hand_findings())
    sarsenova = named(bundle, "Aigul Sarsenova")["id"]
    roles = {(obj["holder_ref"], obj["role"]) for obj in by_type(bundle, "x-accord-role")}
    assert (sarsenova, "Minister of Defence") in roles
    assert len(roles) == 2
    kazakhstan = named(bundle, "Kazakhstan")["id"]
    assert relationships(bundle, "affiliated-with") == {(sarsenova, kazakhstan)}


def test_quotes_keep_their_exact_text_and_their_speaker() -> None:
    bundle = bundle_of(hand_findings())
    [quote] = by_type(bundle, "x-accord-quote")
    assert quote["text"] == "We agreed to train deminers together across Central Asia,"
    assert quote["speaker_ref"] == named(bundle, "Aigul Sarsenova")["id"]


def test_meetings_with_their_place_dates_and_participants() -> None:
    bundle = bundle_of(hand_findings())
    held, planned = by_type(bundle, "x-accord-meeting")
    assert held["name"] == "Bilateral meeting in Almaty, 2025-03-03"
    assert (held["format"], held["status"]) == ("bilateral", "held")
    assert (held["start"], held["start_granularity"]) == ("2025-03-03T00:00:00Z", "day")
    assert held["location_ref"] == named(bundle, "Almaty")["id"]
    assert planned["name"] == "Planned bilateral meeting, 2026"
    assert planned["start_granularity"] == "year" and "location_ref" not in planned
    participants = relationships(bundle, "participates-in")
    for name in ("Aigul Sarsenova", "Tomasz Nowak", "Kazakhstan"):
        assert (named(bundle, name)["id"], held["id"]) in participants
    # Poland is named only as a party to the planned meeting: it is made, with that evidence.
    poland = next(obj for obj in by_type(bundle, "location") if obj.get("country") == "PL")
    assert (poland["id"], planned["id"]) in participants
    assert poland["extensions"][PROVENANCE]["spans"] == [list(sentence("They will meet"))]


def test_initiative_parties_by_alias_by_code_and_by_a_new_name() -> None:
    bundle = bundle_of(hand_findings())
    [initiative] = by_type(bundle, "x-accord-initiative")
    assert (initiative["name"], initiative["kind"], initiative["status"]) == (
        "Demining Cooperation Programme", "programme", "signed",
    )  # fmt: skip
    parties = {source for source, target in relationships(bundle, "participates-in")
               if target == initiative["id"]}  # fmt: skip
    centre = named(bundle, "Regional Mine Action Centre")
    assert centre["identity_class"] == "organization"
    expected = {"North Atlantic Treaty Organization", "Uzbekistan", "Regional Mine Action Centre"}
    assert parties == {named(bundle, name)["id"] for name in expected}


def test_a_naive_time_is_taken_as_utc() -> None:
    naive = to_bundle(Findings(), document_id=DOC, title=None, source="a.txt",
                      created=CREATED.replace(tzinfo=None))  # fmt: skip
    assert naive == bundle_of(Findings(), title=None)


# --- the store and the command line -------------------------------------------------------------


def test_the_bundle_imports_into_a_store_whole(case, tmp_path: Path) -> None:
    from accord.service import Accord
    from accord.store import open_store

    _, findings = case
    service = Accord(open_store(f"sqlite:///{tmp_path}/a.db"))
    try:
        # Two documents naming the same entities: each gives them a version of its own, so
        # each must be read at its own time (one id, one modified, one content).
        for number, document_id in enumerate(["doc-0001", "doc-0002"]):
            created = CREATED + timedelta(seconds=number)
            bundle = bundle_of(findings, document_id=document_id, created=created)
            path = tmp_path / f"{number}.json"
            path.write_bytes(orjson.dumps(bundle))
            report = service.import_path(path, strict=True)
            assert (report.error, report.rejected, report.problems) == (None, 0, [])
            assert report.objects == len(bundle["objects"])
        again = service.import_path(path, strict=True)
        assert again.unchanged == len(bundle["objects"])
    finally:
        service.store.close()


def test_accord_extract_stix_prints_the_bundle(tmp_path: Path) -> None:
    from accord.cli import cli
    from accord.service import extraction_bundle

    path = tmp_path / "talks.txt"
    path.write_text(PIPELINE_TEXT)
    result = CliRunner().invoke(cli, ["extract", str(path), "--stix"])
    assert result.exit_code == 0, result.output
    printed = orjson.loads(result.stdout)
    assert printed["type"] == "bundle"
    [report] = by_type(printed, "report")
    assert report["name"] == "Caspian ministers agree on a joint coast guard centre"
    assert oasis(printed)[0] == []
    fixed = extraction_bundle(path, clock=FixedClock(CREATED))
    assert fixed == extraction_bundle(path, clock=FixedClock(CREATED))
    assert {obj["id"] for obj in fixed["objects"]} == {obj["id"] for obj in printed["objects"]}
    assert str(tmp_path) not in result.stdout  # the file's name, never its full path


@pytest.mark.parametrize("flags", [[], ["--record", "--stix"]])
def test_accord_extract_wants_exactly_one_of_record_and_stix(tmp_path: Path, flags) -> None:
    from accord.cli import cli

    path = tmp_path / "talks.txt"
    path.write_text(PIPELINE_TEXT)
    result = CliRunner().invoke(cli, ["extract", str(path), *flags])
    assert result.exit_code == 2
    assert "exactly one of --record and --stix" in result.output
