"""One MISP attribute, or one MISP object's attributes together, as a STIX 2.1 object: an
indicator when MISP marks something for detection (``to_ids``), observed-data with its SCOs
when it describes observables only, a note for everything else. Pure."""

from __future__ import annotations

import re
from typing import Any

from accord.stix.misp.extension import entry, misp_id
from accord.stix.misp.patterns import PATTERN_LANGUAGES, Comparison, comparisons, observables
from accord.stix.misp.patterns import pattern as stix_pattern
from accord.stix.misp.read import flag, integer, stamp, tag_names

Obj = dict[str, Any]
_CVE = re.compile(r"CVE-\d{4}-\d{4,}")


def attribute_record(source: str, attribute: Obj) -> Obj:
    """What the extension keeps of an attribute (as MISP wrote it, in MISP's names)."""
    return {k: v for k, v in {
        "uuid": attribute.get("uuid"), "object_relation": attribute.get("object_relation"),
        "misp_type": attribute.get("type"), "category": attribute.get("category"),
        "value": attribute.get("value"), "to_ids": flag(attribute.get("to_ids")),
        "comment": attribute.get("comment") or None,
        "distribution": integer(source, "attribute distribution", attribute.get("distribution")),
        "first_seen": attribute.get("first_seen"), "last_seen": attribute.get("last_seen"),
        "timestamp": integer(source, "attribute timestamp", attribute.get("timestamp")),
    }.items() if v is not None}  # fmt: skip


def single(source: str, attribute: Obj, common: Obj, fallback: str) -> Obj:
    """The STIX object of a stand-alone attribute (``common`` holds created_by_ref and the
    markings)."""
    misp_type, value = str(attribute["type"]), str(attribute["value"])
    when = stamp(source, "attribute timestamp", attribute.get("timestamp")) or fallback
    labels = tag_names(attribute)
    record = attribute_record(source, attribute)
    kept = entry(kind="attribute", **record, data=attribute.get("data"))
    base = {"created": when, "modified": when, **common, **({"labels": labels} if labels else {})}
    language = PATTERN_LANGUAGES.get(misp_type)
    found = comparisons(misp_type, value)
    if language and flag(attribute.get("to_ids")):
        return _indicator(attribute["uuid"], value, language, base, attribute, kept, when)
    if found and flag(attribute.get("to_ids")):
        return _indicator(attribute["uuid"], stix_pattern(found), "stix", base, attribute, kept,
                          when)  # fmt: skip
    if found:
        return _observed(attribute["uuid"], found, base, kept, when)
    if misp_type == "vulnerability" and _CVE.fullmatch(value.strip().upper()):
        return {"type": "vulnerability", "spec_version": "2.1",
                "id": misp_id("vulnerability", attribute["uuid"]), **base,
                "name": value.strip().upper(), "external_references": [
                    {"source_name": "cve", "external_id": value.strip().upper()}],
                "extensions": kept}  # fmt: skip
    return _note(attribute["uuid"], f"{attribute.get('category') or 'MISP'}: {misp_type}",
                 value, base, kept)  # fmt: skip


def combined(source: str, obj: Obj, attributes: list[Obj], common: Obj, fallback: str) -> Obj:
    """One STIX object for a MISP object: an indicator of its ``to_ids`` observables, else
    observed-data of its observables, else a note; every attribute is in the extension."""
    when = stamp(source, "object timestamp", obj.get("timestamp")) or fallback
    detect: list[Comparison] = []
    seen: list[Comparison] = []
    for attribute in attributes:
        found = comparisons(str(attribute["type"]), str(attribute["value"])) or []
        seen.extend(found)
        if flag(attribute.get("to_ids")):
            detect.extend(found)
    labels = sorted({tag for a in attributes for tag in tag_names(a)})
    base = {"created": when, "modified": when, **common, **({"labels": labels} if labels else {})}
    kept = entry(
        kind="object", uuid=obj["uuid"], object_name=obj.get("name"),
        meta_category=obj.get("meta-category"), template_uuid=obj.get("template_uuid"),
        comment=obj.get("comment") or None,
        distribution=integer(source, "object distribution", obj.get("distribution")),
        timestamp=integer(source, "object timestamp", obj.get("timestamp")),
        attributes=[attribute_record(source, a) for a in attributes],
    )  # fmt: skip
    name = str(obj.get("name") or "object")
    if detect:
        return _indicator(obj["uuid"], stix_pattern(detect), "stix", base, obj, kept, when, name)
    if seen:
        return _observed(obj["uuid"], seen, base, kept, when)
    lines = "\n".join(f"{a.get('object_relation') or a['type']}: {a['value']}" for a in attributes)
    return _note(obj["uuid"], f"MISP object: {name}", lines or name, base, kept)


def _indicator(key: str, pattern: str, language: str, base: Obj, element: Obj, kept: Obj,
               when: str, name: str | None = None) -> Obj:  # fmt: skip
    obj: Obj = {"type": "indicator", "spec_version": "2.1", "id": misp_id("indicator", key),
                **base, "name": name or str(element.get("value"))[:200],
                "pattern": pattern, "pattern_type": language, "valid_from": when}  # fmt: skip
    if element.get("comment"):
        obj["description"] = str(element["comment"])
    obj["extensions"] = kept
    return obj


def _observed(key: str, found: list[Comparison], base: Obj, kept: Obj, when: str) -> Obj:
    scos = observables(found)
    return {"type": "observed-data", "spec_version": "2.1", "id": misp_id("observed-data", key),
            **base, "first_observed": when, "last_observed": when, "number_observed": 1,
            "object_refs": [s["id"] for s in scos], "extensions": kept,
            "_scos": scos}  # fmt: skip


def _note(key: str, abstract: str, content: str, base: Obj, kept: Obj) -> Obj:
    return {"type": "note", "spec_version": "2.1", "id": misp_id("note", key), **base,
            "abstract": abstract[:200], "content": content or abstract, "extensions": kept,
            "object_refs": []}  # fmt: skip
