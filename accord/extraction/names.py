"""Personal names: finding them by how this genre writes them, and telling when two mentions
name the same person.

A name is a run of capitalised words and initials that carries evidence of being a person: a
title, rank or honorific before it, a known given name or initials first, a role in apposition
after it, a reporting verb, a transcript speaker label. Capitalised runs that hold an
institution's head noun, or that are places or countries, are not names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from accord.extraction.lexicon import (
    GEO_SUFFIXES,
    HONORIFICS,
    NOT_NAMES,
    REPORTING_VERBS,
    TITLE_WORDS,
    VENUE_WORDS,
)
from accord.extraction.name_titles import (
    AS_TITLE,
    GENERIC_TITLE_WORDS,
    RANKS,
    RELATIONS,
    ROLE_NOUN_BEFORE,
    TITLE_ACRONYM,
    complement,
    has_title_before,
    prefix_titles,
    title_and,
    title_chain,
    trailing_ranks,
)
from accord.extraction.name_words import (
    common_word,
    fold,
    is_country_word,
    is_given_name,
    is_institution_word,
    is_patronymic,
    not_a_name_word,
)

# (a capital inside, after Mc, Mac, O', De: "MacGregor", "McCain", "O'Brien", "DeSantis")
_WORD = r"\p{Lu}[\p{Ll}\p{M}'’]+(?:\p{Lu}[\p{Ll}\p{M}'’]+)?(?:-\p{L}[\p{Ll}\p{M}'’]+)*"
_INITIAL = r"\p{Lu}\p{Ll}?\."
_ABBREVIATION = (
    r"(?:H\.E\.|Lt\.\s?Gen\.|Lt\.\s?Col\.|Mr\.|Ms\.|Mrs\.|Dr\.|Prof\.|Gen\.|Col\.|Maj\.|"
    r"Capt\.|Adm\.|Brig\.|Sgt\.|Smt\.|Hon\.)"
)
_PARTICLE = (  # (a longer particle before one it begins with: "dela" is not "de" "la")
    r"(?:al|el|binti|bint|bin|ibn|van|von|della|delos|dela|del|der|den|de|da|dos|du|di|le|"
    r"las|la|los|ter|ten)"
)
_TOKEN = rf"(?:{_ABBREVIATION}|{_INITIAL}|{_WORD}|\p{{Lu}}{{2,}})"
# A word with an Arabic article, inside a name only: "al-Masri" of "Abu Yusuf al-Masri"
_ARTICLED = r"(?:al|el|ad|an|ar|as|ash|at|az|ud|ul|wal)-\p{Lu}[\p{Ll}\p{M}'’]+"
# Every token begins with a capital: the look-ahead spares trying the tokens elsewhere.
SEQUENCE = regex.compile(
    rf"(?=\p{{Lu}}){_TOKEN}"
    rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_TOKEN}|[ \t]+{_ARTICLED}|(?<=\.){_TOKEN})*"
)
_TOKENS = regex.compile(
    rf"{_ARTICLED}|{_ABBREVIATION}|{_INITIAL}|{_WORD}|\p{{Lu}}{{2,}}|{_PARTICLE}"
)
_IS_INITIAL = regex.compile(rf"{_INITIAL}")
# Words with an Arabic article that go on a run: " al-Maqdis", " wal-Muslimin".
_ARTICLE_TAIL = regex.compile(
    r"(?:[ \t]+(?:al|el|ad|an|ar|as|ash|at|az|wal)-\p{Lu}[\p{L}'’]*)"
    r"(?:[ \t]+(?:(?:al|el|ad|an|ar|as|ash|at|az|wal)-)?\p{Lu}[\p{L}'’]*)*"
)

_AFTER_APPOSITION = regex.compile(
    r"\A\s*(?:\(|,\s*(?:the\s+)?(?:\p{Lu}|head\b|deputy\b|chief\b|director\b|commander\b|"
    r"minister\b|secretary\b|chair|representative\b|spokes|adviser\b|advisor\b|envoy\b|"
    r"ambassador\b|member\b|coordinator\b|officer\b))"
)
_AFTER_SPEECH = regex.compile(
    r"\A\s*,?\s*(?:" + "|".join(REPORTING_VERBS) + r"|has said|had said|also said)\b"
)
# A verb of meeting, hosting or signing right after the run: its subject, a person ("Imangali
# Tasmagambetov met with ...").
_AFTER_ACTION = regex.compile(
    r"\A\s*,?\s*(?:also\s+)?(?:met|meets|held talks|holds talks|received|receives|visited|"
    r"visits|welcomed|chaired|co-chaired|thanked|congratulated|briefed|signed|addressed)\b"
)
# (or the role in apposition, a title with no verb: "Doina Ciobanu, Minister of Internal
# Affairs of the Republic of Moldova: Thank you.")
_AFTER_LABEL = regex.compile(
    r"\A\s*(?:\([^()\n]{0,300}\)|,[ \t]*(?:the[ \t]+)?\p{Lu}"
    r"(?:(?!\b(?:said|says|told|added|stated|noted|declared)\b)[^.:;!?\n\"“”]){0,160})?\s*:"
)
_AFTER_INSERTION = regex.compile(r"\A\s*\[(\p{Lu}[\p{L}\p{M}'’-]+)")


@dataclass(frozen=True, slots=True)
class NameMention:
    name: str  # the name alone, titles and honorifics taken off
    start: int
    end: int
    titles: tuple[str, ...]  # titles and ranks written right before it (not honorifics)
    speaker_label: bool  # a transcript turn "Name:" or "Name (role):" starts here
    before: tuple[str, ...] = ()  # every word of the run before the name ("Russian President")


_Parsed = tuple[tuple[str, ...], tuple[tuple[str, int], ...], int]


def find_names(text: str, is_place_or_country: Callable[[str], bool]) -> list[NameMention]:
    """Every mention of a personal name in `text`, single surnames included, in order."""
    mentions = []
    doubtful: list[tuple[regex.Match[str], _Parsed]] = []
    singles: list[tuple[NameMention, _Parsed]] = []
    places: list[tuple[regex.Match[str], _Parsed]] = []  # runs ending in one word of a place
    for match in SEQUENCE.finditer(text):
        run = match.group()
        if run in NOT_NAMES:
            continue  # "The", "In" alone: _mention would take the word off, leaving no name
        parsed = _parsed(run, is_place_or_country)
        if parsed is None:
            alone = _place_word(run, is_place_or_country)
            if alone is not None:
                places.append((match, alone))
            continue  # the words alone show that the run names no person
        if _articled_place(text, match.start(), parsed):
            continue  # "in Al Ain", "to Al Batinah": a place's name
        if _group_goes_on(text, match.end(), run, is_place_or_country):
            continue  # "Ansar Bait" of "Ansar Bait al-Maqdis", a group
        mention = _mention(text, match, parsed, is_place_or_country)
        if mention is None:
            if 2 <= len(parsed[1]) <= 4:
                doubtful.append((match, parsed))
            continue
        mentions.append(mention)
        if " " not in mention.name:
            singles.append((mention, parsed))
    # A full name with no evidence of its own ("…, Peace and Security, Bankole Adeoye") is a
    # person's when the text goes on to use its surname alone as a person's ("Adeoye said").
    surnames = {fold(parsed[1][-1][0]) for _, parsed in doubtful}
    confirmed = {
        fold(m.name) for m, parsed in singles
        if fold(m.name) in surnames and _speaks_or_titled(text, m, parsed)
    } if surnames else set()  # fmt: skip
    # A run of words inside a full name of three words or more, past its first, stands for
    # that name ("Sáenz de Viteri" of "Mónica Sáenz de Viteri Larrea").
    parts = _name_parts(mentions) if doubtful else set()
    added = [
        mention for match, parsed in doubtful
        if (fold(parsed[1][-1][0]) in confirmed
            or tuple(fold(w) for w, _ in parsed[1]) in parts)
        and (mention := _mention(text, match, parsed, is_place_or_country, confirmed=True))
    ]  # fmt: skip
    added.extend(_surnames_of_places(text, mentions, places, is_place_or_country))
    if ":" in text:  # transcripts that write speakers in capitals: "SERGEI LAVROV: …"
        known = {m.start for m in mentions}
        surnames = {fold(m.name.split()[-1]) for m in mentions if " " in m.name}
        added.extend(m for m in _capital_labels(text, is_place_or_country, surnames)
                     if m.start not in known)  # fmt: skip
    if added:
        mentions = sorted([*mentions, *added], key=lambda m: m.start)
    return mentions


def _name_parts(mentions: list[NameMention]) -> set[tuple[str, ...]]:
    """The folded runs of two words or more inside each full name of three words or more that
    leave out its first word."""
    parts = set()
    for mention in mentions:
        words = [fold(w) for w in mention.name.split()]
        for start in range(1, len(words) - 1):
            for end in range(start + 2, len(words) + 1):
                parts.add(tuple(words[start:end]))
    return parts


# A speaker label in capitals at the start of a line: "SERGEI LAVROV:", "SECRETARY BLINKEN:",
# "MARIA ZAKHAROVA (Foreign Ministry spokeswoman):".
_CAPITAL_LABEL = regex.compile(
    r"^[ \t]*((?:\p{Lu}[\p{Lu}\p{M}'’-]+\.?[ \t]+){0,3}\p{Lu}[\p{Lu}\p{M}'’-]+)"
    r"[ \t]*(?:\([^()\n]{0,300}\))?[ \t]*:",
    regex.MULTILINE,
)

# the holder named after an office's label: "THE CHAIR (Mr Aaltonen):"
_PAREN_NAME = regex.compile(
    r"[ \t]*\([ \t]*(?:(?:Mr|Ms|Mrs|Dr)\.?[ \t]+)?"
    r"(\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+){0,3})"
    r"[ \t]*\)[ \t]*:"
)


def _capital_labels(
    text: str,
    is_place_or_country: Callable[[str], bool],
    surnames: frozenset[str] | set[str] = frozenset(),
) -> Iterator[NameMention]:
    """Turns of a transcript whose speakers are written in capitals, a title taken off ("Mr",
    "Secretary"), or the surname alone of someone the text names in full ("LINDGREN:"); not
    "QUESTION:" or "RUSSIA:", whose words are no one's name."""
    chairs: dict[str, str] = {}  # "Chair": the name "THE CHAIR (Mr Aaltonen):" gave
    for found in _CAPITAL_LABEL.finditer(text):
        written = found.group(1).split()
        words = [w.title() for w in written]
        office = " ".join(w for w in words if w != "The")
        if all(w in TITLE_WORDS for w in office.split()):
            # "THE CHAIR (Mr Aaltonen):", then "THE CHAIR:": the office's holder speaks
            named = _PAREN_NAME.match(text, found.end(1))
            end = found.end(1)
            if named:
                chairs[office] = named.group(1)
                end = text.rindex(")", end, named.end()) + 1  # the bracket is no role
            if office in chairs:
                yield NameMention(chairs[office], found.start(1), end, (office,), True)
            continue
        cut = 0
        while cut < len(words) - 1 and (words[cut] in TITLE_WORDS or words[cut] in HONORIFICS):
            cut += 1
        name = words[cut:]
        if (len(name) < 2 and not cut and fold(name[0]) not in surnames) or any(
            (common_word(w) and not is_given_name(w)) or is_institution_word(w)
            or w in TITLE_WORDS or is_place_or_country(w)
            for w in name
        ):  # fmt: skip
            continue
        start = found.start(1) + found.group(1).find(written[cut])
        title = " ".join(w for w in words[:cut] if w not in HONORIFICS)  # not "Mr" of "MR LAINE"
        titles = (title,) if title else ()
        yield NameMention(" ".join(name), start, found.end(1), titles, True, tuple(words[:cut]))


