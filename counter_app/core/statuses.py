"""The allowed moves between national statuses, and lateness derived by the national on-time rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from .errors import TransitionError
from .model import Dossier, DossierEvent, Status

S = Status

#: Status → statuses it may move to. Terminal statuses map to nothing.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    S.SUBMITTED: frozenset({S.RECEIVED, S.REFUSED, S.SUPPLEMENT_REQUESTED}),
    S.RECEIVED: frozenset(
        {S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.FEES_DUE, S.WITHDRAWAL_REQUESTED, S.RESULT_READY, S.STOPPED}
    ),
    S.PROCESSING: frozenset(
        {S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.FEES_DUE, S.WITHDRAWAL_REQUESTED, S.RESULT_READY, S.STOPPED}
    ),
    S.SUPPLEMENT_REQUESTED: frozenset({S.PROCESSING, S.WITHDRAWAL_REQUESTED, S.STOPPED}),
    S.FEES_DUE: frozenset({S.PROCESSING, S.RESULT_READY, S.WITHDRAWAL_REQUESTED, S.STOPPED}),
    S.WITHDRAWAL_REQUESTED: frozenset({S.STOPPED, S.PROCESSING}),
    S.RESULT_READY: frozenset({S.RETURNED}),
    S.REFUSED: frozenset(),
    S.STOPPED: frozenset(),
    S.RETURNED: frozenset(),
}

#: Statuses in which processing has ended.
TERMINAL: frozenset[Status] = frozenset({S.REFUSED, S.STOPPED, S.RESULT_READY, S.RETURNED})
#: Statuses that count as "resolved" for the national indicator (a result was produced).
RESOLVED: frozenset[Status] = frozenset({S.RESULT_READY, S.RETURNED})


def can_move(current: Status, target: Status) -> bool:
    return target in TRANSITIONS[current]


def check_move(current: Status, target: Status) -> None:
    """Raise `TransitionError` when the rules forbid `current → target`."""
    if not can_move(current, target):
        raise TransitionError(current=int(current), target=int(target))


def check_event(from_status: Status | None, to_status: Status, action: str) -> None:
    """Validate one history event by its action: an intake event (`from_status` None) decides a new dossier, the
    receipt of an intake that waited for papers goes from 5 to 2, an annotation (rating, apology, note …) keeps the
    status, a named move goes where its name says and the rules allow. Any other action, or an annotation that
    moves the dossier, raises `TransitionError`."""
    current = int(from_status) if from_status is not None else 0
    if from_status is None:
        if INTAKE_ACTIONS.get(action) is not to_status:
            raise TransitionError(current=current, target=int(to_status), action=action)
        return
    if action == COMPLETION:
        if (from_status, to_status) != (S.SUPPLEMENT_REQUESTED, S.RECEIVED):
            raise TransitionError(current=current, target=int(to_status), action=action)
        return
    if action in ANNOTATIONS:
        if from_status is not to_status:
            raise TransitionError(current=current, target=int(to_status), action=action)
        return
    if action not in MOVE_ACTIONS or MOVE_ACTIONS[action] not in (None, to_status):
        raise TransitionError(current=current, target=int(to_status), action=action)
    check_move(from_status, to_status)


#: Actions that decide a dossier at the counter (its first event), and the status each gives it.
INTAKE_ACTIONS: dict[str, Status] = {
    "receive": S.RECEIVED,
    "supplement": S.SUPPLEMENT_REQUESTED,
    "refuse": S.REFUSED,
}
#: The later decision on an intake kept waiting for papers at the counter (status 5, never received): receiving
#: it once they are in (5 → 2, `core.supplement`). `events.apply_event` allows it only for a dossier without a code;
#: it is no move an officer takes on a received dossier (`may_take` never offers it).
COMPLETION = "receive"
#: Actions that move a dossier on, and the status each leads to (None: the one the officer chose).
MOVE_ACTIONS: dict[str, Status | None] = {
    "advance": None,
    "transfer": S.PROCESSING,
    "processing": S.PROCESSING,
    "supplement_requested": S.SUPPLEMENT_REQUESTED,
    "supplement_received": S.PROCESSING,
    "fees_due": S.FEES_DUE,
    "result_ready": S.RESULT_READY,
    "withdrawal_requested": S.WITHDRAWAL_REQUESTED,
    "stop": S.STOPPED,
    "return": S.RETURNED,
}
#: Actions that record something about a dossier without moving it.
ANNOTATIONS = frozenset({"rate", "apology", "note", "print", "digitise"})
#: Moves that make sense only from some statuses, narrower than the transitions their target allows: a transfer
#: hands on a dossier being worked on, "supplement received" ends a wait for the citizen's papers.
MOVE_FROM: dict[str, frozenset[Status]] = {
    "transfer": frozenset({S.RECEIVED, S.PROCESSING}),
    "processing": frozenset({S.RECEIVED, S.PROCESSING, S.FEES_DUE, S.WITHDRAWAL_REQUESTED}),
    "supplement_received": frozenset({S.SUPPLEMENT_REQUESTED}),
}


def may_take(action: str, status: Status, target: Status | None = None) -> bool:
    """Whether an officer may take the move `action` (towards `target` for a plain "advance") on a dossier in
    `status` now; the window offers and the application layer records only such moves."""
    if action == "apology":  # the late agency apologises while the dossier is still open
        return status not in TERMINAL and status is not S.SUBMITTED
    if action not in MOVE_ACTIONS or status not in MOVE_FROM.get(action, frozenset(Status)):
        return False
    goal = MOVE_ACTIONS[action] or target
    return goal is not None and (target is None or target is goal) and can_move(status, goal)


class Timeliness(str, Enum):
    """Where a dossier stands against its appointment."""

    EARLY = "early"  # finished before the appointment day
    ON_TIME = "on-time"  # finished by the appointment
    LATE = "late"  # finished after the (supplement-adjusted) appointment
    IN_TIME = "in-time"  # still open, deadline not passed
    OVERDUE = "overdue"  # still open, deadline passed, or waiting for the citizen after a second request
    NOT_APPLICABLE = "n/a"  # never received, refused or stopped


@dataclass(frozen=True)
class Deadline:
    """The appointment stretched by the time spent waiting for the citizen's supplement."""

    due: datetime
    supplement_requests: int
    waiting: timedelta


