"""The portal outbox on the server: what the National Public Service Portal must still hear, per unit.

Rows are written in the transaction that applies a counter's change (`apply.BatchApplier`), for units connected to
the portal (`portal-config`); connecting a unit queues every received dossier it already has, so nothing is left
out. Per dossier the rows keep their order: its state (`dossier`), then its steps (`step`, one per history event,
unique by event). A row is `queued`, `sending` (handed to the adapter, answer not yet in: after a crash or a lost
answer the worker looks the dossier up before sending again), `sent`, or `parked` (the portal refused it: the IT
officer reads the portal's message, fixes the cause and re-sends with `portal-resend`); a parked dossier's later
rows wait behind it. A dossier's state is queued again when one of its digitised papers becomes downloadable
(`requeue_papers`), so the portal gets the link.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

from ..core.errors import DomainError
from ..core.model import Dossier
from ..core.serial import dossier_from_dict
from ..core.wire import parse_time, time_text, utc_now
from .admin import ensure_agency, lock_agency, log_change
from .database import bulk_write, write_transaction
from .portal_files import new_link_key
from .portal_map import StoredPaper, is_reported, steps_of

QUEUED, SENDING, SENT, PARKED = "queued", "sending", "sent", "parked"
_INSERT = (
    "INSERT INTO portal_queue (agency_id, dossier_id, kind, event_id, queued_at) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
)


#: The codes of `PortalConfigError` (each has its sentence in counter_app/messages.py).
ERROR_CODES = (
    "portal.password_source",
    "portal.password_unreadable",
    "portal.not_configured",
    "portal.url",
    "portal.files_url",
    "portal.not_parked",
)
#: The longest public address accepted for a unit's file links.
MAX_FILES_URL = 500


class PortalConfigError(DomainError):
    """A portal setting that cannot work, or a request about a unit or dossier that is not there (ERROR_CODES)."""


@dataclass(frozen=True)
class PortalSettings:
    """One unit's connection to the portal's adapter, as `portal-config` stored it."""

    agency_id: str
    adapter_url: str
    auth_path: str
    integration_path: str
    share_path: str
    unit_code: str
    username: str
    password_file: str | None
    password_env: str | None
    unit_name: str = ""
    files_url: str = ""  # the public base address the portal fetches papers from ('' = papers are not listed)
    link_key: str = field(default="", repr=False)  # the links' secret (portal_files), made by `configure`

    def password(self) -> str:
        """Read the password now (a changed file or variable is used from the next session on)."""
        if self.password_env:
            value = os.environ.get(self.password_env)
            if value is None:
                raise PortalConfigError("portal.password_unreadable", source=self.password_env)
            return value
        if self.password_file:
            try:
                return Path(self.password_file).read_text(encoding="utf-8").strip()
            except (OSError, UnicodeDecodeError) as exc:
                raise PortalConfigError("portal.password_unreadable", source=self.password_file) from exc
        raise PortalConfigError("portal.password_source")


def _settings(row: Any) -> PortalSettings:
    return PortalSettings(
        agency_id=row.agency_id,
        adapter_url=row.adapter_url,
        auth_path=row.auth_path,
        integration_path=row.integration_path,
        share_path=row.share_path,
        unit_code=row.unit_code,
        username=row.username,
        password_file=row.password_file,
        password_env=row.password_env,
        unit_name=row.unit_name,
        files_url=row.files_url,
        link_key=row.link_key,
    )


# ---- written with a counter's change ------------------------------------------------------------------------
def is_connected(m: SimpleNamespace, agency_id: str) -> bool:
    p = m.db.param
    row = m.db.execute_sql(
        f"SELECT 1 FROM portal_units WHERE agency_id = {p} AND enabled = {p}", (agency_id, True)
    ).fetchone()
    return row is not None


def enqueue(
    m: SimpleNamespace, agency_id: str, touched: Sequence[tuple[Dossier, Iterable[str] | None]], now: str
) -> None:
    """Queue each touched dossier's state and its new steps; `None` for the steps means all of its history
    (a dossier new to the server, or one that got its code just now). Call inside the applying transaction."""
    rows: list[tuple[Any, ...]] = []
    for dossier, event_ids in touched:
        if not is_reported(dossier):
            continue
        rows.append((agency_id, dossier.id, "dossier", None, now))
        wanted = None if event_ids is None else set(event_ids)
        for event in steps_of(dossier):
            if wanted is None or event.id in wanted:
                rows.append((agency_id, dossier.id, "step", event.id, now))
    bulk_write(m.db, _INSERT, rows)


# ---- configuration ---------------------------------------------------------------------------------------------
def check_files_url(url: str) -> str:
    """The public base address of the unit's file links: http(s), a host, no query, fragment, credentials or
    spaces; '' when not set. Returned without a trailing slash."""
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        raise PortalConfigError("portal.files_url", url=url) from None
    if (
        len(url) > MAX_FILES_URL
        or parts.scheme not in ("http", "https")
        or not parts.hostname
        or not port_ok
        or parts.username is not None
        or parts.query
        or parts.fragment
        or "?" in url
        or "#" in url
        or re.search(r"[\s\x00-\x1f\x7f\\]", url)
        or not url.isascii()
    ):
        raise PortalConfigError("portal.files_url", url=url)
    return url.rstrip("/")


def configure(m: SimpleNamespace, settings: PortalSettings, *, new_key: bool = False) -> int:
    """Store a unit's connection and queue every received dossier the portal has not heard of yet; returns how
    many dossiers were queued. The unit's link key is made the first time and kept afterwards (`new_key` replaces
    it: every link given before stops working); when the links change (another address, another key, or no
    address any more), the dossiers with a stored paper are queued again so the portal gets the new lists."""
    if not settings.adapter_url.startswith(("http://", "https://")):
        raise PortalConfigError("portal.url", url=settings.adapter_url)
    files_url = check_files_url(settings.files_url)
    if not settings.password_file and not settings.password_env:
        raise PortalConfigError("portal.password_source")
    settings.password()  # readable now, or say so before anything is stored
    now = time_text(utc_now())
    values = {
        "adapter_url": settings.adapter_url.rstrip("/"),
        "auth_path": settings.auth_path,
        "integration_path": settings.integration_path,
        "share_path": settings.share_path,
        "unit_code": settings.unit_code,
        "unit_name": settings.unit_name,
        "username": settings.username,
        "password_file": str(Path(settings.password_file).resolve()) if settings.password_file else None,
        "password_env": settings.password_env or None,
        "files_url": files_url,
        "enabled": True,
        "updated_at": now,
    }
    U = m.PortalUnit
    with write_transaction(m.db):
        agency_id = ensure_agency(m, settings.agency_id)
        lock_agency(m, agency_id)  # no push of the unit commits between the backfill and the switch-on
        before = U.get_or_none(U.agency_id == agency_id)
        if before is None:
            U.insert(agency_id=agency_id, link_key=new_link_key(), **values).execute()
        else:
            key = {"link_key": new_link_key()} if new_key or not before.link_key else {}
            U.update(**values, **key).where(U.agency_id == agency_id).execute()
        queued = _backfill(m, agency_id, now)
        if before is not None and (before.files_url != files_url or (new_key and files_url)):
            _queue_states(m, agency_id, _dossiers_with_stored_papers(m, agency_id), now)
        return queued


def _backfill(m: SimpleNamespace, agency_id: str, now: str) -> int:
    p = m.db.param
    rows = m.db.execute_sql(
        f"SELECT d.data FROM dossiers d WHERE d.agency_id = {p} AND d.code IS NOT NULL "
        f"AND NOT EXISTS (SELECT 1 FROM portal_queue q WHERE q.dossier_id = d.id) ORDER BY d.created_at, d.id",
        (agency_id,),
    ).fetchall()
    dossiers = [dossier_from_dict(json.loads(data)) for (data,) in rows]
    enqueue(m, agency_id, [(d, None) for d in dossiers], now)
    return len(dossiers)


def _dossiers_with_stored_papers(m: SimpleNamespace, agency_id: str) -> list[str]:
    p = m.db.param
    rows = m.db.execute_sql(
        f"SELECT DISTINCT a.dossier_id FROM attachments a JOIN stored_files f "
        f"ON f.agency_id = a.agency_id AND f.sha256 = a.sha256 WHERE a.agency_id = {p} ORDER BY a.dossier_id",
        (agency_id,),
    ).fetchall()
    return [r[0] for r in rows]


def requeue_papers(m: SimpleNamespace, agency_id: str, dossier_ids: Iterable[str], now: str) -> None:
    """Queue these dossiers' state again (no step) because a paper of theirs became downloadable, or its link
    changed: for a unit connected to the portal that lists papers (it has a public address for them), received
    dossiers only. Call inside the writing transaction."""
    ids = sorted(set(dossier_ids))
    if not ids:
        return
    p = m.db.param
    unit = m.db.execute_sql(
        f"SELECT files_url FROM portal_units WHERE agency_id = {p} AND enabled = {p}", (agency_id, True)
    ).fetchone()
    if unit is None or not unit[0]:
        return
    _queue_states(m, agency_id, ids, now)


def _queue_states(m: SimpleNamespace, agency_id: str, dossier_ids: Sequence[str], now: str) -> None:
    dossiers = dossiers_by_id(m, dossier_ids)
    enqueue(m, agency_id, [(dossiers[i], ()) for i in dossier_ids if i in dossiers], now)


def stored_papers(m: SimpleNamespace, dossier_ids: Iterable[str]) -> dict[str, list[StoredPaper]]:
    """Per dossier, its digitised papers whose file the server holds, oldest first."""
    found: dict[str, list[StoredPaper]] = {}
    ids = sorted(set(dossier_ids))
    p = m.db.param
    for i in range(0, len(ids), 200):
        chunk = ids[i : i + 200]
        rows = m.db.execute_sql(
            f"SELECT a.id, a.dossier_id, a.agency_id, a.kind, a.component, a.name, a.sha256 FROM attachments a "
            f"JOIN stored_files f ON f.agency_id = a.agency_id AND f.sha256 = a.sha256 "
            f"WHERE a.dossier_id IN ({', '.join([p] * len(chunk))}) ORDER BY a.created_at, a.id",
            tuple(chunk),
        ).fetchall()
        for paper_id, dossier_id, agency_id, kind, component, name, sha256 in rows:
            found.setdefault(dossier_id, []).append(
                StoredPaper(
                    paper_id, agency_id, kind, int(component) if component is not None else None, name, sha256
                )
            )
    return found


def connected_units(m: SimpleNamespace) -> list[PortalSettings]:
    U = m.PortalUnit
    return [_settings(r) for r in U.select().where(U.enabled == True).order_by(U.agency_id)]  # noqa: E712


def unit_settings(m: SimpleNamespace, agency_id: str) -> PortalSettings:
    row = m.PortalUnit.get_or_none(m.PortalUnit.agency_id == agency_id)
    if row is None:
        raise PortalConfigError("portal.not_configured", agency_id=agency_id)
    return _settings(row)


# ---- the worker's lease: one sender per unit, whatever the number of processes ------------------------------
def take_lease(m: SimpleNamespace, agency_id: str, owner: str, now: datetime, seconds: float = 60) -> bool:
    """Hold (or keep) the unit's sending lease until `now + seconds`; False when another live sender holds it."""
    U = m.PortalUnit
    until = time_text(now + timedelta(seconds=seconds))
    with write_transaction(m.db):
        taken = (
            U.update(lease_owner=owner, lease_until=until)
            .where(
                (U.agency_id == agency_id)
                & ((U.lease_owner.is_null()) | (U.lease_owner == owner) | (U.lease_until < time_text(now)))
            )
            .execute()
        )
    return bool(taken)


