"""Who is asking, and what they may see, as a SQL predicate the store compiles into every read.

For now the only principal with rights is ``SYSTEM`` (local administration: the CLI run by the
node's operator). Organisations, TLP markings and sharing groups arrive with the sharing model;
they extend :func:`visible_predicate` and nothing else, because every store read already goes
through it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class PrincipalKind(Enum):
    SYSTEM = "system"
    USER = "user"
    ANONYMOUS = "anonymous"


@dataclass(frozen=True, slots=True)
class Principal:
    """A viewer: the operator (SYSTEM), a user of an organisation, or nobody."""

    kind: PrincipalKind
    name: str
    organisation: str | None = None
    groups: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_system(self) -> bool:
        return self.kind is PrincipalKind.SYSTEM


SYSTEM = Principal(PrincipalKind.SYSTEM, "system")
ANONYMOUS = Principal(PrincipalKind.ANONYMOUS, "anonymous")


@dataclass(frozen=True, slots=True)
class Predicate:
    """A SQL boolean expression over a table of the store, with its parameters,
    and the reason it grants what it grants (so every decision can say why)."""

    sql: str
    params: tuple[object, ...]
    reason: str


def visible_predicate(viewer: Principal, alias: str = "o") -> Predicate:
    """The rows of the table aliased `alias` (``objects o``, ``documents d``) that `viewer`
    may see."""
    if viewer.is_system:
        return Predicate("1=1", (), "SYSTEM sees everything")
    # Deny by default: nothing is shared with anyone until the sharing model grants it.
    return Predicate("1=0", (), f"{viewer.kind.value} {viewer.name!r}: nothing is shared yet")
