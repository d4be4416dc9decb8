"""The server's gate: the credential is checked before a request body is read, and failed attempts are throttled.

Failed authentications are counted per source address and, where the attempt names one, per counter. After
`FAILURES_ALLOWED` failures inside `WINDOW_S` (counted from the window's first failure) the key is blocked, for a
delay that doubles with each further block up to `MAX_BLOCK_S`; a blocked key gets 429 with `Retry-After` and the
server does not even look at its token. Every failure is logged (address, counter if known, reason).

The counts live in the database (`auth_throttle`, migration 8), so every server process on one database throttles
a key together: failures spread over several processes block the key on all of them. A request whose address has
no failure on record costs one read by primary key; only failures and the first success after them write.
The web console's sign-in counts its own keys (prefixed "console:") in the same table through `SharedThrottle`.
"""

from __future__ import annotations

import json
import logging
import math
import threading
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

from anyio import to_thread
from peewee import Database

from ..core.wire import parse_time, time_text, utc_now
from .admin import AuthError, Caller
from .database import write_transaction

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
#: A key whose last failure is older than this (and that is not blocked) is forgotten, its blocks with it.
FORGET_S = 86_400.0
#: How often one process deletes the forgotten keys (on a failure, never on the hot path).
PRUNE_EVERY_S = 3_600.0
#: Paths whose requests must carry a counter's credential; it is checked before their body is read.
GUARDED_PATHS = frozenset({"/v1/push", "/v1/pull", "/v1/audit"})
#: Paths under these prefixes are guarded too: the digitised papers' files (server/files_api.py).
GUARDED_PREFIXES = ("/v1/files/",)


def is_guarded(path: str) -> bool:
    return path in GUARDED_PATHS or path.startswith(GUARDED_PREFIXES)


#: The enrolment path: its one-time token is checked by the endpoint, but a blocked address is refused here.
ENROL_PATH = "/v1/enrol"


@dataclass(frozen=True)
class Standing:
    """Where keys stand: `wait`, the seconds the most blocked of them must still wait (0: none is blocked), and
    `counted`, whether any has failures or blocks on record (a success then has something to clear)."""

    wait: int = 0
    counted: bool = False


@contextmanager
def _connected(db: Database) -> Iterator[None]:
    """A connection for the calls inside: the caller's own if it holds one, else one from the pool."""
    if db.is_closed():
        with db.connection_context():
            yield
    else:
        yield


