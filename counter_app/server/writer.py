"""The server's single writer: pushes wait in a queue and commit together, one transaction per agency group.

Committing costs a disk flush (milliseconds); when many counters push at once, applying their batches one
after another inside one transaction pays that flush once for all of them (group commit). Each batch
runs in its own savepoint, so a failing batch is rolled back and reported alone. Batches of one agency
still apply in arrival order under the agency's feed lock, so feed cursors follow commit order.

Several server processes on one PostgreSQL database each have their writer; the agency's feed lock makes their
groups of one agency take turns, and a batch judged after another process committed the same changes finds them
and answers duplicates. Should a unique key still refuse a row another process committed meanwhile (a change,
dossier, code or event of the batch), the batch is judged again, and then sees that row: the counter gets
`duplicate` (or `conflict`), never a server error.

Small pushes go first: a counter at work sends a change or two at a time, a counter back from days offline sends
its queue in batches of up to 200, each taking a tenth of a second or more to apply. Every round takes all the
small pushes waiting and then one part (`LARGE_PART` changes) of the oldest large batch, in a transaction of its
own, so a counter at work waits behind at most one part of a reconnect storm, the agency's feed lock is never
held for a whole large batch, and the storm still moves on every round. A large batch is answered once its last
part is committed. Its parts keep the batch's rules: changes are judged in the order sent, and a dossier one of
whose changes did not apply has its later changes wait (retry) in the following parts too. Should the server
stop between two parts, the counter sends the batch again and the parts already committed answer `duplicate`,
as for any batch whose answer was lost.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from types import SimpleNamespace

from peewee import IntegrityError

from ..core.wire import Change, ChangeResult, time_text, utc_now
from .admin import AuthError, Caller, authenticate, lock_agency
from .apply import BatchApplier
from .database import write_transaction

log = logging.getLogger(__name__)
MAX_GROUP = 64
#: A push of at most this many changes is small (a counter at work); larger ones (a queue sent after being
#: offline) are applied one a round, after the small ones waiting.
SMALL_PUSH = 20
#: A large batch is applied this many changes a round, each part in its own transaction (the longest
#: a small push waits behind the storm). Chosen by bench/bench_province.py:
#: 25 kept the counters at work fast but slowed the storm past its target, 100 the other way round.
LARGE_PART = 50
#: How many times a batch refused by a unique key (another process committed the same rows) is judged again.
JUDGE_ATTEMPTS = 3


def unique_violation(exc: BaseException) -> bool:
    """True when a unique key refused a row (PostgreSQL 23505, SQLite's UNIQUE constraint), however wrapped."""
    for error in (exc, *(a for a in getattr(exc, "args", ()) if isinstance(a, BaseException))):
        if getattr(error, "pgcode", None) == "23505":
            return True
        if isinstance(error, (sqlite3.IntegrityError, IntegrityError)) and "UNIQUE" in str(error):
            return True
    return False


@dataclass
class _Job:
    token: str
    changes: Sequence[Change]
    caller: Caller | None = None
    done: Future[list[ChangeResult]] = field(default_factory=Future)
    results: list[ChangeResult] = field(default_factory=list)  # a large batch's answers, part by part
    blocked: frozenset[str] = frozenset()  # its dossiers whose later changes wait

    def next_part(self) -> Sequence[Change]:
        start = len(self.results)
        return self.changes[start : start + LARGE_PART]


class PushWriter:
    """Owns one thread that applies every push of this process: small pushes in arrival order, then one part of
    the oldest large batch a round."""

    def __init__(self, m: SimpleNamespace) -> None:
        self._m = m
        self._ready = threading.Condition()
        self._small: deque[_Job] = deque()
        self._large: deque[_Job] = deque()
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="push-writer", daemon=True)
        self._thread.start()

    def enqueue(self, token: str, changes: Sequence[Change]) -> Future[list[ChangeResult]]:
        """Queue a counter's batch; the future holds its results once committed, or the error that stopped it
        (`AuthError` for an unknown or revoked token: the token is checked here, saving the request a trip)."""
        job = _Job(token, changes)
        with self._ready:
            (self._small if len(changes) <= SMALL_PUSH else self._large).append(job)
            self._ready.notify()
        return job.done

    def submit(self, token: str, changes: Sequence[Change]) -> list[ChangeResult]:
        """Queue a batch and wait until it is committed."""
        return self.enqueue(token, changes).result()

    def close(self) -> None:
        """Apply what is queued, then stop the thread."""
        with self._ready:
            self._closing = True
            self._ready.notify()
        self._thread.join(30)

    def _take(self) -> tuple[list[_Job], _Job | None] | None:
        """The next round: every small push waiting (up to `MAX_GROUP`) and the oldest large batch (which stays
        first in its queue until its last part is applied); None once closed and drained."""
        with self._ready:
            while not (self._small or self._large or self._closing):
                self._ready.wait()
            small: list[_Job] = []
            while self._small and len(small) < MAX_GROUP:
                small.append(self._small.popleft())
            large = self._large[0] if self._large else None
            return (small, large) if small or large else None

    def _finished(self, job: _Job) -> None:
        """The large batch at the head of its queue is answered: the next one's turn."""
        with self._ready:
            if self._large and self._large[0] is job:
                self._large.popleft()

    def _run(self) -> None:
        while (round_ := self._take()) is not None:
            small, large = round_
            try:
                self._process(small, large)
            except (
                Exception
            ) as exc:  # e.g. the database went away: these pushes fail (5xx), the thread lives on
                log.exception("push writer failed")
                for job in (*small, *([large] if large else [])):
                    if not job.done.done():
                        job.done.set_exception(exc)
            if large is not None and large.done.done():
                self._finished(large)

    def _process(self, small: list[_Job], large: _Job | None) -> None:
        by_agency: dict[str, list[_Job]] = {}
        with self._m.db.connection_context():
            for job in small:
                try:
                    job.caller = authenticate(self._m, job.token)
                except AuthError as exc:
                    job.done.set_exception(exc)
                    continue
                by_agency.setdefault(job.caller.agency_id, []).append(job)
            for agency_id, group in by_agency.items():
                self._commit_group(agency_id, group)
            if large is not None:
                self._commit_part(large)

    def _commit_part(self, job: _Job) -> None:
        """The next part of a large batch in a transaction of its own; the batch is answered after its last."""
        try:  # checked again for every part: a counter revoked meanwhile stops here
            job.caller = authenticate(self._m, job.token)
        except AuthError as exc:
            job.done.set_exception(exc)
            return
        part = job.next_part()
        for attempt in range(1, JUDGE_ATTEMPTS + 1):
            try:
                with write_transaction(self._m.db):
                    lock_agency(self._m, job.caller.agency_id)
                    applier = BatchApplier(self._m, job.caller, time_text(utc_now()), job.blocked)
                    results = applier.apply(part)
                break
            except Exception as exc:
                if unique_violation(exc) and attempt < JUDGE_ATTEMPTS:
                    log.info("push met rows another process committed first; judged again")
                    continue
                log.exception("push part commit failed")  # the parts before stay committed: sent again,
                job.done.set_exception(exc)  # they answer `duplicate`
                return
        job.results.extend(results)
        job.blocked = applier.blocked
        if len(job.results) >= len(job.changes):
            job.done.set_result(job.results)

    def _commit_group(self, agency_id: str, group: list[_Job]) -> None:
        for attempt in range(1, JUDGE_ATTEMPTS + 1):
            try:
                answers = self._apply_group(agency_id, group)
                break
            except Exception as exc:
                if unique_violation(exc) and attempt < JUDGE_ATTEMPTS:
                    log.info("push met rows another process committed first; judged again")
                    continue
                # the commit itself failed: nobody's batch is stored
                log.exception("push group commit failed")
                for job in group:
                    job.done.set_exception(exc)
                return
        for job, answer in answers:
            if isinstance(answer, BaseException):
                job.done.set_exception(answer)
            else:
                job.done.set_result(answer)

    def _apply_group(
        self, agency_id: str, group: list[_Job]
    ) -> list[tuple[_Job, list[ChangeResult] | BaseException]]:
        """One transaction under the agency's feed lock; a unique violation of a lone batch escapes (and the
        transaction is rolled back) so that it is judged again."""
        db = self._m.db
        answers: list[tuple[_Job, list[ChangeResult] | BaseException]] = []
        with write_transaction(db):
            lock_agency(self._m, agency_id)
            now = time_text(utc_now())
            if len(group) == 1:  # alone: the transaction itself is the batch's boundary
                job = group[0]
                assert job.caller is not None
                answers.append((job, BatchApplier(self._m, job.caller, now).apply(job.changes)))
            for job in group if len(group) > 1 else []:
                assert job.caller is not None
                answers.append((job, self._apply_in_savepoint(job.caller, job.changes, now)))
        return answers

    def _apply_in_savepoint(
        self, caller: Caller, changes: Sequence[Change], now: str
    ) -> list[ChangeResult] | BaseException:
        """One batch of a group in its own savepoint: a failing batch leaves the others in place; one refused by
        a unique key is rolled back to the savepoint and judged again."""
        attempt = 1
        while True:
            try:
                with self._m.db.atomic():
                    return BatchApplier(self._m, caller, now).apply(changes)
            except Exception as exc:
                if unique_violation(exc) and attempt < JUDGE_ATTEMPTS:
                    attempt += 1
                    continue
                log.exception("push batch failed")
                return exc
