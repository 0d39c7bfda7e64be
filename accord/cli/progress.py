"""Progress on long work: a bar on a terminal, plain lines when asked for off a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from accord.store.model import Progress


def progress_factory(mode: bool | None) -> Callable[[str], Progress] | None:
    """`mode` None: a bar when stderr is a terminal; True: always (plain lines off a
    terminal); False: never."""
    tty = sys.stderr.isatty()
    if mode is False or (mode is None and not tty):
        return None
    return _bar if tty else _lines


def _bar(label: str) -> Progress:
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        bar = state.get("bar")
        if bar is None:
            bar = state["bar"] = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)
        if done >= total:
            bar.__exit__(None, None, None)

    return update


def _lines(label: str) -> Progress:
    def update(done: int, total: int) -> None:
        click.echo(f"{label}: {done}/{total} objects written", err=True)

    return update
