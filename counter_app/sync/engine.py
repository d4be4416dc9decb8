"""One sync cycle: push the outbox in order, pull the agency's feed by cursor, and record what happened.

An entry leaves the queue only when the server answered for it (the server commits before answering).
Refusals are parked with their reason and never stop the rest; later changes of the same dossier wait
behind a parked one. Network errors and 5xx leave everything pending for the next cycle. A download
never overwrites a dossier that still has an unsent local change.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from peewee import IntegrityError

from ..core.catalogue import procedure_from_dict
from ..core.day_notices import NoticeDay
from ..core.errors import DomainError
from ..core.serial import dossier_from_dict
from ..core.wire import MAX_BATCH, Change, Reason, Result, utc_now
from ..storage.audit import SENT_SEQ_KEY
from ..storage.database import backup_file
from ..storage.dossiers import CODES_HOLD_KEY
from ..storage.outbox import OutboxEntry, OutboxRepository, SyncStateRepository
from ..storage.portal_sync import PortalSyncRepository
from ..storage.store import CounterStore
from . import settings as keys
from .client import (
    AuthRefused,
    RequestRefused,
    ServerFailure,
    ServerUnreachable,
    SyncClient,
    SyncError,
    Timed,
)
from .enrol import BadServerUrl, InsecureServer, check_server_url
from .files import upload_pending
from .status import ParkedItem, SyncState, SyncStatus

DEFAULT_BATCH = 200
#: Audit entries per request.
AUDIT_RUN = 500
DEFAULT_PULL_LIMIT = 500
#: A change answered "retry, an earlier change is missing" this many times is parked for a person.
MAX_AHEAD_ATTEMPTS = 20
MAX_PULL_PAGES = 100_000
#: Feed items applied per local transaction (keeps the database free for the officer's writes).
APPLY_CHUNK = 50
KEEP_DAILY_BACKUPS = 14
#: A cycle start older than this is a crashed cycle, not a running one.
STALE_CYCLE_S = 600
#: `sync_state` key set once this counter reads the feed's `portal` items (versions before passed over them).
PORTAL_FEED = "feed_portal"
#: `sync_state` key of a feed read again from its start for the `portal` items an earlier version passed over:
#: JSON `{"until": <the cursor that version had reached>, "url": <its server>}`; gone once the read passes it.
PORTAL_REPLAY = "feed_portal_replay"


class NotJoined(SyncError):
    """The counter has not joined a server (`counter-app setup --server URL --token TOKEN`)."""

    code = "sync.not_configured"


@dataclass
class PushReport:
    sent: int = 0
    duplicates: int = 0
    retried: int = 0
    batches: int = 0
    parked: list[ParkedItem] = field(default_factory=list)


@dataclass
class PullReport:
    items: int = 0
    dossiers: int = 0
    unchanged: int = 0
    kept_local: int = 0
    catalogue: int = 0
    calendar_days: int = 0
    code_scheme: int = 0
    attachments: int = 0
    portal: int = 0  # dossiers the national portal now holds (feed item `portal`)
    pages: int = 0
    parked_downloads: int = 0


@dataclass
class CycleReport:
    push: PushReport = field(default_factory=PushReport)
    pull: PullReport = field(default_factory=PullReport)
    audit_sent: int = 0
    files_sent: int = 0  # digitised papers' files now whole on the server
    outcome: str = "ok"  # ok | offline | auth | refused | identity | not_configured | error
    error: str = ""
    clock_skew_s: float | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


def _parked(entry: OutboxEntry, reason: str, attempts: int) -> ParkedItem:
    return ParkedItem(
        entry.change_id, entry.kind, entry.dossier_id, entry.dossier_code, reason, attempts, entry.created_at
    )


def _parked_download(key: str, text: str) -> ParkedItem:
    """A downloaded item the counter could not apply, shown with the parked changes (it cannot be re-sent)."""
    try:
        note = json.loads(text)
    except ValueError:
        note = {}
    return ParkedItem(
        key,
        "download." + str(note.get("kind") or "item"),
        str(note.get("dossier_id") or "") or None,
        str(note.get("code") or "") or None,
        str(note.get("reason") or "download.invalid"),
        1,
        str(note.get("at") or ""),
    )


def _change(entry: OutboxEntry) -> Change:
    return Change(
        entry.change_id,
        entry.kind,
        entry.dossier_id,
        entry.counter,
        entry.officer,
        entry.created_at,
        entry.payload,
    )


def _replayed(item: dict[str, Any], replay: int) -> bool:
    """An item read again only for the `portal` items an earlier version skipped (see `SyncEngine._portal_replay`)."""
    return bool(replay) and item.get("kind") != "portal" and int(item.get("cursor") or 0) <= replay


def _item_key(item: dict[str, Any]) -> str:
    dossier = item.get("dossier")
    if isinstance(dossier, dict) and dossier.get("id"):
        return str(dossier["id"])[:64]
    return f"{item.get('kind', '?')}:{item.get('cursor', '?')}"[:64]


def _local_now() -> datetime:
    return datetime.now()


class SyncEngine:
    """Synchronises one `CounterStore` with the server it joined. Use from one thread at a time."""

    def __init__(
        self,
        store: CounterStore,
        client: SyncClient | None = None,
        *,
        batch_size: int = DEFAULT_BATCH,
        pull_limit: int = DEFAULT_PULL_LIMIT,
        clock: Callable[[], datetime] = utc_now,
        local_clock: Callable[[], datetime] = _local_now,
        client_factory: Callable[..., SyncClient] = SyncClient,
    ) -> None:
        self.store = store
        self.outbox = OutboxRepository(store.db, store.models)
        self.state = SyncStateRepository(store.db, store.models)
        self.portal = PortalSyncRepository(store.db)
        self.batch_size = max(1, min(batch_size, MAX_BATCH))
        self.pull_limit = pull_limit
        self._client = client
        self._clock = clock
        self._local_clock = local_clock
        self._client_factory = client_factory
        self._skew: float | None = None

    # ---- connection --------------------------------------------------------------------------------------
    def settings(self) -> keys.ServerSettings | None:
        return keys.server_settings(self.state)

    def client(self) -> SyncClient:
        if self._client is None:
            found = self.settings()
            if found is None:
                raise NotJoined()
            url = check_server_url(found.url, insecure=self.state.get(keys.INSECURE) == "1")
            self._client = self._client_factory(url, found.token, clock=self._clock)
            self._client.outbox_pending = lambda: (
                self.outbox.counts().pending
            )  # shown in the server's console
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _note(self, timed: Timed | None) -> None:
        if timed is not None and timed.skew_s is not None:
            self._skew = timed.skew_s

    # ---- one cycle -----------------------------------------------------------------------------------------
    def cycle(self) -> CycleReport:
        """Push then pull; never raises for network, server or configuration trouble (see `outcome`)."""
        report = CycleReport()
        found = self.settings()
        if found is None:  # not joined: nothing to send or fetch, and nothing to record (no write per nudge)
            report.outcome, report.error = "not_configured", NotJoined.code
            return report
        self.state.set(keys.CYCLE_STARTED, self._local_clock().isoformat(timespec="seconds"))
        try:
            unit = self.store.unit()
            if unit is not None and (unit.agency_id != found.agency_id or unit.counter != found.counter):
                report.outcome, report.error = "identity", "sync.identity_mismatch"
            else:
                self.push(report.push)
                report.audit_sent = self.push_audit()
                report.files_sent = upload_pending(self.store, self.client(), self._local_clock())
                self.pull(report.pull)
        except (NotJoined, InsecureServer, BadServerUrl) as exc:
            report.outcome, report.error = "not_configured", exc.code
        except AuthRefused as exc:
            report.outcome, report.error = "auth", exc.error or exc.code
        except RequestRefused as exc:
            report.outcome, report.error = "refused", exc.error or exc.code
        except (ServerUnreachable, ServerFailure) as exc:
            report.outcome, report.error = "offline", exc.code
        except Exception as exc:
            report.outcome, report.error = "error", type(exc).__name__
            raise
        finally:
            report.clock_skew_s = self._skew
            self._finish(report)
        return report

    def _finish(self, report: CycleReport) -> None:
        now = self._local_clock().isoformat(timespec="seconds")
        values: dict[str, str | None] = {
            keys.CYCLE_STARTED: None,
            keys.LAST_ATTEMPT: now,
            keys.LAST_OUTCOME: report.outcome,
            keys.LAST_ERROR: report.error,
        }
        if report.ok:
            values[keys.LAST_SUCCESS] = now
        if self._skew is not None:
            values[keys.CLOCK_SKEW] = f"{self._skew:.3f}"
        self.state.set_many(values)

    # ---- push ----------------------------------------------------------------------------------------------
    def push(self, report: PushReport | None = None) -> PushReport:
        """Send pending changes in write order, in batches, until none can go now (progress lands in `report`)."""
        client = self.client()
        report = report if report is not None else PushReport()
        blocked = self.outbox.parked_dossier_ids()
        after, size = 0, self.batch_size
        for _ in range(self.outbox.counts().pending + 2 * MAX_BATCH.bit_length() + 2):
            window = self.outbox.pending_after(after, size)
            if not window:
                break
            batch = [e for e in window if not (e.dossier_id and e.dossier_id in blocked)]
            if not batch:
                after = window[-1].seq
                continue
            try:
                answer = client.push([_change(e) for e in batch])
            except AuthRefused:
                raise
            except RequestRefused as exc:
                if exc.status not in (413, 422):
                    raise
                if len(batch) > 1:
                    size = max(1, len(batch) // 2)
                    continue
                reason = (
                    Reason.REQUEST_TOO_LARGE.value if exc.status == 413 else exc.error or "request.invalid"
                )
                self._settle(batch[:1], [], {batch[0].change_id: reason}, {}, report, blocked)
                after = batch[0].seq
                continue
            except (ServerUnreachable, ServerFailure) as exc:
                self.outbox.record_failure([e.change_id for e in batch], exc.code)
                raise
            self._note(answer.timed)
            sent, parked, retry = [], {}, {}
            for entry, result in zip(batch, answer.results, strict=True):
                if result.landed:
                    sent.append(entry.change_id)
                    report.duplicates += result.result is Result.DUPLICATE
                elif result.result is Result.RETRY and not (
                    result.reason == Reason.VERSION_AHEAD.value and entry.attempts + 1 >= MAX_AHEAD_ATTEMPTS
                ):
                    retry[entry.change_id] = result.reason
                else:
                    parked[entry.change_id] = result.reason or result.original or result.result.value
            self._settle(batch, sent, parked, retry, report, blocked)
            report.batches += 1
            after = window[-1].seq
        return report

    def _settle(
        self,
        batch: Sequence[OutboxEntry],
        sent: list[str],
        parked: dict[str, str],
        retry: dict[str, str],
        report: PushReport,
        blocked: set[str],
    ) -> None:
        self.outbox.record_outcome(sent, parked, retry, self._local_clock().isoformat(timespec="seconds"))
        report.sent += len(sent)
        report.retried += len(retry)
        for entry in batch:
            if entry.change_id in parked:
                report.parked.append(_parked(entry, parked[entry.change_id], entry.attempts + 1))
            if entry.dossier_id and (entry.change_id in parked or entry.change_id in retry):
                blocked.add(entry.dossier_id)

    # ---- audit chain ---------------------------------------------------------------------------------------
    def push_audit(self) -> int:
        """Send the audit entries the server has not acknowledged yet, in runs, after the changes they vouch
        for; the server checks the chain's continuity (gaps and forks become incidents there)."""
        client = self.client()
        audit = self.store.audit
        sent_seq = int(self.state.get(SENT_SEQ_KEY) or 0)
        sent = 0
        while True:
            run = audit.entries(after_seq=sent_seq, limit=AUDIT_RUN)
            if not run:
                return sent
            head = client.audit(audit.chain_id(), [e.to_dict() for e in run])
            sent += len(run)
            sent_seq = max(sent_seq, min(head, run[-1].seq))
            self.state.set(SENT_SEQ_KEY, str(sent_seq))
            if sent_seq < run[-1].seq:  # the server did not take the whole run: try again next cycle
                return sent

    # ---- pull ----------------------------------------------------------------------------------------------
    def pull(self, report: PullReport | None = None) -> PullReport:
        """Download the feed page by page; applied items and the cursor after them are saved together.

        A page is applied in short transactions of `APPLY_CHUNK` items, so an officer's write never waits
        long for the local database. After a chunk the saved cursor is the last applied item's: items come
        in cursor order, each at its newest log position, so resuming there skips nothing.
        """
        client = self.client()
        report = report if report is not None else PullReport()
        cursor = int(self.state.get(keys.PULL_CURSOR) or 0)
        replay, cursor = self._portal_replay(cursor)
        finished = False
        for _ in range(MAX_PULL_PAGES):
            page = client.pull(cursor, self.pull_limit)
            self._note(page.timed)
            chunks = [page.items[i : i + APPLY_CHUNK] for i in range(0, len(page.items), APPLY_CHUNK)] or [[]]
            for number, chunk in enumerate(chunks, start=1):
                last = number == len(chunks)
                fresh = [i for i in chunk if not _replayed(i, replay)]
                with self.store.db.atomic("IMMEDIATE"):
                    unsent = self.outbox.unsent_dossier_ids()
                    dossier_ids = [str(i["dossier"]["id"]) for i in fresh if i.get("kind") == "dossier"]
                    versions = self.outbox.dossier_versions(dossier_ids)
                    parked = self._parked_downloads()
                    # a digitised paper after the dossiers of its chunk (its dossier may come later in the page)
                    for item in sorted(fresh, key=lambda i: i.get("kind") == "attachment"):
                        self._apply_or_park(item, unsent, versions, report, parked)
                    saved = page.cursor if last else int(chunk[-1]["cursor"])
                    self.state.set(keys.PULL_CURSOR, str(saved))
                    if replay and saved >= replay:
                        self.state.set_many({PORTAL_REPLAY: None})
                        replay = 0
                report.items += len(chunk)
            report.pages += 1
            cursor = page.cursor
            if not page.more:
                finished = True
                break
        if finished and self.store.dossiers.codes_hold() is not None:
            # every code the server knows has passed through `note_code`: the running numbers are past them
            self.store.dossiers.release_codes_hold()
        return report

    def _portal_replay(self, cursor: int) -> tuple[int, int]:
        """(the cursor up to which only `portal` items are applied, 0 for none; the cursor to read from).

        A counter of an earlier version skipped the feed's `portal` items and moved its cursor past them. The first
        time this version pulls, a counter that had already read some of the feed reads it again from the start
        and applies only the `portal` items up to where it had been: everything else there it has applied already,
        and applying it again could undo the counter's own calendar or catalogue decisions made since."""
        url = self.state.get(keys.SERVER_URL) or ""
        if self.state.get(PORTAL_FEED) is None:
            values: dict[str, str | None] = {PORTAL_FEED: "1"}
            if cursor > 0:
                values[PORTAL_REPLAY] = json.dumps({"until": cursor, "url": url})
                values[keys.PULL_CURSOR] = "0"
            self.state.set_many(values)
            return (cursor, 0) if cursor > 0 else (0, 0)
        raw = self.state.get(PORTAL_REPLAY)
        if raw is None:
            return 0, cursor
        try:
            note = json.loads(raw)
            until, same_server = int(note["until"]), note.get("url") == url
        except (ValueError, TypeError, KeyError):
            until, same_server = 0, False
        if not same_server or until <= cursor:  # joined another server since, or the read passed the mark
            self.state.set_many({PORTAL_REPLAY: None})
            return 0, cursor
        return until, cursor

    def _parked_downloads(self) -> set[str]:
        return {k for k in self.state.values() if k.startswith(keys.PARKED_DOWNLOAD)}

    def _apply_or_park(
        self,
        item: dict[str, Any],
        unsent: set[str],
        versions: dict[str, int],
        report: PullReport,
        parked: set[str],
    ) -> None:
        """Apply one downloaded item in its own savepoint; one that cannot be applied is parked for a person
        (kept in `sync_state` with its reason) and the rest of the feed goes on."""
        key = f"{keys.PARKED_DOWNLOAD}{_item_key(item)}"
        try:
            with self.store.db.atomic():
                self._apply(item, unsent, versions, report)
        except (IntegrityError, DomainError, KeyError, TypeError, ValueError) as exc:
            reason = "download.code_taken" if isinstance(exc, IntegrityError) else "download.invalid"
            dossier = item.get("dossier") if isinstance(item.get("dossier"), dict) else {}
            note = {
                "reason": reason,
                "kind": str(item.get("kind", "")),
                "dossier_id": str(dossier.get("id", "")) if dossier else "",
                "code": str(dossier.get("code") or "") if dossier else "",
                "at": self._local_clock().isoformat(timespec="seconds"),
            }
            self.state.set(key, json.dumps(note, ensure_ascii=False))
            report.parked_downloads += 1
            return
        if key in parked:
            self.state.set_many({key: None})
            parked.discard(key)

    def _apply(
        self, item: dict[str, Any], unsent: set[str], versions: dict[str, int], report: PullReport
    ) -> None:
        kind = item.get("kind")
        if kind == "dossier":
            dossier = dossier_from_dict(item["dossier"])
            if dossier.id in unsent:
                report.kept_local += 1
            elif versions.get(dossier.id) == dossier.version:
                report.unchanged += 1
            else:
                self.store.dossiers.replace_from_server(dossier)
                report.dossiers += 1
        elif kind == "catalogue":
            self.store.replace_catalogue([procedure_from_dict(p) for p in item["procedures"]])
            report.catalogue += 1
        elif kind == "calendar":
            day = date.fromisoformat(str(item["day"]))
            if item.get("override") in ("off", "work"):
                self.store.set_override(day, str(item["override"]), str(item.get("name") or ""))
            else:
                self.store.remove_override(day)
            report.calendar_days += 1
        elif kind == "calendar_notice":
            day = date.fromisoformat(str(item["day"]))  # a notice's day: under the counter's own overrides
            if item.get("notice") in ("off", "work"):
                raw_date = item.get("document_date")
                self.store.set_notice_day(
                    NoticeDay(
                        day,
                        str(item["notice"]),
                        str(item.get("name") or ""),
                        str(item.get("document") or ""),
                        date.fromisoformat(str(raw_date)) if raw_date else None,
                    )
                )
            else:
                self.store.remove_notice_day(day)
            report.calendar_days += 1
        elif kind == "code_scheme" and self.store.dossiers.set_slot_digits(int(item["slot_digits"])):
            report.code_scheme += 1  # the unit moved to another dossier-code slot width (core.codes)
        elif kind == "attachment":  # a digitised paper; its file is fetched when first opened (sync/files.py)
            now = self._local_clock().isoformat(timespec="seconds")
            if self.store.attachments.record_from_server(item["attachment"], bool(item.get("stored")), now):
                report.attachments += 1
        elif kind == "portal":  # the national portal holds the dossier (the leaders' synchronised share)
            code = str(item["code"]) if item.get("code") else None
            if self.portal.record(str(item["dossier_id"]), code, str(item["synced_at"])):
                report.portal += 1
        # any other kind is one a newer server publishes: passed over, the feed goes on

    # ---- what a person sees and does -------------------------------------------------------------------------
    def status(self, *, syncing: bool = False) -> SyncStatus:
        values = self.state.values()
        counts = self.outbox.counts()
        parked = tuple(_parked(e, e.last_error, e.attempts) for e in self.outbox.parked()) + tuple(
            _parked_download(key, text)
            for key, text in values.items()
            if key.startswith(keys.PARKED_DOWNLOAD)
        )
        now = self._local_clock()
        oldest = self.outbox.oldest_pending_created_at()
        age = max(0.0, (now - datetime.fromisoformat(oldest)).total_seconds()) if oldest else None
        outcome = values.get(keys.LAST_OUTCOME)
        started = values.get(keys.CYCLE_STARTED)
        running = (
            started is not None and (now - datetime.fromisoformat(started)).total_seconds() < STALE_CYCLE_S
        )
        if syncing or running:
            state = SyncState.SYNCING
        elif parked or outcome in ("auth", "refused", "identity", "error"):
            state = SyncState.NEEDS_ATTENTION
        elif outcome == "ok":
            state = SyncState.ONLINE
        else:
            state = SyncState.OFFLINE
        skew = values.get(keys.CLOCK_SKEW)
        return SyncStatus(
            state=state,
            pending=counts.pending,
            oldest_pending_age_s=round(age, 1) if age is not None else None,
            last_success=values.get(keys.LAST_SUCCESS),
            parked=parked,
            clock_skew_s=float(skew) if skew is not None else None,
            server=values.get(keys.SERVER_URL),
            problem=values.get(keys.LAST_ERROR) or "",
            codes_hold=values.get(CODES_HOLD_KEY),
        )

    def requeue(self, change_ids: Sequence[str] | None = None) -> int:
        """Put parked changes back in the queue (an administrator's decision)."""
        return self.outbox.requeue(change_ids)

    def export(self, path: Path) -> int:
        """Write every unsent change to a JSON file; returns how many."""
        found = self.settings()
        unit = self.store.unit()
        meta = {
            "agency_id": unit.agency_id if unit else (found.agency_id if found else None),
            "counter": unit.counter if unit else (found.counter if found else None),
            "server": found.url if found else None,
        }
        return self.outbox.export(path, meta, self._local_clock())

    def backup_if_due(self, today: date) -> Path | None:
        """The daily local backup (SQLite backup API), once per day; keeps the last two weeks of them."""
        if self.state.get(keys.LAST_BACKUP_DAY) == today.isoformat():
            return None
        path = backup_file(self.store.path, self.store.backup_dir, "daily")
        self.state.set(keys.LAST_BACKUP_DAY, today.isoformat())
        daily = sorted(self.store.backup_dir.glob(f"{self.store.path.stem}-daily-*.sqlite"))
        for old in daily[:-KEEP_DAILY_BACKUPS]:
            old.unlink(missing_ok=True)
        return path
