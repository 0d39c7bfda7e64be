"""Use cases over sources and sharing: documents and their findings, the assembled view of an
entity, sharing and unsharing, deletion, and the audit log. Every read goes through the
store's viewer-scoped reads; nothing here filters what the store returned."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accord.clock import Clock, format_timestamp
from accord.errors import BundleError, ForbiddenError, InputError, NotFoundError
from accord.sharing import SYSTEM, Capability, Principal
from accord.stix import extensions as ext
from accord.stix.bundle import check_bundle
from accord.stix.markings import remark, tlp2_extension_definition, tlp_marking
from accord.store import ObjectQuery, Page, Store
from accord.store.model import Sharing, SourceInfo
from accord.store.shared import audit_row
from accord.vocab import TLP, Distribution

if TYPE_CHECKING:
    from accord.service import ImportReport
    from accord.service.imports import SharingChoice

Obj = dict[str, Any]
_FACT_PAGE = 1000  # facts read about one entity, per kind
_SHOWN_ELSEWHERE = frozenset({ext.AFFILIATED_WITH, ext.PARTICIPATES_IN})


def require(principal: Principal, capability: Capability, action: str) -> None:
    """The one check of a principal's role; every use case that changes data calls it."""
    if not principal.can(capability):
        role = principal.role or principal.kind.value
        raise ForbiddenError(action, f"a {role} may not {capability}")


