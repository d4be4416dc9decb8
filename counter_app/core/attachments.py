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


@dataclass(frozen=True)
class PreparedPaper:
    """A component digitised during intake, before the dossier is received: its PDF is already in the profile's
    file store (so a crash loses nothing) and becomes the dossier's attachment in the receipt's own transaction."""

    component: int
    sha256: str
    pages: int
    bytes: int

    def to_dict(self) -> dict[str, Any]:
        return {"component": self.component, "sha256": self.sha256, "pages": self.pages, "bytes": self.bytes}

    @classmethod
    def from_dict(cls, data: Any) -> PreparedPaper | None:
        """The paper a saved draft names, or None when the entry is not one (a draft from an older version)."""
        if not isinstance(data, dict):
            return None
        try:
            paper = cls(int(data["component"]), str(data["sha256"]), int(data["pages"]), int(data["bytes"]))
        except (KeyError, TypeError, ValueError):
            return None
        digest_ok = len(paper.sha256) == 64 and all(c in "0123456789abcdef" for c in paper.sha256)
        return paper if digest_ok and paper.pages > 0 and paper.bytes > 0 else None
