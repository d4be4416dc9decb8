"""Leaders' figures for a period: the national on-time indicator of Decision 766/QĐ-TTg, the shares of dossiers
and results digitised, and what was received, resolved, returned and rated.

The indicator ("tỷ lệ hồ sơ xử lý trước hạn, đúng hạn", docs/LEGAL.md) divides the dossiers processed or being
processed on time by every dossier received and processed in the period: those received in it and those carried
over from earlier periods still being processed when it began. A dossier's processing ends with its result
(status 9, else 10), or with the citizen's withdrawal (7) or a stop (8); the time spent waiting for the citizen's
supplement is left out; a dossier still open at the end of the period is judged at that moment (or now, for a
period not over yet), and one waiting for its papers after a second request is late. The figures about resolved
dossiers alone (`resolved_on_time_rate` …) are kept beside it under their own names.

Beside it, the share of the period's received dossiers that the National Public Service Portal holds
(`portal_synced_rate`, the synchronisation indicator of the same decision): a dossier counts once the portal has
acknowledged it at any time up to when the figures are made, not only by the end of the period, since the national
indicator looks at what the portal holds when it is read. The IDs come from outside (the counter learns them from
the server's feed), so the core stays pure.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from .intake import rating_of
from .model import Dossier, Rating, Status
from .statuses import RESOLVED, Timeliness, deadline, finished_at, timeliness, waiting_after_repeat_request

S = Status

#: Statuses in which the citizen ended the processing: a withdrawal request, and the stop that follows it.
END_POINTS: frozenset[Status] = frozenset({S.WITHDRAWAL_REQUESTED, S.STOPPED})


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 2) if whole else None


@dataclass
class ProcedureFigures:
    code: str
    name: str
    received: int = 0
    counted: int = 0  # in the national indicator
    on_time: int = 0  # of those, processed or being processed on time
    resolved: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    portal_synced: int = 0  # of the received, held by the national portal

    @property
    def late(self) -> int:
        return self.counted - self.on_time

    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.on_time, self.counted)

    @property
    def portal_synced_rate(self) -> float | None:
        return _rate(self.portal_synced, self.received)

    def to_dict(self) -> dict[str, Any]:
        return {
            **vars(self),
            "late": self.late,
            "on_time_rate": self.on_time_rate,
            "portal_synced_rate": self.portal_synced_rate,
        }


@dataclass
class Report:
    """Figures for [date_from, date_to] (both inclusive); open dossiers are judged at `as_of`."""

    date_from: date
    date_to: date
    as_of: datetime | None = None  # the end of the period, or the moment asked when the period is not over
    # ---- the national indicator: every dossier received and processed in the period ----
    counted: int = 0  # received before the period ended, processing not ended before it began
    carried_over: int = 0  # of which received before the period began
    finished_on_time: int = 0  # processing ended in the period by the (supplement-adjusted) deadline
    finished_early: int = 0  # of which before the appointment day
    finished_late: int = 0
    open_in_time: int = 0  # still being processed, or waiting for papers, at `as_of`, deadline not passed
    overdue_open: int = 0  # still open at `as_of` with the deadline passed, or waiting after a second request
    stopped: int = 0  # processing ended in the period by a withdrawal or a stop (counted, by when it ended)
    # ---- what happened in the period ----
    received: int = 0
    portal_synced: int = 0  # of the received, held by the national portal when the figures are made
    digitised: int = 0  # of the received, every required component digitised (when the figures are made)
    resolved: int = 0  # a result produced in the period (status 9 or 10)
    results_digitised: int = 0  # of the resolved, the electronic result digitised
    returned: int = 0
    resolved_on_time: int = (
        0  # of the resolved, by the (supplement-adjusted) appointment, early ones included
    )
    resolved_early: int = 0
    resolved_late: int = 0
    by_status: dict[int, int] = field(default_factory=dict)
    by_procedure: dict[str, ProcedureFigures] = field(default_factory=dict)
    late_by_unit: dict[str, int] = field(
        default_factory=dict
    )  # resolved late, by the unit that finished them
    by_officer: dict[str, dict[str, int]] = field(default_factory=dict)
    ratings: dict[int, int] = field(default_factory=dict)

    @property
    def on_time(self) -> int:
        """Dossiers processed or being processed on time (the indicator's numerator)."""
        return self.finished_on_time + self.open_in_time

    @property
    def late(self) -> int:
        return self.finished_late + self.overdue_open

    @property
    def on_time_rate(self) -> float | None:
        """The national indicator in percent: on time ÷ counted (None when nothing was received or processed)."""
        return _rate(self.on_time, self.counted)

    @property
    def resolved_on_time_rate(self) -> float | None:
        """Percentage of the dossiers resolved in the period that were resolved on time (None when none was)."""
        return _rate(self.resolved_on_time, self.resolved)

    @property
    def portal_synced_rate(self) -> float | None:
        """Percentage of the dossiers received in the period that the national portal holds (None when none was
        received)."""
        return _rate(self.portal_synced, self.received)

    @property
    def digitised_rate(self) -> float | None:
        """Percentage of the dossiers received in the period whose required components are all digitised."""
        return _rate(self.digitised, self.received)

    @property
    def results_digitised_rate(self) -> float | None:
        """Percentage of the dossiers resolved in the period whose result is digitised."""
        return _rate(self.results_digitised, self.resolved)

    @property
    def satisfaction_index(self) -> float | None:
        """100% − (% late among resolved + % "Không hài lòng" among ratings), floored at 0."""
        if not self.resolved and not sum(self.ratings.values()):
            return None
        late_pct = 100 * self.resolved_late / self.resolved if self.resolved else 0.0
        rated = sum(self.ratings.values())
        dislike_pct = 100 * self.ratings.get(int(Rating.DISSATISFIED), 0) / rated if rated else 0.0
        return round(max(0.0, 100 - late_pct - dislike_pct), 2)

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "as_of": self.as_of.isoformat(timespec="minutes") if self.as_of else None,
            "on_time_rate": self.on_time_rate,
            "counted": self.counted,
            "on_time": self.on_time,
            "late": self.late,
            "carried_over": self.carried_over,
            "finished_on_time": self.finished_on_time,
            "finished_early": self.finished_early,
            "finished_late": self.finished_late,
            "open_in_time": self.open_in_time,
            "overdue_open": self.overdue_open,
            "stopped": self.stopped,
            "received": self.received,
            "portal_synced": self.portal_synced,
            "portal_synced_rate": self.portal_synced_rate,
            "digitised": self.digitised,
            "digitised_rate": self.digitised_rate,
            "resolved": self.resolved,
            "results_digitised": self.results_digitised,
            "results_digitised_rate": self.results_digitised_rate,
            "returned": self.returned,
            "resolved_on_time": self.resolved_on_time,
            "resolved_early": self.resolved_early,
            "resolved_late": self.resolved_late,
            "resolved_on_time_rate": self.resolved_on_time_rate,
            "by_status": {str(k): v for k, v in sorted(self.by_status.items())},
            "by_procedure": [
                p.to_dict() for p in sorted(self.by_procedure.values(), key=lambda p: (-p.received, p.code))
            ],
            "late_by_unit": dict(sorted(self.late_by_unit.items(), key=lambda kv: -kv[1])),
            "by_officer": {k: v for k, v in sorted(self.by_officer.items())},
            "satisfaction": {
                "very_satisfied": self.ratings.get(int(Rating.VERY_SATISFIED), 0),
                "satisfied": self.ratings.get(int(Rating.SATISFIED), 0),
                "dissatisfied": self.ratings.get(int(Rating.DISSATISFIED), 0),
                "index": self.satisfaction_index,
            },
        }


