"""The HTTP API counters talk to: enrol, push, pull and health, every answer stamped with the server's clock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from anyio import to_thread
from fastapi import FastAPI, Query, Request, Security
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from peewee import Database
from pydantic import BaseModel, Field

from ..sync.wire import MAX_BATCH, MAX_BODY_BYTES, MAX_PULL_LIMIT, PROTOCOL_VERSION, time_text, utc_now
from .admin import AuthError, Caller, authenticate
from .feed import page_json, read_feed
from .limits import BodyLimitAndClock
from .models import bind_models
from .schema import current_version
from .writer import PushWriter

REQUEST_THREADS = 12

#: The counter's token, `Authorization: Bearer <token>` (declared once so OpenAPI shows the scheme).
BEARER = HTTPBearer(auto_error=False, description="the counter's token from `counter-server add-counter`")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)]


class ApiError(Exception):
    """An answer other than 200: HTTP status and a stable error code, sent as `{"error": code, …}`."""

    def __init__(self, status: int, code: str, **extra: Any) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.extra = extra


class ChangeIn(BaseModel):
    """One change as the counter's outbox holds it."""

    change_id: str = Field(min_length=1, max_length=64)
    kind: str = Field(max_length=64)
    dossier_id: str | None = Field(default=None, max_length=64)
    counter: int
    officer: str = Field(max_length=200)
    created_at: str = Field(max_length=64, description="device time, ISO 8601")
    payload: dict[str, Any]


class PushIn(BaseModel):
    changes: list[ChangeIn]
    device_time: str | None = Field(default=None, description="the counter's clock when it sent the batch")


class ResultOut(BaseModel):
    change_id: str
    result: str = Field(description="applied | duplicate | conflict | rejected | retry")
    reason: str = ""
    original: str = Field(default="", description="for a duplicate: the result the change first got")
    version: int | None = None


class PushOut(BaseModel):
    server_time: str
    results: list[ResultOut]


class PullOut(BaseModel):
    server_time: str
    cursor: int
    more: bool
    items: list[dict[str, Any]]


class EnrolOut(BaseModel):
    agency_id: str
    counter: int
    server_time: str
    protocol: int


def create_app(db: Database) -> FastAPI:
    """The API over an opened (and migrated) server database."""
    m = bind_models(db)
    writer = PushWriter(m)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Few request threads: they mostly wait on the database, and fewer of them fight less for the
        # interpreter (and leave the push writer thread room to run).
        to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
        yield
        writer.close()

    app = FastAPI(title="Quầy Một cửa — máy chủ đồng bộ", version=str(PROTOCOL_VERSION), lifespan=lifespan)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse({"error": exc.code, **exc.extra}, status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = jsonable_encoder(exc.errors(), custom_encoder={Exception: str})
        return JSONResponse({"error": "request.invalid", "detail": detail}, status_code=422)

    def caller_of(credentials: HTTPAuthorizationCredentials | None) -> Caller:
        if credentials is None or not credentials.credentials:
            raise ApiError(401, "auth.missing")
        try:
            return authenticate(m, credentials.credentials)
        except AuthError as exc:
            raise ApiError(401, exc.code) from exc

    @app.get("/health")
    def health() -> dict[str, Any]:
        with db.connection_context():
            version = current_version(db)
        return {"status": "ok", "server_time": time_text(utc_now()), "schema_version": version}

    @app.post("/v1/enrol", response_model=EnrolOut)
    def enrol(credentials: Credentials) -> dict[str, Any]:
        with db.connection_context():
            caller = caller_of(credentials)
        return {
            "agency_id": caller.agency_id,
            "counter": caller.counter,
            "server_time": time_text(utc_now()),
            "protocol": PROTOCOL_VERSION,
        }

    @app.post("/v1/push", response_model=PushOut, responses={413: {}, 422: {}, 401: {}})
    async def push(body: PushIn, credentials: Credentials) -> dict[str, Any]:
        if len(body.changes) > MAX_BATCH:
            raise ApiError(422, "batch.too_large", limit=MAX_BATCH)
        changes = [c.model_dump() for c in body.changes]
        ids = [c["change_id"] for c in changes]
        if len(set(ids)) != len(ids):
            raise ApiError(422, "batch.duplicate_ids")

        if credentials is None or not credentials.credentials:
            raise ApiError(401, "auth.missing")
        try:  # the writer checks the token and answers only once the batch is committed
            results = await asyncio.wrap_future(writer.enqueue(credentials.credentials, changes))
        except AuthError as exc:
            raise ApiError(401, exc.code) from exc
        return {"server_time": time_text(utc_now()), "results": [r.to_dict() for r in results]}

    @app.get("/v1/pull", response_class=Response, responses={200: {"model": PullOut}, 401: {}})
    def pull(
        credentials: Credentials,
        cursor: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = 500,
    ) -> Response:
        with db.connection_context():
            caller = caller_of(credentials)
            page = read_feed(m, caller.agency_id, cursor, limit)
        return Response(page_json(page, time_text(utc_now())), media_type="application/json")

    app.add_middleware(BodyLimitAndClock, max_bytes=MAX_BODY_BYTES)
    return app
