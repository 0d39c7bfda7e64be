"""From name mentions to persons: one entry per individual however the text names them
("Ramiz Mehdiyev", "Mehdiyev", "Academician Ramiz Mehdiyev"), with roles and country."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

import regex
from rapidfuzz.fuzz import ratio

from accord.extraction import gazetteers as gz
from accord.extraction.findings import Person, Span
from accord.extraction.lexicon import HONORIFICS, TITLE_WORDS
from accord.extraction.name_titles import title_before
from accord.extraction.name_words import (
    common_word,
    fold,
    is_country_word,
    is_given_name,
    is_institution_word,
    is_patronymic,
)
from accord.extraction.names import NameMention
from accord.extraction.normalise import PARTICLES

_INITIAL = regex.compile(r"\p{Lu}\p{Ll}?\.")
# (a bracket ends it: "Vladimir Borisovich [Rushailo, Security Council Secretary]")
_APPOSITION = regex.compile(r"\A[ \t]*,[ \t]*([^,;:()\[\]\n]{2,200})")
_TITLES_AFTER_AND = (
    "Minister|Head|Chairman|Chair|Secretary|Director|Commander|Chief|Deputy|Vice|Assistant|Acting"
)
# (but "and" before a second title goes on, to be split off as a role of its own: "Deputy
# Prime Minister and Minister of Interior")
_APPOSITION_END = regex.compile(
    r"\s+(?:who|which|said|told|says|noted|stressed|added)\b.*|\.(?:\s.*)?$"
)
# "and" before a capitalised word that is not a title: where the apposition ends, unless it
# joins two words of one name ("Financial Crimes and Anti-Corruption Centre")
_AND_CAPITAL = regex.compile(rf"\s+and\s+(?=\p{{Lu}})(?!(?:{_TITLES_AFTER_AND})\b)")
_SECOND_TITLE = regex.compile(rf"\s+and\s+(?=(?:{_TITLES_AFTER_AND})\b)")
_PAREN_ROLE = regex.compile(r"\A\s*\(([^()\n]{2,300})\)\s*:")
# a title in brackets after a name, outside a speaker label: "Ms Marta Kowalczyk (Chair)"
_PAREN_TITLE = regex.compile(r"\A[ \t]*\(((?:the[ \t]+)?(\p{Lu}[\p{L}-]*)[^()\n]{0,200})\)")
# title words that name a field, not an office: "(Interior Ministry)" is a body
_FIELD_WORDS = frozenset({"State", "Police", "Foreign", "Defence", "Defense", "Interior"})
_ROLE_START = regex.compile(
    r"(?:the\s+)?(?:(?:former|then|acting|outgoing|incoming|new|newly\s+appointed)\s+)?"
    r"(?:\p{Lu}[\p{Ll}-]+|\p{Lu}{2,}(?=[\s’'])|head|deputy|chief|director|commander|minister|secretary|"
    r"chair\w*|representative|spokes\w+|adviser|advisor|envoy|ambassador|member|coordinator|"
    r"officer|president|inspector|colonel|general|superintendent|commissioner|governor|"
    r"prosecutor|undersecretary|counsell?or|delegate|rapporteur|mayor|consul|administrator|"
    r"leader)\b"
)


@dataclass
class _Individual:
    name: str
    spans: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)  # text that names the person's country
    origins: list[str] = field(default_factory=list)  # a city the person speaks from
    _split: tuple[str, list[str]] = field(
        default_factory=lambda: ("", []), repr=False, compare=False
    )

    @property
    def words(self) -> list[str]:
        """The name's words (split once per name: asked for every other mention)."""
        if self._split[0] != self.name:
            self._split = (self.name, self.name.split())
        return self._split[1]


