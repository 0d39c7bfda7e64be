"""Threat actors: the named terrorist, extremist, insurgent, organised-criminal and cyber groups
that security-cooperation reporting names ("Islamic State Khorasan Province", "TTP",
"al-Qaeda", "Sinaloa Cartel", "APT28"), read from ``threat_actors.psv``.

The lookup tables follow the conventions of the other gazetteers (see the package docstring):

- :func:`threat_actor_lookup` is keyed by :func:`~accord.extraction.gazetteers.normalise` and
  holds names and spelling variants ("al-Qaida", "Al Qaeda" and "al-Qa'ida" share one key);
- :func:`threat_actor_cased_lookup` is keyed by
  :func:`~accord.extraction.gazetteers.surface_key` and holds the forms matched with their exact
  capitalisation only: acronyms ("TTP", "IMU", "HTS", "ISIS-K", "MS-13") and forms marked so.

Both leave out forms marked "~" in the data file (common words such as "Lazarus" or "Hive"),
forms that name more than one group, and every form that is also a country name, adjective or
demonym, an organisation name or acronym, or a block-listed common word: a country or an
organisation is never a threat actor.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

# The package is imported as a module, not name by name, so that the package may re-export this
# module's functions from its own __init__ without a circular-import failure.
from accord.extraction import gazetteers as _gazetteers

__all__ = [
    "THREAT_ACTOR_KINDS",
    "THREAT_ACTOR_REGIONS",
    "ThreatActor",
    "find_threat_actor",
    "is_case_only",
    "threat_actor_cased_lookup",
    "threat_actor_lookup",
    "threat_actors",
]

THREAT_ACTOR_KINDS = frozenset({"terrorist", "insurgent", "extremist", "criminal", "cyber"})
THREAT_ACTOR_REGIONS = frozenset(
    {
        "global",
        "Europe",
        "Caucasus",
        "Central Asia",
        "South Asia",
        "Middle East",
        "North Africa",
        "West Africa",
        "East Africa",
        "Central Africa",
        "Southern Africa",
        "Southeast Asia",
        "East Asia",
        "North America",
        "Latin America",
    }
)

_FILENAME = "threat_actors.psv"
_WORD_BREAK = re.compile(r"[ -]")


@dataclass(frozen=True, slots=True)
class ThreatActor:
    """A named group. ``name`` is its fullest usual English form; ``aliases`` holds the other
    forms (variants, transliterations, acronyms), also those left out of the lookup tables."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    """One of :data:`THREAT_ACTOR_KINDS`."""
    region: str = ""
    """Where the group mainly operates, one of :data:`THREAT_ACTOR_REGIONS`."""


@cache
def _rows() -> tuple[tuple[ThreatActor, tuple[str, ...]], ...]:
    """Each threat actor with its forms (name first) as marked in the data file."""
    rows = []
    for name, aliases, kind, region in _gazetteers._psv(_FILENAME, 4):
        if kind not in THREAT_ACTOR_KINDS:
            raise ValueError(f"{_FILENAME}: unknown kind {kind!r} for {name!r}")
        if region not in THREAT_ACTOR_REGIONS:
            raise ValueError(f"{_FILENAME}: unknown region {region!r} for {name!r}")
        marked = (name, *_gazetteers._items(aliases))
        bare_name = _gazetteers._bare(name)
        actor = ThreatActor(
            name=bare_name,
            aliases=_gazetteers._unique(
                _gazetteers._bare(form)
                for form in marked[1:]
                if _gazetteers._bare(form) != bare_name
            ),
            kind=kind,
            region=region,
        )
        rows.append((actor, marked))
    return tuple(rows)


@cache
def threat_actors() -> tuple[ThreatActor, ...]:
    """Every threat actor of the data file, in its order."""
    return tuple(actor for actor, _ in _rows())


def is_case_only(form: str) -> bool:
    """True for a form matched with its exact capitalisation only: an acronym as the other
    gazetteers define it ("TTP", "HuT", "APT28", "LockBit"), and a form of several words (words
    are separated by spaces and hyphens) whose first word is written in capitals ("ISIS-K",
    "MS-13", "IS-Sahel", "PMC Wagner"): folded to lower case, "IS Libya" would read as "is
    Libya"."""
    if _gazetteers._is_acronym(form):
        return True
    head = _WORD_BREAK.split(form, maxsplit=1)[0]
    return not any(map(str.islower, head)) and sum(map(str.isupper, head)) >= 2


