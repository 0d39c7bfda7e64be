"""Rules that read instruments out of commitments, nominalisations and titles."""

from __future__ import annotations

from accord.extraction.findings import Initiative
from accord.extraction.initiatives import find_initiatives
from accord.vocab import InitiativeKind, InitiativeStatus


def initiatives(text: str) -> dict[str, Initiative]:
    return {i.text: i for i in find_initiatives(text, [], [(0, len(text))])}


def test_a_commitment_to_lasting_joint_action_is_an_instrument() -> None:
    found = initiatives(
        "The parties agreed to set up a liaison cell, coordinated by the ministry, and to "
        "exchange passenger data on suspected couriers through secure channels."
    )
    exchange = found["exchange passenger data on suspected couriers through secure channels"]
    assert (exchange.kind, exchange.status) == (InitiativeKind.PLATFORM, InitiativeStatus.AGREED)


def test_a_proposal_that_a_body_act_is_a_proposed_instrument() -> None:
    found = initiatives("Inspector Novak proposed that Interpol deploy an analyst to Tirana.")
    assert found["deploy an analyst to Tirana"].status == InitiativeStatus.PROPOSED


def test_a_transformation_into_a_body_is_an_organisation() -> None:
    found = initiatives("We welcome the decision to transform the council into a regional body.")
    item = found["transform the council into a regional body"]
    assert (item.kind, item.status) == (InitiativeKind.ORGANIZATION, InitiativeStatus.AGREED)


def test_one_off_acts_and_pronoun_objects_are_not_instruments() -> None:
    found = initiatives(
        "The delegations agreed to meet again in May, decided to discuss the matter later, "
        "agreed that they are a shared concern and agreed to share it with the ministries."
    )
    assert found == {}


def test_a_nominalised_action_with_a_status_is_an_instrument() -> None:
    found = initiatives("The modernisation of four border crossing points was completed.")
    item = found["modernisation of four border crossing points"]
    assert (item.kind, item.status) == (InitiativeKind.PROJECT, InitiativeStatus.COMPLETED)


def test_a_nominalised_subject_matter_is_not_an_instrument() -> None:
    assert initiatives("They agreed to hold a meeting on the clearance of the harbour.") == {}


def test_a_title_may_carry_its_acronym_in_parentheses() -> None:
    found = initiatives("The Regional Maritime Awareness (RMA) Programme is under way.")
    assert "The Regional Maritime Awareness (RMA) Programme" in found


def test_an_exercise_named_in_quotation_marks_keeps_its_code_name() -> None:
    found = initiatives("The joint exercise “Steppe-Shield-2024” was completed in June.")
    item = found["joint exercise “Steppe-Shield-2024”"]
    assert (item.kind, item.status) == (InitiativeKind.PROGRAMME, InitiativeStatus.COMPLETED)


def test_a_body_created_in_the_passive_is_an_institutional_change() -> None:
    found = initiatives("In Russia, the Committee for Control of Illicit Drug Trafficking has just "
                        "been created.")  # fmt: skip
    item = found["Committee for Control of Illicit Drug Trafficking"]
    assert (item.kind, item.status) == (InitiativeKind.ORGANIZATION, InitiativeStatus.COMPLETED)


def test_a_pronoun_subject_of_a_passive_is_not_an_instrument() -> None:
    assert initiatives("It is a zone of this type that was created.") == {}


def test_a_proposed_gerund_is_a_proposed_instrument() -> None:
    found = initiatives("The delegation proposed sending a liaison officer to the centre.")
    assert found["sending a liaison officer to the centre"].status == InitiativeStatus.PROPOSED


def test_an_instrument_word_that_modifies_an_office_is_not_a_head() -> None:
    found = initiatives(
        "Profits were laundered through currency exchange offices, the OSCE Programme Office "
        "said, and a joint training centre was proposed."
    )
    assert list(found) == ["joint training centre"]


def test_a_quoted_project_title_is_a_project() -> None:
    found = initiatives('The meeting was held within the project "Cyber Resilience for Asia".')
    assert found['project "Cyber Resilience for Asia"'].kind == InitiativeKind.PROJECT


