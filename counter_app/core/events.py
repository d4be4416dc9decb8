"""What one history event does to a dossier: the single rule the counter follows when it makes an event and the
server follows when a counter sends one.

An event is legal when its action allows its move (`statuses.check_event`) from the dossier's current status.
Its effect follows from the event alone: the status, the unit and the version move on; a move into "supplement
requested" records what is missing and a stop or supplement request its reason; an apology records the new
appointment it promises; a rating must be one of the three national ones; the receipt of an intake kept waiting for
papers at the counter (`core.supplement`) brings its code, appointment, receipt time and book entry, and the intake
as finally handed in. Nothing else changes: the code, the receipt time and the legal appointment are fixed when the
dossier is received.
"""

from __future__ import annotations

from datetime import datetime

from .codes import CODE_PATTERN
from .errors import TransitionError, ValidationError
from .model import Dossier, DossierEvent, HandedComponent, Rating, Representative, Status
from .serial import clean_code, person_from_dict
from .statuses import COMPLETION, MOVE_ACTIONS, check_event


def apply_event(dossier: Dossier, event: DossierEvent) -> Dossier:
    """The dossier after `event`; raises `TransitionError` for an event the rules forbid from the current status
    and `ValidationError` for an event that lacks what its action needs."""
    if event.from_status is not dossier.status:
        raise TransitionError(current=int(dossier.status), target=int(event.to_status), action=event.action)
    check_event(event.from_status, event.to_status, event.action)
    changes: dict[str, object] = {}
    if event.action == COMPLETION and event.from_status is not None:
        changes = _completion(dossier, event)
    elif event.action == "apology":
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
    received = first.to_status is Status.RECEIVED
    status = first.to_status
    for event in rest:
        if event.from_status is not status or (event.action == COMPLETION and received):
            raise TransitionError(current=int(status), target=int(event.to_status), action=event.action)
        check_event(event.from_status, event.to_status, event.action)
        received = received or event.action == COMPLETION
        status = event.to_status
    if (dossier.code is not None) != received:
        raise ValidationError("code", "required" if dossier.code is None else "invalid")
    if dossier.status is not status:
        raise ValidationError("status", "invalid")
    if dossier.version != len(dossier.history):
        raise ValidationError("version", "invalid")


def _completion(dossier: Dossier, event: DossierEvent) -> dict[str, object]:
    """What receiving an intake that waited for papers sets (`core.supplement.complete`): the code, the appointment,
    the receipt's moment, officer and counter, the book entry, and the intake as it was finally handed in. Only a
    dossier never received may take it."""
    if dossier.code is not None:
        raise TransitionError(current=int(dossier.status), target=int(event.to_status), action=event.action)
    data = event.data
    code = clean_code(data.get("code")) if isinstance(data.get("code"), str) else None
    found = CODE_PATTERN.match(code or "")
    if code is None or found is None:
        raise ValidationError("code", "code.format")
    if found.group("day") != f"{event.at:%y%m%d}":
        raise ValidationError("code", "invalid")
    appointment = _moment(data.get("appointment"), "appointment")
    if appointment < event.at:
        raise ValidationError("appointment", "invalid")
    counter, entry = data.get("counter"), data.get("book_entry")
    if not _whole(counter) or not 1 <= counter <= 99:  # type: ignore[operator]
        raise ValidationError("counter", "invalid")
    if entry is not None and (not _whole(entry) or entry < 1):  # type: ignore[operator]
        raise ValidationError("book_entry", "invalid")
    volume = data.get("book_volume")
    if not isinstance(volume, str):
        raise ValidationError("book_volume", "invalid")
    try:
        applicant = person_from_dict(_mapping(data.get("applicant")))
        rep = data.get("representative")
        representative = (
            Representative(
                person_from_dict(_mapping(_mapping(rep).get("person"))),
                str(_mapping(rep).get("authorisation_paper") or ""),
            )
            if rep is not None
            else None
        )
        components = tuple(_component(c) for c in _sequence(data.get("components")))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError("components", "invalid") from exc
    return {
        "code": code,
        "appointment": appointment,
        "received_at": event.at,
        "officer": event.officer,
        "counter": counter,
        "book_volume": volume,
        "book_entry": entry,
        "applicant": applicant,
        "representative": representative,
        "components": components,
        "missing": (),
        "reason": "",
    }


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _mapping(value: object) -> dict[str, object]:
    if not isinstance(value, dict):
        raise TypeError("not a mapping")
    return value


def _sequence(value: object) -> list[object]:
    if not isinstance(value, list | tuple):
        raise TypeError("not a list")
    return list(value)


def _component(value: object) -> HandedComponent:
    item = _mapping(value)
    counts = [item.get(k, 0) for k in ("number", "originals", "certified_copies", "photocopies")]
    if not all(_whole(n) and n >= 0 for n in counts) or not isinstance(item.get("name"), str):  # type: ignore[operator]
        raise ValueError("not a component")
    number, originals, certified, copies = (int(n) for n in counts)  # type: ignore[call-overload]
    return HandedComponent(number, str(item["name"]), originals, certified, copies, bool(item.get("shown")))


def _moment(value: object, field: str) -> datetime:
    if not isinstance(value, str) or not value:
        raise ValidationError(field, "required")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError(field, "invalid") from exc
    if moment.tzinfo is not None:
        raise ValidationError(field, "invalid")
    return moment


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
