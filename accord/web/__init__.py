"""The REST API (``/api/v1``): an app factory over a service. Importing this package starts
nothing, opens nothing and reads no settings; :func:`create_app` is handed both."""

from __future__ import annotations

from importlib.metadata import version

from fastapi import FastAPI

from accord.service import Accord
from accord.settings import Settings
from accord.web import errors
from accord.web.api import router
from accord.web.limits import ENVELOPE, BodyLimit
from accord.web.taxii import PREFIX as TAXII_PREFIX
from accord.web.taxii import create_taxii_app

PREFIX = "/api/v1"


def create_app(settings: Settings, service: Accord) -> FastAPI:
    """The API over `service`, configured by `settings`."""
    app = FastAPI(
        title="Accord",
        summary="Security-cooperation knowledge: documents, STIX 2.1 objects, sharing.",
        version=version("accord"),
        openapi_url=f"{PREFIX}/openapi.json",
        docs_url=f"{PREFIX}/docs",
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    app.state.settings = settings
    app.state.service = service
    errors.install(app)
    # TAXII first: a TAXII request is then matched by one prefix, not tried against every
    # REST route before it (its paging walks are many requests).
    app.mount(TAXII_PREFIX, create_taxii_app(settings, service))
    app.include_router(router, prefix=PREFIX)
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes + ENVELOPE,
                       exempt=TAXII_PREFIX + "/")  # fmt: skip
    return app


__all__ = ["PREFIX", "create_app"]
