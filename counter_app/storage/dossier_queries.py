"""SQL behind the dossier list: filters, quick views, pages and deadline warnings over the dossier table's columns.

Only the narrow columns of `dossier` are read (never the JSON body), so the list stays fast at 100k rows.
The rules are those of `core.listing` (tests compare both). The indexes this needs are created with
`CREATE INDEX IF NOT EXISTS` by `ensure_indexes`, which the list panel queues on the writer thread when it is
first opened (the queries give the same answers without them, only slower):

- `dossier_list_cover` holds every column the list filters, sorts and shows, so filtering, counting and
  sorting read the index instead of the wide rows;
- `dossier_open_due` finds open dossiers by deadline (overdue, due today, due soon);
- `dossier_due` gives the list in deadline order without sorting it;
- `dossier_finished_late` (partial) holds only the dossiers finished after their deadline;
- `dossier_event_supplement` (partial) holds only the supplement requests made after receipt, for the
  "more than one request" and "still waiting" rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from ..core.listing import (
    DeadlineAlerts,
    DossierFilter,
    DossierSummary,
    ListPage,
    QuickView,
    SortKey,
    view_window,
)
from ..core.model import Channel, Status
from ..core.serial import parse_dt
from .dossiers import fts_query
from .store import CounterStore

INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS dossier_list_cover ON dossier (received_at, status, due_at, finished_at, code, "
    "procedure_code, field, officer, channel, unit, applicant_name, appointment, id)",
    "CREATE INDEX IF NOT EXISTS dossier_open_due ON dossier (finished_at, due_at, status, code)",
    "CREATE INDEX IF NOT EXISTS dossier_due ON dossier (due_at)",
    "CREATE INDEX IF NOT EXISTS dossier_finished_late ON dossier (received_at) "
    "WHERE code IS NOT NULL AND status NOT IN (3, 8) AND finished_at > due_at",
    "CREATE INDEX IF NOT EXISTS dossier_event_supplement ON dossier_event (dossier_id, at) "
    "WHERE to_status = 5 AND from_status IS NOT NULL AND from_status != 5",
)

INDEX_NAMES = frozenset(re.findall(r"EXISTS (\w+) ON", " ".join(INDEXES)))

#: A supplement request made after receipt (an annotation made while waiting is not a new request).
_SUPPLEMENT = "e.to_status = 5 AND e.from_status IS NOT NULL AND e.from_status != 5"
_MANY_REQUESTS = f"d.id IN (SELECT e.dossier_id FROM dossier_event e WHERE {_SUPPLEMENT} GROUP BY e.dossier_id HAVING count(*) > 1)"
_WAITING_SINCE = f"(SELECT max(e.at) FROM dossier_event e WHERE e.dossier_id = d.id AND {_SUPPLEMENT})"
#: Dossiers the on-time rule applies to: received, with a deadline, neither refused nor stopped.
_COUNTED = "d.code IS NOT NULL AND d.due_at IS NOT NULL AND d.status NOT IN (3, 8)"
#: Each branch below is answered from one index; the views combine them by row id (the unary + keeps the
#: outer query on its own index instead of fetching every wide row by its id).
_FINISHED_LATE = (
    "SELECT rowid FROM dossier WHERE code IS NOT NULL AND status NOT IN (3, 8) AND finished_at > due_at"
)
#: The same through its partial index (the planner would rather scan a wider one).
_FINISHED_LATE_INDEXED = _FINISHED_LATE.replace(
    "FROM dossier", "FROM dossier INDEXED BY dossier_finished_late"
)
_OPEN_PAST_DUE = (
    "SELECT rowid FROM dossier WHERE finished_at IS NULL AND due_at < ? AND status NOT IN (3, 5, 8) "
    "AND code IS NOT NULL"
)
#: Waiting for a supplement, but the request came after the deadline had passed: the stopped clock cannot save it.
_WAITING_PAST_DUE = (
    f"SELECT d.rowid FROM dossier d WHERE d.finished_at IS NULL AND d.status = 5 AND d.code IS NOT NULL "
    f"AND d.due_at IS NOT NULL AND {_WAITING_SINCE} > d.due_at"
)
#: Waiting for the citizen's papers after a second request: late at once (an answered one is judged by time).
_TWO_REQUESTS = (
    f"SELECT d.rowid FROM dossier d WHERE {_COUNTED} AND d.status = 5 AND d.finished_at IS NULL "
    f"AND {_MANY_REQUESTS}"
)
#: Finished late, or still open and past the deadline at ? (the late view is `rowid IN` these).
_LATE_BRANCHES = f"{{finished_late}} UNION {_OPEN_PAST_DUE} UNION {_WAITING_PAST_DUE} UNION {_TWO_REQUESTS}"
_OVERDUE_BRANCHES = (
    f"{_OPEN_PAST_DUE} UNION {_WAITING_PAST_DUE} UNION {_TWO_REQUESTS} AND d.finished_at IS NULL"
)
#: Still open and past the deadline at ? (a short list: driven by its own row ids).
_OVERDUE_OPEN = f"d.rowid IN ({_OVERDUE_BRANCHES})"
#: Still open, clock running, deadline within [?, ?].
_DUE_IN_WINDOW = (
    "(d.finished_at IS NULL AND d.due_at >= ? AND d.due_at <= ? AND d.status NOT IN (3, 5, 8) "
    "AND d.code IS NOT NULL)"
)

_SORT_COLUMNS: dict[SortKey, str] = {
    SortKey.CODE: "d.code",
    SortKey.APPLICANT: "d.applicant_name",
    SortKey.PROCEDURE: "d.procedure_code",
    SortKey.STATUS: "d.status",
    SortKey.RECEIVED: "d.received_at",
    SortKey.DUE: "d.due_at",
    SortKey.UNIT: "d.unit",
    SortKey.OFFICER: "d.officer",
    SortKey.CHANNEL: "d.channel",
}
_COLUMNS = (
    "d.id, d.code, d.procedure_code, d.field, d.applicant_name, d.status, d.channel, d.received_at, "
    "d.appointment, d.due_at, d.finished_at, d.officer, d.unit"
)


_NO_FILTER = DossierFilter()
#: Views whose dossiers all have a deadline.
_WITH_DEADLINE = frozenset({QuickView.DUE_TODAY, QuickView.DUE_SOON, QuickView.LATE})


def _moment(value: datetime) -> str:
    """A datetime as the dossier table stores it (ISO, seconds)."""
    return value.replace(microsecond=0).isoformat(timespec="seconds")


class DossierQueries:
    """Queries of the dossier list, safe to call from worker threads (each has its own connection).

    Everything reads, except `ensure_indexes`.
    """

    def __init__(self, store: CounterStore) -> None:
        self._store = store
        self._db = store.db
        self._ready = False

    def ensure_indexes(self) -> None:
        """Create the list's indexes if missing: a write that takes seconds once at 100k rows, so run it on the
        writer thread (`runner.write`). Until it has run, the queries work without them, only slower."""
        if self.has_indexes():
            return
        with self._db.atomic():
            for statement in INDEXES:
                self._db.execute_sql(statement)
        self._ready = True

    def has_indexes(self) -> bool:
        """True once every index of the list exists (checked in the schema until it does)."""
        if not self._ready:
            rows = self._db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
            self._ready = {r[0] for r in rows} >= INDEX_NAMES
        return self._ready

    def _late_branches(self) -> str:
        return _LATE_BRANCHES.format(
            finished_late=_FINISHED_LATE_INDEXED if self.has_indexes() else _FINISHED_LATE
        )

    # ---- the list ----------------------------------------------------------------------------------------------
    def open_list(self, flt: DossierFilter, now: datetime, limit: int) -> ListPage:
        """The number of matching dossiers and the first `limit` of them."""
        return ListPage(self.count(flt, now), tuple(self.page(flt, now, 0, limit)), 0)

    def count(self, flt: DossierFilter, now: datetime) -> int:
        if (
            flt.view is QuickView.LATE
            and replace(flt, view=QuickView.ALL, sort=SortKey.RECEIVED, descending=True) == _NO_FILTER
        ):
            # the late view alone: count its branches, never the whole table
            sql, params = f"SELECT count(*) FROM ({self._late_branches()})", [_moment(now)]
        else:
            where, params = self._where(flt, now)
            sql = f"SELECT count(*) FROM dossier d WHERE {where}"
        return int(self._db.execute_sql(sql, params).fetchone()[0])

    def page(self, flt: DossierFilter, now: datetime, offset: int, limit: int) -> list[DossierSummary]:
        """Rows `offset` … `offset + limit - 1` of the list in the filter's order."""
        where, params = self._where(flt, now)
        direction = "DESC" if flt.descending else "ASC"
        column = _SORT_COLUMNS[flt.sort]
        never_null = column not in ("d.code", "d.due_at") or (
            column == "d.due_at" and flt.view in _WITH_DEADLINE
        )
        nulls = (
            "" if flt.descending or never_null else " NULLS LAST"
        )  # an index gives NULLs first when ascending
        order = f"{column} {direction}{nulls}"
        if flt.sort is not SortKey.RECEIVED:
            order += ", d.received_at DESC"
        order += f", d.rowid {direction}"
        rows = self._db.execute_sql(
            f"SELECT {_COLUMNS} FROM dossier d WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return self._summaries(rows)

    def summary(self, dossier_id: str) -> DossierSummary | None:
        """The list row of one dossier (after it moved on), or None."""
        rows = self._db.execute_sql(
            f"SELECT {_COLUMNS} FROM dossier d WHERE d.id = ?", (dossier_id,)
        ).fetchall()
        found = self._summaries(rows)
        return found[0] if found else None

    # ---- warnings ----------------------------------------------------------------------------------------------
    def deadline_alerts(self, now: datetime, due_soon_until: datetime, limit: int = 20) -> DeadlineAlerts:
        """Open dossiers past their deadline and those due by `due_soon_until` (most urgent first)."""
        stamp = _moment(now)
        overdue_params: list[Any] = [stamp]
        soon_params: list[Any] = [stamp, _moment(due_soon_until)]
        count_sql = "SELECT count(*) FROM dossier d WHERE {}"
        page_sql = f"SELECT {_COLUMNS} FROM dossier d WHERE {{}} ORDER BY d.due_at ASC, d.rowid LIMIT ?"
        overdue_count = self._db.execute_sql(
            f"SELECT count(*) FROM ({_OVERDUE_BRANCHES})", overdue_params
        ).fetchone()[0]
        soon_count = self._db.execute_sql(count_sql.format(_DUE_IN_WINDOW), soon_params).fetchone()[0]
        overdue = self._db.execute_sql(page_sql.format(_OVERDUE_OPEN), [*overdue_params, limit]).fetchall()
        soon = self._db.execute_sql(page_sql.format(_DUE_IN_WINDOW), [*soon_params, limit]).fetchall()
        return DeadlineAlerts(
            checked_at=now,
            due_soon_until=due_soon_until,
            overdue=tuple(self._summaries(overdue)),
            due_soon=tuple(self._summaries(soon)),
            overdue_count=int(overdue_count),
            due_soon_count=int(soon_count),
        )

    # ---- choices for the filter bar ----------------------------------------------------------------------------
    def officers(self) -> list[str]:
        """Every officer who received a dossier here (usernames, sorted)."""
        rows = self._db.execute_sql("SELECT DISTINCT officer FROM dossier ORDER BY officer").fetchall()
        return [str(r[0]) for r in rows if r[0]]

    def units(self) -> list[str]:
        """The processing units (data) and any other unit a dossier currently sits with."""
        known = [name for name, _kind in self._store.processing_units()]
        rows = self._db.execute_sql(
            "SELECT DISTINCT unit FROM dossier WHERE unit != '' ORDER BY unit"
        ).fetchall()
        return known + [str(r[0]) for r in rows if str(r[0]) not in known]

    # ---- internals ---------------------------------------------------------------------------------------------
    def _where(self, flt: DossierFilter, now: datetime) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if flt.statuses:
            clauses.append(f"d.status IN ({', '.join('?' * len(flt.statuses))})")
            params += sorted(int(s) for s in flt.statuses)
        for column, value in (
            ("procedure_code", flt.procedure_code),
            ("field", flt.field),
            ("officer", flt.officer),
            ("unit", flt.unit),
        ):
            if value:
                clauses.append(f"d.{column} = ?")
                params.append(value)
        if flt.channel is not None:
            clauses.append("d.channel = ?")
            params.append(int(flt.channel))
        if flt.received_from is not None:
            clauses.append("d.received_at >= ?")
            params.append(flt.received_from.isoformat())
        if flt.received_to is not None:
            clauses.append("d.received_at < ?")
            params.append((flt.received_to + timedelta(days=1)).isoformat())
        query = fts_query(flt.text)
        if query:
            clauses.append("d.rowid IN (SELECT rowid FROM dossier_search WHERE dossier_search MATCH ?)")
            params.append(query)
        view_sql, view_params = self._view(flt.view, now)
        if view_sql:
            clauses.append(view_sql)
            params += view_params
        return (" AND ".join(clauses) or "1"), params

    def _view(self, view: QuickView, now: datetime) -> tuple[str, list[Any]]:
        if view is QuickView.LATE:
            return f"+d.rowid IN ({self._late_branches()})", [_moment(now)]
        if view is QuickView.WAITING_SUPPLEMENT:
            return "d.status = 5", []  # received and sent back for papers, or kept waiting at intake
        if view is QuickView.READY_TO_RETURN:
            return "d.status = 9", []
        window = view_window(view, now, self._store.calendar())
        if window is None:
            return "", []
        return _DUE_IN_WINDOW, [_moment(window[0]), _moment(window[1])]

    def _summaries(self, rows: Sequence[Sequence[Any]]) -> list[DossierSummary]:
        if not rows:
            return []
        ids = [r[0] for r in rows]
        marks = ", ".join("?" * len(ids))
        requests = {
            r[0]: (int(r[1]), r[2])
            for r in self._db.execute_sql(
                f"SELECT e.dossier_id, count(*), max(e.at) FROM dossier_event e "
                f"WHERE e.dossier_id IN ({marks}) AND {_SUPPLEMENT} GROUP BY e.dossier_id",
                ids,
            ).fetchall()
        }
        codes = sorted({r[2] for r in rows})
        names = dict(
            self._db.execute_sql(
                f"SELECT code, name FROM procedure WHERE code IN ({', '.join('?' * len(codes))})", codes
            ).fetchall()
        )
        out = []
        for r in rows:
            status = Status(int(r[5]))
            count, since = requests.get(r[0], (0, None))
            out.append(
                DossierSummary(
                    id=r[0],
                    code=r[1],
                    procedure_code=r[2],
                    procedure_name=str(names.get(r[2], "")),
                    field=r[3],
                    applicant_name=r[4],
                    status=status,
                    channel=Channel(int(r[6])),
                    received_at=_required(parse_dt(r[7])),
                    appointment=parse_dt(r[8]),
                    due_at=parse_dt(r[9]),
                    finished_at=parse_dt(r[10]),
                    officer=r[11],
                    unit=r[12],
                    supplement_requests=count,
                    waiting_since=parse_dt(since) if status is Status.SUPPLEMENT_REQUESTED else None,
                )
            )
        return out


def _required(value: datetime | None) -> datetime:
    if value is None:
        raise ValueError("dossier without a reception time")
    return value
