"""The counter's decisions as pure functions: receive, request a supplement, refuse, and later moves of a dossier."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from .errors import ValidationError
from .events import apply_event
from .ids import new_id
from .model import (
    Channel,
    Component,
    Dossier,
    DossierEvent,
    HandedComponent,
    Person,
    Procedure,
    Rating,
    Representative,
    ReturnMethod,
    Status,
)
from .text import nfc

#: The counter's name in recorded steps when the unit has no legal name configured (the app layer passes the
#: configured name, Decree 118/2025/NĐ-CP's "Trung tâm Phục vụ hành chính công …").
RECEPTION_UNIT = "Bộ phận tiếp nhận và trả kết quả"


def full_set(procedure: Procedure) -> tuple[HandedComponent, ...]:
    """Every component of the procedure handed in with the counts the catalogue asks for."""
    return tuple(
        HandedComponent(c.number, c.name, c.originals, c.certified_copies, c.photocopies, shown=c.shown_only)
        for c in procedure.components
    )


def _satisfies(component: Component, handed: HandedComponent | None) -> bool:
    if handed is None:
        return False
    if component.shown_only:
        return handed.shown or handed.originals > 0
    return (
        handed.originals >= component.originals
        and handed.certified_copies >= component.certified_copies
        and handed.photocopies >= component.photocopies
        and (handed.originals + handed.certified_copies + handed.photocopies) > 0
    )


def missing_components(procedure: Procedure, handed: Sequence[HandedComponent]) -> list[Component]:
    """Required components not handed in (or handed in with fewer copies than required)."""
    by_number = {h.number: h for h in handed}
    return [c for c in procedure.components if c.required and not _satisfies(c, by_number.get(c.number))]


def _event(
    at: datetime, officer: str, action: str, to_status: Status, from_status: Status | None, **kw: object
) -> DossierEvent:
    return DossierEvent(
        id=new_id(),
        at=at,
        officer=officer,
        action=action,
        to_status=to_status,
        from_status=from_status,
        **kw,  # type: ignore[arg-type]
    )


def new_dossier(
    *,
    agency_id: str,
    procedure: Procedure,
    applicant: Person,
    at: datetime,
    officer: str,
    counter: int,
    representative: Representative | None = None,
    components: Sequence[HandedComponent] = (),
    channel: Channel = Channel.IN_PERSON,
    sets: int = 1,
) -> Dossier:
    """A dossier being taken at the counter, not yet decided (no status event yet)."""
    return Dossier(
        id=new_id(),
        agency_id=agency_id,
        procedure=procedure,
        applicant=applicant,
        status=Status.SUBMITTED,
        received_at=at,
        officer=officer,
        counter=counter,
        representative=representative,
        components=tuple(components),
        channel=channel,
        sets=sets,
        unit=RECEPTION_UNIT,
        version=0,
    )


def receive(draft: Dossier, code: str, appointment: datetime, note: str = "") -> Dossier:
    """Receive a complete dossier: give it its code and appointment (form 01)."""
    missing = missing_components(draft.procedure, draft.components)
    if missing:
        raise ValidationError("components", "components.missing", numbers=[c.number for c in missing])
    event = _event(
        draft.received_at,
        draft.officer,
        "receive",
        Status.RECEIVED,
        None,
        unit=draft.unit or RECEPTION_UNIT,
        note=note,
    )
    return draft.with_event(event, code=code, appointment=appointment)


def request_supplement(draft: Dossier, missing: Sequence[str], reason: str) -> Dossier:
    """Explain once, in writing, what is missing (form 02); the papers go back to the citizen."""
    items = tuple(nfc(m) for m in missing if nfc(m))
    if not items:
        raise ValidationError("missing", "required")
    event = _event(
        draft.received_at,
        draft.officer,
        "supplement",
        Status.SUPPLEMENT_REQUESTED,
        None,
        unit=draft.unit or RECEPTION_UNIT,
        note=nfc(reason),
        data={"missing": list(items)},
    )
    return draft.with_event(event, missing=items, reason=nfc(reason))


def refuse(draft: Dossier, reason: str) -> Dossier:
    """Refuse a dossier the centre is not competent for (form 03); a reason is mandatory."""
    reason = nfc(reason)
    if not reason:
        raise ValidationError("reason", "required")
    event = _event(
        draft.received_at,
        draft.officer,
        "refuse",
        Status.REFUSED,
        None,
        unit=draft.unit or RECEPTION_UNIT,
        note=reason,
    )
    return draft.with_event(event, reason=reason)


def advance(
    dossier: Dossier,
    target: Status,
    *,
    officer: str,
    at: datetime,
    unit: str = "",
    receiver: str = "",
    note: str = "",
    action: str = "advance",
    data: dict[str, object] | None = None,
) -> Dossier:
    """Move a received dossier to `target` if the rules allow it (and `action` names a move that leads there),
    appending one history event."""
    event = _event(
        at,
        officer,
        action,
        target,
        dossier.status,
        unit=nfc(unit),
        receiver=nfc(receiver),
        note=nfc(note),
        data=dict(data or {}),
    )
    return apply_event(dossier, event)


def apologise(
    dossier: Dossier,
    *,
    officer: str,
    at: datetime,
    new_appointment: datetime,
    reason: str,
    agency: str = "",
    signer: str = "",
) -> Dossier:
    """Record a late agency's apology with a new appointment (form 04); the status does not change."""
    reason = nfc(reason)
    if not reason:
        raise ValidationError("reason", "required")
    event = _event(
        at,
        officer,
        "apology",
        dossier.status,
        dossier.status,
        unit=dossier.unit,
        note=reason,
        data={
            "reason": reason,
            "new_appointment": new_appointment.isoformat(timespec="minutes"),
            "agency": nfc(agency),
            "signer": nfc(signer),
        },
    )
    return apply_event(dossier, event)


