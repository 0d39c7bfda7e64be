"""When two items of extraction records match (docs: extraction-spec, "How a record is scored").

Pure and deterministic; `accord.extraction.score` counts with these rules. Each `*_score(gold,
predicted)` returns 0 for "no match" and otherwise a positive number that ranks candidate pairs
for the one-to-one greedy matching (`greedy_pairs`).

Text keys fold case and diacritics, drop apostrophes, and let other punctuation separate words.
`content_words` also leaves out stop words and folds British/American spellings (centre/center).

Person names are compatible when, after folding and dropping honorifics (Mr., Dr., H.E., Shri)
and name particles inside the name ("al-", "Al ", "de", "van" ...):

- they share a surname: the last token of each name (Western order), or, when both names have
  two tokens or more, the first token of either (surname-first: "Wang Jianguo", "Patrushev N. P.");
- and each given name of the form with fewer given names pairs, in order, with a given name of
  the other form (a subsequence): equal, or one an initial of the other ("N." ~ "Nikolai"), or,
  in Western order only, one a prefix of the other ("Yu." ~ "Yuri", "Alex" ~ "Alexander").

Surnames must be equal after folding: the spec forgives case, diacritics and punctuation, not
spelling ("Hadžimerović" is not "Hadžiomerović"). Where the spec leaves room elsewhere:

- Roles match when their content words have a Jaccard similarity of at least 0.8.
- Meetings: when both name two participants or more, the participant rule alone decides
  (Jaccard >= 0.5, participants paired by the person rule); otherwise the same start and the
  same location (null equals null). The format must agree either way.
- Initiatives compare content words, so that "of the" cannot make two unrelated treaty titles
  overlap.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

Record = Mapping[str, Any]
Similarity = Callable[[Any, Any], float]

STOP_WORDS = frozenset(("a", "an", "and", "as", "at", "between", "by", "for", "from", "in",
                        "into", "its", "of", "on", "or", "the", "their", "to", "under", "with",
                        "within"))  # fmt: skip
# Particles inside a surname ("Al-Otaibi", "Al Mazrouei", "de Vries") are left out of its key.
PARTICLES = frozenset(("al", "el", "ad", "ash", "as", "bin", "binti", "bint", "ibn", "abu", "de",
                       "del", "dela", "della", "delos", "der", "den", "di", "da", "dos", "das",
                       "du", "la", "le", "los", "las", "van", "von", "ter", "ten"))  # fmt: skip
HONORIFICS = frozenset(("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "shri", "smt",
                        "academician"))  # fmt: skip
# British and American spellings frequent in institution names fold together.
_SPELLINGS = {"centre": "center", "defence": "defense", "programme": "program"}
_NOT_DECOMPOSED = str.maketrans({"\u00f8": "o", "\u0142": "l", "\u0111": "d", "\u00e6": "ae",
                                 "\u0153": "oe", "\u0131": "i", "\u00f0": "d"})  # fmt: skip
_DASHES = "\\-\u2010\u2011\u2013"
_APOSTROPHES = re.compile("['`\u2018\u2019\u02bc\u00b4]")
# Prefixes written with or without a hyphen ("co-operation", "antiterrorism") join their word.
_HYPHENATED_PREFIX = re.compile(f"\\b(co|anti|counter|non|inter|intra|multi|trans|sub|pre|post)"
                                f"[{_DASHES}](?=\\w)")  # fmt: skip
_HYPHENS = re.compile(f"[{_DASHES}]+")
_NON_WORD = re.compile("[^0-9a-z]+")
_NAME_SPLIT = re.compile(f"[^0-9a-z{_DASHES}]+")
_HIS_EXCELLENCY = re.compile(r"\bh\.\s*e\.", re.IGNORECASE)


def fold(text: str) -> str:
    """Case-folded, diacritics stripped ("Hadžiomerović" -> "hadziomerovic"), apostrophes gone."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_NOT_DECOMPOSED))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _APOSTROPHES.sub("", plain)


def words(text: str, *, join_prefixes: bool = False) -> list[str]:
    """The folded words of `text`; hyphens separate words too, except, with `join_prefixes`,
    after a prefix such as "co-" or "anti-" ("co-operation" -> "cooperation")."""
    folded = _HYPHENATED_PREFIX.sub(r"\1", fold(text)) if join_prefixes else fold(text)
    return [word for word in _NON_WORD.split(folded) if word]


def _spelled(word: str) -> str:
    return _SPELLINGS.get(word, word).replace("isation", "ization")


def name_key(text: str) -> str:
    """Equality key of an institution or place name: folded words run together, a leading
    "the" dropped, hyphens and punctuation ignored, British/American spellings folded."""
    tokens = [_spelled(word) for word in words(text, join_prefixes=True)]
    return "".join(tokens[1:] if len(tokens) > 1 and tokens[0] == "the" else tokens)