class SharedThrottle:
    """Failed authentications counted per key in the database, shared by every server process on it.

    `failed(*keys)` counts one failure against each key; `retry_after(*keys)` is how long the most blocked of them
    must still wait (seconds, 0 when none is); `succeeded(*keys)` forgets the failures of keys that are not blocked
    (their blocks stay, so the next block lasts longer); `standing(*keys)` is the one read the gate makes.
    Keys are free text: `addr:<address>`, `counter:<agency>/<number>`, and the web console's `console:…`.
    Every method opens a pooled connection unless the calling thread holds one. Thread-safe.
    """

    def __init__(self, m: SimpleNamespace, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.db: Database = m.db
        self._clock = clock
        self._pruned_at: datetime | None = None
        self._prune_lock = threading.Lock()

    def standing(self, *keys: str) -> Standing:
        if not keys:
            return Standing()
        now = self._clock()
        p = self.db.param
        with _connected(self.db):
            rows = self.db.execute_sql(
                f"SELECT failures, blocked_until, blocks FROM auth_throttle WHERE key IN ({', '.join([p] * len(keys))})",
                keys,
            ).fetchall()
        longest = 0.0
        for _failures, blocked_until, _blocks in rows:
            if blocked_until:
                longest = max(longest, (parse_time(blocked_until) - now).total_seconds())
        return Standing(math.ceil(longest) if longest > 0 else 0, bool(rows))

    def retry_after(self, *keys: str) -> int:
        """Seconds the most blocked of `keys` must still wait (0: not blocked)."""
        return self.standing(*keys).wait

    def failed(self, *keys: str) -> int:
        """Count one failure against each key; returns how long the most blocked of them must now wait."""
        now = self._clock()
        stamp = time_text(now)
        p = self.db.param
        longest = 0.0
        with _connected(self.db), write_transaction(self.db):
            for key in sorted(set(keys)):  # one order for every process: no deadlock between two of them
                self.db.execute_sql(
                    "INSERT INTO auth_throttle (key, failures, window_start, blocks, updated_at) "
                    f"VALUES ({p}, 0, {p}, 0, {p}) ON CONFLICT (key) DO NOTHING",
                    (key, stamp, stamp),
                )
                lock = " FOR UPDATE" if self.db.param == "%s" else ""
                failures, window_start, blocked_until, blocks = self.db.execute_sql(
                    "SELECT failures, window_start, blocked_until, blocks FROM auth_throttle "
                    f"WHERE key = {p}{lock}",
                    (key,),
                ).fetchone()
                if (now - parse_time(window_start)).total_seconds() >= WINDOW_S:
                    failures, window_start = 0, stamp
                failures += 1
                if failures >= FAILURES_ALLOWED:
                    blocks += 1
                    until = now + timedelta(seconds=min(MAX_BLOCK_S, FIRST_BLOCK_S * 2 ** (blocks - 1)))
                    blocked_until = time_text(until)
                    failures, window_start = 0, stamp
                self.db.execute_sql(
                    f"UPDATE auth_throttle SET failures = {p}, window_start = {p}, blocked_until = {p}, "
                    f"blocks = {p}, updated_at = {p} WHERE key = {p}",
                    (failures, window_start, blocked_until, blocks, stamp, key),
                )
                if blocked_until:
                    longest = max(longest, (parse_time(blocked_until) - now).total_seconds())
        self._prune(now)
        return math.ceil(longest) if longest > 0 else 0

    def succeeded(self, *keys: str) -> None:
        """The keys authenticated: their failures are forgotten, unless they are blocked (the block runs out)."""
        if not keys:
            return
        stamp = time_text(self._clock())
        p = self.db.param
        with _connected(self.db), write_transaction(self.db):
            self.db.execute_sql(
                f"UPDATE auth_throttle SET failures = 0, window_start = {p}, updated_at = {p} "
                f"WHERE key IN ({', '.join([p] * len(keys))}) AND failures > 0 "
                f"AND (blocked_until IS NULL OR blocked_until <= {p})",
                (stamp, stamp, *keys, stamp),
            )

    def _prune(self, now: datetime) -> None:
        """Delete keys forgotten for a day (not blocked), at most once an hour per process."""
        with self._prune_lock:
            if self._pruned_at is not None and (now - self._pruned_at).total_seconds() < PRUNE_EVERY_S:
                return
            self._pruned_at = now
        stamp, old = time_text(now), time_text(now - timedelta(seconds=FORGET_S))
        p = self.db.param
        with _connected(self.db), write_transaction(self.db):
            self.db.execute_sql(
                f"DELETE FROM auth_throttle WHERE updated_at < {p} "
                f"AND (blocked_until IS NULL OR blocked_until <= {p})",
                (old, stamp),
            )


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


@dataclass(frozen=True)
class _Verdict:
    """What the gate decided for one request: 429 (`wait`), 401 (`refused`), or pass (`caller`)."""

    wait: int = 0
    refused: str = ""
    caller: Caller | None = None


class AuthGate:
    """ASGI middleware: throttled addresses get 429; guarded paths get 401 before their body is read."""

    def __init__(self, app: ASGIApp, authenticate: Callable[[str], Caller], throttle: SharedThrottle) -> None:
        self.app = app
        self.authenticate = authenticate
        self.throttle = throttle

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or (not is_guarded(path) and path != ENROL_PATH):
            await self.app(scope, receive, send)
            return
        address = address_key(scope)
        guarded = path != ENROL_PATH
        verdict = await to_thread.run_sync(self._judge, address, bearer_of(scope) if guarded else None)
        if verdict.wait:
            await send_error(send, 429, "auth.throttled", {"Retry-After": str(verdict.wait)})
            return
        if verdict.refused:
            log_failure(scope, verdict.refused)
            await send_error(send, 401, verdict.refused, {"WWW-Authenticate": "Bearer"})
            return
        if verdict.caller is not None:
            scope.setdefault("state", {})["caller"] = verdict.caller
        await self.app(scope, receive, send)

    def _judge(self, address: str, credential: str | None) -> _Verdict:
        """In one worker thread and one pooled connection: the address's standing (one read), then the
        credential (one read); writes only for a failure, or for the first success after failures."""
        with _connected(self.throttle.db):
            standing = self.throttle.standing(address)
            if standing.wait:
                return _Verdict(wait=standing.wait)
            if credential is None:  # enrolment: its endpoint checks the one-time token
                return _Verdict()
            if not credential:
                self.throttle.failed(address)
                return _Verdict(refused="auth.missing")
            try:
                caller = self.authenticate(credential)
            except AuthError as exc:
                self.throttle.failed(address)
                return _Verdict(refused=exc.code)
            if standing.counted:
                self.throttle.succeeded(address)
            return _Verdict(caller=caller)
