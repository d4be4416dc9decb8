"""The worker that empties the portal outbox (portal_queue) into the National Public Service Portal's adapter.

For each connected unit, holding the unit's lease (one sender per unit across every server process):
1. rows left `sending` by a lost answer or a crash are settled first: a dossier the portal did not hold yet is
   looked up with `TraCuuHoSo` (found: it was taken; not found: send again as new), an update is simply sent again
   (the portal keeps the latest state), a step is looked for in the look-up's progress list and sent again only
   when it is not there;
2. then dossiers go in batches, new ones with `isUpdating` "False" and those the portal holds with "True", and
   the steps of dossiers the portal holds in batches after them — always in queue order per dossier; a unit with a
   public address for its files lists each dossier's stored papers by their signed links (portal_files);
3. a batch the portal answers with an error code is sent again one dossier at a time, so that only the dossier the
   portal refuses is parked (with its message) and the rest go on;
4. an unreachable adapter or an HTTP error stops the unit's round; it is tried again after a capped, jittered
   delay (2 s, 4 s, 8 s … up to 5 minutes by default).
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

from ..core.errors import DomainError
from ..core.model import Dossier
from ..core.wire import utc_now
from ..messages import describe
from . import portal_queue as q
from .portal_client import (
    DEFAULT_TIMEOUT_S,
    PortalAnswerLost,
    PortalClient,
    PortalRefused,
    PortalUnavailable,
)
from .portal_files import file_link
from .portal_map import (
    ProcedureNames,
    StoredPaper,
    dossier_record,
    result_entry,
    same_step,
    step_record,
    submitted_entry,
)
from .portal_queue import PortalSettings, QueueRow

log = logging.getLogger(__name__)

DOSSIER_BATCH = 50
STEP_BATCH = 200
READ_AHEAD = 5000


@dataclass
class PortalOptions:
    """How the worker paces itself (the defaults suit production; tests shorten them)."""

    interval_s: float = 5.0  # between looks at the queue when there is nothing to send
    lease_s: float = 60.0  # how long a unit's lease lasts without renewal (a killed sender's unit waits this)
    timeout_s: float = DEFAULT_TIMEOUT_S
    retry_base_s: float = 2.0
    retry_cap_s: float = 300.0


@dataclass
class RoundReport:
    """What one pass over a unit did."""

    agency_id: str
    dossiers_sent: int = 0
    steps_sent: int = 0
    settled: int = 0
    parked: int = 0
    failed: str = ""  # why the pass stopped early ("" when the queue was emptied)
    skipped: str = ""  # "lease" | "waiting" when nothing was tried

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


@dataclass
class _Unit:
    settings: PortalSettings
    client: PortalClient
    names: dict[str, ProcedureNames] = field(default_factory=dict)


class PortalWorker:
    """Sends every connected unit's queue; `run_once` for one pass (the `portal-sync --once` command, tests),
    `run_forever` on a thread inside the server or in `portal-sync`."""

    def __init__(
        self,
        m: SimpleNamespace,
        options: PortalOptions | None = None,
        *,
        clock: Callable[[], datetime] = utc_now,
        rng: random.Random | None = None,
    ) -> None:
        self._m = m
        self.options = options or PortalOptions()
        self._clock = clock
        self._rng = rng or random.Random()
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._units: dict[str, _Unit] = {}

    def close(self) -> None:
        for unit in self._units.values():
            unit.client.close()
        self._units.clear()

    # ---- loops ------------------------------------------------------------------------------------------------
    def run_forever(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                with self._m.db.connection_context():
                    self.run_once()
            except Exception:  # the database went away for a moment: look again at the next interval
                log.exception("portal worker pass failed")
            stop.wait(self.options.interval_s)
        with self._m.db.connection_context():
            for agency_id in list(self._units):
                q.release_lease(self._m, agency_id, self.owner)
        self.close()

    def run_once(self, *, ignore_delay: bool = False) -> list[RoundReport]:
        """One pass over every connected unit; `ignore_delay` tries a unit now even while it waits to retry."""
        reports = []
        for settings in q.connected_units(self._m):
            reports.append(self._run_unit(settings, ignore_delay))
        return reports

    def _run_unit(self, settings: PortalSettings, ignore_delay: bool) -> RoundReport:
        report = RoundReport(settings.agency_id)
        now = self._clock()
        waiting_until = q.retry_at(self._m, settings.agency_id)
        if not ignore_delay and waiting_until is not None and waiting_until > now:
            report.skipped = "waiting"
            return report
        if not q.take_lease(self._m, settings.agency_id, self.owner, now, self.options.lease_s):
            report.skipped = "lease"
            return report
        unit = self._unit(settings)
        try:
            self._drain(unit, report)
        except (PortalUnavailable, PortalAnswerLost, PortalRefused, DomainError) as exc:
            report.failed = _reason(exc)
            failures = q.failures(self._m, settings.agency_id) + 1
            delay = min(self.options.retry_cap_s, self.options.retry_base_s * 2 ** (failures - 1))
            delay *= self._rng.uniform(0.5, 1.0)  # jitter: units and processes do not come back together
            q.note_failure(
                self._m, settings.agency_id, report.failed, self._clock() + timedelta(seconds=delay)
            )
            log.warning("portal: %s stopped: %s (retry in %.0f s)", settings.agency_id, report.failed, delay)
            return report
        if report.dossiers_sent or report.steps_sent or report.settled or report.parked:
            q.note_success(self._m, settings.agency_id)
        return report

    def _unit(self, settings: PortalSettings) -> _Unit:
        unit = self._units.get(settings.agency_id)
        if unit is None or unit.settings != settings:
            if unit is not None:
                unit.client.close()
            unit = _Unit(settings, PortalClient(settings, timeout_s=self.options.timeout_s))
            self._units[settings.agency_id] = unit
        return unit

    # ---- one unit ---------------------------------------------------------------------------------------------
    def _drain(self, unit: _Unit, report: RoundReport) -> None:
        agency_id = unit.settings.agency_id
        while True:
            q.take_lease(self._m, agency_id, self.owner, self._clock(), self.options.lease_s)
            runs = q.front_rows(self._m, agency_id, READ_AHEAD)
            if not runs:
                return
            dossiers = q.dossiers_by_id(self._m, runs)
            unsettled = {i: r for i, r in runs.items() if r[0].state == q.SENDING}
            if unsettled:
                self._settle(unit, unsettled, dossiers, report)
                continue
            held = q.held_by_portal(self._m, runs)
            new = [i for i, r in runs.items() if r[0].kind == "dossier" and i not in held][:DOSSIER_BATCH]
            known = [i for i, r in runs.items() if r[0].kind == "dossier" and i in held][:DOSSIER_BATCH]
            steps = [i for i, r in runs.items() if r[0].kind == "step"]
            if new:
                self._send_dossiers(unit, [(dossiers[i], runs[i]) for i in new], False, report)
            if known:
                self._send_dossiers(unit, [(dossiers[i], runs[i]) for i in known], True, report)
            if steps:
                self._send_steps(unit, _step_batch(steps, runs, dossiers), report)

    def _send_dossiers(
        self,
        unit: _Unit,
        batch: Sequence[tuple[Dossier, list[QueueRow]]],
        updating: bool,
        report: RoundReport,
    ) -> None:
        rows = [r.id for _, run in batch for r in run]
        papers = q.stored_papers(self._m, [d.id for d, _ in batch]) if unit.settings.files_url else {}
        records = [self._record(unit, d, papers.get(d.id, [])) for d, _ in batch]
        q.mark(self._m, rows, q.SENDING)
        try:
            unit.client.sync_dossiers(records, updating=updating)
        except PortalRefused as exc:
            if len(batch) > 1:  # find the one the portal refuses: each on its own
                q.mark(self._m, rows, q.QUEUED)
                for one in batch:
                    self._send_dossiers(unit, [one], updating, report)
                return
            q.mark(self._m, rows, q.PARKED, _reason(exc))
            report.parked += 1
            log.warning("portal: %s parked: %s", batch[0][0].code, _reason(exc))
            return
        except PortalUnavailable:
            q.mark(self._m, rows, q.QUEUED)  # nothing reached the portal
            raise
        q.record_held(self._m, unit.settings.agency_id, [d for d, _ in batch], rows)
        report.dossiers_sent += len(batch)

    def _send_steps(
        self, unit: _Unit, batch: Sequence[tuple[Dossier, list[QueueRow]]], report: RoundReport
    ) -> None:
        rows = [r.id for _, run in batch for r in run]
        records = [step_record(d, _event(d, r)) for d, run in batch for r in run]
        q.mark(self._m, rows, q.SENDING)
        try:
            unit.client.update_steps(records)
        except PortalRefused as exc:
            if len(batch) > 1:
                q.mark(self._m, rows, q.QUEUED)
                for one in batch:
                    self._send_steps(unit, [one], report)
                return
            q.mark(self._m, rows, q.PARKED, _reason(exc))
            report.parked += 1
            return
        except PortalUnavailable:
            q.mark(self._m, rows, q.QUEUED)
            raise
        q.mark(self._m, rows, q.SENT)
        report.steps_sent += len(records)

    def _settle(
        self,
        unit: _Unit,
        unsettled: dict[str, list[QueueRow]],
        dossiers: dict[str, Dossier],
        report: RoundReport,
    ) -> None:
        """Rows whose answer never came: ask the portal what it holds before anything is sent again."""
        held = q.held_by_portal(self._m, unsettled)
        for dossier_id, run in unsettled.items():
            dossier = dossiers[dossier_id]
            ids = [r.id for r in run]
            if run[0].kind == "dossier" and dossier_id in held:
                q.mark(self._m, ids, q.QUEUED)  # an update: sending the latest state again is harmless
                continue
            found = unit.client.look_up(dossier.code or "")
            if run[0].kind == "dossier":
                if found is not None:
                    q.record_held(self._m, unit.settings.agency_id, [dossier], ids)
                    report.dossiers_sent += 1
                else:
                    q.mark(self._m, ids, q.QUEUED)
                report.settled += 1
                continue
            progress = found.get("QuaTrinhXuLy") if found is not None else None
            there = progress if isinstance(progress, list) else []
            done: list[int] = []
            again: list[int] = []
            for row in run:
                record = step_record(dossier, _event(dossier, row))
                (done if any(same_step(record, p) for p in there if isinstance(p, dict)) else again).append(
                    row.id
                )
            q.mark(self._m, done, q.SENT)
            q.mark(self._m, again, q.QUEUED)
            report.steps_sent += len(done)
            report.settled += 1

    def _record(self, unit: _Unit, dossier: Dossier, papers: Sequence[StoredPaper]) -> dict[str, Any]:
        procedure = dossier.procedure
        names = unit.names.get(procedure.code)
        if names is None:
            try:
                found = unit.client.procedure(procedure.code)
            except PortalRefused:  # the portal does not know the code: the catalogue's names, the code as is
                found = None
            names = found or ProcedureNames(procedure.name, "", procedure.field)
            unit.names[procedure.code] = names
        unit_name = unit.settings.unit_name or procedure.resolving_agency or unit.settings.unit_code
        settings = unit.settings
        submitted, results = [], []
        if settings.files_url and settings.link_key:  # papers are listed once their file is stored
            for paper in papers:
                link = file_link(settings.files_url, settings.link_key, paper.agency_id, paper.sha256)
                if paper.kind == "result":
                    results.append(result_entry(paper, link))
                else:
                    submitted.append(submitted_entry(paper, link))
        return dossier_record(dossier, names, unit_name, submitted=submitted, results=results)


def _event(dossier: Dossier, row: QueueRow) -> Any:
    return next(e for e in dossier.history if e.id == row.event_id)


def _step_batch(
    ids: list[str], runs: dict[str, list[QueueRow]], dossiers: dict[str, Dossier]
) -> list[tuple[Dossier, list[QueueRow]]]:
    batch: list[tuple[Dossier, list[QueueRow]]] = []
    size = 0
    for dossier_id in ids:
        run = runs[dossier_id]
        if batch and size + len(run) > STEP_BATCH:
            break
        batch.append((dossiers[dossier_id], run))
        size += len(run)
    return batch


def _reason(exc: BaseException) -> str:
    if isinstance(exc, DomainError):
        return describe(exc)
    return str(exc) or type(exc).__name__