def _group_goes_on(
    text: str, end: int, run: str, is_place_or_country: Callable[[str], bool]
) -> bool:
    """Whether the run goes on in words with an Arabic article (" al-Maqdis") to name a
    group, a body or a place. (The hyphen of " al-" or " ash-" is the cheap test.)"""
    if "-" not in text[end + 3 : end + 5]:
        return False
    tail = _ARTICLE_TAIL.match(text, end)
    return tail is not None and is_place_or_country(run + tail.group())


def _speaks_or_titled(text: str, mention: NameMention, parsed: _Parsed) -> bool:
    """A single name with a title or honorific before it, or a reporting verb or a speaker
    label after it: the text uses it as a person's."""
    return (
        bool(mention.titles) or mention.speaker_label
        or any(w in HONORIFICS for w in parsed[0])
        or _AFTER_SPEECH.match(text[mention.end : mention.end + 40]) is not None
    )  # fmt: skip


def _mention(
    text: str,
    match: regex.Match[str],
    parsed: _Parsed,
    is_place_or_country: Callable[[str], bool],
    *,
    confirmed: bool = False,
) -> NameMention | None:
    prefix, rest, opening = list(parsed[0]), parsed[1], match.start() + parsed[2]
    if (
        not prefix
        and len(rest) >= 3
        and (text.endswith(" of ", 0, opening) or text.endswith(" for ", 0, opening))
    ):
        # the complement of a title phrase before the name: "Minister of Public Security Wang
        # Xiaohong", "Major General of Militia Gennady Karpovich", "Deputy Minister of Defence
        # for Citizen Security Juan Pablo Del Castillo"
        cut = complement(rest)
        prefix, rest = [word for word, _ in rest[:cut]], rest[cut:]
    start, end = match.start() + rest[0][1], match.start() + rest[-1][1] + len(rest[-1][0])
    if not prefix and _MEDIA_BEFORE.search(text, max(0, start - 30), start):
        return None  # "told the daily El Tiempo": a newspaper
    after = text[end : end + 320]
    words = [word for word, _ in rest]
    insertion = _AFTER_INSERTION.match(after)
    if insertion:
        words.append(insertion.group(1))
    titles = prefix_titles(prefix, is_place_or_country)
    label = bool(_AFTER_LABEL.match(after)) and _line_start(text, opening)
    read = title_chain(text, match.start(), prefix)
    chain = read[0] if read is not None else None
    if read is not None:  # "Minister of the Interior Vladislav Kondratovič"
        ranks = prefix[len(prefix) - trailing_ranks(prefix) :]  # "Colonel General"
        titles = [read[0], " ".join(ranks)] if ranks else [read[0]]
    first = title_and(text, read[1] if read is not None else opening) if titles else None
    # a title of its own ("Minister", "NATO"), not a word that only qualifies one ("Defence
    # Capacity Building": no one's title)
    titled = chain is not None or any(t not in GENERIC_TITLE_WORDS for t in titles)
    # (a lowercase word and a space just before: else no role noun can be there)
    noun = (
        ROLE_NOUN_BEFORE.search(text, max(0, start - 40), start)
        if not prefix and start > 1 and text[start - 1] in " \t" and text[start - 2].islower()
        else None
    )
    if noun is not None and not titles and noun[1] not in RELATIONS:
        titles = [noun[1]]  # "said spokeswoman Maria Zakharova", "our correspondent ..."
    strong = (
        confirmed or titled or any(w in HONORIFICS for w in prefix) or label
        or insertion is not None
        or noun is not None
        or _IS_INITIAL.fullmatch(words[0]) is not None
        or (len(words) >= 2 and any(is_patronymic(w) for w in words[1:]))
        or (len(words) >= 2 and not prefix and has_title_before(text, start)
            and (is_given_name(words[0]) or not any(common_word(w) for w in words)))
    )  # fmt: skip
    if not titles and (appointed := AS_TITLE.match(after)) is not None:
        titles = [appointed.group(1)]  # "decided to appoint Imangali Tasmagambetov as ..."
        strong = True
    single = len(words) == 1  # a surname alone only ever refers to someone named in full
    if not (strong or single or _plausible(words, prefix, after, is_place_or_country)):
        return None
    if all(_IS_INITIAL.fullmatch(w) for w in words):
        return None
    if len(words) >= 2 and all(common_word(w) and not is_given_name(w) for w in words):
        return None  # "EU Action Against Drugs": everyday words, whatever stands before them
    if (
        len(words) >= 2 and titles and all(t.isupper() for t in titles)
        and all(common_word(w, 3.0) and not is_given_name(w) for w in words)
    ):  # fmt: skip
        return None  # "the ASEANAPOL Database System": a body's thing, named by its words
    if not prefix and not titles and (acronym := TITLE_ACRONYM.search(text, max(0, start - 200),
                                                                       start)):  # fmt: skip
        titles = [acronym.group(1)]  # "Deputy Secretary General of the EEAS (EEAS) Enrique Mora"
    if chain is not None:
        return NameMention(" ".join(words), start, end, (*([first] if first else []), *titles),
                           label, tuple(prefix))  # fmt: skip
    title = " ".join(titles)
    return NameMention(" ".join(words), start, end,
                       (*([first] if first else []), *([title] if title else [])), label,
                       tuple(prefix))  # fmt: skip


