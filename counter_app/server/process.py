"""Running the server as a child process on loopback and waiting until it answers (tests, benchmarks, tools)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx

from .database import create_postgres_database, drop_postgres_database

READY_MARK = "Uvicorn running on"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServerProcess:
    """`python -m counter_app.server.cli --database URL --port P` as a child; `start()` returns once it serves."""

    def __init__(
        self,
        database_url: str,
        port: int | None = None,
        extra_args: Sequence[str] = (),
        *,
        certfile: Path | None = None,
        keyfile: Path | None = None,
        files_dir: Path | None = None,
    ) -> None:
        self.database_url = database_url
        self.port = port or free_port()
        self.extra_args = list(extra_args)
        # digitised papers' files: a private folder per process object unless given (never the working folder)
        self._own_files = files_dir is None  # removed when the process is stopped
        self.files_dir = files_dir or Path(tempfile.mkdtemp(prefix="counter-server-files-"))
        if "--files" not in self.extra_args:
            self.extra_args += ["--files", str(self.files_dir)]
        self.certfile = certfile
        if certfile is not None and keyfile is not None:
            self.extra_args += ["--certfile", str(certfile), "--keyfile", str(keyfile)]
        self.process: subprocess.Popen[str] | None = None
        self.log: list[str] = []

    @property
    def url(self) -> str:
        return f"{'https' if self.certfile else 'http'}://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> ServerProcess:
        ready = threading.Event()
        command = [
            sys.executable,
            "-m",
            "counter_app.server.cli",
            "--database",
            self.database_url,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--log-level",
            "info",
            "--no-access-log",
            *self.extra_args,
        ]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        stream = self.process.stderr
        assert stream is not None

        def read() -> None:
            for line in stream:
                self.log.append(line.rstrip())
                if READY_MARK in line:
                    ready.set()
            ready.set()  # the process ended

        threading.Thread(target=read, name=f"server-log-{self.port}", daemon=True).start()
        if not ready.wait(timeout) or self.process.poll() is not None:
            self.kill()
            raise RuntimeError("server did not start:\n" + "\n".join(self.log[-30:]))
        verify = ssl.create_default_context(cafile=str(self.certfile)) if self.certfile else True
        httpx.get(f"{self.url}/health", timeout=10, verify=verify).raise_for_status()
        return self

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs (what a power cut or OOM kill does)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()
        if self._own_files:
            shutil.rmtree(self.files_dir, ignore_errors=True)

    def __enter__(self) -> ServerProcess:
        return self.start() if self.process is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextmanager
def scratch_database(
    engine: str, folder: Path, postgres_base: str = "postgresql://postgres@127.0.0.1:5432"
) -> Iterator[str]:
    """A fresh, empty server database URL: a SQLite file in `folder`, or a new PostgreSQL database dropped after."""
    if engine == "sqlite":
        yield f"sqlite:///{folder / f'server-{uuid.uuid4().hex[:8]}.sqlite3'}"
        return
    url = f"{postgres_base.rstrip('/')}/qmc_{uuid.uuid4().hex[:12]}"
    create_postgres_database(url)
    try:
        yield url
    finally:
        drop_postgres_database(url)


def postgres_available(base: str = "postgresql://postgres@127.0.0.1:5432") -> bool:
    """True when the PostgreSQL server answers (tests skip the PostgreSQL runs otherwise)."""
    try:
        import psycopg2

        from .database import parse_url

        parsed = parse_url(base.rstrip("/") + "/postgres")
        psycopg2.connect(dbname="postgres", connect_timeout=3, **parsed.connect_kwargs()).close()
        return True
    except Exception:
        return False