def group_persons(
    text: str,
    mentions: list[NameMention],
    country_in: Callable[[str], str | None],
) -> tuple[list[Person], dict[Span, str]]:
    """Persons, and for every mention span the name of the person it refers to."""
    people: list[_Individual] = []
    refers: dict[Span, str] = {}
    pending: list[NameMention] = []
    # where full names begin, in order (a single word may be any capitalised word)
    starts = [mention.start for mention in mentions if " " in mention.name]
    for mention in mentions:
        if len(mention.name.split()) == 1 or _address_form(mention.name):
            pending.append(mention)
            continue
        person = (
            _same_person(people, mention.name)
            or _personal_name_of(people, mention.name)
            or _within_name(people, mention.name)
            or _new(people, mention.name)
        )
        _absorb(person, mention, text, starts)
    alone: dict[str, list[NameMention]] = {}
    for mention in pending:
        referent = _by_single(people, mention.name)
        if referent is not None:
            _absorb(referent, mention, text, starts)
        elif " " not in mention.name:
            alone.setdefault(fold(mention.name), []).append(mention)
    for group in alone.values():
        # a surname the text never completes, used twice or more, once after an honorific
        # ("MR. PETRESCU:", "Mr. Petrescu supported"): a person known by the surname alone
        if len(group) >= 2 and any(_addressed(m) for m in group):
            person = _new(people, group[0].name)
            for mention in group:
                _absorb(person, mention, text, starts)
    for person in people:
        for span in person.spans:
            refers[span] = person.name
    return [_finish(person, country_in) for person in people], refers


def _new(people: list[_Individual], name: str) -> _Individual:
    person = _Individual(name)
    people.append(person)
    return person


def _absorb(person: _Individual, mention: NameMention, text: str, starts: list[int]) -> None:
    person.spans.append((mention.start, mention.end))
    if _fuller(mention.name, person.name):
        person.name = mention.name
    for title in mention.titles:
        _add_role(person, title)
    window = text[max(0, mention.start - 200) : mention.start]
    before = title_before(window)
    if before and any(_given(w) for w in before.group(1).split()[1:]):
        # "… Major General Mohammed Al-Qarni and the Ambassador of Uzbekistan, Ulugbek …":
        # another person's name inside; the title is the one after the last "and"
        last = max((m.end() for m in _AND.finditer(window, before.start(1), before.end(1))),
                   default=None)  # fmt: skip
        before = title_before(window, last) if last is not None else None
    if before and not any(_given(w) for w in before.group(1).split()[1:]):
        # the words that qualify the title begin it: "the Executive Director of Frontex"
        lead = _QUALIFIERS.search(window, max(0, before.start(1) - 40), before.start(1))
        start = lead.start() if lead else before.start(1)
        # and the lowercase words after "the": "the provincial police chief of Badakhshan"
        small = _SMALL_QUALIFIERS.search(window, max(0, start - 50), start)
        start = small.start(1) if small else start
        # and the capitalised words of the field or the body it heads, back to a possessive:
        # "the European Union's Counter-Terrorism Coordinator", "Kazakhstan's Anti-Corruption
        # Agency chairman"
        start = _field_start(window, start)
        _add_role(person, window[start : before.end(1)])
        # "the Finnish Minister of the Interior, Anni Korhonen": the adjective names the state
        state = _WORD_BEFORE.search(window, 0, start)
        if state:
            person.hints.append(state.group(1))
    if mention.before:
        person.hints.append(" ".join(mention.before))
    _add_hints(person, text, mention)
    after = text[mention.end : mention.end + 400]
    if mention.speaker_label:  # "Name, Deputy Minister (by video link from Kyiv):"
        line = after[: after.find(":") + 1]
        person.origins.extend(m[1] for m in _FROM_PLACE.finditer(line))
    found = _PAREN_ROLE.match(after)
    if found:
        label = _FROM_PLACE.sub("", found.group(1))
        for part in _SEMICOLON.split(label):
            _add_role(person, part)
        return
    found = _PAREN_TITLE.match(after) if after[:3].lstrip().startswith("(") else None
    if found and found.group(2) in TITLE_WORDS and found.group(2) not in _FIELD_WORDS:
        _add_role(person, found.group(1))  # "Mr Tore Haugen (Chief of the National Police)"
        return
    found = _APPOSITION.match(after)
    if found:
        role = _APPOSITION_END.sub("", found.group(1))
        role = _apposition_end(role, mention.end + found.start(1), starts)
        # not "A, Deputy Minister of B Talant Asanaliev, …": the next person's title
        end = mention.end + found.start(1) + len(role)
        role = role.strip()
        # not "Council, Serdar Kilic, the Secretary of … of Ukraine, Raisa Bohatyryova": in a
        # list of "title, name", the title after a name that had one before is the next one's
        listed = (before is not None or bool(mention.titles)) and _followed_by_name(
            after, found.end(), mention.end, starts)  # fmt: skip
        if _SENTENCE_END.search(found.group(1)):
            listed = False  # the list ended with the sentence: the next name is another's
        if _FINITE.search(role):
            listed = True  # "According to X, the Ministry has raised ...": a clause, no role
        if _ROLE_START.match(role) and not listed and not _named_within(starts, mention.end, end):
            for part in _SECOND_TITLE.split(role):  # "Deputy Prime Minister and Minister of …"
                _add_role(person, part)


