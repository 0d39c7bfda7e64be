"""Use cases: the only API the shells (CLI, web) call. Owns transactions and timing; holds no
SQL, no policy and no presentation."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, Literal

import orjson

from accord.admin import Directory
from accord.clock import Clock, IdFactory, RandomIds, SystemClock, format_timestamp
from accord.errors import BundleError, InputError, Problem
from accord.service import imports
from accord.service.collector import collector_paused
from accord.service.imports import Part, Plan, SharingChoice, misp_plans, stix_plan
from accord.service.sharing import require
from accord.service.sync import SyncCases
from accord.service.taxii import TaxiiCases
from accord.sharing import ENTITY_TYPES, SYSTEM, Capability, Principal, user
from accord.stix.bundle import CheckedBundle, check_bundle, decode_json, read_source, write_bundle
from accord.stix.extensions import PROVENANCE_EXTENSION as PROVENANCE
from accord.stix.markings import remark, tlp2_extension_definition, tlp_marking
from accord.store import ObjectQuery, SearchHit, Stats, Store
from accord.store.model import Document as StoredDocument
from accord.store.model import NewSource, Progress, Sharing
from accord.vocab import TLP, Role

BUNDLE_SUFFIXES = (".json", ".json.gz")
DOCUMENT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".pdf", ".docx")
# Entities that several documents name: a document adds facts about them, not a new version.
SHARED_TYPES = frozenset({"identity", "location", "threat-actor", "extension-definition"})


@dataclass(slots=True)
class ImportReport:
    """What importing one bundle did; `problems` names each rejected object and why."""

    source: str
    objects: int = 0
    added: int = 0
    new_versions: int = 0
    history: int = 0
    unchanged: int = 0
    rejected: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    error: str | None = None  # set when the whole file or bundle was refused
    document: str | None = None  # "added" or "already stored", for a document ingested
    format: str | None = None  # what the file was: "stix" or "misp" (imports only)
    sharing: list[dict[str, Any]] = field(default_factory=list)  # each source written
    sharing_from: dict[str, str] = field(default_factory=dict)  # tlp/distribution: from where
    notes: list[str] = field(default_factory=list)  # what the import had to decide

    @property
    def objects_per_second(self) -> float:
        return self.objects / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "objects": self.objects, "added": self.added,
            "new_versions": self.new_versions, "history": self.history,
            "unchanged": self.unchanged, "rejected": self.rejected,
            "seconds": round(self.seconds, 3),
            "objects_per_second": round(self.objects_per_second, 1),
            "error": self.error, "document": self.document, "format": self.format,
            "sharing": self.sharing, "sharing_from": self.sharing_from, "notes": self.notes,
            "problems": [
                {"object_id": p.object_id, "index": p.index, "property": p.property,
                 "reason": p.reason}
                for p in self.problems
            ],
        }  # fmt: skip


@contextmanager
def _nothing() -> Iterator[None]:
    yield


@dataclass(frozen=True, slots=True)
class _Origin:
    """Who a write belongs to and how it is shared."""

    owner_org: int | None
    sharing: Sharing

    def source(self, kind: Literal["document", "bundle"], ref: str, label: str) -> NewSource:
        return NewSource(kind, ref, label, self.owner_org, self.sharing)

    def document_key(self, sha256: str) -> str:
        """What a document's ids derive from: its digest, and its owner's, so that two
        organisations holding the same text hold two sets of facts."""
        if self.owner_org is None:
            return sha256
        return hashlib.sha256(f"{self.owner_org}:{sha256}".encode()).hexdigest()


def _entity_evidence(
    objects: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], dict[str, bytes]]:
    """Entities are shared by every source that names them, so they keep only identifying
    data: each document's provenance of an entity moves to that document's mention of it."""
    evidence: dict[str, bytes] = {}
    out = []
    for obj in objects:
        extensions = obj.get("extensions")
        if (
            obj["type"] in ENTITY_TYPES
            and isinstance(extensions, dict)
            and PROVENANCE in extensions
        ):
            rest = {k: v for k, v in extensions.items() if k != PROVENANCE}
            evidence[obj["id"]] = orjson.dumps(extensions[PROVENANCE])
            obj = {k: v for k, v in obj.items() if k != "extensions"}
            if rest:
                obj["extensions"] = rest
        out.append(obj)
    return out, evidence


def _reader_of(owner: Principal) -> Principal:
    """Whose view a write is resolved in: the owner organisation's, even when the operator
    writes for it; the operator's own writes see everything."""
    if owner.org_id is None:
        return SYSTEM
    return user(owner.name, org_id=owner.org_id, role=Role.READER)


