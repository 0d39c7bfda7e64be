"""Cues: a pattern skipped for want of its literals never had a match there."""

from __future__ import annotations

import re

import regex

from accord.documents.cues import Lines, Present, cue_of, finditer_at, fold, prefix_cue_of, present
from accord.extraction.topics import _LEXICON

TEXTS = [
    "Counter-Terrorism and DRUG trafficking: the İllegal MİGRATION route.\nBorder guards met.",
    "The ſmuggling of arms (firearms) across the frontier; KFOR and ISAF.\n\nOn 5 May 2024 ...",
    "No cue here at all.",
]


def test_fold_keeps_offsets_and_folds_what_ignorecase_folds() -> None:
    for text in TEXTS:
        assert len(fold(text)) == len(text)
    assert fold("İı ſ \u212a") == "ii s k"


def test_cue_of_reads_literals_and_alternatives() -> None:
    assert cue_of(r"\b(?:counter-?|anti-?)?terroris[mt]\w*") == ("terroris",)
    assert cue_of(r"\bheroin\b|\bcocaine\b") == ("heroin", "cocaine")
    assert cue_of(r"\bwars?\b") == ("war",)
    assert cue_of(r"\p{Lu}\w+") is None  # no literal at all
    assert cue_of(r"(unbalanced") is None


def test_a_skipped_topic_pattern_has_no_match() -> None:
    for cues in _LEXICON.values():
        for pattern, _ in cues:
            cue = cue_of(pattern)
            compiled = regex.compile(pattern, regex.IGNORECASE)
            for text in TEXTS:
                if cue is not None and not present(fold(text), cue):
                    assert compiled.search(text) is None, (pattern, text)


def test_lines_find_what_the_whole_text_finds() -> None:
    pattern = re.compile(r"(?<![\w-])(?:may|border)\w*(?![a-z])", re.IGNORECASE)
    for text in TEXTS:
        lines = Lines(text)
        whole = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in lines.finditer(pattern, (("may", "border"),))] == whole


def test_prefix_cue_of_reads_what_matches_begin_with() -> None:
    assert prefix_cue_of(r"\baviation\b|\bairports?\b") == ("aviation", "airport")
    assert prefix_cue_of(r"\bdrugs?\b") == ("drug",)
    assert prefix_cue_of(r"\b(?:counter-?|anti-?)?terroris") is None  # may begin with either


def test_topic_patterns_tried_at_their_literals_find_what_finditer_finds() -> None:
    for cues in _LEXICON.values():
        for pattern, _ in cues:
            first = prefix_cue_of(pattern)
            if first is None:
                continue
            compiled = regex.compile(pattern, regex.IGNORECASE)
            for text in TEXTS:
                where = Present(text, ())
                tried = [m.span() for m in finditer_at(compiled, text, where.starts(first))]
                assert tried == [m.span() for m in compiled.finditer(text)], pattern


DATE_TEXTS = [
    "On Monday, 5 May 2024 and from 19 to 21 July; between 3 and 4 March 2025.\n"
    "March 21, 2024 - April 2; 21.03.2024, 2024-03-21 and 03/21/2024. In March 2025, in 2023.",
    "Last Friday, next Tuesday, this week, two weeks ago, TODAY and yesterday; mid-May, "
    "Sep. 2020, SEPT 3, the year 2019-20, during 1998 - 2001.\nWednesday the 3rd of June",
    "İn March ſince 2020, Sunday 30 December - 2 January 2024 (on 1st Dec).",
]


def test_date_patterns_tried_at_their_cues_find_what_finditer_finds() -> None:
    from accord.documents import absolute, relative

    finders = [(p, c, f) for p, _, c, f in absolute.FINDERS]
    finders += [(p, c, f) for p, _, c, f in relative.FINDERS]
    for text in DATE_TEXTS + TEXTS:
        lines = Lines(text)
        for pattern, cues, first in finders:
            whole = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in lines.matches(pattern, cues, first)] == whole, pattern
        for pattern, (cue, words) in absolute._WORDS_BEFORE.items():
            whole = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in lines.after_words(pattern, (), cue, words)] == whole
