"""Accord's STIX vocabulary: the fixed extension-definitions (STIX 2.1 §7.3) that declare its
custom objects and its provenance property-extension, the Accord identity that authors them,
and the deterministic ids of everything the mapping makes.

The object model (why each fact is shaped the way it is):

* Persons and organisations are ``identity`` objects, countries and places ``location``
  objects, threat actors ``threat-actor`` objects. Their ids are UUIDv5 over their class and
  normalised name, so the same person named in two documents has one id.
* Every fact about an entity is an object of its own, with an id from the document id and the
  fact's content, so that each fact can carry the sharing of the document it came from:

  - a meeting, an initiative and a quote are new SDOs (``x-accord-meeting``,
    ``x-accord-initiative``, ``x-accord-quote``): STIX has no object for them;
  - a role held is a new SDO too (``x-accord-role``: holder and role as written). A role is
    a fact about one entity, not a link between two, and the text gives no organisation to
    point a relationship at; the SDO can grow an ``organization_ref`` when extraction finds one;
  - an affiliation (the state a person or a national body serves) and a participation (in a
    meeting, or as a party to an initiative) are standard ``relationship`` objects with the
    custom relationship types ``affiliated-with`` and ``participates-in``. STIX 2.1 allows custom
    relationship types; the OASIS validator warns that they are not among the suggested ones.
    ``located-at`` would validate silently but says something else: an ambassador is not
    located in the state he represents.

* Every object made from a document carries the provenance property-extension: the document's
  id, its source and digest, the evidence spans in its text, and the extractor that read it.
  STIX identities have no ``aliases``; the names a document uses for an organisation travel in
  the provenance too, since they are what that document says.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from typing import Any

from accord.extraction.findings import Span

ACCORD_NAMESPACE = uuid.UUID("50bdcfa0-5448-4e78-9728-ab39913c2d10")
"""The UUIDv5 namespace of every deterministic id Accord makes. Never change it: ids are
stored, shared and compared across installations."""

ACCORD_IDENTITY_ID = "identity--9d4df2ed-8db1-4f17-a8e5-4e176523bd3a"
MEETING_EXTENSION = "extension-definition--656dcced-1589-4dad-9c70-4dbbc40bd070"
INITIATIVE_EXTENSION = "extension-definition--1c35fe41-616c-4912-859e-4b9e7818f216"
QUOTE_EXTENSION = "extension-definition--f1257683-0816-4811-9cc5-533c25ea1187"
ROLE_EXTENSION = "extension-definition--ffcf7a6e-f52f-41e6-9e73-dd4d00697b70"
PROVENANCE_EXTENSION = "extension-definition--1ef22a79-d825-4dd3-8df5-e6b89bdb1f19"

MEETING_TYPE = "x-accord-meeting"
INITIATIVE_TYPE = "x-accord-initiative"
QUOTE_TYPE = "x-accord-quote"
ROLE_TYPE = "x-accord-role"

AFFILIATED_WITH = "affiliated-with"
PARTICIPATES_IN = "participates-in"

EXTRACTOR = "accord-rules/1"
"""Names the extractor in provenance; change it when extraction changes what it finds."""

_DEFINED = "2026-01-01T00:00:00.000Z"  # when these definitions were written; fixed for good
_SCHEMAS = "https://accord.invalid/schemas/"

_NEW_SDOS: tuple[tuple[str, str, str], ...] = (
    (
        MEETING_EXTENSION,
        MEETING_TYPE,
        "A meeting one document reports as held or planned. Properties: name (made from the "
        "others), format (bilateral, multilateral), status (held, planned), start and end "
        "(timestamps at 00:00:00Z) with start_granularity and end_granularity (day, month, "
        "year), location_ref (a location). Participants are participates-in relationships.",
    ),
    (
        INITIATIVE_EXTENSION,
        INITIATIVE_TYPE,
        "A cooperation instrument one document reports: an agreement, centre, force, "
        "programme, project, platform, law or organisation. Properties: name (the shortest "
        "span of text that names it), kind, status (proposed, draft, agreed, signed, "
        "in-progress, completed). Parties are participates-in relationships.",
    ),
    (
        QUOTE_EXTENSION,
        QUOTE_TYPE,
        "Direct speech one document attributes to a person. Properties: text (the quoted "
        "words exactly as written), speaker_ref (the speaker's identity).",
    ),
    (
        ROLE_EXTENSION,
        ROLE_TYPE,
        "A title or function one document gives a person. Properties: role (as written), "
        "holder_ref (the person's identity).",
    ),
)

_PROVENANCE_DESCRIPTION = (
    "Where an object was read from. Properties: document_id (the source document's id), "
    "source (its name), sha256 (hex digest of its bytes, when known), spans (the [start, end) "
    "character offsets of the evidence in the document's normalised text), extractor (what "
    "read it), aliases (other names the document uses for an identity)."
)


def accord_identity() -> dict[str, Any]:
    """The identity that authors Accord's extension-definitions (and, by default, its findings)."""
    return {
        "type": "identity",
        "spec_version": "2.1",
        "id": ACCORD_IDENTITY_ID,
        "created": _DEFINED,
        "modified": _DEFINED,
        "name": "Accord",
        "description": "Accord, the security-cooperation knowledge platform, as an extractor.",
        "identity_class": "system",
    }


