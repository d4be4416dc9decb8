"""ASGI middleware: a cap on request bodies (413 with a JSON error), and on every response the server's clock
and how long the server spent on the request (`Server-Timing: app;dur=<ms>`)."""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from ..sync.wire import SERVER_TIME_HEADER, time_text, utc_now

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyLimitAndClock:
    """Refuses bodies over `max_bytes` before the app sees them; stamps `X-Server-Time` on every answer."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = time.perf_counter()

        async def send_with_clock(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((SERVER_TIME_HEADER.lower().encode(), time_text(utc_now()).encode()))
                spent_ms = (time.perf_counter() - started) * 1000
                headers.append((b"server-timing", f"app;dur={spent_ms:.1f}".encode()))
                message["headers"] = headers
            await send(message)

        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._too_large(send_with_clock)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(send_with_clock)
                return
            chunks.append(chunk)
            more = bool(message.get("more_body", False))
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send_with_clock)

    async def _too_large(self, send: Send) -> None:
        body = json.dumps({"error": "request.too_large", "limit": self.max_bytes}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
