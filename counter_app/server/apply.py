"""Applying a pushed batch of changes under the counters' domain rules, exactly once, in one transaction (a large
batch in parts of its own transactions, `writer.LARGE_PART`, the dossiers blocked carried from part to part).

Every change is judged in the order sent. A change ID seen before with the same content is a duplicate and
is answered with the original result (an applied change is never applied twice); with other content it is
a conflict. A create must carry a code in the caller's own slot (read with the agency's slot width), and so must
the event receiving an intake that waited for papers without one; an event must name the version it was made on: behind the server's version is a conflict, ahead of it means an earlier
change is missing (retry).
Once one change of a dossier does not apply, later changes of that dossier in the same batch wait (retry).

Payloads are checked against their shapes (`bounds`) and then judged by the counter's own rules: a created
dossier's history by `core.events.check_history`, a new event by `core.events.apply_event`, which alone decides
what the event changes. The state the counter sends with an event must agree with that; an event claiming
another appointment, status or code is rejected (`event.state_mismatch`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import pydantic

from ..core.codes import parse_code
from ..core.errors import DomainError, TransitionError, ValidationError
from ..core.events import apply_event, check_history
from ..core.model import Dossier, DossierEvent
from ..core.roles import is_username
from ..core.serial import dossier_from_dict, dossier_to_dict, event_from_dict, parse_dt
from ..core.wire import MAX_CHANGE_BYTES, Change, ChangeKind, ChangeResult, Reason, Result, hash_and_size
from . import portal_queue
from .admin import Caller, agency_slot_digits
from .bounds import ATTACHMENT_ADD, DOSSIER_CREATE, DOSSIER_EVENT, AttachmentIn, EventChangeIn
from .database import bulk_write

_CHUNK = 500
_BAD_PAYLOAD = (KeyError, TypeError, ValueError, AttributeError, DomainError, pydantic.ValidationError)


@dataclass
class _Known:
    """A change the server has judged already (before this batch, or earlier in it)."""

    content_hash: str
    result: str
    reason: str
    version: int | None
    stored: bool  # a row exists in `changes` (else it is pending insert in this batch)
    attempts: int = 1


class BatchApplier:
    """Judges one batch for one caller, inside a write transaction that holds the agency's feed lock
    (`writer.PushWriter` opens it)."""

    def __init__(self, m: SimpleNamespace, caller: Caller, now: str, blocked: Iterable[str] = ()) -> None:
        """`blocked`: dossiers whose change did not apply in an earlier part of the same batch (a large batch is
        applied in parts, `writer.LARGE_PART`); their later changes wait as if in one batch."""
        self._m = m
        self._caller = caller
        self._now = now
        self._known: dict[str, _Known] = {}
        self._rows: dict[str, Any] = {}  # stored dossier rows by id
        self._dossiers: dict[str, Dossier] = {}  # parsed, possibly changed in this batch
        self._created: set[str] = set()
        self._changed: set[str] = set()
        self._coded: set[str] = set()  # intakes that waited for papers, received (and coded) in this batch
        self._attachment_ids: set[str] = set()
        self._papers: list[
            tuple[AttachmentIn, str]
        ] = []  # digitised papers of this batch, with their officer
        self._touched: list[str] = []
        self._codes: set[str] = set()
        self._event_ids: set[str] = set()
        self._events: list[dict[str, Any]] = []
        self._blocked: set[str] = set(blocked)
        self._new_changes: dict[str, dict[str, Any]] = {}
        self._updated_changes: dict[str, dict[str, Any]] = {}
        self._read: dict[str, _Read | None] = {}  # payloads by change ID; None: not the shape of its kind
        self._slot_digits = 2  # the agency's dossier-code slot width, read when a batch starts (core.codes)

    @property
    def blocked(self) -> frozenset[str]:
        """The dossiers whose later changes in this batch wait (retry), for the batch's next part."""
        return frozenset(self._blocked)

    def apply(self, changes: Sequence[Change]) -> list[ChangeResult]:
        """Judge and store the batch inside the caller's transaction (which holds the agency's feed lock)."""
        self._read = {c.change_id: _read(c) for c in changes}
        self._slot_digits = agency_slot_digits(self._m, self._caller.agency_id)
        self._prefetch(changes)
        results = [self._one(c) for c in changes]
        self._flush()
        return results

    # ---- reading what the batch needs in a few queries --------------------------------------------------
    def _prefetch(self, changes: Sequence[Change]) -> None:
        m = self._m
        ids = [c.change_id for c in changes]
        for chunk in _chunks(ids):
            for r in m.Change.select().where(m.Change.change_id.in_(chunk)):
                self._known[r.change_id] = _Known(
                    r.content_hash, r.result, r.reason, r.version, True, r.attempts
                )
        dossier_ids = sorted({c.dossier_id for c in changes if c.dossier_id})
        for chunk in _chunks(dossier_ids):
            for r in m.Dossier.select().where(m.Dossier.id.in_(chunk)):
                self._rows[r.id] = r
        codes: set[str] = set()
        event_ids: set[str] = set()
        for read in self._read.values():  # only values that passed their bounds reach a query
            if read is not None and read.dossier is not None:
                if read.dossier.code is not None:
                    codes.add(read.dossier.code)
                event_ids.update(e.id for e in read.dossier.history)
            if read is not None and read.event is not None:
                event_ids.add(read.event.id)
                if read.claim is not None and read.claim.code is not None:
                    codes.add(read.claim.code)  # an intake received later brings its code with its event
        for chunk in _chunks(sorted(codes)):
            self._codes.update(
                r.code for r in m.Dossier.select(m.Dossier.code).where(m.Dossier.code.in_(chunk))
            )
        for chunk in _chunks(sorted(event_ids)):
            self._event_ids.update(r.id for r in m.Event.select(m.Event.id).where(m.Event.id.in_(chunk)))

    def _dossier(self, dossier_id: str) -> Dossier | None:
        if dossier_id not in self._dossiers:
            row = self._rows.get(dossier_id)
            if row is None:
                return None
            self._dossiers[dossier_id] = dossier_from_dict(json.loads(row.data))
        return self._dossiers[dossier_id]

    # ---- judging ----------------------------------------------------------------------------------------
    def _one(self, c: Change) -> ChangeResult:
        change_id = c.change_id
        dossier_id = c.dossier_id or ""
        digest, size = hash_and_size(c.to_dict())
        known = self._known.get(change_id)
        if known is not None:
            if known.content_hash != digest:
                return ChangeResult(
                    change_id, Result.CONFLICT, Reason.CONTENT_MISMATCH.value, version=known.version
                )
            if known.result == Result.APPLIED.value:
                return ChangeResult(
                    change_id, Result.DUPLICATE, known.reason, Result.APPLIED.value, known.version
                )
        if dossier_id and dossier_id in self._blocked:
            return ChangeResult(change_id, Result.RETRY, Reason.DOSSIER_BLOCKED.value)
        if size > MAX_CHANGE_BYTES:
            answer = ChangeResult(change_id, Result.REJECTED, Reason.PAYLOAD_TOO_LARGE.value)
        else:
            answer = self._judge(c, change_id, dossier_id)
        if answer.result is not Result.APPLIED and dossier_id:
            self._blocked.add(dossier_id)
        if answer.result is not Result.RETRY:
            self._record(c, answer, digest, known)
        return answer

    def _judge(self, c: Change, change_id: str, dossier_id: str) -> ChangeResult:
        if c.counter != self._caller.counter:
            return ChangeResult(change_id, Result.REJECTED, Reason.COUNTER_MISMATCH.value)
        if not is_username(c.officer):  # an account of the counter, never free text
            return ChangeResult(change_id, Result.REJECTED, Reason.OFFICER_INVALID.value)
        if c.kind not in _KINDS:
            return ChangeResult(change_id, Result.REJECTED, Reason.KIND_UNKNOWN.value)
        read = self._read.get(change_id)
        if read is None:
            return ChangeResult(change_id, Result.REJECTED, Reason.PAYLOAD_INVALID.value)
        if read.attachment is not None:
            return self._attachment(change_id, dossier_id, read.attachment, c.officer)
        if read.dossier is not None:
            if any(e.officer != c.officer for e in read.dossier.history):
                return ChangeResult(change_id, Result.REJECTED, Reason.OFFICER_MISMATCH.value)
            return self._create(change_id, dossier_id, read.dossier)
        assert read.event is not None and read.claim is not None
        if read.event.officer != c.officer:
            return ChangeResult(change_id, Result.REJECTED, Reason.OFFICER_MISMATCH.value)
        return self._event(change_id, dossier_id, read.event, read.claim)

    def _create(self, change_id: str, dossier_id: str, d: Dossier) -> ChangeResult:
        def no(result: Result, reason: Reason, version: int | None = None) -> ChangeResult:
            return ChangeResult(change_id, result, reason.value, version=version)

        if d.id != dossier_id:
            return no(Result.REJECTED, Reason.PAYLOAD_INVALID)
        if d.agency_id != self._caller.agency_id:
            return no(Result.REJECTED, Reason.AGENCY_MISMATCH)
        if d.counter != self._caller.counter:
            return no(Result.REJECTED, Reason.COUNTER_MISMATCH)
        if d.code is not None and (refused := self._own_code(d.code)) is not None:
            return no(Result.REJECTED, refused)
        try:
            check_history(d)
        except TransitionError:
            return no(Result.REJECTED, Reason.TRANSITION)
        except ValidationError:
            return no(Result.REJECTED, Reason.PAYLOAD_INVALID)
        existing = self._dossier(dossier_id)
        if existing is not None:
            return no(Result.CONFLICT, Reason.DOSSIER_EXISTS, existing.version)
        if d.code is not None and d.code in self._codes:
            return no(Result.CONFLICT, Reason.CODE_TAKEN)
        if any(e.id in self._event_ids for e in d.history) or len({e.id for e in d.history}) != len(
            d.history
        ):
            return no(Result.CONFLICT, Reason.EVENT_EXISTS)
        self._dossiers[dossier_id] = d
        self._created.add(dossier_id)
        if d.code is not None:
            self._codes.add(d.code)
        for seq, event in enumerate(d.history):
            self._add_event(event.id, dossier_id, seq, change_id)
        self._touch(dossier_id)
        return ChangeResult(change_id, Result.APPLIED, version=d.version)

    def _own_code(self, text: str) -> Reason | None:
        """Why a code the caller issued cannot be its own (None when it can): not a code under the agency's slot
        width, another agency's, or another counter's slot."""
        try:
            code = parse_code(text, self._slot_digits)
        except ValidationError:
            return Reason.CODE_FORMAT
        if code.agency_id != self._caller.agency_id:
            return Reason.AGENCY_MISMATCH
        if code.slot != self._caller.counter:
            return Reason.CODE_SLOT
        return None

    def _event(
        self, change_id: str, dossier_id: str, event: DossierEvent, shape: EventChangeIn
    ) -> ChangeResult:
        def no(result: Result, reason: Reason, version: int | None = None) -> ChangeResult:
            return ChangeResult(change_id, result, reason.value, version=version)

        if shape.dossier_id != dossier_id:
            return no(Result.REJECTED, Reason.PAYLOAD_INVALID)
        base = shape.base_version
        current = self._dossier(dossier_id)
        if current is None:
            return no(Result.REJECTED, Reason.DOSSIER_UNKNOWN)
        if current.agency_id != self._caller.agency_id:
            return no(Result.REJECTED, Reason.AGENCY_MISMATCH)
        if base < current.version:
            return no(Result.CONFLICT, Reason.VERSION_CONFLICT, current.version)
        if base > current.version:
            return no(Result.RETRY, Reason.VERSION_AHEAD, current.version)
        if event.id in self._event_ids:
            return no(Result.CONFLICT, Reason.EVENT_EXISTS, current.version)
        try:
            updated = apply_event(current, event)
        except TransitionError:
            return no(Result.REJECTED, Reason.TRANSITION, current.version)
        except ValidationError:
            return no(Result.REJECTED, Reason.PAYLOAD_INVALID, current.version)
        state = shape.state
        if (
            state.status != int(updated.status)
            or parse_dt(state.appointment) != updated.appointment
            or parse_dt(state.new_appointment) != updated.new_appointment
            or state.version <= base
            or shape.code != updated.code
        ):
            return no(Result.REJECTED, Reason.STATE_MISMATCH, current.version)
        if (
            current.code is None and updated.code is not None
        ):  # an intake that waited for papers, received now
            if (refused := self._own_code(updated.code)) is not None:
                return no(Result.REJECTED, refused, current.version)
            if updated.code in self._codes:
                return no(Result.CONFLICT, Reason.CODE_TAKEN, current.version)
            self._codes.add(updated.code)
            self._coded.add(dossier_id)
        self._dossiers[dossier_id] = updated
        if dossier_id not in self._created:
            self._changed.add(dossier_id)
        self._add_event(event.id, dossier_id, len(current.history), change_id)
        self._touch(dossier_id)
        return ChangeResult(change_id, Result.APPLIED, version=updated.version)

    def _attachment(self, change_id: str, dossier_id: str, paper: AttachmentIn, officer: str) -> ChangeResult:
        """A digitised paper of a dossier the server holds (its file is uploaded after, by its hash)."""

        def no(result: Result, reason: Reason) -> ChangeResult:
            return ChangeResult(change_id, result, reason.value)

        if paper.dossier_id != dossier_id:
            return no(Result.REJECTED, Reason.PAYLOAD_INVALID)
        current = self._dossier(dossier_id)
        if current is None:
            return no(Result.REJECTED, Reason.DOSSIER_UNKNOWN)
        if current.agency_id != self._caller.agency_id:
            return no(Result.REJECTED, Reason.AGENCY_MISMATCH)
        if paper.id in self._attachment_ids or self._m.Attachment.get_or_none(
            self._m.Attachment.id == paper.id
        ):
            return no(Result.CONFLICT, Reason.ATTACHMENT_EXISTS)
        self._attachment_ids.add(paper.id)
        self._papers.append((paper, officer))
        return ChangeResult(change_id, Result.APPLIED, version=current.version)

    # ---- recording ----------------------------------------------------------------------------------------
    def _add_event(self, event_id: str, dossier_id: str, seq: int, change_id: str) -> None:
        self._event_ids.add(event_id)
        self._events.append({"id": event_id, "dossier_id": dossier_id, "seq": seq, "change_id": change_id})

    def _touch(self, dossier_id: str) -> None:
        if dossier_id not in self._touched:
            self._touched.append(dossier_id)

    def _record(self, c: Change, answer: ChangeResult, digest: str, known: _Known | None) -> None:
        row = {
            "result": answer.result.value,
            "reason": answer.reason,
            "version": answer.version,
            "decided_at": self._now,
        }
        if known is not None and known.stored:
            self._updated_changes[answer.change_id] = {**row, "attempts": known.attempts + 1}
        elif known is not None:
            self._new_changes[answer.change_id].update(row)
        else:
            self._new_changes[answer.change_id] = {
                **row,
                "change_id": answer.change_id,
                "agency_id": self._caller.agency_id,
                "counter": c.counter,
                "kind": c.kind,
                "dossier_id": c.dossier_id,
                "content_hash": digest,
                "attempts": 1,
                "device_time": c.created_at,
                # who did it, from the credential's identity and the counter's account, never free text
                "actor": f"{self._caller.agency_id}/{self._caller.counter:02d}/{c.officer}",
                "received_at": self._now,
            }
        self._known[answer.change_id] = _Known(
            digest, answer.result.value, answer.reason, answer.version, known.stored if known else False
        )

    def _flush(self) -> None:
        db = self._m.db
        bulk_write(
            db, _INSERT_CHANGE, [tuple(r[c] for c in _CHANGE_COLUMNS) for r in self._new_changes.values()]
        )
        for change_id, fields in self._updated_changes.items():
            self._m.Change.update(**fields).where(self._m.Change.change_id == change_id).execute()
        created = [self._dossiers[i] for i in self._touched if i in self._created]
        bulk_write(
            db,
            _INSERT_DOSSIER,
            [
                (
                    d.id,
                    d.code,
                    d.agency_id,
                    d.counter,
                    int(d.status),
                    d.version,
                    _data(d),
                    self._now,
                    self._now,
                )
                for d in created
            ],
        )
        changed = [self._dossiers[i] for i in self._touched if i in self._changed]
        bulk_write(
            db,
            _UPDATE_DOSSIER,
            [(d.code, d.counter, int(d.status), d.version, _data(d), self._now, d.id) for d in changed],
        )
        bulk_write(
            db, _INSERT_EVENT, [(e["id"], e["dossier_id"], e["seq"], e["change_id"]) for e in self._events]
        )
        bulk_write(
            db, _INSERT_LOG, [(self._caller.agency_id, "dossier", i, self._now) for i in self._touched]
        )
        if self._papers:
            self._flush_papers()
        if self._touched and portal_queue.is_connected(self._m, self._caller.agency_id):
            self._queue_for_portal()

    def _flush_papers(self) -> None:
        agency, counter = self._caller.agency_id, self._caller.counter
        bulk_write(
            self._m.db,
            _INSERT_ATTACHMENT,
            [
                (
                    p.id, agency, p.dossier_id, p.kind, p.component, p.name, p.sha256, p.pages, p.bytes, counter,
                    officer, p.created_at, self._now,
                )
                for p, officer in self._papers
            ],
        )  # fmt: skip
        bulk_write(
            self._m.db, _INSERT_LOG, [(agency, "attachment", p.id, self._now) for p, _ in self._papers]
        )
        # a paper whose file the server already holds (the same file kept for another paper) has its link now:
        # its dossier's state goes to the national portal again, unless this batch queues it anyway
        F = self._m.StoredFile
        shas = sorted({p.sha256 for p, _ in self._papers})
        stored = {r.sha256 for r in F.select(F.sha256).where((F.agency_id == agency) & (F.sha256.in_(shas)))}
        again = [
            p.dossier_id for p, _ in self._papers if p.sha256 in stored and p.dossier_id not in self._touched
        ]
        portal_queue.requeue_papers(self._m, agency, again, self._now)

    def _queue_for_portal(self) -> None:
        """The national portal's outbox rows of this batch, in its transaction: each touched dossier's state and
        its new steps (all of them for a dossier new here or coded just now)."""
        new_events: dict[str, list[str]] = {}
        for e in self._events:
            new_events.setdefault(e["dossier_id"], []).append(e["id"])
        touched = [
            (
                self._dossiers[i],
                None if i in self._created or i in self._coded else new_events.get(i, []),
            )
            for i in self._touched
        ]
        portal_queue.enqueue(self._m, self._caller.agency_id, touched, self._now)


