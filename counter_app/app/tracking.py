"""Following dossiers: look one up, search, list and count with filters, and move a dossier along its path."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..core.calendar import WorkingCalendar
from ..core.errors import TransitionError, ValidationError
from ..core.letters import check_new_appointment, letter_symbol, proposed_new_appointment
from ..core.listing import DossierFilter, DossierSummary, ListPage, PublicStatus, public_status
from ..core.model import Dossier, Status
from ..core.references import is_reference
from ..core.roles import Account, Operation
from ..core.statuses import may_take
from ..core.text import fold, nfc
from ..documents.wording import body_name
from ..storage import registers
from ..storage.dossier_queries import DossierQueries
from .base import Changes, CounterApp, Done, read_op, write_op


def queries(app: CounterApp) -> DossierQueries:
    """The list's queries over this profile (one per profile: it remembers whether the list's indexes exist)."""
    found = getattr(app, "_dossier_queries", None)
    if not isinstance(found, DossierQueries):
        found = DossierQueries(app.store)
        setattr(app, "_dossier_queries", found)  # noqa: B010 (a cache the app object carries for this module)
    return found


@dataclass(frozen=True)
class DossierView:
    """A dossier with the full names of the officers its history names (for its page)."""

    dossier: Dossier
    officer_names: dict[str, str]
    #: The first year without an official day-off notice: appointments from then on are provisional (None: unknown).
    provisional_from: int | None = None


@read_op(Operation.VIEW)
def get(app: CounterApp, account: Account, key: str) -> Dossier:
    """The dossier with this code or id, or the reference on its form 02 (`BS-…`), when one dossier carries it
    (`NotFoundError` otherwise)."""
    if is_reference(key):
        found = app.store.dossiers.by_reference(key)
        if len(found) == 1:
            return found[0]
    return app.store.dossiers.get(key)


@read_op(Operation.VIEW)
def find(app: CounterApp, account: Account, key: str) -> Dossier | None:
    return app.store.dossiers.find(key)


@read_op(Operation.VIEW)
def view(app: CounterApp, account: Account, key: str) -> DossierView:
    """The dossier with this code or id and its officers' names (`NotFoundError` otherwise)."""
    return DossierView(
        app.store.dossiers.get(key),
        app.store.accounts.names(),
        app.store.calendar().notices.first_provisional_year,
    )


@read_op(None)
def public_lookup(app: CounterApp, account: None, code: str, now: datetime) -> PublicStatus | None:
    """What the citizens' kiosk shows for an exact dossier code (no account: nothing personal is in it)."""
    dossier = app.store.dossiers.find(code)
    if dossier is None or dossier.code != code:
        return None
    return public_status(dossier, now)


@read_op(Operation.VIEW)
def search(app: CounterApp, account: Account, text: str, limit: int = 50) -> list[Dossier]:
    """By code, name, identifier or phone; tone marks ignored; newest first."""
    return app.store.dossiers.search(text, limit=max(1, min(limit, 500)))


@read_op(Operation.VIEW)
def list_page(app: CounterApp, account: Account, *args: Any, **kwargs: Any) -> Any:
    """One page of the dossier list (`DossierQueries.page`)."""
    return queries(app).page(*args, **kwargs)


@read_op(Operation.VIEW)
def first_page(app: CounterApp, account: Account, flt: DossierFilter, now: datetime, limit: int) -> ListPage:
    """How many dossiers match the filter at `now`, and the first `limit` of them."""
    return queries(app).open_list(flt, now, limit)


@read_op(Operation.VIEW)
def next_page(
    app: CounterApp, account: Account, flt: DossierFilter, now: datetime, offset: int, limit: int
) -> list[DossierSummary]:
    return queries(app).page(flt, now, offset, limit)


@write_op(Operation.VIEW)
def prepare_list(app: CounterApp, account: Account) -> Done[None]:
    """Create the list's indexes once (seconds at 100k dossiers; the list works without them, only slower)."""
    queries(app).ensure_indexes()
    return Done(None)


@read_op(Operation.VIEW)
def list_count(app: CounterApp, account: Account, *args: Any, **kwargs: Any) -> int:
    return queries(app).count(*args, **kwargs)


@read_op(Operation.VIEW)
def summary(app: CounterApp, account: Account, dossier_id: str) -> Any:
    return queries(app).summary(dossier_id)


@read_op(Operation.VIEW)
def deadline_alerts(app: CounterApp, account: Account, *args: Any, **kwargs: Any) -> Any:
    """Dossiers due soon and late (`DossierQueries.deadline_alerts`)."""
    return queries(app).deadline_alerts(*args, **kwargs)


@read_op(Operation.VIEW)
def filter_choices(app: CounterApp, account: Account) -> tuple[list[str], list[str]]:
    """The officers and the units that appear in dossiers (for the list's filters)."""
    q = queries(app)
    return q.officers(), q.units()


@read_op(Operation.PRINT)
def received_between(app: CounterApp, account: Account, start: date, end: date) -> list[Dossier]:
    return app.store.dossiers.received_between(start, end)


