"""Capitalised chunks: the scan that passes over stretches of lowercase words in one match gives
the runs that reading every word gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.extraction.chunks import chunks, words

PIECES = [
    " ", "  ", "\n", "\t", "-", ".", ",", "'s", "’s", "'", "5", "3.1", "the", "of", "and", "on",
    "al", "al-", "under", "against", "the.", "of.the", "its.", "it's", "x-ray", "e.g.", "a",
    "Bank", "People", "People's", "EU", "The", "U.S.", "N.", "O'Neil", "al-Qaeda", "İ", "ſ",
    "ǅ", "é", "\u0301", "Council", "Republic", "5th", "&",
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
