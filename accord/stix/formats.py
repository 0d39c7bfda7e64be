"""What an input file is (a STIX bundle, a bare list of STIX objects as OpenCTI's stream and
TAXII feeds give them, a MISP event, a MISP feed manifest) and what a STIX input says about
its own sharing: the TLP markings its objects carry. OpenCTI's internal ids, met where STIX
ids belong, are named as such. Pure."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Literal

from accord.errors import FileReadError, Problem
from accord.stix import misp
from accord.stix.markings import TLP1_MARKING_IDS, TLP2_EXTENSION, TLP_BY_MARKING, strictest
from accord.stix.validate import identifier_error
from accord.vocab import TLP

Format = Literal["stix", "misp", "misp-manifest"]
Obj = dict[str, Any]

OPENCTI_EXTENSION = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba"
OPENCTI_SCO_EXTENSION = "extension-definition--f93e2c80-4231-4f9a-af8b-95c9bd566a82"
_LEVEL_NAMES = {"white": TLP.CLEAR, "clear": TLP.CLEAR, "green": TLP.GREEN, "amber": TLP.AMBER,
                "amber+strict": TLP.AMBER_STRICT, "red": TLP.RED}  # fmt: skip
_BARE_UUID = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE
)


def detect(source: str, data: Any, wanted: str = "auto") -> Format:
    """The format of a decoded input; `wanted` ("misp", "stix") insists on one."""
    if (
        isinstance(data, list)
        and data
        and all(isinstance(item, dict) and "SharingGroup" in item for item in data)
    ):
        raise FileReadError(source, "a list of MISP sharing groups (the /sharing_groups API's "
                            "answer), not an event: create Accord sharing groups of those "
                            "names (accord group add) for events that name them")  # fmt: skip
    if misp.events_of(data) is not None:
        found: Format = "misp"
    elif misp.is_manifest(data):
        found = "misp-manifest"
    else:
        found = "stix"
    if wanted == "auto" or wanted == found or (wanted == "misp" and found == "misp-manifest"):
        return found
    if wanted == "misp":
        raise FileReadError(source, "not a MISP event (no 'Event', or no 'info' and 'uuid')")
    raise FileReadError(source, "not a STIX bundle: it is a MISP event (try --format misp)")


def stix_objects(source: str, data: Any) -> tuple[str | None, list[Any]]:
    """(bundle id, objects) of a bundle, or of a JSON array of STIX objects (OpenCTI's stream
    and TAXII form), which is taken as a bundle without an id."""
    from accord.stix.bundle import bundle_of

    if (
        isinstance(data, list)
        and data
        and all(isinstance(o, dict) and isinstance(o.get("type"), str) for o in data)
    ):
        return None, data
    return bundle_of(source, data)


def marked_tlp(objects: list[Any]) -> tuple[TLP | None, list[str]]:
    """The strictest TLP level the objects' markings name (TLP 2.0 and 1.0 ids, and the
    TLP marking-definitions in the bundle, OpenCTI's among them), and the names of TLP
    markings that are no TLP level."""
    defined = {o["id"]: o for o in objects
               if isinstance(o, dict) and o.get("type") == "marking-definition"
               and isinstance(o.get("id"), str)}  # fmt: skip
    used = {ref for o in objects if isinstance(o, dict)
            for ref in o.get("object_marking_refs") or [] if isinstance(ref, str)}  # fmt: skip
    levels, unknown = [], []
    for ref in sorted(used):
        level = TLP_BY_MARKING.get(ref) or TLP1_MARKING_IDS.get(ref)
        if level is None and ref in defined:
            level, name = _level_of(defined[ref])
            if level is None and name:
                unknown.append(name)
        if level is not None:
            levels.append(level)
    return strictest(levels), unknown


def _level_of(marking: Obj) -> tuple[TLP | None, str | None]:
    """(level, None), or (None, its name) for a TLP marking of no known level."""
    extension = (marking.get("extensions") or {}).get(TLP2_EXTENSION)
    if isinstance(extension, dict) and isinstance(extension.get("tlp_2_0"), str):
        return _LEVEL_NAMES.get(extension["tlp_2_0"].lower()), str(marking.get("name"))
    if str(marking.get("definition_type", "")).lower() != "tlp":
        return None, None
    definition = marking.get("definition")
    values = list(definition.values()) if isinstance(definition, dict) else [definition]
    for value in [*values, marking.get("name")]:
        if isinstance(value, str):
            level = _LEVEL_NAMES.get(value.lower().removeprefix("tlp:").strip())
            if level is not None:
                return level, None
    named = next((v for v in values if isinstance(v, str)), None)
    return None, str(named or marking.get("name") or marking.get("id"))


def granted(objects: list[Any]) -> int:
    """How many objects carry OpenCTI's organisation sharing (x_opencti_granted_refs)."""
    return sum(1 for o in objects if isinstance(o, dict) and o.get("x_opencti_granted_refs"))


def explain_internal_ids(problems: list[Problem], objects: list[Any]) -> list[Problem]:
    """A reference that holds an OpenCTI internal id (a bare UUID) rather than a STIX id is
    named as such, with the STIX object that carries that internal id when there is one."""
    internal: dict[str, str] = {}
    by_id: dict[str, Obj] = {}
    for obj in objects:
        if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
            continue
        by_id[obj["id"]] = obj
        extension = (obj.get("extensions") or {}).get(OPENCTI_EXTENSION)
        for key in (obj.get("x_opencti_id"), extension.get("id") if isinstance(extension, dict)
                    else None):  # fmt: skip
            if isinstance(key, str):
                internal[key.lower()] = obj["id"]
    out = []
    for problem in problems:
        value = by_id.get(problem.object_id or "", {}).get(problem.property or "")
        values = value if isinstance(value, list) else [value]
        bare = [v for v in values if isinstance(v, str) and identifier_error(v)
                and _BARE_UUID.fullmatch(v)]  # fmt: skip
        if bare:
            holder = internal.get(bare[0].lower())
            where = f" (the internal id of {holder})" if holder else ""
            problem = replace(problem, reason=f"{bare[0]!r} is an OpenCTI internal id{where}, "
                              "not a STIX identifier: export the bundle with STIX ids")  # fmt: skip
        out.append(problem)
    return out