_CHANGE_COLUMNS = (
    "change_id",
    "agency_id",
    "counter",
    "kind",
    "dossier_id",
    "content_hash",
    "result",
    "reason",
    "version",
    "attempts",
    "device_time",
    "received_at",
    "decided_at",
    "actor",
)
_INSERT_CHANGE = (
    f"INSERT INTO changes ({', '.join(_CHANGE_COLUMNS)}) VALUES ({', '.join('?' * len(_CHANGE_COLUMNS))})"
)
_INSERT_DOSSIER = (
    "INSERT INTO dossiers (id, code, agency_id, counter, status, version, data, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
#: The code and counter change once: when an intake that waited for papers is received (`core.supplement`).
_UPDATE_DOSSIER = "UPDATE dossiers SET code = ?, counter = ?, status = ?, version = ?, data = ?, updated_at = ? WHERE id = ?"
_INSERT_EVENT = "INSERT INTO events (id, dossier_id, seq, change_id) VALUES (?, ?, ?, ?)"
_INSERT_LOG = "INSERT INTO change_log (agency_id, kind, item_key, logged_at) VALUES (?, ?, ?, ?)"
_INSERT_ATTACHMENT = (
    "INSERT INTO attachments (id, agency_id, dossier_id, kind, component, name, sha256, pages, bytes, counter, "
    "created_by, created_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_KINDS = frozenset(k.value for k in ChangeKind)


@dataclass(frozen=True)
class _Read:
    """A change's payload read once, within its bounds: the dossier it creates, or the event it adds together
    with what the counter says the dossier looks like afterwards."""

    dossier: Dossier | None = None
    event: DossierEvent | None = None
    claim: EventChangeIn | None = None
    attachment: AttachmentIn | None = None


def _read(c: Change) -> _Read | None:
    """The payload checked against the shape of its kind (`bounds`) and turned into core objects; None when it
    does not fit (an unknown kind reads as nothing and is refused by kind)."""
    payload, kind = c.payload, c.kind
    try:
        if kind == ChangeKind.DOSSIER_CREATE.value:
            DOSSIER_CREATE.validate_python(payload)
            assert isinstance(payload, Mapping)
            return _Read(dossier=dossier_from_dict(payload))
        if kind == ChangeKind.DOSSIER_EVENT.value:
            claim = DOSSIER_EVENT.validate_python(payload)
            assert isinstance(payload, Mapping)
            return _Read(event=event_from_dict(payload["event"]), claim=claim)
        if kind == ChangeKind.ATTACHMENT_ADD.value:
            return _Read(attachment=ATTACHMENT_ADD.validate_python(payload))
    except _BAD_PAYLOAD:
        return None
    return _Read()


def _data(d: Dossier) -> str:
    return json.dumps(dossier_to_dict(d), ensure_ascii=False)


def _chunks(items: list[Any], size: int = _CHUNK) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
