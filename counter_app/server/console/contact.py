"""What each counter tells the server about itself on every push and pull, kept on its `counters` row for the console.

The sync client sends three headers (counter_app/sync/client.py): `X-Counter-Version` (the application's
version), `X-Outbox-Pending` (changes waiting in its outbox) and `X-Device-Time` (its clock when it sent the
request; a push also carries it as `device_time` in the body). The server keeps, per counter, the last contact,
the version, the pending count and the clock skew (server minus counter, in milliseconds; positive: the counter's
clock is slow).

Cheap on purpose: at most one UPDATE per request, and only when `EVERY` has passed since this process last wrote
the counter's row, or when something a person watches changed state (the version, or the pending count going to
or from zero), so a counter that pushes many batches in a row does not write its row for each of them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from ...core.wire import parse_time, time_text, utc_now
from ..admin import Caller
from ..database import write_transaction

VERSION_HEADER = "x-counter-version"
PENDING_HEADER = "x-outbox-pending"
DEVICE_TIME_HEADER = "x-device-time"
#: Seconds between two writes of one counter's row by one process (unless its state changes).
EVERY = 5.0
MAX_VERSION = 32
MAX_PENDING = 10**9
#: A skew beyond this (ten years) is a wrong clock, not a measurement: kept at the bound.
MAX_SKEW_MS = 10 * 365 * 86_400_000
_VERSION = re.compile(r"[0-9A-Za-z.+_-]{1,32}")


@contextmanager
def _connected(db: Any) -> Iterator[None]:
    """The calling thread's connection if it holds one, else one from the pool for the calls inside."""
    if db.is_closed():
        with db.connection_context():
            yield
    else:
        yield


@dataclass(frozen=True)
class Report:
    """What one request said: each value None when the header was missing or not understood."""

    app_version: str | None
    pending: int | None
    skew_ms: int | None


def read_report(headers: Mapping[str, str], now: datetime, device_time: str | None = None) -> Report:
    """The counter's report from its request headers (and a push's `device_time`); nonsense is ignored."""
    version = headers.get(VERSION_HEADER, "").strip()
    pending_text = headers.get(PENDING_HEADER, "").strip()
    pending = int(pending_text) if pending_text.isdigit() and len(pending_text) <= 10 else None
    return Report(
        version if _VERSION.fullmatch(version) else None,
        min(pending, MAX_PENDING) if pending is not None else None,
        _skew_ms(device_time or headers.get(DEVICE_TIME_HEADER, ""), now),
    )


def _skew_ms(text: str, now: datetime) -> int | None:
    text = text.strip()[:40]
    if not text:
        return None
    try:
        device = parse_time(text)
    except ValueError:
        return None
    if device.tzinfo is None:
        device = device.replace(tzinfo=UTC)
    skew = round((now - device).total_seconds() * 1000)
    return max(-MAX_SKEW_MS, min(MAX_SKEW_MS, skew))


class ContactRecorder:
    """Writes counters' reports to their rows, at most once per `EVERY` per counter per process."""

    def __init__(self, m: SimpleNamespace, *, clock: Callable[[], datetime] = utc_now, every: float = EVERY):
        self.m = m
        self.clock = clock
        self.every = every
        self._lock = threading.Lock()
        self._last: dict[tuple[str, int], tuple[datetime, str | None, bool]] = {}

    def note(self, caller: Caller, headers: Mapping[str, str], device_time: str | None = None) -> bool:
        """Record what `caller` says in this request; returns whether its row was written."""
        now = self.clock()
        report = read_report(headers, now, device_time)
        key = (caller.agency_id, caller.counter)
        waiting = bool(report.pending)
        with self._lock:
            last = self._last.get(key)
            due = (
                last is None
                or (now - last[0]).total_seconds() >= self.every
                or (report.app_version is not None and report.app_version != last[1])
                or (report.pending is not None and waiting != last[2])
            )
            if not due:
                return False
            self._last[key] = (now, report.app_version or (last[1] if last else None), waiting)
        values: dict[str, object] = {"last_seen_at": time_text(now)}
        if report.app_version is not None:
            values["app_version"] = report.app_version
        if report.pending is not None:
            values["pending_changes"] = report.pending
        if report.skew_ms is not None:
            values["clock_skew_ms"] = report.skew_ms
        C = self.m.Counter
        with _connected(self.m.db), write_transaction(self.m.db):
            C.update(**values).where(
                (C.agency_id == caller.agency_id) & (C.number == caller.counter) & (C.revoked == False)  # noqa: E712
            ).execute()
        return True