def _addressed(mention: NameMention) -> bool:
    """A single name written as a person's, after an honorific ("Mr. Petrescu"), and no
    everyday word or title."""
    word = mention.name
    return (
        len(word) > 2 and word not in TITLE_WORDS and not common_word(word)
        and not is_institution_word(word)
        and any(w in HONORIFICS or w.title() in HONORIFICS for w in mention.before)
    )  # fmt: skip


def _given(word: str) -> bool:
    """A given name inside a title phrase, someone else's; not a title word that is a given
    name too ("General", "Major")."""
    return is_given_name(word) and word not in TITLE_WORDS


_QUALIFIERS = regex.compile(
    r"(?:\b(?:Executive|Senior|First|Acting|Special|Permanent|Principal|High|Chief|Deputy|Federal|"
    r"Vice|Assistant|State)[ \t]+)+\Z"
)
# A finite verb: an apposition that holds one is the next clause, not a role.
_FINITE = regex.compile(
    r"\s(?:has|have|had|is|are|was|were|will|would|can|could|shall|should|must|did|does)\s"
)
# "Moldova was represented by …" (its title between, up to the next clause: not "…, and the
# talks were chaired by"), and in the list that follows, "; Romania by [the Deputy Minister]
# …" (or "; and Uruguay by the Minister of the Interior, …"); "signed for Austria by …", "on
# behalf of the Kyrgyz Republic by …".
_REPRESENTED = regex.compile(
    r"(?:\b(?P<state>\p{Lu}[\p{L}-]+)\s+(?:was|were)\s+represented\s+by\s+"
    r"(?:(?!,\s+(?:and|while|but|with)\s)[^.;]){0,90}|"
    r"[;,]\s+(?:and\s+)?(?P<state>\p{Lu}[\p{L}-]+)\s+by\s+(?:the\s+)?[^.;,]{0,60}(?:,[ \t]*)?|"
    r"\b(?:for|on\s+behalf\s+of)\s+(?:the\s+)?"
    r"(?P<state>\p{Lu}[\p{L}-]+(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}-]+){0,3})\s+by\s+)\Z"
)
_SENTENCE_END = regex.compile(r"\.\s+\p{Lu}")
# (words, not the small words of a phrase: not "the invitation of the Federal Minister")
_SMALL_QUALIFIERS = regex.compile(
    r"\bthe[ \t]+((?:(?!(?:of|the|and|to|at|for|with|by|in|on|from)[ \t])[a-z][\w-]*[ \t]+){1,3})\Z"
)
_AND = regex.compile(r"\s+and\s+(?:the\s+)?")
_WORD_BEFORE = regex.compile(r"(\p{Lu}[\p{L}-]+)(?:['’]s)?[ \t]+\Z")
_FIELD_WORD_BEFORE = regex.compile(r"(?<=[ \t(])(\p{Lu}[\p{Ll}]*(?:-\p{L}+)*)[ \t]+\Z")


def _field_start(window: str, start: int) -> int:
    """Where the words that name a title's field or body begin, before `start`: hyphenated
    words ("Counter-Terrorism", "Anti-Corruption") and institution words ("Agency"), up to
    three, none a state's name or a given name."""
    for _ in range(3):
        found = _FIELD_WORD_BEFORE.search(window, max(0, start - 40), start)
        if found is None:
            break
        word = found.group(1)
        if not ("-" in word or is_institution_word(word) or word in _FIELD_TITLE_WORDS):
            break
        if is_country_word(word) or (
            "-" not in word and word not in _FIELD_TITLE_WORDS and is_given_name(word)
        ):
            break  # (a field's word may be a given name too: "Justice")
        start = found.start(1)
    return start


