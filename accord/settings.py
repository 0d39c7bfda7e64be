"""Typed settings, read from ACCORD_* environment variables and an optional TOML file.

Precedence, lowest first: built-in defaults, the TOML file (``ACCORD_CONFIG`` or
``--config``), environment variables, explicit overrides (command-line flags). Settings are
passed to whatever needs them; nothing imports a global settings object.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from accord.errors import ConfigError

ENVIRONMENTS = ("dev", "test", "prod")


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting Accord reads. Each field is documented in docs/settings.md."""

    data_dir: Path
    database_url: str | None = None
    environment: str = "dev"
    log_level: str = "INFO"
    max_upload_bytes: int = 20 * 1024 * 1024

    @property
    def effective_database_url(self) -> str:
        """The database to open: the explicit URL, else a SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'accord.db'}"

    @classmethod
    def load(
        cls,
        env: Mapping[str, str] | None = None,
        config_file: Path | None = None,
        **overrides: Any,
    ) -> Settings:
        env = os.environ if env is None else env
        values: dict[str, Any] = {"data_dir": Path(platformdirs.user_data_dir("accord"))}
        path = config_file or (Path(env["ACCORD_CONFIG"]) if env.get("ACCORD_CONFIG") else None)
        if path is not None:
            values.update(_read_toml(path))
        for field in fields(cls):
            raw = env.get(f"ACCORD_{field.name.upper()}")
            if raw:
                values[field.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls._build(values)

    @classmethod
    def _build(cls, values: dict[str, Any]) -> Settings:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}")
        settings = cls(data_dir=Path(values.pop("data_dir")).expanduser())
        for name in _INT_FIELDS & set(values):
            values[name] = _positive_int(name, values[name])
        settings = replace(settings, **values)
        if settings.environment not in ENVIRONMENTS:
            raise ConfigError(
                f"environment must be one of {', '.join(ENVIRONMENTS)}, "
                f"not {settings.environment!r}"
            )
        return settings


_INT_FIELDS = frozenset({"max_upload_bytes"})


def _positive_int(name: str, value: Any) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a whole number, not {value!r}") from None
    if isinstance(value, bool) or number < 1:
        raise ConfigError(f"{name} must be a positive whole number, not {value!r}")
    return number


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from exc
    section = data.get("accord", data)
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [accord] must be a table")
    return dict(section)
