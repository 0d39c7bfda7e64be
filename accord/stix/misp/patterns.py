"""MISP attribute types as STIX 2.1: the comparison each observable type gives in a pattern,
the SCO it describes, and the types that are patterns in another language. One table."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import Any

Obj = dict[str, Any]
Comparison = tuple[str, str, str | int]  # (SCO type, property path, value)

# type -> the (SCO type, property path) of each "|"-separated part of its value.
OBSERVABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "md5": (("file", "hashes.MD5"),),
    "sha1": (("file", "hashes.'SHA-1'"),),
    "sha256": (("file", "hashes.'SHA-256'"),),
    "sha512": (("file", "hashes.'SHA-512'"),),
    "sha3-256": (("file", "hashes.'SHA3-256'"),),
    "sha3-512": (("file", "hashes.'SHA3-512'"),),
    "ssdeep": (("file", "hashes.SSDEEP"),),
    "tlsh": (("file", "hashes.TLSH"),),
    "filename": (("file", "name"),),
    "filename|md5": (("file", "name"), ("file", "hashes.MD5")),
    "filename|sha1": (("file", "name"), ("file", "hashes.'SHA-1'")),
    "filename|sha256": (("file", "name"), ("file", "hashes.'SHA-256'")),
    "filename|sha512": (("file", "name"), ("file", "hashes.'SHA-512'")),
    "filename|ssdeep": (("file", "name"), ("file", "hashes.SSDEEP")),
    "ip-src": (("ip", "value"),),
    "ip-dst": (("ip", "value"),),
    "ip-src|port": (("ip", "value"), ("port", "")),
    "ip-dst|port": (("ip", "value"), ("port", "")),
    "domain": (("domain-name", "value"),),
    "hostname": (("domain-name", "value"),),
    "domain|ip": (("domain-name", "value"), ("ip", "value")),
    "hostname|port": (("domain-name", "value"), ("port", "")),
    "url": (("url", "value"),),
    "uri": (("url", "value"),),
    "email": (("email-addr", "value"),),
    "email-src": (("email-addr", "value"),),
    "email-dst": (("email-addr", "value"),),
    "email-subject": (("email-message", "subject"),),
    "regkey": (("windows-registry-key", "key"),),
    "regkey|value": (("windows-registry-key", "key"),
                     ("windows-registry-key", "values[*].data")),
    "mutex": (("mutex", "name"),),
    "mac-address": (("mac-addr", "value"),),
    "AS": (("autonomous-system", "number"),),
    "x509-fingerprint-md5": (("x509-certificate", "hashes.MD5"),),
    "x509-fingerprint-sha1": (("x509-certificate", "hashes.'SHA-1'"),),
    "x509-fingerprint-sha256": (("x509-certificate", "hashes.'SHA-256'"),),
}  # fmt: skip

# Attributes whose value is itself a pattern in another language (STIX pattern-type-ov).
PATTERN_LANGUAGES = {"yara": "yara", "snort": "snort", "sigma": "sigma", "pcre": "pcre"}

_SCO_NAMESPACE = uuid.UUID("00abedb4-aa42-466c-9c01-fed23315a9b7")  # STIX 2.1 §2.9
_ID_PROPERTIES = {
    "file": ("hashes", "name"), "windows-registry-key": ("key", "values"),
    "email-message": ("subject",), "x509-certificate": ("hashes",),
    "mutex": ("name",), "autonomous-system": ("number",), "artifact": ("hashes", "payload_bin"),
}  # fmt: skip


def comparisons(misp_type: str, value: str) -> list[Comparison] | None:
    """The comparisons an observable attribute gives, or None when its type is no observable
    (or its value does not have the parts its type says)."""
    table = OBSERVABLES.get(misp_type)
    if table is None:
        return None
    parts = value.split("|") if len(table) > 1 else [value]
    if len(parts) != len(table) or not all(p.strip() for p in parts):
        return None
    found: list[Comparison] = []
    for (sco, path), part in zip(table, parts, strict=True):
        part = part.strip()
        if sco == "ip":
            sco = "ipv6-addr" if ":" in part else "ipv4-addr"
        elif sco == "port" or path == "number":
            if not part.isdigit():
                return None
            if sco == "port":
                continue  # a port belongs to traffic, not to the address: kept in the extension
            found.append((sco, path, int(part)))
            continue
        found.append((sco, path, part))
    return found


def pattern(found: Iterable[Comparison]) -> str:
    """A STIX pattern: one observation per SCO type, its comparisons joined by AND, the
    observations joined by AND."""
    by_type: dict[str, list[str]] = {}
    for sco, path, value in found:
        comparison = f"{sco}:{path} = {_literal(value)}"
        if comparison not in by_type.setdefault(sco, []):
            by_type[sco].append(comparison)
    return " AND ".join(f"[{' AND '.join(items)}]" for items in by_type.values())


def _literal(value: str | int) -> str:
    if isinstance(value, int):
        return str(value)
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def observables(found: Iterable[Comparison]) -> list[Obj]:
    """The SCOs the comparisons describe: properties of one type merge into one SCO until a
    property would be given a second value, which starts another."""
    scos: list[Obj] = []
    current: dict[str, Obj] = {}
    for sco, path, value in found:
        obj = current.get(sco)
        key, inner = _split(path)
        if obj is None or _taken(obj, key, inner, value):
            obj = current[sco] = {"type": sco, "spec_version": "2.1"}
            scos.append(obj)
        _set(obj, key, inner, value)
    for obj in scos:
        if obj["type"] == "email-message":
            obj["is_multipart"] = False
        obj["id"] = sco_id(obj)
    return [{"type": o["type"], "spec_version": "2.1", "id": o["id"],
             **{k: v for k, v in o.items() if k not in ("type", "spec_version", "id")}}
            for o in scos]  # fmt: skip


def _split(path: str) -> tuple[str, str | None]:
    if path.startswith("hashes."):
        return "hashes", path.removeprefix("hashes.").strip("'")
    if path == "values[*].data":
        return "values", "data"
    return path, None


def _taken(obj: Obj, key: str, inner: str | None, value: object) -> bool:
    if key not in obj:
        return False
    if key == "hashes":
        return inner in obj["hashes"] and obj["hashes"][inner] != value
    if key == "values":
        return True
    return bool(obj[key] != value)


def _set(obj: Obj, key: str, inner: str | None, value: object) -> None:
    if key == "hashes":
        obj.setdefault("hashes", {})[inner] = value
    elif key == "values":
        obj["values"] = [{"data": value}]
    else:
        obj[key] = value


def sco_id(obj: Obj) -> str:
    """The deterministic id STIX 2.1 §2.9 gives an SCO: UUIDv5 over its id-contributing
    properties, canonically serialised."""
    names = _ID_PROPERTIES.get(obj["type"], ("value",))
    contributing = {name: obj[name] for name in names if name in obj}
    canonical = json.dumps(contributing, sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"))  # fmt: skip
    return f"{obj['type']}--{uuid.uuid5(_SCO_NAMESPACE, canonical)}"
