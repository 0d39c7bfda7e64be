"""The threat-actor gazetteer: its data, its lookups of names, aliases, spelling variants and
acronyms, and that no country, organisation or common word is taken for a threat actor."""

from __future__ import annotations

from importlib import resources

import pytest
import wordfreq

from accord.extraction.gazetteers import (
    common_word_blocklist,
    countries,
    country_cased_lookup,
    country_lookup,
    normalise,
    organisation_cased_lookup,
    organisation_lookup,
    organisations,
    surface_key,
)
from accord.extraction.gazetteers.threat_actors import (
    THREAT_ACTOR_KINDS,
    THREAT_ACTOR_REGIONS,
    ThreatActor,
    find_threat_actor,
    is_case_only,
    threat_actor_cased_lookup,
    threat_actor_lookup,
    threat_actors,
)


def _data_rows() -> list[list[str]]:
    text = (
        resources.files("accord.extraction.gazetteers")
        .joinpath("threat_actors.psv")
        .read_text(encoding="utf-8")
    )
    rows = []
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            rows.append([field.strip() for field in line.split("|")])
    return rows


def _marked_forms() -> list[tuple[str, str]]:
    """(actor name, form as marked in the data file) for every name and alias."""
    forms = []
    for name, aliases, _kind, _region in _data_rows():
        forms.append((name, name))
        forms.extend((name, alias.strip()) for alias in aliases.split(";") if alias.strip())
    return forms


# --- the data ----------------------------------------------------------------------------------


def test_data_file_is_well_formed() -> None:
    rows = _data_rows()
    assert all(len(row) == 4 for row in rows)
    actors = threat_actors()
    assert len(actors) == len(rows)
    assert 150 <= len(actors) <= 300
    names = [actor.name for actor in actors]
    assert len(names) == len(set(names))
    for actor in actors:
        assert actor.kind in THREAT_ACTOR_KINDS, actor
        assert actor.region in THREAT_ACTOR_REGIONS, actor
        assert actor.name not in actor.aliases, actor
        assert len(actor.aliases) == len(set(actor.aliases)), actor
        assert not actor.name.startswith(("~", "=")), actor
        assert all(not alias.startswith(("~", "=")) for alias in actor.aliases), actor
    assert {actor.kind for actor in actors} == THREAT_ACTOR_KINDS


def test_threat_actors_is_cached() -> None:
    assert threat_actors() is threat_actors()
    assert threat_actor_lookup() is threat_actor_lookup()
    assert threat_actor_cased_lookup() is threat_actor_cased_lookup()


def test_every_unmarked_form_is_found() -> None:
    """No form is dropped silently: a form that collides with a country, an organisation, a
    common word or another group must be marked "~" in the data file."""
    by_name = {actor.name: actor for actor in threat_actors()}
    for name, form in _marked_forms():
        if form.startswith("~"):
            continue
        bare = form.lstrip("=")
        assert find_threat_actor(bare) is by_name[name], (name, form)


def test_marked_forms_are_aliases_but_not_looked_up() -> None:
    by_name = {actor.name: actor for actor in threat_actors()}
    marked = [(name, form[1:]) for name, form in _marked_forms() if form.startswith("~")]
    assert marked
    for name, form in marked:
        assert form in by_name[name].aliases, (name, form)
        found = find_threat_actor(form)
        assert found is None or found.name != name, (name, form)


def test_cased_table_holds_only_case_only_forms() -> None:
    assert all(is_case_only(key) for key in threat_actor_cased_lookup())
    assert not any(is_case_only(key) for key in threat_actor_lookup())