_MEDIA_BEFORE = regex.compile(
    r"\b(?:daily|newspaper|weekly|magazine|broadcaster|channel|news\s+agency|news\s+site|"
    r"news\s+portal|radio\s+station|TV\s+station|television)[ \t]+\Z"
)
_POSSESSIVES = ("'s", "’s")
# (not those that are surnames too: "Lake", "Bay", "Range")
_PLACE_KINDS = GEO_SUFFIXES - {"Lake", "Bay", "Range", "Autonomous"}
_CODE_NAMED = frozenset({"Operation", "Operations", "Exercise", "Exercises", "Codename"})


@lru_cache(maxsize=65536)  # the same capitalised runs recur within and across documents
def _parsed(run: str, is_place_or_country: Callable[[str], bool]) -> _Parsed | None:
    """What a run's words alone say: the words before the name (titles, honorifics, places),
    the name's words with their offsets in the run, and the offset of the run's first token;
    None when the words alone show that the run names no person."""
    tokens = [(m.group(), m.start()) for m in _TOKENS.finditer(run)]
    if tokens and tokens[-1][0].endswith(_POSSESSIVES) and len(tokens[-1][0]) > 3:
        tokens[-1] = (tokens[-1][0][:-2], tokens[-1][1])  # "Lavrov's visit": the name's
    # a possessive before ends what comes before the name: "Finland's Aino-Kaisa Hyvärinen",
    # "the Minister's adviser Jonas Petraitis"
    base = next(
        (i + 1 for i in range(len(tokens) - 2, -1, -1) if tokens[i][0].endswith(_POSSESSIVES)),
        0,
    )
    cut = base + _name_start(tokens[base:], is_place_or_country)
    prefix, rest = [word for word, _ in tokens[:cut]], tokens[cut:]
    while rest and rest[-1][0] in NOT_NAMES:
        rest.pop()
    if not rest or any(
        not_a_name_word(word) and not (i and word in HONORIFICS)  # "Abdirahman Sheikh Hassan"
        for i, (word, _) in enumerate(rest)
    ):
        return None
    if prefix and prefix[-1] in _CODE_NAMED:
        return None  # "Operation Pangea Tide", "Exercise Steadfast Jackal": a code name
    if prefix and prefix[-1] in VENUE_WORDS:
        return None  # "Palacio de López", "Palais des Nations": a building named after
    first = rest[0][0]
    if (
        rest[-1][0] in _PLACE_KINDS  # "Chad Basin" of "Lake Chad Basin"
        or (prefix and is_place_or_country(" ".join(w for w, _ in tokens)))
        or is_place_or_country(" ".join(w for w, _ in rest))
        or (is_place_or_country(first) and not is_given_name(first))
        or any(is_country_word(w) for w, _ in rest[1:])
    ):
        return None
    return tuple(prefix), tuple(rest), tokens[0][1]


