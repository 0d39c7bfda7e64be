"""What one word tells of a name: folded for comparison, a given name somewhere, an everyday
English word, an institution's head noun, a country's, a patronymic."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache

import regex

from accord.extraction.lexicon import HONORIFICS, ORGANISATION_HEADS, TITLE_WORDS

_PATRONYMIC = regex.compile(r"(?:ovich|evich|ovna|evna|ich|kyzy|uly|ogly|oglu)$")
_SLAVIC_PATRONYMIC = regex.compile(r"(?:ovich|evich|ovna|evna|ich)$")
_PUNCTUATION = regex.compile(r"[^\w\s]")


@lru_cache(maxsize=65536)  # names and roles are compared again and again
def fold(text: str) -> str:
    """Lower case, diacritics and punctuation off: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _PUNCTUATION.sub("", plain).lower().strip()


@cache
def _given_names() -> Callable[[str], bool]:
    import gender_guesser.detector as detector

    guesser = detector.Detector(case_sensitive=False)
    return lambda name: guesser.get_gender(name) != "unknown"


@lru_cache(maxsize=65536)  # asked of the same words again and again
def is_given_name(word: str) -> bool:
    """A capitalised word that is a given name somewhere ("Ramiz", "Katarzyna")."""
    first, *rest = word.split("-")
    if not (len(first) > 1 and first[:1].isupper() and _given_names()(first)):
        return False
    # "Jean-Pierre", "Aino-Kaisa"; not "Anti-Drug", "Anti-Terrorism": a field's prefix
    return not any(common_word(part, 3.0) and not _given_names()(part) for part in rest)


@cache
def _english() -> Callable[[str, str], float]:
    from wordfreq import zipf_frequency

    return zipf_frequency


@lru_cache(maxsize=65536)  # asked of the same words again and again
def common_word(word: str, threshold: float = 4.4) -> bool:
    """An everyday English word ("Review", "Affairs"), which a surname rarely is."""
    return _english()(word.lower(), "en") >= threshold


def is_institution_word(word: str) -> bool:
    """An institution's head noun, singular or plural ("Agencies", "Forces")."""
    return (
        word in ORGANISATION_HEADS
        or (word.endswith("ies") and word[:-3] + "y" in ORGANISATION_HEADS)
        or (word.endswith("s") and word[:-1] in ORGANISATION_HEADS)
    )


_DIRECTIONS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern",
                         "Western", "Central", "Upper", "Lower", "Greater", "Atlantic",
                         "Pacific"})  # fmt: skip


def is_country_word(word: str) -> bool:
    """ "Thailand" in "Can Thailand": a country's name or adjective ends a person's name."""
    from accord.extraction import gazetteers

    return gazetteers.find_country(word) is not None


# Nouns of instruments, which no one's name holds: "Trilateral Cooperative Arrangement".
_INSTRUMENT_NOUNS = frozenset({
    "Agreement", "Arrangement", "Treaty", "Memorandum", "Protocol", "Convention", "Programme",
    "Program", "Plan", "Roadmap", "Strategy", "Concept", "Initiative", "Project", "Framework",
    "Mechanism", "Platform", "Declaration", "Charter", "Package", "Building", "Exercise",
    "Operation",
})  # fmt: skip


def not_a_name_word(word: str) -> bool:
    """A word no personal name holds: a direction, an instrument, an institution, a title,
    an honorific, an acronym."""
    return (
        word in _DIRECTIONS
        or word in _INSTRUMENT_NOUNS
        or (
            is_institution_word(word)
            or word in TITLE_WORDS
            or word in HONORIFICS
            or (word.isupper() and len(word) > 1 and not word.endswith("."))
        )
    )


def is_patronymic(word: str, slavic: bool = False) -> bool:
    """A patronymic ("Petrovich", "Nursultanuly"); `slavic`: only a Slavic one, since a Turkic
    "-oglu" or "-uly" word is often the surname ("Sinirlioğlu")."""
    pattern = _SLAVIC_PATRONYMIC if slavic else _PATRONYMIC
    return pattern.search(fold(word)) is not None and len(word) > 6
