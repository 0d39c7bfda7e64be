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
