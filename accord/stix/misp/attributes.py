"""One MISP attribute, or one MISP object's attributes together, as a STIX 2.1 object: an
indicator when MISP marks something for detection (``to_ids``), observed-data with its SCOs
when it describes observables only, a note for everything else. Pure."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from accord.stix.misp.extension import entry, misp_id
from accord.stix.misp.patterns import (
    PATTERN_LANGUAGES,
    Comparison,
    comparisons,
    observables,
    sco_id,
)
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
        "sharing_group": _group(attribute),
    }.items() if v is not None}  # fmt: skip


def _group(element: Obj) -> Obj | None:
    group = element.get("SharingGroup")
    if isinstance(group, dict) and group.get("name"):
        return {k: group[k] for k in ("name", "uuid") if group.get(k)}
    return None


def window(source: str, element: Obj, when: str) -> tuple[str, str | None]:
    """When MISP says an attribute or object was first and last seen (else its timestamp),
    as (start, end); `end` is None unless it is later than `start`."""
    start = moment(source, element.get("first_seen")) or when
    end = moment(source, element.get("last_seen"))
    return start, end if end is not None and end > start else None


def moment(source: str, value: object) -> str | None:
    """An ISO 8601 time (MISP's first_seen, last_seen) or epoch seconds as a STIX timestamp;
    None when absent or unreadable (it stays in the extension as written)."""
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        return stamp(source, "first_seen/last_seen", value)
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def single(source: str, attribute: Obj, common: Obj, fallback: str) -> Obj:
    """The STIX object of a stand-alone attribute (``common`` holds created_by_ref and the
    markings)."""
    misp_type, value = str(attribute["type"]), str(attribute["value"])
    when = stamp(source, "attribute timestamp", attribute.get("timestamp")) or fallback
    labels = tag_names(attribute)
    record = attribute_record(source, attribute)
    data = attribute.get("data") if isinstance(attribute.get("data"), str) else None
    kept = entry(kind="attribute", **record)
    base = {"created": when, "modified": when, **common, **({"labels": labels} if labels else {})}
    language = PATTERN_LANGUAGES.get(misp_type)
    found = comparisons(misp_type, value)
    seen = window(source, attribute, when)
    if language and flag(attribute.get("to_ids")):
        return _indicator(attribute["uuid"], value, language, base, attribute, kept, seen)
    if found and flag(attribute.get("to_ids")):
        return _indicator(attribute["uuid"], stix_pattern(found), "stix", base, attribute, kept,
                          seen)  # fmt: skip
    if data and misp_type in ("attachment", "malware-sample"):
        return _sample(attribute["uuid"], value, data, base, kept, seen)
    if found:
        return _observed(attribute["uuid"], found, base, kept, seen)
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
    span = window(source, obj, when)
    if detect:
        return _indicator(obj["uuid"], stix_pattern(detect), "stix", base, obj, kept, span, name)
    if seen:
        return _observed(obj["uuid"], seen, base, kept, span)
    lines = "\n".join(f"{a.get('object_relation') or a['type']}: {a['value']}" for a in attributes)
    return _note(obj["uuid"], f"MISP object: {name}", lines or name, base, kept)


def _indicator(key: str, pattern: str, language: str, base: Obj, element: Obj, kept: Obj,
               seen: tuple[str, str | None], name: str | None = None) -> Obj:  # fmt: skip
    obj: Obj = {"type": "indicator", "spec_version": "2.1", "id": misp_id("indicator", key),
                **base, "name": name or str(element.get("value"))[:200],
                "pattern": pattern, "pattern_type": language, "valid_from": seen[0]}  # fmt: skip
    if seen[1]:
        obj["valid_until"] = seen[1]
    if element.get("comment"):
        obj["description"] = str(element["comment"])
    obj["extensions"] = kept
    return obj


def _observed(key: str, found: list[Comparison], base: Obj, kept: Obj,
              seen: tuple[str, str | None], scos: list[Obj] | None = None) -> Obj:  # fmt: skip
    scos = scos if scos is not None else observables(found)
    return {"type": "observed-data", "spec_version": "2.1", "id": misp_id("observed-data", key),
            **base, "first_observed": seen[0], "last_observed": seen[1] or seen[0],
            "number_observed": 1, "object_refs": [s["id"] for s in scos], "extensions": kept,
            "_scos": scos}  # fmt: skip


def _sample(key: str, value: str, data: str, base: Obj, kept: Obj,
            seen: tuple[str, str | None]) -> Obj:  # fmt: skip
    """An attachment or malware sample with its content: an artifact holding the bytes
    (base64, as MISP gives them) and the file they are."""
    name, _, md5 = value.partition("|")
    artifact: Obj = {"type": "artifact", "spec_version": "2.1", "payload_bin": data}
    artifact = {"type": "artifact", "spec_version": "2.1", "id": sco_id(artifact),
                "payload_bin": data}  # fmt: skip
    file: Obj = {"type": "file", "spec_version": "2.1", "name": name.strip() or "attachment"}
    if md5.strip():
        file["hashes"] = {"MD5": md5.strip()}
    file = {"type": "file", "spec_version": "2.1", "id": sco_id(file),
            **{k: v for k, v in file.items() if k not in ("type", "spec_version")},
            "content_ref": artifact["id"]}  # fmt: skip
    return _observed(key, [], base, kept, seen, [file, artifact])


def _note(key: str, abstract: str, content: str, base: Obj, kept: Obj) -> Obj:
    return {"type": "note", "spec_version": "2.1", "id": misp_id("note", key), **base,
            "abstract": abstract[:200], "content": content or abstract, "extensions": kept,
            "object_refs": []}  # fmt: skip
