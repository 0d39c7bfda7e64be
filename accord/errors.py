"""One exception tree for all of Accord.

    AccordError
    ├── ConfigError            settings that cannot be used
    ├── InputError             input a user handed us is unusable
    │   ├── FileReadError      a file is missing, unreadable, not JSON, truncated
    │   └── BundleError        a bundle breaks STIX rules; carries every Problem found
    ├── NotFoundError          an id or record that does not exist (for this viewer)
    ├── AuthError              no valid credentials: unknown user, wrong password, bad token
    ├── ForbiddenError         the principal is known but its role does not allow the action
    ├── ConflictError          a name that must be unique is taken
    ├── RemoteError            a remote node (a TAXII peer) is unreachable, refused or answered
    │                          with something unusable
    └── StoreError             the database refused or failed
        └── SchemaError        the database schema is missing, newer or older than this code

Leaves carry structured fields and format their own message. No HTTP status codes here:
each surface (CLI, REST, TAXII) maps these classes in its own error table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one object: which object, which property, why."""

    object_id: str | None
    property: str | None
    reason: str
    index: int | None = None

    def __str__(self) -> str:
        where = self.object_id or (f"object #{self.index}" if self.index is not None else "bundle")
        prop = f" {self.property}:" if self.property else ""
        return f"{where}:{prop} {self.reason}"


class AccordError(Exception):
    """Base of every error Accord raises on purpose."""


class ConfigError(AccordError):
    """A setting is missing, malformed or unsafe."""


class InputError(AccordError):
    """Input handed to Accord cannot be used."""


class FileReadError(InputError):
    """A file could not be read or decoded."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class BundleError(InputError):
    """A bundle was rejected; `problems` lists every problem found, not only the first."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        first = str(problems[0]) if problems else "invalid bundle"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{source}: {first}{more}")


class NotFoundError(AccordError):
    """Nothing with that key exists, or the viewer may not know that it does."""

    def __init__(self, what: str, key: str) -> None:
        self.what = what
        self.key = key
        super().__init__(f"{what} not found: {key}")


class AuthError(AccordError):
    """Credentials are missing, wrong, expired or revoked. The message never says which
    part was wrong, so it cannot be used to probe for user names."""

    def __init__(self, reason: str = "invalid credentials") -> None:
        super().__init__(reason)


class ForbiddenError(AccordError):
    """The principal may not do this (its role lacks `capability`, or it does not own the
    thing it asks to change)."""

    def __init__(self, action: str, reason: str) -> None:
        self.action = action
        self.reason = reason
        super().__init__(f"{action}: {reason}")


class ConflictError(AccordError):
    """A unique name is already taken (an organisation, a user, a sharing group)."""

    def __init__(self, what: str, key: str) -> None:
        self.what = what
        self.key = key
        super().__init__(f"{what} already exists: {key}")


class RemoteError(AccordError):
    """A remote TAXII server could not be reached, refused a request, or answered with
    something that is not TAXII 2.1. The message is one line and never holds a credential."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = " ".join(reason.split())
        super().__init__(f"{url}: {self.reason}")


class StoreError(AccordError):
    """The database failed or refused an operation."""


class SchemaError(StoreError):
    """The schema is not the one this code expects; the message says what to run."""
