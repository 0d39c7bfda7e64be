"""The sharing of what is imported from other platforms (docs/sharing.md, "Imports from MISP
and OpenCTI"): what the user asked for, else what the input says (a MISP event's
distribution, sharing group and tlp:* tag; the TLP markings of a bundle's objects), else
owner-only TLP:AMBER; a MISP event split into one source for each distinct sharing its parts
ask for; TLP caps what came from the input. No SQL here: sharing groups are looked up through
the function given."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accord.errors import FileReadError, InputError, NotFoundError
from accord.sharing import ENTITY_TYPES, MAX_DISTRIBUTION, permits
from accord.stix import misp
from accord.stix.bundle import decode_json, read_source
from accord.stix.formats import granted, marked_tlp
from accord.store.model import Sharing
from accord.vocab import TLP, Distribution

Obj = dict[str, Any]
GroupLookup = Callable[[str], int]
_ORDER = list(Distribution)  # narrowest first
_TLPS = list(TLP)  # laxest first


@dataclass(frozen=True, slots=True)
class SharingChoice:
    """The sharing a user asked for, part by part: None parts come from the input."""

    tlp: TLP | None = None
    distribution: Distribution | None = None
    groups: tuple[int, ...] = ()

    def filled(self) -> Sharing:
        """The sharing of something that says nothing of its own (a document)."""
        return Sharing(self.tlp or TLP.AMBER, self.distribution or Distribution.OWNER,
                       self.groups)  # fmt: skip


@dataclass(slots=True)
class Part:
    """Objects that go in as one source, shared one way."""

    sharing: Sharing
    objects: list[Obj]


@dataclass(slots=True)
class Plan:
    parts: list[Part]
    notes: list[str] = field(default_factory=list)
    origin: dict[str, str] = field(default_factory=dict)  # "tlp"/"distribution": where from


@dataclass(frozen=True, slots=True)
class _Want:
    tlp: TLP
    distribution: Distribution
    groups: tuple[int, ...] = ()


# --- STIX bundles --------------------------------------------------------------------------


def stix_plan(objects: list[Obj], choice: Sharing | SharingChoice | None) -> Plan:
    """One part: the user's sharing, with the TLP the objects' markings name when the user
    gave none."""
    plan = Plan([])
    if isinstance(choice, Sharing):
        plan.origin = {"tlp": "given", "distribution": "given"}
        plan.parts.append(Part(choice, objects))
        return plan
    choice = choice or SharingChoice()
    marked, unknown = marked_tlp(objects)
    plan.notes += [f"marking {name!r} is no TLP 2.0 level: taken as at least TLP:AMBER"
                   for name in unknown]  # fmt: skip
    if unknown and marked is not None and _TLPS.index(marked) < _TLPS.index(TLP.AMBER):
        marked = TLP.AMBER  # an unknown level may be stricter than the known ones
    tlp, plan.origin["tlp"] = _pick(choice.tlp, marked, TLP.AMBER, "the objects' TLP markings")
    distribution, plan.origin["distribution"] = _pick(
        choice.distribution, None, Distribution.OWNER, "the input"
    )
    if granted(objects):
        plan.notes.append(
            f"{granted(objects)} objects carry x_opencti_granted_refs (OpenCTI organisation "
            "sharing): kept in the objects, not mapped; share the source with a group instead"
        )
    try:
        sharing = Sharing(tlp, distribution, choice.groups)
    except InputError as exc:
        raise InputError(f"{exc} (TLP from {plan.origin['tlp']})") from None
    plan.parts.append(Part(sharing, objects))
    return plan


def _pick(given: Any, found: Any, default: Any, where: str) -> tuple[Any, str]:
    if given is not None:
        return given, "given"
    if found is not None:
        return found, where
    return default, "default"


# --- MISP events ---------------------------------------------------------------------------


def misp_plan(
    converted: misp.Converted, choice: Sharing | SharingChoice | None, groups: GroupLookup
) -> Plan:
    """The parts of a converted MISP event: the event's sharing (the user's parts override
    it) for the report and everything that inherits it, and one more part for each narrower
    sharing its attributes and objects ask for."""
    plan = Plan([])
    base = _base(converted.event_scope, choice, groups, plan)
    chosen: dict[str, Sharing] = {}
    for obj in converted.objects:
        own = converted.scopes.get(obj["id"])
        want = base if own is None else _narrower(base, _resolve(own, groups), plan, obj["id"])
        chosen[obj["id"]] = _capped(want, plan, given=False)
    event_sharing = _capped(base, plan, given=plan.origin["distribution"] == "given")
    by_sharing: dict[Sharing, set[str]] = {event_sharing: set()}
    for ident, sharing in chosen.items():
        by_sharing.setdefault(sharing, set()).add(ident)
    for obj in converted.objects:  # entities go with the event: every part's audience is in it
        if obj["type"] in ENTITY_TYPES:
            for ids in by_sharing.values():
                ids.discard(obj["id"])
            by_sharing[event_sharing].add(obj["id"])
    by_sharing[event_sharing].add(converted.report_id)
    for sharing, ids in by_sharing.items():
        if ids:
            plan.parts.append(Part(sharing, converted.objects_in(ids)))
    if len(plan.parts) > 1:
        plan.notes.append(
            f"attributes and objects shared more narrowly than the event: {len(plan.parts) - 1} "
            f"more source{'s' if len(plan.parts) > 2 else ''}: " + "; ".join(
                f"{len(p.objects)} objects TLP:{p.sharing.tlp.upper()} {p.sharing.distribution}"
                for p in plan.parts[1:])
        )  # fmt: skip
    plan.notes += converted.notes
    return plan


def misp_plans(
    events: list[misp.Converted], choice: Sharing | SharingChoice | None, groups: GroupLookup
) -> Plan:
    """The parts of several events (a MISP search result), written together. Where the
    sharing came from is the events' when they agree, else "each event's"."""
    plans = [misp_plan(event, choice, groups) for event in events]
    if len(plans) == 1:
        return plans[0]
    merged = Plan([part for plan in plans for part in plan.parts])
    for event, plan in zip(events, plans, strict=True):
        merged.notes += [f"event {event.event_uuid}: {note}" for note in plan.notes]
    for key in ("tlp", "distribution"):
        said = {plan.origin[key] for plan in plans}
        merged.origin[key] = said.pop() if len(said) == 1 else "each event's"
    return merged


