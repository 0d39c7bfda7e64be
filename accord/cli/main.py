"""The command group, global options and the error table at the CLI edge."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from accord.cli import exits
from accord.errors import AccordError
from accord.service import Accord
from accord.settings import Settings
from accord.store import Store, open_store


@dataclass
class AppContext:
    """What every command gets: settings, and a store and service opened on first use."""

    settings: Settings
    _service: Accord | None = field(default=None, repr=False)

    def service(self, *, upgrade: bool = False) -> Accord:
        if self._service is None:
            self._service = Accord(
                open_store(self.settings.effective_database_url, upgrade=upgrade)
            )
        return self._service

    def store(self, *, upgrade: bool = False) -> Store:
        return self.service(upgrade=upgrade).store

    def close(self) -> None:
        if self._service is not None:
            self._service.store.close()


class AccordGroup(click.Group):
    """Turns AccordError into one line on stderr and its documented exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AccordError as exc:
            click.echo(f"accord: error: {exc}", err=True)
            ctx.exit(exits.code_for(exc))
        except KeyboardInterrupt:
            click.echo("accord: interrupted; the write in progress was rolled back", err=True)
            ctx.exit(exits.INTERRUPTED)


@click.group(cls=AccordGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "database_url",
    envvar="ACCORD_DATABASE_URL",
    metavar="URL",
    help="Database: sqlite:///path.db or postgresql://user@host/db "
    "[default: accord.db in the data directory].",
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="ACCORD_DATA_DIR",
    help="Where Accord keeps its files.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="ACCORD_CONFIG",
    help="A TOML settings file.",
)
@click.version_option(package_name="accord")
@click.pass_context
def cli(
    ctx: click.Context, database_url: str | None, data_dir: Path | None, config_file: Path | None
) -> None:
    """Accord: security-cooperation knowledge in a versioned STIX 2.1 store.

    Exit codes: 0 done; 1 done, but --skip-invalid left objects out; 2 usage or
    configuration error; 3 input refused (nothing from it written); 4 not found;
    5 database error; 6 denied; 7 name taken; 8 a remote node failed or a sync
    failed; 130 interrupted.
    """
    try:
        settings = Settings.load(
            config_file=config_file, database_url=database_url, data_dir=data_dir
        )
    except AccordError as exc:
        raise click.UsageError(str(exc)) from exc
    logging.basicConfig(level=settings.log_level, format="accord: %(levelname)s: %(message)s")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # it logs every repaired PDF quirk
    logging.getLogger("httpx").setLevel(logging.WARNING)  # a line per request of every sync
    app = AppContext(settings)
    ctx.obj = app
    ctx.call_on_close(app.close)


def main() -> None:
    cli(prog_name="accord")


def echo_json(value: Any) -> None:
    import orjson

    sys.stdout.buffer.write(orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n")
    sys.stdout.flush()
