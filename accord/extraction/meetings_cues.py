"""The language of meetings: the words that report one, that make it planned, earlier,
bilateral or multilateral, and the dateline that places a report. Patterns only, written for
the genre (wires, communiqués, readouts, transcripts), not for any document."""

from __future__ import annotations

from functools import cache

import regex

from accord.documents.cues import Cue, Vocabulary, cue_of, prefix_cue_of
from accord.vocab import MeetingFormat

# "received the Ambassador", "received Mr. Seo", "received a delegation", "received the head
# of the mission", "received his Tajik counterpart": a guest, not a letter or information.
_GUEST = (
    r"delegations?|head|heads|chief|chiefs|director|commander|ministers?|secretary|ambassadors?|"
    r"chair(?:man|woman|person)?|leaders?|representatives?|envoys?|participants"
)
RECEIVED = (
    # (where and when may come first: "received at his office in Riyadh on Monday the ...")
    r"\breceived\s+(?:(?:at|in)\s+(?:his|her|their|the)\s+[\w-]+(?:\s+in\s+(?-i:\p{Lu})[\w-]+)?"
    r"\s+)?(?:on\s+[\w-]+(?:\s+\d{1,2})?\s+)?(?:the\s+|a\s+(?=delegation)|H\.E\.\s+)?"
    rf"(?:(?-i:\p{{Lu}})|(?:{_GUEST})\b|"
    r"(?:his|her|their)\s+(?:[\w-]+\s+)?(?:counterparts?|colleagues?)\b)"
)
# Two people signing an instrument together (a signing ceremony): "A and B signed a new
# working arrangement"; not "the agreement was signed in 2010".
SIGNED_TOGETHER = (
    r"\bsigned\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:agreement|memorandum|arrangement|protocol|"
    r"treaty|declaration|roadmap|accord|contract)\b"
)
# A sentence reports a meeting only when it holds one of these words.
EVENT = regex.compile(
    r"\b(?:meetings?|meets?|met|talks|sessions?|conferences?|forums?|summits?|consultations?|"
    r"videoconferences?|video ?conference|round ?tables?|signing ceremony|"
    r"tele(?:phone)? (?:conversations?|calls?|talks)|phone (?:calls?|conversations?)|"
    r"visit(?:ed|s|ing)?|confer(?:red)?|convene[sd]?|"
    # to host a body is not to host a meeting: "would host a NATO centre of excellence"
    # (nor an exercise: "will host the next edition of the exercise")
    r"host(?:s|ed)?(?!\s+(?:[\w-]+\s+){0,5}?(?:centres?|centers?|offices?|headquarters|"
    r"bases?|secretariats?|academ(?:y|ies)|schools?|units?|forces?|troops|exercises?|drills?|"
    r"manoeuvres|maneuvers)\b)|"
    # to take part in an exercise or a course is not to meet: "took part in a field exercise",
    # "took part this week in “Boreal Shield 2025”, a three-day exercise"
    r"(?:took|take)\s+part(?!\s+(?:(?:this|last|next)\s+(?:week|month|year)\s+|today\s+)?in\s+"
    r"(?:[\"“][^\"”\n]{1,60}[\"”],?\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:exercises?|"
    r"drills?|training|courses?|operations?|manoeuvres|maneuvers|raids?|patrols?)\b)|"
    r"dialogue|round of|congress(?:es)?|symposium|symposia)\b|"
    # "at the European Police Chiefs Convention": a gathering (not a treaty, which one is under)
    r"(?-i:\bat\s+the\s+(?:\p{Lu}[\w-]*\s+){1,5}Convention\b(?!\s+(?:on|of|for|against)\b))|"
    # a workshop that makes things is no meeting: "dismantled a workshop producing fake permits"
    r"(?<!\b(?:dismantled|raided|searched|discovered|uncovered|found|clandestine|illegal|"
    r"underground|secret)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?)\bworkshops?\b"
    r"(?!\s+(?:producing|making|manufacturing|assembling|where|that\s+(?:produced|made)))|"
    + RECEIVED
    + "|"
    + SIGNED_TOGETHER,
    regex.IGNORECASE,
)

