"""Following dossiers: list filters and quick views, one row's summary and deadline mark, the timeline, and the masked public view.

The list never loads whole dossiers: a `DossierSummary` holds the few facts a row shows, and the functions
here judge it exactly as `statuses.timeliness` judges the full dossier (the waiting time of a supplement
request does not count; a dossier waiting for its papers after a second request is late).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import Enum

from .calendar import WorkingCalendar
from .errors import ValidationError
from .model import Channel, Dossier, Status
from .statuses import TERMINAL, Timeliness, deadline, finished_at, timeliness
from .steps import receipt_index, step_results
from .text import nfc

S = Status

#: Statuses whose dossiers are still being worked on (the processing clock runs, except in status 5).
OPEN_STATUSES: frozenset[Status] = frozenset(set(Status) - TERMINAL - {S.SUBMITTED})


class QuickView(str, Enum):
    """The list's ready-made views."""

    ALL = "all"
    DUE_TODAY = "due-today"  # still open, deadline later today
    DUE_SOON = "due-soon"  # still open, deadline within one working day from now
    LATE = "late"  # finished late, or still open past the deadline
    WAITING_SUPPLEMENT = (
        "waiting-supplement"  # status 5: after receipt (the clock is stopped) or at intake (no code)
    )
    READY_TO_RETURN = "ready-to-return"  # status 9: the result waits for the citizen


class SortKey(str, Enum):
    """Columns the list can be sorted by."""

    CODE = "code"
    APPLICANT = "applicant"
    PROCEDURE = "procedure"
    STATUS = "status"
    RECEIVED = "received"
    DUE = "due"
    UNIT = "unit"
    OFFICER = "officer"
    CHANNEL = "channel"


class DeadlineMark(str, Enum):
    """What a row says about its deadline (shown as text and colour, never colour alone)."""

    NONE = "none"
    DUE_SOON = "due-soon"  # open, deadline within the configured "due soon" hours
    OVERDUE = "overdue"  # open, deadline passed (or waiting after a second supplement request)
    LATE = "late"  # finished after the deadline


@dataclass(frozen=True)
class DossierFilter:
    """What the officer asked the list for. Empty fields do not filter."""

    view: QuickView = QuickView.ALL
    statuses: frozenset[Status] = frozenset()
    procedure_code: str = ""
    field: str = ""
    officer: str = ""
    channel: Channel | None = None
    unit: str = ""
    received_from: date | None = None
    received_to: date | None = None
    text: str = ""
    sort: SortKey = SortKey.RECEIVED
    descending: bool = True

    def __post_init__(self) -> None:
        if self.received_from and self.received_to and self.received_to < self.received_from:
            raise ValidationError("received_to", "period.order")


@dataclass(frozen=True)
class DossierSummary:
    """One row of the dossier list: the columns of the dossier table plus its supplement requests."""

    id: str
    code: str | None
    procedure_code: str
    procedure_name: str
    field: str
    applicant_name: str
    status: Status
    channel: Channel
    received_at: datetime
    appointment: datetime | None
    due_at: datetime | None  # appointment stretched by finished supplement waits
    finished_at: datetime | None
    officer: str
    unit: str
    supplement_requests: int = 0
    waiting_since: datetime | None = None  # start of the supplement wait still open (status 5)


@dataclass(frozen=True)
class ListPage:
    """A window of the list: how many dossiers match in all, and the rows from `offset` on."""

    total: int
    rows: tuple[DossierSummary, ...]
    offset: int = 0


@dataclass(frozen=True)
class DeadlineAlerts:
    """Open dossiers past their deadline and those due within the "due soon" hours, for the warning notice."""

    checked_at: datetime
    due_soon_until: datetime
    overdue: tuple[DossierSummary, ...] = ()
    due_soon: tuple[DossierSummary, ...] = ()
    overdue_count: int = 0
    due_soon_count: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.overdue_count or self.due_soon_count)

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(s.id for s in (*self.overdue, *self.due_soon))


def effective_due(summary: DossierSummary, now: datetime) -> datetime | None:
    """The deadline at `now`: a supplement wait still open pushes it on by the time waited so far."""
    if summary.due_at is None:
        return None
    if summary.status is S.SUPPLEMENT_REQUESTED and summary.waiting_since is not None:
        return summary.due_at + max(now - summary.waiting_since, timedelta(0))
    return summary.due_at


def summary_timeliness(summary: DossierSummary, now: datetime) -> Timeliness:
    """`statuses.timeliness` computed from a list row instead of the full history."""
    if summary.code is None or summary.status is S.REFUSED:
        return Timeliness.NOT_APPLICABLE
    due = effective_due(summary, now)
    if due is None or summary.due_at is None:
        return Timeliness.NOT_APPLICABLE
    end = summary.finished_at
    if end is not None and summary.status is S.STOPPED:
        return Timeliness.NOT_APPLICABLE
    if end is None:
        repeat_wait = summary.status is S.SUPPLEMENT_REQUESTED and summary.supplement_requests > 1
        if repeat_wait or now > due:
            return Timeliness.OVERDUE
        return Timeliness.IN_TIME
    if end > summary.due_at:
        return Timeliness.LATE
    if end.date() < summary.due_at.date():
        return Timeliness.EARLY
    return Timeliness.ON_TIME


def deadline_mark(summary: DossierSummary, now: datetime, due_soon_until: datetime) -> DeadlineMark:
    """Overdue, late, due soon (deadline before `due_soon_until` while the clock runs) or nothing."""
    verdict = summary_timeliness(summary, now)
    if verdict is Timeliness.OVERDUE:
        return DeadlineMark.OVERDUE
    if verdict is Timeliness.LATE:
        return DeadlineMark.LATE
    due = effective_due(summary, now)
    if (
        verdict is Timeliness.IN_TIME
        and summary.status is not S.SUPPLEMENT_REQUESTED
        and due is not None
        and due <= due_soon_until
    ):
        return DeadlineMark.DUE_SOON
    return DeadlineMark.NONE


