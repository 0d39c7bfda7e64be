"""Cross-document identity: one person, organisation, place, threat actor or meeting however
many documents name it, and however they spell it (`accord.resolve.resolver`)."""

from __future__ import annotations

from accord.resolve.names import organisation_compatible, person_compatible
from accord.resolve.resolver import Resolver, resolve

__all__ = ["Resolver", "organisation_compatible", "person_compatible", "resolve"]
