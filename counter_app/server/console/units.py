"""What the IT officer's pages show of units: their counters and what each last told the server, the changes the
server parked with their reason, the unit's catalogue and calendar days."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

from ...core.wire import SKEW_REPORT_S, parse_time

#: A counter that has not been heard from for longer than this shows as silent (counters pull every half minute).
SILENT_AFTER = timedelta(minutes=15)
#: Results of the `changes` table that leave a change parked on its counter for a person to look at.
PARKED_RESULTS = ("rejected", "conflict")


@dataclass(frozen=True)
class UnitRow:
    agency_id: str
    name: str
    counters: int
    active: int
    dossiers: int
    slot_digits: int
    portal: bool


@dataclass(frozen=True)
class ParkedReason:
    reason: str
    count: int
    last_at: str


@dataclass(frozen=True)
class CounterRow:
    number: int
    revoked: bool
    token_issued_at: str
    enrolled_at: str | None
    revoked_at: str | None
    last_seen_at: str | None
    app_version: str | None
    pending: int | None
    skew_ms: int | None
    installations: int
    parked: tuple[ParkedReason, ...] = field(default_factory=tuple)

    def state(self, now: datetime) -> str:
        """revoked | waiting (token not used yet) | never (enrolled, not heard from) | unreported (its outbox not
        reported: an earlier version) | pending | silent | synced."""
        if self.revoked:
            return "revoked"
        if self.enrolled_at is None:
            return "waiting"
        if self.last_seen_at is None:
            return "never"
        if self.pending is None:  # an earlier version of the counter application: it does not say
            return "unreported"
        if self.pending:
            return "pending"
        if now - parse_time(self.last_seen_at) > SILENT_AFTER:
            return "silent"
        return "synced"

    @property
    def parked_total(self) -> int:
        return sum(p.count for p in self.parked)

    @property
    def skew_s(self) -> float | None:
        return None if self.skew_ms is None else round(self.skew_ms / 1000, 1)

    @property
    def skew_off(self) -> bool:
        """The counter's clock is further from the server's than the counters themselves report."""
        return self.skew_ms is not None and abs(self.skew_ms) > SKEW_REPORT_S * 1000


def units(m: SimpleNamespace) -> list[UnitRow]:
    """Every unit the server knows, with its counters (all, active), dossiers and portal connection."""
    p = m.db.param
    counts = {
        str(a): (int(n), int(act or 0))
        for a, n, act in m.db.execute_sql(
            f"SELECT agency_id, COUNT(*), SUM(CASE WHEN revoked = {p} THEN 1 ELSE 0 END) FROM counters "
            "GROUP BY agency_id",
            (False,),
        )
    }
    dossiers = {
        str(a): int(n)
        for a, n in m.db.execute_sql("SELECT agency_id, COUNT(*) FROM dossiers GROUP BY agency_id")
    }
    portal = {r.agency_id: r for r in m.PortalUnit.select()}
    return [
        UnitRow(
            a.agency_id,
            (portal[a.agency_id].unit_name if a.agency_id in portal else "") or a.agency_id,
            counts.get(a.agency_id, (0, 0))[0],
            counts.get(a.agency_id, (0, 0))[1],
            dossiers.get(a.agency_id, 0),
            int(a.slot_digits),
            a.agency_id in portal and bool(portal[a.agency_id].enabled),
        )
        for a in m.Agency.select().order_by(m.Agency.agency_id)
    ]


def unit(m: SimpleNamespace, agency_id: str) -> UnitRow | None:
    return next((u for u in units(m) if u.agency_id == agency_id), None)


def counters(m: SimpleNamespace, agency_id: str) -> list[CounterRow]:
    """The unit's counters in number order, each with what it last reported and the server's parked changes."""
    p = m.db.param
    parked: dict[int, list[ParkedReason]] = {}
    for number, reason, n, last in m.db.execute_sql(
        f"SELECT counter, reason, COUNT(*), MAX(decided_at) FROM changes WHERE agency_id = {p} "
        f"AND result IN ({p}, {p}) GROUP BY counter, reason ORDER BY counter, reason",
        (agency_id, *PARKED_RESULTS),
    ):
        parked.setdefault(int(number), []).append(ParkedReason(str(reason or ""), int(n), str(last or "")))
    C = m.Counter
    return [
        CounterRow(
            number=int(r.number),
            revoked=bool(r.revoked),
            token_issued_at=r.created_at,
            enrolled_at=r.enrolled_at,
            revoked_at=r.revoked_at,
            last_seen_at=r.last_seen_at,
            app_version=r.app_version,
            pending=r.pending_changes,
            skew_ms=r.clock_skew_ms,
            installations=int(r.installations or 0),
            parked=tuple(parked.get(int(r.number), ())),
        )
        for r in C.select().where(C.agency_id == agency_id).order_by(C.number)
    ]


@dataclass(frozen=True)
class CatalogueRow:
    code: str
    name: str
    field: str
    duration: str
    duration_unit: str
    components: int


def catalogue(m: SimpleNamespace, agency_id: str) -> tuple[list[CatalogueRow], str | None]:
    """The unit's published catalogue (procedures in code order) and when it was published (None: never)."""
    row = m.Catalogue.get_or_none(m.Catalogue.agency_id == agency_id)
    if row is None:
        return [], None
    procedures: list[dict[str, Any]] = json.loads(row.data)
    return (
        sorted(
            (
                CatalogueRow(
                    str(p.get("code", "")),
                    str(p.get("name", "")),
                    str(p.get("field", "")),
                    str(p.get("duration", "")),
                    str(p.get("duration_unit", "")),
                    len(p.get("components") or ()),
                )
                for p in procedures
            ),
            key=lambda r: r.code,
        ),
        row.updated_at,
    )


@dataclass(frozen=True)
class DayRow:
    day: str
    kind: str  # "off" | "work"
    name: str
    document: str
    document_date: str | None
    updated_at: str


def calendar_days(m: SimpleNamespace, agency_id: str) -> tuple[list[DayRow], list[DayRow]]:
    """The unit's own overrides and the notice days it publishes (removed ones left out), newest day first."""
    Ov, N = m.CalendarOverride, m.CalendarNoticeDay
    overrides = [
        DayRow(r.day, r.kind, r.name, "", None, r.updated_at)
        for r in Ov.select()
        .where((Ov.agency_id == agency_id) & Ov.kind.is_null(False))
        .order_by(Ov.day.desc())
    ]
    notices = [
        DayRow(r.day, r.kind, r.name, r.document, r.document_date, r.updated_at)
        for r in N.select().where((N.agency_id == agency_id) & N.kind.is_null(False)).order_by(N.day.desc())
    ]
    return overrides, notices