# A future word makes a meeting planned only when it governs a meeting verb or noun: "will
# be held", "agreed to meet again", "the next round", not "is to watch" near "the meeting".
_VERB = (
    r"(?:hold|host|convene|meet|visit|attend|take part|take place|participate|come back|travel|"
    r"fly|arrive|tour|head to|go to|"
    r"be held|be hosted|be convened|be organi[sz]ed|discuss|sign|review|assess|gather)"
)
# Words between "next" and its noun, never a preposition ("the next steps in meeting ...").
_FILLER = r"(?:(?!(?:in|of|to|for|on|at|with)\b)[\w–-]+\s+){0,3}?"
PLANNED = regex.compile(
    r"\bto meet again\b|\bwill meet again\b|"
    r"\binvited\s+(?:[\w-]+\s+){0,3}?to\s+(?:pay|make)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?visit\b|"
    # talks that will begin or resume: "talks on the centre would begin in April"
    r"\b(?:talks|consultations|negotiations|dialogue)\s+(?:[\w-]+\s+){0,4}?(?:will|would|are to|"
    r"is to)\s+(?:begin|start|resume|open|continue)\b|"
    r"\b(?:will|would|shall|is to|are to|(?:is|are) due to|plans? to|intends? to|agreed to|"
    r"decided to|(?:is|are) expected to|(?:is|are) scheduled to|(?:is|are) set to)\s+"
    r"(?:\w+\s+){0,2}?" + _VERB + r"\b|"
    r"\b(?:will|is to|are to|(?:is|are) (?:due|expected|set|scheduled) to)\s+(?:pay|make)\s+"
    r"(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?visit\b|"
    r"\b(?:next|upcoming|forthcoming)\s+" + _FILLER + r"(?:meeting|round|session|"
    r"conference|forum|summit|talks|consultations|visit|review)\b|"
    r"\b(?:will|shall)\s+(?:\w+\s+){0,6}?(?:to|at|during|before)\s+the\s+(?:\w+\s+){0,4}?"
    r"(?:meeting|session|summit|conference|forum|talks|convention|congress|symposium)\b|"
    r"\bwill be (?:preceded|followed) by\b|\bto be held\b|\bpreparations? for the\s+"
    r"(?:[\w-]+\s+){0,3}?(?:meeting|session|summit|conference|forum|visit)\b|"
    r"\b(?:is|are) (?:scheduled|planned) (?:for|to|in|on)\b|"
    r"\bit was agreed to (?:hold|meet|convene)\b|\binvitation to (?:visit|attend|take part)\b",
    regex.IGNORECASE,
)
# Headlines write the future as an infinitive: "Council to convene in Baku".
HEADLINE_FUTURE = regex.compile(r"\bto (?:convene|meet|visit|host|hold|gather)\b", regex.I)
# How often a body meets: a schedule, not one meeting planned.
RECURRING = regex.compile(
    r"\b(?:(?:once|twice|three times|four times) (?:a|per|every|each) (?:year|month|quarter|week)|"
    r"(?:every|each) (?:year|month|quarter|week|(?:two|three|six) (?:years|months))|annually|"
    r"quarterly|monthly|regularly|on a regular basis|periodically)\b",
    regex.IGNORECASE,
)
# The definite "next" meeting: two sentences about it are one meeting.
NEXT = regex.compile(
    r"\bnext\s+" + _FILLER + r"(?:meeting|round|session|conference|"
    r"forum|summit|talks|consultations|review)\b",
    regex.IGNORECASE,
)

# A meeting recalled in passing: "last met in Ankara", "the previous conference in Bishkek",
# "a year after a conference held in Bishkek", "launched at the 2004 Summit in Istanbul".
EARLIER = regex.compile(
    r"\b(?:previous|last|earlier|preceding|former)\s+(?:[\w-]+\s+){0,2}(?:summit|conference|"
    r"meeting|session|forum|round|talks)\b|\blast met\b|"
    r"\b(?:a|one|two|three) years? (?:after|before)\b|\bmet in\s+(?-i:\p{Lu})",
    regex.IGNORECASE,
)
# "last month", "two years ago" date a meeting only when the sentence reports one of its own
# ("we hosted a meeting", "at their meeting"), not "the meeting" the document is about.
LAST = regex.compile(r"\blast (?:month|week|year)\b|\bago\b", regex.IGNORECASE)
OWN_EVENT = regex.compile(
    r"\b(?:hosted|held|met|convened|organi[sz]ed)\b|\b(?:a|an|their|its|our|his|her)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:meeting|conference|session|summit|forum|talks|round)\b",
    regex.IGNORECASE,
)
HELD_AT = regex.compile(
    r"\b(?:held|adopted|launched|signed|agreed|met)\s+(?:\w+\s+){0,5}?"
    r"(?:in|at)\s+(?:the\s+)?\p{Lu}"
)

