"""Rules from the ninth round of texts written to probe extraction (texts written for these
tests): acronyms that spell a town, ..."""

from __future__ import annotations

from accord.extraction.pipeline import extract


def test_a_word_of_three_capitals_is_an_acronym_but_a_dateline_in_capitals_is_a_place() -> None:
    text = "The NIS directive binds operators. Experts from NIS met in Nis on Monday."
    found = extract(text)
    where = text.index("in Nis") + 3
    assert [(loc.name, loc.spans) for loc in found.locations] == [("Nis", ((where, where + 3),))]
    dateline = extract("OSH, Kyrgyzstan – Officers of the border service met today.")
    assert "Osh" in {loc.name.title() for loc in dateline.locations}


def test_an_interviews_answers_labelled_a_are_the_interviewees_first_sentences() -> None:
    text = (
        "\u201cWe train the trainers, and they train the villages\u201d: a border chief on "
        "the north\n\n"
        "Colonel Amara Diallo-Keita heads the border guard of Guinea. Last month she met "
        "General Moussa Traoré in Conakry.\n\n"
        "Q: What changed this year?\n\n"
        "A: We doubled the patrols. The rest is training.\n\n"
        "Q: And smuggling?\n\n"
        "A: Mostly fuel now, and some arms.\n"
    )
    found = extract(text)
    quotes = [(q.speaker, q.text) for q in found.quotes]
    assert quotes == [
        ("Amara Diallo-Keita", "We train the trainers, and they train the villages"),
        ("Amara Diallo-Keita", "We doubled the patrols."),
        ("Amara Diallo-Keita", "Mostly fuel now, and some arms."),
    ]
    for quote in found.quotes:
        ((start, end),) = quote.spans
        assert text[start:end] == quote.text


def test_a_line_opening_with_a_is_no_answer_where_nobody_asks() -> None:
    found = extract(
        "Colonel Amara Diallo-Keita heads the border guard.\n\nA: note on the patrols.\n"
    )
    assert found.quotes == ()


def test_unknown_places_named_by_their_kind_in_lower_case_or_by_the_state_after_them() -> None:
    found = extract(
        "The brigade will be based in Korbol, Sierra Leone. Smugglers use the Dhavra valley "
        "and the Kelsu coast, and cross at the Varnita\u2013Oblesti border crossing and at the "
        "Tirvel and Osmanca crossing points. Patrols cover Bokar, Wendu and Lasso counties."
    )
    places = {loc.name: loc.country for loc in found.locations}
    assert places == {
        "Korbol": "SL", "Dhavra valley": None, "Kelsu coast": None, "Varnita": None,
        "Oblesti": None, "Tirvel": None, "Osmanca": None, "Bokar": None, "Wendu": None,
        "Lasso": None,
    }  # fmt: skip


def test_no_place_is_read_from_a_kind_after_an_everyday_word_a_state_or_a_sentence_start() -> None:
    found = extract(
        "Officers patrolled the Russian region. Region by region the count rose. The Security "
        "area was closed. Valley towns voted, in Paris, Texas too."
    )
    assert {loc.name for loc in found.locations} <= {"Paris", "Texas"}


def test_a_role_for_a_state_deals_with_it_and_serves_the_body_named_after() -> None:
    found = extract(
        "Ms. Hana Lindqvist, Special Envoy for Afghanistan of the Swedish Ministry for Foreign "
        "Affairs, met Mr. Tomas Berg, Special Representative for Syria, in Geneva."
    )
    states = {p.name: p.country for p in found.persons}
    assert states == {"Hana Lindqvist": "SE", "Tomas Berg": None}


def _bodies(text: str) -> set[str]:
    return {o.name for o in extract(text).organisations}


def test_a_commissioner_or_a_chief_of_defence_staff_is_a_title_before_the_body() -> None:
    assert _bodies("She met the Commissioner of the Somali Police Force, General Ali Warsame.") == {
        "Somali Police Force"
    }
    assert _bodies("He met Mr Somchai Boon, Commissioner-General of the Royal Thai Police.") == {
        "Royal Thai Police"
    }
    assert (
        _bodies("It was chaired by General Ade Bakare, Chief of Defence Staff of Nigeria.") == set()
    )
    assert "General Staff of the Armed Forces of Mongolia" in _bodies(
        "They met Lt. Gen. Bat Dorj, Chief of the General Staff of the Armed Forces of Mongolia."
    )


def test_a_time_word_before_the_and_two_fields_of_a_minister_are_no_part_of_a_body() -> None:
    assert _bodies("Since January the Polish Border Guard has recorded 4,000 attempts.") == {
        "Polish Border Guard"
    }
    assert (
        _bodies(
            "Anna Nowak, Minister of the Interior and Administration of the Republic of Poland, spoke."
        )
        == set()
    )
    assert "Ministry of the Interior and Administration" in " ".join(
        _bodies("The Ministry of the Interior and Administration of Poland said so.")
    )


