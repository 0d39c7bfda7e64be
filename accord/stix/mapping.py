"""One document's findings as a STIX 2.1 bundle. The object model and the ids are described in
`accord.stix.extensions`.

Pure: the caller passes the time, so the same findings, document id and time give the same
bundle, byte for byte. A fact that names an entity extraction did not list (a state taking
part in a meeting but missing from the document's countries, a party to an initiative known
only by its name there) gets that entity made for it, with the fact's evidence as its spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

from accord.clock import format_timestamp
from accord.extraction import gazetteers as gz
from accord.extraction.findings import (
    Findings,
    Initiative,
    Meeting,
    Organisation,
    Person,
    Quote,
    Span,
    When,
)
from accord.stix import extensions as ext

Obj = dict[str, Any]
_PROVENANCE = ext.PROVENANCE_EXTENSION


def to_bundle(
    findings: Findings,
    *,
    document_id: str,
    title: str | None,
    source: str,
    created: datetime,
    author_ref: str | None = None,
    sha256: str | None = None,
) -> Obj:
    """The bundle of one document: Accord's identity and extension-definitions, every entity
    and fact found, and a report that refers to all of them. Extracted objects are created by
    `author_ref`, or by Accord's identity when it is None.

    Entities keep their ids from one document to the next, and each document's bundle holds
    its own version of them (with its own provenance), versioned by `created`: bundles of two
    documents made with the same `created` conflict in a store."""
    doc = _Doc(document_id, source, sha256, _timestamp(created),
               author_ref or ext.ACCORD_IDENTITY_ID)  # fmt: skip
    objects = _Objects(doc)
    objects.add_entities(findings)
    objects.add_facts(findings)
    extracted = list(objects.by_id.values())
    report = _report(doc, findings, title, [obj["id"] for obj in extracted])
    return {
        "type": "bundle",
        "id": ext.stix_id("bundle", document_id),
        "objects": [ext.accord_identity(), *ext.extension_definitions(), *extracted, report],
    }


@dataclass(frozen=True, slots=True)
class _Doc:
    """What every object made from one document shares."""

    document_id: str
    source: str
    sha256: str | None
    created: str
    author: str

    def base(self, type_name: str, object_id: str) -> Obj:
        return {
            "type": type_name, "spec_version": "2.1", "id": object_id,
            "created_by_ref": self.author, "created": self.created, "modified": self.created,
        }  # fmt: skip

    def provenance(self, spans: tuple[Span, ...] = (), aliases: tuple[str, ...] = ()) -> Obj:
        return ext.provenance(self.document_id, self.source, self.sha256, spans, aliases)

    def entity(
        self,
        type_name: str,
        object_id: str,
        spans: tuple[Span, ...],
        props: Obj,
        aliases: tuple[str, ...] = (),
    ) -> Obj:
        """An entity; `aliases` are the other names the document uses for it."""
        obj = self.base(type_name, object_id) | props
        obj["extensions"] = {_PROVENANCE: self.provenance(spans, aliases)}
        return obj

    def fact(
        self, type_name: str, extension: str, content: Obj, spans: tuple[Span, ...], key: object
    ) -> Obj:
        """A custom SDO: its id comes from the document, its content and `key` (the refs
        that make two facts of the same content different)."""
        object_id = ext.fact_id(type_name, self.document_id, [content, key])
        obj = self.base(type_name, object_id) | content
        obj["extensions"] = {**ext.new_sdo(extension), _PROVENANCE: self.provenance(spans)}
        return obj

    def relationship(self, kind: str, source: str, target: str, spans: tuple[Span, ...]) -> Obj:
        object_id = ext.fact_id("relationship", self.document_id, [kind, source, target])
        obj = self.base("relationship", object_id)
        obj.update(relationship_type=kind, source_ref=source, target_ref=target)
        obj["extensions"] = {_PROVENANCE: self.provenance(spans)}
        return obj


@dataclass(slots=True)
class _Objects:
    """The objects of one bundle by id, in the order they were first made."""

    doc: _Doc
    by_id: dict[str, Obj] = field(default_factory=dict)
    organisations: dict[str, str] = field(default_factory=dict)  # name_key(name, alias) -> id

    def add(self, obj: Obj) -> str:
        """Add `obj`; an object already there with the same id takes its spans and aliases."""
        existing = self.by_id.get(obj["id"])
        if existing is None:
            self.by_id[obj["id"]] = obj
        else:
            _merge(self.doc, existing, obj)
        return str(obj["id"])

    def ensure(self, obj: Obj) -> str:
        """The id of `obj`, adding it only when no object has that id yet."""
        self.by_id.setdefault(obj["id"], obj)
        return str(obj["id"])

    # --- entities ---------------------------------------------------------------------------
    def add_entities(self, findings: Findings) -> None:
        doc = self.doc
        for person in findings.persons:
            self.add(_person(doc, person.name, person.spans))
        for organisation in findings.organisations:
            self._add_organisation(organisation)
        for actor in findings.threat_actors:
            props: Obj = {"name": actor.name}
            if actor.aliases:
                props["aliases"] = sorted(set(actor.aliases))
            self.add(
                doc.entity("threat-actor", ext.threat_actor_id(actor.name), actor.spans, props)
            )
        for country in findings.countries:
            self.add(_country(doc, country.code, country.spans))
        for location in findings.locations:
            self.add(_place(doc, location.name, location.country, location.spans))

    def _add_organisation(self, organisation: Organisation) -> None:
        found = _organisation(self.doc, organisation.name, organisation.spans, organisation.aliases)
        object_id = self.add(found)
        for name in (organisation.name, *organisation.aliases):
            self.organisations.setdefault(ext.name_key(name), object_id)

    def person(self, name: str, spans: tuple[Span, ...]) -> str:
        return self.ensure(_person(self.doc, name, spans))

    def country(self, code: str, spans: tuple[Span, ...]) -> str:
        return self.ensure(_country(self.doc, code, spans))

    def place(self, name: str, spans: tuple[Span, ...]) -> str:
        """A meeting's location: a place found, else a country by that name, else a new place."""
        object_id = ext.place_id(name)
        if object_id not in self.by_id and (found := gz.find_country(name)) is not None:
            return self.country(found, spans)
        return self.ensure(_place(self.doc, name, None, spans))

    def party(self, name: str, spans: tuple[Span, ...]) -> str:
        """An initiative's party: an organisation of the document by name or alias, else a
        country by code or name, else an organisation of that name."""
        known = self.organisations.get(ext.name_key(name))
        if known is not None:
            return known
        code = name if name in _country_names() else gz.find_country(name)
        if code is not None:
            return self.country(code, spans)
        return self.ensure(_organisation(self.doc, name, spans, ()))

    # --- facts ------------------------------------------------------------------------------
    def add_facts(self, findings: Findings) -> None:
        for person in findings.persons:
            self._person_facts(person)
        for organisation in findings.organisations:
            if organisation.country:
                source = ext.identity_id("organization", organisation.name)
                self._affiliation(source, organisation.country, organisation.spans)
        for meeting in findings.meetings:
            self._meeting(meeting)
        for quote in findings.quotes:
            self._quote(quote)
        for initiative in findings.initiatives:
            self._initiative(initiative)

    def _person_facts(self, person: Person) -> None:
        holder = ext.identity_id("individual", person.name)
        for role in person.roles:
            content = {"role": role, "holder_ref": holder}
            self.add(self.doc.fact(ext.ROLE_TYPE, ext.ROLE_EXTENSION, content, person.spans, ()))
        if person.country:
            self._affiliation(holder, person.country, person.spans)

    def _affiliation(self, source: str, code: str, spans: tuple[Span, ...]) -> None:
        target = self.country(code, spans)
        self.add(self.doc.relationship(ext.AFFILIATED_WITH, source, target, spans))

    def _meeting(self, meeting: Meeting) -> None:
        spans = meeting.spans
        parties = [self.person(name, spans) for name in meeting.participants]
        parties += [self.country(code, spans) for code in meeting.countries]
        location = self.place(meeting.location, spans) if meeting.location else None
        content = _meeting_content(meeting, location)
        obj = self.doc.fact(ext.MEETING_TYPE, ext.MEETING_EXTENSION, content, spans,
                            sorted(set(parties)))  # fmt: skip
        self._participations(self.add(obj), parties, spans)

    def _quote(self, quote: Quote) -> None:
        content = {"text": quote.text, "speaker_ref": self.person(quote.speaker, quote.spans)}
        self.add(self.doc.fact(ext.QUOTE_TYPE, ext.QUOTE_EXTENSION, content, quote.spans, ()))

    def _initiative(self, initiative: Initiative) -> None:
        spans = initiative.spans
        parties = [self.party(name, spans) for name in initiative.parties]
        content = {"name": initiative.text, "kind": str(initiative.kind),
                   "status": str(initiative.status)}  # fmt: skip
        obj = self.doc.fact(ext.INITIATIVE_TYPE, ext.INITIATIVE_EXTENSION, content, spans,
                            sorted(set(parties)))  # fmt: skip
        self._participations(self.add(obj), parties, spans)

    def _participations(self, target: str, parties: list[str], spans: tuple[Span, ...]) -> None:
        for party in parties:
            self.add(self.doc.relationship(ext.PARTICIPATES_IN, party, target, spans))


