"""A real key store for tests: gnome-keyring's Secret Service on a private D-Bus session bus, in a scratch folder.

Nothing of the developer's own session is touched: the bus listens in the scratch folder, the keyring files live
there, and only the test process that asks (through DBUS_SESSION_BUS_ADDRESS) talks to it. Each instance is a
separate "computer": a second one is a fresh key store, as on a replaced PC.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from pathlib import Path

#: Debian packages that provide the two daemons (installed by `make test` through the Makefile's DEB_PACKAGES).
PACKAGES = "dbus-daemon gnome-keyring"
START_TIMEOUT_S = 30.0
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
#: The login keyring's password, typed into gnome-keyring-daemon --unlock on its standard input.
KEYRING_PASSWORD = b"test keyring password"


class PrivateSecretService:
    """dbus-daemon and gnome-keyring-daemon started under `root`; `address` is the bus for DBUS_SESSION_BUS_ADDRESS."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.address = ""
        self._bus: subprocess.Popen[bytes] | None = None
        self._keyring: subprocess.Popen[bytes] | None = None

    def start(self) -> PrivateSecretService:
        missing = [name for name in ("dbus-daemon", "gnome-keyring-daemon") if shutil.which(name) is None]
        if missing:
            raise RuntimeError(f"{', '.join(missing)} not found: install the Debian packages {PACKAGES}")
        deadline = time.monotonic() + START_TIMEOUT_S
        home, run, bus = self.root / "home", self.root / "run", self.root / "bus"
        for folder in (home, run, bus):
            folder.mkdir(parents=True, exist_ok=True)
            os.chmod(folder, 0o700)
        config = self.root / "session.conf"
        config.write_text(BUS_CONFIG.format(folder=bus), encoding="utf-8")
        self._bus = subprocess.Popen(
            ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
        )
        self.address = self._read_address(deadline)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_RUNTIME_DIR": str(run),
            "DBUS_SESSION_BUS_ADDRESS": self.address,
            "LANG": "C.UTF-8",
        }
        self._keyring = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert self._keyring.stdin is not None
        self._keyring.stdin.write(KEYRING_PASSWORD)
        self._keyring.stdin.close()
        self._wait_until_ready(deadline)
        return self

    def _read_address(self, deadline: float) -> str:
        assert self._bus is not None and self._bus.stdout is not None
        line = b""
        while not line.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self._bus.stdout], [], [], max(0.0, remaining))
            if not ready:
                self.stop()
                raise RuntimeError("dbus-daemon did not print its address in time")
            chunk = os.read(self._bus.stdout.fileno(), 1024)
            if not chunk:
                self.stop()
                raise RuntimeError("dbus-daemon exited before printing its address")
            line += chunk
        return line.decode().strip()

    def _wait_until_ready(self, deadline: float) -> None:
        """Poll until the Secret Service answers on the bus with an unlocked default collection."""
        import secretstorage
        from jeepney.io.blocking import open_dbus_connection

        last: Exception | None = None
        while time.monotonic() < deadline:
            assert self._keyring is not None
            if self._keyring.poll() is not None:
                break
            try:
                with open_dbus_connection(self.address) as connection:
                    if secretstorage.check_service_availability(connection):
                        collection = secretstorage.get_default_collection(connection)
                        if not collection.is_locked():
                            return
            except Exception as exc:  # not up yet: the name is not owned, the collection not made
                last = exc
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"the Secret Service did not come up: {last!r}")

    def stop(self) -> None:
        for proc in (self._keyring, self._bus):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        if self._bus is not None and self._bus.stdout is not None:
            self._bus.stdout.close()
        self._keyring = self._bus = None