def test_a_portfolio_or_state_before_a_title_in_apposition_is_part_of_the_role() -> None:
    found = extract(
        "Latvia's Justice Minister, Inese Kalnina, Kenya's Interior Cabinet Secretary, Peter "
        "Mwangi, and Norway's State Secretary in the Ministry of Justice, Ingrid Solberg-Nilsen, "
        "met in Riga."
    )
    roles = {p.name: (p.country, p.roles) for p in found.persons}
    assert roles == {
        "Inese Kalnina": ("LV", ("Justice Minister",)),
        "Peter Mwangi": ("KE", ("Interior Cabinet Secretary",)),
        "Ingrid Solberg-Nilsen": ("NO", ("State Secretary in the Ministry of Justice",)),
    }


def test_an_acronym_the_text_defines_means_its_body_also_in_another_language() -> None:
    found = extract(
        "The drill was hosted by the National Cyber Security Centre Finland (NCSC-FI) at the "
        "Finnish Transport and Communications Agency (Traficom). Kadri Tamm, Director General "
        "of the Estonian Information System Authority (RIA), spoke. Juha Rautio, Director of "
        "NCSC-FI, said RIA and Traficom would sign a memorandum."
    )
    aliases = {o.name: set(o.aliases) for o in found.organisations}
    assert aliases["Estonian Information System Authority"] == {"RIA"}
    assert aliases["Finnish Transport and Communications Agency"] == {"Traficom"}
    assert not any("Novosti" in name for name in aliases)  # the gazetteer's RIA is another
    ria = next(o for o in found.organisations if o.name.startswith("Estonian"))
    assert len(ria.spans) == 3
    assert {p.name: p.country for p in found.persons} == {"Kadri Tamm": "EE", "Juha Rautio": "FI"}


def test_an_innermost_body_takes_a_foreign_acronym_and_a_state_code_is_none() -> None:
    found = extract(
        "Officers of the Service for Combating Organised Crime (SBPOK) of the Ministry of the "
        "Interior met the Drug Enforcement Administration (US) team."
    )
    aliases = {o.name: set(o.aliases) for o in found.organisations}
    assert aliases["Service for Combating Organised Crime"] == {"SBPOK"}
    assert all("US" not in a for a in aliases.values())


def test_a_named_operation_from_a_headline_is_completed_where_the_text_says_it_ran() -> None:
    text = (
        "Operation Silver Heron: 90 arrests in Atlantic ports\n\n"
        "Operation Silver Heron ran from 3 to 21 February and was coordinated from Lyon. "
        "Officers seized 4 tonnes of cocaine."
    )
    found = extract(text)
    operation = next(i for i in found.initiatives if "Silver Heron" in i.text)
    assert operation.status.value == "completed"
    ongoing = extract(
        "Operation Silver Heron: 90 arrests in Atlantic ports\n\n"
        "Operation Silver Heron is coordinated from Lyon. Officers seized 4 tonnes of cocaine."
    )
    assert all(i.status.value != "completed" for i in ongoing.initiatives)


def test_a_police_rank_of_another_service_is_a_title_not_a_name() -> None:
    found = extract(
        "The memorandum was signed by Chief Quaestor Mihai-Andrei Popescu and Divisional "
        "Commissioner Adama Kone."
    )
    assert {p.name: p.roles for p in found.persons} == {
        "Mihai-Andrei Popescu": ("Chief Quaestor",),
        "Adama Kone": ("Divisional Commissioner",),
    }


def test_a_represented_list_reaches_past_a_comma_before_the_name() -> None:
    found = extract(
        "Brazil was represented by Joao Prado, Executive Secretary of the Ministry of Justice; "
        "Argentina by Maria de la Cruz, Secretary of Federal Security; and Uruguay by the "
        "Minister of the Interior, Gonzalo Fernandez-Larranaga."
    )
    assert {p.name: p.country for p in found.persons} == {
        "Joao Prado": "BR", "Maria de la Cruz": "AR", "Gonzalo Fernandez-Larranaga": "UY",
    }  # fmt: skip


def test_a_portfolio_of_everyday_words_before_a_name_is_the_titles_complement() -> None:
    found = extract(
        "Bolivia sent Vice-Minister of Social Defence and Controlled Substances Ramiro Quispe "
        "Mamani. The President of the Republic of Tajikistan Emomali Rahmon and NATO Secretary "
        "General Jens Stoltenberg met. Patrols ran along the Administrative Boundary Line."
    )
    roles = {p.name: p.roles for p in found.persons}
    assert roles == {
        "Ramiro Quispe Mamani": ("Vice-Minister of Social Defence and Controlled Substances",),
        "Emomali Rahmon": ("President of the Republic of Tajikistan",),
        "Jens Stoltenberg": ("NATO Secretary General",),
    }