_FIELD_TITLE_WORDS = frozenset({
    "Security", "Intelligence", "Border", "Drug", "Cyber", "Migration", "Customs", "Police",
    "Defence", "Defense",
    # a minister's portfolio: "Latvia's Justice Minister", "Kenya's Interior Cabinet Secretary"
    "Justice", "Interior", "Foreign", "Home", "Finance", "Transport", "Economy", "Health",
    "Trade", "Energy", "Education", "Environment", "Agriculture", "Labour", "Labor", "Culture",
    "Communications", "Digital", "Emergencies", "Immigration", "Industry", "Infrastructure",
})  # fmt: skip
_NAME_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}'-]*")


def _apposition_end(role: str, at: int, starts: list[int]) -> str:
    """The apposition `role` (at `at` in the text) up to the "and" that begins something
    else: a person ("and Elnur Aslanov"), or a word after an uncapitalised one ("the
    department and Interpol"). An "and" between capitalised words of one name goes on."""
    for joint in _AND_CAPITAL.finditer(role):
        before = role[: joint.start()].rsplit(None, 1)
        following = role[joint.end() :].split(None, 1)[0]
        begins_person = _named_within(starts, at + joint.end(), at + joint.end() + 1)
        given = is_given_name(following) and "-" not in following  # not "Anti-Corruption"
        if begins_person or given or len(following) < 2 or not before:
            return role[: joint.start()]
        if not _NAME_WORD.fullmatch(before[-1]):  # "the department and", "Tajikistan] and"
            return role[: joint.start()]
    return role


def _followed_by_name(after: str, offset: int, at: int, starts: list[int]) -> bool:
    """Whether `after`[offset:] (`after` begins at `at` in the text) is a comma and a name."""
    gap = len(after[offset:]) - len(after[offset:].lstrip(" ,"))
    return after[offset : offset + 1] == "," and _named_within(
        starts, at + offset + gap, at + offset + gap + 1
    )


def _named_within(starts: list[int], start: int, end: int) -> bool:
    """Whether a full name's mention begins in [start, end)."""
    at = bisect_left(starts, start)
    return at < len(starts) and starts[at] < end


# where a speaker speaks from, in a label: "(by video link from Kyiv)"
_FROM_PLACE = regex.compile(
    r"[,;]?\s*\(?\bby\s+video\s*(?:link|conference)\s+from\s+(\p{Lu}[\p{L}-]+)\)?"
)
_SEMICOLON = regex.compile(r"\s*;\s*")
_ARTICLE = regex.compile(r"^(?:the|a|an)\s+", regex.IGNORECASE)
# "of the Ministry of Interior of the Kingdom of Bahrain": the body's name, its capitalised
# words and the small words between them, and no further ("... presented a system on the
# border with Uzbekistan" is not where he serves)
_OF_BODY = regex.compile(
    r"\A\s+(?:of|from)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:(?:of|the|and|for|on|in|de|du)"
    r"[ \t]+)*\p{Lu}[\p{L}'’-]*)*)"
)
_FOR_COUNTRY = regex.compile(r"\A\s+for\s+(\p{Lu}[\p{L}\s-]{2,40}?)(?=[,;.)]|\s+and\b)")
# "Josephine Kariuki has commanded the Anti-Terrorism Police Unit (ATPU) of the National
# Police Service of Kenya since January": the body the person heads, up to the clause's end
_HEADS_BODY = regex.compile(
    r"\A,?\s+(?:who\s+)?(?:has\s+(?:commanded|headed|led|directed|chaired|run)|heads|leads|"
    r"commands|directs|chairs|runs)\s+(?:the\s+)?(\p{Lu}[^.;:,\n]{0,150}?)"
    r"(?=[.;:,\n]|\s+(?:since|for|from|in\s+\d|until)\b)"
)
_DELEGATION = regex.compile(
    r"\b(\p{Lu}[\p{L}-]+)\s+(?:delegation|side)\s+(?:was\s+)?(?:headed|led|represented)\s+by\s+"
    r"[^.;]{0,60}\Z"
)
# "his Indian counterpart Subrahmanyam Jaishankar", "his Tajik counterpart, General Rustam
# Nazarov": the adjective names the state.
_COUNTERPART = regex.compile(
    r"\b(\p{Lu}[\p{L}-]+)[ \t]+(?:counterpart|colleague)s?(?:,?[ \t]+\p{Lu}[\p{L}.-]*){0,3}[ \t]+\Z"
)
# a list of delegations, one to a line: "Cambodia: Samdech Sar Sokha, Minister of Interior",
# "- Lao PDR – General Vilay Lakhamfong"
_LISTED_UNDER = regex.compile(
    r"(?:\A|\n)[ \t]*(?:[-•*–][ \t]*)?(\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?"
    r"\p{Lu}[\p{L}'’-]*){0,3})[ \t]*(?::|[ \t]–)[ \t]*(?:\p{Lu}[\p{L}.'’-]*[ \t]+){0,5}\Z"
)
_REPRESENTING = regex.compile(
    r"\bRepresenting\s+(\p{Lu}[\p{L}\s-]{2,40}?)\s+(?:at|were|was)\b[^.]*\Z"
)