def release_lease(m: SimpleNamespace, agency_id: str, owner: str) -> None:
    U = m.PortalUnit
    with write_transaction(m.db):
        U.update(lease_owner=None, lease_until=None).where(
            (U.agency_id == agency_id) & (U.lease_owner == owner)
        ).execute()


# ---- what to send next --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class QueueRow:
    id: int
    dossier_id: str
    kind: str
    event_id: str | None
    state: str
    attempts: int


def front_rows(m: SimpleNamespace, agency_id: str, limit: int) -> dict[str, list[QueueRow]]:
    """Per dossier (in queue order), its rows still to send up to the first row of another kind: the run the
    worker can send now. Dossiers with a parked row wait, and so do rows behind a row being sent."""
    p = m.db.param
    rows = m.db.execute_sql(
        f"SELECT id, dossier_id, kind, event_id, state, attempts FROM portal_queue "
        f"WHERE agency_id = {p} AND state IN ('queued', 'sending', 'parked') ORDER BY id LIMIT {p}",
        (agency_id, limit),
    ).fetchall()
    runs: dict[str, list[QueueRow]] = {}
    stopped: set[str] = set()
    for r in rows:
        row = QueueRow(int(r[0]), r[1], r[2], r[3], r[4], int(r[5]))
        if row.dossier_id in stopped:
            continue
        if row.state == PARKED:
            stopped.add(row.dossier_id)
            runs.pop(row.dossier_id, None)
            continue
        run = runs.setdefault(row.dossier_id, [])
        if run and (run[0].kind != row.kind or run[0].state != row.state):
            stopped.add(row.dossier_id)
            continue
        run.append(row)
    return runs


