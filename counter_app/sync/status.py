"""What the counter shows about synchronisation: state, pending count and age, last success, parked items, skew."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from ..core.wire import SKEW_REPORT_S


class SyncState(str, Enum):
    """The four states of the status bar."""

    ONLINE = "online"
    OFFLINE = "offline"
    SYNCING = "syncing"
    NEEDS_ATTENTION = "needs_attention"


@dataclass(frozen=True)
class ParkedItem:
    """A change the server refused: it waits for a person (retry or export), with the reason code."""

    change_id: str
    kind: str
    dossier_id: str | None
    code: str | None
    reason: str
    attempts: int
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "change_id": self.change_id,
            "kind": self.kind,
            "dossier_id": self.dossier_id,
            "code": self.code,
            "reason": self.reason,
            "attempts": self.attempts,
            "created_at": self.created_at,
        }


@dataclass(frozen=True)
class SyncStatus:
    """A snapshot for the status bar, the "needs attention" panel and `counter-app sync --status`."""

    state: SyncState
    pending: int
    oldest_pending_age_s: float | None
    last_success: str | None
    parked: tuple[ParkedItem, ...]
    clock_skew_s: float | None
    server: str | None
    problem: str = ""  # code of the last failure (e.g. sync.unreachable, sync.auth), "" when none
    codes_hold: str | None = None  # "restored" / "reinstalled": no code is issued until the first full sync

    @property
    def clock_is_off(self) -> bool:
        """True when the counter's clock differs from the server's by more than five minutes."""
        return self.clock_skew_s is not None and abs(self.clock_skew_s) > SKEW_REPORT_S

    def to_json(self) -> dict[str, Any]:
        """The shape `counter-app sync --status --json` prints."""
        return {
            "state": self.state.value,
            "pending": self.pending,
            "oldest_pending_age_s": self.oldest_pending_age_s,
            "last_success": self.last_success,
            "parked": [p.to_dict() for p in self.parked],
            "clock_skew_s": self.clock_skew_s,
            "server": self.server,
            "codes_hold": self.codes_hold,
        }
