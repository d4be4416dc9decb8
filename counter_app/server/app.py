"""The HTTP API counters talk to: enrol, push, pull and health, every answer stamped with the server's clock."""

from __future__ import annotations

import asyncio
import email.message
import gc
import json
import os
import sys
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Annotated, Any

from anyio import CapacityLimiter, to_thread
from fastapi import FastAPI, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from peewee import Database
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..core.wire import MAX_BATCH, MAX_BODY_BYTES, PROTOCOL_VERSION, Change, time_text, utc_now
from .admin import AuthError, Caller, authenticate, enrol_installation
from .audit import AuditIn, AuditOut, append_entries
from .bounds import ChangeCounter, Cursor, Id, Name, Payload, PullLimit, ShortText
from .console.contact import ContactRecorder
from .console.routes import console_router, static_files
from .database import open_database
from .feed import page_json, read_feed
from .files import DEFAULT_FILES_DIR, FileVault
from .files_api import add_file_routes
from .guard import AuthGate, SharedThrottle, address_key, counter_key, log_failure
from .limits import BODY_TIMEOUT_S, BodyLimit, ServerClock
from .models import bind_models
from .portal_files import add_portal_file_route
from .portal_worker import PortalOptions, PortalWorker
from .schema import current_version
from .writer import PushWriter

REQUEST_THREADS = 12
#: A push body larger than this (a queue sent after being offline: up to about 650 KB) is parsed and answered on at
#: most `LARGE_BODY_THREADS` threads at once, counted apart from the `REQUEST_THREADS`, so a reconnect storm's
#: batches never take every request thread while a counter at work waits for one.
LARGE_BODY = 64 * 1024
LARGE_BODY_THREADS = 2
#: FastAPI's and Starlette's own refusals (unparseable body, unknown path, wrong method) as error codes.
HTTP_ERROR_CODES = {
    400: "request.malformed",
    404: "not_found",
    405: "method.not_allowed",
    413: "request.too_large",
}

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


def validation_detail(exc: RequestValidationError, limit: int = 20) -> list[dict[str, Any]]:
    """What was wrong with a request, safe to send back: type, location and message of the first `limit` errors;
    never the input itself, and texts cut short and made valid UTF-8 (a lone surrogate cannot be encoded)."""

    def safe(text: object) -> str:
        return str(text)[:200].encode("utf-8", "replace").decode("utf-8").replace("\x00", "")

    return [
        {
            "type": safe(error.get("type", "")),
            "loc": [part if isinstance(part, int) else safe(part) for part in error.get("loc", ())],
            "msg": safe(error.get("msg", "")),
        }
        for error in exc.errors()[:limit]
    ]


class ChangeIn(BaseModel):
    """One change as the counter's outbox holds it (every field bounded and strictly typed: `bounds`)."""

    model_config = ConfigDict(strict=True, extra="forbid")

    change_id: Id
    kind: ShortText = Field(description="dossier.create | dossier.event")
    dossier_id: Id | None = None
    counter: ChangeCounter
    officer: Name
    created_at: ShortText = Field(description="device time, ISO 8601")
    payload: Payload