@cache
def _excluded() -> tuple[frozenset[str], frozenset[str]]:
    """(normalised keys, surface keys) that are countries, organisations or common words."""
    folded = (
        _gazetteers.country_lookup().keys()
        | _gazetteers.organisation_lookup().keys()
        | {_gazetteers.normalise(word) for word in _gazetteers.common_word_blocklist()}
        | {_gazetteers.normalise(key) for key in _gazetteers.country_cased_lookup()}
        | {_gazetteers.normalise(key) for key in _gazetteers.organisation_cased_lookup()}
    )
    cased = (
        _gazetteers.country_cased_lookup().keys() | _gazetteers.organisation_cased_lookup().keys()
    )
    return frozenset(folded), frozenset(cased)


def _indexed_forms() -> Iterator[tuple[ThreatActor, str, bool]]:
    """(actor, form, case only) for every form of the data file not marked "~", with its
    spelling variants (without diacritics, "&" for "and")."""
    for actor, marked in _rows():
        for form in marked:
            if form.startswith("~"):
                continue
            bare = _gazetteers._bare(form)
            case_only = form.startswith("=") or is_case_only(bare)
            for variant in _gazetteers._variants(bare):
                yield actor, variant, case_only


@cache
def _indexes() -> tuple[dict[str, ThreatActor], dict[str, ThreatActor]]:
    """(threat_actor_lookup(), threat_actor_cased_lookup()): a form that names more than one
    threat actor is left out of both."""
    excluded_folded, excluded_cased = _excluded()
    folded_names: dict[str, set[str]] = defaultdict(set)
    cased_names: dict[str, set[str]] = defaultdict(set)
    for actor, form, case_only in _indexed_forms():
        folded = _gazetteers.normalise(form)
        surface = _gazetteers.surface_key(form)
        if folded in excluded_folded or surface in excluded_cased:
            continue
        if case_only:
            cased_names[surface].add(actor.name)
        else:
            folded_names[folded].add(actor.name)
    by_name = {actor.name: actor for actor in threat_actors()}

    def unambiguous(found: dict[str, set[str]]) -> dict[str, ThreatActor]:
        return {key: by_name[next(iter(names))] for key, names in found.items() if len(names) == 1}

    return unambiguous(folded_names), unambiguous(cased_names)


@cache
def threat_actor_lookup() -> dict[str, ThreatActor]:
    """normalise(name or alias) -> threat actor, for the forms matched regardless of case and
    diacritics ("al qaeda", "islamic state khorasan province", "ndrangheta")."""
    return _indexes()[0]


@cache
def threat_actor_cased_lookup() -> dict[str, ThreatActor]:
    """surface_key(form) -> threat actor, for the forms matched with their exact
    capitalisation: acronyms ("TTP", "ISIS-K", "MS-13") and CamelCase names ("LockBit")."""
    return _indexes()[1]


def _find(surface: str) -> ThreatActor | None:
    found = threat_actor_cased_lookup().get(_gazetteers.surface_key(surface))
    if found is None:
        found = threat_actor_lookup().get(_gazetteers.normalise(surface))
    return found


@lru_cache(maxsize=65536)  # names recur within and across documents; the tables are fixed
def find_threat_actor(surface: str) -> ThreatActor | None:
    """The threat actor a name, alias or acronym as it stands in text refers to, or None.

    Acronyms match with their exact capitalisation only ("TTP", not "ttp"); names match
    normalised ("Al Qaida", "AL-QAEDA" and "al-Qa'ida" all give al-Qaeda), but only when the
    text has a capital letter somewhere, as names in running text do. A leading article is
    ignored ("the Haqqani Network", "The TTP")."""
    if not any(map(str.isupper, surface)):
        return None
    found = _find(surface)
    if found is None:
        head, _, rest = surface.strip().partition(" ")
        if head in ("the", "The") and rest:
            found = _find(rest)
    return found
