"""TAXII 2.1 media types (§1.6.8) and content negotiation: which Accept headers a TAXII
endpoint can satisfy, and which request bodies it reads."""

from __future__ import annotations

TAXII = "application/taxii+json;version=2.1"
STIX = "application/stix+json;version=2.1"
_TAXII_TYPE = "application/taxii+json"


def _ranges(header: str) -> list[tuple[str, dict[str, str]]]:
    """The media ranges of a header, each with its parameters (q dropped)."""
    found = []
    for part in header.split(","):
        pieces = [p.strip() for p in part.split(";")]
        if not pieces[0]:
            continue
        params = {}
        for piece in pieces[1:]:
            name, _, value = piece.partition("=")
            params[name.strip().lower()] = value.strip().strip('"')
        if params.pop("q", "1") not in ("0", "0.0", "0.00", "0.000"):
            found.append((pieces[0].lower(), params))
    return found


def _is_taxii(media: str, params: dict[str, str]) -> bool:
    return media == _TAXII_TYPE and params.get("version", "2.1") == "2.1"


def acceptable(accept: str | None) -> bool:
    """Whether a response in TAXII 2.1's media type satisfies `accept` (absent: yes)."""
    if accept is None or not accept.strip():
        return True
    return any(
        _is_taxii(media, params) or media in ("*/*", "application/*")
        for media, params in _ranges(accept)
    )


def readable(content_type: str | None) -> bool:
    """Whether a request body of `content_type` is a TAXII 2.1 envelope."""
    ranges = _ranges(content_type or "")
    return len(ranges) == 1 and _is_taxii(*ranges[0])