def _add_hints(person: _Individual, text: str, mention: NameMention) -> None:
    """Words around a mention that say which state the person serves: "of the Ministry of
    Interior of the Kingdom of Bahrain", "for Serbia", "has commanded the ... Police Service of
    Kenya", "The Serbian delegation was headed by",
    "Representing Azerbaijan at the meeting were", "Cambodia: Samdech Sar Sokha" in a list."""
    after = text[mention.end : mention.end + 200]
    before = text[max(0, mention.start - 400) : mention.start]
    for pattern, where in ((_OF_BODY, after), (_FOR_COUNTRY, after), (_HEADS_BODY, after)):
        found = pattern.match(where)
        if found:
            person.hints.append(found.group(1))
    if "counterpart" in before[-60:] or "colleague" in before[-60:]:
        found = _ending(_COUNTERPART, before)
        if found:
            person.hints.append(found.group(1))
    for pattern, words in (
        (_DELEGATION, (" delegation", " side")),
        (_REPRESENTING, ("Representing",)),
        (_REPRESENTED, (" by ",)),
        (_LISTED_UNDER, (":", "–")),
    ):
        # (the search needs one of the words)
        found = _ending(pattern, before) if any(w in before for w in words) else None
        if found:
            person.hints.append(found.group(1))


_REVERSED: dict[regex.Pattern[str], regex.Pattern[str]] = {
    pattern: regex.compile(pattern.pattern, pattern.flags | regex.REVERSE)
    for pattern in (_COUNTERPART, _DELEGATION, _REPRESENTING, _REPRESENTED, _LISTED_UNDER)
}


def _ending(pattern: regex.Pattern[str], window: str) -> regex.Match[str] | None:
    """pattern.search(window) for a pattern whose every match ends at the window's end (\\Z):
    read from the end first, whether there is a match is found without trying the pattern
    at every position of the window (a tenth of the time where there is none)."""
    if _REVERSED[pattern].search(window) is None:
        return None
    return pattern.search(window)


def _add_role(person: _Individual, role: str) -> None:
    role = _ARTICLE.sub("", role.strip(" ,;:"))
    if role and len(role) <= 200 and fold(role) not in {fold(r) for r in person.roles}:
        person.roles.append(role)


def _address_form(name: str) -> bool:
    """Given name and patronymic without a surname ("Kubanychbek Asanovich")."""
    words = name.split()
    return len(words) == 2 and is_patronymic(words[1], slavic=True)


def _fuller(candidate: str, current: str) -> bool:
    def weight(name: str) -> tuple[int, int]:
        words = name.split()
        return sum(0 if _INITIAL.fullmatch(w) else 1 for w in words), len(words)

    return weight(candidate) > weight(current)


def _surnames_match(a: str, b: str, threshold: float = 85) -> bool:
    a, b = fold(a), fold(b)
    return a == b or (a[:1] == b[:1] and min(len(a), len(b)) >= 5 and ratio(a, b) >= threshold)


def _given_agree(x: str, y: str) -> bool:
    if _INITIAL.fullmatch(x) or _INITIAL.fullmatch(y):
        return fold(x)[:1] == fold(y)[:1]
    return fold(x) == fold(y)


def _given_compatible(a: list[str], b: list[str]) -> bool:
    """Given names agree: the shorter list (patronymics aside) is found, in order, in the
    longer, each name equal to or an initial of its partner ("Fogh Rasmussen" is "Anders Fogh
    Rasmussen"; "N. P. Patrushev" is "Nikolai Patrushev")."""
    short = [w for w in a if not is_patronymic(w)]
    long = [w for w in b if not is_patronymic(w)]
    if len(short) > len(long):
        short, long = long, short
    position = 0
    for name in short:
        while position < len(long) and not _given_agree(name, long[position]):
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


