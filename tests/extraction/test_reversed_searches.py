"""Patterns anchored at the end of a window are searched from the end: they must tell what a
search from the start tells."""

from __future__ import annotations

from pathlib import Path

import regex

from accord.extraction import name_titles, quotes

HERE = Path(__file__).parent
SAMPLES = HERE.parents[1] / "accord" / "samples" / "documents"
WINDOWS = [
    'the Minister said: "', "he told reporters, ", "stressed that ", "Deputy Minister of the "
    "Interior, Colonel General ", "the head of the Border Service, ", "no title here, Ivan ",
]  # fmt: skip


def _windows(size: int) -> list[str]:
    texts = [p.read_text() for p in sorted([*SAMPLES.glob("*.txt"), *HERE.glob("*/*.txt")])]
    cut = [text[max(0, at - size) : at] for text in texts for at in range(0, len(text), 23)]
    return WINDOWS + cut


def test_words_before_a_quotation_read_from_the_end() -> None:
    forward = regex.compile(quotes._BEFORE.pattern, quotes._BEFORE.flags & ~regex.REVERSE)
    for window in _windows(250):
        assert bool(quotes._BEFORE.search(window)) == bool(forward.search(window)), window


def test_title_before_is_the_search_from_the_start() -> None:
    for window in _windows(200):
        found, expected = name_titles.title_before(window), name_titles.TITLE_BEFORE.search(window)
        assert (found and found.span()) == (expected and expected.span()), window
