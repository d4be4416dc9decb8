"""The local audit trail: entries appended to this installation's hash chain (sent to the server after the
changes, by entry number), and the check that the chain, the dossier history it vouches for and the outbox
are intact."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from peewee import SqliteDatabase

from ..core.audit import GENESIS, AuditEntry, ChainBreak, content_hash, first_break, seal
from ..core.ids import new_id
from ..core.serial import event_to_dict
from ..core.text import nfc

#: `sync_state` key of this installation's chain identity (a new installation starts a new chain).
CHAIN_ID_KEY = "audit_chain_id"
#: `sync_state` key: the last entry number the server has acknowledged.
SENT_SEQ_KEY = "audit_sent_seq"


@dataclass(frozen=True)
class AuditCheck:
    """The result of `verify`: how many entries were checked and the first break, if any."""

    entries: int
    broken: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.broken is None


class AuditRepository:
    """Appends to and checks the chain. `record` joins the caller's transaction when there is one."""

    def __init__(
        self,
        db: SqliteDatabase,
        models: SimpleNamespace,
        counter: Callable[[], int],
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._db = db
        self._m = models
        self._counter = counter
        self._clock = clock

    def chain_id(self) -> str:
        """This installation's chain identity, made on first use (kept in `sync_state`, travels with backups)."""
        S = self._m.SyncState
        row = S.get_or_none(S.key == CHAIN_ID_KEY)
        if row is not None:
            return str(row.value)
        made = new_id()
        S.insert(key=CHAIN_ID_KEY, value=made).on_conflict_ignore().execute()
        return str(S.get(S.key == CHAIN_ID_KEY).value)

    def record(
        self,
        kind: str,
        actor: str,
        *,
        dossier_id: str | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> AuditEntry:
        """Append one entry after the current head, in the caller's transaction (or its own)."""
        with self._db.atomic("IMMEDIATE") if not self._db.in_transaction() else self._db.atomic():
            head = self._db.execute_sql(
                "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            seq, prev = (int(head[0]) + 1, str(head[1])) if head else (1, GENESIS)
            try:
                counter = self._counter()
            except Exception:  # not configured yet (first-run wizard): the chain still records who did what
                counter = 0
            entry = seal(
                AuditEntry(
                    seq=seq,
                    id=new_id(),
                    at=self._clock().isoformat(timespec="seconds"),
                    counter=counter,
                    kind=kind,
                    actor=nfc(actor)[:200],
                    dossier_id=dossier_id,
                    details=dict(details or {}),
                ),
                prev,
            )
            self._db.execute_sql(
                "INSERT INTO audit_log (seq, id, at, counter, kind, actor, dossier_id, details, prev_hash, hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry.seq,
                    entry.id,
                    entry.at,
                    entry.counter,
                    entry.kind,
                    entry.actor,
                    entry.dossier_id,
                    json.dumps(entry.details, ensure_ascii=False, sort_keys=True),
                    entry.prev_hash,
                    entry.hash,
                ),
            )
        return entry

    def entries(self, after_seq: int = 0, limit: int | None = None) -> list[AuditEntry]:
        return list(self._iter(after_seq, limit))

    def _iter(self, after_seq: int = 0, limit: int | None = None) -> Iterator[AuditEntry]:
        sql = (
            "SELECT seq, id, at, counter, kind, actor, dossier_id, details, prev_hash, hash FROM audit_log "
            "WHERE seq > ? ORDER BY seq" + (" LIMIT ?" if limit else "")
        )
        cursor = self._db.execute_sql(sql, (after_seq, limit) if limit else (after_seq,))
        for row in cursor:
            yield AuditEntry(
                int(row[0]),
                row[1],
                row[2],
                int(row[3]),
                row[4],
                row[5],
                row[6],
                json.loads(row[7]),
                row[8],
                row[9],
            )

    def count(self) -> int:
        return int(self._db.execute_sql("SELECT COUNT(*) FROM audit_log").fetchone()[0])

    def verify(self) -> AuditCheck:
        """The chain holds, every dossier event an entry vouches for is unchanged, every outbox entry it names
        is still there with the same content. Returns the first break in chain order."""
        entries = self.entries()
        broken = first_break(entries)
        checked = entries if broken is None else [e for e in entries if e.seq < broken.seq]
        for entry in checked:
            problem = self._witness_problem(entry)
            if problem:
                return AuditCheck(len(entries), ChainBreak(entry.seq, entry.id, problem))
        return AuditCheck(len(entries), broken)

    def _witness_problem(self, entry: AuditEntry) -> str:
        events = entry.details.get("events")
        if isinstance(events, dict):
            E = self._m.Event
            for event_id, expected in events.items():
                row = E.get_or_none(E.id == event_id)
                if row is None:
                    return "event_missing"
                if content_hash(event_to_dict(_event_of(row))) != expected:
                    return "event_changed"
        change_id = entry.details.get("change_id")
        if isinstance(change_id, str):
            Box = self._m.Outbox
            row = Box.get_or_none(Box.change_id == change_id)
            if row is None:
                return "outbox_missing"
            if content_hash(json.loads(row.payload)) != entry.details.get("payload_hash"):
                return "outbox_changed"
        return ""


def _event_of(row: Any) -> Any:
    from ..core.serial import event_from_dict

    return event_from_dict(
        {
            "id": row.id,
            "at": row.at,
            "officer": row.officer,
            "action": row.action,
            "from_status": row.from_status,
            "to_status": row.to_status,
            "unit": row.unit,
            "receiver": row.receiver,
            "note": row.note,
            "data": json.loads(row.data),
        }
    )