def test_reform_named_by_its_domains_is_a_programme() -> None:
    found = initiatives(
        "They were urged to keep up the pace of defence and security sector reform."
    )
    assert "defence and security sector reform" in found


def test_a_definite_reference_to_a_head_is_anaphoric() -> None:
    assert initiatives("The working group will hold its first session in May, it was agreed.") == {}


def test_a_phase_of_a_project_is_an_instrument() -> None:
    found = initiatives("They discussed a second phase of the project, which would cover roads.")
    assert found["second phase of the project"].status == InitiativeStatus.PROPOSED


def test_sentences_skipped_for_want_of_a_capitalised_instrument_word_hold_no_title() -> None:
    from pathlib import Path

    from accord.documents.cues import Present
    from accord.extraction import initiatives as module
    from accord.extraction.sentences import sentences

    here = Path(__file__).parent
    texts = [p.read_text() for p in sorted(here.glob("meeting_texts/*.txt"))]
    texts.append("The plan and the system were agreed. The Action Plan on Borders was signed.")
    for text in texts:
        spans = sentences(text)
        present = Present(text, spans, module._vocabulary())
        for index, (s, e) in enumerate(spans):
            if not module._titled(text[s:e], present, index):
                assert module._TITLE.search(text[s:e]) is None, text[s:e]


def test_two_instruments_joined_by_and_are_two() -> None:
    found = initiatives(
        "The ministers signed an Agreement on cooperation in combating organized crime and a "
        "Protocol on the exchange of operational information."
    )
    assert sorted(found) == [
        "Agreement on cooperation in combating organized crime",
        "Protocol on the exchange of operational information",
    ]
    assert {i.status for i in found.values()} == {InitiativeStatus.SIGNED}
    # an "and" inside one instrument's object does not cut it
    one = initiatives("They signed an agreement on the fight against terrorism and its financing.")
    assert list(one) == ["agreement on the fight against terrorism and its financing"]


def test_an_instrument_created_by_the_sentence_s_own_verb_has_its_status() -> None:
    def status(text: str) -> InitiativeStatus | None:
        found = list(initiatives(text).values())
        return found[0].status if found else None

    assert status("The sides set up a joint working group on irregular migration.") == (
        InitiativeStatus.COMPLETED
    )
    assert status("The two services established a hotline between their duty centres.") == (
        InitiativeStatus.COMPLETED
    )
    assert status("They launched a joint working group on irregular migration.") == (
        InitiativeStatus.IN_PROGRESS
    )
    # not the sentence's own verb: governed by "to" or a modal, or a participle with "by"
    assert status("The ministers agreed to set up a working group on border security.") == (
        InitiativeStatus.AGREED
    )
    assert status("A working group on border security will be established soon.") is None
    assert status("It takes part in a training project set up by the Council.") is None


def test_a_headline_s_instrument_named_again_below_is_one_instrument() -> None:
    from accord.extraction.pipeline import extract

    text = (
        "Second phase of regional anti-drug plan launched in Bishkek\n"
        "The second phase of the “Joint Plan of Action against Drug Trafficking in Central "
        "Asia” was launched on Monday by the ministers of the five states."
    )
    found = [i.text for i in extract(text).initiatives]
    assert found == ["Joint Plan of Action against Drug Trafficking in Central Asia"]
    # a headline's instrument that the text does not name again stays
    alone = "Border services launched a joint hotline\nThe chiefs met in Osh on Monday."
    assert [i.text for i in extract(alone).initiatives] == ["joint hotline"]


def test_joint_operations_continued_are_an_instrument_a_framework_one_is_within() -> None:
    found = initiatives(
        "The sides agreed to continue joint operations against drug trafficking under the "
        "framework of the Shanghai Cooperation Organization."
    )
    assert list(found) == [
        "joint operations against drug trafficking under the framework of the Shanghai "
        "Cooperation Organization"
    ]
    assert found[next(iter(found))].status == InitiativeStatus.AGREED
    assert list(initiatives("They signed a framework agreement on security.")) == [
        "framework agreement on security"
    ]