@lru_cache(maxsize=65536)  # the same capitalised runs recur within and across documents
def _place_word(run: str, is_place_or_country: Callable[[str], bool]) -> _Parsed | None:
    """A run whose name part is one word, and a place's name ("Korolev", a town and a surname),
    split as _parsed splits a name (None for any other run)."""
    tokens = [(m.group(), m.start()) for m in _TOKENS.finditer(run)]
    if tokens and tokens[-1][0].endswith(_POSSESSIVES) and len(tokens[-1][0]) > 3:
        tokens[-1] = (tokens[-1][0][:-2], tokens[-1][1])  # "Lavrov's visit": the name's
    # a possessive before ends what comes before the name: "Finland's Aino-Kaisa Hyvärinen",
    # "the Minister's adviser Jonas Petraitis"
    base = next(
        (i + 1 for i in range(len(tokens) - 2, -1, -1) if tokens[i][0].endswith(_POSSESSIVES)),
        0,
    )
    cut = base + _name_start(tokens[base:], is_place_or_country)
    rest = tokens[cut:]
    if len(rest) != 1 or not_a_name_word(rest[0][0]) or is_country_word(rest[0][0]):
        return None
    return tuple(word for word, _ in tokens[:cut]), tuple(rest), tokens[0][1]


# A place's own prepositions: "in Korolev" is the town even where a Korolev is named.
_LOCATIVE = regex.compile(r"\b(?:in|near|at|outside|around|across|towards?)[ \t]+\Z", regex.I)


