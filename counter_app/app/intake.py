"""Intake at the counter: the catalogue to pick from, and receive, request a supplement or refuse a dossier; later,
receive an intake that waited for papers (found by the reference on its form 02)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..core.attachments import PreparedPaper
from ..core.errors import NotFoundError
from ..core.model import Dossier, DurationUnit, Procedure
from ..core.roles import Account, Operation
from ..core.supplement import IntakeStateError, check_completable
from ..core.text import nfc
from ..documents.wording import body_name
from .base import Changes, CounterApp, Done, Scope, read_op, write_op
from .digitise import attach_prepared


@read_op(Operation.VIEW)
def procedures(app: CounterApp, account: Account) -> list[Procedure]:
    """The active catalogue, by code."""
    return app.store.procedures()


@read_op(Operation.VIEW)
def procedure(app: CounterApp, account: Account, code: str) -> Procedure:
    return app.store.procedure(code)


@read_op(Operation.VIEW)
def search_procedures(app: CounterApp, account: Account, text: str) -> list[Procedure]:
    """Procedures whose code, name or field holds every typed word, tone marks ignored."""
    return app.store.search_procedures(text)


@write_op(Operation.RECEIVE)
def warm_up(app: CounterApp, account: Account) -> Done[None]:
    """Prepare the single writer for the first receipt of a session: open its connection and build this year's
    holiday table, so the first receipt is not slower than the rest. Writes nothing."""
    app.store.calendar().appointment_for(app.now(), 5, DurationUnit.WORKING_DAYS, None)
    return Done(None)


def centre_name(app: CounterApp) -> str:
    """The unit's legal name as running text (`documents.wording.body_name`, the name its forms and letters print),
    which the counter's own steps (receipt, supplement, refusal, return) are recorded under ("" before the unit is
    configured)."""
    unit = app.store.unit()
    return body_name(unit) if unit is not None else ""


def _by(app: CounterApp, account: Account, draft: Dossier) -> Dossier:
    """The draft as made by the acting account (whatever name the caller put in it), at the centre under its
    legal name."""
    return replace(draft, officer=account.username, unit=centre_name(app) or draft.unit)


def _received(dossier: Dossier, papers: Sequence[PreparedPaper]) -> Done[Dossier]:
    scopes = (Scope.AUDIT,) if papers else ()
    return Done(dossier, Changes.of(*scopes, dossiers=[dossier.id]))


@write_op(Operation.RECEIVE)
def receive(
    app: CounterApp, account: Account, draft: Dossier, papers: Sequence[PreparedPaper] = ()
) -> Done[Dossier]:
    """Receive a complete dossier: its code, appointment, book entry, history and outbox entry in one write, with
    the components digitised during intake (`papers`) as its attachments."""
    with app.store.db.atomic("IMMEDIATE"):  # as the dossier's own write: no lock upgrade mid-way
        dossier = app.store.receive(_by(app, account, draft))
        attach_prepared(app, account, dossier, papers)
    return _received(dossier, papers)


@write_op(Operation.RECEIVE)
def request_supplement(
    app: CounterApp, account: Account, draft: Dossier, missing: Iterable[str], reason: str
) -> Done[Dossier]:
    """Record an incomplete intake (form 02): no code, the missing papers and the reason."""
    dossier = app.store.request_supplement(_by(app, account, draft), list(missing), reason)
    return Done(dossier, Changes.of(dossiers=[dossier.id]))


@read_op(Operation.RECEIVE)
def pending(app: CounterApp, account: Account, key: str) -> Dossier:
    """The intake kept waiting for papers that `key` names: the reference on its form 02 (`BS-04711-92386`) or its
    ID. `NotFoundError` when none; `IntakeStateError` when it was received since (`supplement.already_received`),
    decided otherwise, or when two intakes share the reference (`supplement.ambiguous`)."""
    key = nfc(key)
    found = app.store.dossiers.by_reference(key)
    if not found:
        raise NotFoundError(kind="supplement", key=key)
    if len(found) > 1:
        raise IntakeStateError("supplement.ambiguous", key=key)
    check_completable(found[0], key)
    return found[0]


@write_op(Operation.RECEIVE)
def complete(
    app: CounterApp, account: Account, key: str, revised: Dossier, papers: Sequence[PreparedPaper] = ()
) -> Done[Dossier]:
    """Receive the intake `key` names (as `pending`) now that its papers are in: `revised` is the intake as the
    officer has it now, its `received_at` the moment of this receipt. The code, the book entry of this counter and
    an appointment counted from that moment, the history event, its outbox entry and the audit entry are written
    together (`core.supplement.complete`), with the components digitised now (`papers`) as its attachments."""
    waiting = pending(app, account, key)
    with app.store.db.atomic("IMMEDIATE"):  # as the dossier's own write: no lock upgrade mid-way
        dossier = app.store.complete(waiting.id, _by(app, account, revised))
        attach_prepared(app, account, dossier, papers)
    return _received(dossier, papers)


@write_op(Operation.RECEIVE)
def refuse(app: CounterApp, account: Account, draft: Dossier, reason: str) -> Done[Dossier]:
    """Record a refusal (form 03) with its reason."""
    dossier = app.store.refuse(_by(app, account, draft), reason)
    return Done(dossier, Changes.of(dossiers=[dossier.id]))


@write_op(Operation.RECEIVE)
def save_draft(app: CounterApp, account: Account, key: str, data: dict[str, object]) -> Done[None]:
    """Keep what is typed in an intake (survives a crash); nothing for other screens to refresh."""
    app.store.save_draft(key, data)
    return Done(None)


@read_op(Operation.RECEIVE)
def load_draft(app: CounterApp, account: Account, key: str) -> dict[str, object] | None:
    return app.store.load_draft(key)


@write_op(Operation.RECEIVE)
def clear_draft(app: CounterApp, account: Account, key: str) -> Done[None]:
    app.store.clear_draft(key)
    return Done(None)
