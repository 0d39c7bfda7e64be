"""Institutions named by their form rather than found in a gazetteer: "Security Council of the
Kyrgyz Republic", "State Investigation and Protection Agency", "Counter-Terrorism Bureau of the
Ministry of Public Security of the People's Republic of China".

A capitalised run is cut where one name ends and another begins ("... and the ...", "... at
the ...", "... in <place>" after anything but a field office), titles and other leading words
are taken off, and what holds an institution's head noun is a body. A body named inside
another ("Bureau of the Ministry ...") is a body of its own, and so is its parent.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from accord.extraction.chunks import Word
from accord.extraction.lexicon import INSTITUTION_HEADS
from accord.extraction.name_words import common_word, is_given_name

HEADS = INSTITUTION_HEADS
_PLURAL_PEOPLE = frozenset({"Secretaries", "Representatives", "Heads", "Members", "Ministers",
                            "Chiefs", "Directors", "Commanders", "Delegations"})  # fmt: skip
# Words that end a rank written before a name ("Police Major General", "Naval Forces
# Commodore"), so never a body's name.
_RANK_ENDS = frozenset({"General", "Commodore", "Major", "Colonel", "Lieutenant", "Captain",
                        "Admiral", "Brigadier", "Sergeant", "Marshal"})  # fmt: skip
_RANKS = frozenset({"Major", "Colonel", "Captain", "Lieutenant", "Brigadier", "Inspector",
                    "Sergeant", "Admiral", "Mr", "Ms", "Mrs", "Dr"})  # fmt: skip
_FIELD_OFFICES = frozenset({"Office", "Centre", "Center", "Mission", "Embassy", "Branch",
                            "Consulate", "Representation", "Headquarters"})  # fmt: skip
_GENERIC_PLURALS = frozenset({
    "Councils", "Ministries", "Agencies", "Services", "Committees", "Commissions", "Offices",
    "Departments", "Centres", "Centers", "Institutes", "Academies", "Universities",
})  # fmt: skip
_PERSON_TITLES = frozenset({
    "President", "Minister", "Deputy", "Secretary", "Secretaries", "Secretary-General", "Head",
    "Heads", "Director", "Director-General", "Commander", "Chairman", "Chair", "Ambassador",
    "Representative", "Representatives", "Envoy", "Adviser", "Advisor", "Spokesperson",
    "Colonel", "Inspector", "Officer", "Members", "Member", "Chief", "Coordinator", "Delegation",
    "Delegations",
    "Chief-of-Staff", "Chief-of-staff", "Presidency", "Commissioner", "Superintendent",
    "Commandant", "Chairwoman", "Chairperson", "Governor", "Prosecutor", "Undersecretary",
})  # fmt: skip
_TITLES = _PERSON_TITLES | _RANKS
_HYPHEN_TITLES = frozenset({"Attorney", "Auditor", "Procurator", "Solicitor", "Surgeon",
                            "Governor", "Comptroller"})  # fmt: skip
_LEADING = frozenset({
    "The", "A", "An", "For", "According", "From", "In", "On", "At", "By", "With", "Of", "To",
    "Under", "Meeting", "Meetings", "Conference", "Summit", "Session", "Both", "All", "Its",
    "Their", "Our", "This", "That", "These", "Today", "Also", "And", "But", "As", "Together",
    "Officials", "Officers", "Experts", "Delegates", "Participants", "Colleagues", "Partners",
    "Since", "Until", "After", "Before", "During", "When", "While", "Although", "Yesterday",
})  # fmt: skip
_INSTRUMENTS = frozenset({
    "Programme", "Program", "Fund", "Course", "Protocol", "Convention", "Agreement", "Treaty",
    "Plan", "Project", "Initiative", "Operation", "Exercise", "Strategy", "Concept", "Roadmap",
    "Memorandum", "Declaration", "Charter", "Statute", "Code", "Law", "Operations",
    "Exercises", "Programmes", "Projects", "Resolution", "Resolutions", "Directive",
    "Regulation",
})  # fmt: skip
_TIME_WORDS = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
})  # fmt: skip

Body = tuple[int, int]  # word range in the run


def bodies(run: list[Word], is_place: Callable[[str], bool]) -> list[Body]:
    found: list[Body] = []
    for start, end in _segments(run, is_place):
        start = _after_title(run, start, end)
        found.extend(_split_parents(run, start, end, is_place))
    return [body for body in found if _acceptable(run, *body)]


def _title_word(word: str) -> bool:
    """A person's title or rank, also one of hyphenated words ("Inspector-General",
    "Attorney-General", "Commander-in-Chief")."""
    return word in _TITLES or ("-" in word and word.split("-", 1)[0] in _TITLES | _HYPHEN_TITLES)


def _after_title(run: list[Word], start: int, end: int) -> int:
    """ "Chairman of the State Border Committee ...": the body begins after the person's title
    and its "of (the)"."""
    first_head = next(
        (i for i in range(start, end)
         if (run[i].text in HEADS and not _staff_title(run, start, i)) or _mission(run, i, end)),
        None,
    )  # fmt: skip
    if first_head is None:
        return end if any(_staff_title(run, start, i) for i in range(start, end)) else start
    titles = [
        i for i in range(start, first_head)
        if _title_word(run[i].text) and not _mission(run, i, end)
    ]  # fmt: skip
    if not titles:
        return start
    # after the last "of" before the head: "Deputy Director General of Security of the
    # Ministry of Interior" is the Ministry's, not "Security of the Ministry ..."
    for index in range(first_head - 1, titles[-1], -1):
        if run[index].text == "of":
            return _next_word(run, index)
    return start


def _staff_title(run: list[Word], start: int, index: int) -> bool:
    """ "Chief of Defence Staff", "Chief of the Army Staff": the staff is the chief's title,
    not a body (a General Staff is one: "Chief of the General Staff of the Armed Forces")."""
    if run[index].text != "Staff" or index - 1 < start:
        return False
    words = [w.text for w in run[max(start, index - 4) : index]]
    return run[index - 1].text in _SERVICE_STAFFS and "Chief" in words and "of" in words


_SERVICE_STAFFS = frozenset({"Defence", "Defense", "Army", "Air", "Naval", "Navy"})


def _mission(run: list[Word], index: int, end: int) -> bool:
    """ "Delegation of the European Union to the Kyrgyz Republic": a delegation sent to a
    state or a body is a mission, a body of its own, not a person's title."""
    return run[index].text == "Delegation" and any(w.text == "to" for w in run[index + 1 : end])


