"""The OASIS ``stix2-validator``, run on request (``--strict``) over objects that have already
passed Accord's own checks: it knows every STIX 2.1 property's schema, and is slow."""

from __future__ import annotations

import logging
from typing import Any

from accord.errors import Problem


def oasis_problems(obj: dict[str, Any], index: int) -> list[Problem]:
    """The OASIS validator's errors for one object (warnings are not errors)."""
    import stix2validator  # imported on demand: loading its schemas takes a while

    logging.getLogger("stix2validator").setLevel(logging.ERROR)
    options = stix2validator.ValidationOptions(version="2.1", silent=True)
    try:
        result = stix2validator.validate_parsed_json(obj, options)
    except stix2validator.ValidationError as exc:
        return [Problem(obj.get("id"), None, f"stix2-validator: {exc}", index)]
    prefix = f"{obj.get('id')}: "
    return [
        Problem(obj.get("id"), None, "stix2-validator: " + str(error).removeprefix(prefix), index)
        for error in result.errors
    ]
