"""Capitalised chunks: the scan that passes over stretches of lowercase words in one match gives
the runs that reading every word gives; segments hold them, and what entities reads segment by
segment is what it reads run by run."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.extraction import chunks as chunks_module
from accord.extraction import entities, folded
from accord.extraction.chunks import chunks, chunks_in, segments, words
from accord.extraction.spans import SpanIndex

PIECES = [
    " ", "  ", "\n", "\t", "-", ".", ",", "'s", "’s", "'", "5", "3.1", "the", "of", "and", "on",
    "al", "al-", "under", "against", "the.", "of.the", "its.", "it's", "x-ray", "e.g.", "a",
    "Bank", "People", "People's", "EU", "The", "U.S.", "N.", "O'Neil", "al-Qaeda", "İ", "ſ",
    "ǅ", "é", "\u0301", "Council", "Republic", "5th", "&", "É", "ʰ", "\u0300", "٣", "²", "—",
    "ß", "𝐀", "𝐚", "\U0001e900", "#", "X", "z", "ª", "ˈ",
]  # fmt: skip

TEXTS = [
    "The Council of the European Union and the Ministry of Internal Affairs of the Kyrgyz "
    "Republic met in the capital of the People's Republic of China; India's Border Security "
    "Force and al-Qaeda's men of the 5th unit said on 3.4.2024 that it's the U.S. of A.",
    "held talks with the head of the State Border Service of Ukraine, Lt. Gen. N. P. Petrov.",
    "the Bank of's Council, the Union the. Council and the Office under.the Board",
]


def _runs(text: str, every: bool) -> list[list[tuple[str, int, int, bool]]]:
    found = chunks(text, words(text)) if every else chunks(text)
    return [[tuple(word) for word in run] for run in found]


def test_stretches_give_the_runs_of_every_word() -> None:
    for text in TEXTS:
        assert _runs(text, every=False) == _runs(text, every=True)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_stretches_give_the_runs_of_every_word_on_any_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _runs(text, every=False) == _runs(text, every=True)


def _segment_runs(text: str) -> list[list[tuple[str, int, int, bool]]]:
    return [
        [tuple(word) for word in run]
        for start, end in segments(text)
        for run in chunks_in(text, start, end)
    ]


def test_segments_hold_the_runs() -> None:
    for text in TEXTS:
        assert _segment_runs(text) == _runs(text, every=False)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_segments_hold_the_runs_on_any_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _segment_runs(text) == _runs(text, every=True)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*PIECES, " Ministry of Foreign Affairs ", " NATO ", " Russia "]),
             max_size=30),
    st.lists(st.tuples(st.integers(0, 200), st.integers(1, 20)), max_size=3),
)  # fmt: skip
def test_entities_read_by_segment_are_those_read_by_run(
    pieces: list[str], spans: list[tuple[int, int]]
) -> None:
    text = "".join(pieces)
    persons = [(start, start + size) for start, size in spans]
    index = SpanIndex(persons)
    by_run = [
        found
        for run in chunks(text)
        for part in entities._without_persons(run, index)
        for found in entities._in_run(text, part)
    ]
    assert entities.find_entities(text, persons) == sorted(by_run, key=lambda f: (f.start, -f.end))


def _unicode_segments(text: str) -> list[tuple[int, int]]:
    """segments(text) as the pattern written in regex's \\p classes reads the text itself."""
    c = chunks_module._UNICODE
    pattern = regex.compile(
        rf"{chunks_module._stretch_run(c)}|(?>{chunks_module._word(c)})"
        rf"(?:[^{c.letter}{c.digit}]*+(?!{chunks_module._stretch(c)})(?>{chunks_module._word(c)}))*+"
    )
    return [m.span() for m in pattern.finditer(text) if m.lastgroup != "stretch"]


def test_class_folded_segments_are_those_of_the_unicode_classes() -> None:
    for text in TEXTS:
        assert list(segments(text)) == _unicode_segments(text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_class_folded_segments_are_those_of_the_unicode_classes_on_any_text(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    assert list(segments(text)) == _unicode_segments(text)


def test_a_text_of_many_distinct_characters_folds_in_one_pass_alike() -> None:
    """Past the few distinct non-ASCII characters folded one by one, the text is folded by
    one translation; the segments are the Unicode classes' all the same."""
    cyrillic = "Совет Безопасности Республики Казахстан провёл заседание; "
    cjk = "上海合作组织 秘书长 会见 ".join("ÉİǅşžŁø")
    text = " ".join([TEXTS[0], cyrillic, cjk, *PIECES])
    distinct = {char for char in text if not char.isascii() and char != "’"}
    assert len(distinct) > folded._FEW  # the translation is what this text takes
    assert list(segments(text)) == _unicode_segments(text)
    one_by_one = "".join(c if c.isascii() or c == "’" else folded._stand_in(c) for c in text)
    assert folded.class_folded(text) == one_by_one
