"""Digitised papers of dossiers: the record of each PDF (migration 0009) beside its bytes in the file store.

The file is stored first (content-addressed, so storing it again is harmless) and the record written after, in one
transaction with its audit entry: a record never names a file the store lacks, and a crash in between leaves at
most an unreferenced file. Sending attachments to the server is not built yet: `synced` stays False.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from peewee import Database

from ..core.attachments import Attachment
from ..core.ids import new_id
from .audit import AuditRepository
from .files import FileStore

_COLUMNS = "id, dossier_id, kind, component, name, sha256, pages, bytes, created_by, created_at, synced_at"


class AttachmentRepository:
    def __init__(self, db: Database, files: FileStore, audit: AuditRepository) -> None:
        self._db = db
        self.files = files
        self._audit = audit

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
        row = (
            new_id(),
            dossier_id,
            kind,
            component,
            name,
            digest,
            pages,
            len(data),
            officer,
            at.isoformat(timespec="seconds"),
            None,
        )
        with self._db.atomic():
            self._db.execute_sql(
                f"INSERT INTO attachment ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row
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
                    "bytes": len(data),
                },
            )
        return _attachment(row)

    def of_dossier(self, dossier_id: str) -> list[Attachment]:
        rows = self._db.execute_sql(
            f"SELECT {_COLUMNS} FROM attachment WHERE dossier_id = ? ORDER BY created_at, rowid",
            (dossier_id,),
        ).fetchall()
        return [_attachment(r) for r in rows]

    def read(self, attachment: Attachment) -> bytes:
        return self.files.get(attachment.sha256)


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
