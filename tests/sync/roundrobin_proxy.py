"""A small loopback HTTP proxy for tests: each request goes, on a new connection, to the next of several server
processes in turn, so one counter's push and its next pull are answered by different processes."""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections import Counter

from faultproxy import read_message


class RoundRobinProxy:
    """Listens on 127.0.0.1 and hands each request to the next of `upstream_ports`; counts requests per port."""

    def __init__(self, upstream_ports: list[int]) -> None:
        self.upstream_ports = list(upstream_ports)
        self.port = 0
        self.sent: Counter[int] = Counter()
        self._next = itertools.cycle(self.upstream_ports)
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="round-robin-proxy", daemon=True)
        self._server: asyncio.base_events.Server | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> RoundRobinProxy:
        self._thread.start()
        self.port = asyncio.run_coroutine_threadsafe(self._listen(), self._loop).result(10)
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

    def __enter__(self) -> RoundRobinProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _pick(self) -> int:
        with self._lock:
            port = next(self._next)
            self.sent[port] += 1
            return port

    async def _listen(self) -> int:
        self._server = await asyncio.start_server(self._client, "127.0.0.1", 0, limit=8 * 1024 * 1024)
        return int(self._server.sockets[0].getsockname()[1])

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while (request := await read_message(reader)) is not None:
                response = await self._forward(self._pick(), request)
                if response is None:
                    return
                writer.write(response)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            return
        finally:
            writer.close()

    async def _forward(self, port: int, request: bytes) -> bytes | None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", port, limit=8 * 1024 * 1024)
        except OSError:
            return None
        try:
            up_writer.write(request)
            await up_writer.drain()
            return await read_message(up_reader)
        except ConnectionError:
            return None
        finally:
            up_writer.close()
