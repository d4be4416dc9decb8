"""The procedure catalogue: the shipped sample, and importing or exporting a province's published list."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..core.audit import AuditKind
from ..core.model import Procedure
from ..core.roles import Account, Operation
from ..storage.catalogue_files import load_seed_catalogue, read_catalogue_file, write_catalogue_file
from .base import Changes, CounterApp, Done, Scope, read_op, write_op


def sample() -> list[Procedure]:
    """The sample of real commune-level procedures shipped with the application."""
    return load_seed_catalogue()


def read_file(path: Path) -> list[Procedure]:
    """Parse a catalogue file (.json, .xlsx, .csv); `CatalogueError` lists every problem with its place."""
    return read_catalogue_file(path)


@read_op(None)
def is_empty(app: CounterApp, account: Account | None) -> bool:
    return app.store.catalogue_is_empty()


@write_op(Operation.CATALOGUE)
def replace(
    app: CounterApp, account: Account, procedures: Sequence[Procedure], source: str = ""
) -> Done[int]:
    """Install a validated catalogue: new and changed procedures written, missing ones deactivated."""
    app.store.replace_catalogue(procedures)
    app.store.audit.record(
        AuditKind.CATALOGUE_CHANGE.value,
        account.username,
        details={"count": len(procedures), "source": source},
    )
    return Done(len(procedures), Changes.of(Scope.CATALOGUE))


@write_op(Operation.CATALOGUE)
def import_file(app: CounterApp, account: Account, path: Path) -> Done[int]:
    """Read and install a catalogue file; nothing is installed when it has any error."""
    procedures = read_catalogue_file(path)
    return replace.fn(app, account, procedures, str(path))  # type: ignore[no-any-return]


@write_op(Operation.VIEW)
def export_file(app: CounterApp, account: Account, path: Path) -> Done[int]:
    """Write the active catalogue to a file (the export is in the audit trail)."""
    procedures = app.store.procedures()
    write_catalogue_file(path, procedures)
    app.store.audit.record(
        AuditKind.EXPORT.value, account.username, details={"what": "catalogue", "file": str(path)}
    )
    return Done(len(procedures), Changes.of(Scope.AUDIT))
