"""When two names can denote the same person, organisation, place or threat actor, and where to
look for the entities a new name may denote (blocking). Pure: no store, no clock.

Persons (tokens folded, honorifics and particles dropped, as `accord.extraction.normalise`
does for scoring):

- the surnames are equal, in Western or surname-first order ("Wang Jianguo"), and the given
  names are compatible: equal, one the initial or (Western order) a prefix of the other, or
  those of one name a subsequence of the other's — so a given name or a patronymic missing on
  one side does not matter ("N. P. Patrushev" ~ "Nikolai Patrushev", "Fogh Rasmussen" ~
  "Anders Fogh Rasmussen", "Patrushev" ~ "Nikolai Patrushev"), while two different given names
  or patronymics keep two people apart ("Jan Kowalski" is not "Anna Kowalski");
- or the surnames are spellings of one another (:func:`surnames_close`) and the names share a
  full given name besides ("Ilham Alyiev" ~ "Ilham Aliyev"; "I. Alyiev" is not enough).

Organisations: the same gazetteer entry when the gazetteer knows both (it knows canonical names,
aliases and acronyms), else names equal once folded ("Organisation" ~ "Organization", "Centre"
~ "Center", a leading "the" aside), else one an acronym of the other ("CSTO" ~ "Collective
Security Treaty Organisation"). Places: the same country and the same folded name or gazetteer
entry. Threat actors: a shared folded name or alias, or the same gazetteer entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from accord.extraction import gazetteers as gz
from accord.extraction import normalise as nm
from accord.extraction.gazetteers.threat_actors import find_threat_actor
from accord.stix import extensions as ext

MIN_FUZZY_SURNAME = 5  # shorter surnames must be equal: "Li" and "Lu" are two families
_THE = re.compile(r"^\s*the\s+", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
# British and American spellings of the words institution names differ by.
_TO_AMERICAN = ((re.compile(r"isation"), "ization"), (re.compile(r"\bcentre"), "center"),
                (re.compile(r"\bdefence\b"), "defense"),
                (re.compile(r"\bprogramme"), "program"))  # fmt: skip
_TO_BRITISH = ((re.compile(r"ization"), "isation"), (re.compile(r"\bcenter"), "centre"),
               (re.compile(r"\bdefense\b"), "defence"),
               (re.compile(r"\bprogram\b"), "programme"))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Blocks:
    """Where the entities a name may denote are looked for: their ids, where names decide ids
    (UUIDv5 over the folded name), words for the full-text index over names, and prefixes for
    the index over names. Each is a small block of the store, never all of it."""

    ids: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()


# --- persons ---------------------------------------------------------------------------------


def person_compatible(left: str, right: str) -> bool:
    """True when the two names can denote one person (rules in the module docstring)."""
    if nm.persons_match(left, right):
        return True
    a, b = nm.person_tokens(left), nm.person_tokens(right)
    if len(a) < 2 or len(b) < 2 or not surnames_close(a[-1], b[-1]):
        return False
    shared_given = any(len(given) > 1 and given in b[:-1] for given in a[:-1])
    return shared_given and givens_compatible(a[:-1], b[:-1])


def surnames_close(left: str, right: str) -> bool:
    """Two folded surnames that are spellings of one: equal, or five letters or more with the
    same first letter and a fuzzy ratio of 85 or more, or one typo or swap apart."""
    if left == right:
        return True
    if min(len(left), len(right)) < MIN_FUZZY_SURNAME or left[0] != right[0]:
        return False
    return fuzz.ratio(left, right) >= 85 or DamerauLevenshtein.distance(left, right) <= 1


def givens_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """The given names of the shorter list pair, in order, with given names of the other:
    equal, an initial of, or a prefix of ("Yu." ~ "Yuri")."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    remaining = iter(longer)  # consumed as we go: the pairing keeps the order of the names
    return all(any(_given_compatible(given, other) for other in remaining) for given in shorter)


def _given_compatible(left: str, right: str) -> bool:
    return left.startswith(right) or right.startswith(left)


def person_blocks(name: str) -> Blocks:
    """The surname as a word of the full-text index (it finds every order of the name and
    every form of its given names), and the first given name followed by the first two letters
    of the next word and of the last, as name prefixes (they find the spellings of the surname
    that keep its first two letters: "Ilham Al" for "Ilham Alyiev")."""
    # As written, diacritics and all: PostgreSQL's full-text index keeps them.
    words = _LETTERS.findall(name)
    word = next((w for w in (words[-1:] + words[:1]) if len(w) > 1), None)
    raw = name.split()
    prefixes: tuple[str, ...] = ()
    if len(words) > 1 and len(nm.person_tokens(name)) > 1 and raw[0] == words[0]:
        prefixes = tuple(
            dict.fromkeys(f"{words[0]} {later[:2]}" for later in words[1:2] + words[-1:])
        )
    return Blocks(words=(word,) if word else (), prefixes=prefixes)


def person_similarity(left: str, right: str) -> float:
    """Ranks compatible candidates: the closest spelling of the name first."""
    return nm.similarity(" ".join(nm.person_tokens(left)), " ".join(nm.person_tokens(right)))


