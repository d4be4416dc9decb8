"""Dossier repository: codes allocated, dossiers, history, search index and outbox written in one transaction."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from peewee import SqliteDatabase

from ..core.audit import AuditKind, content_hash
from ..core.codes import DEFAULT_SLOT_DIGITS, check_scheme_change, check_slot_digits, format_code, parse_code
from ..core.errors import DomainError, NotConfiguredError, NotFoundError, ValidationError
from ..core.ids import new_id
from ..core.model import Dossier, DossierEvent, Status
from ..core.references import is_dossier_id, parse_reference, reference
from ..core.serial import dossier_from_dict, dossier_to_dict, dt_text, event_to_dict
from ..core.statuses import deadline, finished_at
from ..core.text import fold
from ..core.wire import ChangeKind
from .registers import book_volume, enter_in_book, next_book_entry

if TYPE_CHECKING:
    from .audit import AuditRepository

CodeAllocator = Callable[[date], str]
#: The tracking book of a counter (slot) and year → its volume and the next entry in it.
BookAllocator = Callable[[int, int], tuple[str, int]]

#: `sync_state` keys the repository reads: codes held until the first sync, and whether a server was joined.
CODES_HOLD_KEY = "codes_hold"
SERVER_URL_KEY = "server_url"
#: `unit_setting` key holding the unit's dossier-code slot width ("1" or "2"; absent: two digits).
SLOT_DIGITS_KEY = "code_slot_digits"
#: How many numbers `next_code` skips at most when the sequence points at codes that already exist.
MAX_CODE_SKIPS = 100_000


class CodesOnHoldError(NotConfiguredError):
    """This profile was reinstalled or restored: no code is issued until it has synced once (params: reason)."""

    code = "codes.on_hold"


class StaleDossierError(DomainError):
    """The dossier changed since it was read (another window, or a sync); reload and try again."""

    code = "dossier.stale"


def search_body(d: Dossier) -> str:
    """What the full-text index holds for a dossier: code, applicant and representative name, ID, phone, folded;
    and for an intake first kept waiting for papers, the reference its form 02 carries (`core.references`)."""
    parts = [d.code or "", d.applicant.name, d.applicant.identifier, d.applicant.phone]
    if d.history and d.history[0].to_status is Status.SUPPLEMENT_REQUESTED:
        parts.append(reference(d.id))
    if d.representative:
        parts += [d.representative.person.name, d.representative.person.identifier]
    return fold(" ".join(p for p in parts if p))


def fts_query(text: str) -> str:
    """Turn typed text into an FTS5 query: every folded token must match as a prefix."""
    tokens = [t for t in "".join(c if c.isalnum() else " " for c in fold(text)).split() if t]
    return " ".join(f'"{t}"*' for t in tokens)


class DossierRepository:
    """Reads and writes dossiers; every write also appends to the outbox in the same transaction."""

    def __init__(
        self,
        db: SqliteDatabase,
        models: SimpleNamespace,
        counter: Callable[[], int],
        audit: AuditRepository | None = None,
    ) -> None:
        self._db = db
        self._m = models
        self._counter = counter
        self._audit = audit

    # ---- reading -------------------------------------------------------------------------------------------
    def _load(self, row: Any) -> Dossier:
        return self._load_many([row])[0]

    def _load_many(self, rows: list[Any]) -> list[Dossier]:
        """Rows to dossiers with their history, in two queries whatever the number of rows."""
        if not rows:
            return []
        E = self._m.Event
        history: dict[str, list[dict[str, Any]]] = {r.id: [] for r in rows}
        ids = list(history)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for e in E.select().where(E.dossier_id.in_(chunk)).order_by(E.dossier_id, E.seq):
                history[e.dossier_id].append(event_to_dict_row(e))
        out = []
        for row in rows:
            data = json.loads(row.data)
            data["history"] = history[row.id]
            data["version"] = row.version
            out.append(dossier_from_dict(data))
        return out

    def _by_ids(self, ids: list[str]) -> list[Dossier]:
        D = self._m.Dossier
        rows = {r.id: r for r in D.select().where(D.id.in_(ids))} if ids else {}
        return self._load_many([rows[i] for i in ids if i in rows])

    def get(self, key: str) -> Dossier:
        """By dossier code or by ID; raises `NotFoundError`."""
        key = key.strip()
        D = self._m.Dossier
        row = D.get_or_none((D.code == key) | (D.id == key))
        if row is None:
            raise NotFoundError(kind="dossier", key=key)
        return self._load(row)

    def find(self, key: str) -> Dossier | None:
        try:
            return self.get(key)
        except NotFoundError:
            return None

    def search(self, text: str, limit: int = 50) -> list[Dossier]:
        """Newest first; tone marks ignored, `đ` = `d`, NFD accepted; an exact code comes first."""
        return self._by_ids(self.search_ids(text, limit))

    def search_ids(self, text: str, limit: int = 50) -> list[str]:
        """IDs of matching dossiers, newest first, an exact code (or form 02 reference) first."""
        ids = self._matching_ids(text, limit)
        exact = self._m.Dossier.get_or_none(self._m.Dossier.code == text.strip())
        first = [exact.id] if exact is not None else [d.id for d in self.by_reference(text)]
        if first:
            ids = [*first, *(i for i in ids if i not in first)][:limit]
        return ids

    def _matching_ids(self, text: str, limit: int) -> list[str]:
        query = fts_query(text)
        if not query:
            return []
        rows = self._db.execute_sql(
            "SELECT d.id FROM dossier_search s JOIN dossier d ON d.rowid = s.rowid "
            "WHERE dossier_search MATCH ? ORDER BY s.rowid DESC LIMIT ?",
            (query, limit),
        ).fetchall()
        return [r[0] for r in rows]

    def by_reference(self, text: str) -> list[Dossier]:
        """The dossiers whose form 02 carries the reference `text` (`core.references`): an intake waiting for
        papers, or one received since. Its ID also names it. Usually one; two only if two references collide."""
        key = text.strip()
        if is_dossier_id(key):
            found = self.find(key.lower())
            return [found] if found is not None else []
        wanted = parse_reference(key)
        if wanted is None:
            return []
        D = self._m.Dossier
        # the index holds the reference of every intake stored since it did; intakes still waiting are few
        candidates = set(self._matching_ids(wanted, limit=20))
        candidates |= {r[0] for r in D.select(D.id).where(D.code.is_null() & (D.status == 5)).tuples()}
        return [d for d in self._by_ids(sorted(candidates)) if reference(d.id) == wanted]

    def received_between(self, start: date, end: date) -> list[Dossier]:
        D = self._m.Dossier
        rows = (
            D.select()
            .where(
                (D.received_at >= start.isoformat())
                & (D.received_at < _next_day(end))
                & D.code.is_null(False)
            )
            .order_by(D.received_at)
        )
        return self._load_many(list(rows))

    def relevant_for_period(self, start: date, end: date) -> list[Dossier]:
        """Dossiers that can count in a report for [start, end]: received, finished, returned or open then."""
        D = self._m.Dossier
        lo, hi = start.isoformat(), _next_day(end)
        rows = D.select().where(
            D.code.is_null(False)
            & (D.received_at < hi)
            & ((D.received_at >= lo) | D.finished_at.is_null() | (D.finished_at >= lo) | (D.updated_at >= lo))
        )
        return self._load_many(list(rows))

    def all(self) -> list[Dossier]:
        return self._load_many(list(self._m.Dossier.select().order_by(self._m.Dossier.received_at)))

    def count(self) -> int:
        return int(self._m.Dossier.select().count())

    # ---- writing -------------------------------------------------------------------------------------------
    def next_code(self, agency_id: str, day: date, slot: int) -> str:
        """Allocate the next code of this counter's slot for `day`; call inside the caller's transaction.

        The running number never hands out a code that this database already holds, whatever the sequence
        table says (a restored or copied file): such numbers are skipped and the sequence moves past them.
        """
        yymmdd = f"{day:%y%m%d}"
        digits = self.slot_digits()
        for _ in range(MAX_CODE_SKIPS):
            cur = self._db.execute_sql(
                "INSERT INTO code_sequence (agency_id, day, slot, last_number) VALUES (?, ?, ?, 1) "
                "ON CONFLICT (agency_id, day, slot) DO UPDATE SET last_number = last_number + 1 "
                "RETURNING last_number",
                (agency_id, yymmdd, slot),
            )
            code = format_code(agency_id, day, slot, int(cur.fetchone()[0]), digits)
            if not self._m.Dossier.select().where(self._m.Dossier.code == code).exists():
                return code
        raise ValidationError("sequence", "sequence.range")

    def note_code(self, code: str | None, slot_digits: int | None = None) -> None:
        """Move the running number of the code's agency, day and slot past `code` (never backwards); the code
        is read with the unit's slot width (`slot_digits`, read from the settings when not given)."""
        if not code:
            return
        try:
            parsed = parse_code(code, self.slot_digits() if slot_digits is None else slot_digits)
        except ValidationError:
            return  # a code made elsewhere in another shape cannot collide with ours
        self._db.execute_sql(
            "INSERT INTO code_sequence (agency_id, day, slot, last_number) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (agency_id, day, slot) DO UPDATE SET last_number = MAX(last_number, excluded.last_number)",
            (parsed.agency_id, f"{parsed.day:%y%m%d}", parsed.slot, parsed.number),
        )

    def note_slot_numbers(self, agency_id: str, slot: int, numbers: dict[str, int]) -> None:
        """Move this slot's running numbers past what the server has seen ({"YYMMDD": highest number})."""
        with self._db.atomic():
            for yymmdd, number in numbers.items():
                self._db.execute_sql(
                    "INSERT INTO code_sequence (agency_id, day, slot, last_number) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (agency_id, day, slot) DO UPDATE "
                    "SET last_number = MAX(last_number, excluded.last_number)",
                    (agency_id, yymmdd, slot, int(number)),
                )

    def reconcile_code_sequence(self) -> int:
        """Move every running number past every code this database holds; returns how many codes it saw."""
        D = self._m.Dossier
        seen = 0
        with self._db.atomic():
            digits = self.slot_digits()
            for row in D.select(D.code).where(D.code.is_null(False)).tuples().iterator():
                self.note_code(row[0], digits)
                seen += 1
        return seen

    def slot_digits(self) -> int:
        """The unit's dossier-code slot width: 1 (counters 1–9, four digits up to 999 dossiers a counter a
        day) or 2 (counters 1–99, the default); see `core.codes`."""
        row = self._m.UnitSetting.get_or_none(self._m.UnitSetting.key == SLOT_DIGITS_KEY)
        if row is None:
            return DEFAULT_SLOT_DIGITS
        try:
            return check_slot_digits(int(row.value))
        except (ValueError, ValidationError):
            return DEFAULT_SLOT_DIGITS

    def check_slot_digits_change(self, slot_digits: int) -> None:
        """Refuse (`CodeSchemeError`) a slot width under which a code this database holds would be read as
        another slot or number; `ValidationError` for a width that is not 1 or 2."""
        D = self._m.Dossier
        codes = (r[0] for r in D.select(D.code).where(D.code.is_null(False)).tuples().iterator())
        check_scheme_change(codes, self.slot_digits(), slot_digits)

    def set_slot_digits(self, slot_digits: int) -> bool:
        """Use `slot_digits` for the codes issued from now on, after `check_slot_digits_change`; returns
        whether it changed. The counter's own number must fit the width (checked by the caller that knows it,
        and again by every `next_code`)."""
        with self._db.atomic():
            if slot_digits == self.slot_digits():
                check_slot_digits(slot_digits)
                return False
            self.check_slot_digits_change(slot_digits)
            self._m.UnitSetting.insert(key=SLOT_DIGITS_KEY, value=str(slot_digits)).on_conflict(
                "replace"
            ).execute()
        return True

    def codes_hold(self) -> str | None:
        """Why codes are held ("restored", "reinstalled"), or None when the counter may issue codes."""
        row = self._m.SyncState.get_or_none(self._m.SyncState.key == CODES_HOLD_KEY)
        return row.value if row is not None else None

    def hold_codes_until_sync(self, reason: str) -> bool:
        """After a restore or a reinstall: no code until the first full sync. Only for a counter that joined
        a server (a standalone counter knows every code it issued). Returns whether a hold was set."""
        if not self.joined_server():
            return False
        self._m.SyncState.insert(key=CODES_HOLD_KEY, value=reason).on_conflict("replace").execute()
        return True

    def joined_server(self) -> bool:
        """Whether this counter joined a central server (which then decides its code slot width)."""
        S = self._m.SyncState
        return S.get_or_none(S.key == SERVER_URL_KEY) is not None

    def release_codes_hold(self) -> None:
        """The first full sync since the hold moved the running numbers past the server's codes."""
        self._m.SyncState.delete().where(self._m.SyncState.key == CODES_HOLD_KEY).execute()

    def create(self, decide: Callable[[CodeAllocator], Dossier], officer: str) -> Dossier:
        """Create a dossier in one transaction; `decide` may call the allocator to get a code for the receipt day."""
        with self._db.atomic("IMMEDIATE"):
            allocated: list[str] = []

            def allocate(day: date) -> str:
                hold = self.codes_hold()
                if hold is not None:
                    raise CodesOnHoldError(reason=hold)
                dossier_agency = self._agency_for_allocation()
                code = self.next_code(dossier_agency, day, self._counter())
                allocated.append(code)
                return code

            dossier = decide(allocate)
            if dossier.code is not None:
                dossier = enter_in_book(self._db, dossier, self._counter())  # this counter's volume
            self._insert(dossier)
            witness = self._outbox(ChangeKind.DOSSIER_CREATE, dossier, dossier_to_dict(dossier), officer)
            self._vouch(AuditKind.DOSSIER_CREATE, officer, dossier, list(dossier.history), witness)
        return dossier

    def complete(
        self, key: str, decide: Callable[[Dossier, CodeAllocator, BookAllocator], Dossier], officer: str
    ) -> Dossier:
        """Receive an intake that waited for papers, in one transaction: `decide(before, allocate, book)` gets the
        stored dossier, the code allocator and the book (`book(slot, year)` → volume and next entry) and returns
        the dossier after its receipt event; the row, the event, the search row, the outbox entry and the audit
        entry follow as for any change (`update`)."""
        with self._db.atomic("IMMEDIATE"):
            before = self.get(key)

            def allocate(day: date) -> str:
                hold = self.codes_hold()
                if hold is not None:
                    raise CodesOnHoldError(reason=hold)
                return self.next_code(self._agency_for_allocation(), day, self._counter())

            def book(slot: int, year: int) -> tuple[str, int]:
                volume = book_volume(slot, year)
                return volume, next_book_entry(self._db, volume)

            after = decide(before, allocate, book)
            return self.update(before, after, officer)

    def _agency_for_allocation(self) -> str:
        row = self._m.Unit.get_or_none(self._m.Unit.id == 1)
        return row.agency_id if row else ""

    def update(self, before: Dossier, after: Dossier, officer: str) -> Dossier:
        """Persist the events `after` added to `before`; refuses if the stored version moved meanwhile."""
        new_events = after.history[len(before.history) :]
        if after.history[: len(before.history)] != before.history:
            raise ValueError("history is append-only")
        with self._db.atomic("IMMEDIATE"):
            D = self._m.Dossier
            changed = (
                D.update(**self._row_fields(after), updated_at=_now())
                .where((D.id == after.id) & (D.version == before.version))
                .execute()
            )
            if changed != 1:
                raise StaleDossierError()
            for offset, event in enumerate(new_events):
                self._insert_event(after.id, len(before.history) + offset, event)
                witness = self._outbox(
                    ChangeKind.DOSSIER_EVENT,
                    after,
                    {
                        "dossier_id": after.id,
                        "code": after.code,
                        "base_version": before.version + offset,
                        "event": event_to_dict(event),
                        "state": _state_dict(after),
                    },
                    officer,
                )
                self._vouch(AuditKind.DOSSIER_EVENT, officer, after, [event], witness)
            self._index(after)
        return after

    def replace_from_server(self, dossier: Dossier) -> None:
        """Store a dossier as the server knows it (download); the caller checks for unsent local changes."""
        with self._db.atomic("IMMEDIATE"):
            D = self._m.Dossier
            existing = D.get_or_none(D.id == dossier.id)
            self.note_code(dossier.code)
            if existing is None:
                self._insert(dossier)
                return
            D.update(**self._row_fields(dossier), updated_at=_now()).where(D.id == dossier.id).execute()
            self._m.Event.delete().where(self._m.Event.dossier_id == dossier.id).execute()
            for seq, event in enumerate(dossier.history):
                self._insert_event(dossier.id, seq, event)
            self._index(dossier)

    # ---- internals ------------------------------------------------------------------------------------------
    def _row_fields(self, d: Dossier) -> dict[str, Any]:
        data = dossier_to_dict(d)
        data.pop("history")
        dl = deadline(d)
        end = finished_at(d)
        return {
            "code": d.code,
            "agency_id": d.agency_id,
            "procedure_code": d.procedure.code,
            "field": d.procedure.field,
            "applicant_name": d.applicant.name,
            "applicant_id": d.applicant.identifier,
            "applicant_phone": d.applicant.phone,
            "status": int(d.status),
            "channel": int(d.channel),
            "received_at": dt_text(d.received_at),
            "appointment": dt_text(d.appointment),
            "due_at": dt_text(dl.due) if dl else None,
            "finished_at": dt_text(end),
            "officer": d.officer,
            "counter": d.counter,
            "unit": d.unit,
            "version": d.version,
            "data": json.dumps(data, ensure_ascii=False),
        }

    def _insert(self, d: Dossier) -> None:
        self._m.Dossier.insert(id=d.id, updated_at=_now(), **self._row_fields(d)).execute()
        for seq, event in enumerate(d.history):
            self._insert_event(d.id, seq, event)
        self._index(d)

    def _insert_event(self, dossier_id: str, seq: int, e: DossierEvent) -> None:
        self._m.Event.insert(
            id=e.id,
            dossier_id=dossier_id,
            seq=seq,
            at=dt_text(e.at),
            officer=e.officer,
            action=e.action,
            from_status=int(e.from_status) if e.from_status is not None else None,
            to_status=int(e.to_status),
            unit=e.unit,
            receiver=e.receiver,
            note=e.note,
            data=json.dumps(e.data, ensure_ascii=False),
            device_time=_now(),
        ).execute()

    def _index(self, d: Dossier) -> None:
        rowid = self._db.execute_sql("SELECT rowid FROM dossier WHERE id = ?", (d.id,)).fetchone()[0]
        self._db.execute_sql("DELETE FROM dossier_search WHERE rowid = ?", (rowid,))
        self._db.execute_sql(
            "INSERT INTO dossier_search (rowid, body) VALUES (?, ?)", (rowid, search_body(d))
        )

    def _vouch(
        self, kind: AuditKind, officer: str, d: Dossier, events: list[DossierEvent], witness: dict[str, str]
    ) -> None:
        """The audit entry of a dossier write: the events it added and the outbox entry, by content hash."""
        if self._audit is None:
            return
        details: dict[str, Any] = {
            "code": d.code,
            "status": int(d.status),
            "events": {e.id: content_hash(event_to_dict(e)) for e in events},
            **witness,
        }
        self._audit.record(kind.value, officer, dossier_id=d.id, details=details)

    def _outbox(self, kind: ChangeKind, d: Dossier, payload: dict[str, Any], officer: str) -> dict[str, str]:
        change_id = new_id()
        self._m.Outbox.insert(
            change_id=change_id,
            dossier_id=d.id,
            kind=kind.value,
            payload=json.dumps(payload, ensure_ascii=False),
            officer=officer,
            counter=self._counter(),
            created_at=_now(),
        ).execute()
        return {"change_id": change_id, "payload_hash": content_hash(payload)}


def event_to_dict_row(e: Any) -> dict[str, Any]:
    return {
        "id": e.id,
        "at": e.at,
        "officer": e.officer,
        "action": e.action,
        "from_status": e.from_status,
        "to_status": e.to_status,
        "unit": e.unit,
        "receiver": e.receiver,
        "note": e.note,
        "data": json.loads(e.data),
    }


def _state_dict(d: Dossier) -> dict[str, Any]:
    return {
        "status": int(d.status),
        "unit": d.unit,
        "appointment": dt_text(d.appointment),
        "new_appointment": dt_text(d.new_appointment),
        "missing": list(d.missing),
        "reason": d.reason,
        "version": d.version,
    }


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _next_day(day: date) -> str:
    return (day + timedelta(days=1)).isoformat()