def _marked(objects: list[dict[str, Any]], tlp: TLP) -> list[dict[str, Any]]:
    """A document's facts carry its TLP marking; entities, shared by every source that names
    them, carry none. The marking-definition and its extension-definition go with them."""
    marked = [obj if obj["type"] in ENTITY_TYPES else remark(obj, tlp) for obj in objects]
    return [tlp2_extension_definition(), tlp_marking(tlp), *marked]


def _at_positions(problems: list[Problem], positions: list[int]) -> list[Problem]:
    """Problems found by the store name an object by its place among the checked objects;
    give them the object's place in the bundle instead."""
    return [replace(p, index=positions[p.index]) if p.index is not None else p for p in problems]


def ingest_paths(paths: Sequence[str | Path]) -> Iterator[str | Path]:
    """Expand directories into the documents and bundles they hold (sorted)."""
    suffixes = DOCUMENT_SUFFIXES + BUNDLE_SUFFIXES
    for path in paths:
        if str(path) != "-" and Path(path).is_dir():
            yield from sorted(
                p for p in Path(path).rglob("*") if p.is_file() and p.name.endswith(suffixes)
            )
        else:
            yield path


def bundle_paths(paths: Sequence[str | Path]) -> Iterator[str | Path]:
    """Expand directories into the bundles they hold (sorted), and MISP feeds (a directory
    with a manifest.json, or the manifest) into the events the manifest lists; pass other
    files and ``-`` through."""
    for path in paths:
        events = imports.feed_events(path) if str(path) != "-" else None
        if events is not None:
            yield from events
        elif str(path) != "-" and Path(path).is_dir():
            yield from sorted(
                p for p in Path(path).rglob("*")
                if p.is_file() and p.name.endswith(BUNDLE_SUFFIXES)
                and not imports.is_feed_manifest(p)
            )  # fmt: skip
        else:
            yield path