# --- lookups -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        # names
        ("Islamic State Khorasan Province", "Islamic State Khorasan Province"),
        ("Islamic State of Iraq and the Levant", "Islamic State of Iraq and the Levant"),
        ("Tehrik-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"),
        ("Haqqani Network", "Haqqani Network"),
        ("Islamic Movement of Uzbekistan", "Islamic Movement of Uzbekistan"),
        ("Katibat Imam al-Bukhari", "Katibat Imam al-Bukhari"),
        ("Jund al-Khilafah", "Jund al-Khilafah"),
        ("Caucasus Emirate", "Caucasus Emirate"),
        ("Hizb ut-Tahrir", "Hizb ut-Tahrir"),
        ("Jamaat Ansarullah", "Jamaat Ansarullah"),
        ("Sinaloa Cartel", "Sinaloa Cartel"),
        ("'Ndrangheta", "'Ndrangheta"),
        ("\u2019Ndrangheta", "'Ndrangheta"),
        ("Yamaguchi-gumi", "Yamaguchi-gumi"),
        ("Kavač clan", "Kavač clan"),
        ("Wagner Group", "Wagner Group"),
        # aliases
        ("Islamic State", "Islamic State of Iraq and the Levant"),
        ("Daesh", "Islamic State of Iraq and the Levant"),
        ("Da'esh", "Islamic State of Iraq and the Levant"),
        ("Islamic State Khorasan", "Islamic State Khorasan Province"),
        ("Pakistani Taliban", "Tehrik-i-Taliban Pakistan"),
        ("Afghan Taliban", "Taliban"),
        ("Turkistan Islamic Party", "East Turkestan Islamic Movement"),
        ("Imarat Kavkaz", "Caucasus Emirate"),
        ("Nusra Front", "Jabhat al-Nusra"),
        ("Houthis", "Ansar Allah"),
        ("Tamil Tigers", "Liberation Tigers of Tamil Eelam"),
        ("Gulf Clan", "Clan del Golfo"),
        ("Sicilian Mafia", "Cosa Nostra"),
        ("Fancy Bear", "APT28"),
        ("Cozy Bear", "APT29"),
        ("Hidden Cobra", "Lazarus Group"),
        ("Sodinokibi", "REvil"),
        # spelling variants, transliterations, diacritics and case
        ("al-Qaida", "al-Qaeda"),
        ("Al Qaeda", "al-Qaeda"),
        ("Al-Qaeda", "al-Qaeda"),
        ("al-Qa'ida", "al-Qaeda"),
        ("al-Qa\u2019ida", "al-Qaeda"),
        ("AL-QAEDA", "al-Qaeda"),
        ("Islamic State \u2013 Khorasan Province", "Islamic State Khorasan Province"),
        ("Islamic State-Khorasan Province", "Islamic State Khorasan Province"),
        ("Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham"),
        ("Hayat Tahrir al Sham", "Hayat Tahrir al-Sham"),
        ("Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"),
        ("Lashkar-e-Tayyiba", "Lashkar-e-Taiba"),
        ("Jaish-e-Muhammad", "Jaish-e-Mohammed"),
        ("Hizbollah", "Hezbollah"),
        ("Hizb-ut-Tahrir", "Hizb ut-Tahrir"),
        ("al-Shabab", "Harakat al-Shabaab al-Mujahideen"),
        ("Al Shabaab", "Harakat al-Shabaab al-Mujahideen"),
        ("DAESH", "Islamic State of Iraq and the Levant"),
        ("HAMAS", "Hamas"),
        ("Ndrangheta", "'Ndrangheta"),
        ("Skaljari clan", "Škaljari clan"),
        ("Cartel de Sinaloa", "Sinaloa Cartel"),
        ("Blood & Honour", "Blood and Honour"),
        ("the Haqqani network", "Haqqani Network"),
        # acronyms
        ("ISIS-K", "Islamic State Khorasan Province"),
        ("ISIS\u2013K", "Islamic State Khorasan Province"),
        ("ISKP", "Islamic State Khorasan Province"),
        ("IS-K", "Islamic State Khorasan Province"),
        ("ISIL", "Islamic State of Iraq and the Levant"),
        ("ISIS", "Islamic State of Iraq and the Levant"),
        ("ISWAP", "Islamic State West Africa Province"),
        ("IS-Sahel", "Islamic State Sahel Province"),
        ("TTP", "Tehrik-i-Taliban Pakistan"),
        ("The TTP", "Tehrik-i-Taliban Pakistan"),
        ("IMU", "Islamic Movement of Uzbekistan"),
        ("IJU", "Islamic Jihad Union"),
        ("HTS", "Hayat Tahrir al-Sham"),
        ("ETIM", "East Turkestan Islamic Movement"),
        ("HuT", "Hizb ut-Tahrir"),
        ("AQAP", "al-Qaeda in the Arabian Peninsula"),
        ("AQIM", "al-Qaeda in the Islamic Maghreb"),
        ("JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("LeT", "Lashkar-e-Taiba"),
        ("JeM", "Jaish-e-Mohammed"),
        ("LTTE", "Liberation Tigers of Tamil Eelam"),
        ("PKK", "Kurdistan Workers' Party"),
        ("CJNG", "Jalisco New Generation Cartel"),
        ("MS-13", "Mara Salvatrucha"),
        ("APT28", "APT28"),
        ("LockBit", "LockBit"),
        ("ALPHV", "BlackCat"),
    ],
)
def test_find_threat_actor(surface: str, name: str) -> None:
    found = find_threat_actor(surface)
    assert found is not None, surface
    assert found.name == name


