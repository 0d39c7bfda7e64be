"""Scans that look only where a match may begin (a final mark, a line break, an "in", a cue
word) find what the one pattern tried at every position finds."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.extraction import pipeline
from accord.extraction.sentences import _ABBREVIATIONS, sentences

# The definition of a sentence boundary: the single pattern the scan stands for.
BOUNDARY = regex.compile(
    rf"(?=[ \t\n])(?:(?<=[.!?][\"'”’)\]]?)(?<!\b(?:{_ABBREVIATIONS})\.)(?<!\b\p{{Lu}}\p{{Ll}}?\.)"
    rf"[ \t]+(?=[\p{{Lu}}\d\"“‘'(\[])|[ \t]*\n\s*)"
)


def _by_pattern(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for cut in [*((m.start(), m.end()) for m in BOUNDARY.finditer(text)), (len(text), 0)]:
        piece = text[start : cut[0]]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        start = cut[1]
    return spans


SENTENCE_PIECES = [
    " ", "  ", "\t", "\n", "\n\n", " \n", "Smith", "smith", ".", "!", "?", "?!", "”", '"', ")",
    "]", "’", "'", "“", "‘", "(", "[", "Ünal", "é", "1", "٣", "Mr.", "U.S.", "e.g.", "N.",
    "Jr.", "Amr.", "approx.", "Lt.Gen.", "Ph.D.", "ǅ", "\xa0", "\u2003", "\x1c", "x",
]  # fmt: skip


def test_sentences_end_where_the_words_say() -> None:
    text = (
        "Mr. Ivanov met Gen. N. Petrov in the U.S. on Monday. They talked.\n"
        'He said: "We agree." Then they left! (Briefly.) 2024 was a year. the end'
    )
    found = [text[s:e] for s, e in sentences(text)]
    assert found == [
        "Mr. Ivanov met Gen. N. Petrov in the U.S. on Monday.",
        "They talked.",
        'He said: "We agree."',
        "Then they left!",
        "(Briefly.)",
        "2024 was a year. the end",
    ]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=30))
def test_sentences_are_the_pattern_s_on_any_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert sentences(text) == _by_pattern(text)


PLACE_PIECES = [
    " ", "  ", "\t", "\n", "in", "In", "of", "near", "met", "held", "took place", "village",
    "residents", "Foo", "Bar", "O'Brien", "Al-Bab", "France", "Uzbekistan", "Mc", "x", "2",
    "Tashkent-", "é", "Ünye", ",",
]  # fmt: skip


def _spans(found: object) -> list[tuple[int, int]]:
    return [match.span() for match in found]  # type: ignore[attr-defined]


def test_places_after_their_words_are_found() -> None:
    text = "Clashes near Khurvaleti. The sides met in Ergneti. He lives in Charkesar in Uzbekistan."
    after = [m["name"] for m in pipeline._place_after(text)]
    in_country = [(m["name"], m["country"]) for m in pipeline._place_in_country(text)]
    assert after == ["Khurvaleti", "Ergneti"]
    assert in_country == [("Charkesar", "Uzbekistan")]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PLACE_PIECES), max_size=24), st.sampled_from([" ", "\t", ""]))
def test_place_scans_are_the_patterns_on_any_text(pieces: list[str], joiner: str) -> None:
    text = joiner.join(pieces)
    assert _spans(pipeline._place_after(text)) == _spans(pipeline._PLACE_AFTER.finditer(text))
    assert _spans(pipeline._place_in_country(text)) == _spans(
        pipeline._PLACE_IN_COUNTRY.finditer(text)
    )
