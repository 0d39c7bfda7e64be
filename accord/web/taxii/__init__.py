"""The TAXII 2.1 surface (``/taxii2/``), a sub-application with its own error body (the
TAXII error resource) and its own bound on request bodies (the API root's
max_content_length). docs/taxii.md describes it for users."""

from __future__ import annotations

from fastapi import FastAPI

from accord.service import Accord
from accord.settings import Settings
from accord.web.limits import BodyLimit
from accord.web.taxii import errors
from accord.web.taxii.errors import error_body
from accord.web.taxii.media import TAXII
from accord.web.taxii.routes import API_ROOT, router

PREFIX = "/taxii2"


def _taxii_refusal(status: int, detail: str) -> tuple[str, bytes]:
    return TAXII, error_body(status, detail)


def create_taxii_app(settings: Settings, service: Accord) -> FastAPI:
    app = FastAPI(
        title="Accord TAXII 2.1", openapi_url=None, docs_url=None, redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )  # fmt: skip
    app.state.settings = settings
    app.state.service = service
    errors.install(app)
    app.include_router(router)
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes, render=_taxii_refusal)
    return app


__all__ = ["API_ROOT", "PREFIX", "create_taxii_app"]
