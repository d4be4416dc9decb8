"""ScanFilter: which decoded texts are reported and when scanning stops (with a hand-driven clock)."""

from __future__ import annotations

from counter_app.devices.camera import ScanFilter

CODE = "000.00.06.H56-261127-0361"
OTHER = "G12.18.112.001-261127-1205"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_only_dossier_codes_are_reported_trimmed() -> None:
    scans = ScanFilter(Clock())
    assert scans.offer("https://dichvucong.gov.vn/tra-cuu") is None
    assert scans.offer("8935049500018") is None
    assert scans.offer(f"  {CODE}\n") == CODE


def test_a_repeat_within_two_seconds_is_ignored_but_not_after() -> None:
    clock = Clock()
    scans = ScanFilter(clock, stop_after_read=False)
    assert scans.offer(CODE) == CODE
    clock.now += 1.9
    assert scans.offer(CODE) is None
    assert scans.offer(OTHER) == OTHER
    assert scans.offer(CODE) == CODE  # another code came in between: not a repeat
    clock.now += 2.0
    assert scans.offer(CODE) == CODE


def test_stops_after_a_read_by_default() -> None:
    scans = ScanFilter(Clock())
    assert scans.stop_reason() is None
    scans.offer("not a code")
    assert scans.stop_reason() is None
    scans.offer(CODE)
    assert scans.stop_reason() == "scanned"
    assert scans.offer(OTHER) is None  # a second code on the same frame is not reported


def test_stops_when_idle_for_the_timeout_counted_from_the_last_read() -> None:
    clock = Clock()
    scans = ScanFilter(clock, idle_timeout=60, stop_after_read=False)
    clock.now += 59
    assert scans.stop_reason() is None
    scans.offer(CODE)
    clock.now += 59
    assert scans.stop_reason() is None
    clock.now += 1
    assert scans.stop_reason() == "idle"


def test_close_stops_and_silences() -> None:
    scans = ScanFilter(Clock())
    scans.close()
    assert scans.stop_reason() == "closed"
    assert scans.offer(CODE) is None


def test_restart_begins_a_new_session() -> None:
    clock = Clock()
    scans = ScanFilter(clock, idle_timeout=10)
    scans.offer(CODE)
    clock.now += 30
    scans.restart()
    assert scans.stop_reason() is None
    clock.now += 10
    assert scans.stop_reason() == "idle"
