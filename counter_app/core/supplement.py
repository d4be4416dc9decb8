"""An intake kept waiting for papers at the counter, received once the papers are in.

At the counter an incomplete dossier is not received: the officer explains once, in writing (form 02), what is
missing and hands the papers back; the dossier is stored without a code, in status 5 (`intake.request_supplement`).
When the citizen comes back with the papers, that same dossier is received (`complete`): it gets its code, its
tracking-book entry and an appointment counted from that moment, like any receipt. Its history keeps both steps,
"supplement" (the intake, status 5) and then "receive" (5 → 2), as the national status list has an unreceived
dossier asked for papers and received later. Form 02 finds it again by its reference (`core.references`).
"""

from __future__ import annotations

from datetime import datetime

from .errors import DomainError, ValidationError
from .events import apply_event
from .ids import new_id
from .intake import RECEPTION_UNIT, missing_components
from .model import Dossier, DossierEvent, Status
from .references import reference
from .serial import component_to_dict, dt_text, person_to_dict

S = Status

#: Error codes this module raises (each worded in `messages.py`).
ERROR_CODES = (
    "supplement.already_received",
    "supplement.not_waiting",
    "supplement.ambiguous",
    "supplement.procedure_changed",
)


class IntakeStateError(DomainError):
    """The dossier named is not an intake waiting for papers (params: key, and dossier_code or current/target)."""

    code = "supplement.not_waiting"


def form_reference(dossier: Dossier) -> str:
    """What form 02 prints and encodes to find the dossier again: its code once received, else its reference."""
    return dossier.code or reference(dossier.id)


def waiting_at_counter(dossier: Dossier) -> bool:
    """Whether the dossier is an intake kept waiting for papers: never received, in status 5."""
    return dossier.code is None and dossier.status is S.SUPPLEMENT_REQUESTED


def check_completable(dossier: Dossier, key: str = "") -> None:
    """Refuse a dossier that is not an intake waiting for papers: already received, or decided otherwise."""
    key = key or reference(dossier.id)
    if dossier.code is not None:
        raise IntakeStateError("supplement.already_received", key=key, dossier_code=dossier.code)
    if dossier.status is not S.SUPPLEMENT_REQUESTED:
        raise IntakeStateError(key=key, current=int(dossier.status), target=int(S.RECEIVED))


def complete(
    pending: Dossier,
    revised: Dossier,
    *,
    code: str,
    appointment: datetime,
    book_volume: str = "",
    book_entry: int | None = None,
    note: str = "",
) -> Dossier:
    """Receive `pending` now that its papers are in. `revised` is the intake as the officer has it now: the same
    procedure, the applicant and authorised person (corrected if need be), the components handed in; its
    `received_at`, `officer`, `counter` and `unit` are those of this receipt. Raises `IntakeStateError` for a
    dossier that is not waiting, `ValidationError` when a required paper is still missing."""
    check_completable(pending)
    if revised.procedure.code != pending.procedure.code:
        raise ValidationError(
            "procedure",
            "supplement.procedure_changed",
            expected=pending.procedure.code,
            given=revised.procedure.code,
        )
    missing = missing_components(pending.procedure, revised.components)
    if missing:
        raise ValidationError("components", "components.missing", numbers=[c.number for c in missing])
    rep = revised.representative
    event = DossierEvent(
        id=new_id(),
        at=revised.received_at,
        officer=revised.officer,
        action="receive",
        to_status=S.RECEIVED,
        from_status=S.SUPPLEMENT_REQUESTED,
        unit=revised.unit or pending.unit or RECEPTION_UNIT,
        note=note,
        data={
            "code": code,
            "appointment": dt_text(appointment),
            "counter": revised.counter,
            "book_volume": book_volume,
            "book_entry": book_entry,
            "applicant": person_to_dict(revised.applicant),
            "representative": (
                {"person": person_to_dict(rep.person), "authorisation_paper": rep.authorisation_paper}
                if rep is not None
                else None
            ),
            "components": [component_to_dict(c) for c in revised.components],
        },
    )
    return apply_event(pending, event)