def dossiers_by_id(m: SimpleNamespace, ids: Iterable[str]) -> dict[str, Dossier]:
    found: dict[str, Dossier] = {}
    ids = list(ids)
    for i in range(0, len(ids), 200):
        chunk = ids[i : i + 200]
        for row in m.Dossier.select(m.Dossier.id, m.Dossier.data).where(m.Dossier.id.in_(chunk)):
            found[row.id] = dossier_from_dict(json.loads(row.data))
    return found


def held_by_portal(m: SimpleNamespace, ids: Iterable[str]) -> set[str]:
    D = m.PortalDossier
    ids = list(ids)
    held: set[str] = set()
    for i in range(0, len(ids), 200):
        held.update(r.dossier_id for r in D.select(D.dossier_id).where(D.dossier_id.in_(ids[i : i + 200])))
    return held


def mark(m: SimpleNamespace, row_ids: Sequence[int], state: str, error: str = "") -> None:
    """Move rows to `state` (counting an attempt when they go out)."""
    if not row_ids:
        return
    Q = m.PortalQueue
    now = time_text(utc_now())
    with write_transaction(m.db):
        for i in range(0, len(row_ids), 500):
            chunk = list(row_ids[i : i + 500])
            fields: dict[Any, Any] = {Q.state: state, Q.error: error[:2000]}
            if state == SENDING:
                fields[Q.attempts] = Q.attempts + 1
            if state == SENT:
                fields[Q.sent_at] = now
            Q.update(fields).where(Q.id.in_(chunk)).execute()


