"""The ``accord`` command line: parse, call the service, print. Exit codes are in
:mod:`accord.cli.exits` and docs/cli.md."""

from __future__ import annotations

from accord.cli import (  # noqa: F401  (each registers its commands)
    admin,
    collections,
    extraction,
    objects,
    principals,
    serve,
    sharing,
    sync,
    transfer,
)
from accord.cli.main import cli, main

__all__ = ["cli", "main"]
