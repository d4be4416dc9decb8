"""Timeliness of each processing step after receipt (early, on time, late), as the control slip (form 06) shows it.

A step is the time the dossier spends with one unit. The event that hands the dossier to a unit may carry
`data["step_due"]` (ISO datetime): the deadline for that unit's step. Every later event, up to the next
hand-over, is judged against that due time; without one, against the dossier's effective deadline
(appointment stretched by supplement waits, see `statuses.deadline`).
"""

from __future__ import annotations

from datetime import datetime

from .model import Dossier, DossierEvent, Status
from .statuses import Timeliness, deadline


def parse_moment(value: object) -> datetime | None:
    """An ISO datetime from event data, or None when absent or malformed."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def judge_step(done_at: datetime, due: datetime | None) -> Timeliness | None:
    """EARLY when done on a day before the due day, ON_TIME when by the due time, LATE after it."""
    if due is None:
        return None
    if (done_at.tzinfo is None) != (due.tzinfo is None):
        due = due.replace(tzinfo=done_at.tzinfo)
    if done_at.date() < due.date():
        return Timeliness.EARLY
    if done_at <= due:
        return Timeliness.ON_TIME
    return Timeliness.LATE


def receipt_index(dossier: Dossier) -> int | None:
    """Position in the history of the event that received the dossier (first move into RECEIVED)."""
    for index, event in enumerate(dossier.history):
        if event.to_status is Status.RECEIVED:
            return index
    return None


def step_results(dossier: Dossier) -> list[tuple[DossierEvent, Timeliness | None]]:
    """For each event after receipt, whether the step it ends was early, on time or late.

    None when no due time is known (no `step_due` and no appointment). Without a receipt event in the
    history, every event is judged.
    """
    overall = deadline(dossier)
    fallback = overall.due if overall is not None else None
    start = receipt_index(dossier)
    step_due: datetime | None = None
    unit = ""
    if start is not None:
        opening = dossier.history[start]
        step_due = parse_moment(opening.data.get("step_due"))
        unit = opening.unit
    following = dossier.history[start + 1 :] if start is not None else dossier.history
    results: list[tuple[DossierEvent, Timeliness | None]] = []
    for event in following:
        results.append((event, judge_step(event.at, step_due or fallback)))
        carried = parse_moment(event.data.get("step_due"))
        if carried is not None:
            step_due = carried
        elif event.unit and event.unit != unit:
            step_due = None  # handed to a new unit without its own due time
        unit = event.unit or unit
    return results
