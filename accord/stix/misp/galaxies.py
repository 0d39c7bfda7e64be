"""MISP galaxy clusters as the STIX SDOs they describe (threat actors, intrusion sets,
malware, tools, attack patterns, courses of action), their meta kept in the extension.
Clusters of galaxies with no STIX counterpart stay as the tags that name them."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from accord.stix.misp.extension import FIXED_EPOCH, entry, misp_id
from accord.stix.misp.read import integer, require_uuid
from accord.stix.timestamps import timestamp_error

Obj = dict[str, Any]

_MALWARE_GALAXIES = frozenset(
    {"ransomware", "botnet", "rat", "banker", "stealer", "android", "backdoor", "malpedia"}
)
_BY_SUFFIX = (
    ("intrusion-set", "intrusion-set"), ("attack-pattern", "attack-pattern"),
    ("course-of-action", "course-of-action"), ("threat-actor", "threat-actor"),
    ("malware", "malware"), ("exploit-kit", "tool"), ("tool", "tool"),
)  # fmt: skip


def sdo_type(galaxy_type: str) -> str | None:
    """The STIX type a galaxy's clusters become, or None."""
    if galaxy_type in _MALWARE_GALAXIES:
        return "malware"
    for suffix, type_name in _BY_SUFFIX:
        if galaxy_type == suffix or galaxy_type.endswith("-" + suffix):
            return type_name
    return None


def clusters(source: str, holder: Obj) -> list[tuple[Obj, Obj]]:
    """(galaxy, cluster) for every cluster an event or attribute carries."""
    found = []
    for galaxy in holder.get("Galaxy") or []:
        if isinstance(galaxy, dict):
            for cluster in galaxy.get("GalaxyCluster") or []:
                if isinstance(cluster, dict) and isinstance(cluster.get("value"), str):
                    found.append((galaxy, cluster))
    return found


def cluster_object(source: str, galaxy: Obj, cluster: Obj) -> Obj | None:
    """The SDO of one cluster, or None when its galaxy has no STIX counterpart. A cluster is
    the galaxy's public knowledge, the same in every event that names it, so it carries no
    event's marking: two events under different TLP levels give the same object."""
    galaxy_type = str(galaxy.get("type") or cluster.get("type") or "")
    type_name = sdo_type(galaxy_type)
    if type_name is None:
        return None
    value = cluster["value"].strip()
    where = f"galaxy cluster {value!r}"
    key = cluster.get("uuid")
    parts = [require_uuid(source, where, key) if key else galaxy_type, value]
    found_meta = cluster.get("meta")
    meta: Obj = found_meta if isinstance(found_meta, dict) else {}
    version = integer(source, f"{where}: version", cluster.get("version"), 0) or 0
    obj: Obj = {
        "type": type_name, "spec_version": "2.1", "id": misp_id(type_name, "cluster", *parts),
        "created": FIXED_EPOCH, "modified": _after_epoch(version), "name": value,
    }  # fmt: skip
    if isinstance(cluster.get("description"), str) and cluster["description"].strip():
        obj["description"] = cluster["description"]
    if type_name == "malware":
        obj["is_family"] = True
    aliases = [s for s in meta.get("synonyms") or [] if isinstance(s, str) and s != value]
    if aliases and type_name != "course-of-action":
        obj["aliases"] = aliases
    references = _references(meta, type_name)
    if references:
        obj["external_references"] = references
    phases = kill_chain(meta) if type_name in ("attack-pattern", "malware", "tool") else []
    if phases:
        obj["kill_chain_phases"] = phases
    if isinstance(cluster.get("tag_name"), str):
        obj["labels"] = [cluster["tag_name"]]
    obj["extensions"] = entry(
        kind="galaxy-cluster", uuid=key or None, value=value,
        galaxy={k: galaxy[k] for k in ("type", "name", "uuid", "namespace") if galaxy.get(k)},
        meta=meta or None, source=cluster.get("source"), authors=cluster.get("authors"),
        version=cluster.get("version"),
    )  # fmt: skip
    return obj


def _after_epoch(version: int) -> str:
    """A cluster's `modified`: its MISP version as seconds after the fixed epoch, so that a
    newer cluster version is a newer STIX version."""
    from datetime import datetime

    start = datetime.strptime(FIXED_EPOCH, "%Y-%m-%dT%H:%M:%S.000Z")
    moment = start + timedelta(seconds=max(0, min(version, 10**9)))
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    assert timestamp_error(stamp) is None
    return stamp


def _references(meta: Obj, type_name: str) -> list[Obj]:
    ids = meta.get("external_id")
    ids = ids if isinstance(ids, list) else [ids]
    references: list[Obj] = []
    for external_id in ids:
        if isinstance(external_id, str) and external_id.strip():
            text = external_id.strip()
            name = next((n for p, n in _ID_SOURCES if p.fullmatch(text.upper())), "misp-galaxy")
            references.append({"source_name": name, "external_id": text})
    for url in meta.get("refs") or []:
        if isinstance(url, str) and url.strip():
            references.append({"source_name": "reference", "url": url.strip()})
    return references


_ID_SOURCES = (
    (re.compile(r"CAPEC-\d+"), "capec"), (re.compile(r"CVE-\d{4}-\d{4,}"), "cve"),
    (re.compile(r"[TMSG]\d{4}(\.\d{3})?"), "mitre-attack"),
)  # fmt: skip


def kill_chain(meta: Obj) -> list[Obj]:
    """``mitre-attack:enterprise-attack:credential-access`` as a kill-chain phase."""
    phases = []
    for item in meta.get("kill_chain") or []:
        if isinstance(item, str) and ":" in item:
            name, _, phase = item.partition(":")
            phase = phase.rsplit(":", 1)[-1]
            if name and phase and {"kill_chain_name": name, "phase_name": phase} not in phases:
                phases.append({"kill_chain_name": name, "phase_name": phase})
    return phases
