"""Lists of delegations and the speaker labels of verbatim records, on texts written for these
tests (not taken from any corpus)."""

from __future__ import annotations

from accord.extraction.pipeline import extract


def test_a_list_of_delegations_gives_each_head_the_state_of_his_line() -> None:
    text = (
        "Joint communique of the ministers of the interior\n\n"
        "Manila, 3 March 2026\n\n"
        "The ministers met in Manila to review cooperation against maritime piracy.\n\n"
        "HEADS OF DELEGATION\n"
        "Malaysia: Rahim Osman, Minister of Home Affairs\n"
        "Myanmar: Lieutenant General Tun Tun Naung, Minister of Home Affairs\n"
        "- Viet Nam \u2013 Tran Quoc Hung, Deputy Minister of Public Security\n"
    )
    countries = {p.name: p.country for p in extract(text).persons}
    assert countries == {"Rahim Osman": "MY", "Tun Tun Naung": "MM", "Tran Quoc Hung": "VN"}


def test_a_label_that_names_no_state_gives_none() -> None:
    text = "Verbatim record\n\nPresent: Mr Olav Strand, Ms Berit Lunde.\n\nThe session opened."
    assert {p.name: p.country for p in extract(text).persons} == {
        "Olav Strand": None, "Berit Lunde": None,
    }  # fmt: skip


def test_an_honorific_in_a_speaker_label_is_no_role() -> None:
    text = (
        "Hearing of the Justice Committee\n\n"
        "Present: Ms Ingrid Solberg, Mr Tore Haugen (Chief of the National Police).\n\n"
        "MS SOLBERG: Chief, how many officers work on online fraud today?\n\n"
        "MR HAUGEN: About four hundred, in twelve districts.\n"
    )
    roles = {p.name: p.roles for p in extract(text).persons}
    assert roles["Ingrid Solberg"] == ()
    assert roles["Tore Haugen"] == ("Chief of the National Police",)
    speakers = [q.speaker for q in extract(text).quotes]
    assert speakers == ["Ingrid Solberg", "Tore Haugen"]


def test_the_chair_named_once_in_brackets_speaks_each_later_chair_turn() -> None:
    text = (
        "Verbatim record, 4 March 2026\n\n"
        "Present: Ms Marta Kowalczyk (Chair), Mr Piotr Zielinski.\n\n"
        "THE CHAIR (Ms Kowalczyk): The committee will hear the Border Guard today.\n\n"
        "MR ZIELINSKI: How long is the new fence on the border with Belarus?\n\n"
        "THE CHAIR: The witness will answer that after the break.\n"
    )
    found = extract(text)
    assert [(q.speaker, q.text) for q in found.quotes] == [
        ("Marta Kowalczyk", "The committee will hear the Border Guard today."),
        ("Piotr Zielinski", "How long is the new fence on the border with Belarus?"),
        ("Marta Kowalczyk", "The witness will answer that after the break."),
    ]
    assert {p.name: p.roles for p in found.persons}["Marta Kowalczyk"] == ("Chair",)


def test_an_office_label_never_named_speaks_for_no_one() -> None:
    text = "Transcript\n\nTHE PRESIDENT: I give the floor to the delegate of Chile.\n"
    assert extract(text).quotes == ()


def test_the_first_of_two_surnames_alone_is_the_person() -> None:
    text = (
        "Lima, 4 May 2026. Peru's Interior Minister Juan José Santiváñez Antúnez met "
        "Bolivian officials in Lima. \u201cThe river ports are where the cocaine leaves the "
        "country,\u201d Santiváñez told reporters after the talks."
    )
    [quote] = extract(text).quotes
    assert quote.speaker == "Juan José Santiváñez Antúnez"


def test_a_word_naming_the_field_of_a_title_belongs_to_it() -> None:
    text = (
        "Accra, 2 June 2026. Ghana's Security Minister Kofi Mensah Boateng and the "
        "National Security Adviser Abena Owusu Darko received the delegation."
    )
    roles = {p.name: p.roles for p in extract(text).persons}
    assert roles == {
        "Kofi Mensah Boateng": ("Security Minister",),
        "Abena Owusu Darko": ("National Security Adviser",),
    }


def test_a_name_goes_on_through_a_word_with_an_arabic_article() -> None:
    text = "Rabat, 5 May 2026. The court sentenced Abu Hamza al-Tunisi and Omar Benali in absentia."
    assert [p.name for p in extract(text).persons] == ["Abu Hamza al-Tunisi", "Omar Benali"]


def test_the_code_name_of_an_operation_or_exercise_is_no_person() -> None:
    text = (
        "Warsaw, 2 May 2026. Operation Silver Heron ran for three weeks, and Exercise Amber "
        "Falcon will follow in June, said Marek Nowak, the operation's coordinator."
    )
    assert [p.name for p in extract(text).persons] == ["Marek Nowak"]


def test_a_workshop_that_produces_things_is_no_meeting() -> None:
    text = (
        "Dakar, 2 May 2026. Police dismantled a clandestine workshop in Thiès. A second "
        "workshop producing forged visas was raided in Mbour."
    )
    assert extract(text).meetings == ()
    held = extract("Dakar, 2 May 2026. A workshop on forged visas was held in Dakar.").meetings
    assert [m.status.value for m in held] == ["held"]


def test_a_convention_one_attends_is_a_gathering_not_a_treaty() -> None:
    text = (
        "Berlin, 2 May 2026. The minister will report to the delegates at the Baltic Customs "
        "Directors Convention in Riga in October."
    )
    found = extract(text)
    assert found.initiatives == ()
    assert [(m.status.value, m.location) for m in found.meetings] == [("planned", "Riga")]
    treaty = extract("Berlin, 2 May 2026. Germany ratified the Budapest Convention on Cybercrime.")
    assert [i.kind.value for i in treaty.initiatives] == ["agreement"]


def test_a_full_name_written_where_no_mention_was_read_holds_no_place() -> None:
    text = (
        "Spokesperson Zhang Jian's Weekly Press Conference\n\nBeijing, 2 May 2026\n\n"
        "Zhang Jian: China will host the talks in Kunming next month."
    )
    found = extract(text)
    assert [p.name for p in found.persons] == ["Zhang Jian"]
    assert [loc.name for loc in found.locations] == ["Beijing", "Kunming"]  # no "Jian"


def test_a_trip_for_talks_is_planned_and_he_who_will_hold_them_is_the_visitor() -> None:
    text = (
        "Paris, 2 May 2026. The EU envoy, Anna Berg, will travel to Mali and Niger next week "
        "for talks on the Sahel. In Bamako, she will meet Foreign Minister Abdoulaye Diop. "
        "In Niamey, she is due to hold talks with Defence Minister Salifou Mody."
    )
    meetings = extract(text).meetings
    assert {m.status.value for m in meetings} == {"planned"}
    assert {m.participants for m in meetings if m.location == "Niamey"} == {
        ("Anna Berg", "Salifou Mody"),
    }  # fmt: skip