def annotate(
    dossier: Dossier,
    *,
    action: str,
    officer: str,
    at: datetime,
    note: str = "",
    data: dict[str, object] | None = None,
) -> Dossier:
    """Append an event that does not change the status (a rating, a note, a reprint)."""
    event = _event(
        at,
        officer,
        action,
        dossier.status,
        dossier.status,
        unit=dossier.unit,
        note=nfc(note),
        data=dict(data or {}),
    )
    return apply_event(dossier, event)


def record_return(
    dossier: Dossier,
    *,
    officer: str,
    at: datetime,
    recipient_name: str,
    recipient_id: str,
    method: ReturnMethod = ReturnMethod.COUNTER,
    authorisation_paper: str = "",
    note: str = "",
    unit: str = RECEPTION_UNIT,
) -> Dossier:
    """Hand the result over (status 10): who collected it, with which identifier, how (counter or post); `unit`
    is the centre handing it over, by its legal name."""
    name = nfc(recipient_name)
    if not name:
        raise ValidationError("recipient.name", "required")
    if method is ReturnMethod.COUNTER and not nfc(recipient_id):
        raise ValidationError("recipient.identifier", "required")
    authorised = nfc(recipient_id) != dossier.applicant.identifier
    if (
        method is ReturnMethod.COUNTER
        and authorised
        and dossier.representative is None
        and not nfc(authorisation_paper)
    ):
        raise ValidationError("recipient.authorisation_paper", "required")
    return advance(
        dossier,
        Status.RETURNED,
        officer=officer,
        at=at,
        unit=nfc(unit) or RECEPTION_UNIT,
        receiver=name,
        note=note,
        action="return",
        data={
            "return_method": method.value,
            "recipient_name": name,
            "recipient_id": nfc(recipient_id),
            "authorisation_paper": nfc(authorisation_paper),
        },
    )


def rate(dossier: Dossier, *, rating: Rating, officer: str, at: datetime, comment: str = "") -> Dossier:
    """Record the citizen's satisfaction for this dossier (the last rating counts)."""
    return annotate(
        dossier,
        action="rate",
        officer=officer,
        at=at,
        note=comment,
        data={"rating": int(rating), "comment": nfc(comment)},
    )


def rating_of(dossier: Dossier) -> Rating | None:
    for event in reversed(dossier.history):
        if event.action == "rate":
            return Rating(int(event.data["rating"]))  # type: ignore[call-overload]
    return None
