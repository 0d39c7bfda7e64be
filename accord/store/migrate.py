"""Numbered SQL migrations, one folder per engine, applied in order and recorded in
``schema_migrations``. A fresh database is initialised on open; an existing one is upgraded only
on request (``accord db upgrade``), so a deployment never changes schema behind its operator."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(engine: str) -> list[Migration]:
    """The migrations shipped for `engine` ('sqlite' or 'postgres'), oldest first."""
    folder = resources.files("accord.store.migrations").joinpath(engine)
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            number, _, rest = entry.name.partition("_")
            found.append(Migration(int(number), rest.removesuffix(".sql"), entry.read_text()))
    return sorted(found, key=lambda migration: migration.version)


def latest_version(engine: str) -> int:
    return max(migration.version for migration in migrations(engine))