def record_held(
    m: SimpleNamespace, agency_id: str, dossiers: Sequence[Dossier], row_ids: Sequence[int]
) -> None:
    """The portal acknowledged these dossiers' state: mark their rows sent and, for a dossier it did not hold
    before, remember it and tell the unit's counters (feed item `portal`) in the same transaction."""
    D, Q = m.PortalDossier, m.PortalQueue
    now = time_text(utc_now())
    with write_transaction(m.db):
        lock_agency(m, agency_id)
        for i in range(0, len(row_ids), 500):
            Q.update(state=SENT, sent_at=now, error="").where(Q.id.in_(list(row_ids[i : i + 500]))).execute()
        held = held_by_portal(m, [d.id for d in dossiers])
        for dossier in dossiers:
            if dossier.id in held:
                D.update(updated_at=now).where(D.dossier_id == dossier.id).execute()
                continue
            D.insert(
                dossier_id=dossier.id,
                agency_id=agency_id,
                code=dossier.code or "",
                synced_at=now,
                updated_at=now,
            ).execute()
            log_change(m, agency_id, "portal", dossier.id)


def note_success(m: SimpleNamespace, agency_id: str) -> None:
    U = m.PortalUnit
    with write_transaction(m.db):
        U.update(failures=0, retry_at=None, last_success_at=time_text(utc_now())).where(
            U.agency_id == agency_id
        ).execute()


def failures(m: SimpleNamespace, agency_id: str) -> int:
    """How many passes in a row have failed for the unit."""
    row = m.PortalUnit.get_or_none(m.PortalUnit.agency_id == agency_id)
    return int(row.failures) if row is not None else 0


def note_failure(m: SimpleNamespace, agency_id: str, error: str, retry_at: datetime) -> None:
    """Record a failed pass and when to try again."""
    U = m.PortalUnit
    with write_transaction(m.db):
        U.update(
            failures=U.failures + 1,
            retry_at=time_text(retry_at),
            last_error=error[:2000],
            last_error_at=time_text(utc_now()),
        ).where(U.agency_id == agency_id).execute()


def retry_at(m: SimpleNamespace, agency_id: str) -> datetime | None:
    row = m.PortalUnit.get_or_none(m.PortalUnit.agency_id == agency_id)
    return parse_time(row.retry_at) if row is not None and row.retry_at else None


# ---- what the IT officer sees and does --------------------------------------------------------------------------
@dataclass(frozen=True)
class UnitStatus:
    agency_id: str
    unit_code: str
    queued: int
    sending: int
    sent: int
    parked: int
    dossiers_held: int
    last_success_at: str | None
    last_error_at: str | None
    last_error: str
    parked_dossiers: tuple[tuple[str, str], ...]  # (code, the portal's message)

    def to_dict(self) -> dict[str, Any]:
        data = dict(vars(self))
        data["parked_dossiers"] = [{"code": c, "message": msg} for c, msg in self.parked_dossiers]
        return data


