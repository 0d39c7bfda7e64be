"""Direct speech: quoted words of five or more attributed to a speaker, and transcript turns.

Attribution reads the words around the quotation: "…," said X; X said: "…"; "…," he added
(the person last named); X stressed that "…". A transcript turn is a line that begins with a
speaker label ("President Vladimir Putin: …", "Name (title): …"); its first sentence is kept,
and so is an interview's answer labelled "A:", spoken by the person it introduces.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from accord.extraction.entities import country_in
from accord.extraction.findings import Person, Quote, Span
from accord.extraction.lexicon import REPORTING_VERBS
from accord.extraction.name_words import fold
from accord.extraction.names import NameMention

# Single curly quotes too (‘…’), where a ’ before a letter is an apostrophe ("it’s").
_QUOTED = regex.compile(
    r"“([^”\n]{10,3000})”|\"([^\"\n]{10,3000})\"|«([^»\n]{10,3000})»|"
    r"(?<!\w)‘((?:[^’\n]|’(?=\w)){10,3000}?)’(?!\w)"
)
_VERBS = "|".join(REPORTING_VERBS) + r"|said|says|added|asked|adding|saying|noting|stressing"
_AFTER = regex.compile(rf"\A[\s,]*(?:{_VERBS})\b|\A[\s,]*(?:\S+\s+){{0,6}}?(?:{_VERBS})\b")
# Only whether the words before a quotation end so is asked: the search runs from the end
# (REVERSE), where every match is, instead of trying every verb at every position before.
_BEFORE = regex.compile(
    rf"(?:{_VERBS})(?:\s+(?:that|how|when))?\s*[:,]?\s*\Z|(?:{_VERBS})\s+\w+\s*[:,]\s*\Z",
    regex.REVERSE,
)
_PRONOUN_AFTER = regex.compile(
    rf"\A[\s,]*(?:he|she)\s+(?:{_VERBS})\b|\A[\s,]*(?:{_VERBS})\s+(?:he|she)\b"
)
_ROLE_AFTER = regex.compile(
    rf"\A[\s,]*(?:said\s+)?the\s+((?:[\p{{L}}-]+\s+){{0,5}}?[\p{{L}}-]+)(?:\s+(?:{_VERBS})\b|,)"
)
_COMPLEMENT = regex.compile(r"\s+(?:of|at|for|to|in)\s+")
_VERB = regex.compile(rf"\b(?:{_VERBS})\b")
_ABBREVIATED = regex.compile(r"(?:\b\p{L}{1,2}|\bMr|\bMs|\bMrs|\bDr|\bSt|\bGen|\bCol)\.$")
_FIRST_SENTENCE = regex.compile(r"^(.+?[.!?])(?=\s|$)")
_MIN_WORDS = 5
_STOP = regex.compile(r"[.!?](?:\s|$)")
_STOP_SPACE = regex.compile(r"[.!?][\"'”’)\]]?\s")


def find_quotes(
    text: str,
    mentions: Sequence[NameMention],
    refers: dict[Span, str],
    persons: Sequence[Person] = (),
) -> list[Quote]:
    # Every quotation _QUOTED reads opens with one of these marks: without them, none to read.
    marked = any(mark in text for mark in ('"', "\u201c", "\u00ab", "\u2018"))
    quoted = _quoted(text, mentions, refers, persons) if marked else []
    quotes = [*_turns(text, mentions, refers), *_answers(text, persons), *quoted]
    return sorted(quotes, key=lambda q: q.spans[0])


# An interview's questions and answers, labelled by the letter ("Q:", "A:") or the word
_QUESTION = regex.compile(r"^[ \t]*(?:Q|Question)[ \t]*[:.\u2013\u2014-][ \t]", regex.MULTILINE)
_ANSWER = regex.compile(r"^[ \t]*(?:A|Answer)[ \t]*[:.\u2013\u2014-][ \t]*(?=\S)", regex.MULTILINE)


# Who asks the questions: not the one who answers them ("Our correspondent Anna Berg spoke
# to General Moussa Traoré").
_ASKERS = frozenset({"correspondent", "our correspondent", "journalist", "reporter",
                     "interviewer", "editor", "presenter", "host", "moderator"})  # fmt: skip
# a headline that is a quotation, then what it is about: "“…”: Kenya's police chief on …"
_HEADLINE_QUOTE = regex.compile(rf"^(?:{_QUOTED.pattern})[ \t]*:", regex.MULTILINE)


def _answers(text: str, persons: Sequence[Person]) -> list[Quote]:
    """The answers of an interview whose turns are labelled "Q:" and "A:" (the answerer not
    named at each turn): each answer's first sentence, spoken by the person the introduction
    names first, the one interviewed ("Assistant Inspector-General Josephine Kariuki has
    commanded ... We asked her about ..."); so is a quotation that opens the headline
    ("“Al-Shabaab recruits with a phone”: Kenya's police chief on ...")."""
    question = _QUESTION.search(text)
    if question is None or not persons:
        return []
    named = [
        (min(s for s, _ in p.spans), p.name) for p in persons
        if p.spans and not any(fold(r).lower() in _ASKERS for r in p.roles)
    ]  # fmt: skip
    before = [pair for pair in named if pair[0] < question.start()]
    if not before:
        return []
    speaker = min(before)[1]
    answers = []
    for match in _HEADLINE_QUOTE.finditer(text, 0, min(before)[0]):
        words = next(g for g in match.groups() if g is not None).strip()
        if len(words.split()) >= _MIN_WORDS:  # the headline's quotation is the answerer's
            start = text.find(words, match.start())
            answers.append(Quote(speaker, words, ((start, start + len(words)),)))
    for answer in _ANSWER.finditer(text, question.end()):
        line_end = text.find("\n", answer.end())
        body = text[answer.end() : line_end if line_end >= 0 else len(text)].rstrip()
        first = _FIRST_SENTENCE.match(body)
        sentence = (first.group(1) if first else body).strip()
        if sentence:
            start = text.find(sentence, answer.end())
            answers.append(Quote(speaker, sentence, ((start, start + len(sentence)),)))
    return answers


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


def _quoted(
    text: str,
    mentions: Sequence[NameMention],
    refers: dict[Span, str],
    persons: Sequence[Person],
) -> list[Quote]:
    quotes: list[Quote] = []
    previous: tuple[int, str] | None = None  # where the last attributed quote ended, by whom
    for match in _QUOTED.finditer(text):
        words = next(g for g in match.groups() if g is not None)
        after = text[match.end() : match.end() + 120]
        speaker = (
            _by_role(after, persons)
            or _speaker(text, match.start(), match.end(), mentions, refers)
            or _by_description(text, match.start(), after, mentions, refers, persons)
        )
        if speaker is None and previous and _same_passage(text, previous[0], match.start()):
            speaker = previous[1]  # a second quotation running on from the first
        if speaker is not None:
            previous = (match.end(), speaker)
        if len(words.split()) < _MIN_WORDS:
            continue
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
    clause = _clause_start(before)
    # X told journalists that ... had tested the link: "…" (the verb further back)
    colon = before.rstrip().endswith(":") and _VERB.search(before, clause) is not None
    if _PRONOUN_AFTER.match(after) or _BEFORE.search(before) or colon:
        named = _last_person(mentions, refers, start - len(before) + clause, start)
        return named or _last_person(mentions, refers, 0, start)
    if before.rstrip().endswith(":"):
        # "Johansson welcomed the agreement: “…”": a clause of the speaker's own, any verb
        return _last_person(mentions, refers, start - len(before) + clause, start)
    verb = _VERB.search(before, clause)
    if verb is not None and len(before) - verb.end() <= 60:
        # "Migo said the plan “turns years of contacts into a system”": the speaker of the
        # clause's reporting verb, named before it
        return _last_person(mentions, refers, start - len(before) + clause,
                            start - len(before) + verb.start())  # fmt: skip
    return None


# What a writer calls a person it named before: "the OSCE official", "the Belgian
# investigator", "the Kenyan counter-terrorism chief".
_PERSON_NOUNS = frozenset({
    "official", "officer", "investigator", "chief", "minister", "spokesman", "spokeswoman",
    "spokesperson", "envoy", "commander", "ambassador", "adviser", "advisor", "diplomat", "head",
    "director", "representative", "president", "secretary", "coordinator", "expert",
    "prosecutor", "judge", "general", "admiral", "colonel", "chairman", "chairwoman", "chair",
    "deputy", "delegate", "negotiator", "commissioner", "inspector", "analyst",
})  # fmt: skip


def _by_description(
    text: str, start: int, after: str, mentions: Sequence[NameMention],
    refers: dict[Span, str], persons: Sequence[Person],
) -> str | None:  # fmt: skip
    """ "…," the Belgian investigator said: the person last named before, in this paragraph
    or the one before, whom the description fits (a state it names is the person's, an
    acronym is in the person's role)."""
    found = _ROLE_AFTER.match(after)
    if not found:
        return None
    # the noun before its complement: "Deputy Head (of the Presidential Administration)"
    words = _COMPLEMENT.split(found.group(1), maxsplit=1)[0].split()
    if words[-1].lower() not in _PERSON_NOUNS:
        return None
    words = [*words[:-1], *found.group(1).split()[len(words) :]]
    paragraph = text.rfind("\n\n", 0, start)
    back = max(0, text.rfind("\n\n", 0, paragraph) if paragraph > 0 else 0, start - 1200)
    by_name = {p.name: p for p in persons}
    named = [refers[(m.start, m.end)] for m in mentions
             if back <= m.start < start and (m.start, m.end) in refers]  # fmt: skip
    for name in reversed(named):
        person = by_name.get(name)
        if person is None or _fits(words, person):
            return name
    return None


def _fits(words: list[str], person: Person) -> bool:
    for word in words:
        if word.isupper() and len(word) > 1 and person.roles:
            if not any(word in role for role in person.roles):
                return False
        elif word[:1].isupper() and person.country is not None:
            state = country_in(word)
            if state is not None and state != person.country:
                return False
    return True


def _by_role(after: str, persons: Sequence[Person]) -> str | None:
    """ "…," the Secretary General said: the person whose role that is."""
    found = _ROLE_AFTER.match(after)
    if not found:
        return None
    role = fold(found.group(1))
    holders = [p.name for p in persons if any(role in fold(r) for r in p.roles)]
    return holders[0] if len(holders) == 1 else None


def _same_passage(text: str, previous_end: int, start: int) -> bool:
    between = text[previous_end:start]
    return len(between) < 200 and "\n" not in between and not _QUOTED.search(between)


def _sentence_end(after: str) -> int:
    for found in _STOP.finditer(after):
        if not _ABBREVIATED.search(after[: found.start() + 1]):
            return found.end()
    return len(after)


def _clause_start(before: str) -> int:
    ends = [m.end() for m in _STOP_SPACE.finditer(before)]
    return ends[-1] if ends else 0


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
