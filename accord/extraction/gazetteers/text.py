"""Normalisation of names for the lookup tables, their spelling variants, and the readers of the
package's data files."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from importlib import resources

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
