"""Docs checked by tests: every command and every setting is documented."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import click

from accord.cli import cli
from accord.settings import Settings

DOCS = Path(__file__).resolve().parent.parent / "docs"


def command_paths(group: click.Group, prefix: str = "accord") -> list[str]:
    paths = []
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            paths += command_paths(command, path)
        else:
            paths.append(path)
    return paths


def test_every_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text()
    missing = [path for path in command_paths(cli) if f"`{path}" not in text]
    assert missing == []


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text()
    for field in fields(Settings):
        assert f"`{field.name}`" in text, field.name
        assert f"`ACCORD_{field.name.upper()}`" in text, field.name


def test_every_exit_code_is_documented() -> None:
    from accord.cli import exits

    text = (DOCS / "cli.md").read_text()
    codes = [v for k, v in vars(exits).items() if k.isupper() and isinstance(v, int)]
    for code in codes:
        assert f"| {code} |" in text, code
