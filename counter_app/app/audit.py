"""The counter's audit trail as administrators and leaders read it: the latest entries, and the full check."""

from __future__ import annotations

from ..core.audit import AuditEntry
from ..core.roles import Account, Operation
from ..storage.audit import AuditCheck
from .base import CounterApp, read_op

__all__ = ["AuditCheck", "entries", "latest", "verify"]


@read_op(Operation.AUDIT)
def verify(app: CounterApp, account: Account) -> AuditCheck:
    """The chain holds, and the history and outbox it vouches for are unchanged (first break named)."""
    return app.store.audit.verify()


@read_op(Operation.AUDIT)
def latest(app: CounterApp, account: Account, limit: int = 20) -> list[AuditEntry]:
    audit = app.store.audit
    return audit.entries(after_seq=max(0, audit.count() - max(1, limit)))


@read_op(Operation.AUDIT)
def entries(
    app: CounterApp, account: Account, after_seq: int = 0, limit: int | None = None
) -> list[AuditEntry]:
    return app.store.audit.entries(after_seq=after_seq, limit=limit)
