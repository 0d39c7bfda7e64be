"""A MISP event as STIX 2.1 objects: the event a report, its creator organisation an
identity, attributes and objects indicators, observed-data or notes, object references
relationships, galaxy clusters SDOs, sightings sightings (a false positive an opinion), tags
labels and tlp:* tags the TLP 2.0 markings. Ids are UUIDv5 over the MISP uuids, so that
importing an event again gives the same objects. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from accord.errors import FileReadError
from accord.stix.extensions import ACCORD_IDENTITY_ID, accord_identity
from accord.stix.markings import TLP_MARKING_IDS, tlp2_extension_definition, tlp_marking
from accord.stix.misp import attributes as one
from accord.stix.misp.extension import FIXED_EPOCH, entry, misp_extension_definition, misp_id
from accord.stix.misp.galaxies import cluster_object, clusters
from accord.stix.misp.read import (
    day,
    flag,
    integer,
    require_uuid,
    scope_of,
    stamp,
    tag_names,
    unwrap,
)
from accord.stix.misp.scope import Scope, narrower, stricter
from accord.stix.misp.sightings import sighting_objects
from accord.vocab import TLP

Obj = dict[str, Any]
_RELATIONSHIP = re.compile(r"[^a-z0-9]+")
_INDICATED = frozenset({"attack-pattern", "campaign", "infrastructure", "intrusion-set",
                        "malware", "threat-actor", "tool"})  # fmt: skip


@dataclass(slots=True)
class Converted:
    """A MISP event converted: its objects, the sharing the event asks for, the narrower
    sharing some of its parts ask for (by object id), and what conversion had to say."""

    event_uuid: str
    report_id: str
    event_scope: Scope
    objects: list[Obj] = field(default_factory=list)
    scopes: dict[str, Scope] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def objects_in(self, ids: set[str]) -> list[Obj]:
        """The objects of one part of the event, in their order."""
        return [obj for obj in self.objects if obj["id"] in ids]


class _Event:
    def __init__(self, source: str, event: Obj) -> None:
        self.source, self.event = source, event
        self.uuid = require_uuid(source, "event", event.get("uuid"))
        self.scope = scope_of(source, "event", event, event=True)
        self.when = (stamp(source, "event timestamp", event.get("timestamp"))
                     or day(source, event.get("date")) or FIXED_EPOCH)  # fmt: skip
        self.out = Converted(self.uuid, misp_id("report", self.uuid), self.scope)
        self.by_id: dict[str, Obj] = {}
        self.uuids: dict[str, str] = {}  # MISP uuid -> STIX id
        creator = event.get("Orgc") or event.get("Org")
        self.author = self.organisation(creator, "Orgc") if creator is not None else None
        if isinstance(event.get("Org"), dict) and event.get("Orgc"):
            self.organisation(event["Org"], "Org")  # the organisation holding the event

    # --- helpers ------------------------------------------------------------------------
    def add(self, obj: Obj, scope: Scope | None = None) -> str:
        """Add an object once. What several parts of the event share (an SCO, a cluster)
        goes with the first that names it, or with the event when any part inherits."""
        ident = str(obj["id"])
        inherits = scope is None or scope.inherits or _same(narrower(self.scope, scope), self.scope)
        if ident not in self.by_id:
            self.by_id[ident] = obj
            self.out.objects.append(obj)
            if not inherits:
                self.out.scopes[ident] = scope  # type: ignore[assignment]
        elif inherits:
            self.out.scopes.pop(ident, None)
        return ident

    def markings(self, tlp: TLP | None) -> list[str]:
        level = stricter(self.scope.tlp, tlp)
        return [TLP_MARKING_IDS[level]] if level else []

    def common(self, tlp: TLP | None) -> Obj:
        marks = self.markings(tlp)
        author = {"created_by_ref": self.author} if self.author else {}
        return {**author, **({"object_marking_refs": marks} if marks else {})}

    def organisation(self, org: object, where: str) -> str:
        if not isinstance(org, dict) or not isinstance(org.get("name"), str):
            raise FileReadError(self.source, f"MISP event: {where}: an organisation needs a name")
        key = require_uuid(self.source, where, org.get("uuid")) if org.get("uuid") else None
        identity = {
            "type": "identity", "spec_version": "2.1",
            # the name too: an organisation renamed is another identity, not a conflicting version
            "id": misp_id("identity", "org", key or "", org["name"].strip().casefold()),
            "created": FIXED_EPOCH, "modified": FIXED_EPOCH, "name": org["name"],
            "identity_class": "organization",
            "extensions": entry(kind="organisation", uuid=key),
        }  # fmt: skip
        return self.add(identity)

    # --- the event's parts --------------------------------------------------------------
    def attributes(self) -> None:
        for position, attribute in enumerate(self.event.get("Attribute") or []):
            where = f"attribute #{position}"
            self.check_attribute(attribute, where)
            if flag(attribute.get("deleted")):
                self.out.notes.append(f"{where} ({attribute['uuid']}) is deleted in MISP: left out")
                continue
            scope = scope_of(self.source, where, attribute)
            obj = one.single(self.source, attribute, self.common(scope.tlp), self.when)
            self.place(obj, scope, attribute)
            self.attached(attribute, obj["id"], scope)

    def objects(self) -> None:
        for position, misp_object in enumerate(self.event.get("Object") or []):
            where = f"object #{position}"
            if not isinstance(misp_object, dict):
                raise FileReadError(self.source, f"MISP event: {where} is not a JSON object")
            require_uuid(self.source, where, misp_object.get("uuid"))
            if flag(misp_object.get("deleted")):
                self.out.notes.append(f"{where} ({misp_object['uuid']}) is deleted: left out")
                continue
            members = []
            scope = scope_of(self.source, where, misp_object)
            for index, attribute in enumerate(misp_object.get("Attribute") or []):
                self.check_attribute(attribute, f"{where} attribute #{index}")
                if not flag(attribute.get("deleted")):
                    members.append(attribute)
                    scope = narrower(scope, scope_of(self.source, where, attribute))
            obj = one.combined(self.source, misp_object, members, self.common(scope.tlp),
                               self.when)  # fmt: skip
            self.place(obj, scope, misp_object)
            for attribute in members:
                self.uuids[attribute["uuid"].lower()] = obj["id"]
                self.attached(attribute, obj["id"], scope)

    def place(self, obj: Obj, scope: Scope, element: Obj) -> None:
        for sco in obj.pop("_scos", []):
            self.add(sco, scope)
        if obj["type"] == "note":
            obj["object_refs"] = [self.out.report_id]
        self.add(obj, scope)
        self.uuids[str(element["uuid"]).lower()] = obj["id"]
        kind = obj["type"]
        self.out.counts[kind] = self.out.counts.get(kind, 0) + 1

    def attached(self, attribute: Obj, stix_id: str, scope: Scope) -> None:
        """An attribute's galaxy clusters (related to what it became) and its sightings."""
        for galaxy, cluster in clusters(self.source, attribute):
            target = self.cluster(galaxy, cluster, scope)
            if target is not None:
                self.relate(stix_id, target, "related-to", None, scope)
        for obj in sighting_objects(self.source, attribute, stix_id, self.organisation,
                                    self.common(scope.tlp)):  # fmt: skip
            self.add(obj, scope)

    def cluster(self, galaxy: Obj, cluster: Obj, scope: Scope | None) -> str | None:
        obj = cluster_object(self.source, galaxy, cluster)
        if obj is None:
            self.out.notes.append(f"galaxy cluster {cluster['value']!r} ({galaxy.get('type')}) "
                                  "has no STIX counterpart: kept as its tag")  # fmt: skip
            return None
        return self.add(obj, scope)

    def relate(self, source_id: str, target_id: str, kind: str, key: str | None,
               scope: Scope | None) -> None:  # fmt: skip
        source_type, target_type = source_id.split("--")[0], target_id.split("--")[0]
        if kind == "related-to" and source_type == "indicator" and target_type in _INDICATED:
            kind = "indicates"
        name = _RELATIONSHIP.sub("-", kind.lower()).strip("-") or "related-to"
        ident = (
            misp_id("relationship", key)
            if key
            else misp_id("relationship", source_id, name, target_id)
        )
        self.add({
            "type": "relationship", "spec_version": "2.1", "id": ident, "created": self.when,
            "modified": self.when, "relationship_type": name, "source_ref": source_id,
            "target_ref": target_id, **self.common(scope.tlp if scope else None),
            **({"extensions": entry(kind="object-reference", uuid=key, relationship_type=kind)}
               if key else {}),
        }, scope)  # fmt: skip

    def references(self) -> None:
        for misp_object in self.event.get("Object") or []:
            source_id = self.uuids.get(str(misp_object.get("uuid")).lower())
            for ref in misp_object.get("ObjectReference") or []:
                if not isinstance(ref, dict) or source_id is None:
                    continue
                target = self.uuids.get(str(ref.get("referenced_uuid")).lower())
                if target is None:
                    self.out.notes.append(f"object reference {ref.get('uuid')} points outside "
                                          "the event: left out")  # fmt: skip
                    continue
                scope = narrower(self.out.scopes.get(source_id, Scope()),
                                 self.out.scopes.get(target, Scope()))  # fmt: skip
                key = require_uuid(self.source, "object reference", ref.get("uuid"))
                self.relate(source_id, target, str(ref.get("relationship_type") or "related-to"),
                            key, scope)  # fmt: skip

    def check_attribute(self, attribute: object, where: str) -> None:
        if not isinstance(attribute, dict):
            raise FileReadError(self.source, f"MISP event: {where} is not a JSON object")
        for name in ("type", "value"):
            if not isinstance(attribute.get(name), str) or not attribute[name]:
                raise FileReadError(self.source, f"MISP event: {where}: '{name}' missing")
        attribute["uuid"] = require_uuid(self.source, where, attribute.get("uuid"))

    def report(self) -> None:
        event = self.event
        for galaxy, cluster in clusters(self.source, event):
            self.cluster(galaxy, cluster, None)
        links = [a for a in event.get("Attribute") or []
                 if a.get("type") == "link" and not flag(a.get("deleted"))]  # fmt: skip
        # The report lists what shares the event's sharing: whatever the user's sharing and
        # however the event is split, that is always in the report's own source.
        facts = [o["id"] for o in self.out.objects
                 if o["type"] not in ("extension-definition", "marking-definition")
                 and o["id"] != ACCORD_IDENTITY_ID and o["id"] not in self.out.scopes]  # fmt: skip
        published = (stamp(self.source, "publish_timestamp", event.get("publish_timestamp"))
                     or day(self.source, event.get("date")) or self.when)  # fmt: skip
        tags = tag_names(event)
        report: Obj = {
            "type": "report", "spec_version": "2.1", "id": self.out.report_id,
            "created": self.when, "modified": self.when,
            "name": str(event.get("info") or f"MISP event {self.uuid}"), "published": published,
            **self.common(None), **({"labels": tags} if tags else {}),
            # STIX asks for at least one: an empty event names the identity that converted it
            "object_refs": [i for i in facts if i != self.out.report_id] or [ACCORD_IDENTITY_ID],
        }  # fmt: skip
        report["external_references"] = [{"source_name": "misp", "external_id": self.uuid}] + [
            {"source_name": "misp-link", "url": str(a["value"]), "external_id": str(a["uuid"])}
            for a in links
        ]
        report["extensions"] = entry(
            kind="event", uuid=self.uuid,
            distribution=integer(self.source, "distribution", event.get("distribution")),
            sharing_group=self.scope.group,
            threat_level=integer(self.source, "threat_level_id", event.get("threat_level_id")),
            analysis=integer(self.source, "analysis", event.get("analysis")),
            published=flag(event.get("published")) if "published" in event else None,
            timestamp=integer(self.source, "timestamp", event.get("timestamp")),
            org=_org(event.get("Org")), orgc=_org(event.get("Orgc")),
            extends_uuid=event.get("extends_uuid") or None,
            related_events=_related(event.get("RelatedEvent")) or None,
        )  # fmt: skip
        self.add(report)
        proposals = len(event.get("ShadowAttribute") or []) + sum(
            len(a.get("ShadowAttribute") or []) for a in event.get("Attribute") or []
        )
        if proposals:
            self.out.notes.append(f"{proposals} proposals (ShadowAttribute) are not the "
                                  "event's own: left out")  # fmt: skip