class Accord(TaxiiCases, SyncCases):
    """The service over one store."""

    def __init__(
        self, store: Store, *, clock: Clock | None = None, ids: IdFactory | None = None
    ) -> None:
        self.store = store
        self.clock = clock or SystemClock()
        self.ids = ids or RandomIds()
        self.directory = Directory(store, self.clock)

    # --- import ---------------------------------------------------------------------------
    def import_path(
        self,
        path: str | Path,
        *,
        skip_invalid: bool = False,
        strict: bool = False,
        progress: Callable[[str], Progress] | None = None,
        owner: Principal = SYSTEM,
        sharing: Sharing | SharingChoice | None = None,
        format: str = "auto",
    ) -> ImportReport:
        """Import one file (``-`` is stdin) atomically: a STIX bundle (or a bare list of STIX
        objects), or a MISP event converted to STIX (`format` "auto", "stix" or "misp").
        It is owned by `owner`'s organisation and shared as `sharing`: a `Sharing` as it is;
        a `SharingChoice` for the parts it names, the rest from the input (a MISP event's
        distribution and tlp:* tag, a bundle's TLP markings), else owner-only, TLP:AMBER
        (docs/sharing.md). A refused file comes back as a report with `error` set; nothing
        from it is written."""
        require(owner, Capability.INGEST, "import")
        started = time.perf_counter()
        report = ImportReport(str(path))
        try:
            with collector_paused():
                self._import(path, report, skip_invalid, strict, progress, owner.org_id,
                             sharing, format)  # fmt: skip
        except InputError as exc:  # the file or the bundle as a whole was refused
            report.error = str(exc)
            report.added = report.new_versions = report.history = 0
            report.sharing = []
        report.seconds = time.perf_counter() - started
        self._record_write(owner, "bundle.import", report)
        return report

    def _record_write(self, owner: Principal, action: str, report: ImportReport) -> None:
        detail = {"added": report.added, "new_versions": report.new_versions,
                  "unchanged": report.unchanged, "rejected": report.rejected,
                  "document": report.document}  # fmt: skip
        if report.error is not None:
            self.record(owner, action, Path(report.source).name, {"error": report.error},
                        outcome="failed")  # fmt: skip
        elif report.added or report.new_versions or report.history or report.document:
            self.record(owner, action, Path(report.source).name, detail)

    def _import(
        self,
        path: str | Path,
        report: ImportReport,
        skip_invalid: bool,
        strict: bool,
        progress: Callable[[str], Progress] | None,
        owner_org: int | None,
        sharing: Sharing | SharingChoice | None,
        wanted: str,
    ) -> None:
        source, raw = read_source(path)
        report.source = source
        plan, bundle_id, problems = self._plan(source, decode_json(source, raw), sharing, wanted,
                                               report)  # fmt: skip
        report.sharing_from, report.notes = plan.origin, plan.notes
        checked = [self._check(source, bundle_id, part.objects, strict) for part in plan.parts]
        report.objects = sum(c.total for c in checked)
        report.problems = problems([p for c in checked for p in c.problems])
        report.rejected = sum(c.rejected for c in checked)
        report.unchanged = sum(c.duplicates for c in checked)
        if report.problems and not skip_invalid:
            raise BundleError(source, report.problems)
        with self.store.held_write() if len(plan.parts) > 1 else _nothing():
            for part, done in zip(plan.parts, checked, strict=True):
                self._put(source, part, done, report, skip_invalid, progress,
                          _Origin(owner_org, part.sharing))  # fmt: skip

    def _plan(
        self, source: str, data: Any, sharing: Sharing | SharingChoice | None, wanted: str,
        report: ImportReport,
    ) -> tuple[Plan, str | None, Callable[[list[Problem]], list[Problem]]]:  # fmt: skip
        """The sources to write (with their sharing), the bundle id, and how to word the
        problems found."""
        from accord.stix import formats, misp

        kind = formats.detect(source, data, wanted)
        report.format = "misp" if kind.startswith("misp") else "stix"
        if kind == "misp-manifest":
            raise InputError(
                f"{source}: a MISP feed manifest: import the feed's directory, "
                "or the manifest by its path, to import the events it lists"
            )
        if kind == "misp":
            events = [misp.convert_event(source, event) for event in misp.events_of(data) or []]
            plan = misp_plans(events, sharing, lambda name: self.store.get_group(name).id)
            ref = "misp-event:" + ",".join(event.event_uuid for event in events)
            return plan, ref[:200], lambda found: found
        bundle_id, objects = formats.stix_objects(source, data)
        return (stix_plan(objects, sharing), bundle_id,
                lambda found: formats.explain_internal_ids(found, objects))  # fmt: skip

    def _put(
        self, source: str, part: Part, checked: CheckedBundle, report: ImportReport,
        skip_invalid: bool, progress: Callable[[str], Progress] | None, origin: _Origin,
    ) -> None:  # fmt: skip
        try:
            result = self.store.put_objects(
                checked.objects, checked.versions,
                date_added=format_timestamp(self.clock.now()),
                skip_conflicts=skip_invalid,
                progress=progress(source) if progress else None,
                source=origin.source("bundle", checked.bundle_id or source, source),
            )  # fmt: skip
        except BundleError as exc:  # conflicts with stored versions: name their bundle positions
            report.problems = _at_positions(exc.problems, checked.positions)
            report.rejected = len(report.problems)
            raise BundleError(source, report.problems) from None
        report.added += result.added
        report.new_versions += result.new_versions
        report.history += result.history
        report.unchanged += result.unchanged
        report.rejected += result.rejected
        report.problems.extend(_at_positions(result.problems, checked.positions))
        report.sharing.append({"source": result.source_id, "tlp": str(part.sharing.tlp),
                               "distribution": str(part.sharing.distribution),
                               "groups": list(part.sharing.groups),
                               "objects": len(checked.objects)})  # fmt: skip

    def ingest_path(
        self,
        path: str | Path,
        *,
        progress: Callable[[str], Progress] | None = None,
        owner: Principal = SYSTEM,
        sharing: Sharing | SharingChoice | None = None,
    ) -> ImportReport:
        """Ingest one file: a STIX bundle is imported; a document (.txt, HTML, PDF, .docx) is
        extracted and stored with its findings in one transaction, unless `owner`'s
        organisation holds the same document (by digest) already. Both are owned by that
        organisation and shared as `sharing` (by default owner-only, TLP:AMBER). Nothing is
        written when any step fails."""
        if str(path).endswith(BUNDLE_SUFFIXES):
            return self.import_path(path, progress=progress, owner=owner, sharing=sharing)
        require(owner, Capability.INGEST, "ingest")
        started = time.perf_counter()
        report = ImportReport(str(path))
        if isinstance(sharing, SharingChoice):
            sharing = sharing.filled()
        origin = _Origin(owner.org_id, sharing or Sharing())
        try:
            with collector_paused():
                self._ingest_document(Path(path), report, progress, origin, owner)
        except InputError as exc:
            report.error = str(exc)
        report.seconds = time.perf_counter() - started
        self._record_write(owner, "document.ingest", report)
        return report

    def _ingest_document(
        self,
        path: Path,
        report: ImportReport,
        progress: Callable[[str], Progress] | None,
        origin: _Origin,
        owner: Principal,
    ) -> None:
        from accord.documents import load_path
        from accord.extraction.pipeline import extract
        from accord.stix.mapping import to_bundle

        document = load_path(path)
        if self.store.document_held(document.sha256, owner_org=origin.owner_org):
            report.document = "already stored"
            return
        now = self.clock.now()
        bundle = to_bundle(extract(document.text, document.published),
                           document_id=origin.document_key(document.sha256),
                           title=document.title, source=path.name, created=now,
                           sha256=document.sha256)  # fmt: skip
        objects = _marked(bundle["objects"], origin.sharing.tlp)
        report_id = next(o["id"] for o in objects if o["type"] == "report")
        stored = StoredDocument(
            id=report_id, sha256=document.sha256, text=document.text, title=document.title,
            source=path.name, media_type=document.media_type,
            published=document.published.isoformat() if document.published else None,
        )  # fmt: skip
        # What is written depends on what resolving reads (is this person stored already?), so
        # both happen under the single writer: a concurrent ingest naming the same new person
        # has either committed (and its person is found) or waits. Extraction stays outside.
        with self.store.held_write():
            if self.store.document_held(document.sha256, owner_org=origin.owner_org):
                report.document = "already stored"  # raced: the same text, the same owner
                return
            fresh, evidence = self._unstored(objects, owner)
            checked = check_bundle(str(path), bundle["id"], fresh)
            if checked.problems:
                raise BundleError(str(path), checked.problems)
            result = self.store.put_objects(
                checked.objects, checked.versions, date_added=format_timestamp(now),
                progress=progress(str(path)) if progress else None, document=stored,
                source=origin.source("document", report_id, path.name), evidence=evidence,
            )  # fmt: skip
        report.objects, report.added = len(objects), result.added
        report.new_versions, report.history = result.new_versions, result.history
        report.unchanged = result.unchanged + len(objects) - len(fresh)
        report.document = "added" if result.document_added else "already stored"

    def _unstored(
        self, objects: list[dict[str, Any]], owner: Principal
    ) -> tuple[list[dict[str, Any]], dict[str, bytes]]:
        """The objects to write, and the document's evidence of each entity it names.
        Entities and meetings stored under other names become references to those when the
        owner may see them (a variant name never pulls in a fuller one from a source the
        owner may not see); shared entities already stored by id are not written again."""
        from accord.resolve import resolve

        resolved, _ = resolve(objects, self.store, viewer=_reader_of(owner))
        resolved, evidence = _entity_evidence(resolved)
        known = self.store.known_ids([o["id"] for o in resolved if o["type"] in SHARED_TYPES],
                                     viewer=SYSTEM)  # fmt: skip
        return [o for o in resolved if o["id"] not in known], evidence

    def _check(
        self, source: str, bundle_id: str | None, objects: list[Any], strict: bool
    ) -> CheckedBundle:
        checked = check_bundle(source, bundle_id, objects)
        if strict:
            from accord.stix.oasis import oasis_problems

            kept = []
            for at, (obj, position) in enumerate(
                zip(checked.objects, checked.positions, strict=True)
            ):
                problems = oasis_problems(obj, position)
                checked.problems.extend(problems)
                if problems:
                    checked.rejected += 1
                else:
                    kept.append(at)
            checked.objects = [checked.objects[at] for at in kept]
            checked.versions = [checked.versions[at] for at in kept]
            checked.positions = [checked.positions[at] for at in kept]
        return checked

    # --- reads ----------------------------------------------------------------------------
    def export(self, query: ObjectQuery, out: BinaryIO, *, viewer: Principal) -> int:
        """Stream the matching objects to `out` as one bundle; return how many."""
        return write_bundle(self._pages(query, viewer), out, self.ids.new("bundle"))

    def _pages(self, query: ObjectQuery, viewer: Principal) -> Iterator[bytes]:
        """Every matching object, page after page, each page's restricted reads audited."""
        while True:
            page = self.query(query, viewer=viewer)
            yield from page.items
            if page.next_cursor is None:
                return
            query = replace(query, cursor=page.next_cursor)

    def get(self, object_id: str, *, viewer: Principal) -> dict[str, Any]:
        found = self.store.get(object_id, viewer=viewer)
        self.audited_reads(viewer, [object_id])
        return found

    def versions(self, object_id: str, *, viewer: Principal) -> list[dict[str, Any]]:
        found = self.store.versions(object_id, viewer=viewer)
        self.audited_reads(viewer, [object_id])
        return found

    def search(
        self, text: str, *, viewer: Principal, types: Sequence[str] = (), limit: int = 20
    ) -> list[SearchHit]:
        if not text.strip():
            raise InputError("nothing to search for: the search text is empty")
        if not 1 <= limit <= 1000:
            raise InputError(f"limit must be between 1 and 1000, not {limit}")
        hits = self.store.search(text, viewer=viewer, types=types, limit=limit)
        self.audited_reads(viewer, [hit.id for hit in hits])
        return hits

    def stats(self, *, viewer: Principal) -> Stats:
        return self.store.stats(viewer=viewer)


