"""Small original MISP events for tests, in MISP's core JSON format (numbers as strings, as
a MISP server exports them)."""

from __future__ import annotations

import copy
import uuid
from typing import Any

Obj = dict[str, Any]
ORG = {"id": "7", "name": "Test CERT", "uuid": "0b4c8a9e-3f5d-4e4a-9c1b-5b7a3d2e1f00"}


def _uuid(label: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"accord-test:{label}"))


def attribute(label: str, misp_type: str, value: str, *, to_ids: bool, **extra: Any) -> Obj:
    return {"id": "1", "uuid": _uuid(label), "type": misp_type, "category": "Network activity",
            "value": value, "to_ids": to_ids, "distribution": "5", "sharing_group_id": "0",
            "timestamp": "1700000000", "comment": "", "deleted": False, **extra}  # fmt: skip


def event(distribution: str = "1", tags: tuple[str, ...] = ("tlp:green",), **extra: Any) -> Obj:
    """An event: 2 detection attributes, 1 observable, 1 comment, a file object referring to
    the domain, a threat-actor cluster and a sighting of the domain."""
    domain = attribute("domain", "domain", "bad.example", to_ids=True,
                       Sighting=[{"uuid": _uuid("sighting"), "type": "0",
                                  "date_sighting": "1700000100", "Organisation": ORG}])  # fmt: skip
    body = {
        "id": "12", "uuid": _uuid("event"), "info": "Test event: phishing wave",
        "date": "2023-11-14", "timestamp": "1700000200", "publish_timestamp": "1700000300",
        "published": True, "distribution": distribution, "sharing_group_id": "0",
        "threat_level_id": "2", "analysis": "1", "Orgc": ORG, "Org": ORG,
        "Tag": [{"name": name} for name in tags],
        "Attribute": [
            domain,
            attribute("md5", "md5", "d41d8cd98f00b204e9800998ecf8427e", to_ids=True,
                      category="Payload delivery"),
            attribute("ip", "ip-dst", "192.0.2.7", to_ids=False),
            attribute("comment", "comment", "Seen in a mail campaign", to_ids=False,
                      category="Other"),
        ],
        "Object": [{
            "uuid": _uuid("object"), "name": "file", "meta-category": "file",
            "distribution": "5", "sharing_group_id": "0", "timestamp": "1700000150",
            "comment": "dropper", "deleted": False,
            "Attribute": [
                attribute("object-sha256", "sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                          to_ids=True, object_relation="sha256"),
                attribute("object-name", "filename", "invoice.exe", to_ids=True,
                          object_relation="filename"),
                attribute("object-state", "text", "Malicious", to_ids=False,
                          object_relation="state"),
            ],
            "ObjectReference": [{"uuid": _uuid("reference"), "relationship_type": "communicates-with",
                                 "referenced_uuid": _uuid("domain")}],
        }],
        "Galaxy": [{"type": "threat-actor", "name": "Threat Actor", "uuid": _uuid("galaxy"),
                    "GalaxyCluster": [{"uuid": _uuid("cluster"), "value": "Example Bear",
                                       "type": "threat-actor", "description": "An actor.",
                                       "tag_name": 'misp-galaxy:threat-actor="Example Bear"',
                                       "version": "3",
                                       "meta": {"synonyms": ["EB"], "country": ["XX"],
                                                "refs": ["https://example.org/eb"]}}]}],
    }  # fmt: skip
    body.update(copy.deepcopy(extra))
    return {"Event": body}


def with_sharing_group(name: str, *, level: str = "4") -> Obj:
    """An event shared with a MISP sharing group of this name (the core format embeds it)."""
    found = event(distribution=level)
    found["Event"]["sharing_group_id"] = "3"
    found["Event"]["SharingGroup"] = {"id": "3", "name": name, "uuid": _uuid("group")}
    return found
