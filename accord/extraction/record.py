"""The evaluation record (docs: extraction-spec.md) of a document's findings."""

from __future__ import annotations

from typing import Any

from accord.extraction.findings import Findings, When


def to_record(doc: str, findings: Findings) -> dict[str, Any]:
    return {
        "doc": doc,
        "published": findings.published.isoformat() if findings.published else None,
        "persons": [
            {"name": p.name, "country": p.country, "roles": list(p.roles)} for p in findings.persons
        ],
        "organizations": [
            {"name": o.name, "aliases": list(o.aliases), "country": o.country}
            for o in findings.organisations
        ],
        "threat_actors": [
            {"name": t.name, "aliases": list(t.aliases)} for t in findings.threat_actors
        ],
        "countries": [c.code for c in findings.countries],
        "locations": [{"name": loc.name, "country": loc.country} for loc in findings.locations],
        "meetings": [
            {
                "format": str(m.format), "status": str(m.status), "start": _day(m.start),
                "end": _day(m.end), "location": m.location,
                "participants": list(m.participants), "countries": list(m.countries),
            }
            for m in findings.meetings
        ],
        "topics": [str(t.topic) for t in findings.topics],
        "quotes": [{"speaker": q.speaker, "text": q.text} for q in findings.quotes],
        "initiatives": [
            {
                "text": i.text, "kind": str(i.kind), "status": str(i.status),
                "parties": list(i.parties),
            }
            for i in findings.initiatives
        ],
    }  # fmt: skip


def _day(when: When | None) -> str | None:
    """Only a day-precise date is a date in the record: a month or a year is not a day."""
    if when is None or str(when.granularity) != "day":
        return None
    return when.value.isoformat()