# ---- the national indicator, dossier by dossier -------------------------------------------------------------------
def seen_before(dossier: Dossier, moment: datetime) -> Dossier:
    """The dossier as it stood just before `moment`: its history up to then and the status that gave it."""
    events = tuple(e for e in dossier.history if e.at < moment)
    if len(events) == len(dossier.history) or not events:
        return dossier
    return replace(dossier, history=events, status=events[-1].to_status)


def was_received(dossier: Dossier) -> bool:
    """Received at a counter (an online submission waiting in status 1, or refused, never was)."""
    return dossier.code is not None and any(e.to_status is S.RECEIVED for e in dossier.history)


def processing_end(dossier: Dossier) -> datetime | None:
    """When processing ended for the indicator: the result (status 9, else 10), or else the withdrawal request or
    stop the dossier still stands at (the first of them since it last left processing); None while open."""
    result = next(
        (e.at for e in dossier.history if e.from_status is not None and e.to_status in RESOLVED), None
    )
    if result is not None or dossier.status not in END_POINTS:
        return result
    end: datetime | None = None
    for event in dossier.history:  # back to processing after a withdrawal request, the clock went on
        ending = event.from_status is not None and event.to_status in END_POINTS
        end = (end or event.at) if ending else None
    return end


def indicator_verdict(dossier: Dossier, as_of: datetime) -> Timeliness:
    """Where a received dossier stands for the indicator at `as_of`, from the history it has (see `seen_before`):
    ended by the deadline (EARLY/ON_TIME) or after it (LATE); still open within it (IN_TIME) or past it, or waiting
    for papers after a second request (OVERDUE). The deadline is the appointment plus every supplement wait."""
    dl = deadline(dossier, as_of)
    if dl is None:
        return Timeliness.NOT_APPLICABLE
    end = processing_end(dossier)
    if end is None:
        if waiting_after_repeat_request(dossier) or as_of > dl.due:
            return Timeliness.OVERDUE
        return Timeliness.IN_TIME
    if end > dl.due:
        return Timeliness.LATE
    return Timeliness.EARLY if end.date() < dl.due.date() else Timeliness.ON_TIME


# ---- the period ---------------------------------------------------------------------------------------------------
def _in(moment: datetime | None, start: datetime, end: datetime) -> bool:
    return moment is not None and start <= moment < end


