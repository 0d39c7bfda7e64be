"""Direct speech: quoted words of five or more attributed to a speaker, and transcript turns.

Attribution reads the words around the quotation: "…," said X; X said: "…"; "…," he added
(the person last named); X stressed that "…". A transcript turn is a line that begins with a
speaker label ("President Vladimir Putin: …", "Name (title): …"); its first sentence is kept.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from accord.extraction.findings import Quote, Span
from accord.extraction.lexicon import REPORTING_VERBS
from accord.extraction.names import NameMention

_QUOTED = regex.compile(r"“([^”\n]{10,3000})”|\"([^\"\n]{10,3000})\"|«([^»\n]{10,3000})»")
_VERBS = "|".join(REPORTING_VERBS) + r"|said|says|added|asked"
_AFTER = regex.compile(rf"\A[\s,]*(?:{_VERBS})\b|\A[\s,]*(?:\S+\s+){{0,6}}?(?:{_VERBS})\b")
_BEFORE = regex.compile(
    rf"(?:{_VERBS})(?:\s+(?:that|how|when))?\s*[:,]?\s*\Z|(?:{_VERBS})\s+\w+\s*[:,]\s*\Z"
)
_PRONOUN_AFTER = regex.compile(rf"\A[\s,]*(?:he|she)\s+(?:{_VERBS})\b|\A[\s,]*(?:{_VERBS})\s+(?:he|she)\b")
_FIRST_SENTENCE = regex.compile(r"^(.+?[.!?])(?=\s|$)")
_MIN_WORDS = 5


def find_quotes(
    text: str, mentions: Sequence[NameMention], refers: dict[Span, str]
) -> list[Quote]:
    quotes = [*_turns(text, mentions, refers), *_quoted(text, mentions, refers)]
    return sorted(quotes, key=lambda q: q.spans[0])


def _turns(text: str, mentions: Sequence[NameMention], refers: dict[Span, str]) -> list[Quote]:
    turns = []
    for mention in mentions:
        speaker = refers.get((mention.start, mention.end))
        if not mention.speaker_label or speaker is None:
            continue
        colon = text.find(":", mention.end)
        line_end = text.find("\n", colon)
        body = text[colon + 1 : line_end if line_end >= 0 else len(text)].strip()
        first = _FIRST_SENTENCE.match(body)
        sentence = (first.group(1) if first else body).strip()
        if sentence:
            start = text.find(sentence, colon)
            turns.append(Quote(speaker, sentence, ((start, start + len(sentence)),)))
    return turns


def _quoted(text: str, mentions: Sequence[NameMention], refers: dict[Span, str]) -> list[Quote]:
    quotes = []
    for match in _QUOTED.finditer(text):
        words = next(g for g in match.groups() if g is not None)
        if len(words.split()) < _MIN_WORDS:
            continue
        speaker = _speaker(text, match.start(), match.end(), mentions, refers)
        if speaker is not None:
            start = match.start() + 1
            quotes.append(Quote(speaker, words.strip(), ((start, start + len(words)),)))
    return quotes


def _speaker(
    text: str, start: int, end: int, mentions: Sequence[NameMention], refers: dict[Span, str]
) -> str | None:
    after, before = text[end : end + 250], text[max(0, start - 250) : start]
    if _AFTER.match(after):
        named = _first_person(mentions, refers, end, end + _sentence_end(after))
        if named:
            return named
    if _PRONOUN_AFTER.match(after) or _BEFORE.search(before):
        named = _last_person(mentions, refers, start - len(before) + _clause_start(before), start)
        return named or _last_person(mentions, refers, 0, start)
    return None


def _sentence_end(after: str) -> int:
    found = regex.search(r"[.!?](?:\s|$)", after)
    return found.end() if found else len(after)


def _clause_start(before: str) -> int:
    found = None
    for found in regex.finditer(r"[.!?]\s", before):
        pass
    return found.end() if found else 0


def _first_person(
    mentions: Sequence[NameMention], refers: dict[Span, str], start: int, end: int
) -> str | None:
    for mention in mentions:
        if start <= mention.start < end and (mention.start, mention.end) in refers:
            return refers[(mention.start, mention.end)]
    return None


def _last_person(
    mentions: Sequence[NameMention], refers: dict[Span, str], start: int, end: int
) -> str | None:
    found = None
    for mention in mentions:
        if start <= mention.start < end and (mention.start, mention.end) in refers:
            found = refers[(mention.start, mention.end)]
    return found
