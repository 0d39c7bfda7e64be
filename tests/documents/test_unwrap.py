"""Hard-wrapped PDF text back into paragraphs: the rules on plain strings, then a PDF built here."""

from __future__ import annotations

import pytest

from accord.documents import load_bytes
from accord.documents.unwrap import unwrap_lines
from accord.extraction.pipeline import extract
from tests.documents.builders import minimal_pdf

# A communiqué as a PDF prints it, about 70 characters to the line.
WRAPPED = [
    "Border chiefs meet in Termez",
    "12 May 2025",
    "The Chairman of the State Border Committee of the Republic of Uzbekistan,",
    "Colonel Timur Rashidov, received a delegation of the Border Service of",
    "Kazakhstan for talks on border secur-",
    "ity along the Kazakh-",
    "Kyrgyz section of the frontier and on the plan for 2025-",
    "2027, which the two services adopted in Termez last year.",
    "The delegation was led by Aidos Seitkali, Deputy Director of the Border",
    "Service, who thanked his hosts.",
    "Both sides agreed on three steps to take before the end of the year:",
    "- joint patrols along the river and the road between the border posts;",
    "- an exchange of liaison officers.",
]
PARAGRAPHS = [
    "Border chiefs meet in Termez",
    "12 May 2025",
    "The Chairman of the State Border Committee of the Republic of Uzbekistan, Colonel Timur "
    "Rashidov, received a delegation of the Border Service of Kazakhstan for talks on border "
    "security along the Kazakh-Kyrgyz section of the frontier and on the plan for 2025-2027, "
    "which the two services adopted in Termez last year.",
    "The delegation was led by Aidos Seitkali, Deputy Director of the Border Service, who "
    "thanked his hosts.",
    "Both sides agreed on three steps to take before the end of the year:",
    "- joint patrols along the river and the road between the border posts;",
    "- an exchange of liaison officers.",
]


def test_lines_inside_a_paragraph_are_joined_and_the_rest_is_kept() -> None:
    assert unwrap_lines("\n".join(WRAPPED)).split("\n") == PARAGRAPHS


@pytest.mark.parametrize(
    ("end", "start", "joined"),
    [
        ("talks on border secur-", "ity along the river", "talks on border security along"),
        ("talks along the Kazakh-", "Kyrgyz section", "talks along the Kazakh-Kyrgyz section"),
        ("the plan adopted for 2025-", "2027 by both", "the plan adopted for 2025-2027 by"),
        ("talks held in a spirit of open -", "and frank", "of open - and frank"),
    ],
)
def test_a_hyphen_at_a_line_end_splits_a_word_only_before_lower_case(
    end: str, start: str, joined: str
) -> None:
    lines = [f"The two delegations held {end}", f"{start} and many other points of the agenda."]
    text = unwrap_lines("\n".join([*lines, *FILLER]))
    assert joined in text.split("\n")[0]


FILLER = [
    "The ministers also reviewed the work of the joint commission on the",
    "demarcation of the border and the opening of two new crossing points.",
]


def test_blank_lines_headings_in_capitals_and_indented_lines_keep_their_breaks() -> None:
    indented = ["   " + FILLER[0], FILLER[1]]
    text = "\n".join(["JOINT COMMUNIQUE OF THE MINISTERS", *FILLER, "", *FILLER, *indented])
    assert unwrap_lines(text).split("\n") == [
        "JOINT COMMUNIQUE OF THE MINISTERS", " ".join(FILLER), "", " ".join(FILLER),
        " ".join(indented),
    ]  # fmt: skip


def test_a_short_line_that_ends_a_sentence_ends_its_paragraph() -> None:
    text = "\n".join([*FILLER, "They met for an hour.", *FILLER])
    assert unwrap_lines(text).split("\n") == [
        " ".join([*FILLER, "They met for an hour."]),
        " ".join(FILLER),
    ]


def test_a_short_line_followed_by_lower_case_is_joined() -> None:
    text = "\n".join([*FILLER, *FILLER, "and of the", "committees of both parliaments."])
    assert unwrap_lines(text) == " ".join(
        [*FILLER, *FILLER, "and of the", "committees of both parliaments."]
    )


@pytest.mark.parametrize(
    "text",
    [
        # One paragraph a line, as many PDFs and every plain-text document give: too wide.
        "The ministers of the two countries met in Baku on Wednesday to discuss the security "
        "of their common border and the fight against the trafficking of drugs and arms.\n"
        "They agreed to meet again in the autumn, this time in Tbilisi, with the heads of "
        "their border services and the customs authorities of both sides present.\n"
        "A joint statement is to follow, the spokesman of the ministry said later that day.",
        # Short lines: a title page, a list, a table.
        "Ministers meet in Baku\n21 March 2024\nThe ministers met today.\nAgenda\nBorders",
        "",
    ],
)
def test_text_that_does_not_look_hard_wrapped_is_left_as_it_is(text: str) -> None:
    assert unwrap_lines(text) == text


def test_a_hard_wrapped_pdf_is_read_as_paragraphs_and_its_spans_point_into_the_text() -> None:
    document = load_bytes(minimal_pdf(WRAPPED), source="termez.pdf")
    assert document.text.split("\n") == PARAGRAPHS
    findings = extract(document.text, document.published)
    persons = {person.name: person for person in findings.persons}
    assert {"Timur Rashidov", "Aidos Seitkali"} <= set(persons)
    for person in persons.values():  # spans point into the unwrapped text, which is stored
        assert person.spans
        for start, end in person.spans:
            assert document.text[start:end].split()[-1] == person.name.split()[-1]