def content_words(text: str) -> frozenset[str]:
    """The words that carry meaning (stop words aside); all words when only stop words."""
    tokens = [_spelled(word) for word in words(text, join_prefixes=True)]
    return frozenset(word for word in tokens if word not in STOP_WORDS) or frozenset(tokens)


def text_key(text: str) -> str:
    """Running text reduced to folded words separated by single spaces."""
    return " ".join(words(text))


def jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    union = left | right
    return len(left & right) / len(union) if union else 0.0


def overlap(left: frozenset[str], right: frozenset[str]) -> float:
    """Overlap coefficient: shared items over the size of the smaller set."""
    smaller = min(len(left), len(right))
    return len(left & right) / smaller if smaller else 0.0


def similarity(left: str, right: str) -> float:
    """A 0..1 string similarity; it only ranks candidate pairs that already match."""
    return SequenceMatcher(None, left, right, autojunk=False).ratio()


# --- acronyms ------------------------------------------------------------------------------


def _word_options(word: str) -> set[str]:
    """What one word can give an acronym: its initial, the initials of its hyphenated parts,
    or the whole word when it is an acronym itself (the "SCO" of "SCO Regional ...")."""
    letters = "".join(ch for ch in fold(word) if ch.isalnum())
    options = {letters[0]}
    parts = [words(part) for part in _HYPHENS.split(word)]
    if len(parts) > 1 and all(parts):
        options.add("".join(part[0][0] for part in parts))
    if len(letters) > 1 and word.isupper():
        options.add(letters)
    return options


@lru_cache(maxsize=4096)
def acronyms(name: str) -> frozenset[str]:
    """What a name of two words or more abbreviates to, from its content words or from all its
    words: "Organization for Security and Co-operation in Europe" gives "osce" (among others)."""
    raw = [word for word in name.split() if words(word)]
    if len(raw) < 2:
        return frozenset()
    found: set[str] = set()
    for keep_stop_words in (False, True):
        kept = [word for word in raw if keep_stop_words or fold(word) not in STOP_WORDS]
        options = [sorted(_word_options(word)) for word in kept]
        found.update("".join(letters) for letters in itertools.islice(
            itertools.product(*options), 256))  # fmt: skip
    return frozenset(found)


def is_acronym_of(short: str, long: str) -> bool:
    """True when `short` (at most three words: "UN", "SCO RATS") abbreviates `long`."""
    compact = name_key(short)
    if len(compact) < 2 or len(words(short)) > 3 or compact == name_key(long):
        return False
    return compact in acronyms(long)


