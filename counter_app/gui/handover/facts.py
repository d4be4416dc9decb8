"""What the hand-over card tells the officer about a dossier, worked out from its history (no Qt, no words)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from ...core.intake import rating_of
from ...core.model import Dossier, DossierEvent, Rating, ReturnMethod, Status
from ...core.statuses import Timeliness, deadline, finished_at, timeliness

#: Statuses in which the dossier is still being worked on, so the citizen asks "when?".
OPEN_STATUSES = frozenset(
    {
        Status.RECEIVED,
        Status.PROCESSING,
        Status.SUPPLEMENT_REQUESTED,
        Status.FEES_DUE,
        Status.WITHDRAWAL_REQUESTED,
    }
)


@dataclass(frozen=True)
class Whereabouts:
    """Where the dossier is now: the unit holding it, who moved it there (full name) and since when."""

    unit: str
    officer: str
    since: datetime | None
    receiver: str = ""


@dataclass(frozen=True)
class ReturnFacts:
    """How a returned result left the counter."""

    at: datetime
    recipient: str
    method: ReturnMethod | None
    officer: str


@dataclass(frozen=True)
class CardFacts:
    """Everything the dossier card shows, derived once from the dossier at `now`."""

    dossier: Dossier
    timeliness: Timeliness
    whereabouts: Whereabouts
    appointment: datetime | None  # the appointment in force (the apology's new one, if any)
    expected: datetime | None  # appointment in force plus the time spent waiting for a supplement
    paused: bool  # waiting for the citizen's supplement right now: the clock is stopped
    finished: datetime | None
    returned: ReturnFacts | None
    rating: Rating | None
    provisional: bool = (
        False  # the appointment in force falls in a year without an official day-off notice yet
    )

    @property
    def ready(self) -> bool:
        return self.dossier.status is Status.RESULT_READY

    @property
    def open(self) -> bool:
        return self.dossier.status in OPEN_STATUSES

    @property
    def late(self) -> bool:
        return self.timeliness in (Timeliness.LATE, Timeliness.OVERDUE)


def _name(names: Mapping[str, str], username: str) -> str:
    return names.get(username, username)


def _returned(dossier: Dossier, names: Mapping[str, str]) -> ReturnFacts | None:
    event: DossierEvent | None = next(
        (
            e
            for e in dossier.history
            if e.to_status is Status.RETURNED and e.from_status is not Status.RETURNED
        ),
        None,
    )
    if event is None:
        return None
    raw = event.data.get("return_method")
    try:
        method: ReturnMethod | None = ReturnMethod(str(raw)) if raw else None
    except ValueError:
        method = None
    recipient = str(event.data.get("recipient_name") or event.receiver)
    return ReturnFacts(event.at, recipient, method, _name(names, event.officer))


def card_facts(
    dossier: Dossier, names: Mapping[str, str], now: datetime, provisional_from: int | None = None
) -> CardFacts:
    """Work out the card of `dossier`; `names` maps usernames to full names; `provisional_from` is the first year
    without an official day-off notice (`HandoverLookup.provisional_from`)."""
    moves = [e for e in dossier.history if e.from_status is None or e.from_status is not e.to_status]
    last = moves[-1] if moves else dossier.last_event
    where = Whereabouts(
        unit=dossier.unit,
        officer=_name(names, last.officer) if last else _name(names, dossier.officer),
        since=last.at if last else None,
        receiver=_name(names, last.receiver) if last and last.receiver else "",
    )
    in_force = dossier.new_appointment or dossier.appointment
    dl = deadline(dossier, now)
    expected = in_force + dl.waiting if in_force is not None and dl is not None else in_force
    return CardFacts(
        dossier=dossier,
        timeliness=timeliness(dossier, now),
        whereabouts=where,
        appointment=in_force,
        expected=expected,
        paused=dossier.status is Status.SUPPLEMENT_REQUESTED and dossier.code is not None,
        finished=finished_at(dossier),
        returned=_returned(dossier, names),
        rating=rating_of(dossier),
        provisional=in_force is not None
        and provisional_from is not None
        and in_force.year >= provisional_from,
    )


def masked_identifier(identifier: str, visible: int = 4) -> str:
    """The identifier with all but its last `visible` characters hidden, so the officer checks the real card."""
    identifier = identifier.strip()
    if len(identifier) <= visible:
        return identifier
    return "•" * (len(identifier) - visible) + identifier[-visible:]


def same_identifier(typed: str, expected: str) -> bool:
    """Identifiers compared the way people read them out: spaces, dashes and letter case ignored."""

    def squeeze(text: str) -> str:
        return "".join(ch for ch in text.upper() if ch.isalnum())

    return bool(squeeze(typed)) and squeeze(typed) == squeeze(expected)