# --- entity objects -----------------------------------------------------------------------------


def _person(doc: _Doc, name: str, spans: tuple[Span, ...]) -> Obj:
    object_id = ext.identity_id("individual", name)
    return doc.entity("identity", object_id, spans, {"name": name, "identity_class": "individual"})


def _organisation(doc: _Doc, name: str, spans: tuple[Span, ...], aliases: tuple[str, ...]) -> Obj:
    object_id = ext.identity_id("organization", name)
    props = {"name": name, "identity_class": "organization"}
    return doc.entity("identity", object_id, spans, props, aliases)


def _country(doc: _Doc, code: str, spans: tuple[Span, ...]) -> Obj:
    code = code.upper()
    name = _country_names().get(code, code)
    return doc.entity("location", ext.country_id(code), spans, {"name": name, "country": code})


def _place(doc: _Doc, name: str, country: str | None, spans: tuple[Span, ...]) -> Obj:
    """A place that is not a country. STIX asks a location for a region, a country or
    coordinates: a place with no country gets the region it names."""
    where = {"country": country.upper()} if country else {"region": _region(name)}
    return doc.entity("location", ext.place_id(name), spans, {"name": name, **where})


@cache
def _country_names() -> dict[str, str]:
    return {country.code: country.names[0] for country in gz.countries() if country.names}