# "held a videoconference with", "had a telephone conversation with", "spoke by phone with".
# (each branch ends in its own "... with", so that a sentence is only tried where one is: a
# bare " with" would let nearly every sentence through)
_HAD_A_CALL = (
    r"\b(?:held|holds|had|has) an? (?:video ?conference with|meeting with|"
    r"(?:(?:tele)?phone )?conversation with|(?:(?:tele)?phone )?call with)\b|"
    r"\bspoke (?:by (?:tele)?phone|on the (?:tele)?phone) with\b"
)
# Two parties.
BILATERAL = regex.compile(
    r"\bbilateral\b|\bthe two (?:sides|ministers|chiefs|delegations|leaders|heads|secretaries"
    r"|countries|forces|services|agencies|governments|presidents|ministries|parties)\b|"
    r"\b(?:met|meets|meet) (?:separately |privately |also )?with\b|"
    r"\b(?:held|hold|holds) (?:\w+ )?talks with\b|"
    + _HAD_A_CALL
    + r"|\bwas received by\b|"
    + RECEIVED
    + "|"
    r"\b(?:his|her|their) (?:\p{Lu}\w+ )?counterpart\b|\btheir (?:\p{Lu}\w+ )?counterparts\b|"
    r"\bvisit to\b|\binterlocutors\b|"
    r"\bbetween the two\b|\bthe sides\b",
    regex.IGNORECASE,
)
# Three parties or more.
MANY = regex.compile(
    r"\b(?:member states|member countries|secretaries|delegations from|multilateral|"
    r"(?:his|her) (?:\p{Lu}\w+ )?counterparts|"
    r"trilateral|quadrilateral|heads of (?:state|government|delegations?)|allies|"
    r"(?:three|four|five|six|seven|eight|nine|ten) (?:[\w-]+ ){0,2}?"
    r"(?:countries|states|services|parties|nations|delegations)|"
    r"regional (?:conference|meeting|forum))\b",
    regex.IGNORECASE,
)
# The bodies and events that gather many parties (the spec's "or a forum").
# Written small, the noun is the gathering; capitalised, only an event's name is ("Forum",
# "Summit"), not a body's ("Security Council" in a title).
FORUM = regex.compile(
    r"\b(?:forums?|conferences?|summits?|councils?|committees?|commissions?|assembly|sessions?"
    r"|workshops?|round ?tables?|symposium|working groups?|inter-sessional)\b|"
    r"\b(?:Forum|Conference|Summit|Assembly|Symposium|Workshop|Inter-Sessional)\b"
)
# "Kyrgyz-Tajik consultations", "EU–Kyrgyz Republic Dialogue": a pair names two parties.
PAIR = regex.compile(
    r"\b\p{Lu}[\w.]+\s?[-–]\s?\p{Lu}[\w]+(?: Republic)?\s+(?:\p{Lu}\w+\s+)?"
    r"(?:consultations|talks|dialogue|Dialogue|Consultations|Talks)\b"
)

# A sentence's own meeting between people: "held talks with", "was received by", "A and B met".
TALKS = regex.compile(
    r"\bbilateral (?:meetings?|talks)\b|\bmet\b|\bmeets\b|\b(?:held|holds) (?:\w+ )?talks with\b|"
    + _HAD_A_CALL
    + r"|\bwas received by\b|"
    + RECEIVED
    + "|"
    + SIGNED_TOGETHER,
    regex.IGNORECASE,
)
# A sentence that reports taking part in a meeting of its own ("took part in the session").
ATTENDED = regex.compile(
    r"\b(?:took part in|attended|participated in|addressed|was present at)"
    r"\s+(?:the|a|an)\b",
    regex.IGNORECASE,
)
# A sentence that says someone did not take part: "Prime Minister Pashinyan did not attend".
ABSENT = regex.compile(
    r"\b(?:did not|didn't|does not|will not|would not)\s+(?:attend|take part|participate|come)\b|"
    r"\b(?:was|were) absent\b|\bboycott(?:ed|s)?\b|\bskipped\b|\bstayed away\b",
    regex.IGNORECASE,
)
# A sentence that names who else took part in the meeting it speaks of.
ATTENDED_BY = regex.compile(
    r"\b(?:was|were)\s+(?:also\s+)?attended\s+by\b|\bin the presence of\b|"
    r"\balso present were\b|\bparticipants included\b",
    regex.IGNORECASE,
)
SIDELINES = regex.compile(
    r"\bon the (?:sidelines|margins)\b|\bin a separate meeting\b|"
    r"\b(?:also|separately|later) met\b|\bthe same day\b",
    regex.I,
)
# A meeting at a distance, which has no venue: by video or by telephone.
VIDEO = regex.compile(
    r"\bvideo ?conference\b|\bby video\b|\bvideo link\b|\bonline format\b|"
    r"\btele(?:phone)? (?:conversation|call|talks)\b|\bphone (?:call|conversation)\b|"
    r"\bby (?:tele)?phone\b",
    regex.I,
)
SAME_DAY = regex.compile(r"\bthe same day\b|\blater that day\b", regex.IGNORECASE)
# A day before or after the main event: "a day earlier", "on the eve", "the next day".
DAY_BEFORE = regex.compile(
    r"\b(?:a|one) day (?:earlier|before)\b|\bthe (?:day before|previous day|eve)\b",
    regex.IGNORECASE,
)
DAY_AFTER = regex.compile(
    r"\b(?:a|one) day later\b|\bthe (?:next|following) day\b|\bthe day after\b",
    regex.IGNORECASE,
)

