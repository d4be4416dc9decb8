"""Synchronisation as the counter's people see it: join a server, one cycle now, the status, parked items."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..core.audit import AuditKind
from ..core.codes import check_counter
from ..core.errors import DomainError
from ..core.roles import Account, Operation
from ..sync.client import Identity
from ..sync.engine import CycleReport, SyncEngine
from ..sync.enrol import check_server_url, join_server
from ..sync.status import SyncStatus
from .base import Changes, CounterApp, Done, Scope, read_op, write_op

__all__ = [
    "check_server_url",
    "cycle",
    "engine",
    "export",
    "join",
    "requeue",
    "set_slot_digits",
    "slot_digits",
    "status",
]


def engine(app: CounterApp, client_factory: Callable[..., Any] | None = None) -> SyncEngine:
    """The sync engine over this profile (the GUI's sync worker owns one; the CLI makes one per command)."""
    return (
        SyncEngine(app.store)
        if client_factory is None
        else SyncEngine(app.store, client_factory=client_factory)
    )


@write_op(None)
def join(
    app: CounterApp, account: Account | None, url: str, token: str, insecure: bool = False
) -> Done[Identity]:
    """Spend an enrolment token on the server and keep this installation's credential (first set-up or an
    administrator)."""
    if account is not None and app.store.accounts.any_admin():
        from ..core.roles import require

        require(account, Operation.CONFIGURE)
    identity = join_server(app.store, url, token, insecure=insecure)
    return Done(identity, Changes.of(Scope.SYNC))


@read_op(Operation.VIEW)
def status(app: CounterApp, account: Account, sync: SyncEngine | None = None) -> SyncStatus:
    return (sync or engine(app)).status()


@write_op(Operation.VIEW)
def cycle(app: CounterApp, account: Account, sync: SyncEngine) -> Done[CycleReport]:
    """Push, send the audit chain, pull: one cycle now."""
    report = sync.cycle()
    changed = Changes.of(Scope.SYNC) | (Changes.of(Scope.DOSSIERS) if report.pull.dossiers else Changes())
    return Done(report, changed)


@write_op(Operation.CONFIGURE)
def requeue(app: CounterApp, account: Account, change_ids: Sequence[str] | None = None) -> Done[int]:
    """Put parked changes back in the queue (an administrator's decision)."""
    return Done(engine(app).requeue(change_ids), Changes.of(Scope.SYNC))


@write_op(Operation.BACKUP)
def export(app: CounterApp, account: Account, path: Path) -> Done[int]:
    """Every unsent change into a file, for the day the network never comes back."""
    count = engine(app).export(path)
    app.store.audit.record(
        AuditKind.EXPORT.value,
        account.username,
        details={"what": "outbox", "file": str(path), "count": count},
    )
    return Done(count, Changes.of(Scope.AUDIT))


class SlotDigitsFromServer(DomainError):
    """A counter that joined a server takes its unit's dossier-code slot width from there (`add-counter
    --slot-digits`), never from its own settings."""

    code = "code_scheme.joined"


@read_op(Operation.VIEW)
def slot_digits(app: CounterApp, account: Account) -> int:
    """The width of this counter's slot in the dossier codes it issues: 1 or 2 (`core.codes`)."""
    return app.store.dossiers.slot_digits()


@write_op(Operation.CONFIGURE)
def set_slot_digits(app: CounterApp, account: Account, digits: int, counter: int | None = None) -> Done[bool]:
    """Choose the dossier-code slot width of a standalone counter: 1 keeps codes four digits up to 999 dossiers
    a day (counter numbers 1–9), 2 up to 99 (counters 1–99). Refused on a counter that joined a server, for a
    counter number the width cannot hold (`counter`, else the configured unit's), and when a code already
    issued would be read differently."""
    if app.store.dossiers.joined_server():
        raise SlotDigitsFromServer()
    unit = app.store.unit()
    if counter is None and unit is not None:
        counter = unit.counter
    if counter is not None:
        check_counter(counter, digits)
    before = app.store.dossiers.slot_digits()
    changed = app.store.dossiers.set_slot_digits(digits)
    if changed:
        app.store.audit.record(
            AuditKind.SETTING_CHANGE.value,
            account.username,
            details={"key": "code_slot_digits", "from": str(before), "to": str(digits)},
        )
    return Done(changed, Changes.of(Scope.UNIT, Scope.AUDIT) if changed else Changes())