def extension_definitions() -> list[dict[str, Any]]:
    """Fresh copies of every extension-definition Accord uses, in a fixed order."""
    definitions = [
        _definition(ext_id, type_name, f"{type_name}.json", "new-sdo", description)
        for ext_id, type_name, description in _NEW_SDOS
    ]
    definitions.append(
        _definition(
            PROVENANCE_EXTENSION,
            "accord-provenance",
            "accord-provenance.json",
            "property-extension",
            _PROVENANCE_DESCRIPTION,
        )
    )
    return definitions


def _definition(ext_id: str, name: str, schema: str, kind: str, description: str) -> dict[str, Any]:
    return {
        "type": "extension-definition",
        "spec_version": "2.1",
        "id": ext_id,
        "created_by_ref": ACCORD_IDENTITY_ID,
        "created": _DEFINED,
        "modified": _DEFINED,
        "name": name,
        "description": description,
        "schema": _SCHEMAS + schema,
        "version": "1.0.0",
        "extension_types": [kind],
    }


def new_sdo(extension: str) -> dict[str, Any]:
    """The ``extensions`` entry that declares an object's type."""
    return {extension: {"extension_type": "new-sdo"}}


# --- deterministic ids ----------------------------------------------------------------------

_APOSTROPHES = frozenset("\u2018\u2019\u02bc\u02bb`\u00b4")


def name_key(name: str) -> str:
    """A name as ids see it: NFKC, case-folded, diacritics stripped, dashes and apostrophes
    made ASCII, whitespace collapsed. Frozen: changing it changes every stored entity id."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = "".join(_plain(ch) for ch in unicodedata.normalize("NFKD", text))
    return " ".join(unicodedata.normalize("NFC", text).split())


def _plain(ch: str) -> str:
    if unicodedata.combining(ch):
        return ""
    if ch in _APOSTROPHES:
        return "'"
    return "-" if unicodedata.category(ch) == "Pd" else ch


def stix_id(type_name: str, *parts: str) -> str:
    """``type--UUIDv5`` over the type and `parts`, joined by colons."""
    return f"{type_name}--{uuid.uuid5(ACCORD_NAMESPACE, ':'.join((type_name, *parts)))}"


def identity_id(identity_class: str, name: str) -> str:
    return stix_id("identity", identity_class, name_key(name))


def country_id(code: str) -> str:
    return stix_id("location", "country", code.upper())


def place_id(name: str) -> str:
    return stix_id("location", "place", name_key(name))


def threat_actor_id(name: str) -> str:
    return stix_id("threat-actor", name_key(name))


def fact_id(type_name: str, document_id: str, content: object) -> str:
    """The id of a fact: the same document and the same content give the same id."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return stix_id(type_name, document_id, canonical)


def provenance(
    document_id: str,
    source: str,
    sha256: str | None,
    spans: tuple[Span, ...] = (),
    aliases: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The provenance extension entry: omitted values are left out, not written as null."""
    entry: dict[str, Any] = {
        "extension_type": "property-extension",
        "document_id": document_id,
        "source": source,
    }
    if sha256:
        entry["sha256"] = sha256
    if spans:
        entry["spans"] = [[start, end] for start, end in sorted(set(spans))]
    entry["extractor"] = EXTRACTOR
    if aliases:
        entry["aliases"] = sorted(set(aliases))
    return entry