def test_a_building_named_after_someone_is_a_place_and_no_person() -> None:
    found = extract(
        "The ministers were received by Osvaldo Gimenez at the Palacio de López in Asuncion. "
        "Experts met later at the Palais des Nations."
    )
    assert {p.name for p in found.persons} == {"Osvaldo Gimenez"}
    assert {"Palacio de López", "Palais des Nations"} <= {loc.name for loc in found.locations}
    assert "Palacio" not in {loc.name for loc in found.locations}


def test_a_bodys_thing_after_its_acronym_is_no_person() -> None:
    found = extract(
        "Hotlines will be linked to the ASEANAPOL Database System by 2026, said NATO Secretary "
        "General Mark Rutte."
    )
    assert {p.name for p in found.persons} == {"Mark Rutte"}


def test_an_instrument_under_negotiation_is_a_draft() -> None:
    found = extract(
        "The text of a Protocol on the Exchange of Maritime Information remains under "
        "negotiation. A Framework Agreement on Border Security is being negotiated by the sides."
    )
    statuses = {i.text: i.status.value for i in found.initiatives}
    assert statuses == {
        "Protocol on the Exchange of Maritime Information": "draft",
        "A Framework Agreement on Border Security": "draft",
    }


def _topics(text: str) -> set[str]:
    return {t.topic.value for t in extract(text).topics}


def test_terrorist_financing_and_suspicious_transfers_are_money_laundering() -> None:
    assert "money-laundering" in _topics(
        "The register lists persons who finance terrorist activity through cryptocurrency."
    )
    assert "money-laundering" in _topics(
        "We are working with the bank to flag suspicious transfers before they leave the country."
    )
    assert "money-laundering" in _topics("The cell was accused of laundering drug money.")
    assert "money-laundering" not in _topics(
        "The fund will finance border posts and money for training."
    )


def test_the_instrumentalisation_of_migration_is_illegal_migration() -> None:
    assert "illegal-migration" in _topics(
        "The ministers signed a declaration on countering the instrumentalisation of migration."
    )


def test_hosting_or_taking_part_in_an_exercise_is_no_meeting() -> None:
    assert (
        extract("Lithuania will host the next edition of the exercise in Vilnius.").meetings == ()
    )
    assert (
        extract(
            "Specialists from eight countries took part this week in \u201cBoreal Shield\u201d, a "
            "three-day exercise in Helsinki."
        ).meetings
        == ()
    )
    assert len(extract("Lithuania will host the next meeting of the ministers in Vilnius.")
               .meetings) == 1  # fmt: skip


def test_a_second_planned_meeting_in_the_sentence_of_another_is_one_of_its_own() -> None:
    found = extract(
        "The chiefs of staff met in Accra on 3 May 2025. Their recommendations will go to the "
        "Council, which will meet in Freetown on 30 June 2025, and to the Summit, scheduled "
        "to be held in Abuja next month."
    )
    planned = {m.location: m.start for m in found.meetings if m.status.value == "planned"}
    assert set(planned) == {"Freetown", "Abuja"}
    freetown, abuja = planned["Freetown"], planned["Abuja"]
    assert freetown is not None and freetown.value.isoformat() == "2025-06-30"
    assert abuja is None or abuja.value.isoformat() != "2025-06-30"
    one = extract(
        "The chiefs of staff met in Accra on 3 May 2025. They will meet again in Freetown on "
        "30 June 2025, when the ministers are to review the plan."
    )
    assert [m.location for m in one.meetings if m.status.value == "planned"] == ["Freetown"]


def test_the_body_a_person_is_said_to_head_gives_the_state() -> None:
    found = extract(
        "Colonel Amina Wekesa has commanded the Anti-Terrorism Police Unit (ATPU) of the "
        "National Police Service of Kenya since January. General Ali Warsame heads the "
        "delegation to Russia."
    )
    assert {p.name: p.country for p in found.persons} == {
        "Amina Wekesa": "KE", "Ali Warsame": None,
    }  # fmt: skip


def test_the_correspondent_an_interview_introduces_first_asks_and_does_not_answer() -> None:
    found = extract(
        "Interview\n\nOur correspondent Anna Berg spoke to General Moussa Traore, head of the "
        "border guard of Mali.\n\nQ: What changed?\n\nA: We doubled the patrols. The rest is "
        "training.\n"
    )
    assert [(q.speaker, q.text) for q in found.quotes] == [
        ("Moussa Traore", "We doubled the patrols.")
    ]