def _segments(run: list[Word], is_place: Callable[[str], bool]) -> list[Body]:
    """Cut the run where one name ends: "and the", "at (the)", a time word, "the" after a
    capitalised word (no name goes on so), "in <place>" that
    does not follow a field office's head, "and" before a new name or a person's title, and
    before a person's given name."""
    cuts = [0]
    for index, word in enumerate(run):
        following = run[index + 1].text if index + 1 < len(run) else ""
        if word.text == "and" and (following in _AFTER_AND or _new_name(run, index + 1)):
            cuts.extend([index, index + 1])
        elif word.text == "at":
            cuts.extend([index, index + (2 if following == "the" else 1)])
        elif word.text == "the" and index and not run[index - 1].text.islower():
            cuts.extend([index, index + 1])  # "Since January the Polish Border Guard has"
        elif (
            word.text == "for"
            and index >= 2
            and run[index - 1].text in _FIELDED_HEADS
            and (run[index - 2].text in _FIELDS)
        ):
            cuts.append(index)  # "the Chinese Foreign Ministry for Afghan Affairs": an envoy's
        elif (
            (word.text in ("on", "in") and following in _TIME_WORDS)
            or (word.text == "in" and index and run[index - 1].text not in _FIELD_OFFICES)
            or (index and _starts_person(run, index) and not _place_in_name(run, index, is_place))
        ):
            cuts.append(index)
    cuts.append(len(run))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


# After "and", words that begin something else: "Estonia and with the European Union"
_AFTER_AND = frozenset({"the", "of", "with", "to", "by", "from", "between", "among", "through"})


# A ministry whose field stands before its head ("Foreign Ministry") has its name: a "for"
# after it is the complement of something else (a title: "Special Envoy of the ... for").
_FIELDS = frozenset({"Foreign", "Interior", "Defence", "Defense", "Justice", "Home", "Finance",
                     "Emergencies", "Health", "Economy", "Transport"})  # fmt: skip
_FIELDED_HEADS = frozenset({"Ministry", "Office", "Department"})


def _new_name(run: list[Word], index: int) -> bool:
    """After "and": a person's title, or words that hold their own head noun before any "of",
    when what comes before "and" is a name of two words or more ("Police and Border Guard
    Board" is one name; "Ministry of Home Affairs and Narcotics Control Bureau" two)."""
    if index < len(run) and run[index].text in _PERSON_TITLES | _RANKS:
        return True
    one_word_before = index < 3 or run[index - 3].text in ("and", "the", "of")
    if one_word_before or _modifier_before(run, index - 1):
        return False
    if not any(word.text in HEADS for word in run[: index - 1]):
        return False  # no name before "and", only modifiers: "Joint Training and Evaluation Centre"
    for word in run[index:]:
        if word.text in ("of", "under", "for", "in", "on", "the"):
            return False
        if word.text in HEADS or word.text in _GENERIC_PLURALS:
            return True
    return False


def _modifier_before(run: list[Word], conjunction: int) -> bool:
    """The words before "and" hold a head noun that modifies what follows it ("African Union
    Peace and Security Council"): the name goes on past "and"."""
    index, after_head = conjunction - 1, False
    while index >= 0 and run[index].text not in ("and", "the", "of", "for", "in", "on"):
        if run[index].text in HEADS:
            return after_head
        after_head = True
        index -= 1
    return False


