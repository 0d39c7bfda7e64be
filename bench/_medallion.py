"""medallion, the OASIS reference TAXII 2.1 server, with its memory backend, served by
werkzeug on loopback: the reference that bench/taxii.py measures Accord's TAXII server
against. Run as a process of its own, as bench/taxii.py does:

    .venv/bin/python bench/_medallion.py CONFIG.json PORT

`write_config` writes the configuration and the memory backend's data file (one API root,
``bench``, with one collection holding the given objects and their manifest)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import orjson

API_ROOT = "bench"
COLLECTION = "91a7b528-80eb-42ed-a74d-c6fbd5a26116"
USER, PASSWORD = "bench", "bench-password"
T0 = "2026-06-01T00:00:00"


def write_config(directory: Path, objects: list[dict[str, Any]], page_size: int) -> Path:
    """medallion's configuration and data file for `objects` in one collection; each object
    gets its own date_added, a microsecond after the previous one, in list order."""
    manifest = [
        {"id": obj["id"], "date_added": f"{T0}.{at:06d}Z",
         "version": obj.get("modified") or obj.get("created"),
         "media_type": "application/stix+json;version=2.1"}
        for at, obj in enumerate(objects)
    ]  # fmt: skip
    data = {
        "/discovery": {
            "title": "medallion",
            "default": f"http://127.0.0.1/{API_ROOT}/",
            "api_roots": [f"http://127.0.0.1/{API_ROOT}/"],
        },
        API_ROOT: {
            "information": {
                "title": "bench",
                "versions": ["application/taxii+json;version=2.1"],
                "max_content_length": 100 * 1024 * 1024,
            },
            "status": [],
            "collections": [
                {
                    "id": COLLECTION,
                    "title": "bench",
                    "can_read": True,
                    "can_write": True,
                    "media_types": ["application/stix+json;version=2.1"],
                    "objects": objects,
                    "manifest": manifest,
                }
            ],
        },
    }
    data_file = directory / "medallion-data.json"
    data_file.write_bytes(orjson.dumps(data))
    config = {
        "users": {USER: PASSWORD},
        "taxii": {"max_page_size": page_size},
        "backend": {
            "module": "medallion.backends.memory_backend",
            "module_class": "MemoryBackend",
            "filename": str(data_file),
            "session_timeout": 3600,
        },
    }
    config_file = directory / "medallion-config.json"
    config_file.write_bytes(orjson.dumps(config))
    return config_file


def main(argv: list[str]) -> int:
    import logging

    from medallion import load_app
    from werkzeug.serving import run_simple

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = load_app(argv[0])
    run_simple("127.0.0.1", int(argv[1]), app, threaded=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
