"""The scorer of extraction records: each matching rule of the spec, and whole-corpus checks."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from accord.errors import InputError
from accord.extraction.normalise import (
    initiative_score,
    is_acronym_of,
    location_score,
    meeting_score,
    organization_score,
    persons_match,
    quote_score,
    role_score,
)
from accord.extraction.score import (
    HEADLINE,
    LISTS,
    ListScore,
    Scores,
    diff,
    format_table,
    per_document,
    score,
)

GOLD_DIR = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev-gold"
Record = dict[str, Any]


def record(doc: str = "x.txt", **lists: Any) -> Record:
    return {"doc": doc, "published": None, **{name: [] for name in LISTS}, **lists}


def org(name: str, *aliases: str, country: str | None = None) -> Record:
    return {"name": name, "aliases": list(aliases), "country": country}


def meeting(participants: list[str], start: str | None = None, location: str | None = None,
            fmt: str = "bilateral", status: str = "held") -> Record:  # fmt: skip
    return {"format": fmt, "status": status, "start": start, "end": None,
            "location": location, "participants": participants, "countries": []}  # fmt: skip


def counts(value: ListScore) -> tuple[int, int, int]:
    return value.tp, value.fp, value.fn


@pytest.fixture(scope="module")
def gold() -> list[Record]:
    if not GOLD_DIR.is_dir():
        pytest.skip(f"the gold records are not at {GOLD_DIR} (../shared is absent)")
    return [json.loads(path.read_text()) for path in sorted(GOLD_DIR.glob("*.json"))]


def gold_doc(gold: list[Record], prefix: str) -> Record:
    return copy.deepcopy(next(r for r in gold if r["doc"].startswith(prefix)))


# --- persons ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("N. P. Patrushev", "Nikolai Patrushev"),  # the spec's example
        ("Nikolai Patrushev", "PATRUSHEV"),  # surname alone, case
        ("Emir Hadžiomerović", "Emir Hadziomerovic"),  # diacritics
        ("Yu. A. Sokolov", "Yuri Sokolov"),  # a two-letter initial is a prefix
        ("A. F. M. Tanvir Hossain", "Tanvir Hossain"),  # given names pair in order
        ("Vladimir Borisovich Rushailo", "Vladimir Rushailo"),  # patronymic left out
        ("Wang Jianguo", "Jianguo Wang"),  # surname first
        ("Patrushev N. P.", "Nikolai Patrushev"),  # surname first, initials after
        ("Fahad Nasser Al-Otaibi", "Fahad Al Otaibi"),  # particle, hyphen
        ("Annelies de Vries", "Annelies Vries"),
        ("Mr. Seyran Ohanyan", "Seyran Ohanyan"),  # honorific
        ("H.E. Luvsanvandan Bold", "L. Bold"),
        ("Nguyen Thi Lan", "Dr. Lan"),
        ("Ban Ki-moon", "ban kimoon"),  # punctuation ignored
    ],
)
def test_persons_that_match(left: str, right: str) -> None:
    assert persons_match(left, right)
    assert persons_match(right, left)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Emir Hadžimerović", "Emir Hadžiomerović"),  # spelling is not forgiven
        ("Vladimir Putin", "Vladimir Borisovich Rushailo"),  # same first name only
        ("N. Patrushev", "D. Patrushev"),  # incompatible initials
        ("Nikolai Patrushev", "Nikolai"),  # a first name alone is not a surname
        ("Kubanychbek Asanovich", "Kubanychbek Toktogulov"),
        ("Ivan Petrov", "Ivan Petrova"),
        ("Anders Fogh Rasmussen", "Fogh Anders Rasmussen"),  # given names out of order
        ("", "Nikolai Patrushev"),
    ],
)
def test_persons_that_do_not_match(left: str, right: str) -> None:
    assert not persons_match(left, right)
    assert not persons_match(right, left)


def test_persons_pair_one_to_one_and_the_closest_first() -> None:
    gold = record(persons=[{"name": "N. Patrushev"}, {"name": "Nikolai Patrushev"}])
    predicted = record(persons=[{"name": "Nikolai Patrushev"}, {"name": "Nikolai Patrushev"}])
    assert counts(score([gold], [predicted]).persons) == (2, 0, 0)
    assert counts(score([gold], [record(persons=predicted["persons"][:1])]).persons) == (1, 0, 1)
    one_gold = record(persons=gold["persons"][1:])
    assert counts(score([one_gold], [predicted]).persons) == (1, 1, 0)


def test_person_country_and_roles_over_matched_persons() -> None:
    gold = record(persons=[
        {"name": "Ramiz Mehdiyev", "country": "AZ",
         "roles": ["Chief-of-Staff of the Presidential Administration",
                   "Secretary of the Security Council"]},
        {"name": "Serdar Kilic", "country": "TR", "roles": ["Secretary-General"]},
        {"name": "Y. Fedotov", "country": None, "roles": ["UN Deputy Secretary-General"]},
    ])  # fmt: skip
    predicted = record(persons=[
        {"name": "Ramiz Mehdiyev", "country": "az",
         "roles": ["chief of staff of the presidential administration", "Secretary"]},
        {"name": "Serdar Kilic", "country": None, "roles": ["Secretary-General", "Ambassador"]},
        {"name": "Somebody Else", "country": "RU", "roles": ["President"]},
    ])  # fmt: skip
    scores = score([gold], [predicted])
    assert counts(scores.persons) == (2, 1, 1)
    # Roles of the two matched persons only: the unmatched persons' roles count nowhere.
    assert counts(scores.person_roles) == (2, 2, 1)
    assert (scores.person_country.correct, scores.person_country.total) == (1, 2)


def test_a_role_matches_at_a_content_word_jaccard_of_08() -> None:
    long = "Secretary of the Security Council of the Russian Federation"
    assert role_score(long, "secretary of the Security Council of the Russian Federation")
    assert not role_score(long, "Secretary of the Security Council")  # 3/5
    five = "head of foreign relations department"  # 5 words, one dropped: 4/5 = 0.8
    assert role_score("head of the foreign relations department policy", five)


# --- organizations and threat actors ---------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_org", "predicted_org"),
    [
        (org("UN", "United Nations"), org("United Nations")),  # alias equal
        (org("United Nations"), org("UN")),  # acronym
        (org("Organization for Security and Co-operation in Europe"), org("OSCE")),
        (org("SCO Regional Anti-Terrorist Structure"), org("SCO RATS")),
        (org("Commonwealth of Independent States"), org("CIS")),
        (org("United Nations Office on Drugs and Crime"), org("UNODC")),
        (org("Shanghai Cooperation Organisation"), org("Shanghai Cooperation Organization")),
        (
            org("Organization for Security and Co-operation in Europe"),
            org("Organisation for Security and Cooperation in Europe"),
        ),
        (org("CIS Anti-Terrorism Center"), org("CIS Antiterrorism Center")),
        (org("CIS Anti-Terrorism Centre"), org("CIS Anti-Terrorism Center")),
        (org("The Ministry of Internal Affairs"), org("ministry of internal affairs")),
        # content-word Jaccard 1.0 in another order, and 5/6 with one word more
        (org("Council of Ministers of Defence"), org("Defence Ministers Council")),
        (org("State Border Guard Service of the Republic"), org("State Border Guard Service")),
    ],
)
def test_organizations_that_match(gold_org: Record, predicted_org: Record) -> None:
    assert organization_score(gold_org, predicted_org) > 0
    assert organization_score(predicted_org, gold_org) > 0


@pytest.mark.parametrize(
    ("gold_org", "predicted_org"),
    [
        (org("Security Council"), org("Security Council of the Russian Federation")),  # spec
        (org("UN"), org("United Nations Office on Drugs and Crime")),
        (org("State Committee for National Security of the Kyrgyz Republic"),
         org("Border Service of the State Committee for National Security of the Kyrgyz Republic")),
        (org("NATO"), org("OSCE")),
    ],
)  # fmt: skip
def test_organizations_that_do_not_match(gold_org: Record, predicted_org: Record) -> None:
    assert organization_score(gold_org, predicted_org) == 0
    assert organization_score(predicted_org, gold_org) == 0


def test_acronyms() -> None:
    assert is_acronym_of("ISAF", "International Security Assistance Force")
    assert is_acronym_of("DG IMS", "Director General of the International Military Staff")
    assert not is_acronym_of("United Nations", "UN")  # the short form comes first
    assert not is_acronym_of("U", "United")


def test_same_named_organizations_pair_by_country() -> None:
    gold = record(organizations=[org("Ministry of Home Affairs", country="BD"),
                                 org("Ministry of Home Affairs", country="IN")])  # fmt: skip
    predicted = record(organizations=[org("Ministry of Home Affairs", country="IN")])
    found = diff(gold, predicted)["organizations"]
    assert found["missed"] == [org("Ministry of Home Affairs", country="BD")]
    assert found["spurious"] == []


def test_threat_actors_use_the_organization_rule() -> None:
    khorasan = {"name": "Islamic State Khorasan Province", "aliases": ["ISIS-K"]}
    predicted = [{"name": "ISIS-K", "aliases": []}, {"name": "Tehrik-i-Taliban Pakistan"}]
    scores = score([record(threat_actors=[khorasan])], [record(threat_actors=predicted)])
    assert counts(scores.threat_actors) == (1, 1, 0)


# --- codes, locations ------------------------------------------------------------------------


def test_countries_and_topics_are_sets_of_codes() -> None:
    gold = record(countries=["AZ", "RU", "TR"], topics=["terrorism", "cybersecurity"])
    predicted = record(countries=["ru", "AZ", "AZ", "US"], topics=["Terrorism", "demining"])
    scores = score([gold], [predicted])
    assert counts(scores.countries) == (2, 1, 1)
    assert counts(scores.topics) == (1, 1, 1)


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ("The Kremlin", "Kremlin", True),
        ("Kyzyl-Bel", "kyzyl bel", True),
        ("Türkiye", "Turkiye", True),
        ("Central Asia", "Central Asian", False),
        ("Astana", "Almaty", False),
    ],
)
def test_locations_match_on_normalised_name(left: str, right: str, same: bool) -> None:
    assert (location_score({"name": left}, {"name": right}) > 0) is same


# --- meetings --------------------------------------------------------------------------------


def test_meetings_match_on_participants_when_both_name_two_or_more() -> None:
    gold = meeting(["Ramiz Mehdiyev", "Serdar Kilic", "Leonid Maltsev"], "2010-10-05", "Sochi")
    half = meeting(["R. Mehdiyev", "Kilic", "Raisa Bohatyryova"], None, "Baku")  # 2/4
    third = meeting(["Ramiz Mehdiyev", "Raisa Bohatyryova", "Christian Katrina"])  # 1/5
    assert meeting_score(gold, half) > 0  # dates and places do not matter here
    assert meeting_score(gold, third) == 0  # and cannot rescue a participant mismatch
    third_same_day = meeting(third["participants"], "2010-10-05", "Sochi")
    assert meeting_score(gold, third_same_day) == 0
    assert meeting_score(gold, {**half, "format": "multilateral"}) == 0


def test_meetings_otherwise_match_on_start_and_location() -> None:
    gold = meeting(["Katarzyna Nowicka"], "2024-03-14", "Baku")
    assert meeting_score(gold, meeting([], "2024-03-14", "baku")) > 0
    assert meeting_score(gold, meeting(["Joost Verbeek", "Tural Ismayilzade"], "2024-03-14",
                                       "Baku")) > 0  # fmt: skip
    assert meeting_score(gold, meeting([], "2024-03-15", "Baku")) == 0
    assert meeting_score(gold, meeting([], "2024-03-14", None)) == 0
    assert meeting_score(meeting([]), meeting(["Someone"])) > 0  # null equals null


def test_meetings_pair_greedily_by_score() -> None:
    # d06: two meetings on the same day in the same city, told apart by participants
    gold = record(meetings=[
        meeting(["Katarzyna Nowicka", "Tural Ismayilzade", "Joost Verbeek"], "2024-03-14", "Baku"),
        meeting(["Katarzyna Nowicka"], "2024-03-14", "Baku", status="held"),
    ])  # fmt: skip
    predicted = record(meetings=[meeting(["Katarzyna Nowicka"], "2024-03-14", "Baku",
                                         status="planned")])  # fmt: skip
    scores = score([gold], [predicted])
    assert counts(scores.meetings) == (1, 0, 1)
    assert diff(gold, predicted)["meetings"]["missed"] == [gold["meetings"][0]]
    assert (scores.meeting_status.correct, scores.meeting_status.total) == (0, 1)


# --- quotes, initiatives ---------------------------------------------------------------------


def test_quotes_match_on_speaker_and_the_first_40_characters() -> None:
    text = (
        "the merger of terrorist groups with different critical organizations operating "
        "in the so-called \u2018gray areas\u2019 creates a great potential for crime"
    )
    gold = {"speaker": "Ramiz Mehdiyev", "text": text}
    assert quote_score(gold, {"speaker": "R. Mehdiyev", "text": text.upper()[:60]}) > 0
    assert quote_score(gold, {"speaker": "Ramiz Mehdiyev",
                              "text": f"He said: “{text}”, and more."}) > 0  # fmt: skip
    assert quote_score(gold, {"speaker": "Serdar Kilic", "text": text}) == 0
    # a later part of the quote: its own first 40 characters are inside the gold text
    assert quote_score(gold, {"speaker": "Ramiz Mehdiyev", "text": text[14:]}) > 0
    changed_start = "Crime and terrorism " + text[60:]  # neither first 40 is in the other
    assert quote_score(gold, {"speaker": "Ramiz Mehdiyev", "text": changed_start}) == 0


def test_initiatives_match_on_token_overlap_of_half_the_smaller_set() -> None:
    gold = {"text": "Agreement on Joint Response to Emergency Situations in the Border Areas",
            "kind": "agreement", "status": "draft"}  # fmt: skip
    assert initiative_score(gold, {"text": "joint response agreement"}) > 0  # 3/3
    assert initiative_score(gold, {"text": "joint border patrols programme"}) > 0  # 2/4
    assert initiative_score(gold, {"text": "Treaty on the State Border"}) == 0  # 1/3
    treaty = {"text": "Treaty on the State Border between the Kyrgyz Republic"}
    assert initiative_score(treaty, {"text": "Agreement on the Border"}) > 0  # 1/2
    assert initiative_score(treaty, {"text": "Agreement on Border Demarcation"}) == 0  # 1/3


def test_initiative_kind_and_status_accuracy_over_matched_pairs() -> None:
    gold = record(initiatives=[
        {"text": "Joint Action Plan 2024", "kind": "programme", "status": "signed"},
        {"text": "regional hotline", "kind": "platform", "status": "proposed"},
    ])  # fmt: skip
    predicted = record(initiatives=[
        {"text": "joint action plan", "kind": "programme", "status": "agreed"},
        {"text": "training centre", "kind": "centre", "status": "proposed"},
    ])  # fmt: skip
    scores = score([gold], [predicted])
    assert counts(scores.initiatives) == (1, 1, 1)
    assert (scores.initiative_kind.correct, scores.initiative_kind.total) == (1, 1)
    assert (scores.initiative_status.correct, scores.initiative_status.total) == (0, 1)
    assert diff(gold, predicted)["initiatives"]["mismatched"][0]["fields"] == ["status"]


# --- scores ----------------------------------------------------------------------------------


def test_list_score_conventions() -> None:
    assert ListScore.from_counts(0, 0, 0) == ListScore(0, 0, 0, 1.0, 1.0, 1.0)
    assert ListScore.from_counts(0, 0, 3) == ListScore(0, 0, 3, 0.0, 0.0, 0.0)
    assert ListScore.from_counts(0, 2, 0) == ListScore(0, 2, 0, 0.0, 0.0, 0.0)
    half = ListScore.from_counts(1, 1, 3)
    assert (half.precision, half.recall) == (0.5, 0.25)
    assert half.f1 == pytest.approx(1 / 3)


def test_macro_f1_leaves_threat_actors_out() -> None:
    gold = record(countries=["AZ"], threat_actors=[org("Taliban")])
    scores = score([gold], [record(countries=["AZ"])])
    assert scores.threat_actors.f1 == 0.0
    assert scores.macro_f1 == pytest.approx(1.0)  # every other list: nothing, or perfect
    assert "threat_actors" not in HEADLINE and len(HEADLINE) == 8


def test_records_pair_by_doc() -> None:
    gold = [record("a.txt", countries=["AZ"], published="2010-10-07"), record("b.txt")]
    predicted = [record("b.txt"), record("a.txt", countries=["AZ"], published="2010-10-07"),
                 record("not-in-gold.txt", countries=["RU"])]  # fmt: skip
    scores = score(gold, predicted)
    assert scores.documents == 2
    assert counts(scores.countries) == (1, 0, 0)  # the record without gold is ignored
    missing = score(gold, predicted[:1])  # a.txt missing: scored as empty
    assert counts(missing.countries) == (0, 0, 1)
    assert (missing.published.correct, missing.published.total) == (1, 2)


def test_duplicate_or_unnamed_records_are_refused() -> None:
    with pytest.raises(InputError, match="twice"):
        score([record("a.txt"), record("a.txt")], [])
    with pytest.raises(InputError, match="no doc"):
        score([record("a.txt")], [{"countries": []}])


def test_absent_and_null_lists_are_empty() -> None:
    gold = record(countries=["AZ"])
    assert counts(score([gold], [{"doc": "x.txt", "countries": None}]).countries) == (0, 0, 1)


def test_as_dict_is_json_and_the_table_has_every_list() -> None:
    scores = score([record(countries=["AZ"])], [record(countries=["AZ", "RU"])])
    as_json = json.loads(json.dumps(scores.as_dict()))
    assert as_json["countries"] == {"tp": 1, "fp": 1, "fn": 0, "precision": 0.5, "recall": 1.0,
                                    "f1": pytest.approx(2 / 3)}  # fmt: skip
    assert as_json["person_country"]["accuracy"] is None
    table = format_table(scores)
    assert all(name in table for name in LISTS)
    row = next(line for line in table.splitlines() if line.startswith("countries"))
    assert row.split() == ["countries", "0.500", "1.000", "0.667", "1", "1", "0"]


# --- the gold corpus -------------------------------------------------------------------------


def assert_perfect(scores: Scores) -> None:
    for name, value in scores.lists().items():
        assert (value.precision, value.recall, value.f1) == (1.0, 1.0, 1.0), name
    assert scores.person_roles.f1 == 1.0
    for accuracy in (scores.published, scores.person_country, scores.meeting_status,
                     scores.initiative_kind, scores.initiative_status):  # fmt: skip
        assert accuracy.correct == accuracy.total
    assert scores.macro_f1 == 1.0


def test_gold_against_itself_is_perfect(gold: list[Record]) -> None:
    assert len(gold) > 0
    scores = score(gold, copy.deepcopy(gold))
    assert_perfect(scores)
    assert scores.published.accuracy == 1.0 and scores.person_country.accuracy == 1.0
    assert all(scores.macro_f1 == 1.0 for _, scores in per_document(gold, gold))


def test_gold_reordered_and_reworded_is_still_perfect(gold: list[Record]) -> None:
    predicted = copy.deepcopy(gold)[::-1]
    for rec in predicted:
        for name in LISTS:
            rec[name] = rec[name][::-1]
        for person in rec["persons"]:
            person["name"] = person["name"].upper()
        for location in rec["locations"]:
            lowered = location["name"].lower()
            location["name"] = lowered if lowered.startswith("the ") else f"The {lowered}"
    assert_perfect(score(gold, predicted))


def test_dropping_and_adding_items_counts_exactly(gold: list[Record]) -> None:
    base = score(gold, gold)
    predicted = copy.deepcopy(gold)
    first = predicted[0]
    dropped = {name: first[name].pop() for name in LISTS if first[name]}
    first["persons"].append({"name": "Invented Person", "country": None, "roles": []})
    first["countries"].append("ZZ")
    scores = score(gold, predicted)
    for name in LISTS:
        tp = getattr(base, name).tp
        added = int(name in ("persons", "countries"))
        removed = int(name in dropped)
        assert counts(getattr(scores, name)) == (tp - removed, added, removed), name


def test_surname_variants(gold: list[Record]) -> None:
    d08 = gold_doc(gold, "d08_")
    persons = [p["name"] for p in d08["persons"]]
    assert "Emir Hadžiomerović" in persons
    total = len(persons)

    def persons_counts(name: str) -> tuple[int, int, int]:
        predicted = gold_doc(gold, "d08_")
        for person in predicted["persons"]:
            if person["name"] == "Emir Hadžiomerović":
                person["name"] = name
        return counts(score([d08], [predicted]).persons)

    assert persons_counts("EMIR HADZIOMEROVIC") == (total, 0, 0)  # diacritics, case
    assert persons_counts("E. Hadžiomerović") == (total, 0, 0)  # initial
    assert persons_counts("Hadžiomerović") == (total, 0, 0)  # surname alone
    assert persons_counts("Emir Hadžimerović") == (total - 1, 1, 1)  # misspelled: no match
    assert persons_counts("Emir Hadžiomerović-Begić") == (total - 1, 1, 1)


def test_initials_against_full_given_names(gold: list[Record]) -> None:
    doc = gold_doc(gold, "000_")
    predicted = gold_doc(gold, "000_")
    renamed = {"N. P. Patrushev": "Nikolai Patrushev", "D. A. Medvedev": "Dmitry Medvedev",
               "Y. Fedotov": "Yury Fedotov", "Ramiz Mehdiyev": "R. Mehdiyev"}  # fmt: skip
    for person in predicted["persons"]:
        person["name"] = renamed.get(person["name"], person["name"])
    for item in predicted["meetings"]:
        item["participants"] = [renamed.get(n, n) for n in item["participants"]]
    for quote in predicted["quotes"]:
        quote["speaker"] = renamed.get(quote["speaker"], quote["speaker"])
    assert_perfect(score([doc], [predicted]))
    predicted["persons"][0]["name"] = "Novruz Mehdiyev"  # wrong given name for Ramiz
    assert counts(score([doc], [predicted]).persons) == (11, 1, 1)


def test_diff_and_per_document_point_at_the_worst(gold: list[Record]) -> None:
    predicted = copy.deepcopy(gold)
    worst = predicted[-1]
    missing_org = worst["organizations"].pop(0)
    worst["locations"].append({"name": "Atlantis", "country": None})
    ranked = per_document(gold, predicted)
    assert ranked[0][0] == worst["doc"] and ranked[0][1].macro_f1 < 1.0
    assert all(scores.macro_f1 == 1.0 for _, scores in ranked[1:])
    gold_record = next(r for r in gold if r["doc"] == worst["doc"])
    found = diff(gold_record, worst)
    assert found["organizations"]["missed"] == [missing_org]
    assert found["locations"]["spurious"] == [{"name": "Atlantis", "country": None}]
    assert all(not found[name]["mismatched"] for name in LISTS)
    empty = diff(gold_record, None)
    assert empty["persons"]["missed"] == gold_record["persons"]
    assert empty["published"] == {"gold": gold_record["published"], "predicted": None}