def _base(scope: misp.Scope, choice: Sharing | SharingChoice | None, groups: GroupLookup,
          plan: Plan) -> _Want:  # fmt: skip
    if isinstance(choice, Sharing):
        plan.origin = {"tlp": "given", "distribution": "given"}
        return _Want(choice.tlp, choice.distribution, choice.groups)
    choice = choice or SharingChoice()
    tlp, plan.origin["tlp"] = _pick(choice.tlp, scope.tlp, TLP.AMBER, "the MISP event's tlp tag")
    if choice.distribution is not None:
        plan.origin["distribution"] = "given"
        return _Want(tlp, choice.distribution, choice.groups)
    if scope.distribution is None:
        plan.origin["distribution"] = "default"
        return _Want(tlp, Distribution.OWNER)
    plan.origin["distribution"] = f"the MISP event's distribution {scope.level}"
    resolved = _resolve(scope, groups)
    named = resolved.groups if isinstance(resolved, _Want) else ()
    return _Want(tlp, scope.distribution, named)


def _resolve(scope: misp.Scope, groups: GroupLookup) -> misp.Scope | _Want:
    if scope.group is None:
        return scope
    try:
        number = groups(scope.group)
    except NotFoundError:
        raise InputError(
            f"MISP sharing group {scope.group!r} has no Accord sharing group of that name: "
            "create it (accord group add) or give --distribution"
        ) from None
    return _Want(scope.tlp or TLP.CLEAR, Distribution.GROUPS, (number,))


def _narrower(base: _Want, own: misp.Scope | _Want, plan: Plan, ident: str) -> _Want:
    tlp = max(base.tlp, own.tlp or base.tlp, key=_TLPS.index)
    if own.distribution is None:
        return _Want(tlp, base.distribution, base.groups)
    own_groups = own.groups if isinstance(own, _Want) else ()
    first, second = sorted(((base.distribution, base.groups), (own.distribution, own_groups)),
                           key=lambda d: _ORDER.index(d[0]))  # fmt: skip
    if first[0] is Distribution.GROUPS and second[0] is Distribution.GROUPS:
        if not set(own_groups) <= set(base.groups):
            plan.notes.append(f"{ident}: its sharing group is not among the event's: owner only")
            return _Want(tlp, Distribution.OWNER)
        return _Want(tlp, Distribution.GROUPS, own_groups)
    return _Want(tlp, first[0], first[1] if first[0] is Distribution.GROUPS else ())


def _capped(want: _Want, plan: Plan, *, given: bool) -> Sharing:
    """TLP caps the distribution: what came from the input is narrowed to what the TLP
    allows (named groups when there are any, else the owner) and the report says so; a
    distribution the user gave is never narrowed, and a clash with it is an error."""
    if permits(want.tlp, want.distribution) or given:
        return Sharing(want.tlp, want.distribution, want.groups)
    widest = MAX_DISTRIBUTION[want.tlp]
    if widest is Distribution.GROUPS and not want.groups:
        widest = Distribution.OWNER
    note = (f"TLP:{want.tlp.upper()} allows at most {MAX_DISTRIBUTION[want.tlp]}: "
            f"{want.distribution} narrowed to {widest}")  # fmt: skip
    if note not in plan.notes:
        plan.notes.append(note)
    return Sharing(want.tlp, widest, want.groups if widest is Distribution.GROUPS else ())


# --- MISP feeds ----------------------------------------------------------------------------


def feed_events(path: str | Path) -> Iterator[Path] | None:
    """The event files of a MISP feed (a directory with a manifest.json, or the manifest
    itself), in the manifest's order; None when `path` is no feed. An event the manifest
    lists but the feed lacks is yielded too, so that its import reports it missing."""
    path = Path(path)
    manifest = path / "manifest.json" if path.is_dir() else path
    if manifest.name != "manifest.json" or not manifest.is_file():
        return None
    source, raw = read_source(manifest)
    data = decode_json(source, raw)
    if not misp.is_manifest(data):
        if path.is_dir():
            return None
        raise FileReadError(source, "not a MISP feed manifest (event uuids to summaries)")
    return (manifest.parent / f"{uuid}.json" for uuid in misp.manifest_uuids(source, data))


def is_feed_manifest(path: Path) -> bool:
    """Whether a file met in a directory is a MISP feed's manifest.json (whose events are
    files of their own), not something to import."""
    if path.name != "manifest.json":
        return False
    try:
        return misp.is_manifest(decode_json(str(path), path.read_bytes()))
    except (OSError, FileReadError):
        return False
