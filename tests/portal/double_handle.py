"""Starting the portal adapter's test double (adapter_double.py) as a child process and driving it from a test."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class PortalDouble:
    process: subprocess.Popen[str]
    port: int
    username: str = "lgsp-test"
    password: str = "mat-khau-thu"
    unit_code: str = "000.00.06.H56"
    auth_path: str = "/auth"
    integration_path: str = "/integration"
    share_path: str = "/share"
    _http: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=10))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _control(self, action: str, **body: Any) -> None:
        self._http.post(f"{self.url}/_double/{action}", json=body).raise_for_status()

    def state(self) -> dict[str, Any]:
        answer = self._http.get(f"{self.url}/_double/state")
        answer.raise_for_status()
        return dict(answer.json())

    def violations(self) -> list[str]:
        return list(self.state()["violations"])

    def fail(self, count: int, status: int = 503) -> None:
        self._control("fail", count=count, status=status)

    def hang(self, count: int, seconds: float) -> None:
        self._control("hang", count=count, seconds=seconds)

    def release(self) -> None:
        self._control("release")

    def reject(self, mahoso: str, error_code: str = "99", message: str = "Hồ sơ không hợp lệ") -> None:
        self._control("reject", mahoso=mahoso, error_code=error_code, message=message)

    def clear_reject(self, mahoso: str) -> None:
        self._control("reject", mahoso=mahoso, clear=True)

    def expire(self) -> None:
        self._control("expire")

    def procedures(self, procedures: list[dict[str, str]]) -> None:
        self._control("procedures", procedures=procedures)

    def reset(self) -> None:
        self._control("reset")

    def kill(self) -> None:
        self._http.close()
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


def start_double(timeout: float = 20.0, **names: str) -> PortalDouble:
    """The double on a free loopback port, its credentials and paths as in `PortalDouble` unless given."""
    defaults = PortalDouble.__dataclass_fields__
    settings = {k: names.get(k, defaults[k].default) for k in ("username", "password", "unit_code", "auth_path",
                                                               "integration_path", "share_path")}  # fmt: skip
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.portal.adapter_double",
            "--port",
            "0",
            "--username",
            settings["username"],
            "--password",
            settings["password"],
            "--unit-code",
            settings["unit_code"],
            "--auth-path",
            settings["auth_path"],
            "--integration-path",
            settings["integration_path"],
            "--share-path",
            settings["share_path"],
        ],  # fmt: skip
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    line: list[str] = []
    reader = threading.Thread(target=lambda: line.append(process.stdout.readline() if process.stdout else ""))
    reader.start()
    reader.join(timeout)
    if not line or not line[0].strip():
        process.kill()
        raise RuntimeError("the portal double did not start")
    return PortalDouble(process, int(json.loads(line[0])["port"]), **settings)  # type: ignore[arg-type]
