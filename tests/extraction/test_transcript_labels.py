"""Speaker labels of transcripts in their varied styles (a text written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from accord.extraction.pipeline import extract

TRANSCRIPT = """Transcript of the joint press conference

Vilnius, 12 March 2026

MODERATOR: Good afternoon. We begin with short statements.

Rasa Jankauskiene, Minister of the Interior of the Republic of Lithuania: Thank you. We met today to discuss drones over the border.

MR. OZOLINS: Thank you, Rasa. Latvia sees the same pattern on its side.

Taras Bondar, Deputy Minister (by video link from Kyiv): Good afternoon. Our data shows the same routes.

Question: A question for Ms. Lindgren of Frontex.

LINDGREN: Frontex will send a team. Anna Lindgren is our liaison officer in the region.

Question: Mr. Ozolins, when will you meet again?

MR. OZOLINS: In the autumn, in Riga.
"""


@pytest.fixture(scope="module")
def found():
    return extract(TRANSCRIPT, date(2026, 3, 12))


def test_a_label_with_the_role_in_apposition_opens_a_turn(found) -> None:
    turns = {(q.speaker, q.text) for q in found.quotes}
    assert ("Rasa Jankauskiene", "Thank you.") in turns
    assert ("Taras Bondar", "Good afternoon.") in turns


def test_a_capital_surname_of_someone_named_in_full_opens_a_turn(found) -> None:
    assert ("Anna Lindgren", "Frontex will send a team.") in {
        (q.speaker, q.text) for q in found.quotes
    }


def test_a_surname_never_completed_but_used_after_an_honorific_is_a_person(found) -> None:
    names = {p.name for p in found.persons}
    assert "Ozolins" in names
    assert "Moderator" not in names and "Question" not in names
    assert [q.text for q in found.quotes if q.speaker == "Ozolins"] == [
        "Thank you, Rasa.", "In the autumn, in Riga."
    ]  # fmt: skip


def test_a_speaker_on_a_video_link_from_a_city_serves_that_citys_state(found) -> None:
    assert {p.name: p.country for p in found.persons}["Taras Bondar"] == "UA"