@pytest.mark.parametrize("surface", ["ttp", "Ttp", "imu", "Imu", "hts", "isis-k", "Isis", "let"])
def test_acronyms_need_their_capitalisation(surface: str) -> None:
    assert find_threat_actor(surface) is None


@pytest.mark.parametrize("surface", ["al-qaeda", "islamic state", "taliban", "hamas"])
def test_text_without_capitals_is_not_a_name(surface: str) -> None:
    assert find_threat_actor(surface) is None


@pytest.mark.parametrize(
    "surface",
    [
        "Base",
        "The Base",
        "Network",
        "Islamic",
        "State",
        "The State",
        "Group",
        "Army",
        "Front",
        "Movement",
        "Party",
        "Brigade",
        "Cartel",
        "Clan",
        "Mafia",
        "Jihad",
        "Islamic Jihad",
        "Caliphate",
        "Province",
        "Khorasan",
        "Lazarus",
        "Wagner",
        "Hive",
        "Play",
        "Royal",
        "Maze",
        "Snake",
        "Tigers",
        "The Company",
        "The Dukes",
        "Knights Templar",
        "IS",
        "Is",
        "is Pakistan",
        "Haqqani",
        "Yakuza",
        "Triads",
    ],
)
def test_common_words_are_not_threat_actors(surface: str) -> None:
    assert find_threat_actor(surface) is None


def test_single_words_are_not_frequent_english_words() -> None:
    """A one-word form matched regardless of case is not a frequent English word, unless it is
    frequent because it names the group."""
    frequent_as_names = {"taliban", "hamas", "hezbollah"}
    for key in threat_actor_lookup():
        if " " not in key and key not in frequent_as_names:
            assert wordfreq.zipf_frequency(key, "en") < 3.0, key


def test_no_block_listed_word_is_a_key() -> None:
    blocked = {normalise(word) for word in common_word_blocklist()}
    assert not blocked & threat_actor_lookup().keys()


# --- countries and organisations are never threat actors ---------------------------------------


def test_no_form_is_a_country_form() -> None:
    assert not threat_actor_lookup().keys() & country_lookup().keys()
    assert not threat_actor_cased_lookup().keys() & country_cased_lookup().keys()
    for country in countries():
        for form in (*country.names, *country.adjectives, *country.demonyms):
            assert find_threat_actor(form) is None, form


def test_no_form_is_an_organisation_form() -> None:
    assert not threat_actor_lookup().keys() & organisation_lookup().keys()
    assert not threat_actor_cased_lookup().keys() & organisation_cased_lookup().keys()
    for organisation in organisations():
        for form in (organisation.name, *organisation.aliases):
            found = find_threat_actor(form)
            assert found is None, (form, found)


@pytest.mark.parametrize(
    "surface",
    [
        "United Nations",
        "UN",
        "CSTO",
        "Collective Security Treaty Organization",
        "SCO",
        "NATO",
        "IRGC",
        "Islamic Revolutionary Guard Corps",
        "Organisation of Islamic Cooperation",
        "Global Coalition against Daesh",
        "Islamic Emirate of Afghanistan",
        "Afghanistan",
        "Afghan",
        "Pakistani",
        "Cuba",
        "ISI",
        "NPA",
        "ADF",
    ],
)
def test_organisations_and_countries_named_like_groups(surface: str) -> None:
    assert find_threat_actor(surface) is None


def test_case_only_forms() -> None:
    assert is_case_only("TTP")
    assert is_case_only("ISIS-K")
    assert is_case_only("MS-13")
    assert is_case_only("IS-Sahel")
    assert is_case_only("LockBit")
    assert not is_case_only("al-Qaeda")
    assert not is_case_only("Islamic State")
    assert not is_case_only("Hizb ut-Tahrir")
    assert surface_key("ISIS\u2013K") in threat_actor_cased_lookup()


def test_threat_actor_record() -> None:
    found = find_threat_actor("ISIS-K")
    assert isinstance(found, ThreatActor)
    assert found.kind == "terrorist"
    assert "ISIS-K" in found.aliases
    assert "ISKP" in found.aliases
    taliban = find_threat_actor("Taliban")
    assert taliban is not None
    assert "Islamic Emirate of Afghanistan" in taliban.aliases