def _place_in_name(run: list[Word], index: int, is_place: Callable[[str], bool]) -> bool:
    """A place's name that is a given name too, before the head noun of a body within three
    words: "Eastern Sabah Security Command" names no person Sabah."""
    return is_place(run[index].text) and any(
        word.text in HEADS for word in run[index + 1 : index + 4]
    )


def _starts_person(run: list[Word], index: int) -> bool:
    word, before = run[index].text, run[index - 1].text
    after = run[index + 1].text if index + 1 < len(run) else ""
    return (
        before[:1].isupper() and after[:1].isupper() and after not in HEADS
        and word not in HEADS and not word.isupper() and is_given_name(word)
        and not common_word(word, 4.0)
    )  # fmt: skip


def _split_parents(
    run: list[Word], start: int, end: int, is_place: Callable[[str], bool]
) -> list[Body]:
    """ "A of the B" where A and B both hold a head noun: the whole and B are bodies, and so is
    A when it names a unit of its own ("Moscow University", "Office for Security Policy"),
    not a kind of unit every parent has ("General Staff", "Border Service"); "A under the B":
    the whole and B."""
    parts: list[Body] = [(start, end)]
    for index in range(start + 1, end - 1):
        if run[index].text not in ("of", "under"):
            continue
        tail = _next_word(run, index)
        if _has_head(run, start, index) and _has_head(run, tail, end):
            if run[index].text == "of" and _own_name(run, start, index, is_place):
                parts.append((start, index))
            parts.append((tail, end))
            break
    return parts


def _own_name(run: list[Word], start: int, end: int, is_place: Callable[[str], bool]) -> bool:
    """Whether words start:end name one unit, not a kind: a place, a rare word or a
    purpose ("for ...") besides the head and everyday modifiers."""
    words = [w.text for w in run[start:end] if w.text not in HEADS and w.text not in _LEADING]
    return any(w in ("for", "on") or is_place(w) or not common_word(w, 3.0) for w in words)


def _next_word(run: list[Word], index: int) -> int:
    index += 1
    while index < len(run) and run[index].text in ("the",):
        index += 1
    return index


def _has_head(run: list[Word], start: int, end: int) -> bool:
    return any(word.text in HEADS for word in run[start:end])


def _acceptable(run: list[Word], start: int, end: int) -> bool:
    words = [word.text for word in run[start:end]]
    while words and (words[0] in _LEADING or words[0].islower() or _verb_like(run, start)):
        words, start = words[1:], start + 1
    while words and words[-1].islower():
        words = words[:-1]
    if len(words) < 2 or words[-1] in _PERSON_TITLES | _INSTRUMENTS | _TIME_WORDS | _RANK_ENDS:
        return False
    first_head = next((i for i, w in enumerate(words) if w in HEADS), None)
    if first_head is None or any(
        _title_word(w) and not (w == "Delegation" and "to" in words) for w in words[:first_head]
    ):
        return False
    if first_head == 0 and len(words) > 1 and words[1] in _PERSON_TITLES:
        return False  # "Cabinet Secretary for Interior": a person's title, no body
    if any(w in _PLURAL_PEOPLE for w in words):
        return False
    if _portfolio(words, first_head):
        return False
    return not (words[first_head] in _GENERIC_PLURALS or any(w in _INSTRUMENTS for w in words))


def _portfolio(words: list[str], head: int) -> bool:
    """ "Interior and Local Government" (of "Secretary of the Interior and Local
    Government"): a tier of government, or a minister's field with it, names no body; nor do
    two fields ("Interior and Administration"); a body of them does ("Department of the
    Interior and Local Government")."""
    if any(w in HEADS for w in words[head + 1 :]):
        return False
    if words[head] == "Government" and head > 0 and words[head - 1] == "Local":
        return True
    # "Interior and Administration" (of "Minister of the Interior and Administration"): a
    # minister's fields, the second a head noun by chance
    return head == 2 and words[0] in _FIELDS and words[1] == "and"


def _verb_like(run: list[Word], index: int) -> bool:
    """A verb that opens the run ("Welcomed the ...", "Designating the Moscow University ...
    as"), not a participle within a name ("Armed Forces", "United Nations": an -ed word
    before a capitalised one). A rare word counts only before an article."""
    word = run[index].text
    if not word.endswith(("ing", "ed")):
        return False
    following = run[index + 1].text if index + 1 < len(run) else ""
    if word.endswith("ed") and following[:1].isupper():
        return False
    return following in ("the", "a", "an") or common_word(word, 3.0)


def trim(run: list[Word], start: int, end: int) -> Body:
    """The body's word range without leading and trailing small words."""
    while start < end and (
        run[start].text in _LEADING or run[start].text.islower() or _verb_like(run, start)
    ):
        start += 1
    while end > start and run[end - 1].text.islower():
        end -= 1
    return start, end