_TOWARDS = regex.compile(r"\b(?:in|near|at|outside|around|across|towards?|from|to|into)[ \t]+\Z")


def _articled_place(text: str, start: int, parsed: _Parsed) -> bool:
    """An Arabic article and one word after a place's preposition, no title before: "in Al
    Ain", "from El Geneina", a place (a person there has a title or a given name)."""
    return (
        not parsed[0]
        and len(parsed[1]) == 2
        and parsed[1][0][0] in ("Al", "El")
        and _TOWARDS.search(text, max(0, start - 12), start) is not None
    )


def _surnames_of_places(
    text: str,
    mentions: list[NameMention],
    places: list[tuple[regex.Match[str], _Parsed]],
    is_place_or_country: Callable[[str], bool],
) -> list[NameMention]:
    """A word that names a place but is also the surname of someone the text names in full
    ("Pavel Korolev ... Korolev said") is that person, unless a place's preposition comes
    before it ("in Korolev")."""
    surnames = {fold(m.name.split()[-1]) for m in mentions if " " in m.name}
    found = []
    for match, parsed in places:
        word, offset = parsed[1][0]
        start = match.start() + offset
        if fold(word) not in surnames or _LOCATIVE.search(text, max(0, start - 12), start):
            continue
        mention = _mention(text, match, parsed, is_place_or_country, confirmed=True)
        if mention is not None:
            found.append(mention)
    return found