def test_a_working_arrangement_is_an_agreement_named_without_its_place_and_day() -> None:
    found = initiatives(
        "Frontex and the Border Police signed a new working arrangement in Chisinau on Wednesday."
    )
    assert list(found) == ["new working arrangement"]
    item = found["new working arrangement"]
    assert (item.kind, item.status) == (InitiativeKind.AGREEMENT, InitiativeStatus.SIGNED)


def test_an_instrument_a_relative_clause_reports_created() -> None:
    found = initiatives(
        "The colonel presented a new border information system that has been introduced at "
        "the Farap crossing point."
    )
    assert list(found) == ["border information system"]
    assert found["border information system"].status == InitiativeStatus.COMPLETED


def test_a_hub_agreed_at_a_meeting_a_launched_project_and_phrases_ending_at_the_next_verb() -> None:
    from accord.extraction.pipeline import extract

    text = (
        "The agencies agreed at a meeting in Tashkent on Wednesday to establish a regional "
        "information hub on drug trafficking. They endorsed a roadmap for the harmonisation of "
        "laws on precursors and welcomed the launch of a UNODC project on container control. "
        "The draft memorandum on the exchange of forensic data will be finalised soon."
    )
    found = {i.text: i.status for i in extract(text).initiatives}
    assert found == {
        "establish a regional information hub on drug trafficking": InitiativeStatus.AGREED,
        "roadmap for the harmonisation of laws on precursors": InitiativeStatus.AGREED,
        "UNODC project on container control": InitiativeStatus.IN_PROGRESS,
        "draft memorandum on the exchange of forensic data": InitiativeStatus.DRAFT,
    }


def test_a_participle_that_qualifies_a_noun_does_not_end_the_phrase() -> None:
    found = initiatives("They signed an agreement on combating terrorism and organized crime.")
    assert list(found) == ["agreement on combating terrorism and organized crime"]


def test_a_communique_s_first_person_present_commits_and_a_body_set_up_stands() -> None:
    from accord.extraction.pipeline import extract

    text = (
        "Riga, 7 May 2026\n\n"
        "4. We decide to establish a Baltic Task Force on Forged Documents, which will report "
        "to the ministers every year.\n\n"
        "5. The Parties agree to extend the Joint Maritime Cell's mandate until 2030.\n\n"
        "6. We agree to step up the fight against forged documents."
    )
    findings = extract(text)
    assert "Baltic Task Force on Forged Documents" in {o.name for o in findings.organisations}
    found = {i.text: (i.kind, i.status) for i in findings.initiatives}
    assert found == {  # the body is an organisation and, reported as set up, an instrument
        "establish a Baltic Task Force on Forged Documents": (
            InitiativeKind.FORCE, InitiativeStatus.AGREED,
        ),
        "extend the Joint Maritime Cell's mandate until 2030": (
            InitiativeKind.PROGRAMME, InitiativeStatus.AGREED,
        ),
    }  # fmt: skip


def test_an_instrument_s_phrase_ends_before_the_month_or_year_it_was_done_in() -> None:
    found = initiatives(
        "The service signed a memorandum of understanding with the Police Academy of Georgia "
        "in June, and held a training course for customs officers in early March 2025."
    )
    assert set(found) == {
        "memorandum of understanding with the Police Academy of Georgia",
        "training course for customs officers",
    }
    assert "action plan for 2025–2027" in initiatives(  # a period is part of the name
        "The ministers adopted the action plan for 2025–2027 in 2024."
    )


def test_a_strategy_others_draw_on_is_an_instrument_under_way() -> None:
    found = initiatives(
        "The new plan draws on the main provisions of the regional anti-drug strategy for the "
        "years up to 2030."
    )
    strategy = found["regional anti-drug strategy for the years up to 2030"]
    assert (strategy.kind, strategy.status) == (
        InitiativeKind.PROGRAMME, InitiativeStatus.IN_PROGRESS
    )  # fmt: skip


def test_code_named_holds_no_code_and_a_short_mention_of_a_named_plan_is_that_plan() -> None:
    text = (
        "The council approved the raids code-named “Harvest” and a plan of inspections on "
        "transit routes for 2027. The inspection plan was approved by the ministers too."
    )
    assert set(initiatives(text)) == {"plan of inspections on transit routes for 2027"}
