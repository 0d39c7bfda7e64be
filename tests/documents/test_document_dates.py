"""Date expressions: what find_dates reads, and the date publication_date gives a text."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from accord.documents import DateMention, find_dates, publication_date, publication_mention


def only(text: str, anchor: date | None = None) -> DateMention:
    """The single date mention in `text`, checked to point at its own words."""
    mentions = find_dates(text, anchor=anchor)
    assert len(mentions) == 1, mentions
    mention = mentions[0]
    assert text[mention.start : mention.end] == mention.text
    return mention


@pytest.mark.parametrize(
    ("text", "written", "value", "end_value"),
    [
        ("Published 07 october 2010, 10:23", "07 october 2010", date(2010, 10, 7), None),
        ("held on 5-6 October 2010.", "5-6 October 2010", date(2010, 10, 5), date(2010, 10, 6)),
        ("on 5\u20136 October 2022", "5\u20136 October 2022", date(2022, 10, 5), date(2022, 10, 6)),
        ("March 21, 2024", "March 21, 2024", date(2024, 3, 21), None),
        ("Almaty, 21.03.2024 (Agency)", "21.03.2024", date(2024, 3, 21), None),
        ("2024-03-21T10:00", "2024-03-21", date(2024, 3, 21), None),
        ("Wednesday, 13 March 2024", "Wednesday, 13 March 2024", date(2024, 3, 13), None),
        ("14 Mar. 2024", "14 Mar. 2024", date(2024, 3, 14), None),
        ("the 19th of July 2018", "19th of July 2018", date(2018, 7, 19), None),
        ("between 5 and 7 May 2024", "between 5 and 7 May 2024", date(2024, 5, 5),
         date(2024, 5, 7)),
        ("30 September \u2013 2 October 2024", "30 September \u2013 2 October 2024",
         date(2024, 9, 30), date(2024, 10, 2)),
        ("30 December - 2 January 2024", "30 December - 2 January 2024", date(2023, 12, 30),
         date(2024, 1, 2)),
        ("September 30 - October 2, 2024", "September 30 - October 2, 2024",
         date(2024, 9, 30), date(2024, 10, 2)),
        ("03/21/2024", "03/21/2024", date(2024, 3, 21), None),
    ],
)  # fmt: skip
def test_days_with_their_year(text: str, written: str, value: date, end_value: date | None) -> None:
    mention = only(text)
    assert (mention.text, mention.value, mention.end_value) == (written, value, end_value)
    assert (mention.granularity, mention.relative) == ("day", False)


@pytest.mark.parametrize(
    ("text", "anchor", "value", "end_value"),
    [
        ("on September 19-20", date(2008, 9, 19), date(2008, 9, 19), date(2008, 9, 20)),
        ("from 19 to 21 July", date(2018, 7, 10), date(2018, 7, 19), date(2018, 7, 21)),
        ("BEIJING, Sep 19 (APP)", date(2020, 9, 21), date(2020, 9, 19), None),
        ("MOSCOW, June 17 (Kazinform)", date(2022, 6, 17), date(2022, 6, 17), None),
    ],
)
def test_days_without_a_year_take_the_anchors(
    text: str, anchor: date, value: date, end_value: date | None
) -> None:
    mention = only(text, anchor)
    assert (mention.value, mention.end_value, mention.relative) == (value, end_value, True)
    unanchored = only(text)
    assert (unanchored.value, unanchored.relative, unanchored.granularity) == (None, True, "day")


def test_from_to_range_covers_its_words() -> None:
    assert only("meet in Baku from 19 to 21 July.", date(2018, 7, 10)).text == "from 19 to 21 July"


def test_months_and_years_keep_their_granularity() -> None:
    anchor = date(2025, 6, 17)
    month = only("signed in March 2025", anchor)
    assert (month.text, month.value, month.granularity, month.relative) == (
        "March 2025", date(2025, 3, 1), "month", False
    )  # fmt: skip
    bare = only("was signed in March.", anchor)
    assert (bare.text, bare.value, bare.granularity, bare.relative) == (
        "March", date(2025, 3, 1), "month", True
    )  # fmt: skip
    assert only("was signed in March.").value is None
    year = only("in 2023 the centre opened")
    assert (year.text, year.value, year.granularity) == ("2023", date(2023, 1, 1), "year")
    span = only("the chairmanship in 2023\u20132024")
    assert (span.value, span.end_value, span.granularity) == (
        date(2023, 1, 1), date(2024, 1, 1), "year"
    )  # fmt: skip
    assert only("last March", anchor).value == date(2025, 3, 1)
    assert only("last August", anchor).value == date(2024, 8, 1)
    assert only("next May", anchor).value == date(2026, 5, 1)


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("today", date(2024, 3, 21), "day"),
        ("yesterday", date(2024, 3, 20), "day"),
        ("tomorrow", date(2024, 3, 22), "day"),
        ("the day before yesterday", date(2024, 3, 19), "day"),
        ("last year", date(2023, 1, 1), "year"),
        ("next month", date(2024, 4, 1), "month"),
        ("this month", date(2024, 3, 1), "month"),
        ("two days ago", date(2024, 3, 19), "day"),
        ("five years ago", date(2019, 1, 1), "year"),
        ("on Friday", date(2024, 3, 15), "day"),
        ("On Friday", date(2024, 3, 15), "day"),
        ("Today", date(2024, 3, 21), "day"),
        ("Ministers met Friday", date(2024, 3, 15), "day"),
        ("on Thursday", date(2024, 3, 21), "day"),
        ("last Thursday", date(2024, 3, 14), "day"),
        ("next Thursday", date(2024, 3, 28), "day"),
    ],
)
def test_relative_dates_resolve_against_the_anchor(
    text: str, value: date, granularity: str
) -> None:
    anchor = date(2024, 3, 21)  # a Thursday
    mention = only(text, anchor)
    assert (mention.value, mention.granularity, mention.relative) == (value, granularity, True)
    assert only(text).value is None


def test_last_week_is_a_range_of_days() -> None:
    mention = only("last week", date(2024, 3, 21))
    assert (mention.value, mention.end_value) == (date(2024, 3, 11), date(2024, 3, 17))


def test_weekday_with_the_date_in_brackets() -> None:
    text = "came to NATO Headquarters on Wednesday (10 April 2013) to meet"
    weekday, day = find_dates(text, anchor=date(2013, 4, 10))
    assert (weekday.text, weekday.value, weekday.relative) == ("Wednesday", date(2013, 4, 10), True)
    assert (day.text, day.value, day.relative) == ("10 April 2013", date(2013, 4, 10), False)


def test_mentions_come_in_order_without_overlaps() -> None:
    text = "On Tuesday, 12 March 2024 and again on 5 April the council met; in 2025 it meets again."
    mentions = find_dates(text, anchor=date(2024, 3, 13))
    assert [m.text for m in mentions] == ["Tuesday, 12 March 2024", "5 April", "2025"]
    assert all(a.end <= b.start for a, b in pairwise(mentions))


@pytest.mark.parametrize(
    "text",
    [
        "Article 5 may be invoked",  # "may" the verb
        "they march 12 miles",
        "Kazakhstan Today cites RIA Novosti",  # a news agency, not a day
        "under the Good Friday Agreement",
        "marking Bloody Sunday",
        "at 10:23 on the clock",
        "31 February",
        "Resolution 1325 was adopted",
        "a budget of 2023 euros",
        "version 1.2.3",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, anchor=date(2024, 3, 21)) == []


def test_no_date_spans_two_lines() -> None:
    text = "council in July\n\n10 july 2018"
    assert [m.text for m in find_dates(text)] == ["July", "10 july 2018"]


# --- publication_date -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n\n07 october 2010, 10:23\n\nText.", date(2010, 10, 7)),
        ("Headline\n\nWednesday, 13 March 2024\n\nDHAKA - Text.", date(2024, 3, 13)),
        ("Headline\n\nALMATY, 17 April 2024\n\nText.", date(2024, 4, 17)),
        ("Transcript\nWorkshop\nKeynote session\nMuscat, Wednesday, 22 May 2024\n\nText.",
         date(2024, 5, 22)),
        ("Headline\n\n2024-11-14\n\nText.", date(2024, 11, 14)),
        ("Headline\n\n  \u2022 07 Sep. 2012 -\n  \u2022 |\n  \u2022 Last updated: 09 Sep. 2012"
         " 12:46\n\nText.", date(2012, 9, 7)),
        ("Headline\n\nLast updated: 09 Sep. 2012 12:46\n\nText on 5 October 2011.",
         date(2012, 9, 9)),
        ("Headline\n\nTbilisi, 5-6 October 2022\n\nText.", date(2022, 10, 5)),
        ("Headline\n\nAlmaty, 19.09.2008 (Kazakhstan Today). Baku will host a session.",
         date(2008, 9, 19)),
        ("Headline\n\nMOSCOW, 17 June 2022 (Kazinform) \u2013 The secretaries met.",
         date(2022, 6, 17)),
        ("Headline\n\n17 June 2022\n\nMOSCOW, June 17 (Kazinform) \u2013 Text.",
         date(2022, 6, 17)),
        ("Headline\n\nDate: 21 March 2024\nFrom: Press office\n\nText.", date(2024, 3, 21)),
        ("Headline\n\nPublished on March 21, 2024 at 10:00 CET\n\nText.", date(2024, 3, 21)),
        ("Headline\n\nOsh / Batken, 4 May 2023\n\nText.", date(2023, 5, 4)),
        ("Committee\nMinutes, 9 July 2021\n\nPresent: the members.", date(2021, 7, 9)),
        ("Headline\n\nJoint press release, 12.03.2020\n\nText.", date(2020, 3, 12)),
        ("Headline\n\nBishkek, 2 April 2019, press centre of the Border Service\n\nText.",
         date(2019, 4, 2)),
        ("Transcript\nHouse of the Estates, Helsinki, 9 January 2025\n\nText in 2024.",
         date(2025, 1, 9)),
        ("Headline\n\nPalais des Nations, Geneva, 3 March 2023\n\nText.", date(2023, 3, 3)),
    ],
)  # fmt: skip
def test_publication_date_from_the_date_line(text: str, expected: date) -> None:
    assert publication_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nBEIJING, Sep 19 (APP)\n\nThe meeting was held on Saturday.",
        "Headline\n\nMOSCOW, June 17 (Kazinform) \u2013 The secretaries met in 2022.",
        "Headline\n\nMarch 2024\n\nText.",
        "Headline\n\nThe meeting took place in Tbilisi on 5-6 October 2022.",
        "Headline\n\nJune 17\n\nLast updated: 17 June 2022 10:00\n\nText.",
        "Headline\n\nBishkek, 2 April 2019, the two services agreed to meet in May.",
        "Headline\n\nMinutes of 2 April 2019 were approved by the board.",
        "",
    ],
)
def test_no_publication_date(text: str) -> None:
    assert publication_date(text) is None


def test_a_date_line_far_down_counts_only_with_a_label() -> None:
    body = "\n".join(f"Paragraph {n} of the report." for n in range(20))
    assert publication_date(f"Headline\n{body}\n21 March 2024\n") is None
    assert publication_date(f"Headline\n{body}\nDate: 21 March 2024\n") == date(2024, 3, 21)


def test_the_title_line_is_not_read_as_a_date_line() -> None:
    text = "21 March 2024\n\n22 March 2024\n\nText."
    assert publication_date(text) == date(2024, 3, 21)
    assert publication_date(text, title_line_index=0) == date(2024, 3, 22)


def test_publication_mention_points_into_the_text() -> None:
    text = "Headline\n\nALMATY, 17 April 2024\n\nText."
    mention = publication_mention(text)
    assert mention is not None
    assert text[mention.start : mention.end] == "17 April 2024"
