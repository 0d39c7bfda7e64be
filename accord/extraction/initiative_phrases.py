"""Where an instrument's noun phrase begins and ends around its head noun ("a regional
forensic laboratory for the identification of new psychoactive substances"): back over its
modifiers, on over its object, and no further than the next clause, the next instrument or
the words that say when it was done."""

from __future__ import annotations

from itertools import islice

import regex

from accord.vocab import InitiativeKind

# The nouns that head an instrument's name, and the kind each says.
HEADS: dict[str, InitiativeKind] = {
    "agreement": InitiativeKind.AGREEMENT, "treaty": InitiativeKind.AGREEMENT,
    "memorandum": InitiativeKind.AGREEMENT, "protocol": InitiativeKind.AGREEMENT,
    "convention": InitiativeKind.AGREEMENT, "accord": InitiativeKind.AGREEMENT,
    "declaration": InitiativeKind.AGREEMENT, "arrangement": InitiativeKind.AGREEMENT,
    "centre": InitiativeKind.CENTRE, "center": InitiativeKind.CENTRE,
    "force": InitiativeKind.FORCE, "forces": InitiativeKind.FORCE,
    "task force": InitiativeKind.FORCE, "team": InitiativeKind.FORCE,
    "programme": InitiativeKind.PROGRAMME, "program": InitiativeKind.PROGRAMME,
    "operation": InitiativeKind.PROGRAMME, "exercise": InitiativeKind.PROGRAMME,
    "exercises": InitiativeKind.PROGRAMME, "plan": InitiativeKind.PROGRAMME,
    "roadmap": InitiativeKind.PROGRAMME, "action plan": InitiativeKind.PROGRAMME,
    "training": InitiativeKind.PROGRAMME, "course": InitiativeKind.PROGRAMME,
    "project": InitiativeKind.PROJECT, "projects": InitiativeKind.PROJECT,
    "platform": InitiativeKind.PLATFORM, "hotline": InitiativeKind.PLATFORM,
    "mechanism": InitiativeKind.PLATFORM, "database": InitiativeKind.PLATFORM,
    "network": InitiativeKind.PLATFORM, "system": InitiativeKind.PLATFORM,
    "working group": InitiativeKind.PLATFORM, "exchange": InitiativeKind.PLATFORM,
    "law": InitiativeKind.LAW, "laws": InitiativeKind.LAW, "legislation": InitiativeKind.LAW,
    "code": InitiativeKind.LAW, "analysis": InitiativeKind.LAW,
    "list": InitiativeKind.PROGRAMME, "laboratory": InitiativeKind.CENTRE,
    "patrols": InitiativeKind.PROGRAMME, "monitoring": InitiativeKind.PROGRAMME,
    "assessment": InitiativeKind.PROGRAMME, "framework": InitiativeKind.PROGRAMME,
    "account": InitiativeKind.PROGRAMME, "data bank": InitiativeKind.PLATFORM,
    "register": InitiativeKind.PLATFORM, "strategy": InitiativeKind.PROGRAMME,
}  # fmt: skip
# (not the first part of a compound: "code-named", "plan-based")
HEAD = regex.compile(
    r"\b(" + "|".join(sorted(map(regex.escape, HEADS), key=len, reverse=True)) + r")\b(?!-\w)",
    regex.IGNORECASE,
)
# Nouns of offices, posts and premises: an instrument word before one of them only modifies it
# ("Programme Office", "exchange houses", "System Department").
BODY_NOUN = regex.compile(
    r"\s+(?:offices?|officers?|houses?|shops?|departments?|units?|staff|managers?|"
    r"coordinators?|directors?|secretariats?|desks?|rates?)\b",
    regex.IGNORECASE,
)
# Small words a phrase is not left ending with ("the plan for").
_SMALL_WORDS = frozenset({"for", "of", "on", "in", "to", "the", "and", "with", "a", "an", "by",
                         "at", "between", "against"})  # fmt: skip
