"""Who a MISP element is for, in Accord's terms, and what two such scopes both allow. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from accord.vocab import TLP, Distribution

_TLP_ORDER = list(TLP)  # laxest first
_WIDTH = ["owner", "groups", "community", "federation"]


@dataclass(frozen=True, slots=True)
class Scope:
    """Who a MISP element is for, in Accord's terms; None means "as the event" (inherit)."""

    tlp: TLP | None = None
    distribution: Distribution | None = None
    group: str | None = None  # the MISP sharing group's name, with distribution groups
    level: int | None = None  # the MISP distribution level it came from

    @property
    def inherits(self) -> bool:
        return self.tlp is None and self.distribution is None


def stricter(a: TLP | None, b: TLP | None) -> TLP | None:
    if a is None or b is None:
        return a or b
    return max(a, b, key=_TLP_ORDER.index)


def narrower(a: Scope, b: Scope) -> Scope:
    """What both of two scopes allow (None parts inherit). Two different sharing groups
    cannot be intersected: their common audience is taken to be the owner alone."""
    tlp = stricter(a.tlp, b.tlp)
    if a.distribution is None or b.distribution is None:
        wider = a if b.distribution is None else b
        return Scope(tlp, wider.distribution, wider.group, wider.level)
    first, second = sorted((a, b), key=lambda s: _WIDTH.index(str(s.distribution)))
    if first.group and second.group and first.group != second.group:
        return Scope(tlp, Distribution.OWNER, None, 0)
    group = first.group or (second.group if first.distribution == "groups" else None)
    return Scope(tlp, first.distribution, group, first.level)