class SharingCases:
    """Mixed into :class:`accord.service.Accord`."""

    store: Store
    clock: Clock
    if TYPE_CHECKING:

        def ingest_path(
            self, path: str | Path, *, owner: Principal, sharing: Sharing | SharingChoice | None
        ) -> ImportReport: ...

    # --- audit -----------------------------------------------------------------------------
    def record(
        self,
        principal: Principal,
        action: str,
        target: str | None = None,
        detail: dict[str, Any] | None = None,
        outcome: str = "ok",
    ) -> None:
        """Append one event to the audit log. `detail` must hold no secret."""
        self.record_many(principal, action, [target], detail, outcome)

    def record_many(
        self,
        principal: Principal,
        action: str,
        targets: Sequence[str | None],
        detail: dict[str, Any] | None = None,
        outcome: str = "ok",
    ) -> None:
        at = format_timestamp(self.clock.now())
        self.store.append_audit(
            [audit_row(at, principal, action, target, detail, outcome) for target in targets]
        )

    def audited_reads(self, viewer: Principal, ids: Sequence[str]) -> None:
        """Every read of TLP:RED or AMBER+STRICT content is written to the audit log."""
        if ids and not viewer.is_system:
            restricted = self.store.restricted(ids, viewer=viewer)
            if restricted:
                self.record_many(viewer, "read.restricted", restricted)

    def audit(
        self,
        *,
        viewer: Principal,
        action: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        limit: int = 100,
        cursor: str | None = None,
    ) -> tuple[list[dict[str, Any]], str | None]:
        require(viewer, Capability.ADMINISTER, "read the audit log")
        _check_limit(limit)
        return self.store.audit(viewer=viewer, action=action, actor=actor, since=since,
                                limit=limit, cursor=cursor)  # fmt: skip

    # --- objects ---------------------------------------------------------------------------
    def query(self, query: ObjectQuery, *, viewer: Principal) -> Page:
        page = self.store.query(query, viewer=viewer)
        self.audited_reads(viewer, page.ids)
        return page

    # --- documents -------------------------------------------------------------------------
    def ingest_bytes(
        self,
        data: bytes,
        filename: str,
        *,
        owner: Principal,
        sharing: Sharing | SharingChoice | None = None,
    ) -> ImportReport:
        """Ingest an uploaded document or bundle. Its name says what it is (its suffix) and
        becomes its label; the bytes pass through a private temporary folder."""
        name = Path(filename.replace("\\", "/")).name.strip()
        if not name or name.startswith(".") or len(name) > 200 or not name.isprintable():
            raise InputError(f"{filename!r}: give the file a name, such as report.pdf")
        with tempfile.TemporaryDirectory(prefix="accord-upload-") as folder:
            path = Path(folder) / name
            path.write_bytes(data)
            report = self.ingest_path(path, owner=owner, sharing=sharing)
        # The report names the upload, never the temporary folder it passed through.
        report.source = name
        if report.error is not None:
            report.error = report.error.replace(str(path), name)
        return report

    def documents(
        self, *, viewer: Principal, limit: int = 100, cursor: str | None = None
    ) -> tuple[list[dict[str, Any]], str | None]:
        _check_limit(limit)
        docs, next_cursor = self.store.documents(viewer=viewer, limit=limit, cursor=cursor)
        sources = _by_id(self.store.sources(viewer=viewer, ids=_source_ids(docs)))
        return [_document_dict(d, sources.get(d.source_id or 0)) for d in docs], next_cursor

    def document(self, key: str, *, viewer: Principal) -> dict[str, Any]:
        """A document with its text, its sharing, the facts it gave and the entities it names
        (each with the spans of its evidence in the text)."""
        doc = self.store.get_document(key, viewer=viewer)
        source = self._source_of(doc.source_id, viewer)
        facts = self.store.source_facts(source.id, viewer=viewer)
        self.audited_reads(viewer, [doc.id, *(fact["id"] for fact in facts)])
        entities = []
        for object_id, _, evidence in self.store.mentions(viewer=viewer, source_id=source.id):
            try:
                entity = self.store.get(object_id, viewer=viewer)
            except NotFoundError:
                continue
            entities.append({"object": entity, "evidence": evidence})
        view = _document_dict(doc, source)
        view.update(text=doc.text, facts=facts, entities=entities)
        return view

    def _source_of(self, source_id: int | None, viewer: Principal) -> SourceInfo:
        if source_id is None:
            raise NotFoundError("source", "none")
        return self.store.get_source(source_id, viewer=viewer)

    def _source_for(self, key: str, viewer: Principal) -> SourceInfo:
        """A source named by its number, or by the id or digest of its document."""
        if key.isdigit():
            return self.store.get_source(int(key), viewer=viewer)
        doc = self.store.get_document(key, viewer=viewer)
        return self._source_of(doc.source_id, viewer)

    def delete_document(self, key: str, *, viewer: Principal) -> int:
        """Delete a document (or any source) with the facts only it holds; its owner only."""
        require(viewer, Capability.SHARE, "delete")
        source = self._source_for(key, viewer)
        deleted = self.store.delete_source(source.id, viewer=viewer)
        self.record(viewer, "source.delete", source.ref, {"source": source.id,
                                                          "versions": deleted})  # fmt: skip
        return deleted

    # --- sharing ---------------------------------------------------------------------------
    def sources(self, *, viewer: Principal) -> list[SourceInfo]:
        return self.store.sources(viewer=viewer)

    def share(self, key: str, sharing: Sharing, *, viewer: Principal) -> SourceInfo:
        """Give a document (or any source) new sharing; its owner only. What was derived from
        it follows at once, since every fact's visibility is its source's."""
        require(viewer, Capability.SHARE, "share")
        source = self._source_for(key, viewer)
        now = format_timestamp(self.clock.now())
        objects, versions = self._remarked(source, sharing.tlp, now)
        self.store.share(source.id, sharing, viewer=viewer, now=now, objects=objects,
                         versions=versions)  # fmt: skip
        self.record(viewer, "source.share", source.ref, {
            "source": source.id, "tlp": str(sharing.tlp),
            "distribution": str(sharing.distribution), "groups": list(sharing.groups),
            "was": {"tlp": str(source.tlp), "distribution": str(source.distribution),
                    "groups": list(source.groups)},
        })  # fmt: skip
        return self.store.get_source(source.id, viewer=viewer)

    def unshare(self, key: str, *, viewer: Principal) -> SourceInfo:
        """Take a source back to its owner organisation alone, keeping its TLP level."""
        require(viewer, Capability.SHARE, "unshare")
        source = self._source_for(key, viewer)
        return self.share(key, Sharing(source.tlp, Distribution.OWNER), viewer=viewer)

    def _remarked(self, source: SourceInfo, tlp: TLP, now: str) -> tuple[list[Obj], list[str]]:
        """A document's facts as new versions marked `tlp` (Accord wrote them, so it may
        version them); nothing when the level stays or the source is a partner's bundle,
        whose objects keep their authors' markings."""
        if source.kind != "document" or tlp == source.tlp:
            return [], []
        facts = self.store.source_facts(source.id, viewer=SYSTEM)
        marked = [{**remark(fact, tlp), "modified": now} for fact in facts]
        checked = check_bundle(source.ref, None, [tlp2_extension_definition(), tlp_marking(tlp),
                                                  *marked])  # fmt: skip
        if checked.problems:
            raise BundleError(source.ref, checked.problems)
        return checked.objects, checked.versions

    # --- entities --------------------------------------------------------------------------
    def entity(self, entity_id: str, *, viewer: Principal) -> dict[str, Any]:
        """The viewer's picture of an entity: the entity, and only the facts about it the viewer
        may see (roles, affiliations, meetings, initiatives, quotes), and the sources it may
        see that name it, with their evidence."""
        entity = self.store.get(entity_id, viewer=viewer)
        about = self._facts(ObjectQuery(source_refs=[entity_id], limit=_FACT_PAGE), viewer)
        toward = self._facts(ObjectQuery(target_refs=[entity_id], limit=_FACT_PAGE), viewer)
        joined = [r["target_ref"] for r in about
                  if r.get("relationship_type") == ext.PARTICIPATES_IN]  # fmt: skip
        events = self._facts(ObjectQuery(ids=joined, limit=_FACT_PAGE), viewer) if joined else []
        mentions = self.store.mentions(viewer=viewer, object_id=entity_id)
        named_by = _by_id(self.store.sources(viewer=viewer, ids=[sid for _, sid, _ in mentions]))
        return {
            "entity": entity,
            "roles": _of_type(about, ext.ROLE_TYPE),
            "quotes": _of_type(about, ext.QUOTE_TYPE),
            "affiliations": [r for r in about if r.get("relationship_type") == ext.AFFILIATED_WITH],
            "meetings": _of_type(events, ext.MEETING_TYPE),
            "initiatives": _of_type(events, ext.INITIATIVE_TYPE),
            "related": [
                obj for obj in (*about, *toward) if obj.get("type") == "relationship"
                and obj.get("relationship_type") not in _SHOWN_ELSEWHERE
            ],
            "sources": [
                {"source": named_by[sid].as_dict(), "evidence": evidence}
                for _, sid, evidence in mentions if sid in named_by
            ],
        }  # fmt: skip

    def _facts(self, query: ObjectQuery, viewer: Principal) -> list[Obj]:
        return self.query(query, viewer=viewer).objects()


def _check_limit(limit: int) -> None:
    if not 1 <= limit <= 1000:
        raise InputError(f"limit must be between 1 and 1000, not {limit}")


def _of_type(objects: list[Obj], type_name: str) -> list[Obj]:
    return [obj for obj in objects if obj.get("type") == type_name]


def _by_id(sources: list[SourceInfo]) -> dict[int, SourceInfo]:
    return {source.id: source for source in sources}


def _source_ids(docs: Sequence[Any]) -> list[int]:
    return sorted({d.source_id for d in docs if d.source_id is not None})


def _document_dict(doc: Any, source: SourceInfo | None) -> dict[str, Any]:
    return {
        "id": doc.id, "sha256": doc.sha256, "title": doc.title, "source": doc.source,
        "published": doc.published, "media_type": doc.media_type, "date_added": doc.date_added,
        "sharing": source.as_dict() if source is not None else None,
    }  # fmt: skip