@write_op(Operation.MOVE)
def advance(
    app: CounterApp,
    account: Account,
    key: str,
    target: Status,
    *,
    at: datetime | None = None,
    unit: str = "",
    receiver: str = "",
    note: str = "",
    action: str = "advance",
    data: dict[str, object] | None = None,
) -> Done[Dossier]:
    """One step of the dossier's path, by the acting account, under the core's transition rules (`may_take`)."""

    def allowed(before: Dossier) -> None:
        if not may_take(action, before.status, target):
            raise TransitionError(current=int(before.status), target=int(target))

    moment = at or app.now()
    with app.store.db.atomic("IMMEDIATE"):  # the stop notice's number and its event, or neither
        if action == "stop":
            data = _stop_letter(app, dict(data or {}), moment)
        dossier = app.store.advance(
            key,
            target,
            officer=account.username,
            at=moment,
            unit=unit,
            receiver=receiver,
            note=note,
            action=action,
            data=data,
            check=allowed,
        )
    return Done(dossier, Changes.of(dossiers=[dossier.id]))


@write_op(Operation.MOVE)
def apologise(
    app: CounterApp,
    account: Account,
    key: str,
    *,
    new_appointment: datetime,
    reason: str,
    at: datetime | None = None,
    agency: str = "",
    signer: str = "",
    signer_title: str = "",
) -> Done[Dossier]:
    """The late agency's apology with a new date (form 04): the only way an appointment moves. The new date must
    lie in office hours of a working day of the unit's calendar, after the appointment in force; the letter takes
    the next number of this counter's year."""
    moment = at or app.now()
    reason = nfc(reason)
    if not reason:
        raise ValidationError("reason", "required")
    with app.store.db.atomic("IMMEDIATE"):
        before = app.store.dossiers.get(key)
        check_new_appointment(app.store.calendar(), before, new_appointment, moment)
        issuer = nfc(agency) or _default_agency(app, before)
        data: dict[str, object] = {
            "reason": reason,
            "new_appointment": new_appointment.isoformat(timespec="minutes"),
            "agency": issuer,
            "signer": nfc(signer),
            "signer_title": nfc(signer_title),
            **_letter_number(app, "apology", issuer, moment),
        }
        dossier = app.store.advance(
            before.id,
            before.status,
            officer=account.username,
            at=moment,
            unit=before.unit,
            note=reason,
            action="apology",
            data=data,
            check=lambda current: _may_apologise(current),
        )
    return Done(dossier, Changes.of(dossiers=[dossier.id]))


@dataclass(frozen=True)
class LetterDraft:
    """What the move dialog offers for a letter (forms 04, 05): the new appointment computed on the unit's
    calendar (which the dialog also uses to check the officer's own choice), the issuing agency, and the signer
    of this counter's latest letter of the kind."""

    calendar: WorkingCalendar
    proposed_appointment: datetime | None
    agency: str
    signer_title: str
    signer: str


@read_op(Operation.VIEW)
def letter_draft(app: CounterApp, account: Account, key: str, action: str, now: datetime) -> LetterDraft:
    """The defaults of the letter `action` ("apology" or "stop") would print for the dossier `key` at `now`."""
    dossier = app.store.dossiers.get(key)
    calendar = app.store.calendar()
    title, name = registers.last_signer(app.store.db, action)
    apology = action == "apology"
    return LetterDraft(
        calendar=calendar,
        proposed_appointment=proposed_new_appointment(calendar, dossier, now) if apology else None,
        agency=_default_agency(app, dossier) if apology else _unit_body(app),
        signer_title=title,
        signer=name,
    )


def _may_apologise(dossier: Dossier) -> None:
    if not may_take("apology", dossier.status):
        raise TransitionError(current=int(dossier.status), target=int(dossier.status), action="apology")


def _unit_body(app: CounterApp) -> str:
    """The unit's legal name, which signs its letters."""
    return body_name(app.store.require_unit())


def _default_agency(app: CounterApp, dossier: Dossier) -> str:
    """The agency that apologises unless the officer names another: the one competent for the procedure, or
    the unit's People's Committee where the catalogue names only a level ("UBND cấp xã")."""
    agency = nfc(dossier.procedure.resolving_agency)
    if not agency or fold(agency).startswith(("ubnd cap ", "uy ban nhan dan cap ")):
        return nfc(app.store.require_unit().parent_body) or _unit_body(app)
    return agency


def _letter_number(app: CounterApp, action: str, issuer: str, at: datetime) -> dict[str, object]:
    """The next number of this counter's letters of the year, and the symbol (`core.letters`); inside the
    caller's transaction."""
    slot = app.store.require_unit().counter
    number = registers.next_letter_number(app.store.db, slot, at.year)
    return registers.letter_data(number, letter_symbol(action, issuer, slot), slot)


def _stop_letter(app: CounterApp, data: dict[str, object], at: datetime) -> dict[str, object]:
    """A stop notice's data with its number; the applicant's request cannot postdate the stop."""
    requested = data.get("requested_at")
    if isinstance(requested, str) and requested and datetime.fromisoformat(requested) > at:
        raise ValidationError("requested_at", "requested_at.after_stop")
    for field in ("signer", "signer_title"):
        data[field] = nfc(str(data.get(field) or ""))
    return {**data, **_letter_number(app, "stop", _unit_body(app), at)}
