"""The server's gate: the credential is checked before a request body is read, and failed attempts are throttled.

Failed authentications are counted per source address and, where the attempt names one, per counter. After
`FAILURES_ALLOWED` failures inside `WINDOW_S` the key is blocked, for a delay that doubles with each further
block up to `MAX_BLOCK_S`; a blocked key gets 429 with `Retry-After` and the server does not even look at its
token. Every failure is logged (address, counter if known, reason). The counts live in this process's memory:
each server process throttles on its own (documented in docs/SECURITY.md).
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from anyio import to_thread

from .admin import AuthError, Caller

log = logging.getLogger("counter_app.server.auth")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

FAILURES_ALLOWED = 10
WINDOW_S = 60.0
FIRST_BLOCK_S = 30.0
MAX_BLOCK_S = 900.0
#: Paths whose requests must carry a counter's credential; it is checked before their body is read.
GUARDED_PATHS = frozenset({"/v1/push", "/v1/pull", "/v1/audit"})
#: The enrolment path: its one-time token is checked by the endpoint, but a blocked address is refused here.
ENROL_PATH = "/v1/enrol"


@dataclass
class _Record:
    failures: list[float] = field(default_factory=list)
    blocked_until: float = 0.0
    blocks: int = 0


class AuthThrottle:
    """Counts failed authentications per key and says how long a key must wait. Thread-safe."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._records: dict[str, _Record] = {}

    def retry_after(self, *keys: str) -> int:
        """Seconds the most blocked of `keys` must still wait (0: not blocked)."""
        now = self._clock()
        with self._lock:
            waits = [r.blocked_until - now for k in keys if (r := self._records.get(k)) is not None]
        longest = max(waits, default=0.0)
        return math.ceil(longest) if longest > 0 else 0

    def failed(self, *keys: str) -> None:
        now = self._clock()
        with self._lock:
            if len(self._records) > 100_000:  # bound the memory a scan of addresses can take
                self._records = {k: r for k, r in self._records.items() if r.blocked_until > now}
            for key in keys:
                record = self._records.setdefault(key, _Record())
                record.failures = [t for t in record.failures if now - t < WINDOW_S] + [now]
                if len(record.failures) >= FAILURES_ALLOWED:
                    record.blocks += 1
                    record.blocked_until = now + min(MAX_BLOCK_S, FIRST_BLOCK_S * 2 ** (record.blocks - 1))
                    record.failures = []

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                record = self._records.get(key)
                if record is not None and record.blocked_until <= self._clock():
                    record.failures = []


def address_key(scope: Scope) -> str:
    client = scope.get("client")
    return f"addr:{client[0] if client else '?'}"


def counter_key(agency_id: str, counter: int) -> str:
    return f"counter:{agency_id}/{counter}"


def log_failure(scope: Scope, reason: str, counter: str = "") -> None:
    log.warning(
        "authentication failed: %s from %s%s on %s",
        reason,
        address_key(scope)[5:],
        f" ({counter})" if counter else "",
        scope.get("path", ""),
    )


def bearer_of(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == b"authorization":
            text = value.decode("latin-1").strip()
            if text[:7].lower() == "bearer ":
                return text[7:].strip()
            return ""
    return ""


async def send_error(send: Send, status: int, code: str, headers: dict[str, str] | None = None) -> None:
    body = json.dumps({"error": code}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class AuthGate:
    """ASGI middleware: throttled addresses get 429; guarded paths get 401 before their body is read."""

    def __init__(self, app: ASGIApp, authenticate: Callable[[str], Caller], throttle: AuthThrottle) -> None:
        self.app = app
        self.authenticate = authenticate
        self.throttle = throttle

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or (path not in GUARDED_PATHS and path != ENROL_PATH):
            await self.app(scope, receive, send)
            return
        address = address_key(scope)
        wait = self.throttle.retry_after(address)
        if wait:
            await send_error(send, 429, "auth.throttled", {"Retry-After": str(wait)})
            return
        if path == ENROL_PATH:
            await self.app(scope, receive, send)
            return
        credential = bearer_of(scope)
        if not credential:
            self.throttle.failed(address)
            log_failure(scope, "auth.missing")
            await send_error(send, 401, "auth.missing", {"WWW-Authenticate": "Bearer"})
            return
        try:
            caller = await to_thread.run_sync(self.authenticate, credential)
        except AuthError as exc:
            self.throttle.failed(address)
            log_failure(scope, exc.code)
            await send_error(send, 401, exc.code, {"WWW-Authenticate": "Bearer"})
            return
        self.throttle.succeeded(address)
        scope.setdefault("state", {})["caller"] = caller
        await self.app(scope, receive, send)
