"""MISP core JSON (events, and feeds with their manifest.json) as STIX 2.1. Pure code:
`convert_event` turns one event into STIX objects, with the sharing its distribution
levels, sharing groups and tlp:* tags ask for (docs/sharing.md, "Imports from MISP and
OpenCTI")."""

from __future__ import annotations

from accord.stix.misp.convert import Converted, convert_event
from accord.stix.misp.extension import MISP_EXTENSION
from accord.stix.misp.read import events_of, is_event, is_manifest, manifest_uuids
from accord.stix.misp.scope import Scope, narrower

__all__ = [
    "MISP_EXTENSION", "Converted", "Scope", "convert_event", "events_of", "is_event", "is_manifest",
    "manifest_uuids", "narrower",
]  # fmt: skip
