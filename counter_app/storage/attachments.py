"""Digitised papers of dossiers: the record of each PDF (migration 0009) beside its bytes in the file store.

The file is stored first (content-addressed, so storing it again is harmless) and the record written after, in one
transaction with its audit entry and its outbox row (`attachment.add`): a record never names a file the store
lacks, and a crash in between leaves at most an unreferenced file. The sync engine pushes the row with the other
changes, then uploads the file (sync/files.py) and sets `synced_at`. Papers other counters made come with the
feed; their files are fetched when first opened.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from peewee import Database

from ..core.attachments import Attachment
from ..core.ids import new_id
from ..core.wire import ChangeKind
from .audit import AuditRepository
from .files import FileStore, FileStoreError, sha256_hex

_COLUMNS = "id, dossier_id, kind, component, name, sha256, pages, bytes, created_by, created_at, synced_at"
_VALUES = ", ".join("?" * len(_COLUMNS.split(", ")))


class AttachmentRepository:
    def __init__(
        self, db: Database, files: FileStore, audit: AuditRepository, counter: Callable[[], int]
    ) -> None:
        self._db = db
        self.files = files
        self._audit = audit
        self._counter = counter

    def add(
        self,
        dossier_id: str,
        *,
        kind: str,
        component: int | None,
        name: str,
        data: bytes,
        pages: int,
        officer: str,
        at: datetime,
    ) -> Attachment:
        digest = self.files.put(data)
        return self.add_stored(
            dossier_id,
            kind=kind,
            component=component,
            name=name,
            digest=digest,
            pages=pages,
            size=len(data),
            officer=officer,
            at=at,
        )

    def add_stored(
        self,
        dossier_id: str,
        *,
        kind: str,
        component: int | None,
        name: str,
        digest: str,
        pages: int,
        size: int,
        officer: str,
        at: datetime,
    ) -> Attachment:
        """The record, outbox row and audit entry of a paper whose file is already in the store (`put`)."""
        if not self.files.has(digest):
            raise FileStoreError("file.missing", sha256=digest)
        row = (
            new_id(),
            dossier_id,
            kind,
            component,
            name,
            digest,
            pages,
            size,
            officer,
            at.isoformat(timespec="seconds"),
            None,
        )
        added = _attachment(row)
        payload = {k: v for k, v in added.to_dict().items() if k != "synced"}
        payload.update(id=added.id, dossier_id=dossier_id, created_at=added.created_at)
        with self._db.atomic():
            self._db.execute_sql(f"INSERT INTO attachment ({_COLUMNS}) VALUES ({_VALUES})", row)
            self._db.execute_sql(
                "INSERT INTO outbox (change_id, dossier_id, kind, payload, officer, counter, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    new_id(),
                    dossier_id,
                    ChangeKind.ATTACHMENT_ADD.value,
                    json.dumps(payload, ensure_ascii=False),
                    officer,
                    self._counter(),
                    datetime.now().isoformat(timespec="seconds"),  # device time, like every outbox row
                ),
            )
            self._audit.record(
                "attachment.add",
                officer,
                dossier_id=dossier_id,
                details={
                    "kind": kind,
                    "component": component,
                    "sha256": digest,
                    "pages": pages,
                    "bytes": size,
                },
            )
        return added

    def forget_unrecorded(self, digest: str) -> bool:
        """Remove a file no attachment names (a paper digitised for an intake that was then dropped, refused or
        put off): the citizen's papers are not kept without a dossier. True when a file was removed."""
        named = self._db.execute_sql(
            "SELECT 1 FROM attachment WHERE sha256 = ? LIMIT 1", (digest,)
        ).fetchone()
        return named is None and self.files.remove(digest)

    def of_dossier(self, dossier_id: str) -> list[Attachment]:
        rows = self._db.execute_sql(
            f"SELECT {_COLUMNS} FROM attachment WHERE dossier_id = ? ORDER BY created_at, rowid",
            (dossier_id,),
        ).fetchall()
        return [_attachment(r) for r in rows]

    def read(self, attachment: Attachment) -> bytes:
        return self.files.get(attachment.sha256)

    def has_file(self, attachment: Attachment) -> bool:
        return self.files.has(attachment.sha256)

    def keep_file(self, attachment: Attachment, data: bytes) -> None:
        """A file fetched from the server: kept only when it is the one the record names."""
        if sha256_hex(data) != attachment.sha256:
            raise FileStoreError("file.damaged", sha256=attachment.sha256)
        self.files.put(data)

    def to_upload(self) -> list[Attachment]:
        """This counter's papers whose record the server has acknowledged and whose file it does not hold yet."""
        columns = ", ".join(f"a.{c}" for c in _COLUMNS.split(", "))
        rows = self._db.execute_sql(
            f"SELECT {columns} FROM attachment a "
            "JOIN outbox o ON o.kind = ? AND json_extract(o.payload, '$.id') = a.id "
            "WHERE a.synced_at IS NULL AND o.state = 'sent' ORDER BY a.created_at, a.rowid",
            (ChangeKind.ATTACHMENT_ADD.value,),
        ).fetchall()
        return [_attachment(r) for r in rows]

    def digitised_by_dossier(self) -> dict[str, tuple[set[int], bool]]:
        """Per dossier: the numbers of its digitised components, and whether its result is digitised."""
        found: dict[str, tuple[set[int], bool]] = {}
        for dossier_id, kind, component in self._db.execute_sql(
            "SELECT dossier_id, kind, component FROM attachment"
        ):
            components, result = found.get(dossier_id, (set(), False))
            if kind == "component" and component is not None:
                components.add(int(component))
            found[dossier_id] = (components, result or kind == "result")
        return found

    def mark_synced(self, sha256: str, at: str) -> None:
        """The server holds this file: every paper naming it is synced."""
        self._db.execute_sql(
            "UPDATE attachment SET synced_at = ? WHERE sha256 = ? AND synced_at IS NULL", (at, sha256)
        )

    def record_from_server(self, data: Mapping[str, Any], stored: bool, at: str) -> bool:
        """A paper from the feed (made here or on another counter); True when it was new here."""
        known = self._db.execute_sql("SELECT 1 FROM attachment WHERE id = ?", (str(data["id"]),)).fetchone()
        if known is None:
            component = data.get("component")
            self._db.execute_sql(
                f"INSERT INTO attachment ({_COLUMNS}) VALUES ({_VALUES})",
                (
                    str(data["id"]),
                    str(data["dossier_id"]),
                    str(data["kind"]),
                    int(component) if component is not None else None,
                    str(data["name"]),
                    str(data["sha256"]),
                    int(data["pages"]),
                    int(data["bytes"]),
                    str(data.get("created_by") or ""),
                    str(data["created_at"]),
                    at if stored else None,
                ),
            )
        elif stored:
            self.mark_synced(str(data["sha256"]), at)
        return known is None


def _attachment(row: Any) -> Attachment:
    return Attachment(
        id=row[0],
        dossier_id=row[1],
        kind=row[2],
        component=row[3],
        name=row[4],
        sha256=row[5],
        pages=int(row[6]),
        bytes=int(row[7]),
        created_by=row[8],
        created_at=row[9],
        synced=row[10] is not None,
    )