# --- extraction (pure: no store involved) -------------------------------------------------------


def extraction_record(path: str | Path) -> dict[str, Any]:
    """The evaluation record (docs: extraction-spec) of one document file."""
    from accord.documents import load_path
    from accord.extraction.pipeline import extract
    from accord.extraction.record import to_record

    document = load_path(path)
    return to_record(Path(path).name, extract(document.text, document.published))


def evaluate(gold_dir: Path, docs_dir: Path) -> tuple[Any, list[dict[str, Any]]]:
    """Score extraction over every document in `docs_dir` that has a gold record in
    `gold_dir` (same stem, .json): (Scores, the predicted records)."""
    import orjson

    from accord.extraction.score import score

    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise InputError(f"{gold_dir}: no gold records (*.json)")
    gold, predicted = [], []
    for gold_file in gold_files:
        record = orjson.loads(gold_file.read_bytes())
        document = docs_dir / str(record.get("doc", gold_file.stem + ".txt"))
        if not document.exists():
            raise InputError(f"{document}: no document for gold record {gold_file.name}")
        gold.append(record)
        predicted.append(extraction_record(document))
    return score(gold, predicted), predicted


def extraction_bundle(path: str | Path, *, clock: Clock | None = None) -> dict[str, Any]:
    """The STIX 2.1 bundle (docs: accord.stix.extensions) of one document file. Its ids come
    from the document's digest, so extracting the same bytes again gives the same ids; the
    report is named by the document's title, else by its file name (never its full path)."""
    from accord.documents import load_path
    from accord.extraction.pipeline import extract
    from accord.stix.mapping import to_bundle

    document = load_path(path)
    return to_bundle(
        extract(document.text, document.published),
        document_id=document.sha256,
        title=document.title,
        source=Path(path).name,
        created=(clock or SystemClock()).now(),
        sha256=document.sha256,
    )