def due_soon_limit(now: datetime, hours: int) -> datetime:
    """End of the "due soon" window: `hours` clock hours from now (at least one hour)."""
    return now + timedelta(hours=max(1, hours))


def view_window(
    view: QuickView, now: datetime, calendar: WorkingCalendar
) -> tuple[datetime, datetime] | None:
    """The deadline window [now, end] (both inclusive) of the "due today" and "due within one working day" views.

    None for the other views. One working day is the office day length of office time from now.
    """
    if view is QuickView.DUE_TODAY:
        return now, datetime.combine(now.date(), time(23, 59, 59))
    if view is QuickView.DUE_SOON:
        return now, calendar.add_working_time(now, calendar.hours.day_length)
    return None


def summary_of(dossier: Dossier) -> DossierSummary:
    """The list row of a full dossier (tests compare it with what the SQL query returns)."""
    dl = deadline(dossier)
    requests = [
        e
        for e in dossier.history
        if e.to_status is S.SUPPLEMENT_REQUESTED and e.from_status not in (None, S.SUPPLEMENT_REQUESTED)
    ]
    waiting = requests[-1].at if requests and dossier.status is S.SUPPLEMENT_REQUESTED else None
    return DossierSummary(
        id=dossier.id,
        code=dossier.code,
        procedure_code=dossier.procedure.code,
        procedure_name=dossier.procedure.name,
        field=dossier.procedure.field,
        applicant_name=dossier.applicant.name,
        status=dossier.status,
        channel=dossier.channel,
        received_at=dossier.received_at,
        appointment=dossier.appointment,
        due_at=dl.due if dl else None,
        finished_at=finished_at(dossier),
        officer=dossier.officer,
        unit=dossier.unit,
        supplement_requests=len(requests),
        waiting_since=waiting,
    )


def in_view(summary: DossierSummary, view: QuickView, now: datetime, calendar: WorkingCalendar) -> bool:
    """Whether a row belongs to a quick view (the SQL query applies the same rules)."""
    verdict = summary_timeliness(summary, now)
    if view is QuickView.ALL:
        return True
    if view is QuickView.LATE:
        return verdict in (Timeliness.LATE, Timeliness.OVERDUE)
    if view is QuickView.WAITING_SUPPLEMENT:
        return summary.status is S.SUPPLEMENT_REQUESTED
    if view is QuickView.READY_TO_RETURN:
        return summary.status is S.RESULT_READY
    window = view_window(view, now, calendar)
    return (
        window is not None
        and verdict is Timeliness.IN_TIME
        and summary.status is not S.SUPPLEMENT_REQUESTED
        and summary.due_at is not None
        and window[0] <= summary.due_at <= window[1]
    )


# ---- the dossier's path ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    """One step of a dossier's path: when, where it went, who gave and who received it, and how timely it was."""

    at: datetime
    action: str
    from_status: Status | None
    to_status: Status
    unit: str
    giver: str  # the officer who recorded the event
    receiver: str
    note: str
    result: Timeliness | None  # early / on time / late for steps after receipt, None before or when unknown
    hand_over: bool = True  # False for annotations (apology, rating, note) that neither move nor change unit
    data: dict[str, object] = field(default_factory=dict)


def timeline(dossier: Dossier) -> list[TimelineEntry]:
    """Every history event in order, with the step result `steps.step_results` gives for events after receipt."""
    judged = (
        {event.id: result for event, result in step_results(dossier)}
        if receipt_index(dossier) is not None
        else {}
    )
    entries: list[TimelineEntry] = []
    unit = ""
    for e in dossier.history:
        moved = e.from_status is not e.to_status or (bool(e.unit) and e.unit != unit)
        entries.append(
            TimelineEntry(
                at=e.at,
                action=e.action,
                from_status=e.from_status,
                to_status=e.to_status,
                unit=e.unit or unit,
                giver=e.officer,
                receiver=e.receiver,
                note=e.note,
                result=judged.get(e.id),
                hand_over=moved,
                data=dict(e.data),
            )
        )
        unit = e.unit or unit
    return entries


# ---- what a citizen may see ---------------------------------------------------------------------------------


def mask_name(name: str) -> str:
    """Keep the family name, then only the first letter of every other word: "Nguyễn Văn Đức" → "Nguyễn V** Đ**"."""
    words = nfc(name).split()
    if not words:
        return ""
    if len(words) == 1:
        return f"{words[0][0]}**"
    return " ".join([words[0], *(f"{w[0]}**" for w in words[1:])])


@dataclass(frozen=True)
class PublicStatus:
    """What the self-lookup kiosk shows for a dossier code: no identifier, address, phone or full name."""

    code: str
    procedure_name: str
    status: Status
    unit: str
    appointment: datetime | None  # the new appointment after an apology, else the original one
    timeliness: Timeliness
    masked_name: str
    rescheduled: bool = False


def public_status(dossier: Dossier, now: datetime) -> PublicStatus:
    """The kiosk's view of a received dossier; raises `ValidationError('code', 'code.format')` without a code."""
    if dossier.code is None:
        raise ValidationError("code", "code.format")
    return PublicStatus(
        code=dossier.code,
        procedure_name=dossier.procedure.name,
        status=dossier.status,
        unit=dossier.unit,
        appointment=dossier.new_appointment or dossier.appointment,
        timeliness=timeliness(dossier, now),
        masked_name=mask_name(dossier.applicant.name),
        rescheduled=dossier.new_appointment is not None,
    )
