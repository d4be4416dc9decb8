"""Paper and figures: the official forms, the tracking book, and the leaders' report, each print and export
recorded in the audit trail."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..core.audit import AuditKind
from ..core.model import Dossier
from ..core.report import Digitised, Report, build_report
from ..core.roles import Account, Operation
from ..documents import FormKind, Paper, render_form, render_tracking_book, write_tracking_book_xlsx
from ..documents.report_xlsx import write_report_xlsx
from ..storage.portal_sync import PortalSyncRepository
from .base import Changes, CounterApp, Done, Scope, read_op, write_op


@read_op(Operation.PRINT)
def form_pdf(
    app: CounterApp, account: Account, kind: FormKind, dossier: Dossier, paper: Paper = Paper.A5
) -> bytes:
    """PDF bytes of form `kind` for `dossier` (rendering only: `record_print` says it was printed)."""
    return render_form(kind, dossier, app.store.require_unit(), paper=paper, names=app.store.accounts.names())


@write_op(Operation.PRINT)
def record_print(
    app: CounterApp, account: Account, what: str, kind: str, dossier: Dossier | None, target: str
) -> Done[None]:
    """A form printed (`what="print"`) or saved to a file (`"export"`), in the audit trail."""
    app.store.audit.record(
        AuditKind.EXPORT.value if what == "export" else AuditKind.PRINT.value,
        account.username,
        dossier_id=dossier.id if dossier else None,
        details={"form": kind, "code": dossier.code if dossier else None, "target": target},
    )
    return Done(None, Changes.of(Scope.AUDIT))


@write_op(Operation.PRINT)
def save_form(
    app: CounterApp, account: Account, kind: FormKind, dossier: Dossier, path: Path, paper: Paper = Paper.A5
) -> Done[Path]:
    """Render a form into a PDF file."""
    path.write_bytes(form_pdf.fn(app, account, kind, dossier, paper))
    record_print.fn(app, account, "export", kind.value, dossier, str(path))
    return Done(path, Changes.of(Scope.AUDIT))


@write_op(Operation.PRINT)
def save_book(
    app: CounterApp, account: Account, start: date, end: date, path: Path, field: str | None = None
) -> Done[int]:
    """The tracking book (form 07) of dossiers received in [start, end], as PDF or XLSX."""
    store = app.store
    dossiers = store.dossiers.received_between(start, end)
    unit, names = store.require_unit(), store.accounts.names()
    if path.suffix.lower() == ".xlsx":
        write_tracking_book_xlsx(path, dossiers, unit, start, end, field, names)
    else:
        path.write_bytes(render_tracking_book(dossiers, unit, start, end, field, names))
    store.audit.record(
        AuditKind.EXPORT.value if path.suffix.lower() == ".xlsx" else AuditKind.PRINT.value,
        account.username,
        details={"what": "book", "from": start.isoformat(), "to": end.isoformat(), "file": str(path)},
    )
    return Done(len(dossiers), Changes.of(Scope.AUDIT))


@read_op(Operation.REPORT)
def report(app: CounterApp, account: Account, start: date, end: date) -> Report:
    """The period's figures: the national on-time indicator (open dossiers judged now when the period is not over),
    the figures of the dossiers resolved in it, and the share of its received dossiers that the national portal
    holds by now (as the server's feed has told this counter), and the shares of its dossiers and results
    digitised."""
    synced = PortalSyncRepository(app.store.db).synced_ids()
    papers = app.store.attachments.digitised_by_dossier()
    digitised = {i: Digitised(frozenset(c), r) for i, (c, r) in papers.items()}
    return build_report(
        app.store.dossiers.relevant_for_period(start, end), start, end, app.now(), synced, digitised
    )


@write_op(Operation.REPORT)
def save_report(
    app: CounterApp, account: Account, start: date, end: date, path: Path, lang: str = "vi"
) -> Done[Report]:
    figures = report.fn(app, account, start, end)
    write_report_xlsx(path, figures, app.store.require_unit(), lang)
    app.store.audit.record(
        AuditKind.EXPORT.value,
        account.username,
        details={"what": "report", "from": start.isoformat(), "to": end.isoformat(), "file": str(path)},
    )
    return Done(figures, Changes.of(Scope.AUDIT))