def _same_person(people: list[_Individual], name: str) -> _Individual | None:
    words = name.split()
    for person in people:
        given, other = person.words[:-1], words[:-1]
        if not _given_compatible(given, other):
            continue
        same_given = bool(given and other) and _given_agree(given[0], other[0])
        if _surnames_match(person.words[-1], words[-1], 75 if same_given else 85):
            return person
    return None


def _by_single(people: list[_Individual], name: str) -> _Individual | None:
    words = name.split()
    if len(words) == 2:  # given name and patronymic
        return next((p for p in people if fold(p.words[0]) == fold(words[0])), None)
    matches = [p for p in people if _surnames_match(p.words[-1], words[0])]
    if not matches:  # the first of two surnames: "Sánchez" of "Pedro Sánchez Suárez"
        matches = [p for p in people if len(p.words) >= 3 and fold(p.words[-2]) == fold(words[0])]
    if not matches:
        matches = [p for p in people if fold(p.words[0]) == fold(words[0])]
    if not matches:  # "Azlan" of "Mohd Azlan bin Hashim": the last word of the own name
        matches = [p for p in people if _own_name(p.words)[-1:] == [fold(words[0])]]
    if not matches:  # "Villca" of "Óscar Villca de la Barra": a surname before a particle
        name = fold(words[0])
        matches = [
            p for p in people
            if len(p.words) >= 3 and any(
                fold(w) == name and fold(p.words[i + 1]) in PARTICLES for i, w in
                enumerate(p.words[1:-1], start=1)
            )
        ]  # fmt: skip
    return matches[0] if len(matches) == 1 else None


def _within_name(people: list[_Individual], name: str) -> _Individual | None:
    """The one person whose name holds `name`'s words in a run that leaves out its first
    word: "Del Pino" of "Juan Esteban del Pino Arrieta", "Ponce de León" of "Patricia Ponce
    de León Quiroga"."""
    words = [fold(w) for w in name.split()]
    size = len(words)
    found = [
        person for person in people
        if len(person.words) > size and any(
            [fold(w) for w in person.words[at : at + size]] == words
            for at in range(1, len(person.words) - size + 1)
        )
    ]  # fmt: skip
    return found[0] if len(found) == 1 else None


# The word between a Malay or Arabic personal name and the father's: "Mohd Azlan bin Hashim",
# "Siti Aminah binti Yusof", "Ravi a/l Muthu".
_PATRONYM_WORDS = frozenset({"bin", "binti", "bint", "bte", "bt", "a/l", "a/p"})


def _own_name(words: list[str]) -> list[str]:
    """The folded words of the personal name before a patronym word ([] with none)."""
    at = next((i for i, w in enumerate(words) if w in _PATRONYM_WORDS), 0)
    return [fold(w) for w in words[:at]]


def _personal_name_of(people: list[_Individual], name: str) -> _Individual | None:
    """The person of whose name `name` is the personal part before the patronym, or whose
    personal part `name` writes in full: "Mohd Azlan" and "Mohd Azlan bin Hashim"."""
    words = name.split()
    own, folded = _own_name(words), [fold(w) for w in words]
    for person in people:
        if (own and [fold(w) for w in person.words] == own) or (_own_name(person.words) == folded):
            return person
    return None


def _fullest(roles: list[str]) -> list[str]:
    """The roles without those that begin another in full: "Minister" of a later "Minister
    Lehtonen" beside "Minister of the Interior of Finland"."""
    folded = [fold(role) for role in roles]
    return [
        role for role, key in zip(roles, folded, strict=True)
        if not any(
            other.startswith(key + " ") and not other.startswith("and ", len(key) + 1)
            for other in folded
        )
    ]  # fmt: skip


def _finish(person: _Individual, country_in: Callable[[str], str | None]) -> Person:
    country = None
    for text in [*person.roles, *person.hints]:
        country = country_in(text)
        if country:
            break
    for city in person.origins if country is None else ():
        place = gz.find_place(city)
        country = place.country if place is not None and place.kind == "city" else None
        if country:
            break
    # a bare role noun ("envoy" of "NATO envoy Simmons") stands only for want of a title
    titled = [role for role in person.roles if not (role.islower() and " " not in role)]
    roles = _fullest(titled or person.roles)
    return Person(person.name, country, tuple(roles), tuple(sorted(person.spans)))