# --- person names --------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def person_tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of a person's name, honorifics and particles dropped, hyphenated parts
    joined: "Ban Ki-moon" -> ("ban", "kimoon"); "N. P. Patrushev" -> ("n", "p", "patrushev")."""
    raw = [token for token in _NAME_SPLIT.split(_HIS_EXCELLENCY.sub(" ", fold(name))) if token]
    while len(raw) > 1 and raw[0] in HONORIFICS:
        raw = raw[1:]
    tokens: list[str] = []
    for position, token in enumerate(raw):
        parts = [part for part in _HYPHENS.split(token) if part]
        if len(parts) > 1 and parts[0] in PARTICLES:
            parts = parts[1:]  # "al-otaibi" -> "otaibi"
        elif 0 < position < len(raw) - 1 and token in PARTICLES:
            continue  # the "de" of "Annelies de Vries"
        if parts:
            tokens.append("".join(parts))
    return tuple(tokens)


def _readings(tokens: tuple[str, ...]) -> list[tuple[str, tuple[str, ...], bool]]:
    """(surname, given names, surname first?) for each order the name may be written in."""
    readings = [(tokens[-1], tokens[:-1], False)]
    if len(tokens) > 1:
        readings.append((tokens[0], tokens[1:], True))
    return readings


def _given_compatible(left: str, right: str, *, prefix: bool) -> bool:
    if left == right or ((len(left) == 1 or len(right) == 1) and left[0] == right[0]):
        return True
    return prefix and (left.startswith(right) or right.startswith(left))


def _givens_compatible(a: tuple[str, ...], b: tuple[str, ...], *, prefix: bool) -> bool:
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    remaining = iter(longer)  # consumed as we go: the pairing keeps the order of the names
    return all(
        any(_given_compatible(given, other, prefix=prefix) for other in remaining)
        for given in shorter
    )


def persons_match(left: str, right: str) -> bool:
    """True when two names can denote the same person (rules in the module docstring)."""
    a, b = person_tokens(left), person_tokens(right)
    if not a or not b:
        return False
    both_long = len(a) > 1 and len(b) > 1
    for surname_a, given_a, first_a in _readings(a):
        for surname_b, given_b, first_b in _readings(b):
            surname_first = first_a or first_b
            if surname_a != surname_b or len(surname_a) < 2 or (surname_first and not both_long):
                continue
            if _givens_compatible(given_a, given_b, prefix=not surname_first):
                return True
    return False


def person_score(left: str, right: str) -> float:
    """0 when two names cannot denote the same person, else 1 + their string similarity."""
    if not persons_match(left, right):
        return 0.0
    return 1.0 + similarity(" ".join(person_tokens(left)), " ".join(person_tokens(right)))


# --- when two record items match: 0 means no; a higher score pairs earlier ----------------


def as_text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def country_code(value: Any) -> str | None:
    return (value.strip().upper() or None) if isinstance(value, str) else None


def same_field(
    gold: Record, predicted: Record, field: str, key: Callable[[str], str] = str.casefold
) -> bool:
    """Whether a field agrees; absent, null and blank agree with one another."""
    return key(as_text(gold.get(field)).strip()) == key(as_text(predicted.get(field)).strip())


def _names(item: Record) -> list[str]:
    return [n for n in [item.get("name"), *(item.get("aliases") or [])] if as_text(n).strip()]


def _name_pair(left: str, right: str) -> float:
    if name_key(left) == name_key(right):
        return 1.0
    if (similar := jaccard(content_words(left), content_words(right))) >= 0.8:
        return 0.9 * similar
    return 0.7 if is_acronym_of(left, right) or is_acronym_of(right, left) else 0.0


def organization_score(gold: Record, predicted: Record) -> float:
    """A name or alias of one equals, or is the acronym of, one of the other; or their
    content words have a Jaccard similarity of at least 0.8. Country only ranks pairs."""
    best = max((_name_pair(g, p) for g in _names(gold) for p in _names(predicted)), default=0.0)
    return best + 0.05 * same_field(gold, predicted, "country") if best else 0.0


def location_score(gold: Record, predicted: Record) -> float:
    """The same normalised name. Country only ranks pairs."""
    if not same_field(gold, predicted, "name", name_key):
        return 0.0
    return 1.0 + 0.05 * same_field(gold, predicted, "country")


def persons_score(gold: Record, predicted: Record) -> float:
    return person_score(as_text(gold.get("name")), as_text(predicted.get("name")))


def _participants(gold: Sequence[Any], predicted: Sequence[Any]) -> float:
    paired = len(greedy_pairs(gold, predicted, lambda g, p: person_score(as_text(g), as_text(p))))
    union = len(gold) + len(predicted) - paired
    return paired / union if union else 0.0


def meeting_score(gold: Record, predicted: Record) -> float:
    """The same format, and participant Jaccard >= 0.5 when both name two participants or more,
    else the same start and location."""
    if not same_field(gold, predicted, "format"):
        return 0.0
    people = list(gold.get("participants") or []), list(predicted.get("participants") or [])
    participants = _participants(*people)
    same_start = same_field(gold, predicted, "start")
    same_place = same_field(gold, predicted, "location", name_key)
    if min(len(people[0]), len(people[1])) >= 2:
        matched = participants >= 0.5
    else:
        matched = same_start and same_place
    return 1.0 + participants + 0.25 * (same_start + same_place) if matched else 0.0


def quote_score(gold: Record, predicted: Record) -> float:
    """The same speaker, and the first 40 normalised characters of one text inside the other."""
    speaker = person_score(as_text(gold.get("speaker")), as_text(predicted.get("speaker")))
    left, right = text_key(as_text(gold.get("text"))), text_key(as_text(predicted.get("text")))
    if not (speaker and left and right) or (left[:40] not in right and right[:40] not in left):
        return 0.0
    return speaker + similarity(left, right)


def initiative_score(gold: Record, predicted: Record) -> float:
    """Content words overlapping by at least half of the smaller set."""
    left = content_words(as_text(gold.get("text")))
    right = content_words(as_text(predicted.get("text")))
    if (shared := overlap(left, right)) < 0.5:
        return 0.0
    return 1.0 + shared + jaccard(left, right) + 0.1 * same_field(gold, predicted, "kind")


def role_score(gold: Any, predicted: Any) -> float:
    similar = jaccard(content_words(as_text(gold)), content_words(as_text(predicted)))
    return similar if similar >= 0.8 else 0.0


def code_score(gold: Any, predicted: Any) -> float:
    return 1.0 if gold == predicted else 0.0


SIMILARITIES: dict[str, Similarity] = {
    "persons": persons_score,
    "organizations": organization_score,
    "threat_actors": organization_score,
    "countries": code_score,
    "locations": location_score,
    "meetings": meeting_score,
    "topics": code_score,
    "quotes": quote_score,
    "initiatives": initiative_score,
}


def greedy_pairs(
    gold: Sequence[Any], predicted: Sequence[Any], score_pair: Similarity
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, best score first, ties by position."""
    candidates = sorted(
        (-value, g, p)
        for g, gold_item in enumerate(gold)
        for p, predicted_item in enumerate(predicted)
        if (value := score_pair(gold_item, predicted_item)) > 0
    )
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for _, g, p in candidates:
        if g not in used_gold and p not in used_predicted:
            pairs.append((g, p))
            used_gold.add(g)
            used_predicted.add(p)
    return sorted(pairs)