# "A two-day meeting ... closed yesterday": the date is the last day.
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
DURATION = regex.compile(r"\b(two|three|four|five|[2-5])[- ]days?\b", regex.IGNORECASE)
ENDING = regex.compile(
    r"\b(?:closed|ended|concluded|wound up|wrapped up|wraps up|ends|"
    r"drew to a close|came to an end|wound down|at the (?:end|close|conclusion) of)\b",
    regex.IGNORECASE,
)
OPENING = regex.compile(r"\b(?:opened|began|started|opens|begins)\b", regex.IGNORECASE)

# A dateline: a place at the start of a line, then a comma or a dash ("TALLINN –",
# "DJIBOUTI, March 6 (KNA) –", "Manado, Indonesia, Tuesday, 8 July 2025").
_WORD = r"\p{Lu}[\p{L}.'’-]*"
DATELINE = regex.compile(rf"(?m)^({_WORD}(?:\s{_WORD}){{0,2}})\s*(?:,|\s[–—-]\s)")
# The dateline's tail up to the dash that opens the story, so that its date and place are
# not read as the meeting's.
DATELINE_PREFIX = regex.compile(r"(?m)^\p{Lu}[^\n]{0,60}?\s[–—-]\s")

# "at the NATO-ICI Regional Centre", "at NATO Headquarters": a named venue after "at".
VENUE = regex.compile(
    r"\bat (?:the )?((?:\p{Lu}[\p{L}-]*\s){0,5}(?:Centre|Center|Headquarters|"
    r"Palace|Hall|House|Hotel|Kremlin|Residence|Building|Complex))\b"
)


# "from Denmark, Estonia, Finland and Sweden": states listed as those taking part.
TAKING_PART = regex.compile(r"\b(?:from|delegations?|representatives|counterparts|ministers|"
                            r"heads|officials|partners|countries|states|were|participants)\W*$",
                            regex.IGNORECASE)  # fmt: skip
LIST_GAP = regex.compile(r"^\s*(?:,|,?\s+and|–|-)\s+(?:the\s+)?$")


def duration(words: str) -> int | None:
    found = DURATION.search(words)
    return _NUMBERS[found.group(1).lower()] if found else None


def sentence_format(words: str, forum: bool = True) -> MeetingFormat | None:
    """The format a sentence states in words, if it does: many parties first ("trilateral",
    "member states"), then two ("bilateral", "the two sides", "held talks with"), then (when
    `forum`) a forum noun, which gathers many."""
    if MANY.search(words):
        return MeetingFormat.MULTILATERAL
    if BILATERAL.search(words) or PAIR.search(words):
        return MeetingFormat.BILATERAL
    if forum and FORUM.search(words):
        return MeetingFormat.MULTILATERAL
    return None


# "The BGB delegation was led by ..., and the BSF delegation by ...": one party each.
_DELEGATION = regex.compile(r"\b(\p{Lu}[\w-]*)(?:'s)? (?:delegation|side)\b")
_NOT_PARTIES = frozenset({"The", "A", "An", "Each", "Both", "Our", "This", "That", "Either"})


def delegations(words: str) -> set[str]:
    if " delegation" not in words and " side" not in words:
        return set()  # what every match holds
    return {m.group(1) for m in _DELEGATION.finditer(words)} - _NOT_PARTIES


# The patterns asked of whole sentences, which a sentence without their literals is not asked.
_SENTENCE_PATTERNS = (
    EVENT, NEXT, PLANNED, HEADLINE_FUTURE, SIDELINES, TALKS, VIDEO, EARLIER, LAST, OWN_EVENT,
    HELD_AT, ATTENDED, ATTENDED_BY, ABSENT, SAME_DAY, DAY_BEFORE, DAY_AFTER,
)  # fmt: skip


@cache
def literals(pattern: regex.Pattern[str]) -> Cue | None:
    """Lower-case literals one of which every match of the pattern holds, or None."""
    return cue_of(pattern.pattern, pattern.flags)


@cache
def first_literals(pattern: regex.Pattern[str]) -> Cue | None:
    """Lower-case literals one of which every match of the pattern begins with, when none is
    so short that it would be found nearly everywhere; else None."""
    found = prefix_cue_of(pattern.pattern, pattern.flags)
    return found if found and min(map(len, found)) >= _SHORTEST_FIRST else None


_SHORTEST_FIRST = 2


@cache
def vocabulary() -> Vocabulary:
    """The literals of the sentence patterns, found in a text in one pass."""
    return Vocabulary(
        found
        for pattern in _SENTENCE_PATTERNS
        for found in (literals(pattern), first_literals(pattern))
    )