# (up to 80 characters, ending where a word does: "for 2026–2028", not "for 2026–202")
_HEAD_TAIL = regex.compile(
    r"(?:\s+(?:on|of|for|between|against|in|to)\s+[^,;.:]{1,80}(?![^\s,;.:]))?"
)
# "under the framework of", "within the framework of": the idiom names no instrument.
_WITHIN = regex.compile(r"\b(?:under|within|in)\s+the\s+\Z", regex.IGNORECASE)
# When it was done, which no instrument's name holds: "on Wednesday", "on 3 May", "last week",
# "in June", "in March 2025", "in 2019".
_WHEN = regex.compile(
    r"(?:\s+in\s+\p{Lu}[\p{L}-]+)?\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|\d{1,2}\s+\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+\s+\d{1,2}\b)|"
    r"(?:last|this|next)\s+(?:week|month|year)|yesterday|today|"
    r"in\s+(?:(?:early|late|mid-)\s*)?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)(?:\s+\d{4})?(?![\p{L}\d])|in\s+\d{4}(?![\d–-]))\b"
)
# Where the sentence's next verb begins: "… and welcomed the launch", "… will be finalised"
# (a past participle that qualifies a noun is not one: "terrorism and organised crime").
_NEXT_VERB = regex.compile(
    r"\s+(?:(?:and|but)\s+(?:also\s+)?[a-z]+ed\s+(?:the|a|an|its|their|on|to|with|that)\b|"
    r"(?:will|would|is|are|was|were|has|have|had)\s)"
)
# (a verb inside a relative clause belongs to the phrase: "the progress Armenia has made")
_RELATIVE_WORD = regex.compile(r"\b(?:that|which|where|who|whose|whom)\b|\s\p{Lu}")
# A second instrument coordinated with the first: "an Agreement on ... and a Protocol on ...".
_AND_HEAD = regex.compile(
    r"\s+(?:and|or|as well as)\s+(?:(?:a|an|the)\s+)?(?=" + HEAD.pattern + ")", regex.IGNORECASE
)
_FOLLOWING = regex.compile(r"\s+([\p{L}-]+)")
_LETTERS_BACK = regex.compile(r"[\p{L}-]+", regex.REVERSE)  # words, read from the last
# Words a noun phrase does not run back over: verbs, conjunctions, prepositions, pronouns.
MODIFIER_STOP = frozenset({
    "that", "which", "who", "and", "or", "but", "to", "of", "in", "on", "for", "with", "by",
    "at", "from", "as", "than", "would", "will", "could", "should", "can", "may", "must", "is",
    "are", "was", "were", "be", "been", "has", "have", "had", "its", "their", "our", "his",
    "her", "this", "these", "those", "s", "through", "out", "up", "about", "said", "also",
    "not", "no", "all", "both", "each", "such", "under", "into", "over", "after", "before",
    "including", "between", "while", "during", "against", "upon", "within", "two", "three",
})  # fmt: skip
_KEEP_EDS = frozenset({"coordinated", "integrated", "unified", "specialized", "specialised",
                       "advanced", "combined", "extended", "enhanced", "automated"})  # fmt: skip


def phrase_start(sentence: str, head: int) -> int:
    """Where the noun phrase ending at `head` begins: back over up to four modifiers, not over
    verbs, conjunctions, prepositions or pronouns; articles are left out."""
    start = head
    for match in islice(_LETTERS_BACK.finditer(sentence, 0, head), 4):  # the last four words
        word = match.group().lower()
        gap = sentence[match.end() : start]
        if gap.strip() or word in MODIFIER_STOP or word in ("a", "an", "the"):
            break
        if word.endswith("ed") and word not in _KEEP_EDS:
            break
        start = match.start()
    return start


def head_phrase(sentence: str, head: regex.Match[str]) -> tuple[int, int, str] | None:
    """(start, end, phrase) of the noun phrase a head noun of HEAD names an instrument by;
    None where the word only modifies another noun or is part of an idiom."""
    if _modifies_noun(sentence, head.end()):
        return None
    if head.group().lower() == "framework" and _WITHIN.search(
        sentence, max(0, head.start() - 16), head.start()
    ):
        return None  # "under the framework of the SCO": within it, no instrument
    if head.group().lower() == "force" and sentence.endswith(("into ", "in "), 0, head.start()):
        return None  # "the entry into force of", "remains in force": no joint force
    start = phrase_start(sentence, head.start())
    tail = _HEAD_TAIL.match(sentence, head.end())
    end = tail.end() if tail else head.end()
    if (second := _AND_HEAD.search(sentence, head.end(), end)) is not None:
        end = second.start()  # the second instrument is read from its own head
    if (when := _WHEN.search(sentence, head.end(), end)) is not None:
        end = when.start()  # "signed a working arrangement in Chisinau on Wednesday"
    verb = _NEXT_VERB.search(sentence, head.end(), end)
    if verb is not None and not _RELATIVE_WORD.search(sentence, head.end(), verb.start()):
        end = verb.start()  # "a roadmap for … and welcomed", "the memorandum … will be"
    kept = sentence[start:end].split()[:14]
    while len(kept) > 1 and kept[-1] in _SMALL_WORDS:  # cut short after "for", "and"
        kept.pop()
    phrase = " ".join(kept).strip()
    return (start, end, phrase) if len(phrase) > 3 else None


def _modifies_noun(sentence: str, end: int) -> bool:
    """An instrument word followed by another instrument noun or by the noun of an office or
    premises is a modifier, not a head: "training centre", "exchange offices"."""
    following = _FOLLOWING.match(sentence, end)
    if following is None:
        return False
    return following.group(1).lower() in HEADS or BODY_NOUN.match(sentence, end) is not None


def heads_of(phrase: str) -> set[str]:
    return {head.lower() for head in HEAD.findall(phrase)}
