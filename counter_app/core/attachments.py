"""A dossier's digitised paper as every layer sees it: one PDF, a component the citizen handed in or the result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: What one digitised paper may be (the counter refuses more before storing; the server's bounds say the same).
MAX_BYTES = 60 * 1024 * 1024
MAX_PAGES = 300


@dataclass(frozen=True)
class Attachment:
    id: str
    dossier_id: str
    kind: str  # "component" | "result"
    component: int | None
    name: str
    sha256: str
    pages: int
    bytes: int
    created_by: str
    created_at: str
    synced: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "component": self.component,
            "name": self.name,
            "sha256": self.sha256,
            "pages": self.pages,
            "bytes": self.bytes,
            "synced": self.synced,
        }
