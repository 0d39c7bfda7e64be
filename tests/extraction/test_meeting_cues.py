"""The meeting patterns asked of a sentence are skipped where the sentence lacks their
literals, and tried only where a match can begin: what they find must be what a search of
the sentence finds."""

from __future__ import annotations

from pathlib import Path

from accord.extraction import meetings_cues as cue
from accord.extraction.meetings_context import Context
from accord.extraction.sentences import sentences

TEXTS = [
    "The two ministers MET on the sidelines of the summit. They will meet again next year.\n"
    "It was agreed to hold the next round of talks in Baku; the visit is to take place in May.",
    "Officials last met in Ankara two years ago, and the previous conference in Bishkek was "
    "held in 2004. She took part in the session. Later that day he received the Ambassador.",
    "İt wİll be held by video link. The delegations are due to convene; preparations for the "
    "forthcoming summit. Council to convene in Baku. ſeparately met the same day.",
    "No meeting word here at all, just metres and a comet.",
]
FIXTURES = Path(__file__).parent / "meeting_texts"


def _texts() -> list[str]:
    return TEXTS + [path.read_text() for path in sorted(FIXTURES.glob("*.txt"))]


def test_sentence_patterns_find_what_a_search_of_the_sentence_finds() -> None:
    for text in _texts():
        spans = sentences(text)
        context = Context(text, spans, (), (), (), None)
        for pattern in cue._SENTENCE_PATTERNS:
            for index, (s, e) in enumerate(spans):
                searched = pattern.search(text[s:e])
                found = context.finds(pattern, index)
                assert (found and found.span()) == (searched and searched.span()), pattern
            holding = set(context.holding(pattern))
            assert {i for i, (s, e) in enumerate(spans) if pattern.search(text[s:e])} <= holding