# --- organisations ---------------------------------------------------------------------------


def organisation_compatible(left: Sequence[str], right: Sequence[str]) -> bool:
    """True when an organisation with names (name and aliases) `left` can be the one with
    names `right`. Where the gazetteer knows both, it alone decides."""
    ours, theirs = _gazetteer_organisations(left), _gazetteer_organisations(right)
    if ours and theirs:
        return not ours.isdisjoint(theirs)
    return any(_organisation_names_match(a, b) for a in left for b in right)


def _gazetteer_organisations(names: Iterable[str]) -> frozenset[str]:
    found = (gz.find_organisation(_THE.sub("", name)) for name in names)
    return frozenset(organisation.name for organisation in found if organisation is not None)


def _organisation_names_match(a: str, b: str) -> bool:
    if nm.name_key(a) == nm.name_key(b):
        return True
    return (is_acronym(a) and nm.is_acronym_of(a, b)) or (is_acronym(b) and nm.is_acronym_of(b, a))


def is_acronym(name: str) -> bool:
    """Written as an acronym: two capitals or more and no lower-case letter ("CSTO", "U.N.")."""
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) > 1 and all(ch.isupper() for ch in letters)


def organisation_blocks(names: Sequence[str]) -> Blocks:
    """The ids organisations of these names, their spellings, their gazetteer entry's names and
    their acronyms would have, the gazetteer's canonical name first."""
    forms: list[str] = []
    for name in names:
        found = gz.find_organisation(_THE.sub("", name))
        if found is not None:
            forms[:0] = [found.name, *found.aliases]
    forms.extend(variant for name in names for variant in name_variants(name))
    forms.extend(acronym.upper() for name in names for acronym in _content_acronyms(name))
    ids = (ext.identity_id("organization", form) for form in forms)
    return Blocks(ids=tuple(dict.fromkeys(ids)))


def _content_acronyms(name: str) -> list[str]:
    """The acronym of the name's content words, and of all its words, for names of three words
    or more ("Collective Security Treaty Organisation" -> "csto")."""
    words = nm.words(name, join_prefixes=True)
    if len(words) < 3 or is_acronym(name):
        return []
    content = [word for word in words if word not in nm.STOP_WORDS]
    return list(dict.fromkeys("".join(word[0] for word in kept) for kept in (content, words)))


def name_variants(name: str) -> list[str]:
    """Spellings of an institution or place name that ids (which fold only case and
    diacritics) tell apart: British and American, with and without a leading "the", with and
    without full stops ("U.N.", "St.")."""
    folded = " ".join(name.casefold().split())
    variants: list[str] = []
    for base in dict.fromkeys((folded, _THE.sub("", folded))):
        for spelled in (base, _respelled(base, _TO_AMERICAN), _respelled(base, _TO_BRITISH)):
            variants.extend((spelled, spelled.replace(".", "")))
    return list(dict.fromkeys(variants))


def _respelled(text: str, rules: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


# --- places and threat actors ----------------------------------------------------------------


def place_compatible(
    left: Sequence[str], left_country: str | None, right: Sequence[str], right_country: str | None
) -> bool:
    """Places of the same country (or both of none) with a name in common, once folded, or
    the same gazetteer entry."""
    if (left_country or "").upper() != (right_country or "").upper():
        return False
    if _keys(left) & _keys(right):
        return True
    ours, theirs = _gazetteer_places(left), _gazetteer_places(right)
    return bool(ours & theirs)


def _gazetteer_places(names: Iterable[str]) -> frozenset[tuple[str, str | None]]:
    found = (gz.find_place(name) for name in names)
    return frozenset((place.name, place.country) for place in found if place is not None)


def place_blocks(names: Sequence[str], country: str | None) -> Blocks:
    """The ids places of these names, their spellings and their gazetteer entry's names would
    have (the entry only when its country is the place's)."""
    forms = [variant for name in names for variant in name_variants(name)]
    for name in names:
        found = gz.find_place(name)
        if found is not None and (country is None or found.country == country.upper()):
            forms.extend((found.name, *found.aliases))
    return Blocks(ids=tuple(dict.fromkeys(ext.place_id(form) for form in forms)))


def threat_actor_compatible(left: Sequence[str], right: Sequence[str]) -> bool:
    if _keys(left) & _keys(right):
        return True
    ours, theirs = _gazetteer_actors(left), _gazetteer_actors(right)
    return bool(ours & theirs)


def _gazetteer_actors(names: Iterable[str]) -> frozenset[str]:
    found = (find_threat_actor(name) for name in names)
    return frozenset(actor.name for actor in found if actor is not None)


def threat_actor_blocks(names: Sequence[str]) -> Blocks:
    forms = [variant for name in names for variant in name_variants(name)]
    for name in names:
        found = find_threat_actor(name)
        if found is not None:
            forms[:0] = [found.name, *found.aliases]
    return Blocks(ids=tuple(dict.fromkeys(ext.threat_actor_id(form) for form in forms)))


def _keys(names: Iterable[str]) -> frozenset[str]:
    return frozenset(key for key in map(nm.name_key, names) if key)
