"""Titles before a personal name: the title phrase in apposition ("the Deputy Director of the
Border Service, Aidos Seitkali"), the title words in the run before it ("Foreign Ministry
Spokesperson"), the phrase a run completes ("Minister of the" + "Interior Vladislav
Kondratovič"), a first title joined by "and", and the ranks that end them. Patterns and pure
helpers for `accord.extraction.names`.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from accord.extraction.lexicon import HONORIFICS, TITLE_WORDS
from accord.extraction.name_words import (
    common_word,
    is_country_word,
    is_given_name,
    is_institution_word,
)

GENERIC_TITLE_WORDS = frozenset({"Defence", "Defense", "Foreign", "Interior", "Justice",
                                  "State", "Senior", "Executive", "High", "Special", "First",
                                  "Police", "Permanent", "Principal", "Acting"})  # fmt: skip
# Words that say which field a title covers when they stand before it ("Security Minister",
# "National Security Adviser", "Counter-Terrorism Coordinator"), not titles of their own.
_TITLE_FIELDS = frozenset({"Security", "Home", "National", "Counter-Terrorism",
                           "Counter-terrorism", "Counterterrorism", "Anti-Terrorism", "Cabinet",
                           "Intelligence", "Border", "Drug", "Anti-Drug"})  # fmt: skip


def _field_of_title(prefix: list[str], at: int) -> bool:
    """Whether prefix[at] is a field word that leads, through field words only, to a title."""
    for word in prefix[at:]:
        if word in TITLE_WORDS:
            return True
        if word not in _TITLE_FIELDS:
            return False
    return False


_TITLE_ALTERNATIVES = "|".join(
    sorted(
        (regex.escape(t) for t in TITLE_WORDS - GENERIC_TITLE_WORDS if len(t) > 3),
        key=len,
        reverse=True,
    )
)
# (an acronym in brackets inside: "the Minister of the National Anti-Drug Secretariat (SENAD) of
# Paraguay, Jorge Luis Villalba Duarte")
TITLE_BEFORE = regex.compile(
    rf"\b((?:{_TITLE_ALTERNATIVES}|head|chief|deputy|director|secretary|minister|commander|"
    r"chairman)\b(?:[^,;.()\n]|\((?-i:\p{Lu}[\p{Lu}\p{Ll}-]{1,11})\)){0,160}),"
    r"\s*(?-i:(?:\p{Lu}[\p{L}.’'-]*\s+){0,5})\Z",
    regex.IGNORECASE,
)  # (the words after the comma capitalised, whatever the case of the title: not "and ")


def prefix_titles(prefix: list[str], is_place_or_country: Callable[[str], bool]) -> list[str]:
    """The title words among the words before a name, with the words of an institution that
    stand between them: "Foreign Ministry Spokesperson", "EU Foreign Policy Chief"."""
    marks = [
        i for i, w in enumerate(prefix)
        if w in TITLE_WORDS or (w.isupper() and len(w) > 1) or _field_of_title(prefix, i)
    ]  # fmt: skip
    if len(marks) < 2:
        return [prefix[i] for i in marks]
    words = []
    for i in range(marks[0], marks[-1] + 1):
        word = prefix[i]
        if i in marks:
            words.append(word)
        elif not (
            word in HONORIFICS or is_given_name(word) or is_country_word(word)
            or is_place_or_country(word)
        ):  # fmt: skip
            words.append(word)  # "Ministry" of "Foreign Ministry Spokesperson"
    return words


def has_title_before(text: str, start: int) -> bool:
    """ "… the Deputy Director of the Border Service, Aidos Seitkali": a title phrase in
    apposition just before the name."""
    return title_before(text[max(0, start - 200) : start]) is not None


_CAPITAL_TITLES = "|".join(
    sorted((regex.escape(t) for t in TITLE_WORDS - GENERIC_TITLE_WORDS
            if t[:1].isupper() and not t.endswith(".")), key=len, reverse=True)
)  # fmt: skip
# A title phrase whose complement the run begins: "Lithuanian Minister of the" before "Interior
# Vladislav Kondratovič", "Minister of Foreign Affairs of" before "Kazakhstan Murat Nurtleu".
# Searched from the end: the farthest title word the phrase reaches back to ("Deputy Head of
# the Administration of the President of the"), and the capitalised words before it.
_TITLE_CHAIN = regex.compile(
    rf"(?:\p{{Lu}}[\p{{L}}’'-]*[ \t]+)*(?:{_CAPITAL_TITLES})"
    r"(?:[ \t]+(?:of|for|the|on|\p{Lu}[\p{L}’'-]*))*[ \t]+(?:of|for)(?:[ \t]+the)?[ \t]+\Z",
    regex.REVERSE,
)
# A portfolio of two fields joined by "and", the second the run's: "Vice-Minister of Social
# Defence and" before "Controlled Substances Ramiro Quispe Mamani".
_TITLE_CHAIN_AND = regex.compile(
    rf"(?:\p{{Lu}}[\p{{L}}’'-]*[ \t]+)*(?:{_CAPITAL_TITLES})"
    r"(?:[ \t]+(?:of|for|the|on|\p{Lu}[\p{L}’'-]*))*[ \t]+(?:of|for)(?:[ \t]+the)?"
    r"[ \t]+(?P<field>\p{Lu}[\p{L}’'-]*(?:[ \t]+\p{Lu}[\p{L}’'-]*){0,2})[ \t]+and[ \t]+\Z",
    regex.REVERSE,
)
# A title the name is appointed, elected or serves as: "appoint Imangali Tasmagambetov as
# Secretary General", "re-elected Ivan Petrov as Chairman of the Council".
AS_TITLE = regex.compile(
    rf"\A[ \t]+as[ \t]+(?:the[ \t]+)?(?:new[ \t]+)?((?:\p{{Lu}}[\p{{L}}’'-]*[ \t]+)*"
    rf"(?:{_CAPITAL_TITLES})(?:[ \t]+(?:of|the|\p{{Lu}}[\p{{L}}’'-]*))*)"
)
# A title phrase whose body's acronym stands between it and the name: "Deputy Secretary General
# of the European External Action Service (EEAS) Enrique Mora". Searched from the end.
TITLE_ACRONYM = regex.compile(
    rf"((?:\p{{Lu}}[\p{{L}}’'-]*[ \t]+)*(?:{_CAPITAL_TITLES})(?:[ \t]+(?:of|for|the|on|and|"
    r"\p{Lu}[\p{L}’'-]*))*)[ \t]+\(\p{Lu}[\p{Lu}\d&-]{1,11}\)[ \t]+\Z",
    regex.REVERSE,
)
RANKS = TITLE_WORDS - GENERIC_TITLE_WORDS


def complement(rest: tuple[tuple[str, int], ...]) -> int:
    """How many words at the front of a run after "… of" complete the title, not the name:
    everyday words, or one word that is no given name before one that is; two stay."""
    cut = 0
    while len(rest) - cut > 2 and common_word(rest[cut][0]) and not is_given_name(rest[cut][0]):
        cut += 1
    if not cut and not is_given_name(rest[0][0]) and is_given_name(rest[1][0]):
        cut = 1
    if not cut:  # "Citizen Security Juan Pablo ...": the words before the first given name
        first = next((i for i, (word, _) in enumerate(rest) if is_given_name(word)), 0)
        cut = first if len(rest) - first >= 2 else 0
    return cut


def title_chain(text: str, opening: int, prefix: list[str]) -> tuple[str, int] | None:
    """The title phrase a run completes ("Minister of the" + "Interior"), as written, with
    the run's words before the name but the ranks that end them ("Colonel"); and where it
    begins."""
    words = prefix[: len(prefix) - trailing_ranks(prefix)]
    joined = text.endswith(" and ", 0, opening)
    if not words or not (
        text.endswith("of ", 0, opening) or text.endswith("the ", 0, opening)
        or text.endswith("for ", 0, opening) or joined
    ):  # fmt: skip
        return None
    low = max(0, opening - 160)
    found = (_TITLE_CHAIN_AND if joined else _TITLE_CHAIN).search(text[low:opening])
    if found is None:
        return None
    if joined and not all(
        (common_word(w, 3.0) and not is_given_name(w)) or w in TITLE_WORDS
        for w in found["field"].split()
    ):
        return None  # "President of Tajikistan Emomali Rahmon and": a name, no field
    return " ".join([found.group().strip(), *words]), low + found.start()


# A first title joined by "and" to the one before the name: "Deputy Prime Minister and" before
# "Foreign Minister Murat Nurtleu", "State Councilor and" before "Minister of Public Security".
_TITLE_AND = regex.compile(
    rf"((?:\p{{Lu}}[\p{{L}}’'-]*[ \t]+)*(?:{_CAPITAL_TITLES})"
    r"(?:[ \t]+(?:of|for)(?:[ \t]+(?:of|for|the|\p{Lu}[\p{L}’'-]*))+)?)[ \t]+and[ \t]+\Z",
    regex.REVERSE,
)


def title_and(text: str, lead: int) -> str | None:
    """The title joined by "and" before the title phrase that begins at `lead`."""
    found = _TITLE_AND.search(text, max(0, lead - 120), lead)
    if found is None:
        return None
    title = found.group(1).removeprefix("The ")
    # "the President and Foreign Minister X": an office of its own is someone else's; and
    # "President of Tajikistan Emomali Rahmon and ...": a title that ends in a name is his
    last = title.split()[-1]
    ends_well = (
        last in TITLE_WORDS or is_institution_word(last) or is_country_word(last)
        or common_word(last, 3.0)
    )  # fmt: skip
    return None if title in _OFFICES_OF_THEIR_OWN or not ends_well else title


_OFFICES_OF_THEIR_OWN = frozenset({"President", "Prime Minister", "King", "Emir", "Chairman",
                                   "Secretary General", "Secretary-General"})  # fmt: skip


def trailing_ranks(prefix: list[str]) -> int:
    """How many of the words before a name are ranks or titles of their own ("Colonel")."""
    count = 0
    while count < len(prefix) and prefix[len(prefix) - 1 - count] in RANKS:
        count += 1
    return count


# What follows the comma of TITLE_BEFORE up to the end. It holds no comma, so a window whose
# last comma is not followed by it holds no match, and the costly search is spared.
_AFTER_TITLE = regex.compile(r"\s*(?:\p{Lu}[\p{L}.’'-]*\s+){0,5}")


# TITLE_BEFORE searched from the end (every match ends there): whether there is a match is
# found without trying every title at every position of the window.
_TITLE_BEFORE_REVERSED = regex.compile(TITLE_BEFORE.pattern, TITLE_BEFORE.flags | regex.REVERSE)


def title_before(window: str, start: int = 0) -> regex.Match[str] | None:
    """TITLE_BEFORE.search(window, start)."""
    comma = window.rfind(",")
    if comma < 0 or _AFTER_TITLE.fullmatch(window, comma + 1) is None:
        return None
    if _TITLE_BEFORE_REVERSED.search(window) is None:
        return None
    found = TITLE_BEFORE.search(window, start)
    # "The secretary met the Chairman of the Council, Jonas ...": a clause's verb inside the
    # phrase ends the subject; the title is the one after it
    verb = _CLAUSE_VERB.search(found.group(1)) if found else None
    while found is not None and verb is not None:
        found = TITLE_BEFORE.search(window, found.start(1) + verb.end())
        verb = _CLAUSE_VERB.search(found.group(1)) if found else None
    return found


_CLAUSE_VERB = regex.compile(
    r"\b(?:met|meets|said|says|received|receives|told|welcomed|welcomes|thanked|visited|hosted|"
    r"joined|called|urged|added|greeted|briefed|addressed)\b"
)


# A lowercase role noun right before a name: "his Indian counterpart Subrahmanyam Jaishankar",
# "said spokeswoman Maria Zakharova".
ROLE_NOUN_BEFORE = regex.compile(
    r"\b(counterparts?|colleagues?|spokes(?:man|woman|person)|envoy|ambassador|minister|"
    r"president|premier|commissioner|chair(?:man|woman|person)?|adviser|advisor|"
    r"representative|coordinator|rapporteur|correspondent|reporter|journalist|analyst)[ \t]+\Z"
)
RELATIONS = frozenset({"counterpart", "counterparts", "colleague", "colleagues"})
