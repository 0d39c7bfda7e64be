"""Roles as written: the words that name a title's field or body, and the state a possessive
names (texts written for these tests)."""

from __future__ import annotations

from accord.extraction.pipeline import extract


def _people(text: str) -> dict[str, tuple[tuple[str, ...], str | None]]:
    return {p.name: (p.roles, p.country) for p in extract(text).persons}


def test_a_field_or_body_before_a_title_in_apposition_is_part_of_the_role() -> None:
    people = _people(
        "The European Union's Counter-Terrorism Coordinator, Anneke Vos, met officials in "
        "Brussels on Tuesday. Later, Mongolia's Anti-Corruption Agency chairman, Batbold "
        "Sukhbaatar, said the inquiry would go on."
    )
    assert people["Anneke Vos"] == (("Counter-Terrorism Coordinator",), None)
    assert people["Batbold Sukhbaatar"] == (("Anti-Corruption Agency chairman",), "MN")


def test_a_state_written_as_a_possessive_before_the_title_is_the_persons() -> None:
    people = _people("Georgia's Deputy Interior Minister, Levan Beridze, spoke to reporters.")
    assert people["Levan Beridze"] == (("Deputy Interior Minister",), "GE")


def test_the_words_of_a_body_between_title_words_before_a_name_stay_in_the_title() -> None:
    people = _people(
        "Foreign Ministry Spokesperson Wang Lei told a press briefing on Monday that the "
        "talks would go on. OSCE Press Secretary Irena Novak confirmed the date."
    )
    assert people["Wang Lei"][0] == ("Foreign Ministry Spokesperson",)
    assert people["Irena Novak"][0] == ("OSCE Press Secretary",)


def test_malay_bruneian_and_cambodian_honorifics_are_neither_name_nor_role() -> None:
    people = _people(
        "Brunei's Minister of Home Affairs, Dato Seri Setia Haji Awang Hamid Yusof, met Home "
        "Minister Datuk Seri Rahman Ismail in Putrajaya. Samdech Sok Vanna sent a message."
    )
    assert people["Hamid Yusof"] == (("Minister of Home Affairs",), "BN")
    assert people["Rahman Ismail"][0] == ("Home Minister",)
    assert "Sok Vanna" in people


def test_a_rank_after_a_title_before_the_name_is_no_part_of_the_name() -> None:
    people = _people("Interpol Secretary General Jurandir Quintela welcomed the decision.")
    assert people == {"Jurandir Quintela": (("Secretary General",), None)}


def test_a_former_or_newly_appointed_holder_keeps_the_role_in_apposition() -> None:
    people = _people(
        "Ana Lucia Herrera, former President of the UN General Assembly, gave a lecture. Omar "
        "Haddad, the newly appointed head of the Border Service, listened."
    )
    assert people["Ana Lucia Herrera"][0] == ("former President of the UN General Assembly",)
    assert people["Omar Haddad"][0] == ("newly appointed head of the Border Service",)


def test_names_go_on_through_two_particles_and_a_list_of_such_names_is_read() -> None:
    people = _people(
        "The meeting brought together Luis Alberto de la Fuente, Minister of the Interior of "
        "Guatemala; Marta Ruiz de los Santos, Minister of Security of Honduras. "
        "de la Fuente said the gangs had moved north."
    )
    assert people["Luis Alberto de la Fuente"] == (("Minister of the Interior of Guatemala",), "GT")
    assert people["Marta Ruiz de los Santos"][1] == "HN"


def test_a_name_after_a_title_complement_with_for_and_no_newspaper_for_a_person() -> None:
    people = _people(
        "Peruvian Deputy Minister of the Interior for Public Order Jose Antonio Quispe told "
        "the daily El Comercio that the patrols would go on."
    )
    assert set(people) == {"Jose Antonio Quispe"}
    assert people["Jose Antonio Quispe"][1] == "PE"


def test_an_honorific_after_a_name_word_is_part_of_the_name() -> None:
    people = _people(
        "Somalia was represented by Abdullahi Sheikh Omar Farah, the Minister of Internal "
        "Security. Minister Sheikh Yusuf Ali Warsame attended."
    )
    assert people["Abdullahi Sheikh Omar Farah"][0] == ("Minister of Internal Security",)
    assert "Yusuf Ali Warsame" in people


def test_a_cabinet_or_principal_secretary_serves_the_state_of_the_dateline() -> None:
    people = _people(
        "NAIROBI, 6 February 2025 – The talks were opened by the Cabinet Secretary for the "
        "Interior, Achieng Wafula-Otieno, and the Principal Secretary, Kiprop Chebet Langat."
    )
    assert people["Achieng Wafula-Otieno"][1] == "KE"
    assert people["Kiprop Chebet Langat"][1] == "KE"
