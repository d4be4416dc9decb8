"""The dossiers the National Public Service Portal holds, as the server's feed tells them (migration 0010).

The server announces a dossier once the portal has first acknowledged it (feed item `portal`, sync/engine.py); the
announcement may come again. Recording is idempotent: the first code heard is kept, and the earliest time. The
leaders' figures read the IDs (`synced_ids`) to count the received dossiers the portal has (core/report.py).
"""

from __future__ import annotations

from datetime import datetime

from peewee import Database

from ..core.text import nfc
from ..core.wire import parse_time, time_text


class PortalSyncRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(self, dossier_id: str, code: str | None, synced_at: str) -> bool:
        """Note that the portal holds `dossier_id` since `synced_at` (ISO time text, UTC when it names no zone).
        Returns True when the dossier was new here or the time moved earlier. Raises ValueError for a time that is
        not ISO text or an empty dossier ID."""
        dossier_id = str(dossier_id).strip()
        if not dossier_id:
            raise ValueError("dossier_id")
        moment = time_text(parse_time(str(synced_at)))
        code = (nfc(str(code)).strip() or None) if code is not None else None
        known = self._db.execute_sql(
            "SELECT synced_at FROM portal_sync WHERE dossier_id = ?", (dossier_id,)
        ).fetchone()
        if known is None:
            self._db.execute_sql(
                "INSERT INTO portal_sync (dossier_id, code, synced_at) VALUES (?, ?, ?)",
                (dossier_id, code, moment),
            )
            return True
        earlier = parse_time(moment) < parse_time(known[0])
        self._db.execute_sql(
            "UPDATE portal_sync SET code = COALESCE(code, ?), synced_at = ? WHERE dossier_id = ?",
            (code, moment if earlier else known[0], dossier_id),
        )
        return earlier

    def synced_at(self, dossier_id: str) -> datetime | None:
        """When the portal first held `dossier_id` (aware, UTC), or None."""
        row = self._db.execute_sql(
            "SELECT synced_at FROM portal_sync WHERE dossier_id = ?", (dossier_id,)
        ).fetchone()
        return parse_time(row[0]) if row else None

    def synced_ids(self) -> frozenset[str]:
        """Every dossier the portal is known to hold."""
        return frozenset(r[0] for r in self._db.execute_sql("SELECT dossier_id FROM portal_sync").fetchall())

    def count(self) -> int:
        return int(self._db.execute_sql("SELECT count(*) FROM portal_sync").fetchone()[0])
