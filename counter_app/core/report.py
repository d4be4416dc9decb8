"""Leaders' figures for a period, by the national rules: received, resolved, returned, on time, late, satisfaction."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from .intake import rating_of
from .model import Dossier, Rating, Status
from .statuses import RESOLVED, Timeliness, finished_at, timeliness


@dataclass
class ProcedureFigures:
    code: str
    name: str
    received: int = 0
    resolved: int = 0
    on_time: int = 0
    late: int = 0


@dataclass
class Report:
    """Figures for [date_from, date_to] (both inclusive)."""

    date_from: date
    date_to: date
    received: int = 0
    resolved: int = 0
    returned: int = 0
    on_time: int = 0  # resolved by the (supplement-adjusted) appointment, early ones included
    early: int = 0
    late: int = 0
    overdue_open: int = 0  # still open at the end of the period with the deadline passed
    by_status: dict[int, int] = field(default_factory=dict)
    by_procedure: dict[str, ProcedureFigures] = field(default_factory=dict)
    late_by_unit: dict[str, int] = field(default_factory=dict)
    by_officer: dict[str, dict[str, int]] = field(default_factory=dict)
    ratings: dict[int, int] = field(default_factory=dict)

    @property
    def on_time_rate(self) -> float | None:
        """Percentage of resolved dossiers resolved on time (None when nothing was resolved)."""
        return round(100 * self.on_time / self.resolved, 2) if self.resolved else None

    @property
    def satisfaction_index(self) -> float | None:
        """100% − (% late among resolved + % "Không hài lòng" among ratings), floored at 0."""
        if not self.resolved and not sum(self.ratings.values()):
            return None
        late_pct = 100 * self.late / self.resolved if self.resolved else 0.0
        rated = sum(self.ratings.values())
        dislike_pct = 100 * self.ratings.get(int(Rating.DISSATISFIED), 0) / rated if rated else 0.0
        return round(max(0.0, 100 - late_pct - dislike_pct), 2)

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "received": self.received,
            "resolved": self.resolved,
            "returned": self.returned,
            "on_time": self.on_time,
            "early": self.early,
            "late": self.late,
            "overdue_open": self.overdue_open,
            "on_time_rate": self.on_time_rate,
            "by_status": {str(k): v for k, v in sorted(self.by_status.items())},
            "by_procedure": [
                vars(p) for p in sorted(self.by_procedure.values(), key=lambda p: (-p.received, p.code))
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


def build_report(dossiers: Iterable[Dossier], date_from: date, date_to: date) -> Report:
    """Compute the figures; `dossiers` may hold more than the period (filtered here)."""
    start = datetime.combine(date_from, time.min)
    end = datetime.combine(date_to + timedelta(days=1), time.min)
    report = Report(date_from, date_to)
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
        touched = False
        if _in(d.received_at, start, end):
            report.received += 1
            proc.received += 1
            by_status[int(d.status)] += 1
            officers[d.officer]["received"] += 1
            touched = True
        done = finished_at(d)
        if d.status in RESOLVED and _in(done, start, end):
            verdict = timeliness(d, end)
            report.resolved += 1
            proc.resolved += 1
            touched = True
            if verdict in (Timeliness.EARLY, Timeliness.ON_TIME):
                report.on_time += 1
                proc.on_time += 1
                report.early += verdict is Timeliness.EARLY
            elif verdict is Timeliness.LATE:
                report.late += 1
                proc.late += 1
                late_units[_unit_when_finished(d)] += 1
        returned = _returned_at(d)
        if _in(returned, start, end):
            report.returned += 1
            officers[next(e.officer for e in d.history if e.at == returned)]["returned"] += 1
            rating = rating_of(d)
            if rating is not None:
                ratings[int(rating)] += 1
            touched = True
        if done is None and d.received_at < end and timeliness(d, end) is Timeliness.OVERDUE:
            report.overdue_open += 1
        if touched:
            report.by_procedure[d.procedure.code] = proc
    report.by_status = dict(by_status)
    report.late_by_unit = dict(late_units)
    report.by_officer = {k: dict(v) for k, v in officers.items()}
    report.ratings = dict(ratings)
    return report
