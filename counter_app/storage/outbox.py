"""The outbox and sync-state repositories: what waits to go to the server, what needs attention, where pulls resume."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from peewee import SqliteDatabase, fn

from ..core.errors import DomainError
from .privacy import create_private_file

PENDING, SENT, PARKED = "pending", "sent", "parked"
EXPORT_FORMAT = "quay-mot-cua/outbox"
EXPORT_VERSION = 1


class ExportError(DomainError):
    """The outbox export cannot be written: a missing folder (params: folder) or a failed write (path, detail)."""

    code = "export.write_failed"


@dataclass(frozen=True)
class OutboxEntry:
    """One local change waiting for (or past) the server's acknowledgement."""

    seq: int
    change_id: str
    dossier_id: str | None
    kind: str
    payload: dict[str, Any]
    officer: str
    counter: int
    created_at: str  # device time
    state: str
    attempts: int
    last_error: str
    sent_at: str | None

    @property
    def dossier_code(self) -> str | None:
        """The dossier code the change concerns, when its payload names one."""
        code = self.payload.get("code")
        return str(code) if code else None


@dataclass(frozen=True)
class OutboxCounts:
    pending: int
    parked: int
    sent: int


class OutboxRepository:
    """Reads and updates outbox rows; rows are written by `DossierRepository` in the change's own transaction.

    Nothing here deletes a row: sent rows stay as the record of what the server acknowledged.
    """

    def __init__(self, db: SqliteDatabase, models: SimpleNamespace) -> None:
        self._db = db
        self._m = models

    def _entry(self, r: Any) -> OutboxEntry:
        return OutboxEntry(
            r.seq,
            r.change_id,
            r.dossier_id,
            r.kind,
            json.loads(r.payload),
            r.officer,
            r.counter,
            r.created_at,
            r.state,
            r.attempts,
            r.last_error,
            r.sent_at,
        )

    def pending_after(self, after_seq: int, limit: int) -> list[OutboxEntry]:
        """Pending entries in write order (so per dossier in order), starting after `after_seq`."""
        Box = self._m.Outbox
        rows = (
            Box.select().where((Box.state == PENDING) & (Box.seq > after_seq)).order_by(Box.seq).limit(limit)
        )
        return [self._entry(r) for r in rows]

    def parked(self) -> list[OutboxEntry]:
        Box = self._m.Outbox
        return [self._entry(r) for r in Box.select().where(Box.state == PARKED).order_by(Box.seq)]

    def unsent(self) -> list[OutboxEntry]:
        """Pending and parked entries, oldest first (what an export must carry)."""
        Box = self._m.Outbox
        return [self._entry(r) for r in Box.select().where(Box.state != SENT).order_by(Box.seq)]

    def parked_dossier_ids(self) -> set[str]:
        """Dossiers with a parked change: their later changes wait behind it."""
        Box = self._m.Outbox
        q = Box.select(Box.dossier_id).where((Box.state == PARKED) & Box.dossier_id.is_null(False)).distinct()
        return {r.dossier_id for r in q}

    def unsent_dossier_ids(self) -> set[str]:
        """Dossiers with a change not yet on the server: a download must not overwrite them."""
        Box = self._m.Outbox
        q = Box.select(Box.dossier_id).where((Box.state != SENT) & Box.dossier_id.is_null(False)).distinct()
        return {r.dossier_id for r in q}

    def counts(self) -> OutboxCounts:
        Box = self._m.Outbox
        by_state = {
            r.state: r.n for r in Box.select(Box.state, fn.COUNT(Box.seq).alias("n")).group_by(Box.state)
        }
        return OutboxCounts(by_state.get(PENDING, 0), by_state.get(PARKED, 0), by_state.get(SENT, 0))

    def oldest_pending_created_at(self) -> str | None:
        """Device time of the oldest change still waiting to go (None when nothing waits)."""
        Box = self._m.Outbox
        row = Box.select(Box.created_at).where(Box.state == PENDING).order_by(Box.seq).first()
        return row.created_at if row else None

    def dossier_versions(self, dossier_ids: Iterable[str]) -> dict[str, int]:
        """Local versions of the given dossiers, so a download the counter already holds is skipped."""
        D = self._m.Dossier
        ids = list(dossier_ids)
        found: dict[str, int] = {}
        for i in range(0, len(ids), 500):
            for r in D.select(D.id, D.version).where(D.id.in_(ids[i : i + 500])):
                found[r.id] = r.version
        return found

    def record_outcome(
        self,
        sent: Iterable[str],
        parked: Mapping[str, str],
        retry: Mapping[str, str],
        at: str,
    ) -> None:
        """After a server answer: mark sent, park with reason, count a retry, all in one transaction."""
        Box = self._m.Outbox
        sent = list(sent)
        with self._db.atomic("IMMEDIATE"):
            for i in range(0, len(sent), 500):
                chunk = sent[i : i + 500]
                Box.update(state=SENT, sent_at=at, attempts=Box.attempts + 1, last_error="").where(
                    Box.change_id.in_(chunk) & (Box.state == PENDING)
                ).execute()
            for change_id, reason in parked.items():
                Box.update(state=PARKED, attempts=Box.attempts + 1, last_error=reason).where(
                    (Box.change_id == change_id) & (Box.state == PENDING)
                ).execute()
            for change_id, reason in retry.items():
                Box.update(attempts=Box.attempts + 1, last_error=reason).where(
                    Box.change_id == change_id
                ).execute()

    def record_failure(self, change_ids: Sequence[str], error: str) -> None:
        """A send failed without an answer (network, 5xx): count the attempt, keep the entries pending."""
        Box = self._m.Outbox
        with self._db.atomic("IMMEDIATE"):
            for i in range(0, len(change_ids), 500):
                chunk = list(change_ids[i : i + 500])
                Box.update(attempts=Box.attempts + 1, last_error=error).where(
                    Box.change_id.in_(chunk)
                ).execute()

    def requeue(self, change_ids: Sequence[str] | None = None) -> int:
        """Put parked entries (all, or the named ones) back in the queue; returns how many."""
        Box = self._m.Outbox
        query = Box.update(state=PENDING).where(Box.state == PARKED)
        if change_ids is not None:
            query = query.where(Box.change_id.in_(list(change_ids)))
        with self._db.atomic("IMMEDIATE"):
            return int(query.execute())

    def export(self, path: Path, meta: Mapping[str, Any], now: datetime | None = None) -> int:
        """Write every unsent entry to a JSON file (for the day the network never comes back); returns the count."""
        entries = self.unsent()
        doc = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "exported_at": (now or datetime.now()).isoformat(timespec="seconds"),
            **meta,
            "entries": [
                {
                    "seq": e.seq,
                    "change_id": e.change_id,
                    "kind": e.kind,
                    "dossier_id": e.dossier_id,
                    "officer": e.officer,
                    "counter": e.counter,
                    "created_at": e.created_at,
                    "state": e.state,
                    "attempts": e.attempts,
                    "last_error": e.last_error,
                    "payload": e.payload,
                }
                for e in entries
            ],
        }
        if not path.parent.is_dir():  # a mistyped folder is an error, not a folder to create
            raise ExportError("export.folder_missing", folder=str(path.parent))
        if path.is_dir():
            raise ExportError("export.write_failed", path=str(path), detail="is a folder")
        tmp = path.with_name(path.name + ".part")
        try:
            tmp.unlink(missing_ok=True)
            create_private_file(tmp)  # citizens' data: readable by the counter's user only
            tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
            tmp.replace(path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise ExportError("export.write_failed", path=str(path), detail=exc.strerror or str(exc)) from exc
        return len(entries)


class SyncStateRepository:
    """Small key/value facts about synchronisation (server, token, cursor, last success, clock skew)."""

    def __init__(self, db: SqliteDatabase, models: SimpleNamespace) -> None:
        self._db = db
        self._m = models

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self._m.SyncState.get_or_none(self._m.SyncState.key == key)
        return row.value if row is not None else default

    def values(self) -> dict[str, str]:
        return {r.key: r.value for r in self._m.SyncState.select()}

    def set(self, key: str, value: str) -> None:
        self._m.SyncState.insert(key=key, value=value).on_conflict("replace").execute()

    def set_many(self, values: Mapping[str, str | None]) -> None:
        """Write (or, for None, remove) several keys in one transaction."""
        S = self._m.SyncState
        with self._db.atomic():
            for key, value in values.items():
                if value is None:
                    S.delete().where(S.key == key).execute()
                else:
                    S.insert(key=key, value=value).on_conflict("replace").execute()
