"""``/documents``: upload (a multipart file or JSON text) to ingest, list, read with findings
and spans, delete."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import Response

from accord.errors import InputError
from accord.service.imports import SharingChoice
from accord.store.model import Sharing
from accord.web import responses
from accord.web.deps import Cursor, Ingester, Limit, Reader, Service, Sharer, get_settings
from accord.web.errors import PayloadTooLargeError, RefusedError
from accord.web.models import SharingIn, TextUpload

router = APIRouter(tags=["documents"])

DocumentKey = Annotated[
    str, Path(max_length=200, description="A document's report id or digest, or a source number.")
]


@dataclass(frozen=True, slots=True)
class Upload:
    filename: str
    data: bytes
    sharing: Sharing | SharingChoice


def _sharing(fields: dict[str, Any]) -> Sharing | SharingChoice:
    try:
        return SharingIn.model_validate(fields).to_choice()
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False, include_input=False)) from None


async def read_upload(request: Request) -> Upload:
    """The document in the request, read no further than ``max_upload_bytes``."""
    limit = get_settings(request).max_upload_bytes
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=20)
        try:
            file = form.get("file")
            if not isinstance(file, UploadFile):
                raise InputError("the form has no file: send it as the field 'file'")
            data = await file.read(limit + 1)
            if len(data) > limit:
                raise PayloadTooLargeError(limit)
            fields: dict[str, Any] = {
                name: form.get(name) for name in ("tlp", "distribution") if form.get(name)
            }
            fields["groups"] = [g for g in form.getlist("groups") if isinstance(g, str) and g]
            return Upload(file.filename or "", data, _sharing(fields))
        finally:
            await form.close()
    if media_type == "application/json":
        try:
            body = TextUpload.model_validate_json(await request.body())
        except ValidationError as exc:
            errors = exc.errors(include_url=False, include_input=False)
            raise RequestValidationError(errors) from None
        data = body.text.encode()
        if len(data) > limit:
            raise PayloadTooLargeError(limit)
        return Upload(body.filename, data, body.to_choice())
    raise HTTPException(415, "send the document as multipart/form-data or application/json")


_SHARING_FORM = {
    "tlp": {"type": "string", "enum": ["clear", "green", "amber", "amber+strict", "red"]},
    "distribution": {"type": "string", "enum": ["owner", "groups", "community", "federation"]},
    "groups": {"type": "array", "items": {"type": "integer"}},
}
_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}, **_SHARING_FORM},
                }
            },
            "application/json": {"schema": TextUpload.model_json_schema()},
        },
    }
}


@router.post(
    "/documents", summary="Upload a document", status_code=201, openapi_extra=_UPLOAD_BODY,
    responses={200: {"description": "The caller's organisation holds this document already"},
               413: {"description": "The upload is larger than max_upload_bytes"},
               422: {"description": "The document or bundle was refused; nothing was written"}},
)  # fmt: skip
def upload_document(
    service: Service, owner: Ingester, upload: Annotated[Upload, Depends(read_upload)]
) -> Response:
    """Ingest a document (.txt, .html, .pdf, .docx) or import a STIX bundle, OpenCTI export or
    MISP event (.json), owned by the caller's organisation and shared as asked. What is not
    asked for comes from the input (a MISP event's distribution and tlp tag, a bundle's TLP
    markings), else owner only, TLP:AMBER."""
    report = service.ingest_bytes(upload.data, upload.filename, owner=owner,
                                  sharing=upload.sharing)  # fmt: skip
    if report.error is not None:
        raise RefusedError(report.error, report.as_dict())
    return responses.json(report.as_dict(), 200 if report.document == "already stored" else 201)


@router.get("/documents", summary="List documents")
def list_documents(service: Service, viewer: Reader, limit: Limit = 100,
                   cursor: Cursor = None) -> Response:  # fmt: skip
    """The documents the caller may see, with their sharing; follow `next`."""
    documents, next_cursor = service.documents(viewer=viewer, limit=limit, cursor=cursor)
    return responses.json({"documents": documents, "next": next_cursor})


@router.get("/documents/{key}", summary="Get a document")
def get_document(service: Service, viewer: Reader, key: DocumentKey) -> Response:
    """A document with its text, its sharing, the facts found in it and the entities it names,
    each with the spans of its evidence in the text."""
    return responses.json(service.document(key, viewer=viewer))


@router.delete("/documents/{key}", summary="Delete a document")
def delete_document(service: Service, viewer: Sharer, key: DocumentKey) -> Response:
    """Delete a document of the caller's organisation and every fact only it holds."""
    return responses.json({"deleted_versions": service.delete_document(key, viewer=viewer)})
