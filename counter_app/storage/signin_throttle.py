"""Failed sign-ins in a row per typed name, kept in `signin_throttle` so that restarting the app keeps a lockout."""

from __future__ import annotations

from datetime import datetime

from peewee import Database

from ..core.signin import Throttle


class ThrottleStore:
    """Reads and writes one `Throttle` per name (the name as typed, already folded by the caller)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, name: str) -> Throttle:
        row = self._db.execute_sql(
            "SELECT failures, last_failure, locked_until FROM signin_throttle WHERE username = ?", (name,)
        ).fetchone()
        if row is None:
            return Throttle()
        return Throttle(int(row[0]), _time(row[1]), _time(row[2]))

    def put(self, name: str, throttle: Throttle) -> None:
        if throttle.failures == 0:
            self.clear(name)
            return
        self._db.execute_sql(
            "INSERT INTO signin_throttle (username, failures, last_failure, locked_until) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, "
            "last_failure = excluded.last_failure, locked_until = excluded.locked_until",
            (name, throttle.failures, _text(throttle.last_failure), _text(throttle.locked_until)),
        )

    def clear(self, name: str) -> None:
        self._db.execute_sql("DELETE FROM signin_throttle WHERE username = ?", (name,))


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _text(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="microseconds") if moment is not None else None