def status(m: SimpleNamespace) -> list[UnitStatus]:
    """Per connected unit: items (a dossier's state, or one of its steps) queued, being sent and sent, the dossiers
    parked and those the portal holds, the last success and the last error, and each parked dossier with the
    portal's message."""
    found = []
    p = m.db.param
    for unit in m.PortalUnit.select().order_by(m.PortalUnit.agency_id):
        counts = dict.fromkeys((QUEUED, SENDING, SENT, PARKED), 0)
        for state, n in m.db.execute_sql(
            f"SELECT state, COUNT(*) FROM portal_queue WHERE agency_id = {p} GROUP BY state",
            (unit.agency_id,),
        ):
            counts[state] = int(n)
        held = m.PortalDossier.select().where(m.PortalDossier.agency_id == unit.agency_id).count()
        counts[PARKED] = int(
            m.db.execute_sql(
                f"SELECT COUNT(DISTINCT dossier_id) FROM portal_queue WHERE agency_id = {p} AND state = 'parked'",
                (unit.agency_id,),
            ).fetchone()[0]
        )  # parked counts dossiers (a parked dossier's state and steps wait together)
        parked = m.db.execute_sql(
            f"SELECT d.code, MIN(q.error) FROM portal_queue q JOIN dossiers d ON d.id = q.dossier_id "
            f"WHERE q.agency_id = {p} AND q.state = 'parked' GROUP BY d.code ORDER BY d.code",
            (unit.agency_id,),
        ).fetchall()
        found.append(
            UnitStatus(
                agency_id=unit.agency_id,
                unit_code=unit.unit_code,
                queued=counts[QUEUED],
                sending=counts[SENDING],
                sent=counts[SENT],
                parked=counts[PARKED],
                dossiers_held=held,
                last_success_at=unit.last_success_at,
                last_error_at=unit.last_error_at,
                last_error=unit.last_error,
                parked_dossiers=tuple((str(c), str(e)) for c, e in parked),
            )
        )
    return found


def resend(m: SimpleNamespace, agency_id: str, code: str | None) -> int:
    """Put parked rows back in the queue: one dossier's (by code) or every parked dossier of the unit. Returns
    how many dossiers go again."""
    unit_settings(m, agency_id)
    p = m.db.param
    with write_transaction(m.db):
        if code is None:
            ids = [
                r[0]
                for r in m.db.execute_sql(
                    f"SELECT DISTINCT dossier_id FROM portal_queue WHERE agency_id = {p} AND state = 'parked'",
                    (agency_id,),
                )
            ]
        else:
            ids = [
                r[0]
                for r in m.db.execute_sql(
                    f"SELECT DISTINCT q.dossier_id FROM portal_queue q JOIN dossiers d ON d.id = q.dossier_id "
                    f"WHERE q.agency_id = {p} AND q.state = 'parked' AND d.code = {p}",
                    (agency_id, code),
                )
            ]
            if not ids:
                raise PortalConfigError("portal.not_parked", dossier_code=code)
        Q = m.PortalQueue
        for i in range(0, len(ids), 500):
            Q.update(state=QUEUED, error="").where(
                (Q.dossier_id.in_(ids[i : i + 500])) & (Q.state == PARKED)
            ).execute()
        m.PortalUnit.update(failures=0, retry_at=None).where(m.PortalUnit.agency_id == agency_id).execute()
    return len(ids)


def synced_share(m: SimpleNamespace, agency_id: str, start: str, end: str) -> tuple[int, int]:
    """(dossiers received in [start, end) that the portal holds, dossiers received then) — the 766 indicator of
    synchronisation, on the server's own books. `start`/`end` are dossier times as stored (ISO, Vietnam time)."""
    received = 0
    synced = 0
    p = m.db.param
    rows = m.db.execute_sql(
        f"SELECT d.data, pd.dossier_id FROM dossiers d LEFT JOIN portal_dossiers pd ON pd.dossier_id = d.id "
        f"WHERE d.agency_id = {p} AND d.code IS NOT NULL",
        (agency_id,),
    ).fetchall()
    for data, held in rows:
        received_at = json.loads(data).get("received_at") or ""
        if start <= received_at < end:
            received += 1
            synced += held is not None
    return synced, received
