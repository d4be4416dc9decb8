"""The HTTP side of digitised papers: how much of a file has arrived, a chunk of it, and the whole file.

    GET  /v1/files/{sha256}/status   → {"size", "received", "complete"}
    PUT  /v1/files/{sha256}          header `Upload-Offset: N`, body the bytes from N (at most 4 MiB)
                                     → {"size", "received", "complete"}; 409 `file.offset` with `received` when N is
                                       not what arrived; 422 `file.hash_mismatch` (start again) or `file.too_long`
    GET  /v1/files/{sha256}          → the PDF, once whole

Every call needs the counter's credential (the gate checks it before the body is read); a file is found only among
the caller's agency's papers (404 `file.unknown` otherwise, never another agency's).
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Annotated, Any

from anyio import to_thread
from fastapi import FastAPI, Header, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel

from .admin import Caller
from .files import CHUNK_BYTES, FileVault, UploadError

_STATUS = {"file.unknown": 404, "file.offset": 409, "file.hash_mismatch": 422, "file.too_long": 422}
Sha256 = Annotated[
    str, PathParam(pattern=r"^[0-9a-f]{64}$", description="the file's SHA-256, lower-case hex")
]
Offset = Annotated[int, Header(alias="Upload-Offset", ge=0, le=2**40, description="where this chunk starts")]


class FileProgressOut(BaseModel):
    size: int
    received: int
    complete: bool


def add_file_routes(
    app: FastAPI,
    m: SimpleNamespace,
    vault: FileVault,
    caller_of: Callable[[Request], Caller],
    error_responses: Callable[..., dict[int | str, dict[str, Any]]],
) -> None:
    def refuse(code: str, status: int, **extra: Any) -> JSONResponse:
        return JSONResponse({"error": code, **extra}, status_code=status)

    def progress_json(progress: Any, size: int) -> dict[str, Any]:
        return {"size": size, "received": progress.received, "complete": progress.complete}

    @app.get(
        "/v1/files/{sha256}/status",
        response_model=FileProgressOut,
        responses=error_responses(401, 404, 422, 429),
    )
    def status(request: Request, sha256: Sha256) -> Any:
        caller = caller_of(request)
        try:
            with m.db.connection_context():
                size = vault.expected_size(m, caller.agency_id, sha256)
                return progress_json(vault.progress(m, caller.agency_id, sha256), size)
        except UploadError as exc:
            return refuse(exc.code, _STATUS[exc.code], received=exc.received)

    @app.put(
        "/v1/files/{sha256}",
        response_model=FileProgressOut,
        responses=error_responses(400, 401, 404, 408, 409, 413, 422, 429),
        description=f"The bytes from `Upload-Offset` (at most {CHUNK_BYTES} a request) as the raw body.",
    )
    async def upload(request: Request, sha256: Sha256, offset: Offset) -> Any:
        caller = caller_of(request)
        chunk = await request.body()
        if len(chunk) > CHUNK_BYTES:
            return refuse("request.too_large", 413, limit=CHUNK_BYTES)

        def store() -> Any:
            with m.db.connection_context():
                size = vault.expected_size(m, caller.agency_id, sha256)
                return progress_json(vault.append(m, caller.agency_id, sha256, offset, chunk), size)

        try:
            return await to_thread.run_sync(store)
        except UploadError as exc:
            return refuse(exc.code, _STATUS[exc.code], received=exc.received)

    @app.get(
        "/v1/files/{sha256}",
        response_class=FileResponse,
        responses={
            200: {"content": {"application/pdf": {}}, "description": "the whole file"},
            **error_responses(401, 404, 422, 429),
        },
    )
    def download(request: Request, sha256: Sha256) -> Any:
        caller = caller_of(request)
        with m.db.connection_context():
            try:
                vault.expected_size(m, caller.agency_id, sha256)
            except UploadError:
                return refuse("file.unknown", 404)
        path = vault.read(caller.agency_id, sha256)
        if path is None:
            return refuse("file.not_stored", 404)
        return FileResponse(path, media_type="application/pdf")