class PushIn(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")

    changes: list[ChangeIn] = Field(description=f"at most {MAX_BATCH} changes (more: 422 `batch.too_large`)")
    device_time: ShortText | None = Field(
        default=None, description="the counter's clock when it sent the batch"
    )


class ErrorOut(BaseModel):
    """Every answer other than 200: a stable code, sometimes with details (`limit`, `detail`)."""

    model_config = ConfigDict(extra="allow")

    error: str = Field(description="e.g. auth.invalid, request.invalid, request.too_large, batch.too_large")


def parse_push(raw: bytes, content_type: str | None) -> tuple[PushIn, list[Change]]:
    """A push's body read as FastAPI reads a declared body (JSON when the type says so or says nothing, then the
    model, strict; the same refusals: 422 `request.invalid`, 400 `request.malformed`), and its changes typed.
    Run on a request thread: a full batch is about 650 KB, whose parsing on the event loop held up every other
    request of the process (the province benchmark's storm)."""
    data: Any = _MISSING
    if raw:
        if content_type is None or _is_json(content_type):
            try:
                data = json.loads(raw)
            except json.JSONDecodeError as exc:
                error = {
                    "type": "json_invalid",
                    "loc": ("body", exc.pos),
                    "msg": "JSON decode error",
                    "input": {},
                }
                raise RequestValidationError([error]) from exc
            except (ValueError, RecursionError) as exc:  # not UTF-8, nested past the parser's depth
                raise ApiError(400, "request.malformed") from exc
        else:
            data = raw
    if data is _MISSING:
        raise RequestValidationError(
            [{"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}]
        )
    try:
        body = PushIn.model_validate(data)
    except ValidationError as exc:
        errors = [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
        raise RequestValidationError(errors) from exc
    if len(body.changes) > MAX_BATCH:
        raise ApiError(422, "batch.too_large", limit=MAX_BATCH)
    return body, [Change(**c.model_dump()) for c in body.changes]


def push_json(results: list[Any]) -> bytes:
    """The push's answer (`PushOut`) as JSON."""
    answer = {"server_time": time_text(utc_now()), "results": [r.to_dict() for r in results]}
    return json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


_MISSING = object()


def _is_json(content_type: str) -> bool:
    message = email.message.Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


def with_model_schemas(app: FastAPI, *models: type[BaseModel]) -> None:
    """Add `models` to the OpenAPI components: bodies parsed by the route itself (`parse_push`) name them with
    `openapi_extra`, which FastAPI does not collect."""
    default = app.openapi

    def openapi() -> dict[str, Any]:
        schema = default()
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in models:
            found = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, definition in found.pop("$defs", {}).items():
                schemas.setdefault(name, definition)
            schemas.setdefault(model.__name__, found)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI entries of the answers other than 200 an endpoint can give (all in the `ErrorOut` shape)."""
    return {status: {"model": ErrorOut} for status in statuses}


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
    credential: str = Field(description="this installation's own secret; the one-time token is spent")
    slot_numbers: dict[str, int] = Field(description="highest running number per day (YYMMDD) in the slot")
    reinstalled: bool = Field(description="the counter number was used before: codes wait for a first sync")
    slot_digits: int = Field(
        default=2, description="the unit's dossier-code slot width: 1 (counters 1–9) or 2 (counters 1–99)"
    )


def create_app(
    db: Database,
    *,
    api_docs: bool = False,
    body_timeout_s: float = BODY_TIMEOUT_S,
    portal: PortalOptions | None = None,
    files_dir: Path = DEFAULT_FILES_DIR,
) -> FastAPI:
    """The API over an opened (and migrated) server database; `/docs` and `/redoc` only with `api_docs`
    (`/openapi.json` is always served: it is the contract counters and tests read). With `portal`, a thread
    sends the national portal queue of every unit connected to it (portal_worker; idle while none is).
    Digitised papers' files are kept under `files_dir` (server/files.py)."""
    m = bind_models(db)
    writer = PushWriter(m)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Few request threads: they mostly wait on the database, and fewer of them fight less for the
        # interpreter (and leave the push writer thread room to run).
        to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
        _app.state.large_bodies = CapacityLimiter(LARGE_BODY_THREADS)  # bound to this event loop
        stop = threading.Event()
        sender = None
        if portal is not None:
            worker = PortalWorker(m, portal)
            sender = threading.Thread(target=worker.run_forever, args=(stop,), name="portal", daemon=True)
            sender.start()
        yield
        stop.set()
        if sender is not None:
            sender.join(portal.timeout_s + 5 if portal is not None else 5)
        writer.close()

    app = FastAPI(
        title="Quầy Một cửa — máy chủ đồng bộ",
        version=str(PROTOCOL_VERSION),
        lifespan=lifespan,
        docs_url="/docs" if api_docs else None,
        redoc_url="/redoc" if api_docs else None,
    )

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse({"error": exc.code, **exc.extra}, status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": "request.invalid", "detail": validation_detail(exc)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = HTTP_ERROR_CODES.get(exc.status_code, f"http.{exc.status_code}")
        return JSONResponse({"error": code}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _failed(_request: Request, _exc: Exception) -> JSONResponse:
        return JSONResponse({"error": "server.error"}, status_code=500)

    throttle = SharedThrottle(m)  # counted in the database: shared by every process on it
    contact = ContactRecorder(m)  # what counters say of themselves (version, outbox, clock): the console

    def authenticate_now(credential: str) -> Caller:
        with db.connection_context():
            return authenticate(m, credential)

    def caller_of(request: Request) -> Caller:
        """The counter the gate (guard.py) authenticated before the body was read."""
        caller = request.scope.get("state", {}).get("caller")
        if not isinstance(caller, Caller):
            raise ApiError(401, "auth.missing")
        return caller

    @app.get("/health")
    def health() -> dict[str, Any]:
        with db.connection_context():
            version = current_version(db)
        return {"status": "ok", "server_time": time_text(utc_now()), "schema_version": version}

    @app.post("/v1/enrol", response_model=EnrolOut, responses=error_responses(401, 429))
    def enrol(request: Request, credentials: Credentials) -> dict[str, Any]:
        address = address_key(request.scope)
        if credentials is None or not credentials.credentials:
            throttle.failed(address)
            log_failure(request.scope, "auth.missing")
            raise ApiError(401, "auth.missing")
        try:
            with db.connection_context():
                enrolled = enrol_installation(m, credentials.credentials)
        except AuthError as exc:
            named = exc.params.get("agency_id"), exc.params.get("counter")
            keys = [address]
            if isinstance(named[0], str) and isinstance(named[1], int):
                keys.append(counter_key(named[0], named[1]))
            throttle.failed(*keys)
            log_failure(request.scope, exc.code, keys[-1][8:] if len(keys) > 1 else "")
            raise ApiError(401, exc.code) from exc
        throttle.succeeded(address)
        return {
            "agency_id": enrolled.caller.agency_id,
            "counter": enrolled.caller.counter,
            "server_time": time_text(utc_now()),
            "protocol": PROTOCOL_VERSION,
            "credential": enrolled.credential,
            "slot_numbers": enrolled.slot_numbers,
            "reinstalled": enrolled.reinstalled,
            "slot_digits": enrolled.slot_digits,
        }

    @app.post(
        "/v1/push",
        response_class=Response,
        responses={200: {"model": PushOut}, **error_responses(400, 401, 408, 413, 422, 429)},
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushIn"}}},
            }
        },
    )
    async def push(request: Request, credentials: Credentials) -> Response:
        raw = await request.body()  # bounded and timed by BodyLimit
        content_type = request.headers.get("content-type")
        # a storm's batches take turns on threads counted apart, never all the request threads
        limiter = request.app.state.large_bodies if len(raw) > LARGE_BODY else None
        body, changes = await to_thread.run_sync(
            parse_push, raw, content_type, limiter=limiter
        )  # parsed once, typed from here on
        ids = [c.change_id for c in changes]
        if len(set(ids)) != len(ids):
            raise ApiError(422, "batch.duplicate_ids")

        caller = caller_of(request)  # checked by the gate before the body was read
        if credentials is None or not credentials.credentials:
            raise ApiError(401, "auth.missing")
        try:  # the writer checks the credential again in its transaction and answers once committed
            results = await asyncio.wrap_future(writer.enqueue(credentials.credentials, changes))
        except AuthError as exc:
            raise ApiError(401, exc.code) from exc
        await to_thread.run_sync(contact.note, caller, request.headers, body.device_time)
        answer = await to_thread.run_sync(push_json, results, limiter=limiter)  # off the event loop too
        return Response(answer, media_type="application/json")

    @app.post("/v1/audit", response_model=AuditOut, responses=error_responses(400, 401, 408, 413, 422, 429))
    def audit(request: Request, body: AuditIn, credentials: Credentials) -> dict[str, Any]:
        """A run of the caller's audit chain, in order; gaps and forks are kept as incidents."""
        caller = caller_of(request)
        with db.connection_context():
            answer = append_entries(
                m, caller, body.chain_id, [e.model_dump() for e in body.entries], time_text(utc_now())
            )
        return {
            "server_time": time_text(utc_now()),
            "head": answer.head,
            "refused": answer.refused,
            "incidents": answer.incidents,
        }

    @app.get(
        "/v1/pull",
        response_class=Response,
        responses={200: {"model": PullOut}, **error_responses(401, 422, 429)},
    )
    def pull(
        request: Request,
        credentials: Credentials,
        cursor: Annotated[Cursor, Query()] = 0,
        limit: Annotated[PullLimit, Query()] = 500,
    ) -> Response:
        caller = caller_of(request)
        with db.connection_context():
            contact.note(caller, request.headers)
            page = read_feed(m, caller.agency_id, cursor, limit)
        return Response(page_json(page, time_text(utc_now())), media_type="application/json")

    vault = FileVault(files_dir)
    add_file_routes(app, m, vault, caller_of, error_responses)
    add_portal_file_route(app, m, vault, error_responses)  # the national portal's downloads: signed links
    with_model_schemas(app, PushIn)

    app.mount("/console/static", static_files(), name="console-static")
    app.include_router(console_router(m))  # the web console under /console (server/console)

    # Outermost last: the clock stamps every answer, the gate checks the credential, then the body is read.
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES, timeout_s=body_timeout_s)
    app.add_middleware(AuthGate, authenticate=authenticate_now, throttle=throttle)
    app.add_middleware(ServerClock)
    return app


#: The environment variable holding a worker process's settings (`counter-server --workers N`).
SETTINGS_ENV = "COUNTER_SERVER_SETTINGS"


@dataclass(frozen=True)
class ServeSettings:
    """What a server process needs to make its app, as JSON a worker process reads from its environment."""

    database: str
    api_docs: bool = False
    body_timeout_s: float = BODY_TIMEOUT_S
    portal: PortalOptions | None = None
    files_dir: str = str(DEFAULT_FILES_DIR)

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "portal": asdict(self.portal) if self.portal else None})

    @classmethod
    def from_json(cls, text: str) -> ServeSettings:
        data = json.loads(text)
        portal = data.get("portal")
        return cls(
            database=str(data["database"]),
            api_docs=bool(data.get("api_docs", False)),
            body_timeout_s=float(data.get("body_timeout_s", BODY_TIMEOUT_S)),
            portal=PortalOptions(**portal) if portal is not None else None,
            files_dir=str(data.get("files_dir") or DEFAULT_FILES_DIR),
        )


def tune_interpreter() -> None:
    """Settings of a server process's interpreter, for shorter latency tails."""
    # The push writer thread waits on the database many times per batch; a short switch interval lets it
    # take the interpreter back quickly from request threads busy encoding JSON (shorter push latency tails).
    sys.setswitchinterval(0.0005)
    # Requests make many short-lived dicts; collecting cycles less often keeps pauses out of the latency tail.
    gc.set_threshold(50_000, 50, 100)


def app_from_env() -> FastAPI:
    """The app of one worker process of `counter-server --workers N` (uvicorn calls it in each process): its
    settings from `COUNTER_SERVER_SETTINGS`, its own connection pool; the parent has migrated the database."""
    settings = ServeSettings.from_json(os.environ[SETTINGS_ENV])
    tune_interpreter()
    return create_app(
        open_database(settings.database),
        api_docs=settings.api_docs,
        body_timeout_s=settings.body_timeout_s,
        portal=settings.portal,
        files_dir=Path(settings.files_dir),
    )
