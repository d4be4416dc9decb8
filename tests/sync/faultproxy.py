"""A small asyncio HTTP proxy for tests: forwards each request on its own upstream connection and can drop,
delay or duplicate it (seeded, so a failing run can be replayed), and lets a test wait for traffic."""

from __future__ import annotations

import asyncio
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Faults:
    """Probabilities per request. `drop_response`: the server got it and answered, the client never hears."""

    drop_request: float = 0.0
    drop_response: float = 0.0
    duplicate: float = 0.0
    delay: float = 0.0
    delay_s: float = 0.0


@dataclass
class Traffic:
    requests: int = 0
    pushes: int = 0
    answered: int = 0  # responses handed to the client
    pushes_answered: int = 0
    pushes_forwarded: int = 0  # push requests fully written to the server
    dropped_requests: int = 0
    dropped_responses: int = 0
    duplicated: int = 0
    delayed: int = 0
    log: list[str] = field(default_factory=list)


async def read_message(reader: asyncio.StreamReader) -> bytes | None:
    """One HTTP/1.1 message with a Content-Length body (what httpx and uvicorn send here)."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        return None
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    try:
        body = await reader.readexactly(length) if length else b""
    except (asyncio.IncompleteReadError, ConnectionError):
        return None
    return head + body


class FaultProxy:
    """Listens on 127.0.0.1:`port` and forwards to 127.0.0.1:`upstream_port`, applying `faults`."""

    def __init__(self, upstream_port: int, faults: Faults | None = None, seed: int = 0) -> None:
        self.upstream_port = upstream_port
        self.faults = faults or Faults()
        self.traffic = Traffic()
        self.port = 0
        self._rng = random.Random(seed)
        self._changed = threading.Condition()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fault-proxy", daemon=True)
        self._server: asyncio.base_events.Server | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._listen(), self._loop)
        self.port = future.result(10)
        return self

    def stop(self) -> None:
        async def close() -> None:
            if self._server is not None:
                self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def wait_for(self, condition: Callable[[Traffic], bool], timeout: float = 60.0) -> bool:
        """Block until `condition(traffic)` holds (True) or the timeout passes (False)."""
        with self._changed:
            return self._changed.wait_for(lambda: condition(self.traffic), timeout)

    def _count(self, **increments: int) -> None:
        with self._changed:
            for name, n in increments.items():
                setattr(self.traffic, name, getattr(self.traffic, name) + n)
            self._changed.notify_all()

    async def _listen(self) -> int:
        self._server = await asyncio.start_server(self._client, "127.0.0.1", 0)
        return int(self._server.sockets[0].getsockname()[1])

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request = await read_message(reader)
                if request is None:
                    return
                push = request.startswith(b"POST /v1/push")
                self._count(requests=1, pushes=int(push))
                f = self.faults
                if self._rng.random() < f.drop_request:
                    self._count(dropped_requests=1)
                    return
                if self._rng.random() < f.delay:
                    self._count(delayed=1)
                    await asyncio.sleep(f.delay_s)
                if self._rng.random() < f.duplicate:
                    self._count(duplicated=1)
                    asyncio.ensure_future(self._forward(request, push))
                drop_answer = self._rng.random() < f.drop_response
                response = await self._forward(request, push)
                if response is None:
                    return
                if drop_answer:
                    self._count(dropped_responses=1)
                    return
                writer.write(response)
                await writer.drain()
                self._count(answered=1, pushes_answered=int(push))
        except (ConnectionError, asyncio.CancelledError):
            return
        finally:
            writer.close()

    async def _forward(self, request: bytes, push: bool) -> bytes | None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            return None
        try:
            up_writer.write(request)
            await up_writer.drain()
            self._count(pushes_forwarded=int(push))
            return await read_message(up_reader)
        except ConnectionError:
            return None
        finally:
            up_writer.close()
