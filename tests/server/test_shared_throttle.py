"""The throttle of failed authentications kept in the database (`guard.SharedThrottle`): the rules on a moved
clock, on SQLite and PostgreSQL, and failures counted by several throttles at once (as several processes do)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from counter_app.server.guard import (
    FAILURES_ALLOWED,
    FIRST_BLOCK_S,
    FORGET_S,
    MAX_BLOCK_S,
    WINDOW_S,
    SharedThrottle,
)

START = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def move(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def throttle_on(admin: SimpleNamespace) -> tuple[SharedThrottle, Clock]:
    clock = Clock()
    return SharedThrottle(admin, clock=clock), clock


def fail(throttle: SharedThrottle, times: int, *keys: str) -> int:
    wait = 0
    for _ in range(times):
        wait = throttle.failed(*keys)
    return wait


def test_ten_failures_in_a_minute_block_for_a_delay_that_doubles(admin: SimpleNamespace) -> None:
    throttle, clock = throttle_on(admin)
    assert fail(throttle, FAILURES_ALLOWED - 1, "addr:10.0.0.7") == 0
    assert throttle.standing("addr:10.0.0.7").counted and throttle.retry_after("addr:10.0.0.7") == 0
    assert throttle.failed("addr:10.0.0.7") == FIRST_BLOCK_S
    assert throttle.retry_after("addr:10.0.0.7", "addr:10.0.0.8") == FIRST_BLOCK_S
    assert throttle.retry_after("addr:10.0.0.8") == 0
    clock.move(10.5)
    assert throttle.retry_after("addr:10.0.0.7") == 20  # rounded up
    clock.move(FIRST_BLOCK_S)
    assert throttle.retry_after("addr:10.0.0.7") == 0
    assert fail(throttle, FAILURES_ALLOWED, "addr:10.0.0.7") == 2 * FIRST_BLOCK_S
    for _ in range(10):
        clock.move(MAX_BLOCK_S)
        fail(throttle, FAILURES_ALLOWED, "addr:10.0.0.7")
    assert throttle.retry_after("addr:10.0.0.7") == MAX_BLOCK_S


def test_failures_outside_the_window_and_a_success_are_forgotten(admin: SimpleNamespace) -> None:
    throttle, clock = throttle_on(admin)
    fail(throttle, FAILURES_ALLOWED - 1, "counter:X/1")
    clock.move(WINDOW_S)
    assert fail(throttle, FAILURES_ALLOWED - 1, "counter:X/1") == 0  # a new window began
    throttle.succeeded("counter:X/1")
    assert fail(throttle, FAILURES_ALLOWED - 1, "counter:X/1") == 0
    assert throttle.failed("counter:X/1") == FIRST_BLOCK_S
    throttle.succeeded("counter:X/1")  # a block is not lifted by the right credential
    assert throttle.retry_after("counter:X/1") == FIRST_BLOCK_S


def test_a_key_is_forgotten_a_day_after_its_last_failure(admin: SimpleNamespace) -> None:
    throttle, clock = throttle_on(admin)
    fail(throttle, FAILURES_ALLOWED, "console:lan")
    clock.move(FORGET_S + 1)
    throttle.failed("console:other")  # a later failure tidies up
    assert not throttle.standing("console:lan").counted
    assert throttle.standing("console:other").counted


def test_a_key_without_failures_costs_one_read_and_no_write(admin: SimpleNamespace) -> None:
    throttle, _ = throttle_on(admin)
    statements: list[str] = []
    original: Callable[..., object] = admin.db.execute_sql

    def counted(sql: str, *args: object, **kwargs: object) -> object:
        statements.append(sql.split()[0].upper())
        return original(sql, *args, **kwargs)

    admin.db.execute_sql = counted
    try:
        standing = throttle.standing("addr:192.0.2.1")
    finally:
        del admin.db.execute_sql
    assert standing.wait == 0 and not standing.counted
    assert statements == ["SELECT"]


def test_throttles_of_several_processes_count_together(admin: SimpleNamespace) -> None:
    clock = Clock()
    processes = [SharedThrottle(admin, clock=clock) for _ in range(4)]

    def five_failures(throttle: SharedThrottle) -> None:
        with admin.db.connection_context():
            fail(throttle, 5, "addr:198.51.100.4", "counter:X/2")

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(five_failures, processes))
    # 20 failures of each key, none lost: two blocks, the second one twice as long
    rows = admin.db.execute_sql("SELECT key, blocks, failures FROM auth_throttle ORDER BY key").fetchall()
    assert [tuple(r) for r in rows] == [("addr:198.51.100.4", 2, 0), ("counter:X/2", 2, 0)]
    assert processes[0].retry_after("addr:198.51.100.4") == 2 * FIRST_BLOCK_S
