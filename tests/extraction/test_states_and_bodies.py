"""Which state a person serves and which body a bare name is, on sentences written for these
tests (not taken from any corpus)."""

from __future__ import annotations

from accord.extraction.entities import country_in
from accord.extraction.pipeline import extract


def _countries(text: str) -> dict[str, str | None]:
    return {p.name: p.country for p in extract(text).persons}


def test_an_ambassador_serves_the_state_that_sends_him_not_the_one_he_is_sent_to() -> None:
    assert country_in("Ambassador to the Republic of Moldova") is None
    assert country_in("Special Envoy of the President of Russia to Afghanistan") == "RU"
    text = (
        "Ulaanbaatar, 2 May 2026. The French Ambassador to Mongolia, Jean-Pierre Lamarque, "
        "attended the opening of the border police seminar."
    )
    assert _countries(text)["Jean-Pierre Lamarque"] == "FR"


def test_signatures_on_behalf_of_states_name_each_signatory_s_state() -> None:
    text = (
        "Chisinau, 9 April 2026. The protocol on the exchange of criminal records was signed "
        "on behalf of the Republic of Moldova by Daniella Misail-Nichitin, Minister of "
        "Internal Affairs; for Romania by Lucian Bode, Minister of Internal Affairs; and for "
        "Ukraine by Ihor Klymenko, Minister of Internal Affairs."
    )
    assert _countries(text) == {
        "Daniella Misail-Nichitin": "MD", "Lucian Bode": "RO", "Ihor Klymenko": "UA",
    }  # fmt: skip


def test_a_known_name_at_the_end_of_a_body_s_name_is_that_body_s_head_not_another_body() -> None:
    text = "Yerevan, 5 May 2026. According to the Republican Security Service, nine smugglers were held."
    names = {o.name: o.country for o in extract(text).organisations}
    assert names == {"Republican Security Service": None}  # not MI5's "Security Service"


def test_a_body_named_bare_is_the_body_named_in_full_and_its_head_serves_its_state() -> None:
    text = (
        "Yerevan, 5 May 2026. The Migration Service of the Ministry of Internal Affairs of the "
        "Republic of Armenia opened a new centre for returnees. The Head of the Migration "
        "Service, Armen Ghazaryan, said that the Migration Service would hire forty officers."
    )
    findings = extract(text)
    service = [o for o in findings.organisations if "Migration Service" in o.name]
    assert [(o.name, o.aliases, o.country) for o in service] == [
        (
            "Migration Service of the Ministry of Internal Affairs of the Republic of Armenia",
            ("Migration Service",),
            "AM",
        )
    ]
    assert _countries(text)["Armen Ghazaryan"] == "AM"


def test_a_bare_name_that_begins_two_full_names_stays_as_written() -> None:
    text = (
        "Almaty, 5 May 2026. The Border Service of the National Security Committee of "
        "Kazakhstan met the Border Service of the State Committee for National Security of the "
        "Kyrgyz Republic. The Border Service chiefs agreed on joint patrols."
    )
    bodies = {o.name: o.aliases for o in extract(text).organisations if "Border" in o.name}
    # two full names begin with it: which one is meant is not known
    assert bodies == {
        "Border Service of the National Security Committee of Kazakhstan": (),
        "Border Service of the State Committee for National Security of the Kyrgyz Republic": (),
        "Border Service": (),
    }


def test_a_title_keeps_federal_and_not_the_phrase_it_is_the_object_of() -> None:
    text = (
        "Bern, 4 May 2026. The meeting was held at the invitation of the Federal Councillor "
        "for Justice and Police of the Swiss Confederation, Beat Jans."
    )
    roles = {p.name: p.roles for p in extract(text).persons}
    assert (
        roles["Beat Jans"][0]
        == "Federal Councillor for Justice and Police of the Swiss Confederation"
    )


def test_a_state_named_before_its_currency_names_a_sum_not_the_state() -> None:
    text = (
        "Astana, 6 May 2026. Japan gave 3 million US dollars and the Government of Kazakhstan "
        "a further 900 million Kazakh tenge to equip the border posts with Tajikistan; Kyrgyz "
        "soms and Russian roubles were seized from the couriers, with US$ 40,000 in cash."
    )
    codes = {c.code for c in extract(text).countries}
    assert codes == {"JP", "KZ", "TJ"}  # Kazakhstan is named too; the US, KG and RU are not


def test_a_prosecutor_named_in_a_text_from_his_capital_serves_its_state() -> None:
    text = (
        "Tashkent, 3 March 2026 – First Deputy Prosecutor General Bakhodir Kurbanov said the "
        "extradition requests would be answered within a month."
    )
    assert _countries(text)["Bakhodir Kurbanov"] == "UZ"


def test_a_union_under_a_programme_is_no_body_under_it() -> None:
    text = "Vans were donated by the European Union under the EU4Border programme in Armenia."
    names = {o.name for o in extract(text).organisations}
    assert "European Union" in names
    assert not any(" under " in name for name in names)


def test_a_ministry_named_with_its_field_first_ends_before_an_envoy_s_for() -> None:
    text = (
        "Tehran, 2 May 2026. Li Wen, Special Envoy of the Chinese Foreign Ministry for Afghan "
        "Affairs, met the Ministry for Foreign Affairs of Iran."
    )
    names = {o.name for o in extract(text).organisations}
    assert {"Chinese Foreign Ministry", "Ministry for Foreign Affairs of Iran"} <= names
    assert not any("Afghan Affairs" in name for name in names)


def test_modifiers_joined_by_and_before_one_head_are_one_name() -> None:
    text = (
        "Riga, 2 May 2026. Cadets visited the Baltic Joint Diving and Salvage Centre in Liepaja, "
        "and the State Police and Customs Board met."
    )
    names = {o.name for o in extract(text).organisations}
    assert any(name.startswith("Baltic Joint Diving and Salvage Centre") for name in names)
    assert not any(name.startswith("Salvage") for name in names)