def _returned_at(d: Dossier) -> datetime | None:
    return next(
        (e.at for e in d.history if e.to_status is Status.RETURNED and e.from_status is not None), None
    )


def _unit_when_finished(d: Dossier) -> str:
    for e in d.history:
        if e.to_status in RESOLVED and e.from_status is not None:
            return e.unit or d.unit
    return d.unit


def _count_in_indicator(
    report: Report, proc: ProcedureFigures, d: Dossier, start: datetime, end: datetime, as_of: datetime
) -> bool:
    """Add `d` to the indicator's figures if it was received and processed in the period; say whether it was."""
    seen = seen_before(d, end)
    if d.received_at >= end or not was_received(seen):
        return False
    ended = processing_end(seen)
    if ended is not None and ended < start:
        return False
    verdict = indicator_verdict(seen, as_of)
    if verdict is Timeliness.NOT_APPLICABLE:
        return False
    report.counted += 1
    proc.counted += 1
    report.carried_over += d.received_at < start
    report.stopped += ended is not None and seen.status in END_POINTS
    if verdict in (Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.IN_TIME):
        proc.on_time += 1
    if verdict is Timeliness.EARLY:
        report.finished_on_time += 1
        report.finished_early += 1
    elif verdict is Timeliness.ON_TIME:
        report.finished_on_time += 1
    elif verdict is Timeliness.LATE:
        report.finished_late += 1
    elif verdict is Timeliness.IN_TIME:
        report.open_in_time += 1
    else:
        report.overdue_open += 1
    return True


@dataclass(frozen=True)
class Digitised:
    """What has been digitised of one dossier: the numbers of its components, and whether its result."""

    components: frozenset[int] = frozenset()
    result: bool = False


def is_digitised(d: Dossier, found: Digitised | None) -> bool:
    """A received dossier counts as digitised when every component its procedure requires (and keeps: papers only
    shown are not kept) has its digitised copy; one whose procedure lists no such component, when any paper is."""
    if found is None:
        return False
    required = {c.number for c in d.procedure.components if c.required and not c.shown_only}
    return required <= found.components if required else bool(found.components)


def build_report(
    dossiers: Iterable[Dossier],
    date_from: date,
    date_to: date,
    now: datetime | None = None,
    portal_synced: Collection[str] = frozenset(),
    digitised: Mapping[str, Digitised] | None = None,
) -> Report:
    """Compute the figures; `dossiers` may hold more than the period (filtered here). Open dossiers are judged at
    the end of the period, or at `now` when that comes first (a period not over yet). `portal_synced` holds the
    IDs of every dossier the national portal is known to hold when the figures are made, whenever it came to hold
    them; of the dossiers received in the period, those among them are `portal_synced`. `digitised` says, per
    dossier ID, which components and whether the result have been digitised (`is_digitised` decides)."""
    papers = digitised or {}
    start = datetime.combine(date_from, time.min)
    end = datetime.combine(date_to + timedelta(days=1), time.min)
    as_of = end if now is None else min(now, end)
    report = Report(date_from, date_to, as_of=as_of)
    by_status: Counter[int] = Counter()
    late_units: Counter[str] = Counter()
    officers: defaultdict[str, Counter[str]] = defaultdict(Counter)
    ratings: Counter[int] = Counter()
    for d in dossiers:
        if d.code is None:
            continue
        proc = report.by_procedure.get(d.procedure.code) or ProcedureFigures(
            d.procedure.code, d.procedure.name
        )
        touched = _count_in_indicator(report, proc, d, start, end, as_of)
        if _in(d.received_at, start, end):
            report.received += 1
            proc.received += 1
            if d.id in portal_synced:
                report.portal_synced += 1
                proc.portal_synced += 1
            if is_digitised(d, papers.get(d.id)):
                report.digitised += 1
            by_status[int(d.status)] += 1
            officers[d.officer]["received"] += 1
            touched = True
        done = finished_at(d)
        if d.status in RESOLVED and _in(done, start, end):
            verdict = timeliness(d, end)
            report.resolved += 1
            proc.resolved += 1
            found = papers.get(d.id)
            if found is not None and found.result:
                report.results_digitised += 1
            touched = True
            if verdict in (Timeliness.EARLY, Timeliness.ON_TIME):
                report.resolved_on_time += 1
                proc.resolved_on_time += 1
                report.resolved_early += verdict is Timeliness.EARLY
            elif verdict is Timeliness.LATE:
                report.resolved_late += 1
                proc.resolved_late += 1
                late_units[_unit_when_finished(d)] += 1
        returned = _returned_at(d)
        if _in(returned, start, end):
            report.returned += 1
            officers[next(e.officer for e in d.history if e.at == returned)]["returned"] += 1
            rating = rating_of(d)
            if rating is not None:
                ratings[int(rating)] += 1
            touched = True
        if touched:
            report.by_procedure[d.procedure.code] = proc
    report.by_status = dict(by_status)
    report.late_by_unit = dict(late_units)
    report.by_officer = {k: dict(v) for k, v in officers.items()}
    report.ratings = dict(ratings)
    return report
