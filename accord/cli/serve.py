"""``accord serve``: the REST API (/api/v1) and TAXII 2.1 (/taxii2/) over the configured store,
served by uvicorn, with due syncs with peers run in a background thread."""

from __future__ import annotations

import click

from accord.cli.main import AppContext, cli

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve_api(app: AppContext, host: str, port: int, *, sync: bool = True) -> None:
    import uvicorn

    from accord.service.sync import SyncLoop
    from accord.web import PREFIX, create_app

    api = create_app(app.settings, app.service())
    base = f"http://{host}:{port}{PREFIX}"
    click.echo(f"Accord REST API at {base} (interactive docs: {base}/docs); Ctrl-C stops it")
    loop = SyncLoop(app.service()).start() if sync else None
    try:
        uvicorn.run(api, host=host, port=port, log_level=app.settings.log_level.lower(),
                    server_header=False)  # fmt: skip
    finally:
        if loop is not None:
            loop.stop()


@cli.command("serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option("--port", default=DEFAULT_PORT, show_default=True,
              type=click.IntRange(1, 65535), help="Port to listen on.")  # fmt: skip
@click.option(
    "--sync/--no-sync",
    default=True,
    show_default=True,
    help="Run due syncs with peers (`accord peer add`) in the background.",
)
@click.pass_obj
def serve(app: AppContext, host: str, port: int, sync: bool) -> None:
    """Serve the REST API under /api/v1 (OpenAPI at /api/v1/openapi.json, docs at
    /api/v1/docs). Callers authenticate with API tokens (`accord token create`). The schema
    must be current: run `accord db upgrade` first. Due syncs with peers run in the
    background unless --no-sync."""
    serve_api(app, host, port, sync=sync)
