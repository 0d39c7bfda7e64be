"""Reading STIX 2.1 bundles from bytes and files, checking them whole, and writing them out as a
stream."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from accord.errors import FileReadError, Problem
from accord.stix.validate import check_object, identifier_error, version_of

GZIP_MAGIC = b"\x1f\x8b"


@dataclass(slots=True)
class CheckedBundle:
    """The objects fit for the store (each with its version key), and every problem found."""

    source: str
    bundle_id: str | None
    objects: list[dict[str, Any]] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)  # each object's index in the bundle
    problems: list[Problem] = field(default_factory=list)
    rejected: int = 0
    duplicates: int = 0

    @property
    def total(self) -> int:
        return len(self.objects) + self.rejected + self.duplicates


def read_source(path: Path | str) -> tuple[str, bytes]:
    """The bytes of a file (gunzipped when it is gzip), or of stdin for ``-``."""
    if str(path) == "-":
        import sys

        name, raw = "<stdin>", sys.stdin.buffer.read()
    else:
        name = str(path)
        try:
            raw = Path(path).read_bytes()
        except FileNotFoundError:
            raise FileReadError(name, "no such file") from None
        except IsADirectoryError:
            raise FileReadError(name, "is a directory") from None
        except OSError as exc:
            raise FileReadError(name, f"cannot read: {exc.strerror or exc}") from exc
    if raw[:2] == GZIP_MAGIC:
        try:
            raw = gzip.decompress(raw)
        except (EOFError, OSError, zlib.error) as exc:
            raise FileReadError(name, f"broken gzip data: {exc}") from exc
    return name, raw


def parse_bundle(source: str, raw: bytes) -> tuple[str | None, list[Any]]:
    """Decode JSON and return (bundle id, objects). Anything but a bundle is a FileReadError."""
    return bundle_of(source, decode_json(source, raw))


def decode_json(source: str, raw: bytes) -> Any:
    """The JSON value in `raw`; an empty, broken or truncated file is a FileReadError."""
    if not raw.strip():
        raise FileReadError(source, "empty file")
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        reason = "truncated JSON" if exc.pos >= len(raw.rstrip()) else "not valid JSON"
        raise FileReadError(source, f"{reason}: {exc}") from None


def bundle_of(source: str, data: Any) -> tuple[str | None, list[Any]]:
    """(bundle id, objects) of a decoded bundle. Anything but a bundle is a FileReadError."""
    if not isinstance(data, dict):
        raise FileReadError(source, f"not a STIX bundle: top level is a JSON {_kind(data)}")
    bundle_id = data.get("id")
    # The TLP 2.0 objects published by OASIS sit in a wrapper without "type": accept a wrapper
    # that is a bundle in every other respect.
    looks_like_bundle = data.get("type") == "bundle" or (
        "type" not in data and isinstance(bundle_id, str) and bundle_id.startswith("bundle--")
    )
    if not looks_like_bundle:
        found = data.get("type")
        what = f"type {found!r}" if isinstance(found, str) else "no type"
        raise FileReadError(source, f"not a STIX bundle: top-level object has {what}")
    if bundle_id is not None and (
        identifier_error(bundle_id) or not bundle_id.startswith("bundle--")
    ):
        raise FileReadError(source, f"bundle id {bundle_id!r} is not a bundle--UUID identifier")
    objects = data.get("objects", [])
    if not isinstance(objects, list):
        raise FileReadError(source, "bundle 'objects' must be a list")
    return bundle_id, objects


def check_bundle(source: str, bundle_id: str | None, objects: list[Any]) -> CheckedBundle:
    """Check every object; drop exact duplicates; flag same id+version with other content."""
    checked = CheckedBundle(source, bundle_id)
    seen: dict[tuple[str, str], int] = {}
    for index, obj in enumerate(objects):
        problems = check_object(obj, index)
        if problems:
            checked.problems.extend(problems)
            checked.rejected += 1
            continue
        version = version_of(obj)
        key = (obj["id"], version)
        first = seen.get(key)
        if first is None:
            seen[key] = len(checked.objects)
            checked.objects.append(obj)
            checked.versions.append(version)
            checked.positions.append(index)
        elif checked.objects[first] == obj:
            checked.duplicates += 1
        else:
            checked.problems.append(
                Problem(
                    obj["id"],
                    "modified",
                    "same id and modified as an earlier object in "
                    "this bundle, but different content",
                    index,
                )
            )
            checked.rejected += 1
    return checked


def write_bundle(objects: Iterable[bytes], out: BinaryIO, bundle_id: str) -> int:
    """Stream a bundle of already-serialised objects to `out`; return how many were written."""
    out.write(b'{"type":"bundle","id":"' + bundle_id.encode() + b'","objects":[')
    count = 0
    for raw in objects:
        if count:
            out.write(b",")
        out.write(b"\n")
        out.write(raw)
        count += 1
    out.write(b"\n]}\n")
    return count


def _kind(value: object) -> str:
    return {list: "array", str: "string", int: "number", float: "number", bool: "boolean"}.get(
        type(value), "null"
    )
