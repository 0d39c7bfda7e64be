"""Accord: security-cooperation knowledge in a versioned STIX 2.1 store.

The library API; the ``accord`` command and (later) the web service are thin shells over it::

    from accord import Accord, SYSTEM, open_store

    service = Accord(open_store("sqlite:///accord.db"))
    report = service.import_path("bundle.json")
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from accord.errors import (
    AccordError,
    BundleError,
    ConfigError,
    FileReadError,
    InputError,
    NotFoundError,
    Problem,
    SchemaError,
    StoreError,
)
from accord.service import Accord, ImportReport
from accord.settings import Settings
from accord.sharing import SYSTEM, Principal
from accord.store import ObjectQuery, Store, open_store

try:
    __version__ = version("accord")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = [
    "SYSTEM", "Accord", "AccordError", "BundleError", "ConfigError", "FileReadError",
    "ImportReport", "InputError", "NotFoundError", "ObjectQuery", "Principal", "Problem",
    "SchemaError", "Settings", "Store", "StoreError", "__version__", "open_store",
]  # fmt: skip