def _name_word_before(word: str) -> bool:
    """A word of a name before an honorific ("Abdirahman" of "Abdirahman Sheikh Hassan"): no
    title, honorific, acronym, institution, state or everyday word."""
    return not (
        word in TITLE_WORDS or word in HONORIFICS or word.isupper() or is_institution_word(word)
        or is_country_word(word) or (common_word(word) and not is_given_name(word))
    )  # fmt: skip


# Malaysian honorifics of two words, each of which alone may be a name ("Tan" a surname, "Sri"
# a given name): "Tan Sri Mohd Azlan", "Puan Sri Aminah", "Toh Puan Rahmah"; and "Sri" after
# an honorific ("Datuk Sri", "Dato' Sri").
_HONORIFIC_PAIRS = frozenset({("Tan", "Sri"), ("Puan", "Sri"), ("Toh", "Puan")})


def _paired_honorific(tokens: list[tuple[str, int]], index: int) -> bool:
    word = tokens[index][0]
    after = tokens[index + 1][0] if index + 1 < len(tokens) else ""
    before = tokens[index - 1][0] if index else ""
    return (
        (word, after) in _HONORIFIC_PAIRS
        or (before, word) in _HONORIFIC_PAIRS
        or (word == "Sri" and before in HONORIFICS)
    )


def _given_name_after(tokens: list[tuple[str, int]], index: int) -> int | None:
    """Where a given name begins a name of two words or more after one or two more everyday
    or title words from `index` ("Social Defence Ramiro Quispe")."""
    for at in range(index + 1, min(index + 3, len(tokens) - 1)):
        word = tokens[at - 1][0]
        if not (word in TITLE_WORDS or common_word(word, 3.0)) or is_given_name(word):
            return None
        if is_given_name(tokens[at][0]):
            return at
    return None


