"""When the main meeting was held, on sentences written for these tests (not taken from any
corpus)."""

from __future__ import annotations

from datetime import date

from accord.extraction.pipeline import extract
from accord.vocab import MeetingFormat


def _main(text: str) -> tuple[date | None, date | None]:
    meeting = extract(text, date(2026, 5, 8)).meetings[0]
    return (
        meeting.start.value if meeting.start else None,
        meeting.end.value if meeting.end else None,
    )


def test_a_day_the_lead_gives_before_the_main_sentence_dates_the_meeting() -> None:
    text = (
        "Kyrgyzstan and Tajikistan to share patrol schedules\n\n"
        "OSH, 8 May 2026. The border services of Kyrgyzstan and Tajikistan agreed on Wednesday "
        "to exchange patrol schedules. General Ulan Asanov received his Tajik counterpart, "
        "General Rustam Nazarov, in Osh."
    )
    assert _main(text) == (date(2026, 5, 6), date(2026, 5, 6))
    countries = {p.name: p.country for p in extract(text).persons}
    assert countries["Rustam Nazarov"] == "TJ"  # "his Tajik counterpart, General ..."


def test_a_dateline_sentence_alone_is_not_the_meeting_s_day() -> None:
    text = (
        "Border chiefs meet in Osh\n\n"
        "OSH, 8 May 2026. General Ulan Asanov received his Tajik counterpart, General Rustam "
        "Nazarov, in Osh."
    )
    assert _main(text) == (None, None)  # the dateline is on the lead's line: publication


def test_receiving_one_s_counterpart_is_a_meeting_with_him() -> None:
    text = "General Ulan Asanov received his Tajik counterpart, General Rustam Nazarov, in Osh."
    (meeting,) = extract(text, date(2026, 5, 8)).meetings
    assert set(meeting.participants) == {"Ulan Asanov", "Rustam Nazarov"}


def test_a_day_at_the_end_of_a_two_day_meeting_is_its_last_and_the_sidelines_name_signers() -> None:
    text = (
        "Customs chiefs pool data on cigarette smuggling\n\n"
        "RIGA, 8 May 2026 – Customs services of the Baltic states agreed on Thursday to pool "
        "risk data on cigarette consignments.\n\n"
        "The decision came at the end of a two-day conference of customs directors in Riga.\n\n"
        "On the sidelines of the conference, Latvia and Lithuania signed a protocol on joint "
        "inspections. The protocol was signed by Director General Ilze Kalnina for Latvia and "
        "by Director Tomas Petraitis for Lithuania."
    )
    held = extract(text, date(2026, 5, 8)).meetings
    assert (held[0].start.value, held[0].end.value) == (date(2026, 5, 6), date(2026, 5, 7))  # type: ignore[union-attr]
    sidelines = [m for m in held if m.format is MeetingFormat.BILATERAL]
    assert [m.participants for m in sidelines] == [("Ilze Kalnina", "Tomas Petraitis")]
    assert sidelines[0].start is None  # the sidelines of a two-day event: no day in particular


def test_an_exercise_is_no_meeting_and_a_future_seminar_has_none_of_the_course_s_people() -> None:
    text = (
        "Customs course ends in Termez\n\n"
        "Termez, 8 May 2026\n\n"
        "A one-week course on container profiling for twenty customs officers ended on Friday, "
        "taught by Inspector Marta Kowalska of the Polish National Revenue Administration.\n\n"
        "On the last day, the officers took part in a field exercise at the Ayritom crossing "
        "point, where they searched rail wagons.\n\n"
        "The centre will host a regional seminar on rail freight for border agencies in June."
    )
    (meeting,) = extract(text, date(2026, 5, 8)).meetings
    assert meeting.status.value == "planned" and meeting.participants == ()


def test_the_state_a_meeting_is_about_is_not_one_of_its_parties() -> None:
    text = (
        "Ankara, 29 January 2026\n\n"
        "Special envoys on Syria of Turkey, Iran and Russia met in Ankara on Wednesday for "
        "consultations on the situation in Syria."
    )
    (meeting,) = extract(text, date(2026, 1, 29)).meetings
    assert meeting.countries == ("IR", "RU", "TR")