def _starts_supplement(event: DossierEvent) -> bool:
    """A move into status 5 from another status (an apology or rating while waiting is not a new request)."""
    return event.to_status is S.SUPPLEMENT_REQUESTED and event.from_status not in (
        None,
        S.SUPPLEMENT_REQUESTED,
    )


def supplement_requests(dossier: Dossier) -> int:
    """How many times processing asked the citizen for more papers after receipt."""
    return sum(1 for e in dossier.history if _starts_supplement(e))


def deadline(dossier: Dossier, now: datetime | None = None) -> Deadline | None:
    """Effective deadline: the appointment plus every interval spent waiting in status 5 (an open wait counts up
    to `now`). The wait is measured in clock time, as the national indicator does."""
    if dossier.appointment is None:
        return None
    waiting = timedelta(0)
    paused_since: datetime | None = None
    for event in dossier.history:
        if _starts_supplement(event):
            paused_since = paused_since or event.at
        elif paused_since is not None and event.to_status is not S.SUPPLEMENT_REQUESTED:
            waiting += max(event.at - paused_since, timedelta(0))
            paused_since = None
    if paused_since is not None and now is not None:
        waiting += max(now - paused_since, timedelta(0))
    return Deadline(dossier.appointment + waiting, supplement_requests(dossier), waiting)


def finished_at(dossier: Dossier) -> datetime | None:
    """When processing ended: the first move into a terminal status."""
    for event in dossier.history:
        if event.to_status in TERMINAL and event.from_status is not None:
            return event.at
    return None


def waiting_after_repeat_request(dossier: Dossier) -> bool:
    """Waiting for the citizen's papers after a second (or later) request: late at once, whatever the clock says.

    The national portal's rule for the on-time indicator (docs/LEGAL.md): a dossier waiting for a supplement ends
    its processing time at the request, unless it was asked more than once, which counts as late. A dossier whose
    second supplement came back is judged by its time like any other, the waits left out."""
    return dossier.status is S.SUPPLEMENT_REQUESTED and supplement_requests(dossier) > 1


def timeliness(dossier: Dossier, now: datetime) -> Timeliness:
    """Classify a dossier by the national rule (DOMAIN.md, "Late is not a status"; docs/LEGAL.md)."""
    if dossier.code is None or dossier.status in (S.REFUSED,):
        return Timeliness.NOT_APPLICABLE
    dl = deadline(dossier, now)
    if dl is None:
        return Timeliness.NOT_APPLICABLE
    end = finished_at(dossier)
    if end is not None and dossier.status is S.STOPPED:
        return Timeliness.NOT_APPLICABLE
    if end is None:
        if waiting_after_repeat_request(dossier) or now > dl.due:
            return Timeliness.OVERDUE
        return Timeliness.IN_TIME
    if end > dl.due:
        return Timeliness.LATE
    if end.date() < dl.due.date():
        return Timeliness.EARLY
    return Timeliness.ON_TIME


def is_late(dossier: Dossier, now: datetime) -> bool:
    """True for finished-late and still-open-past-deadline dossiers."""
    return timeliness(dossier, now) in (Timeliness.LATE, Timeliness.OVERDUE)