def _name_start(tokens: list[tuple[str, int]], is_place_or_country: Callable[[str], bool]) -> int:
    """Where the name begins: after the last title, honorific, acronym, institution word,
    place or country at the front of the run (initials begin a name)."""
    cut = 0
    for index, (word, _) in enumerate(tokens[:-1]):
        if _IS_INITIAL.fullmatch(word) and word not in HONORIFICS:
            break
        if (
            word in HONORIFICS or word in TITLE_WORDS or word in NOT_NAMES
            or _paired_honorific(tokens, index)
            or (word.isupper() and len(word) > 1) or is_institution_word(word)
            or (is_place_or_country(word) and not is_given_name(word))
            # "Affairs Murat Nurtleu", "Counter-Terrorism Vladimir Voronkov", "Controlled
            # Substances Ramiro Quispe": a portfolio's everyday words, then a given name
            or ((common_word(word) or "-" in word) and not is_given_name(word)
                and is_given_name(tokens[index + 1][0]))
        ):  # fmt: skip
            cut = index + 1
        elif (
            (common_word(word) or "-" in word)
            and not is_given_name(word)
            and (given := _given_name_after(tokens, index + 1))
        ):
            cut = given
        elif cut == index:
            break
    # A title or an institution further in ends what comes before the name: "Frontex
    # Executive Director Hans Leijtens", "European External Action Service Olof Skoog".
    for index in range(len(tokens) - 2, cut - 1, -1):
        word = tokens[index][0]
        if word in HONORIFICS and index > cut and _name_word_before(tokens[index - 1][0]):
            continue  # "Abdirahman Sheikh Hassan Nur": inside the name, a name of its own
        if (word in RANKS or word in HONORIFICS or is_institution_word(word)) and (
            # a rank that is a given name too ("Major", "General") when a given name follows
            not is_given_name(word) or (word in RANKS and is_given_name(tokens[index + 1][0]))
        ):
            cut = index + 1
            # and the title words after it that no name holds: "General" of "Interpol
            # Secretary General Valdecy Urquiza"
            while (
                cut < len(tokens) - 1
                and tokens[cut][0] in RANKS
                and not_a_name_word(tokens[cut][0])
            ):
                cut += 1
            return cut
    return cut


_ROLE_WORDS = frozenset(
    {t.lower() for t in TITLE_WORDS if not t.endswith(".")} - {"state", "first", "high"}
) | {"head", "spokesman", "spokeswoman", "member", "leader", "chief", "deputy", "official",
     "correspondent", "expert", "analyst", "researcher", "professor", "journalist"}  # fmt: skip
_APPOSITION_SEGMENT = regex.compile(r"[^,;:.()\n]{0,120}")


def _role_in_apposition(after: str) -> bool:
    """A parenthesis, or an apposition that holds a role word (", Director of …", ", the
    Alliance's Deputy Secretary General"); not ", the Alliance's mission to …"."""
    found = _AFTER_APPOSITION.match(after)
    if found is None:
        return False
    if found.group().rstrip().endswith("("):
        return True
    segment = _APPOSITION_SEGMENT.match(after, after.index(",") + 1)
    words = segment.group().lower().replace("-", " ").split() if segment else []
    return any(w.removesuffix("'s").removesuffix("’s") in _ROLE_WORDS for w in words)


# Given names that a text far more often means as everyday words, capitalised in names of
# things: "Mine Countermeasures", "Amber Alert", "Will Power".
_WORD_NAMES = frozenset({
    "Mine", "Will", "May", "Hope", "Joy", "Faith", "Summer", "June", "April", "August", "Line",
    "Case", "Page", "Long", "Young", "Else", "Star", "Sky", "Chance", "Rich", "Dawn", "Eve",
    "Amber", "Crystal", "Holly", "Ruby", "Iris", "Ivy", "Sunny", "Honey", "Liberty", "Unity",
    "Justice", "Victory", "Harmony", "Trinity", "Golden", "Royal", "Storm", "River",
})  # fmt: skip


def _plausible(
    words: list[str], prefix: list[str], after: str, is_place_or_country: Callable[[str], bool]
) -> bool:
    """Without a title, honorific or initials: two or more name-like words, with a known given
    name first, or a role in apposition, or a reporting or meeting verb, or an institution
    before."""
    if len(words) < 2 or any(
        common_word(w)
        for w in words
        if not is_given_name(w) and not _IS_INITIAL.fullmatch(w) and not w.islower()
    ):  # (a particle, "de", "la", is lower case)
        return False
    return (
        # a given name that is mostly an everyday word ("Mine Countermeasures") is no evidence
        (is_given_name(words[0]) and words[0] not in _WORD_NAMES)
        or _role_in_apposition(after)
        or bool(_AFTER_SPEECH.match(after) or _AFTER_ACTION.match(after))
        or any(is_institution_word(w) or is_place_or_country(w) for w in prefix)
    )


def _line_start(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return not text[line_start:position].strip(" \t–-")