# Names of places that are the regions of the STIX region-ov vocabulary (the UN M49 regions);
# any other place without a country is its own region, an open-vocabulary value.
_REGION_OV = {
    "africa": "africa", "east africa": "eastern-africa", "eastern africa": "eastern-africa",
    "central africa": "middle-africa", "middle africa": "middle-africa",
    "north africa": "northern-africa", "northern africa": "northern-africa",
    "southern africa": "southern-africa", "west africa": "western-africa",
    "western africa": "western-africa", "americas": "americas", "caribbean": "caribbean",
    "central america": "central-america", "latin america": "latin-america-caribbean",
    "north america": "northern-america", "northern america": "northern-america",
    "south america": "south-america", "asia": "asia", "central asia": "central-asia",
    "east asia": "eastern-asia", "eastern asia": "eastern-asia", "south asia": "southern-asia",
    "southern asia": "southern-asia", "southeast asia": "south-eastern-asia",
    "south-east asia": "south-eastern-asia", "south-eastern asia": "south-eastern-asia",
    "west asia": "western-asia", "western asia": "western-asia", "europe": "europe",
    "eastern europe": "eastern-europe", "northern europe": "northern-europe",
    "southern europe": "southern-europe", "western europe": "western-europe",
    "antarctica": "antarctica", "antarctic": "antarctica", "oceania": "oceania",
    "melanesia": "melanesia", "micronesia": "micronesia", "polynesia": "polynesia",
}  # fmt: skip
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _region(name: str) -> str:
    key = ext.name_key(name).removeprefix("the ")
    return _REGION_OV.get(key) or _NOT_SLUG.sub("-", key).strip("-") or "unknown"


# --- facts and the report -----------------------------------------------------------------------


def _meeting_content(meeting: Meeting, location: str | None) -> Obj:
    content: Obj = {"name": _meeting_name(meeting), "format": str(meeting.format),
                    "status": str(meeting.status)}  # fmt: skip
    for prop, when in (("start", meeting.start), ("end", meeting.end)):
        if when is not None:
            content[prop] = f"{when.value.isoformat()}T00:00:00Z"
            content[f"{prop}_granularity"] = str(when.granularity)
    if location:
        content["location_ref"] = location
    return content


def _meeting_name(meeting: Meeting) -> str:
    """A name to list the meeting by: "Planned bilateral meeting in Sochi, 2010-10"."""
    name = f"{meeting.format} meeting"
    if str(meeting.status) != "held":
        name = f"{meeting.status} {name}"
    if meeting.location:
        name += f" in {meeting.location}"
    if meeting.start is not None:
        name += f", {_date_text(meeting.start)}"
    return name[0].upper() + name[1:]


def _date_text(when: When) -> str:
    text = when.value.isoformat()
    return {"day": text, "month": text[:7], "year": text[:4]}.get(str(when.granularity), text)


def _report(doc: _Doc, findings: Findings, title: str | None, refs: list[str]) -> Obj:
    """The document as a report. STIX asks for at least one ref: a document with no findings
    refers to the identity that read it."""
    obj = doc.base("report", ext.stix_id("report", doc.document_id))
    obj["name"] = title or doc.source
    obj["report_types"] = ["threat-report"]
    published = findings.published
    obj["published"] = f"{published.isoformat()}T00:00:00Z" if published else doc.created
    topics = list(dict.fromkeys(str(finding.topic) for finding in findings.topics))
    if topics:
        obj["labels"] = topics
    obj["object_refs"] = refs or [ext.ACCORD_IDENTITY_ID]
    obj["extensions"] = {_PROVENANCE: doc.provenance()}
    return obj


def _timestamp(moment: datetime) -> str:
    """A naive datetime is taken to be UTC."""
    return format_timestamp(moment if moment.tzinfo else moment.replace(tzinfo=UTC))


def _merge(doc: _Doc, old: Obj, new: Obj) -> None:
    """Fold a second finding of the same entity (or the same fact) into the first."""
    for key, value in new.items():
        old.setdefault(key, value)
    if "aliases" in new:
        old["aliases"] = sorted(set(old["aliases"]) | set(new["aliases"]))
    mine, theirs = old["extensions"][_PROVENANCE], new["extensions"][_PROVENANCE]
    spans = tuple((start, end) for start, end in (*mine.get("spans", ()), *theirs.get("spans", ())))
    aliases = (*mine.get("aliases", ()), *theirs.get("aliases", ()))
    old["extensions"][_PROVENANCE] = doc.provenance(spans, aliases)