def _same(a: Scope, b: Scope) -> bool:
    """Two scopes that ask the same (whatever MISP level they were written as)."""
    return (a.tlp, a.distribution, a.group) == (b.tlp, b.distribution, b.group)


def _related(found: object) -> list[dict[str, Any]]:
    """The events MISP correlated with this one: their uuid, info and date."""
    related = []
    for item in found if isinstance(found, list) else []:
        other = item.get("Event", item) if isinstance(item, dict) else None
        if isinstance(other, dict) and other.get("uuid"):
            related.append({k: other[k] for k in ("uuid", "info", "date") if other.get(k)})
    return related


def _org(org: object) -> dict[str, Any] | None:
    if not isinstance(org, dict):
        return None
    return {k: org[k] for k in ("name", "uuid") if org.get(k)} or None


def convert_event(source: str, data: object) -> Converted:
    """Every STIX object of one MISP event (wrapped or not), in a fixed order."""
    event = _Event(source, unwrap(source, data))
    for definition in (accord_identity(), misp_extension_definition()):
        event.add(definition)
    event.attributes()
    event.objects()
    event.references()
    event.report()
    used = {m for o in event.out.objects for m in o.get("object_marking_refs", [])}
    levels = [tlp for tlp, ident in TLP_MARKING_IDS.items() if ident in used]
    if levels:
        event.out.objects[:0] = [tlp2_extension_definition(), *map(tlp_marking, levels)]
    return event.out