def test_a_state_sent_to_a_body_in_a_post_s_title_is_no_body() -> None:
    text = (
        "Addis Ababa, 4 May 2026. Ambassador Kwame Mensah, Permanent Representative of Ghana to "
        "the African Union, chaired the session."
    )
    names = {o.name for o in extract(text).organisations}
    assert names == {"African Union"}


def _bodies(text: str) -> dict[str, tuple[tuple[str, ...], str | None]]:
    return {o.name: (o.aliases, o.country) for o in extract(text).organisations}


def test_an_acronym_defined_in_brackets_is_the_body_s_alias_wherever_it_is_used() -> None:
    text = (
        "Nairobi, 2 May 2026. The Regional Coordination Centre for Maritime Security (RCCMS) "
        "opened in Mombasa. RCCMS analysts will track dhows across the Gulf of Aden."
    )
    found = extract(text)
    [cell] = [o for o in found.organisations if o.aliases]
    assert (cell.name, cell.aliases) == (
        "Regional Coordination Centre for Maritime Security", ("RCCMS",),
    )  # fmt: skip
    assert len(cell.spans) == 3  # the name, its brackets, the acronym alone
    # letters that do not follow the name are no acronym of it
    assert _bodies("Nairobi, 2 May 2026. The Regional Maritime Centre (Kenya) opened.") == {
        "Regional Maritime Centre": ((), None),
    }  # fmt: skip


def test_a_known_body_after_its_state_s_name_is_that_body() -> None:
    text = "Lima, 2 May 2026. The United States Drug Enforcement Administration sent observers."
    [(name, (aliases, country))] = _bodies(text).items()
    assert (name, country) == ("Drug Enforcement Administration", "US")
    assert "United States Drug Enforcement Administration" in aliases


def test_a_known_name_inside_a_state_body_s_head_is_no_body_of_its_own() -> None:
    text = (
        "Ijevan, 2 May 2026. Officers of the Border Guard Service of the State Security "
        "Service of the Republic of Armenia and with the European Union monitors met."
    )
    assert set(_bodies(text)) == {
        "Border Guard Service of the State Security Service of the Republic of Armenia",
        "State Security Service of the Republic of Armenia",
        "European Union",
    }


def test_a_resolution_or_a_title_is_no_body() -> None:
    text = (
        "New York, 2 May 2026. Under UN Security Council Resolution 2396, states share "
        "passenger data, said Kenya's Cabinet Secretary for Interior, Amina Odhiambo."
    )
    assert set(_bodies(text)) == {"United Nations Security Council", "United Nations"}


def _threats(text: str) -> dict[str, tuple[str, ...]]:
    return {t.name: t.aliases for t in extract(text).threat_actors}


def test_a_group_whose_kind_is_written_in_lower_case_is_still_that_group() -> None:
    text = (
        "Bogota, 2 May 2026. Police seized a tonne of cocaine shipped by the Sinaloa cartel "
        "through ports held by the Gulf cartel, and arrested members of the Kinahan Gang."
    )
    found = extract(text)
    threats = {t.name for t in found.threat_actors}
    assert threats == {"Sinaloa Cartel", "Gulf Cartel", "Kinahan Organised Crime Group"}
    assert "Gulf" not in {p.name for p in found.locations}  # the cartel's, not a place
    # a word of the kind alone, or a place before some other noun, is no group
    assert _threats("Lima, 2 May 2026. Cartels in Sinaloa and the Gulf cartels' routes.") == {}


def test_a_group_named_after_the_article_that_opens_a_sentence_has_no_article() -> None:
    text = "Quito, 2 May 2026. The Jalisco New Generation Cartel moved cocaine, police said."
    assert _threats(text) == {"Jalisco New Generation Cartel": ()}


def test_cartels_gangs_and_opiates_weigh_towards_their_topics() -> None:
    text = (
        "Dushanbe, 2 May 2026. Guards stopped opiates and methamphetamine sent by cartels; "
        "the gangs that run the routes answer to a mafia boss."
    )
    topics = {t.topic.value for t in extract(text).topics}
    assert {"drug-trafficking", "organized-crime"} <= topics


def test_a_delegation_sent_to_a_state_is_a_body_that_is_not_that_states() -> None:
    text = (
        "Astana, 4 May 2026. The Delegation of the European Union to the Republic of "
        "Kazakhstan funded the course. Ambassador Aleska Simkic, Head of the Delegation of "
        "the European Union to the Republic of Kazakhstan, opened it."
    )
    found = extract(text)
    bodies = {o.name: o.country for o in found.organisations}
    assert bodies["Delegation of the European Union to the Republic of Kazakhstan"] is None
    assert "European Union to the Republic of Kazakhstan" not in bodies
    assert {p.name: p.country for p in found.persons} == {"Aleska Simkic": None}


def test_a_city_written_into_the_gazetteer_by_hand_is_a_place_though_a_common_word() -> None:
    places = {p.name for p in extract("Experts met in Geneva and then in Jerusalem.").locations}
    assert places == {"Geneva", "Jerusalem"}


def test_mentions_of_a_named_terrorist_group_weigh_for_terrorism_once_each() -> None:
    def topics(text: str) -> set[str]:
        return {t.topic.value for t in extract(text).topics}

    twice = (
        "The ministers discussed the border. Boko Haram still raids villages near the lake, "
        "and the army said Boko Haram had lost two camps."
    )
    assert "terrorism" in topics(twice)
    once = "The ministers discussed the border and the Islamic State in West Africa (ISWAP)."
    assert "terrorism" not in topics(once)
