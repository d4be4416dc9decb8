"""What one history event does to a dossier: the single rule the counter follows when it makes an event and the
server follows when a counter sends one.

An event is legal when its action allows its move (`statuses.check_event`) from the dossier's current status.
Its effect follows from the event alone: the status, the unit and the version move on; a move into "supplement
requested" records what is missing and a stop or supplement request its reason; an apology records the new
appointment it promises; a rating must be one of the three national ones. Nothing else changes: the code, the receipt time and the legal appointment are fixed
when the dossier is received.
"""

from __future__ import annotations

from datetime import datetime

from .errors import TransitionError, ValidationError
from .model import Dossier, DossierEvent, Rating, Status
from .statuses import MOVE_ACTIONS, check_event


def apply_event(dossier: Dossier, event: DossierEvent) -> Dossier:
    """The dossier after `event`; raises `TransitionError` for an event the rules forbid from the current status
    and `ValidationError` for an event that lacks what its action needs."""
    if event.from_status is not dossier.status:
        raise TransitionError(current=int(dossier.status), target=int(event.to_status), action=event.action)
    check_event(event.from_status, event.to_status, event.action)
    changes: dict[str, object] = {}
    if event.action == "apology":
        changes["new_appointment"] = _new_appointment(event.data.get("new_appointment"))
    elif event.action == "rate":
        _rating(event.data.get("rating"))
    elif event.action in MOVE_ACTIONS:
        if event.to_status is Status.SUPPLEMENT_REQUESTED and "missing" in event.data:
            changes["missing"] = _missing(event.data["missing"])
        if event.to_status in (Status.STOPPED, Status.SUPPLEMENT_REQUESTED) and event.note:
            changes["reason"] = event.note
    return dossier.with_event(event, **changes)


def check_history(dossier: Dossier) -> None:
    """A dossier as a counter creates it: one intake event first, then only legal events, each from the status
    the one before left; its status and version are those its history leads to."""
    if not dossier.history:
        raise ValidationError("history", "required")
    first, *rest = dossier.history
    check_event(first.from_status, first.to_status, first.action)
    if (dossier.code is not None) != (first.to_status is Status.RECEIVED):
        raise ValidationError("code", "required" if dossier.code is None else "invalid")
    status = first.to_status
    for event in rest:
        if event.from_status is not status:
            raise TransitionError(current=int(status), target=int(event.to_status), action=event.action)
        check_event(event.from_status, event.to_status, event.action)
        status = event.to_status
    if dossier.status is not status:
        raise ValidationError("status", "invalid")
    if dossier.version != len(dossier.history):
        raise ValidationError("version", "invalid")


def _new_appointment(value: object) -> datetime:
    if not isinstance(value, str) or not value:
        raise ValidationError("new_appointment", "required")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError("new_appointment", "invalid") from exc
    if moment.tzinfo is not None:
        raise ValidationError("new_appointment", "invalid")
    return moment


def _rating(value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value not in {int(r) for r in Rating}:
        raise ValidationError("rating", "invalid")


def _missing(value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
        raise ValidationError("missing", "invalid")
    return tuple(value)
