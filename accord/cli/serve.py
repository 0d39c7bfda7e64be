"""``accord serve``: the REST API (/api/v1) over the configured store, served by uvicorn."""

from __future__ import annotations

import click

from accord.cli.main import AppContext, cli

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve_api(app: AppContext, host: str, port: int) -> None:
    import uvicorn

    from accord.web import PREFIX, create_app

    api = create_app(app.settings, app.service())
    base = f"http://{host}:{port}{PREFIX}"
    click.echo(f"Accord REST API at {base} (interactive docs: {base}/docs); Ctrl-C stops it")
    uvicorn.run(api, host=host, port=port, log_level=app.settings.log_level.lower(),
                server_header=False)  # fmt: skip


@cli.command("serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option("--port", default=DEFAULT_PORT, show_default=True,
              type=click.IntRange(1, 65535), help="Port to listen on.")  # fmt: skip
@click.pass_obj
def serve(app: AppContext, host: str, port: int) -> None:
    """Serve the REST API under /api/v1 (OpenAPI at /api/v1/openapi.json, docs at
    /api/v1/docs). Callers authenticate with API tokens (`accord token create`). The schema
    must be current: run `accord db upgrade` first."""
    serve_api(app, host, port)
